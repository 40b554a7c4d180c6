import { Box, Grid, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Title, useDataProvider, useTranslate } from 'react-admin';
import type { LuoshiDataProvider } from '../dataProvider';
import { useUser } from '../common/hooks';
import { KpiCards, type TargetTotals } from './KpiCards';
import { CountyRanking } from './CountyRanking';
import { WarningsByCategory } from './WarningsByCategory';
import { Consistency } from './Consistency';
import { OverdueRectifications, UpcomingDeadlines } from './Deadlines';

/** 工作台: figures first, then ranking and lights, the consistency of reporting, and what is due. */
export const Dashboard = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<LuoshiDataProvider>();
  const user = useUser();
  const [period, setPeriod] = useState(String(new Date().getFullYear()));
  const { data: totals } = useQuery({
    queryKey: ['dashboard-totals'],
    queryFn: () =>
      dataProvider
        .query<{ targetStats: TargetTotals[] }>('{ targetStats(filter: { isLeaf: { eq: true } }) { count completed overdue red yellow green meanProgress } }')
        .then((d) => d.targetStats[0]),
  });
  return (
    <Box sx={{ mt: 2, mb: 4 }}>
      <Title title={translate('ra.page.dashboard')} />
      <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: 1, mb: 2 }}>
        <Typography variant="h5">{translate('luoshi.dashboard.welcome', { name: user?.displayName || user?.username || '' })}</Typography>
        <TextField size="small" sx={{ width: 220 }} label={translate("luoshi.dashboard.period")} value={period} onChange={(e) => setPeriod(e.target.value)} helperText="2026 / 2026-Q3 / 2026-09" />
      </Box>
      <KpiCards totals={totals} />
      <Grid container spacing={2} sx={{ mt: 0 }}>
        <Grid size={{ xs: 12, md: 6 }}>
          <CountyRanking period={period} />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <WarningsByCategory />
        </Grid>
        <Grid size={{ xs: 12 }}>
          <Consistency year={period.slice(0, 4)} />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <UpcomingDeadlines />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <OverdueRectifications />
        </Grid>
      </Grid>
    </Box>
  );
};
