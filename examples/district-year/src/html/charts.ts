import { type BilingualText, type Locale, textIn } from '@safeledger/core';
import type { EChartsOption } from 'echarts';
import type { Figure, Report, ReportLine } from '../report/build-report.js';
import { type Missing, waitingFor } from '../report/missing.js';
import type { ReportLineId } from '../report/report-lines.js';
import { caseCharts } from './case-charts.js';
import { renderChartSvg } from './render-chart.js';

/** A chart of the page: its SVG, or what its data waits for. */
export interface Chart {
  readonly id: string;
  readonly title: BilingualText;
  readonly svg: string | undefined;
  readonly missing: readonly Missing[];
}

type Lines = ReadonlyMap<ReportLineId, ReportLine>;

/** A bilingual chart label. */
export const t = (en: string, zh: string): BilingualText => ({ en, 'zh-CN': zh });

/**
 * The charts of the HTML report, each drawn from the report's own figures (so the page cannot
 * disagree with the printed report), or shown as waiting when a figure it needs is missing.
 */
export function reportCharts(report: Report, locale: Locale): Chart[] {
  const { lines, hazards } = report;
  const byId: Lines = new Map(lines.map((line) => [line.id, line]));
  const months = hazards.rootByMonth;
  return [
    completenessChart(lines, locale),
    seriesChart(
      'rectification-by-month',
      t(
        'ROOT hazards by month found: found and rectified',
        '治本攻坚隐患（按发现月份）：发现与整改',
      ),
      locale,
      months.map((m) => ({ en: String(m.month), 'zh-CN': `${m.month}月` })),
      [
        [t('found', '发现'), months.map((m) => m.found)],
        [t('rectified', '整改'), months.map((m) => m.rectified)],
      ],
    ),
    barChart(
      'rectification-by-pool',
      t('Hazards found and rectified by pool', '各专项隐患发现与整改'),
      locale,
      [
        [t('ROOT', '治本攻坚'), 'root', 'found', 'rectified'],
        [t('Multi-tenant', '厂中厂'), 'multiTenant', 'found', 'rectified'],
        [t('Enforcement', '执法检查'), 'enforcement', 'found', 'rectified'],
        [t('Venues', '小场所'), 'venues', 'found', 'rectified'],
      ],
      [t('found', '发现'), t('rectified', '整改')],
      byId,
    ),
    seriesChart(
      'majors',
      t('Major hazards: closed and open', '重大隐患：已销号与未销号'),
      locale,
      [t('Major hazards', '重大隐患')],
      [
        [t('closed', '已销号'), [hazards.majors.rectified]],
        [t('open', '未销号'), [hazards.majors.found - hazards.majors.rectified]],
      ],
    ),
    barChart(
      'venue-marking',
      t('Venue marking rates (%)', '小场所标注率（%）'),
      locale,
      [
        [t('industry', '行业'), 'venueMarking', 'industry'],
        [t('special', '专项'), 'venueMarking', 'special'],
        [t('territorial', '属地'), 'venueMarking', 'territorial'],
        [t('fire advisor', '消防指导员'), 'venueMarking', 'fireAdvisor'],
      ],
      [t('rate', '标注率')],
      byId,
    ),
    barChart(
      'cases',
      t('Enforcement cases', '执法立案'),
      locale,
      [
        [t('cases', '立案'), 'enforcement', 'cases'],
        [t('major-hazard cases', '重大隐患立案'), 'enforcement', 'majorCases'],
        [t('dual penalties', '一案双罚'), 'enforcement', 'dualPenalties'],
        [t('multi-tenant cases', '厂中厂立案'), 'multiTenant', 'cases'],
      ],
      [t('cases', '案件')],
      byId,
    ),
    ...caseCharts(report, locale),
  ];
}

/** How many of each line's figures the library provides today, and how many wait. */
function completenessChart(lines: readonly ReportLine[], locale: Locale): Chart {
  const available = lines.map(
    (line) => Object.values(line.figures).filter((f) => !('missing' in f)).length,
  );
  const waiting = lines.map((line) => Object.values(line.figures).length);
  const title = t('Report figures available today', '报告数据现有情况');
  return {
    id: 'completeness',
    title,
    missing: [],
    svg: renderChartSvg({
      legend: {
        data: [textIn(t('available', '已有'), locale), textIn(t('waiting', '待实现'), locale)],
      },
      xAxis: {
        type: 'category',
        data: lines.map((line) => line.id),
        axisLabel: { interval: 0, rotate: 30 },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: textIn(t('available', '已有'), locale),
          type: 'bar',
          stack: 'all',
          data: available,
        },
        {
          name: textIn(t('waiting', '待实现'), locale),
          type: 'bar',
          stack: 'all',
          data: waiting.map((total, i) => total - (available[i] ?? 0)),
        },
      ],
    }),
  };
}

/** A grouped bar chart of figures the report has read from its read models. */
export function seriesChart(
  id: string,
  title: BilingualText,
  locale: Locale,
  categories: readonly BilingualText[],
  series: readonly (readonly [BilingualText, readonly number[]])[],
): Chart {
  const option: EChartsOption = {
    legend: { data: series.map(([name]) => textIn(name, locale)) },
    xAxis: { type: 'category', data: categories.map((c) => textIn(c, locale)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map(([name, data]) => ({
      name: textIn(name, locale),
      type: 'bar',
      label: { show: true, position: 'top' },
      data: [...data],
    })),
  };
  return { id, title, svg: renderChartSvg(option), missing: [] };
}

/**
 * A grouped bar chart: one category per row, one series per figure name of the row. Drawn
 * only when every figure it needs is available.
 */
function barChart(
  id: string,
  title: BilingualText,
  locale: Locale,
  rows: readonly (readonly [BilingualText, ReportLineId, ...string[]])[],
  series: readonly BilingualText[],
  lines: Lines,
): Chart {
  const missing = new Map<string, Missing>();
  const values = rows.map(([, lineId, ...names]) =>
    names.map((name) => {
      const figure: Figure | undefined = lines.get(lineId)?.figures[name];
      if (figure === undefined || 'missing' in figure) {
        const part = figure === undefined ? waitingFor.hazardReadModels : figure.missing;
        missing.set(part.id, part);
        return 0;
      }
      return figure.value ?? 0;
    }),
  );
  if (missing.size > 0) return { id, title, svg: undefined, missing: [...missing.values()] };
  const option: EChartsOption = {
    legend: { data: series.map((s) => textIn(s, locale)) },
    xAxis: { type: 'category', data: rows.map(([label]) => textIn(label, locale)) },
    yAxis: { type: 'value' },
    series: series.map((s, index) => ({
      name: textIn(s, locale),
      type: 'bar',
      label: { show: true, position: 'top' },
      data: values.map((row) => row[index] ?? 0),
    })),
  };
  return { id, title, svg: renderChartSvg(option), missing: [] };
}
