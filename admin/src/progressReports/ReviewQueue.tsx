/**
 * 审核队列: submitted reports, oldest first; approve or reject several at once, with a note.
 */
import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, TextField as MuiTextField } from '@mui/material';
import { cloneElement, useState } from 'react';
import {
  Button, Datagrid, DateField, List, NumberField, ReferenceField, TextField, useDataProvider, useListContext, useNotify, useRefresh, useTranslate, useUnselectAll,
} from 'react-admin';
import type { LuoshiDataProvider } from '../dataProvider';
import { countyFilter, ProgressField } from '../common/fields';
import { useUser } from '../common/hooks';

const ReviewButtons = () => {
  const { selectedIds, data } = useListContext();
  const dataProvider = useDataProvider<LuoshiDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const unselectAll = useUnselectAll('progressReports');
  const translate = useTranslate();
  const [decision, setDecision] = useState<'APPROVED' | 'REJECTED' | null>(null);
  const [note, setNote] = useState('');
  const review = async () => {
    const chosen = decision!;
    setDecision(null);
    let done = 0;
    const failures: string[] = [];
    for (const id of selectedIds) {
      const record = data?.find((r) => r.id === id);
      try {
        await dataProvider.call('progressReports', 'reviewProgressReport', { id, input: { decision: chosen, note: note || null, version: record?.version } });
        done++;
      } catch (error: any) {
        failures.push(`#${id}: ${error.message}`);
      }
    }
    setNote('');
    notify(failures.length ? failures.join('\n') : 'luoshi.review.done', { type: failures.length ? 'error' : 'info', messageArgs: { smart_count: done } });
    unselectAll();
    refresh();
  };
  return (
    <>
      <Button label="luoshi.review.approve" onClick={() => setDecision('APPROVED')} />
      <Button label="luoshi.review.reject" color="error" onClick={() => setDecision('REJECTED')} />
      <Dialog open={!!decision} onClose={() => setDecision(null)}>
        <DialogTitle>{translate(decision === 'REJECTED' ? 'luoshi.review.reject' : 'luoshi.review.approve')} · {translate('ra.action.bulk_actions', { smart_count: selectedIds.length })}</DialogTitle>
        <DialogContent sx={{ pt: '8px !important', minWidth: 320 }}>
          <MuiTextField fullWidth multiline minRows={2} label={translate('resources.progressReports.fields.reviewNote')} value={note} onChange={(e) => setNote(e.target.value)} />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setDecision(null)}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton variant="contained" onClick={review}>{translate('ra.action.confirm')}</MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};

export const ReviewQueue = () => {
  const user = useUser();
  return (
    <List
      resource="progressReports"
      title="luoshi.review.title"
      filter={{ status: 'SUBMITTED' }}
      filters={countyFilter(user?.role).map((f) => cloneElement(f, { alwaysOn: true }))}
      sort={{ field: 'reportedOn', order: 'ASC' }}
      perPage={50}
      exporter={false}
      actions={false}
      storeKey="review-queue"
    >
      <Datagrid bulkActionButtons={<ReviewButtons />} rowClick="toggleSelection">
        <ReferenceField source="targetId" reference="targets" link="show" sortable={false} />
        <ReferenceField source="countyId" reference="counties" link={false} sortable={false} />
        <TextField source="period" />
        <DateField source="reportedOn" />
        <NumberField source="actualValue" sortable={false} />
        <NumberField source="percentComplete" sortable={false} />
        <TextField source="narrative" sortable={false} />
        <ReferenceField source="targetId" reference="targets" link={false} sortable={false} label="resources.targets.fields.progress">
          <ProgressField source="progress" />
        </ReferenceField>
      </Datagrid>
    </List>
  );
};
