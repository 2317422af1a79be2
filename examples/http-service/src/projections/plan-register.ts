import {
  type DraftedPlan,
  defineProjection,
  type EmergencyPlanEvent,
  type EmergencyPlanState,
  emergencyPlanEvents,
  evolveEmergencyPlan,
  indexed,
  initialEmergencyPlanState,
  isDraftedPlan,
} from '@safeledger/core';

/**
 * One emergency plan as the plan ledger endpoint reads it: the state folded by the aggregate's
 * own `evolve`, and its owner and lifecycle as indexed fields.
 */
export interface PlanRegisterRow {
  planId: string;
  state: EmergencyPlanState;
  ownerOrgId: string | null;
  ownerEnterpriseId: string | null;
  kind: DraftedPlan['kind'] | null;
  draftedAt: string | null;
  /** The latest published version, `null` while none is. */
  publishedVersion: number | null;
  retired: boolean;
}

const fields = {
  ownerOrgId: indexed.text((row: PlanRegisterRow) => row.ownerOrgId),
  ownerEnterpriseId: indexed.text((row: PlanRegisterRow) => row.ownerEnterpriseId),
  kind: indexed.text((row: PlanRegisterRow) => row.kind),
  draftedAt: indexed.instant((row: PlanRegisterRow) => row.draftedAt),
  published: indexed.boolean((row: PlanRegisterRow) => row.publishedVersion !== null),
  retired: indexed.boolean((row: PlanRegisterRow) => row.retired),
};

function rowOf(planId: string, state: EmergencyPlanState): PlanRegisterRow {
  if (!isDraftedPlan(state)) {
    return {
      planId,
      state,
      ownerOrgId: null,
      ownerEnterpriseId: null,
      kind: null,
      draftedAt: null,
      publishedVersion: null,
      retired: false,
    };
  }
  return {
    planId,
    state,
    ownerOrgId: state.ownerOrgId,
    ownerEnterpriseId: state.ownerEnterpriseId,
    kind: state.kind,
    draftedAt: state.draftedAt,
    publishedVersion: state.publications.at(-1)?.version ?? null,
    retired: state.retiredAt !== null,
  };
}

/**
 * The example's plan register: one row per emergency plan. The library's plan ledger
 * (`createPlanLedgerProjection`) keeps one row per version for EP-1's counts and does not
 * record the plan's owner, which a ledger must be limited by (G-5); the owner is on the plan's
 * first event only, so a row per plan carries it. The state is folded by the library's
 * `evolveEmergencyPlan`; nothing of the plan's rules is repeated here.
 */
export const planRegister = defineProjection<PlanRegisterRow, EmergencyPlanEvent, typeof fields>({
  name: 'http-example.plan-register',
  version: 1,
  handles: emergencyPlanEvents.map((definition) => definition.type) as EmergencyPlanEvent['type'][],
  documentId: (event) => event.data.planId,
  init: (planId) => rowOf(planId, initialEmergencyPlanState()),
  apply: (row, event) =>
    rowOf(row.planId, evolveEmergencyPlan(row.state as EmergencyPlanState, event)),
  fields,
});
