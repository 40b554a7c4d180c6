/**
 * 督办台: what the prefecture has to chase. The notices the escalation ladder says are due
 * (`suggestedNotices`), each issued in one click after a confirmation with its content
 * prefilled from the reason; the notices left unanswered past their due date; and the
 * rectifications still open past their deadline.
 */
import { useState } from 'react';
import {
  Alert, Box, Button, Card, CardContent, Chip, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Link as MuiLink,
  Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography,
} from '@mui/material';
import SendIcon from '@mui/icons-material/Send';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router-dom';
import { Title, useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { LuoshiDataProvider } from '../dataProvider';
import { getUser } from '../authStorage';
import { ProgressField, WarningField } from '../common/fields';
import { DESK_ROLES } from './access';

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

const SUGGESTED = `query DeskSuggested($asOf: LocalDate) {
  suggestedNotices(asOf: $asOf) {
    level warning reason
    target { id title deadline progress(asOf: $asOf) responsibleCounty { id name } }
    lastNotice { id level issuedOn dueOn respondedOn }
  }
}`;
const OVERDUE_NOTICES = `query DeskOverdueNotices {
  supervisionNotices(filter: { overdue: { eq: true } }, orderBy: [{ field: DUE_ON }], limit: 100) {
    total
    items { id level content issuedOn dueOn county { name } target { id title } }
  }
}`;
const OVERDUE_RECTIFICATIONS = `query DeskOverdueRectifications {
  inspections(filter: { rectificationOverdue: { eq: true } }, orderBy: [{ field: RECTIFICATION_DEADLINE }], limit: 100) {
    total
    items { id kind inspectedOn findings rectificationDeadline rectificationStatus county { name } target { id title } }
  }
}`;
const ISSUE = `mutation DeskIssue($input: IssueSupervisionNoticeInput!) {
  issueSupervisionNotice(input: $input) { id level targetId issuedOn dueOn content }
}`;

interface Suggested {
  level: string;
  warning: string;
  reason: string;
  target: { id: string; title: string; deadline: string; progress: number | null; responsibleCounty: { id: string; name: string } | null };
  lastNotice: { id: string; level: string; issuedOn: string; dueOn: string; respondedOn: string | null } | null;
}

const Link = ({ to, children }: { to: string; children: React.ReactNode }) => (
  <MuiLink component={RouterLink} to={to} underline="hover">{children}</MuiLink>
);

const Section = ({ title, hint, count, testId, maxHeight, tools, children }: { title: string; hint?: string; count?: number; testId: string; maxHeight?: number; tools?: React.ReactNode; children: React.ReactNode }) => (
  <Card data-testid={testId}>
    <CardContent>
      <Stack direction="row" spacing={1} alignItems="center" sx={{ mb: 1 }}>
        <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>{title}</Typography>
        {count != null && <Chip size="small" label={count} color={count > 0 ? 'error' : 'default'} data-testid={`${testId}-count`} />}
        <Box sx={{ flex: 1 }} />
        {tools}
      </Stack>
      {hint && <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>{hint}</Typography>}
      <Box sx={{ overflow: 'auto', maxHeight, width: '100%', contain: 'inline-size' }}>{children}</Box>
    </CardContent>
  </Card>
);

const IssueDialog = ({ suggestion, onClose, onIssued }: { suggestion: Suggested; onClose: () => void; onIssued: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<LuoshiDataProvider>();
  const levelName = translate(`enums.NoticeLevel.${suggestion.level}`, { _: suggestion.level });
  const [content, setContent] = useState(`${translate('luoshi.desk.content_prefix')}${suggestion.target.title}：${suggestion.reason}`);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const issue = async () => {
    setBusy(true);
    setError(null);
    try {
      await dataProvider.query(ISSUE, { input: { targetId: suggestion.target.id, level: suggestion.level, content: content.trim() } });
      notify(translate('luoshi.desk.issued', { level: levelName }), { type: 'success' });
      onIssued();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={busy ? undefined : onClose} fullWidth maxWidth="sm" data-testid="issue-dialog">
      <DialogTitle>{translate('luoshi.desk.issue_title', { level: levelName })}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>
          {translate('luoshi.desk.issue_confirm', { county: suggestion.target.responsibleCounty?.name ?? '', target: suggestion.target.title, level: levelName })}
        </DialogContentText>
        <TextField
          label={translate('luoshi.desk.content')}
          value={content}
          onChange={(e) => setContent(e.target.value)}
          multiline
          minRows={3}
          fullWidth
          error={!content.trim()}
          slotProps={{ htmlInput: { 'data-testid': 'issue-content' } }}
        />
        {error && <Alert severity="error" sx={{ mt: 2 }}>{error}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" onClick={issue} disabled={busy || !content.trim()} startIcon={<SendIcon />}>
          {translate('ra.action.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

const DeskContent = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<LuoshiDataProvider>();
  const queryClient = useQueryClient();
  const [asOf, setAsOf] = useState(today());
  const [issuing, setIssuing] = useState<Suggested | null>(null);

  const suggested = useQuery({
    queryKey: ['desk', 'suggested', asOf],
    queryFn: () => dataProvider.query<{ suggestedNotices: Suggested[] }>(SUGGESTED, { asOf }).then((d) => d.suggestedNotices),
  });
  const notices = useQuery({
    queryKey: ['desk', 'notices'],
    queryFn: () => dataProvider.query<{ supervisionNotices: { total: number; items: any[] } }>(OVERDUE_NOTICES).then((d) => d.supervisionNotices),
  });
  const rectifications = useQuery({
    queryKey: ['desk', 'rectifications'],
    queryFn: () => dataProvider.query<{ inspections: { total: number; items: any[] } }>(OVERDUE_RECTIFICATIONS).then((d) => d.inspections),
  });
  const level = (value: string) => translate(`enums.NoticeLevel.${value}`, { _: value });
  const none = <Typography color="text.secondary">{translate('luoshi.desk.none')}</Typography>;
  const failed = (error: unknown) => (error ? <Alert severity="error">{(error as Error).message}</Alert> : null);

  return (
    <Stack spacing={2} sx={{ mt: 2, mb: 4 }}>
      <Typography variant="h5">{translate('luoshi.desk.title')}</Typography>

      <Section title={translate('luoshi.desk.suggested')} hint={translate('luoshi.desk.suggested_hint')} count={suggested.data?.length} testId="desk-suggested" maxHeight={460}
        tools={
          <TextField
            type="date"
            size="small"
            sx={{ width: 190 }}
            label={translate('luoshi.desk.as_of')}
            value={asOf}
            onChange={(e) => e.target.value && setAsOf(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
        }
      >
        {failed(suggested.error)}
        {suggested.data?.length === 0 && none}
        {!!suggested.data?.length && (
          <Table size="small" stickyHeader>
            <TableHead>
              <TableRow>
                <TableCell>{translate('luoshi.desk.county')}</TableCell>
                <TableCell>{translate('luoshi.desk.target')}</TableCell>
                <TableCell>{translate('luoshi.desk.warning')}</TableCell>
                <TableCell>{translate('luoshi.desk.progress')}</TableCell>
                <TableCell>{translate('luoshi.desk.last_notice')}</TableCell>
                <TableCell>{translate('luoshi.desk.reason')}</TableCell>
                <TableCell>{translate('luoshi.desk.level')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {suggested.data.map((s) => (
                <TableRow key={s.target.id} data-testid="suggested-notice" data-target-id={s.target.id} data-level={s.level}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{s.target.responsibleCounty?.name}</TableCell>
                  <TableCell sx={{ minWidth: 200 }}>
                    <Link to={`/targets/${s.target.id}/show`}>{s.target.title}</Link>
                    <Typography variant="caption" color="text.secondary" component="div">{translate('luoshi.desk.deadline')} {s.target.deadline}</Typography>
                  </TableCell>
                  <TableCell><WarningField record={{ warning: s.warning }} /></TableCell>
                  <TableCell><ProgressField record={{ progress: s.target.progress }} /></TableCell>
                  <TableCell sx={{ minWidth: 110 }}>
                    {s.lastNotice ? <>{level(s.lastNotice.level)}<Typography variant="caption" color="text.secondary" component="div">{s.lastNotice.issuedOn}</Typography></> : '—'}
                  </TableCell>
                  <TableCell sx={{ minWidth: 160 }}>{s.reason}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    <Button size="small" variant="contained" color={s.level === 'RED' ? 'error' : 'primary'} startIcon={<SendIcon />} onClick={() => setIssuing(s)}>
                      {translate('luoshi.desk.issue')} {level(s.level)}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Section>

      <Section title={translate('luoshi.desk.overdue_notices')} count={notices.data?.total} testId="desk-overdue-notices">
        {failed(notices.error)}
        {notices.data?.items.length === 0 && none}
        {!!notices.data?.items.length && (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('luoshi.desk.county')}</TableCell>
                <TableCell>{translate('luoshi.desk.target')}</TableCell>
                <TableCell>{translate('luoshi.desk.level')}</TableCell>
                <TableCell>{translate('luoshi.desk.issued_on')}</TableCell>
                <TableCell>{translate('luoshi.desk.due_on')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {notices.data.items.map((n) => (
                <TableRow key={n.id} data-testid="overdue-notice">
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{n.county?.name}</TableCell>
                  <TableCell>{n.target ? <Link to={`/targets/${n.target.id}/show`}>{n.target.title}</Link> : null}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}><Link to={`/supervisionNotices/${n.id}/show`}>{level(n.level)}</Link></TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{n.issuedOn}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{n.dueOn}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    <Chip size="small" color="error" variant="outlined" label={translate('luoshi.desk.days_over', { smart_count: Math.max(1, daysBetween(n.dueOn, today())) })} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Section>

      <Section title={translate('luoshi.desk.overdue_rectifications')} count={rectifications.data?.total} testId="desk-overdue-rectifications">
        {failed(rectifications.error)}
        {rectifications.data?.items.length === 0 && none}
        {!!rectifications.data?.items.length && (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('luoshi.desk.county')}</TableCell>
                <TableCell>{translate('luoshi.desk.target')}</TableCell>
                <TableCell>{translate('luoshi.desk.inspected_on')}</TableCell>
                <TableCell>{translate('luoshi.desk.findings')}</TableCell>
                <TableCell>{translate('luoshi.desk.rectification_deadline')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {rectifications.data.items.map((i) => (
                <TableRow key={i.id} data-testid="overdue-rectification">
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{i.county?.name}</TableCell>
                  <TableCell>{i.target ? <Link to={`/targets/${i.target.id}/show`}>{i.target.title}</Link> : null}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}><Link to={`/inspections/${i.id}/show`}>{i.inspectedOn}</Link></TableCell>
                  <TableCell sx={{ minWidth: 220 }}>{i.findings}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{i.rectificationDeadline}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    <Chip size="small" color="error" variant="outlined" label={translate('luoshi.desk.days_over', { smart_count: Math.max(1, daysBetween(i.rectificationDeadline, today())) })} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Section>

      {issuing && (
        <IssueDialog
          suggestion={issuing}
          onClose={() => setIssuing(null)}
          onIssued={() => {
            setIssuing(null);
            queryClient.invalidateQueries({ queryKey: ['desk'] });
          }}
        />
      )}
    </Stack>
  );
};

export const SupervisionDesk = () => {
  const translate = useTranslate();
  const user = getUser();
  return (
    <Box>
      <Title title={translate('luoshi.desk.title')} />
      {user && DESK_ROLES.includes(user.role) ? <DeskContent /> : <Alert severity="warning" sx={{ mt: 2 }}>{translate('luoshi.desk.not_allowed')}</Alert>}
    </Box>
  );
};
