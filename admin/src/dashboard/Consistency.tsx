/**
 * 时好时坏、时紧时松: each county's monthly schedule score; inconsistent counties stand out in
 * red, and the rules that fired show on hover.
 */
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useTranslate } from 'react-admin';
import type { LuoshiDataProvider } from '../dataProvider';
import { ReactEChartsCore, baseOption, echarts } from './charts';
import { Widget } from './Widget';

interface County { countyName: string; verdict: string; findings: { rule: string; description: string }[]; months: { month: string; scheduleScore: number | null }[] }

export const Consistency = ({ year }: { year: string }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<LuoshiDataProvider>();
  const { data, error } = useQuery({
    queryKey: ['consistency', year],
    retry: false,
    queryFn: () =>
      dataProvider
        .query<{ consistency: { months: string[]; counties: County[] } }>(
          'query($f: String!, $t: String!) { consistency(from: $f, to: $t) { months counties { countyName verdict findings { rule description } months { month scheduleScore } } } }',
          { f: year, t: year },
        )
        .then((d) => d.consistency),
  });
  if (error) return null; // an API without consistency: the widget is left out
  const months = data?.months ?? [];
  const counties = data?.counties ?? [];
  const option = {
    ...baseOption,
    grid: { left: 40, right: 20, top: 20, bottom: 30 },
    tooltip: {
      trigger: 'item',
      formatter: (p: any) => {
        const county = counties[p.seriesIndex];
        const rules = county.findings.map((f) => `${translate(`enums.ConsistencyRule.${f.rule}`, { _: f.rule })}：${f.description}`).join('<br/>');
        return `<b>${county.countyName}</b> ${p.name}：${p.value ?? '—'}<br/>${rules || translate('enums.ConsistencyVerdict.CONSISTENT')}`;
      },
    },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', min: 0, max: 100 },
    series: counties.map((c) => {
      const odd = c.verdict === 'INCONSISTENT';
      return {
        type: 'line',
        name: c.countyName,
        data: months.map((m) => {
          const v = c.months.find((x) => x.month === m)?.scheduleScore;
          return v == null ? null : Math.round(v * 1000) / 10;
        }),
        lineStyle: { width: odd ? 3 : 1, color: odd ? '#d32f2f' : '#b0bec5' },
        itemStyle: { color: odd ? '#d32f2f' : '#b0bec5' },
        z: odd ? 3 : 1,
        symbolSize: odd ? 6 : 3,
      };
    }),
  };
  const inconsistent = counties.filter((c) => c.verdict === 'INCONSISTENT').map((c) => c.countyName);
  return (
    <Widget title={`${translate('luoshi.dashboard.consistency')} · ${year}`} testId="consistency">
      <div data-inconsistent={JSON.stringify(inconsistent)}>
        <ReactEChartsCore echarts={echarts} option={option} style={{ height: 280 }} opts={{ renderer: 'svg' }} notMerge />
      </div>
    </Widget>
  );
};
