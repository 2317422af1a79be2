import type { StoredEvent } from '../../eventsourcing/envelope.js';
import { defineProjection } from '../../eventsourcing/projection.js';
import { indexed } from '../../eventsourcing/projection-fields.js';
import type { PlanKind } from '../activity/values.js';
import type { EmergencyPlanEvent } from '../emergency-plan/events.js';
import type { PlanOwner } from '../emergency-plan/permissions.js';

/**
 * One row of the emergency-plan ledger: one version of one plan. Versions are rows, not a list
 * inside a plan's row, so "revised and published in P" (EP-1) is a count of rows in the store.
 */
export interface PlanVersionRow {
  planId: string;
  version: number;
  /** The plan's kind, known on its first version (`null` on later ones). */
  kind: PlanKind | null;
  /** The organisation that owns the plan, when an organisation does (G-5: who may read it). */
  ownerOrgId: string | null;
  /** The enterprise that owns the plan, when an enterprise does. */
  ownerEnterpriseId: string | null;
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
  ownerOrgId: indexed.text((row: PlanVersionRow) => row.ownerOrgId),
  ownerEnterpriseId: indexed.text((row: PlanVersionRow) => row.ownerEnterpriseId),
  kind: indexed.text((row: PlanVersionRow) => row.kind),
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
 * The plan's owner as the event that opens a version row shows it. `PlanDrafted` names it; a
 * revision or a publication does not, but only a person acting for the owner may revise or
 * publish a plan (G-5, `assertMayActOnPlan`), and an actor acts for an organisation or for an
 * enterprise, never both: so the actor of a later version's event names the plan's owner.
 */
function ownerOf(event: StoredEvent<EmergencyPlanEvent>): PlanOwner {
  if (event.type === 'PlanDrafted') {
    return { ownerOrgId: event.data.ownerOrgId, ownerEnterpriseId: event.data.ownerEnterpriseId };
  }
  const { orgId, enterpriseId } = event.data.actor;
  return orgId !== undefined
    ? { ownerOrgId: orgId, ownerEnterpriseId: null }
    : { ownerOrgId: null, ownerEnterpriseId: enterpriseId ?? null };
}

/**
 * The emergency-plan ledger (应急预案台账): one row per plan version, with its owner and when it
 * was drafted and published; the owner makes every row answerable to "plans of my organisation"
 * (or enterprise) in the store. Retirement ends a plan's effectiveness (EP-1) but does not undo a publication, so it
 * is not read here.
 */
export function createPlanLedgerProjection() {
  return defineProjection<PlanVersionRow, EmergencyPlanEvent, typeof planLedgerFields>({
    name: PLAN_LEDGER,
    // 2: rows carry the plan's owner; owner and kind are indexed.
    version: 2,
    handles: planLedgerEventTypes,
    documentId: (event: StoredEvent<EmergencyPlanEvent>) =>
      event.type === 'PlanRetired'
        ? null
        : planVersionDocumentId(event.data.planId, event.data.version),
    init: (_id, event) => ({
      planId: event.data.planId,
      version: 'version' in event.data ? event.data.version : 0,
      ...ownerOf(event),
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
