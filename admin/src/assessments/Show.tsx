import { Alert, Box, Dialog, DialogActions, DialogContent, DialogTitle, Button as MuiButton, MenuItem, Table, TableBody, TableCell, TableHead, TableRow, TextField as MuiTextField } from '@mui/material';
import { useState } from 'react';
import {
  Button, DateField, NumberField, ReferenceField, TabbedShowLayout, TextField, TopToolbar, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate,
} from 'react-admin';
import type { LuoshiDataProvider } from '../dataProvider';
import { EnumField, useEnumChoices } from '../common/fields';
import { useCan } from '../common/hooks';
import { ResourceShow } from '../common/views';

const Actions = () => {
  const record = useRecordContext();
  const dataProvider = useDataProvider<LuoshiDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const canWrite = useCan('create', 'assessments');
  const tiers = useEnumChoices('AssessmentTier');
  const [open, setOpen] = useState(false);
  const [tier, setTier] = useState('');
  const [reason, setReason] = useState('');
  if (!record || !canWrite || record.status === 'CONFIRMED') return <TopToolbar />;
  const run = async (mutation: string, variables: Record<string, unknown>) => {
    try {
      await dataProvider.call('assessments', mutation, variables);
      notify('ra.notification.updated', { type: 'info', messageArgs: { smart_count: 1 } });
      refresh();
    } catch (error: any) {
      notify(error.message, { type: 'error' });
    }
  };
  return (
    <TopToolbar>
      <Button label="luoshi.assessment.override" onClick={() => setOpen(true)} />
      <Button label="luoshi.assessment.confirm" onClick={() => run('confirmAssessment', { id: record.id, version: record.version })} />
      <Dialog open={open} onClose={() => setOpen(false)}>
        <DialogTitle>{translate('luoshi.assessment.override')}</DialogTitle>
        <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2, pt: '8px !important', minWidth: 320 }}>
          <MuiTextField select label={translate('resources.assessments.fields.tier')} value={tier} onChange={(e) => setTier(e.target.value)}>
            {tiers.map((c) => <MenuItem key={c.id} value={c.id}>{c.name}</MenuItem>)}
          </MuiTextField>
          <MuiTextField required multiline label={translate('resources.assessments.fields.overrideReason')} value={reason} onChange={(e) => setReason(e.target.value)} />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton disabled={!tier || !reason.trim()} onClick={() => { setOpen(false); run('overrideAssessmentTier', { id: record.id, input: { tier, reason, version: record.version } }); }}>
            {translate('ra.action.confirm')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </TopToolbar>
  );
};

/** The explanation laid out so a reviewer can check the figures by hand. */
const Explanation = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const e = record?.explanation;
  if (!e) return null;
  const pct = (v: number | null | undefined) => (v == null ? '—' : `${Math.round(v * 1000) / 10}%`);
  return (
    <Box>
      {record.sentence && <Alert severity="info" sx={{ mb: 2 }}>{record.sentence}</Alert>}
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('luoshi.assessment.component')}</TableCell>
            <TableCell align="right">{translate('luoshi.assessment.value')}</TableCell>
            <TableCell align="right">{translate('luoshi.assessment.weight')}</TableCell>
            <TableCell align="right">{translate('luoshi.assessment.contribution')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {(e.components ?? []).map((c: any) => (
            <TableRow key={c.kind}>
              <TableCell>{translate(`enums.AssessmentComponentKind.${c.kind}`, { _: c.kind })}</TableCell>
              <TableCell align="right">{c.present ? c.value?.toFixed(1) : '—'}</TableCell>
              <TableCell align="right">{pct(c.weight)}</TableCell>
              <TableCell align="right">{c.contribution?.toFixed(2)}</TableCell>
            </TableRow>
          ))}
          <TableRow>
            <TableCell colSpan={3}>{translate('luoshi.assessment.penalty')}</TableCell>
            <TableCell align="right">−{Number(e.penalty ?? 0).toFixed(2)}</TableCell>
          </TableRow>
          <TableRow>
            <TableCell colSpan={3}><b>{translate('resources.assessments.fields.total')}</b></TableCell>
            <TableCell align="right"><b>{Number(e.total ?? 0).toFixed(2)}</b></TableCell>
          </TableRow>
        </TableBody>
      </Table>
      {(e.targets ?? []).length > 0 && (
        <Table size="small" sx={{ mt: 2 }}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('resources.targets.name', { smart_count: 2 })}</TableCell>
              <TableCell>{translate('resources.targets.fields.deadline')}</TableCell>
              <TableCell align="right">{translate('resources.targets.fields.progress')}</TableCell>
              <TableCell align="right">{translate('resources.targets.fields.weight')}</TableCell>
              <TableCell>{translate('resources.targets.fields.status')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {e.targets.map((t: any) => (
              <TableRow key={t.targetId}>
                <TableCell>{t.title}</TableCell>
                <TableCell>{t.deadline}</TableCell>
                <TableCell align="right">{pct(t.progress)}</TableCell>
                <TableCell align="right">{t.weight}</TableCell>
                <TableCell>{translate(`enums.TargetStatus.${t.status}`, { _: t.status })}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
};

export const AssessmentShow = () => {
  const translate = useTranslate();
  return (
    <ResourceShow
      typeName="Assessment"
      actions={<Actions />}
      extraTabs={[
        <TabbedShowLayout.Tab key="e" label={translate('luoshi.assessment.explanation')} path="explanation">
          <Explanation />
        </TabbedShowLayout.Tab>,
      ]}
    >
      <ReferenceField source="cadreId" reference="cadres" />
      <ReferenceField source="departmentId" reference="departments" />
      <TextField source="period" />
      <DateField source="asOf" />
      <NumberField source="total" options={{ maximumFractionDigits: 2 }} />
      <EnumField source="computedTier" enumName="AssessmentTier" />
      <EnumField source="tier" enumName="AssessmentTier" />
      <EnumField source="overrideTier" enumName="AssessmentTier" />
      <TextField source="overrideReason" emptyText="—" />
      <EnumField source="status" enumName="AssessmentStatus" />
      <DateField source="confirmedAt" showTime emptyText="—" />
      <NumberField source="version" />
    </ResourceShow>
  );
};
