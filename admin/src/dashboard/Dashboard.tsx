import { Box, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Title, useDataProvider, useTranslate } from 'react-admin';
import type { LuoshiDataProvider } from '../dataProvider';
import { useUser } from '../common/hooks';
import { KpiCards, type TargetTotals } from './KpiCards';

export const Dashboard = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<LuoshiDataProvider>();
  const user = useUser();
  const { data: totals } = useQuery({
    queryKey: ['dashboard-totals'],
    queryFn: () =>
      dataProvider
        .query<{ targetStats: TargetTotals[] }>('{ targetStats(filter: { isLeaf: { eq: true } }) { count completed overdue red yellow green meanProgress } }')
        .then((d) => d.targetStats[0]),
  });
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('ra.page.dashboard')} />
      <Typography variant="h5" sx={{ mb: 2 }}>
        {translate('luoshi.dashboard.welcome', { name: user?.displayName || user?.username || '' })}
      </Typography>
      <KpiCards totals={totals} />
    </Box>
  );
};
