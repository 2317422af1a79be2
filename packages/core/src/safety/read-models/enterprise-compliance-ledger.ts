import type { StoredEvent } from '../../eventsourcing/envelope.js';
import { defineProjection } from '../../eventsourcing/projection.js';
import { indexed } from '../../eventsourcing/projection-fields.js';
import { endOfLocalDay } from '../calendar/time-zone.js';
import type { EnterpriseEvent } from '../enterprise/events.js';
import { statisticsPeriodBounds } from '../enterprise/time-facts.js';
import type { StandardizationGrade } from '../enterprise/values.js';
import type { SupervisionPolicy } from '../policy/supervision-policy.js';

/**
 * What a row of the enterprise filings ledger records: the risk reports of one enterprise for
 * one year, one standardization award, or the statistics filings of one enterprise for one period.
 */
export type EnterpriseFilingKind = 'risk_report' | 'award' | 'statistics';

/** One row of the enterprise filings ledger (P-19); fields that do not apply to its kind are `null`. */
export interface EnterpriseFilingRow {
  readonly kind: EnterpriseFilingKind;
  readonly enterpriseId: string;
  /** The report year (risk reports). */
  year: number | null;
  /** The statistics period, `Q1-2024` or `2024` (statistics filings). */
  period: string | null;
  /** The first filing of the year's report or of the period's statistics, or the award's recording. */
  at: string | null;
  /** The award's grade and local award date (E-3). */
  grade: StandardizationGrade | null;
  awardedOn: string | null;
  /** The E-5 due date of the period and whether its first filing came after its end. */
  dueOn: string | null;
  late: boolean | null;
}

/** One row per enterprise (P-19): its emergency team and its latest standardization award (E-3). */
export interface EnterpriseComplianceRow {
  readonly enterpriseId: string;
  emergencyTeamSince: string | null;
  /** The latest award, its validity and its revocation (E-3: a revocation revokes the latest). */
  grade: StandardizationGrade | null;
  awardedOn: string | null;
  validUntil: string | null;
  awardRecordedAt: string | null;
  revokedAt: string | null;
}

/** The events the enterprise filings ledger reads. */
export const enterpriseFilingEventTypes = [
  'RiskReportFiled',
  'StandardizationGradeAwarded',
  'HazardStatisticsSubmitted',
] as const satisfies readonly EnterpriseEvent['type'][];

/** The events the enterprise compliance ledger reads. */
export const enterpriseComplianceEventTypes = [
  'EmergencyTeamEstablished',
  'StandardizationGradeAwarded',
  'StandardizationGradeRevoked',
] as const satisfies readonly EnterpriseEvent['type'][];

/** Indexed fields of the filings ledger. */
export const enterpriseFilingFields = {
  kind: indexed.text((row: EnterpriseFilingRow) => row.kind),
  enterpriseId: indexed.text((row: EnterpriseFilingRow) => row.enterpriseId),
  year: indexed.integer((row: EnterpriseFilingRow) => row.year),
  period: indexed.text((row: EnterpriseFilingRow) => row.period),
  at: indexed.instant((row: EnterpriseFilingRow) => row.at),
  grade: indexed.integer((row: EnterpriseFilingRow) => row.grade),
  awardedOn: indexed.date((row: EnterpriseFilingRow) => row.awardedOn),
  late: indexed.boolean((row: EnterpriseFilingRow) => row.late),
};

/** Indexed fields of the compliance ledger. */
export const enterpriseComplianceFields = {
  emergencyTeamSince: indexed.instant((row: EnterpriseComplianceRow) => row.emergencyTeamSince),
  grade: indexed.integer((row: EnterpriseComplianceRow) => row.grade),
  awardedOn: indexed.date((row: EnterpriseComplianceRow) => row.awardedOn),
  validUntil: indexed.date((row: EnterpriseComplianceRow) => row.validUntil),
  awardRecordedAt: indexed.instant((row: EnterpriseComplianceRow) => row.awardRecordedAt),
  revokedAt: indexed.instant((row: EnterpriseComplianceRow) => row.revokedAt),
};

