/** 红黄绿灯 of the leaf targets by category (targetStats grouped by CATEGORY). */
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useTranslate } from 'react-admin';
import type { LuoshiDataProvider } from '../dataProvider';
import { ReactEChartsCore, baseOption, echarts, LIGHT_COLORS } from './charts';
import { Widget } from './Widget';

interface Row { category: string; red: number; yellow: number; green: number }

export const WarningsByCategory = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<LuoshiDataProvider>();
  const { data } = useQuery({
    queryKey: ['stats-by-category'],
    queryFn: () =>
      dataProvider
        .query<{ targetStats: Row[] }>('{ targetStats(filter: { isLeaf: { eq: true } }, groupBy: [CATEGORY]) { category red yellow green } }')
        .then((d) => d.targetStats),
  });
  const rows = data ?? [];
  const categories = rows.map((r) => translate(`enums.TargetCategory.${r.category}`, { _: r.category }));
  const lights = (['RED', 'YELLOW', 'GREEN'] as const).map((light) => ({
    type: 'bar',
    stack: 'lights',
    name: translate(`enums.WarningLevel.${light}`),
    itemStyle: { color: LIGHT_COLORS[light] },
    label: { show: true, formatter: (p: any) => (p.value ? String(p.value) : '') },
    data: rows.map((r) => r[light.toLowerCase() as 'red' | 'yellow' | 'green']),
  }));
  const option = {
    ...baseOption,
    grid: { left: 100, right: 20, top: 30, bottom: 20 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: categories },
    series: lights,
  };
  return (
    <Widget title={translate('luoshi.dashboard.by_category')} testId="warnings-by-category">
      <div data-series={JSON.stringify(rows.map((r) => ({ category: r.category, red: r.red, yellow: r.yellow, green: r.green })))}>
        <ReactEChartsCore echarts={echarts} option={option} style={{ height: 260 }} opts={{ renderer: 'svg' }} notMerge />
      </div>
    </Widget>
  );
};
