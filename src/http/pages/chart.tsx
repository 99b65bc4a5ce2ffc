// Charts are SVG drawn on the server by ECharts (no script needed to see them), and each
// comes with a table of the same numbers: the chart is a picture of the table, so meaning
// never rests on the chart, nor on colour alone.
import * as echarts from 'echarts';
import type { ReactNode } from 'react';

export interface ChartSize {
  width: number;
  height: number;
}

/** The SVG of an ECharts option (animation off, so the first frame is the final one). */
export function chartSvg(option: echarts.EChartsOption, size: ChartSize): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: "'Noto Sans JP', sans-serif" }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export interface ChartFigureProps {
  /** Names the chart for screen readers and as the figure's caption. */
  caption: string;
  option: echarts.EChartsOption;
  size?: ChartSize;
  /** The same numbers as a table (required: the chart alone is not enough). */
  table: ReactNode;
}

export function ChartFigure({ caption, option, size = { width: 640, height: 320 }, table }: ChartFigureProps) {
  const svg = chartSvg(option, size);
  return (
    <figure className="chart">
      <figcaption>{caption}</figcaption>
      <div className="chart-image" role="img" aria-label={`${caption}（数値は下の表 / figures in the table below）`} dangerouslySetInnerHTML={{ __html: svg }} />
      <div className="table-scroll" role="region" aria-label={`${caption}（表 / table）`} tabIndex={0}>
        {table}
      </div>
    </figure>
  );
}
