import {
  type CategoryLeadPort,
  type EventStore,
  evolveVenue,
  HAZARD_LEDGER,
  type InMemoryDirectory,
  initialVenueState,
  isRegisteredVenue,
  type SubjectStatusPort,
  type VenueEvent,
  type VenueHazardsPort,
  type VenueState,
  venueStreamId,
} from '@safeledger/core';
import type { HazardFigures } from '../http/context.js';

/** A venue folded from its own stream, with the stream's version. */
async function venueOf(store: EventStore, venueId: string) {
  let state: VenueState = initialVenueState();
  let version = 0;
  for await (const event of store.readStream<VenueEvent>(venueStreamId(venueId))) {
    state = evolveVenue(state, event);
    version = event.version;
  }
  return { state, version };
}

/**
 * Whether a subject may be inspected (I-7). A venue's status comes from its own stream, read at
 * the moment of asking, so the answer is never behind the stream (G-9 holds trivially); an
 * enterprise or a site is active when the directory lists it.
 */
export function createSubjectStatusFromStore(
  store: EventStore,
  directory: InMemoryDirectory,
): SubjectStatusPort {
  return {
    name: 'venue-streams',
    async subjectStatus(subject) {
      if (subject.kind === 'venue') {
        const { state, version } = await venueOf(store, subject.id);
        const value = !isRegisteredVenue(state)
          ? 'unknown'
          : state.status === 'active'
            ? 'active'
            : 'inactive';
        const streamId = venueStreamId(subject.id);
        return { value, streamId, seenVersion: version, headVersion: version };
      }
      const known =
        subject.kind === 'enterprise'
          ? directory.enterprise(subject.id) !== undefined
          : directory.site(subject.id) !== undefined;
      const streamId = `${subject.kind}-${subject.id}`;
      return { value: known ? 'active' : 'unknown', streamId, seenVersion: 0, headVersion: 0 };
    },
  };
}

/**
 * The lead industry organisations of a venue category (V-2). The example keeps no RA-10
 * `venue_division` list, so the directory stands in for it: the industry organisations whose
 * `venueCategories` name the category. An application with responsibility lists answers from
 * their read model instead.
 */
export function createCategoryLeadsFromDirectory(directory: InMemoryDirectory): CategoryLeadPort {
  return {
    name: 'directory',
    async categoryLeads(category) {
      const leads = directory
        .organizations()
        .filter((org) => org.kind === 'industry' && org.venueCategories.includes(category))
        .map((org) => org.id);
      return { value: leads, streamId: 'directory', seenVersion: 0, headVersion: 0 };
    },
  };
}

/**
 * A venue's live hazards (V-5) from the hazard ledger, selected in the store by subject and
 * status. The ledger is fresh when its checkpoint is at the head of the log; otherwise the
 * answer reports one version behind, so the decider refuses with the retryable
 * `ProjectionLaggingError` (503) rather than deregistering past a hazard it has not seen.
 */
export function createVenueHazardsFromLedger(
  store: EventStore,
  figures: HazardFigures,
): VenueHazardsPort {
  return {
    name: HAZARD_LEDGER,
    async liveHazards(venueId) {
      const checkpoint = await store.projections.getCheckpoint(HAZARD_LEDGER);
      const behind = await store.readAllPage({ after: checkpoint?.position, maxCount: 1 });
      const page = await figures.ledger.find({
        where: {
          subjectKind: 'venue',
          subjectId: venueId,
          status: { in: ['open', 'awaiting_verification', 'verified'] },
        },
        limit: 1000,
      });
      return {
        value: page.items.map((item) => item.id),
        streamId: HAZARD_LEDGER,
        seenVersion: 0,
        headVersion: behind.events.length > 0 ? 1 : 0,
      };
    },
  };
}
