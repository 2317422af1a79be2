import type { StoredEvent } from '../../eventsourcing/envelope.js';
import { defineProjection } from '../../eventsourcing/projection.js';
import { indexed } from '../../eventsourcing/projection-fields.js';
import { endOfLocalDay } from '../calendar/time-zone.js';
import type { EnforcementCaseEvent } from '../enforcement-case/events.js';
import type { HazardEvent } from '../hazard/events.js';
import { regulatorSources } from '../hazard/values.js';

/**
 * One row of the hazard ledger (P-1), also holding the major-hazard columns of P-6. Only facts
 * with their instants are stored; overdue, late report and SLA breach are computed at query
 * time from `asOf` (G-6).
 */
export interface HazardLedgerRow {
  hazardId: string;
  subjectKind: 'enterprise' | 'venue' | 'site';
  subjectId: string;
  areaId: string;
  sectorCode: string | null;
  nature: string;
  /** The current grade. */
  grade: 'general' | 'major';
  /** The grade before the latest regrade, and when that regrade happened (grade as of T). */
  gradeBefore: 'general' | 'major' | null;
  gradeSetAt: string | null;
  majorBasis: { standardId: string; clause: string } | null;
  source: string;
  campaignIds: string[];
  supervisingOrgId: string;
  /** The inspection whose finding this hazard is (I-5), or `null`; P-8 detection density. */
  inspectionId: string | null;
  registeredAt: string;
  /** Effective (latest approved) and original deadline (strict metrics). */
  deadline: string;
  originalDeadline: string;
  status: 'open' | 'awaiting_verification' | 'verified' | 'closed' | 'voided';
  /** Latest `RectificationCompleted` business time. */
  completedAt: string | null;
  /** Latest passing verification. */
  verifiedAt: string | null;
  closedAt: string | null;
  voidedAt: string | null;
  /** When the regulator knew: registration for regulator sources, else the major report. */
  knownToRegulatorAt: string | null;
  reportedToRegulatorAt: string | null;
  disclosedToWorkforceAt: string | null;
  /** Whether the latest completion / the closure fell within end(D) and end(D0). */
  completedOnTime: boolean | null;
  completedOnTimeStrict: boolean | null;
  closedOnTime: boolean | null;
  closedOnTimeStrict: boolean | null;
  /** Latest verification request, and the first verification answering it. */
  verificationRequestedAt: string | null;
  verificationAnsweredAt: string | null;
  verificationResults: Array<{ at: string; outcome: 'passed' | 'failed'; kind: string }>;
  listings: Array<{
    level: string;
    authorityOrgId: string;
    listedAt: string;
    delistedAt: string | null;
  }>;
  plan: {
    responsiblePersonId: string | null;
    measures: string[];
    fundingCny: number | null;
    deadline: string | null;
    contingencyPlanRef: string | null;
  } | null;
  suspendedAt: string | null;
  resumedAt: string | null;
  assessment: string | null;
  /** Enforcement cases linked to the hazard (`CaseHazardLinked`), each once, in link order (P-6). */
  cases: Array<{ caseId: string; linkedAt: string }>;
}

/** The events the hazard ledger reads: the hazard's own, and a case's link to it (P-6). */
export type HazardLedgerEvent =
  | HazardEvent
  | Extract<EnforcementCaseEvent, { type: 'CaseHazardLinked' }>;

/** The events the hazard ledger reads. */
export const hazardLedgerEventTypes = [
  'HazardRegistered',
  'HazardDetailsCorrected',
  'HazardRegraded',
  'RectificationDeadlineExtended',
  'MajorHazardReported',
  'MajorHazardDisclosedToWorkforce',
  'RectificationPlanSubmitted',
  'HazardListedForSupervision',
  'OperationsSuspended',
  'RectificationCompleted',
  'RectificationAssessed',
  'VerificationRequested',
  'RectificationVerified',
  'OperationsResumed',
  'HazardDelisted',
  'HazardClosed',
  'HazardVoided',
  'HazardReferred',
  'CaseHazardLinked',
] as const satisfies readonly HazardLedgerEvent['type'][];

