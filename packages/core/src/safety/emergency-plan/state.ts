import type { PlanKind } from '../activity/values.js';
import type { EmergencyPlanEvent } from './events.js';

/** One publication of a version. */
export interface PlanPublication {
  readonly version: number;
  readonly publishedAt: string;
}

/** A drafted plan. */
export interface DraftedPlan {
  readonly version: number;
  readonly planId: string;
  readonly draftedAt: string;
  readonly kind: PlanKind;
  readonly title: string;
  readonly ownerOrgId: string | null;
  readonly ownerEnterpriseId: string | null;
  readonly replacesPlanId: string | null;
  /** The newest version drafted, published or not. */
  readonly latestVersion: number;
  /** Publications in stream order; the effective version is derived from them (EP-1). */
  readonly publications: readonly PlanPublication[];
  readonly retiredAt: string | null;
}

/** The state of a `plan-{id}` stream: nothing before `PlanDrafted`. */
export type EmergencyPlanState = { readonly version: 0; readonly planId: null } | DraftedPlan;

/** The state of a plan stream with no events. */
export function initialEmergencyPlanState(): EmergencyPlanState {
  return { version: 0, planId: null };
}

/** True once the plan is drafted. */
export function isDraftedPlan(state: EmergencyPlanState): state is DraftedPlan {
  return state.planId !== null;
}

/** Folds one plan event into the state. */
export function evolveEmergencyPlan(
  state: EmergencyPlanState,
  event: EmergencyPlanEvent,
): EmergencyPlanState {
  if (event.type === 'PlanDrafted') {
    const d = event.data;
    return {
      version: state.version + 1,
      planId: d.planId,
      draftedAt: d.occurredAt,
      kind: d.kind,
      title: d.title,
      ownerOrgId: d.ownerOrgId,
      ownerEnterpriseId: d.ownerEnterpriseId,
      replacesPlanId: d.replacesPlanId,
      latestVersion: d.version,
      publications: [],
      retiredAt: null,
    };
  }
  if (!isDraftedPlan(state)) return state;
  const version = state.version + 1;
  switch (event.type) {
    case 'PlanRevised':
      return { ...state, version, latestVersion: event.data.version };
    case 'PlanPublished':
      return {
        ...state,
        version,
        publications: [
          ...state.publications,
          { version: event.data.version, publishedAt: event.data.occurredAt },
        ],
      };
    case 'PlanRetired':
      return { ...state, version, retiredAt: event.data.occurredAt };
  }
}
