import { Card, CardContent, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { CreateButton, Datagrid, DateField, List, NumberField, TextField, TopToolbar, useDataProvider, useTranslate } from 'react-admin';
import type { LuoshiDataProvider } from '../dataProvider';
import { useCan } from '../common/hooks';

const FIELDS = ['redGap', 'yellowGap', 'yellowDaysLeft', 'yellowMinProgress', 'noticeResponseDays'] as const;

/** The current policy (built-in defaults until one is saved). */
export const CurrentPolicy = () => {
  const dataProvider = useDataProvider<LuoshiDataProvider>();
  const translate = useTranslate();
  const { data } = useQuery({
    queryKey: ['assessmentPolicy'],
    queryFn: () => dataProvider.query(`{ assessmentPolicy { ${FIELDS.join(' ')} } }`).then((d) => d.assessmentPolicy),
  });
  return (
    <Card sx={{ mb: 2 }}>
      <CardContent>
        <Typography variant="h6">{translate('luoshi.policy.current')}</Typography>
        {data && FIELDS.map((f) => (
          <Typography key={f} variant="body2">{translate(`resources.assessmentPolicies.fields.${f}`)}：{data[f]}</Typography>
        ))}
      </CardContent>
    </Card>
  );
};

export const PolicyList = () => {
  const canCreate = useCan('create', 'assessmentPolicies');
  return (
    <List actions={<TopToolbar>{canCreate && <CreateButton label="luoshi.policy.save_new" />}</TopToolbar>} aside={undefined} pagination={false} exporter={false} title="luoshi.policy.history" empty={false}>
      <>
        <CurrentPolicy />
        <Datagrid bulkActionButtons={false} rowClick={false}>
          <DateField source="createdAt" showTime sortable={false} />
          <NumberField source="redGap" sortable={false} />
          <NumberField source="yellowGap" sortable={false} />
          <NumberField source="yellowDaysLeft" sortable={false} />
          <NumberField source="yellowMinProgress" sortable={false} />
          <NumberField source="noticeResponseDays" sortable={false} />
          <TextField source="note" sortable={false} />
        </Datagrid>
      </>
    </List>
  );
};