const orNull = (value: string | null | undefined) => value ?? null;

// Every field below is a column, so every filter, sort and figure of P-1…P-7 runs in the store.
// Only fields that are filtered or sorted alone over many rows keep an index of their own: each
// index is one more B-tree every document write updates (with one per field, committing took
// two fifths of the CPU of a SQLite catch-up). The others are read inside a row set an index has
// already narrowed (the registration cohort, an area, a scope), or are a condition of a measure.
const lean = { ownIndex: false } as const;

/** Indexed fields of the ledger: every filter and figure of P-1…P-7 runs on them in the store. */
export const hazardLedgerFields = {
  // Filtered alone (P-1 pages, every figure of one area): without it SQLite serves an area's
  // page in registration order by walking the whole ledger.
  areaId: indexed.text((row: HazardLedgerRow) => row.areaId),
  // A ledger filter (P-1) and a breakdown on its own; sectors are many, each a small share.
  sectorCode: indexed.text((row: HazardLedgerRow) => row.sectorCode),
  // Three values, each a large share of the ledger; the G-5 scope pairs it with `subjectId`.
  subjectKind: indexed.text((row: HazardLedgerRow) => row.subjectKind, lean),
  // Indexed so an enterprise's own hazards can be selected in the store (its reads under G-5).
  subjectId: indexed.text((row: HazardLedgerRow) => row.subjectId || null),
  // A handful of values, each a large share: filtered within a cohort or a sorted page.
  source: indexed.text((row: HazardLedgerRow) => row.source, lean),
  // The scope of an organisation's readers: alone, over the whole ledger.
  supervisingOrgId: indexed.text((row: HazardLedgerRow) => row.supervisingOrgId),
  campaignIds: indexed.textArray((row: HazardLedgerRow) => row.campaignIds),
  // `grade` and `gradeBefore` let the planner answer "major as of T" (P-3, P-6) as a union of
  // index lookups over the few majors; `gradeSetAt` is only checked on the rows they return.
  grade: indexed.text((row: HazardLedgerRow) => row.grade),
  gradeBefore: indexed.text((row: HazardLedgerRow) => row.gradeBefore),
  gradeSetAt: indexed.instant((row: HazardLedgerRow) => row.gradeSetAt, lean),
  // A ledger filter on its own ("open"), whose count comes with every page.
  status: indexed.text((row: HazardLedgerRow) => row.status),
  // Sort keys of the ledgers and the ranges of the cohort (P-2…P-4), P-5, P-2b and P-7.
  registeredAt: indexed.instant((row: HazardLedgerRow) => row.registeredAt || null),
  deadline: indexed.date((row: HazardLedgerRow) => row.deadline || null),
  originalDeadline: indexed.date((row: HazardLedgerRow) => row.originalDeadline || null, lean),
  completedAt: indexed.instant((row: HazardLedgerRow) => row.completedAt, lean),
  verifiedAt: indexed.instant((row: HazardLedgerRow) => row.verifiedAt, lean),
  closedAt: indexed.instant((row: HazardLedgerRow) => row.closedAt),
  voidedAt: indexed.instant((row: HazardLedgerRow) => row.voidedAt, lean),
  knownToRegulatorAt: indexed.instant((row: HazardLedgerRow) => row.knownToRegulatorAt, lean),
  completedOnTime: indexed.boolean((row: HazardLedgerRow) => row.completedOnTime, lean),
  completedOnTimeStrict: indexed.boolean((row: HazardLedgerRow) => row.completedOnTimeStrict, lean),
  closedOnTime: indexed.boolean((row: HazardLedgerRow) => row.closedOnTime, lean),
  closedOnTimeStrict: indexed.boolean((row: HazardLedgerRow) => row.closedOnTimeStrict, lean),
  verificationRequestedAt: indexed.instant((row: HazardLedgerRow) => row.verificationRequestedAt),
  verificationAnsweredAt: indexed.instant(
    (row: HazardLedgerRow) => row.verificationAnsweredAt,
    lean,
  ),
  inspectionId: indexed.text((row: HazardLedgerRow) => row.inspectionId ?? null, lean),
};

