import type { VenueEvent } from './events.js';
import type { MarkingRole, RiskColor, VenueCategory, VenueOperatorInfo } from './values.js';

/** The four markings of a venue (V-2): single-valued except `special`. */
export interface VenueMarkings {
  readonly territorial: string | null;
  readonly industry: string | null;
  readonly special: readonly string[];
  /** The marked fire advisor (a person). */
  readonly fireAdvisor: string | null;
}

/** A registered venue. */
export interface RegisteredVenue {
  readonly status: 'active' | 'deregistered';
  readonly version: number;
  readonly venueId: string;
  readonly name: string;
  readonly address: string;
  readonly category: VenueCategory;
  readonly areaId: string;
  readonly operator: VenueOperatorInfo;
  readonly uscc: string | null;
  readonly riskColor: RiskColor;
  readonly registeredAt: string;
  readonly markings: VenueMarkings;
}

/** The state of a venue stream. */
export type VenueState =
  | { readonly status: 'unregistered'; readonly version: number }
  | RegisteredVenue;

/** The state of a stream with no events. */
export function initialVenueState(): VenueState {
  return { status: 'unregistered', version: 0 };
}

/** True once `VenueRegistered` was folded. */
export function isRegisteredVenue(state: VenueState): state is RegisteredVenue {
  return state.status !== 'unregistered';
}

/** The id a marking of `role` names: the organisation, or the person for `fire_advisor`. */
export function markedIds(markings: VenueMarkings, role: MarkingRole): readonly string[] {
  switch (role) {
    case 'territorial':
      return markings.territorial === null ? [] : [markings.territorial];
    case 'industry':
      return markings.industry === null ? [] : [markings.industry];
    case 'special':
      return markings.special;
    case 'fire_advisor':
      return markings.fireAdvisor === null ? [] : [markings.fireAdvisor];
  }
}

function withMarking(
  markings: VenueMarkings,
  role: MarkingRole,
  id: string,
  on: boolean,
): VenueMarkings {
  switch (role) {
    case 'territorial':
      return { ...markings, territorial: on ? id : null };
    case 'industry':
      return { ...markings, industry: on ? id : null };
    case 'fire_advisor':
      return { ...markings, fireAdvisor: on ? id : null };
    case 'special':
      return {
        ...markings,
        special: on
          ? [...markings.special.filter((s) => s !== id), id]
          : markings.special.filter((s) => s !== id),
      };
  }
}

/** Folds one venue event; pure. */
export function evolveVenue(state: VenueState, event: VenueEvent): VenueState {
  const version = state.version + 1;
  if (event.type === 'VenueRegistered') {
    const d = event.data;
    return {
      status: 'active',
      version,
      venueId: d.venueId,
      name: d.name,
      address: d.address,
      category: d.category,
      areaId: d.areaId,
      operator: d.operator,
      uscc: d.uscc,
      riskColor: d.riskColor,
      registeredAt: d.occurredAt,
      markings: { territorial: null, industry: null, special: [], fireAdvisor: null },
    };
  }
  if (!isRegisteredVenue(state)) return { status: 'unregistered', version };
  switch (event.type) {
    case 'VenueProfileUpdated': {
      const d = event.data;
      return {
        ...state,
        version,
        name: d.name ?? state.name,
        address: d.address ?? state.address,
        category: d.category ?? state.category,
        operator: d.operator ?? state.operator,
        uscc: d.uscc ?? state.uscc,
        riskColor: d.riskColor ?? state.riskColor,
      };
    }
    case 'VenueResponsiblePartyMarked':
    case 'VenueResponsiblePartyUnmarked': {
      const id = event.data.orgId ?? event.data.personId ?? '';
      const on = event.type === 'VenueResponsiblePartyMarked';
      return { ...state, version, markings: withMarking(state.markings, event.data.role, id, on) };
    }
    case 'VenuePatrolled':
    case 'VenueSelfCheckCompleted':
      return { ...state, version };
    case 'VenueDeregistered':
      return { ...state, version, status: 'deregistered' };
  }
}

/**
 * V-6: the venue's industry marking is invalid when it does not name the current category lead
 * (after a category change, or a change of the division list); `false` when there is none.
 */
export function hasInvalidIndustryMarking(
  state: RegisteredVenue,
  categoryLeads: readonly string[],
): boolean {
  const industry = state.markings.industry;
  if (industry === null) return false;
  return !(categoryLeads.length === 1 && categoryLeads[0] === industry);
}
