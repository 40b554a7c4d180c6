/**
 * 考核排名: the region's (or one county's) ranking of a period by tier, then total, with the
 * count of each tier.
 */
import { Box, Card, CardContent, Chip, Link as MuiLink, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Title, useDataProvider, useGetList, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import type { LuoshiDataProvider } from '../dataProvider';
import { useUser } from '../common/hooks';

const QUERY = `query($p: String!, $f: AssessmentFilter) { assessmentRanking(period: $p, filter: $f) {
  tierCounts { tier count } entries { rank assessmentId cadreName departmentName countyName position total tier computedTier status } } }`;

export const AssessmentRanking = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<LuoshiDataProvider>();
  const user = useUser();
  const [period, setPeriod] = useState(String(new Date().getFullYear()));
  const [countyId, setCountyId] = useState<string>(user?.role === 'COUNTY' ? user.countyId ?? '' : '');
  const { data: counties } = useGetList('counties', { pagination: { page: 1, perPage: 100 }, sort: { field: 'code', order: 'ASC' } });
  const { data, error } = useQuery({
    queryKey: ['assessmentRanking', period, countyId],
    retry: false,
    queryFn: () =>
      dataProvider.query(QUERY, { p: period, f: countyId ? { countyId: { eq: countyId } } : null }).then((d) => d.assessmentRanking),
  });
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate('luoshi.assessment.ranking')} />
      <CardContent>
        <Stack direction="row" spacing={2} sx={{ mb: 2, flexWrap: 'wrap', alignItems: 'center' }}>
          <TextField size="small" sx={{ width: 160 }} label={translate('resources.assessments.fields.period')} value={period} onChange={(e) => setPeriod(e.target.value)} />
          <TextField select size="small" sx={{ width: 200 }} label={translate('resources.counties.name')} value={countyId} onChange={(e) => setCountyId(e.target.value)} disabled={user?.role === 'COUNTY'}>
            <MenuItem value="">{translate('luoshi.assessment.whole_region')}</MenuItem>
            {counties?.map((c) => <MenuItem key={c.id} value={c.id}>{c.name}</MenuItem>)}
          </TextField>
          <Box sx={{ display: 'flex', gap: 1 }} data-testid="tier-counts">
            {data?.tierCounts.map((t: any) => (
              <Chip key={t.tier} label={`${translate(`enums.AssessmentTier.${t.tier}`, { _: t.tier })} ${t.count}`} data-tier={t.tier} data-count={t.count} />
            ))}
          </Box>
        </Stack>
        {error && <Box color="error.main">{(error as Error).message}</Box>}
        <Table size="small" data-testid="assessment-ranking">
          <TableHead>
            <TableRow>
              <TableCell>#</TableCell>
              <TableCell>{translate('resources.assessments.fields.cadreId')}</TableCell>
              <TableCell>{translate('resources.assessments.fields.departmentId')}</TableCell>
              <TableCell>{translate('resources.counties.name')}</TableCell>
              <TableCell align="right">{translate('resources.assessments.fields.total')}</TableCell>
              <TableCell>{translate('resources.assessments.fields.tier')}</TableCell>
              <TableCell>{translate('resources.assessments.fields.status')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data?.entries.map((e: any) => (
              <TableRow key={e.assessmentId} hover>
                <TableCell>{e.rank}</TableCell>
                <TableCell>
                  <MuiLink component={Link} to={`/assessments/${e.assessmentId}/show`} underline="hover">{e.cadreName}</MuiLink>
                  {e.position ? `（${e.position}）` : ''}
                </TableCell>
                <TableCell>{e.departmentName}</TableCell>
                <TableCell>{e.countyName ?? translate('luoshi.region_level')}</TableCell>
                <TableCell align="right">{Number(e.total).toFixed(2)}</TableCell>
                <TableCell>{translate(`enums.AssessmentTier.${e.tier}`, { _: e.tier })}{e.tier !== e.computedTier ? ' *' : ''}</TableCell>
                <TableCell>{translate(`enums.AssessmentStatus.${e.status}`, { _: e.status })}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
};
