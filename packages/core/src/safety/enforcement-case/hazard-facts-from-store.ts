import type { EventStore } from '../../eventsourcing/event-store.js';
import type { Directory } from '../directory/directory.js';
import type { HazardEvent } from '../hazard/events.js';
import { hazardStreamId } from '../hazard/hazard-stream.js';
import {
  evolveHazard,
  type HazardState,
  initialHazardState,
  isRegisteredHazard,
} from '../hazard/state.js';
import type { HazardFacts, HazardFactsPort } from './facts.js';

/**
 * A `HazardFactsPort` backed by stream loads: each lookup folds the hazard's stream, so it is
 * always current (no projection to lag) at the price of one stream read per lookup. Prefer a
 * port over the hazard ledger read model when lookups are frequent.
 */
export function createHazardFactsFromStore(options: {
  readonly store: EventStore;
  /** Resolves a venue hazard to the enterprise that runs the venue. */
  readonly directory: Directory;
}): HazardFactsPort {
  const { store, directory } = options;
  return {
    async hazard(hazardId) {
      let state: HazardState = initialHazardState();
      for await (const event of store.readStream<HazardEvent>(hazardStreamId(hazardId))) {
        state = evolveHazard(state, event);
      }
      if (!isRegisteredHazard(state)) return undefined;
      return hazardFactsOf(state, directory);
    },
  };
}

/** The facts a case needs of a registered hazard's state. */
export function hazardFactsOf(
  state: Extract<HazardState, { hazardId: string }>,
  directory: Directory,
): HazardFacts {
  const enterpriseId =
    state.responsible.kind === 'enterprise'
      ? state.responsible.id
      : (directory.venue(state.responsible.id)?.enterpriseId ?? null);
  return {
    hazardId: state.hazardId,
    enterpriseId,
    grade: state.grade,
    status: state.status,
    suspended: state.suspension?.active === true,
  };
}
