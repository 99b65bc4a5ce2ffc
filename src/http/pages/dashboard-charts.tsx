// Bar charts of the dashboard and the project page. Every bar carries its number as a label
// and a second series gets a pattern (decal) as well as a colour, so no meaning rests on
// colour alone; each chart comes with a table of the same numbers (ChartFigure).
import type { EChartsOption } from 'echarts';

export interface BarSeries {
  name: string;
  data: (number | null)[];
}

export interface BarChartOptions {
  /** Bars from left to right (horizontal: categories on the y axis, for long names). */
  horizontal?: boolean;
  /** The label of each bar, from its value. */
  format?: (value: number) => string;
}

// DADS primitives: blue 900 and a darker orange that keep 3:1 against white.
const COLOURS = ['#0017c1', '#c74700'];

export function barChartOption(categories: readonly string[], series: readonly BarSeries[], options: BarChartOptions = {}): EChartsOption {
  const format = options.format ?? ((value: number) => value.toLocaleString('ja-JP'));
  const categoryAxis = { type: 'category' as const, data: [...categories], axisLabel: { interval: 0, fontSize: 12 }, inverse: options.horizontal === true };
  const valueAxis = { type: 'value' as const, axisLabel: { fontSize: 11, formatter: (value: number) => format(value) } };
  return {
    color: COLOURS,
    aria: { enabled: true, decal: { show: series.length > 1, decals: [{ symbol: 'none' }, { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 3], rotation: Math.PI / 4 }] } },
    ...(series.length > 1 && { legend: { top: 0, itemGap: 24 } }),
    grid: { left: options.horizontal ? 140 : 56, right: options.horizontal ? 96 : 16, top: series.length > 1 ? 36 : 24, bottom: 32, containLabel: false },
    xAxis: options.horizontal ? valueAxis : categoryAxis,
    yAxis: options.horizontal ? categoryAxis : valueAxis,
    series: series.map((entry) => ({
      name: entry.name,
      type: 'bar' as const,
      data: entry.data,
      label: {
        show: true,
        position: options.horizontal ? ('right' as const) : ('top' as const),
        fontSize: 12,
        color: '#1a1a1a',
        formatter: ({ value }: { value: unknown }) => (typeof value === 'number' ? format(value) : ''),
      },
    })),
  };
}
