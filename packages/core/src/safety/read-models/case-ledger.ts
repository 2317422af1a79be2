import type { StoredEvent } from '../../eventsourcing/envelope.js';
import { defineProjection } from '../../eventsourcing/projection.js';
import { indexed } from '../../eventsourcing/projection-fields.js';
import { addDays, daysBetween } from '../calendar/local-date.js';
import { endOfLocalDay, localDateOf } from '../calendar/time-zone.js';
import { isDualPenalty } from '../enforcement-case/dual-penalty.js';
import type { EnforcementCaseEvent } from '../enforcement-case/events.js';
import type { PenaltyKind, Respondent } from '../enforcement-case/values.js';
import type { SupervisionPolicy } from '../policy/supervision-policy.js';

/** Where a case came from, as one groupable value (P-15 "by source"). */
export type CaseSourceKind = 'inspection' | 'supervision_item' | 'none';

/**
 * One row of the enforcement-case ledger, the base of P-15 (case statistics) and P-16 (closure
 * watchlist). Only facts with their instants are stored; whether a decision is overdue at T is
 * computed at query time from `asOf` (G-6).
 */
export interface CaseLedgerRow {
  caseId: string;
  caseNo: string;
  agencyOrgId: string;
  respondents: Respondent[];
  sourceKind: CaseSourceKind;
  inspectionId: string | null;
  supervisionItemId: string | null;
  campaignIds: string[];
  hazardIds: string[];
  filedAt: string;
  /**
   * When the case first counted as a major-hazard case (EC-3): filing when a major basis was
   * cited, else the first link of a hazard graded major; `null` while it is not one.
   */
  majorHazardSince: string | null;
  /** EC-9 due date: the latest approved extension, else filing date + `caseDecisionWithinDays`. */
  decisionDueDate: string;
  decidedAt: string | null;
  decisionNo: string | null;
  /** The EC-3 flag frozen at the decision. */
  isMajorHazardCase: boolean | null;
  /** EC-11, derived from the decision and the respondents; `null` before a decision. */
  isDualPenalty: boolean | null;
  /** Local calendar days from the filing date to the decision date. */
  daysToDecision: number | null;
  /** Whether the decision came after the end of its due date (EC-9). */
  decidedLate: boolean | null;
  penaltyKinds: PenaltyKind[];
  /** Fines of the decision on unit and on individual respondents, in integer fen (分). */
  finesUnitFen: number | null;
  finesIndividualFen: number | null;
  /** Enterprises the decision penalised (a unit, or an individual answering for it). */
  penalisedEnterpriseIds: string[];
  closedAt: string | null;
  dismissedAt: string | null;
  dismissalReason: string | null;
  transferredAt: string | null;
  transferKind: string | null;
}

/** The events the case ledger reads. */
export const caseLedgerEventTypes = [
  'CaseFiled',
  'RespondentAdded',
  'CaseHazardLinked',
  'PenaltyDecisionIssued',
  'CaseDeadlineExtended',
  'CaseClosed',
  'CaseDismissed',
  'CaseTransferred',
] as const satisfies readonly EnforcementCaseEvent['type'][];

/** CNY amounts become integer fen so sums run exactly in the database (no float drift). */
export const toFen = (amountCny: number): number => Math.round(amountCny * 100);

/** Indexed fields of the case ledger: every filter and figure of P-15 and P-16 runs on them. */
export const caseLedgerFields = {
  agencyOrgId: indexed.text((row: CaseLedgerRow) => row.agencyOrgId || null),
  sourceKind: indexed.text((row: CaseLedgerRow) => row.sourceKind),
  campaignIds: indexed.textArray((row: CaseLedgerRow) => row.campaignIds),
  penaltyKinds: indexed.textArray((row: CaseLedgerRow) => row.penaltyKinds),
  penalisedEnterpriseIds: indexed.textArray((row: CaseLedgerRow) => row.penalisedEnterpriseIds),
  // Indexed so an enterprise's own cases can be selected in the store (its reads under G-5).
  respondentEnterpriseIds: indexed.textArray((row: CaseLedgerRow) => [
    ...new Set(row.respondents.map((respondent) => respondent.enterpriseId)),
  ]),
  filedAt: indexed.instant((row: CaseLedgerRow) => row.filedAt || null),
  majorHazardSince: indexed.instant((row: CaseLedgerRow) => row.majorHazardSince),
  decisionDueDate: indexed.date((row: CaseLedgerRow) => row.decisionDueDate || null),
  decidedAt: indexed.instant((row: CaseLedgerRow) => row.decidedAt),
  isMajorHazardCase: indexed.boolean((row: CaseLedgerRow) => row.isMajorHazardCase),
  isDualPenalty: indexed.boolean((row: CaseLedgerRow) => row.isDualPenalty),
  daysToDecision: indexed.integer((row: CaseLedgerRow) => row.daysToDecision),
  decidedLate: indexed.boolean((row: CaseLedgerRow) => row.decidedLate),
  finesUnitFen: indexed.integer((row: CaseLedgerRow) => row.finesUnitFen),
  finesIndividualFen: indexed.integer((row: CaseLedgerRow) => row.finesIndividualFen),
  closedAt: indexed.instant((row: CaseLedgerRow) => row.closedAt),
  dismissedAt: indexed.instant((row: CaseLedgerRow) => row.dismissedAt),
  transferredAt: indexed.instant((row: CaseLedgerRow) => row.transferredAt),
};

