import { type Locale, textIn } from '@safeledger/core';
import { type Report, type ReportLine, renderLine, reportLabels } from '../report/build-report.js';
import { missingFigure, reportTemplates } from '../report/report-lines.js';
import type { Scenario } from '../scenario/schema.js';
import { reportCharts } from './charts.js';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

const headings = {
  report: { en: 'Report', 'zh-CN': '报告' },
  charts: { en: 'Charts', 'zh-CN': '图表' },
  waiting: { en: 'Not yet available: ', 'zh-CN': '暂不可用：' },
  generated: { en: 'As of', 'zh-CN': '截至' },
} as const;

/**
 * The report as one self-contained HTML page: the printed lines (each figure in its own
 * element, so a test can read them) and the charts as inline SVG rendered on the server by
 * ECharts. No script, stylesheet, font or image is loaded from anywhere: the page works
 * offline and can be archived as is.
 */
export function htmlReport(report: Report, scenario: Scenario, locale: Locale): string {
  const { lines } = report;
  const labels = reportLabels(scenario, locale);
  const lineItems = lines.map((line) => {
    const body = textIn(reportTemplates[line.id], locale)
      .split(/(\{\w+\})/)
      .map((part) => {
        const name = /^\{(\w+)\}$/.exec(part)?.[1];
        if (name === undefined) return escapeHtml(part);
        const figure = line.figures[name];
        if (figure === undefined) return escapeHtml(labels[name] ?? part);
        if ('missing' in figure) {
          return `<span class="figure missing" data-figure="${name}">${escapeHtml(textIn(missingFigure, locale))}</span>`;
        }
        return `<span class="figure" data-figure="${name}">${escapeHtml(figure.text)}</span>`;
      })
      .join('');
    const printed = renderLine(line, scenario, locale);
    const marker = line.available
      ? ''
      : `<span class="marker">${escapeHtml(printed.slice(0, printed.length - plainLength(line, scenario, locale)))}</span>`;
    return `<li data-line="${line.id}" class="${line.available ? 'available' : 'waiting'}">${marker}${body}</li>`;
  });
  const charts = reportCharts(report, locale).map((chart) => {
    const content =
      chart.svg ??
      `<p class="waiting">${escapeHtml(textIn(headings.waiting, locale))}${escapeHtml(
        chart.missing.map((m) => textIn(m.label, locale)).join(locale === 'en' ? '; ' : '；'),
      )}</p>`;
    return `<figure data-chart="${chart.id}"><figcaption>${escapeHtml(textIn(chart.title, locale))}</figcaption>${content}</figure>`;
  });
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(scenario.name)}</title>
<style>
body { font-family: system-ui, "Noto Sans CJK SC", sans-serif; margin: 2rem auto; max-width: 72rem; color: #1f2933; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
ol { padding-left: 1.5rem; } li { margin: 0.4rem 0; line-height: 1.5; }
.figure { font-weight: 600; } .missing { color: #9aa5b1; font-weight: normal; }
.marker { color: #b44d12; margin-right: 0.3rem; } li.waiting { color: #52606d; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(40rem, 1fr)); gap: 1rem; }
figure { margin: 0; border: 1px solid #e4e7eb; border-radius: 6px; padding: 0.5rem; }
figcaption { font-weight: 600; margin-bottom: 0.5rem; } p.waiting { color: #b44d12; }
</style>
</head>
<body>
<h1>${escapeHtml(scenario.name)}</h1>
<p>${escapeHtml(textIn(headings.generated, locale))} ${escapeHtml(scenario.asOf)} (${escapeHtml(scenario.timezone)})</p>
<h2>${escapeHtml(textIn(headings.report, locale))}</h2>
<ol class="report">
${lineItems.join('\n')}
</ol>
<h2>${escapeHtml(textIn(headings.charts, locale))}</h2>
<div class="charts">
${charts.join('\n')}
</div>
</body>
</html>
`;
}

// The marker is everything the printed line has before the template's text.
function plainLength(line: ReportLine, scenario: Scenario, locale: Locale): number {
  return renderLine({ ...line, available: true }, scenario, locale).length;
}
