import type { Locale } from '@safeledger/core';
import type { Report } from '../report/build-report.js';
import { type Chart, seriesChart, t } from './charts.js';

/**
 * The case statistics (P-15) as charts: the cases of each campaign and of the year by outcome,
 * and the fines decided on units and on individuals. Drawn from the case figures the report
 * was printed from, so the page agrees with the printed lines.
 */
export function caseCharts(report: Report, locale: Locale): Chart[] {
  const { multiTenant, enforcement, year } = report.cases;
  const groups = [multiTenant, enforcement, year];
  const campaigns = [t('Multi-tenant', '厂中厂'), t('Enforcement', '执法检查')];
  // Fines are stored in fen (分) so sums are exact; the chart shows yuan.
  const yuan = (fen: number) => fen / 100;
  return [
    seriesChart(
      'case-statistics',
      t('Enforcement cases by campaign', '各专项执法案件'),
      locale,
      [...campaigns, t('Year total', '全年合计')],
      [
        [t('filed', '立案'), groups.map((g) => g.filed)],
        [t('major-hazard cases', '重大隐患立案'), groups.map((g) => g.majorHazardCases)],
        [t('dual penalties', '一案双罚'), groups.map((g) => g.dualPenalties)],
        [t('closed', '结案'), groups.map((g) => g.closed)],
      ],
    ),
    seriesChart('case-fines', t('Fines decided (CNY)', '决定罚款金额（元）'), locale, campaigns, [
      [t('on units', '单位'), [multiTenant, enforcement].map((g) => yuan(g.finesUnitFen))],
      [
        t('on individuals', '个人'),
        [multiTenant, enforcement].map((g) => yuan(g.finesIndividualFen)),
      ],
    ]),
  ];
}
