import type {
  CommandHandler,
  HandleOptions,
  HandleResult,
} from '../../eventsourcing/command-handler.js';
import type { EventStore } from '../../eventsourcing/event-store.js';
import { createUniqueKeys, type UniqueKeys } from '../../eventsourcing/unique-keys.js';
import type { VenueCommand } from './commands.js';
import type { VenueEvent } from './events.js';
import { venueNameAddressKey, venueUsccKey } from './normalise.js';
import { violate } from './rules.js';
import { evolveVenue, initialVenueState, isRegisteredVenue, type VenueState } from './state.js';
import { venueStreamId } from './venue-stream.js';

/** Options of `createVenueRegistry`. */
export interface VenueRegistryOptions {
  readonly store: EventStore;
  /** The command handler of `createVenueDecider`. */
  readonly handle: CommandHandler<VenueState, VenueCommand, VenueEvent>;
}

/** Venue commands with V-1 enforced across streams. */
export interface VenueRegistry {
  /**
   * Handles a venue command on `venue-{venueId}`, claiming the venue's unique keys (USCC,
   * normalised name and address) before a registration or a profile change and releasing them
   * after a deregistration or a change.
   * @throws RuleViolationError (`V-1`, `DuplicateVenue`) naming the field, the value and the venue holding it.
   */
  handle(
    venueId: string,
    command: VenueCommand,
    options?: HandleOptions,
  ): Promise<HandleResult<VenueState, VenueEvent>>;
}

interface VenueKey {
  readonly field: 'uscc' | 'name_address';
  readonly value: string;
  readonly key: string;
}

function keysOf(venue: {
  name: string;
  address: string;
  uscc?: string | null | undefined;
}): VenueKey[] {
  const keys: VenueKey[] = [
    {
      field: 'name_address',
      value: `${venue.name} / ${venue.address}`,
      key: venueNameAddressKey(venue.name, venue.address),
    },
  ];
  if (venue.uscc !== null && venue.uscc !== undefined) {
    keys.push({ field: 'uscc', value: venue.uscc, key: venueUsccKey(venue.uscc) });
  }
  return keys;
}

const folder = {
  name: 'venue-keys',
  initialState: initialVenueState,
  evolve: evolveVenue,
  decide: () => [],
};

/**
 * Creates the V-1 guard around the venue command handler. Keys are claimed with
 * `createUniqueKeys` (scopes `venue_uscc` and `venue_name_address`), one tiny stream per key
 * appended at an exact expected version, so of racing registrations of one venue on any store
 * exactly one wins. A claim left by a deregistered venue (a crash between the deregistration and
 * the release) is recognised by reading the owner's stream and taken over. A claim left by a
 * registration that crashed before writing its event stays until released by hand
 * (`createUniqueKeys(...).release`), since it cannot be told apart from one in flight.
 */
export function createVenueRegistry(options: VenueRegistryOptions): VenueRegistry {
  const { store, handle } = options;
  const scopes: Record<VenueKey['field'], UniqueKeys> = {
    uscc: createUniqueKeys({ store, scope: 'venue_uscc' }),
    name_address: createUniqueKeys({ store, scope: 'venue_name_address' }),
  };
  const load = async (streamId: string) => (await store.aggregateStream(streamId, folder)).state;

  // A claim is stale only when its owner is deregistered: deregistered venues accept no command,
  // so their claims can never be in flight. An owner whose stream is still empty, or that is
  // active under another key, may be mid-registration or mid-rename and keeps its claim.
  const stale = async (owner: string): Promise<boolean> => {
    const state = await load(owner);
    return isRegisteredVenue(state) && state.status === 'deregistered';
  };

  /** Claims every key for `streamId`; on a clash releases what it claimed and throws V-1. */
  const claimAll = async (streamId: string, keys: readonly VenueKey[]): Promise<VenueKey[]> => {
    const fresh: VenueKey[] = [];
    for (const key of keys) {
      const scope = scopes[key.field];
      let result = await scope.claim(key.key, streamId);
      if (!result.claimed && (await stale(result.owner))) {
        await scope.release(key.key, result.owner);
        result = await scope.claim(key.key, streamId);
      }
      if (!result.claimed) {
        await releaseAll(streamId, fresh);
        throw violate('V-1', 'DuplicateVenue', {
          field: key.field,
          value: key.value,
          ownerVenueId: result.owner.replace(/^venue-/, ''),
        });
      }
      if (result.fresh) fresh.push(key);
    }
    return fresh;
  };

  const releaseAll = async (streamId: string, keys: readonly VenueKey[]): Promise<void> => {
    for (const key of keys) await scopes[key.field].release(key.key, streamId);
  };

  return {
    async handle(venueId, command, handleOptions) {
      const streamId = venueStreamId(venueId);
      const before = await load(streamId);
      const oldKeys = isRegisteredVenue(before) && before.status === 'active' ? keysOf(before) : [];
      let wanted: VenueKey[] = [];
      if (command.type === 'RegisterVenue') wanted = keysOf(command);
      if (command.type === 'UpdateVenueProfile' && isRegisteredVenue(before)) {
        wanted = keysOf({
          name: command.name ?? before.name,
          address: command.address ?? before.address,
          uscc: command.uscc ?? before.uscc,
        });
      }
      const fresh = await claimAll(streamId, wanted);
      let result: HandleResult<VenueState, VenueEvent>;
      try {
        result = await handle(streamId, command, handleOptions);
      } catch (error) {
        await releaseAll(streamId, fresh);
        throw error;
      }
      // Keys the venue no longer holds: all of them after a deregistration, the replaced ones after a change.
      const after = result.state;
      const kept = isRegisteredVenue(after) && after.status === 'active' ? keysOf(after) : [];
      const dropped = oldKeys.filter(
        (old) => !kept.some((k) => k.field === old.field && k.key === old.key),
      );
      await releaseAll(streamId, dropped);
      return result;
    },
  };
}
