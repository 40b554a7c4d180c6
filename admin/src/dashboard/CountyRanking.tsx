/** County ranking of the period (scoreboard): schedule score per county, best first; the user's county stands out. */
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useTranslate } from 'react-admin';
import type { LuoshiDataProvider } from '../dataProvider';
import { useUser } from '../common/hooks';
import { ReactEChartsCore, baseOption, echarts } from './charts';
import { Widget } from './Widget';

export interface RankingEntry { rank: number; unitId: string; unitName: string; scheduleScore: number | null; meanProgress: number; red: number; yellow: number }

export const useScoreboard = (period: string) => {
  const dataProvider = useDataProvider<LuoshiDataProvider>();
  return useQuery({
    queryKey: ['scoreboard', period],
    queryFn: () =>
      dataProvider
        .query<{ scoreboard: { entries: RankingEntry[] } }>(
          'query($p: String!) { scoreboard(period: $p, level: COUNTY) { entries { rank unitId unitName scheduleScore meanProgress red yellow } } }',
          { p: period },
        )
        .then((d) => d.scoreboard.entries),
  });
};

const pct = (v: number | null) => (v == null ? null : Math.round(v * 1000) / 10);

export const CountyRanking = ({ period }: { period: string }) => {
  const translate = useTranslate();
  const user = useUser();
  const { data } = useScoreboard(period);
  const entries = [...(data ?? [])].sort((a, b) => a.rank - b.rank);
  const series = entries.map((e) => ({ name: e.unitName, value: pct(e.scheduleScore) }));
  const option = {
    ...baseOption,
    grid: { left: 70, right: 40, top: 10, bottom: 20 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', min: 0, max: 100 },
    yAxis: { type: 'category', inverse: true, data: entries.map((e) => e.unitName), axisLabel: { interval: 0 } },
    series: [
      {
        type: 'bar',
        name: translate('luoshi.dashboard.schedule_score'),
        data: entries.map((e) => ({
          value: pct(e.scheduleScore),
          itemStyle: { color: user?.countyId && e.unitId === user.countyId ? '#b71c1c' : '#90a4ae' },
        })),
        label: { show: true, position: 'right', formatter: '{c}' },
      },
    ],
  };
  return (
    <Widget title={`${translate('luoshi.dashboard.ranking')} · ${period}`} testId="county-ranking">
      <div data-series={JSON.stringify(series)}>
        <ReactEChartsCore echarts={echarts} option={option} style={{ height: Math.max(260, entries.length * 24) }} opts={{ renderer: 'svg' }} notMerge />
      </div>
    </Widget>
  );
};
