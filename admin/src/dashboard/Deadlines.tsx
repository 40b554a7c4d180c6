/** Upcoming deadlines (next 30 days, not completed) and rectifications past their deadline. */
import { List as MuiList, ListItem, ListItemText, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { useGetList, useTranslate } from 'react-admin';
import { WarningField } from '../common/fields';
import { Widget } from './Widget';

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export const UpcomingDeadlines = () => {
  const translate = useTranslate();
  const today = new Date();
  const until = new Date(today.getTime() + 30 * 86_400_000);
  const { data } = useGetList('targets', {
    filter: { isLeaf: true, deadline_gte: isoDay(today), deadline_lte: isoDay(until), status: ['NOT_STARTED', 'IN_PROGRESS'] },
    sort: { field: 'deadline', order: 'ASC' },
    pagination: { page: 1, perPage: 8 },
  });
  return (
    <Widget title={translate('luoshi.dashboard.upcoming')} testId="upcoming">
      {data?.length === 0 && <Typography color="text.secondary">{translate('luoshi.dashboard.none')}</Typography>}
      <MuiList dense>
        {data?.map((t) => (
          <ListItem key={t.id} component={Link} to={`/targets/${t.id}/show`} secondaryAction={<WarningField record={t} />} sx={{ color: 'inherit' }}>
            <ListItemText primary={t.title} secondary={t.deadline} />
          </ListItem>
        ))}
      </MuiList>
    </Widget>
  );
};

export const OverdueRectifications = () => {
  const translate = useTranslate();
  const { data } = useGetList('inspections', { filter: { rectificationOverdue: true }, sort: { field: 'rectificationDeadline', order: 'ASC' }, pagination: { page: 1, perPage: 8 } });
  const { data: counties } = useGetList('counties', { pagination: { page: 1, perPage: 100 }, sort: { field: 'code', order: 'ASC' } });
  const name = (id: string) => counties?.find((c) => c.id === id)?.name ?? '';
  return (
    <Widget title={translate('luoshi.dashboard.overdue_rectifications')} testId="overdue-rectifications">
      {data?.length === 0 && <Typography color="text.secondary">{translate('luoshi.dashboard.none')}</Typography>}
      <MuiList dense>
        {data?.map((i) => (
          <ListItem key={i.id} component={Link} to={`/inspections/${i.id}/show`} sx={{ color: 'inherit' }}>
            <ListItemText primary={`${name(i.countyId)} · ${i.findings}`} secondary={`${translate('resources.inspections.fields.rectificationDeadline')} ${i.rectificationDeadline}`} primaryTypographyProps={{ noWrap: true }} />
          </ListItem>
        ))}
      </MuiList>
    </Widget>
  );
};
