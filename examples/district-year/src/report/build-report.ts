import {
  type CohortRate,
  type EventStore,
  formatMetricRate,
  type InMemoryDirectory,
  type Locale,
  localDateOf,
  type Rate,
  type RateMetricId,
  rateValue,
  type SupervisionPolicy,
  textIn,
} from '@safeledger/core';
import type { Scenario } from '../scenario/schema.js';
import { queryActivityFigures } from './activity-queries.js';
import { type CaseReportFigures, queryCaseFigures } from './case-queries.js';
import { queryDutyFigures } from './duty-queries.js';
import { queryEnterpriseFigures } from './enterprise-queries.js';
import { queryHandoverFigures } from './handover-queries.js';
import { type HazardReportFigures, queryHazardFigures } from './hazard-queries.js';
import { queryInspectionFigures } from './inspection-queries.js';
import type { Missing } from './missing.js';
import {
  missingFigure,
  notYetAvailable,
  type ReportLineId,
  reportLineIds,
  reportTemplates,
} from './report-lines.js';
import { querySiteFigures } from './site-queries.js';
import { queryVenueFigures } from './venue-queries.js';

/** A figure of the report: its printed text, or the part of the library it waits for. */
export type Figure =
  | { readonly text: string; readonly value: number | null }
  | { readonly missing: Missing };

/** One line of the report with its figures, printable in either language. */
export interface ReportLine {
  readonly id: ReportLineId;
  readonly figures: Readonly<Record<string, Figure>>;
  /** True when every figure came from the library's read models. */
  readonly available: boolean;
  /** What the missing figures wait for, without repeats. */
  readonly missing: readonly Missing[];
}

/** The report: its lines, and the hazard figures they were printed from (charts, workbook). */
export interface Report {
  readonly lines: readonly ReportLine[];
  readonly hazards: HazardReportFigures;
  /** The case figures the lines were printed from (charts). */
  readonly cases: CaseReportFigures;
}

/** What the report reads: the run's store, its directory and policy, and the scenario's labels. */
export interface ReportSource {
  readonly scenario: Scenario;
  readonly store: EventStore;
  readonly directory: InMemoryDirectory;
  readonly policy: SupervisionPolicy;
}

const count = (value: number): Figure => ({ text: String(value), value });
/** A count the source states as "more than" (余): printed with "+" when flagged (§6). */
const approx = (figure: { value: number; approximate: boolean }): Figure => ({
  text: `${figure.value}${figure.approximate ? '+' : ''}`,
  value: figure.value,
});
/** A rate printed with its metric's display format (per-metric rounding, §6). */
const rate = (cohort: CohortRate, policy: SupervisionPolicy, metric: RateMetricId): Figure => ({
  text: formatMetricRate(cohort.rate, policy, metric),
  value: rateValue(cohort.rate),
});

/**
 * Builds the report of §7.3 from the library's read models, as of the scenario's instant. A
 * figure whose aggregate or read model the library does not have yet is `missing`, naming what
 * it waits for: the report never fills a gap from the scenario file.
 */