/** The projection name of the hazard ledger. */
export const HAZARD_LEDGER = 'hazard-ledger';

/**
 * The hazard ledger (P-1) for a time zone (deadlines end at 23:59:59.999 local, G-7). Its
 * documents carry the P-6 columns too; the figures P-2…P-7 are queries over its fields.
 */
export function createHazardLedgerProjection(options: { timezone: string }) {
  const { timezone } = options;
  // The end of a local day is a pure function of the date here, but working it out asks Intl for
  // wall-clock times several times; catching up a large ledger spent a sixth of its CPU there.
  // Deadlines fall on a few thousand distinct dates, so a bounded cache answers almost every
  // event; it is emptied when full rather than evicting one by one.
  const endOfDay = new Map<string, number>();
  const endOf = (date: string): number => {
    let end = endOfDay.get(date);
    if (end === undefined) {
      end = endOfLocalDay(date, timezone).getTime();
      if (endOfDay.size >= 20_000) endOfDay.clear();
      endOfDay.set(date, end);
    }
    return end;
  };
  const within = (at: string | null, date: string): boolean | null =>
    at === null ? null : Date.parse(at) <= endOf(date);
  const judge = (row: HazardLedgerRow) => {
    row.completedOnTime = within(row.completedAt, row.deadline);
    row.completedOnTimeStrict = within(row.completedAt, row.originalDeadline);
    row.closedOnTime = within(row.closedAt, row.deadline);
    row.closedOnTimeStrict = within(row.closedAt, row.originalDeadline);
  };
  return defineProjection<HazardLedgerRow, HazardLedgerEvent, typeof hazardLedgerFields>({
    name: HAZARD_LEDGER,
    // 2: `subjectId` and `inspectionId` (P-8) became indexed fields; stored ledgers are rebuilt
    // to fill them. 3: the linked cases of P-6 (`CaseHazardLinked`). 4: the cohort index
    // covers `voidedAt` and `closedAt`. 5: only the fields filtered or sorted alone keep an index
    // of their own (`ownIndex`), so writes update fewer indexes; the field schema changed, so
    // stored ledgers are rebuilt into the new table.
    version: 5,
    handles: hazardLedgerEventTypes,
    documentId: (event: StoredEvent<HazardLedgerEvent>) => event.data.hazardId,
    init: (hazardId) => emptyRow(hazardId),
    apply: (row, event) => {
      const at = event.data.occurredAt;
      switch (event.type) {
        case 'HazardRegistered': {
          const d = event.data;
          Object.assign(row, {
            subjectKind: d.subject.kind,
            subjectId: d.subject.id,
            areaId: d.areaId,
            sectorCode: orNull(d.sectorCode),
            nature: d.nature,
            grade: d.grade,
            majorBasis: d.majorBasis,
            source: d.source,
            campaignIds: [...d.campaignIds],
            supervisingOrgId: d.supervisingOrgId,
            inspectionId: d.inspectionId ?? null,
            registeredAt: at,
            deadline: d.deadline,
            originalDeadline: d.deadline,
            status: 'open',
            knownToRegulatorAt: regulatorSources.includes(d.source) ? at : null,
          });
          break;
        }
        case 'HazardDetailsCorrected':
          if (event.data.campaignIds !== undefined) row.campaignIds = [...event.data.campaignIds];
          if (event.data.nature !== undefined) row.nature = event.data.nature;
          break;
        case 'HazardRegraded':
          row.gradeBefore = row.grade;
          row.grade = event.data.to;
          row.gradeSetAt = at;
          if (event.data.basis !== null) row.majorBasis = event.data.basis;
          break;
        case 'RectificationDeadlineExtended':
          row.deadline = event.data.new;
          break;
        case 'MajorHazardReported':
          row.reportedToRegulatorAt ??= at;
          row.knownToRegulatorAt ??= at;
          break;
        case 'MajorHazardDisclosedToWorkforce':
          row.disclosedToWorkforceAt ??= at;
          break;
        case 'RectificationPlanSubmitted': {
          const d = event.data;
          row.plan = {
            responsiblePersonId: d.responsiblePersonId,
            measures: [...d.measures],
            fundingCny: d.funding.amountCny,
            deadline: d.deadline,
            contingencyPlanRef: d.contingencyPlanRef,
          };
          break;
        }
        case 'HazardListedForSupervision':
          row.listings.push({
            level: event.data.level,
            authorityOrgId: event.data.authorityOrgId,
            listedAt: at,
            delistedAt: null,
          });
          break;
        case 'HazardDelisted': {
          const listing = row.listings.find(
            (l) => l.level === event.data.level && l.delistedAt === null,
          );
          if (listing !== undefined) listing.delistedAt = at;
          break;
        }
        case 'OperationsSuspended':
          row.suspendedAt = at;
          row.resumedAt = null;
          break;
        case 'OperationsResumed':
          row.resumedAt = at;
          break;
        case 'RectificationAssessed':
          row.assessment = event.data.conclusion;
          break;
        case 'RectificationCompleted':
          row.completedAt = event.data.completedAt;
          row.status = 'awaiting_verification';
          break;
        case 'VerificationRequested':
          row.verificationRequestedAt = at;
          row.verificationAnsweredAt = null;
          break;
        case 'RectificationVerified':
          row.verificationResults.push({
            at,
            outcome: event.data.outcome,
            kind: event.data.kind,
          });
          if (row.verificationRequestedAt !== null) row.verificationAnsweredAt ??= at;
          if (event.data.outcome === 'passed') {
            row.verifiedAt = at;
            row.status = 'verified';
          } else {
            row.status = 'open';
          }
          break;
        case 'HazardClosed':
          row.closedAt = at;
          row.status = 'closed';
          break;
        case 'HazardVoided':
          row.voidedAt = at;
          row.status = 'voided';
          break;
        case 'HazardReferred':
          row.supervisingOrgId = event.data.toOrgId;
          break;
        case 'CaseHazardLinked':
          // EC links a hazard to a case once; a replayed link must not list the case twice.
          if (!row.cases.some((c) => c.caseId === event.data.caseId)) {
            row.cases.push({ caseId: event.data.caseId, linkedAt: at });
          }
          break;
      }
      judge(row as HazardLedgerRow);
    },
    fields: hazardLedgerFields,
    indexes: [
      ['areaId', 'deadline'],
      // The cohort figures (P-2, P-3, P-4) filter a registration period and test `voidedAt` and
      // `closedAt` against `asOf`, per area when grouped: with all four in one index they read
      // the index alone instead of looking up every cohort row in the table.
      ['registeredAt', 'areaId', 'voidedAt', 'closedAt'],
    ],
  });
}

function emptyRow(hazardId: string): HazardLedgerRow {
  return {
    hazardId,
    subjectKind: 'enterprise',
    subjectId: '',
    areaId: '',
    sectorCode: null,
    nature: '',
    grade: 'general',
    gradeBefore: null,
    gradeSetAt: null,
    majorBasis: null,
    source: '',
    campaignIds: [],
    supervisingOrgId: '',
    inspectionId: null,
    registeredAt: '',
    deadline: '',
    originalDeadline: '',
    status: 'open',
    completedAt: null,
    verifiedAt: null,
    closedAt: null,
    voidedAt: null,
    knownToRegulatorAt: null,
    reportedToRegulatorAt: null,
    disclosedToWorkforceAt: null,
    completedOnTime: null,
    completedOnTimeStrict: null,
    closedOnTime: null,
    closedOnTimeStrict: null,
    verificationRequestedAt: null,
    verificationAnsweredAt: null,
    verificationResults: [],
    listings: [],
    plan: null,
    suspendedAt: null,
    resumedAt: null,
    assessment: null,
    cases: [],
  };
}
