/**
 * Apache ECharts, only the parts the dashboard uses (tree-shaken), drawn as SVG: crisp in
 * print and readable by the browser tests. Text uses the console's system font stack.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, MarkLineComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
// The ES module build: the CommonJS one (lib/) comes through the bundler as { default }.
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { FONT_STACK } from '../theme';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, MarkLineComponent, SVGRenderer]);

export { echarts, ReactEChartsCore };
export const baseOption = { textStyle: { fontFamily: FONT_STACK }, animation: false };
export const LIGHT_COLORS = { RED: '#d32f2f', YELLOW: '#f9a825', GREEN: '#2e7d32' };
