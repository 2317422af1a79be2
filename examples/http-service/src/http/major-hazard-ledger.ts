import {
  daysBetween,
  type HazardLedgerRow,
  type HazardSource,
  localDateOf,
  regulatorSources,
  type SupervisionPolicy,
} from '@safeledger/core';

const HOUR = 3_600_000;
const DAY = 86_400_000;

/**
 * The P-6 conditions as of T on the ledger's indexed fields: registered by T, not voided by T,
 * and graded major as of T (the current grade, or the one before a regrade after T).
 */
export function majorAsOf(T: string) {
  return {
    and: [
      { registeredAt: { lte: T } },
      { or: [{ voidedAt: { isNull: true } }, { voidedAt: { gt: T } }] },
      {
        or: [
          { gradeSetAt: { isNull: true }, grade: 'major' },
          { gradeSetAt: { lte: T }, grade: 'major' },
          { gradeSetAt: { gt: T }, gradeBefore: 'major' },
        ],
      },
    ],
  };
}

/**
 * The columns of P-6 that depend on T, derived from one row's stored instants (G-6): whether
 * the report to the regulator was (or, unreported, is) later than `majorHazardReportWithinHours`
 * after registration (`null` when a regulator found the hazard itself), whether the
 * verification request waits longer than `regulatorVerificationWithinDays`, and the days the
 * hazard is overdue (0 when it is not), and the cases linked to it by T.
 */
export function majorHazardColumns(row: HazardLedgerRow, T: string, policy: SupervisionPolicy) {
  const now = Date.parse(T);
  const registered = Date.parse(row.registeredAt);
  const foundByRegulator = regulatorSources.includes(row.source as HazardSource);
  const reported = row.reportedToRegulatorAt === null ? now : Date.parse(row.reportedToRegulatorAt);
  const reportLate = foundByRegulator
    ? null
    : reported - registered > policy.majorHazardReportWithinHours * HOUR;
  const requested = row.verificationRequestedAt;
  const answered =
    row.verificationAnsweredAt === null ? now : Date.parse(row.verificationAnsweredAt);
  const verificationSlaBreached =
    requested === null
      ? null
      : Math.min(answered, now) - Date.parse(requested) >
        policy.regulatorVerificationWithinDays * DAY;
  const met = policy.deadlineMetBy === 'completion' ? row.completedAt : row.closedAt;
  const today = localDateOf(T, policy.timezone);
  const open = met === null || Date.parse(met) > now;
  const daysOverdue = open && row.deadline < today ? daysBetween(row.deadline, today) : 0;
  return {
    reportLate,
    verificationSlaBreached,
    daysOverdue,
    activeListings: row.listings.filter(
      (listing) => listing.delistedAt === null || Date.parse(listing.delistedAt) > now,
    ),
    // The cases linked by T: a ledger as of T shows no link made after it.
    caseIds: row.cases.filter((c) => Date.parse(c.linkedAt) <= now).map((c) => c.caseId),
  };
}
