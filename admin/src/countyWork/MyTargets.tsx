/**
 * 我的目标: a county's leaf targets, red first, then yellow, then green, each with a quick
 * progress entry that fits a phone; and the supervision notices still to answer.
 */
import { Box, Button, Card, CardActions, CardContent, Chip, Collapse, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Title, useDataProvider, useGetList, useNotify, useRefresh, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import type { LuoshiDataProvider } from '../dataProvider';
import { EnumField, ProgressField, WarningField } from '../common/fields';

const QuickReport = ({ target, onDone }: { target: any; onDone: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<LuoshiDataProvider>();
  const [isPending, setPending] = useState(false);
  const quantitative = target.kind === 'QUANTITATIVE';
  const [value, setValue] = useState('');
  const [narrative, setNarrative] = useState('');
  const [evidence, setEvidence] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = async () => {
    setPending(true);
    try {
      const amount = value === '' ? null : Number(value);
      await dataProvider.create('progressReports', {
        data: { targetId: target.id, [quantitative ? 'actualValue' : 'percentComplete']: amount, narrative, evidence },
      });
      notify('luoshi.work.reported', { type: 'info' });
      onDone();
    } catch (error: any) {
      if (error?.body?.errors) setErrors(error.body.errors);
      notify(error.message, { type: 'error' });
    } finally {
      setPending(false);
    }
  };
  return (
    <Stack spacing={1.5} sx={{ pt: 1 }} data-testid={`quick-report-${target.id}`}>
      <TextField
        size="small"
        type="number"
        label={translate(quantitative ? 'resources.progressReports.fields.actualValue' : 'resources.progressReports.fields.percentComplete') + (target.unit ? `（${target.unit}）` : '')}
        helperText={errors.actualValue ?? errors.percentComplete ?? (quantitative && target.targetValue != null ? `${translate('resources.targets.fields.targetValue')} ${target.targetValue}` : ' ')}
        error={!!(errors.actualValue ?? errors.percentComplete)}
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
      <TextField size="small" required multiline minRows={2} label={translate('resources.progressReports.fields.narrative')} value={narrative} onChange={(e) => setNarrative(e.target.value)} error={!!errors.narrative} helperText={errors.narrative ?? ' '} />
      <TextField size="small" label={translate('resources.progressReports.fields.evidence')} value={evidence} onChange={(e) => setEvidence(e.target.value)} />
      <Button variant="contained" disabled={isPending || !narrative.trim()} onClick={submit}>
        {translate('luoshi.work.submit_report')}
      </Button>
    </Stack>
  );
};

const TargetCard = ({ target }: { target: any }) => {
  const translate = useTranslate();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  return (
    <Card variant="outlined" data-testid="my-target">
      <CardContent sx={{ pb: 1 }}>
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', justifyContent: 'space-between' }}>
          <Typography variant="subtitle1" component={Link} to={`/targets/${target.id}/show`} sx={{ color: 'inherit', textDecoration: 'none', fontWeight: 600 }}>
            {target.title}
          </Typography>
          <WarningField record={target} />
        </Box>
        <ProgressField record={target} />
        <Typography variant="body2" color="text.secondary">
          {translate('resources.targets.fields.deadline')} {target.deadline} · <EnumField record={target} source="status" enumName="TargetStatus" />
        </Typography>
      </CardContent>
      <CardActions sx={{ pt: 0 }}>
        <Button size="small" onClick={() => setOpen(!open)}>{translate('luoshi.work.report_progress')}</Button>
      </CardActions>
      <Collapse in={open} unmountOnExit>
        <Box sx={{ px: 2, pb: 2 }}>
          <QuickReport target={target} onDone={() => { setOpen(false); refresh(); }} />
        </Box>
      </Collapse>
    </Card>
  );
};

const Lights = ({ warning }: { warning: string }) => {
  const { data } = useGetList('targets', { filter: { isLeaf: true, warning }, sort: { field: 'deadline', order: 'ASC' }, pagination: { page: 1, perPage: 200 } });
  return <>{data?.map((t) => <TargetCard key={t.id} target={t} />)}</>;
};

const NoticeCard = ({ notice }: { notice: any }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<LuoshiDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [response, setResponse] = useState('');
  const [open, setOpen] = useState(false);
  const respond = async () => {
    try {
      await dataProvider.call('supervisionNotices', 'respondToSupervisionNotice', { id: notice.id, input: { response, version: notice.version } });
      notify('luoshi.work.responded', { type: 'info' });
      refresh();
    } catch (error: any) {
      notify(error.message, { type: 'error' });
    }
  };
  return (
    <Card variant="outlined" data-testid="open-notice">
      <CardContent sx={{ pb: 1 }}>
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
          <Chip size="small" color={notice.overdue ? 'error' : 'default'} label={<EnumField record={notice} source="level" enumName="NoticeLevel" />} />
          <Typography variant="body2">{translate('resources.supervisionNotices.fields.dueOn')} {notice.dueOn}</Typography>
        </Box>
        <Typography variant="body2" sx={{ mt: 1 }}>{notice.content}</Typography>
      </CardContent>
      <CardActions sx={{ pt: 0 }}>
        <Button size="small" onClick={() => setOpen(!open)}>{translate('luoshi.work.respond')}</Button>
      </CardActions>
      <Collapse in={open} unmountOnExit>
        <Stack spacing={1} sx={{ px: 2, pb: 2 }}>
          <TextField size="small" multiline minRows={2} label={translate('resources.supervisionNotices.fields.response')} value={response} onChange={(e) => setResponse(e.target.value)} />
          <Button variant="contained" disabled={!response.trim()} onClick={respond}>{translate('luoshi.work.respond')}</Button>
        </Stack>
      </Collapse>
    </Card>
  );
};

export const MyTargets = () => {
  const translate = useTranslate();
  const { data: notices } = useGetList('supervisionNotices', { filter: { respondedOn_isNull: true }, sort: { field: 'dueOn', order: 'ASC' }, pagination: { page: 1, perPage: 50 } });
  return (
    <Box sx={{ mt: 2, maxWidth: 900 }}>
      <Title title={translate('luoshi.work.my_targets')} />
      {!!notices?.length && (
        <>
          <Typography variant="h6" sx={{ mb: 1 }}>{translate('luoshi.work.notices_to_answer')}</Typography>
          <Stack spacing={1} sx={{ mb: 3 }}>{notices.map((n) => <NoticeCard key={n.id} notice={n} />)}</Stack>
        </>
      )}
      <Typography variant="h6" sx={{ mb: 1 }}>{translate('luoshi.work.my_targets')}</Typography>
      <Stack spacing={1}>
        <Lights warning="RED" />
        <Lights warning="YELLOW" />
        <Lights warning="GREEN" />
      </Stack>
    </Box>
  );
};
