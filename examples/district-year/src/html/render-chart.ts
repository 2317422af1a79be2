import * as echarts from 'echarts';

/**
 * Renders an Apache ECharts option to an SVG string on the server (ECharts' SSR mode): the page
 * needs no script and no network to show it. Animation is off, so the SVG is the final frame.
 */
export function renderChartSvg(option: echarts.EChartsOption, width = 640, height = 320): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
