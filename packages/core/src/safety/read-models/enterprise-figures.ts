import type { EventStore } from '../../eventsourcing/event-store.js';
import { createProjectionQuery } from '../../eventsourcing/projection-query.js';
import { localDateOf } from '../calendar/time-zone.js';
import type { StandardizationGrade } from '../enterprise/values.js';
import type { SupervisionPolicy } from '../policy/supervision-policy.js';
import {
  createEnterpriseComplianceProjection,
  createEnterpriseFilingsProjection,
} from './enterprise-compliance-ledger.js';

/** Statistics filings of one period (E-5) recorded by T: on time and late, judged on the first filing. */
export interface StatisticsFilings {
  readonly onTime: number;
  readonly late: number;
}

/**
 * The enterprise compliance figures (P-19) over the enterprise filings and compliance ledgers,
 * counted in the store at query time from stored instants and local dates (G-6).
 *
 * Known limit: the compliance ledger keeps each enterprise's latest award, so
 * `standardizationValid` at a T before a later award judges that later award.
 */
export function createEnterpriseFigures(options: {
  readonly store: EventStore;
  readonly policy: SupervisionPolicy;
}) {
  const { store, policy } = options;
  const filings = createProjectionQuery(store, createEnterpriseFilingsProjection(policy));
  const compliance = createProjectionQuery(store, createEnterpriseComplianceProjection());
  const tz = policy.timezone;
  const at = (instant: string) => {
    const ms = Date.parse(instant);
    if (Number.isNaN(ms)) throw new TypeError(`"${instant}" is not a valid instant`);
    return new Date(ms).toISOString();
  };
  const gradeOf = (grade: number): StandardizationGrade => {
    if (grade !== 1 && grade !== 2 && grade !== 3) {
      throw new RangeError(`a standardization grade is 1, 2 or 3, got ${grade}`);
    }
    return grade;
  };

  return {
    /** The filings ledger query: risk reports, awards and statistics filings, row by row. */
    filings,
    /** The compliance ledger query: one row per enterprise. */
    compliance,
    /** `riskReported(Y, T)`: enterprises with a risk report filed for year Y by T (E-4). */
    async riskReported(f: { readonly year: number; readonly asOf: string }): Promise<number> {
      return filings.count({
        where: { and: [{ kind: 'risk_report' }, { year: f.year }, { at: { lte: at(f.asOf) } }] },
      });
    },
    /**
     * `standardizationAwarded(P, grade)`: awards of the grade whose award date lies in P (local
     * dates, `from` included, `to` excluded), recorded by T; a later revocation does not undo them.
     */
    async standardizationAwarded(f: {
      readonly grade: number;
      readonly period: { readonly from: string; readonly to: string };
      readonly asOf: string;
    }): Promise<number> {
      return filings.count({
        where: {
          and: [
            { kind: 'award' },
            { grade: gradeOf(f.grade) },
            { awardedOn: { gte: f.period.from, lt: f.period.to } },
            { at: { lte: at(f.asOf) } },
          ],
        },
      });
    },
    /** `standardizationValid(T, grade)`: enterprises whose grade is valid at T (E-3). */
    async standardizationValid(f: { readonly grade: number; readonly asOf: string }) {
      const T = at(f.asOf);
      const today = localDateOf(T, tz);
      return compliance.count({
        where: {
          and: [
            { grade: gradeOf(f.grade) },
            { awardRecordedAt: { lte: T } },
            { awardedOn: { lte: today } },
            { validUntil: { gte: today } },
            { or: [{ revokedAt: { isNull: true } }, { revokedAt: { gt: T } }] },
          ],
        },
      });
    },
    /** `emergencyTeams(T)`: enterprises that had established an emergency team by T. */
    async emergencyTeams(f: { readonly asOf: string }): Promise<number> {
      return compliance.count({ where: { emergencyTeamSince: { lte: at(f.asOf) } } });
    },
    /** Statistics filings of a period recorded by T, on time and late (E-5). */
    async statisticsFilings(f: {
      readonly period: string;
      readonly asOf: string;
    }): Promise<StatisticsFilings> {
      const [group] = await filings.group({
        where: { and: [{ kind: 'statistics' }, { period: f.period }, { at: { lte: at(f.asOf) } }] },
        measures: {
          onTime: { count: true, where: { late: false } },
          late: { count: true, where: { late: true } },
        },
      });
      return { onTime: group?.measures.onTime ?? 0, late: group?.measures.late ?? 0 };
    },
  };
}
