import type { EventStore } from '../../eventsourcing/event-store.js';
import type { HazardEvent } from '../hazard/events.js';
import { hazardStreamId } from '../hazard/hazard-stream.js';
import {
  evolveHazard,
  type HazardState,
  type HazardStatus,
  initialHazardState,
  isRegisteredHazard,
} from '../hazard/state.js';
import type { ReadModelAnswer } from '../ports/fresh-answer.js';

/** A linked hazard's status, or `unknown` when no such hazard is registered. */
export type LinkedHazardStatus = HazardStatus | 'unknown';

/**
 * The port SI-2 and SI-6 read at `LinkHazard`, `SubmitFeedback` and `CloseItem`: a hazard's
 * status as a read model knows it, with the versions G-9 compares. Back it with the hazard
 * ledger projection, or with `createItemHazardsFromStore` (stream loads, never behind).
 */
export interface ItemHazardsPort {
  /** The read model's name, for `ProjectionLaggingError`. */
  readonly name: string;
  /** The hazard's status with the stream versions G-9 compares. */
  hazardStatus(hazardId: string): Promise<ReadModelAnswer<LinkedHazardStatus>>;
}

/** What the supervision-item decider's `prepare` loads: the statuses of the hazards a command concerns. */
export interface SupervisionItemFacts {
  readonly hazardStatuses?: Readonly<Record<string, LinkedHazardStatus>>;
}

/**
 * An `ItemHazardsPort` that folds the hazard's stream on each lookup: always current (its seen
 * version is the head), at the price of one stream read per linked hazard.
 */
export function createItemHazardsFromStore(store: Pick<EventStore, 'readStream'>): ItemHazardsPort {
  return {
    name: 'hazard-streams',
    async hazardStatus(hazardId) {
      const streamId = hazardStreamId(hazardId);
      let state: HazardState = initialHazardState();
      for await (const event of store.readStream<HazardEvent>(streamId)) {
        state = evolveHazard(state, event);
      }
      const value: LinkedHazardStatus = isRegisteredHazard(state) ? state.status : 'unknown';
      return { value, streamId, seenVersion: state.version, headVersion: state.version };
    },
  };
}