/** The projection name of the enforcement-case ledger. */
export const CASE_LEDGER = 'enforcement-case-ledger';

/**
 * The enforcement-case ledger for a policy: its time zone dates the decision deadline (G-7),
 * `caseDecisionWithinDays` sets it (EC-9) and `dualPenaltyIndividualRoles` judges EC-11.
 * Changing those policy keys changes stored values, so it needs a rebuild of the ledger.
 */
export function createCaseLedgerProjection(
  policy: Pick<
    SupervisionPolicy,
    'timezone' | 'caseDecisionWithinDays' | 'dualPenaltyIndividualRoles'
  >,
) {
  const tz = policy.timezone;
  return defineProjection<CaseLedgerRow, EnforcementCaseEvent, typeof caseLedgerFields>({
    name: CASE_LEDGER,
    // 2: `respondentEnterpriseIds` became an indexed field; stored ledgers are rebuilt to fill it.
    version: 2,
    handles: caseLedgerEventTypes,
    documentId: (event: StoredEvent<EnforcementCaseEvent>) => event.data.caseId,
    init: (caseId) => emptyRow(caseId),
    apply: (row, event) => {
      const at = event.data.occurredAt;
      switch (event.type) {
        case 'CaseFiled': {
          const d = event.data;
          Object.assign(row, {
            caseNo: d.caseNo,
            agencyOrgId: d.agencyOrgId,
            respondents: d.respondents,
            sourceKind:
              d.source.inspectionId !== null
                ? 'inspection'
                : d.source.supervisionItemId !== null
                  ? 'supervision_item'
                  : 'none',
            inspectionId: d.source.inspectionId,
            supervisionItemId: d.source.supervisionItemId,
            campaignIds: [...d.campaignIds],
            filedAt: at,
            majorHazardSince: d.majorBasis.length > 0 ? at : null,
            decisionDueDate: addDays(localDateOf(at, tz), policy.caseDecisionWithinDays),
          });
          break;
        }
        case 'RespondentAdded':
          row.respondents.push(event.data.respondent);
          break;
        case 'CaseHazardLinked':
          row.hazardIds.push(event.data.hazardId);
          // EC-3: the flag may turn true before the decision only; it is frozen after.
          if (event.data.gradeAtLink === 'major' && row.decidedAt === null) {
            row.majorHazardSince ??= at;
          }
          break;
        case 'CaseDeadlineExtended':
          row.decisionDueDate = event.data.newDueDate;
          break;
        case 'PenaltyDecisionIssued': {
          const d = event.data;
          row.decidedAt = at;
          row.decisionNo = d.decisionNo;
          row.isMajorHazardCase = d.isMajorHazardCase;
          // The decision's frozen flag is authoritative (EC-3); it agrees with the links above.
          if (d.isMajorHazardCase) row.majorHazardSince ??= at;
          else row.majorHazardSince = null;
          row.isDualPenalty = isDualPenalty(d.penalties, row.respondents as Respondent[], policy);
          row.daysToDecision = daysBetween(localDateOf(row.filedAt, tz), localDateOf(at, tz));
          row.decidedLate = Date.parse(at) > endOfLocalDay(row.decisionDueDate, tz).getTime();
          row.penaltyKinds = [...new Set(d.penalties.map((p) => p.kind))].sort();
          const fen = (kind: 'unit' | 'individual') =>
            d.penalties
              .filter((p) => p.kind === 'fine' && p.respondentKind === kind)
              .reduce((sum, p) => sum + toFen(p.amountCny ?? 0), 0);
          row.finesUnitFen = fen('unit');
          row.finesIndividualFen = fen('individual');
          row.penalisedEnterpriseIds = [...new Set(d.penalties.map((p) => p.enterpriseId))].sort();
          break;
        }
        case 'CaseClosed':
          row.closedAt = at;
          break;
        case 'CaseDismissed':
          row.dismissedAt = at;
          row.dismissalReason = event.data.reason;
          break;
        case 'CaseTransferred':
          row.transferredAt = at;
          row.transferKind = event.data.kind;
          break;
      }
    },
    fields: caseLedgerFields,
    indexes: [
      ['filedAt', 'agencyOrgId'],
      ['decidedAt', 'isMajorHazardCase'],
    ],
  });
}

function emptyRow(caseId: string): CaseLedgerRow {
  return {
    caseId,
    caseNo: '',
    agencyOrgId: '',
    respondents: [],
    sourceKind: 'none',
    inspectionId: null,
    supervisionItemId: null,
    campaignIds: [],
    hazardIds: [],
    filedAt: '',
    majorHazardSince: null,
    decisionDueDate: '',
    decidedAt: null,
    decisionNo: null,
    isMajorHazardCase: null,
    isDualPenalty: null,
    daysToDecision: null,
    decidedLate: null,
    penaltyKinds: [],
    finesUnitFen: null,
    finesIndividualFen: null,
    penalisedEnterpriseIds: [],
    closedAt: null,
    dismissedAt: null,
    dismissalReason: null,
    transferredAt: null,
    transferKind: null,
  };
}