/** The projection name of the enterprise filings ledger. */
export const ENTERPRISE_FILINGS = 'enterprise-filings-ledger';
/** The projection name of the enterprise compliance ledger. */
export const ENTERPRISE_COMPLIANCE = 'enterprise-compliance-ledger';

const earliest = (a: string | null, b: string) =>
  a === null || Date.parse(b) < Date.parse(a) ? b : a;

/**
 * The enterprise filings ledger (P-19) for a policy: one row per enterprise and report year, per
 * award and per enterprise and statistics period. The time zone dates E-5 lateness; changing it
 * needs a rebuild.
 */
export function createEnterpriseFilingsProjection(policy: Pick<SupervisionPolicy, 'timezone'>) {
  const tz = policy.timezone;
  return defineProjection<EnterpriseFilingRow, EnterpriseEvent, typeof enterpriseFilingFields>({
    name: ENTERPRISE_FILINGS,
    version: 1,
    handles: enterpriseFilingEventTypes,
    documentId: (event: StoredEvent<EnterpriseEvent>) => {
      const d = event.data;
      switch (event.type) {
        case 'RiskReportFiled':
          return `risk_report:${d.enterpriseId}:${event.data.year}`;
        case 'HazardStatisticsSubmitted':
          return `statistics:${d.enterpriseId}:${event.data.period}`;
        default:
          return `award:${event.eventId}`;
      }
    },
    init: (id, event) => ({
      kind: id.slice(0, id.indexOf(':')) as EnterpriseFilingKind,
      enterpriseId: event.data.enterpriseId,
      year: null,
      period: null,
      at: null,
      grade: null,
      awardedOn: null,
      dueOn: null,
      late: null,
    }),
    apply: (row, event) => {
      switch (event.type) {
        case 'RiskReportFiled':
          row.year = event.data.year;
          // "Filed for Y by T" holds from the earliest filing on, whatever its type.
          row.at = earliest(row.at, event.data.occurredAt);
          break;
        case 'StandardizationGradeAwarded':
          row.grade = event.data.grade;
          row.awardedOn = event.data.awardedOn;
          row.at = event.data.occurredAt;
          break;
        case 'HazardStatisticsSubmitted': {
          // E-5 judges the first filing of the period recorded; later ones are corrections.
          if (row.at !== null) break;
          const bounds = statisticsPeriodBounds(event.data.period);
          row.period = event.data.period;
          row.at = event.data.occurredAt;
          row.dueOn = bounds?.dueOn ?? null;
          row.late =
            bounds === undefined
              ? null
              : Date.parse(event.data.occurredAt) > endOfLocalDay(bounds.dueOn, tz).getTime();
          break;
        }
      }
    },
    fields: enterpriseFilingFields,
    indexes: [
      ['kind', 'year'],
      ['kind', 'awardedOn'],
    ],
  });
}

/**
 * The enterprise compliance ledger (P-19): one row per enterprise with its emergency team and
 * its latest standardization award. It does not depend on the policy.
 */
export function createEnterpriseComplianceProjection() {
  return defineProjection<
    EnterpriseComplianceRow,
    EnterpriseEvent,
    typeof enterpriseComplianceFields
  >({
    name: ENTERPRISE_COMPLIANCE,
    version: 1,
    handles: enterpriseComplianceEventTypes,
    documentId: (event: StoredEvent<EnterpriseEvent>) => event.data.enterpriseId,
    init: (enterpriseId) => ({
      enterpriseId,
      emergencyTeamSince: null,
      grade: null,
      awardedOn: null,
      validUntil: null,
      awardRecordedAt: null,
      revokedAt: null,
    }),
    apply: (row, event) => {
      switch (event.type) {
        case 'EmergencyTeamEstablished':
          row.emergencyTeamSince = earliest(row.emergencyTeamSince, event.data.occurredAt);
          break;
        case 'StandardizationGradeAwarded':
          row.grade = event.data.grade;
          row.awardedOn = event.data.awardedOn;
          row.validUntil = event.data.validUntil;
          row.awardRecordedAt = event.data.occurredAt;
          row.revokedAt = null;
          break;
        case 'StandardizationGradeRevoked':
          row.revokedAt ??= event.data.occurredAt;
          break;
      }
    },
    fields: enterpriseComplianceFields,
    indexes: [['grade', 'validUntil']],
  });
}
