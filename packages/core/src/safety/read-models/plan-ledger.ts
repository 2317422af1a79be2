import type { StoredEvent } from '../../eventsourcing/envelope.js';
import { defineProjection } from '../../eventsourcing/projection.js';
import { indexed } from '../../eventsourcing/projection-fields.js';
import type { PlanKind } from '../activity/values.js';
import type { EmergencyPlanEvent } from '../emergency-plan/events.js';

/**
 * One row of the emergency-plan ledger: one version of one plan. Versions are rows, not a list
 * inside a plan's row, so "revised and published in P" (EP-1) is a count of rows in the store.
 */
export interface PlanVersionRow {
  planId: string;
  version: number;
  /** The plan's kind, known on its first version (`null` on later ones). */
  kind: PlanKind | null;
  /** The plan this one rewrites, on the first version of a rewritten plan. */
  replacesPlanId: string | null;
  /** When the version was drafted (`PlanDrafted` for 1, `PlanRevised` after). */
  draftedAt: string;
  publishedAt: string | null;
  /**
   * EP-1: publishing this version counts as "revised and published": a version after the first,
   * or the first version of a plan that rewrites another.
   */
  isRevision: boolean;
}

/** The events the plan ledger reads. */
export const planLedgerEventTypes = [
  'PlanDrafted',
  'PlanRevised',
  'PlanPublished',
] as const satisfies readonly EmergencyPlanEvent['type'][];

/** Indexed fields of the plan ledger. */
export const planLedgerFields = {
  planId: indexed.text((row: PlanVersionRow) => row.planId),
  version: indexed.integer((row: PlanVersionRow) => row.version),
  draftedAt: indexed.instant((row: PlanVersionRow) => row.draftedAt || null),
  publishedAt: indexed.instant((row: PlanVersionRow) => row.publishedAt),
  isRevision: indexed.boolean((row: PlanVersionRow) => row.isRevision),
};

/** The projection name of the emergency-plan ledger. */
export const PLAN_LEDGER = 'emergency-plan-ledger';

/** The document id of one plan version in the plan ledger. */
export const planVersionDocumentId = (planId: string, version: number): string =>
  `${planId}#${version}`;

/**
 * The emergency-plan ledger (应急预案台账): one row per plan version, with when it was drafted and
 * published. Retirement ends a plan's effectiveness (EP-1) but does not undo a publication, so it
 * is not read here.
 */
export function createPlanLedgerProjection() {
  return defineProjection<PlanVersionRow, EmergencyPlanEvent, typeof planLedgerFields>({
    name: PLAN_LEDGER,
    version: 1,
    handles: planLedgerEventTypes,
    documentId: (event: StoredEvent<EmergencyPlanEvent>) =>
      event.type === 'PlanRetired'
        ? null
        : planVersionDocumentId(event.data.planId, event.data.version),
    init: (_id, event) => ({
      planId: event.data.planId,
      version: 'version' in event.data ? event.data.version : 0,
      kind: null,
      replacesPlanId: null,
      draftedAt: '',
      publishedAt: null,
      isRevision: false,
    }),
    apply: (row, event) => {
      switch (event.type) {
        case 'PlanDrafted':
          row.kind = event.data.kind;
          row.replacesPlanId = event.data.replacesPlanId;
          row.draftedAt = event.data.occurredAt;
          row.isRevision = event.data.version > 1 || event.data.replacesPlanId !== null;
          break;
        case 'PlanRevised':
          row.draftedAt = event.data.occurredAt;
          row.isRevision = true;
          break;
        case 'PlanPublished':
          row.publishedAt = event.data.occurredAt;
          break;
      }
    },
    fields: planLedgerFields,
    indexes: [['publishedAt', 'isRevision']],
  });
}