export async function buildReport(source: ReportSource): Promise<Report> {
  const { directory, policy } = source;
  const h = await queryHazardFigures(source.scenario, source.store, policy);
  const i = await queryInspectionFigures(source.scenario, source.store, policy);
  const cases = await queryCaseFigures(source.scenario, source.store, policy);
  const sites = await querySiteFigures(source.scenario, source.store, policy);
  const enterprises = await queryEnterpriseFigures(source.scenario, source.store, policy);
  const ho = await queryHandoverFigures(source.scenario, source.store, policy);
  const v = await queryVenueFigures(source.scenario, source.store, policy);
  const share = (value: Rate, metric: RateMetricId): Figure => ({
    text: formatMetricRate(value, policy, metric),
    value: rateValue(value),
  });
  const act = await queryActivityFigures(source.scenario, source.store, policy);
  const duty = await queryDutyFigures(source.scenario, source.store, policy);
  const officers = directory
    .persons()
    .filter((person) => person.roles.includes('EnforcementOfficer')).length;
  const experts = directory.persons().filter((person) => person.roles.includes('Expert')).length;
  const figures: Record<ReportLineId, Record<string, Figure>> = {
    root: {
      units: count(i.root.unitsInspected),
      found: count(h.root.found),
      rectified: count(h.root.rectified),
      rate: rate(h.root, policy, 'P-2'),
    },
    majors: {
      found: count(h.majors.found),
      rectified: count(h.majors.rectified),
      rate: rate(h.majors, policy, 'P-3'),
    },
    handover: {
      petitionsClosed: count(ho.petitionsClosed),
      petitions: count(ho.petitions),
      units: count(ho.units),
      // The hazards linked to the municipal lists (P-14), closed by the as-of instant.
      hazardsClosed: count(ho.hazardsClosed),
      hazards: count(ho.hazards),
      measuresDone: count(ho.measuresDone),
      measures: count(ho.measures),
    },
    venues: {
      registered: count(v.statistics.registered),
      spotChecked: count(v.statistics.spotChecked),
      rectified: count(h.venues.rectified),
      found: count(h.venues.found),
      patrolRate: share(v.patrolRate.rate, 'P-11'),
      selfCheckRate: share(v.selfCheckRate.rate, 'P-12'),
    },
    venueMarking: {
      industry: share(v.marking.industry, 'P-10'),
      special: share(v.marking.special, 'P-10'),
      territorial: share(v.marking.territorial, 'P-10'),
      fireAdvisor: share(v.marking.fireAdvisor, 'P-10'),
    },
    multiTenant: {
      landlords: count(sites.landlords),
      tenants: count(sites.productiveTenants),
      visits: count(i.multiTenant.visits),
      rectified: count(h.multiTenant.rectified),
      found: count(h.multiTenant.found),
      majors: count(h.multiTenantMajors.found),
      cases: count(cases.multiTenant.filed),
      alarms: count(sites.devices.oneKeyAlarmBroadcasters),
      smokeDetectors: count(sites.devices.smokeDetectors),
    },
    service: {
      units: count(i.service.unitsInspected),
      found: count(h.service.found),
      teams: count(i.service.teams),
      // Reference data (§7.1 #35): the people of the directory, not a read model.
      officers: count(officers),
      experts: count(experts),
    },
    enforcement: {
      units: count(i.enforcement.unitsInspected),
      rectified: count(h.enforcement.rectified),
      found: count(h.enforcement.found),
      // §7.2: the line's cases are the bureau's year total, the multi-tenant cases among them.
      cases: count(cases.year.filed),
      majorCases: count(cases.year.majorHazardCases),
      dualPenalties: count(cases.year.dualPenalties),
    },
    enterprises: {
      riskReports: count(enterprises.riskReports),
      grade2: count(enterprises.grade2),
      grade3: count(enterprises.grade3),
      emergencyTeams: count(enterprises.emergencyTeams),
    },
    activities: {
      keySectorTrainings: count(act.keySectorTrainings),
      personTimes: approx(act.personTimes),
      stewardEnterprises: approx(act.stewardEnterprises),
      drills: count(act.drills),
      plansRevised: count(act.plansRevised),
      hallVisitors: approx(act.hallVisitors),
    },
    duty: { gaps: count(duty.gapDays) },
  };
  const lines = reportLineIds.map((id) => {
    const lineFigures = figures[id];
    const missing = uniqueMissing(Object.values(lineFigures));
    return { id, figures: lineFigures, available: missing.length === 0, missing };
  });
  return { lines, hazards: h, cases };
}

/** The labels a line's text needs besides its figures: campaign, year, quarter and month. */
export function reportLabels(scenario: Scenario, locale: Locale): Record<string, string> {
  const asOfDate = localDateOf(scenario.asOf, scenario.timezone);
  const month = Number(asOfDate.slice(5, 7));
  const monthName = new Intl.DateTimeFormat('en', { month: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2000, month - 1, 1)),
  );
  return {
    root: scenario.campaigns.root,
    year: String(scenario.year),
    quarter: String(Math.ceil(month / 3)),
    month: String(month),
    monthName: locale === 'en' ? monthName : `${month}月`,
  };
}

/** One line as printed: figures filled in, and the marker when parts are missing. */
export function renderLine(line: ReportLine, scenario: Scenario, locale: Locale): string {
  const labels = reportLabels(scenario, locale);
  const text = textIn(reportTemplates[line.id], locale).replace(/\{(\w+)\}/g, (_, name: string) => {
    const figure = line.figures[name];
    if (figure === undefined) return labels[name] ?? `{${name}}`;
    return 'missing' in figure ? textIn(missingFigure, locale) : figure.text;
  });
  if (line.available) return text;
  const parts = line.missing.map((part) => textIn(part.label, locale));
  const marker = textIn(notYetAvailable, locale).replace(
    '{parts}',
    parts.join(locale === 'en' ? '; ' : '；'),
  );
  return `${marker} ${text}`;
}

/** The whole report as printed, one string per line. */
export function renderReport(
  lines: readonly ReportLine[],
  scenario: Scenario,
  locale: Locale,
): string[] {
  return lines.map((line) => renderLine(line, scenario, locale));
}

function uniqueMissing(figures: readonly Figure[]): Missing[] {
  const seen = new Map<string, Missing>();
  for (const figure of figures) {
    if ('missing' in figure && !seen.has(figure.missing.id))
      seen.set(figure.missing.id, figure.missing);
  }
  return [...seen.values()];
}
