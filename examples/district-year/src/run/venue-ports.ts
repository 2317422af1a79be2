import {
  type CategoryLeadPort,
  createHazardFigures,
  type EventStore,
  HAZARD_LEDGER,
  type InMemoryDirectory,
  type SupervisionPolicy,
  type VenueHazardsPort,
} from '@safeledger/core';

/**
 * V-2's category leads from the district's reference data: the industry organisations whose
 * `venueCategories` name the category. The scenario has no `venue_division` list of its own, so
 * the division of venue categories among industry regulators is part of the directory, which is
 * fixed for the run and has no stream that could lag (both versions are 0).
 */
export function directoryCategoryLeads(directory: InMemoryDirectory): CategoryLeadPort {
  return {
    name: 'directory venue categories',
    async categoryLeads(category) {
      const leads = directory
        .organizations()
        .filter((org) => org.kind === 'industry' && org.venueCategories.includes(category))
        .map((org) => org.id)
        .sort();
      return { value: leads, streamId: 'directory', seenVersion: 0, headVersion: 0 };
    },
  };
}

const LIVE = ['open', 'awaiting_verification', 'verified'];

/**
 * V-5's live hazards of a venue from the run's hazard ledger. The run catches its read models up
 * only after the year, so the ledger counts as current only when it has read every hazard event
 * of the log; otherwise the answer is lagging and the deregistration fails with the retryable
 * `ProjectionLaggingError` (G-9) instead of trusting a stale ledger.
 */
export function hazardLedgerVenueHazards(
  store: EventStore,
  policy: SupervisionPolicy,
): VenueHazardsPort {
  const { ledger } = createHazardFigures({ store, policy });
  return {
    name: HAZARD_LEDGER,
    async liveHazards(venueId) {
      const checkpoint = await store.projections.getCheckpoint(HAZARD_LEDGER);
      const unread = await store.readAllPage({
        after: checkpoint?.position,
        maxCount: 1,
        categories: ['hazard'],
      });
      const behind = unread.events.length > 0;
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await ledger.find({
          where: { subjectKind: 'venue', status: { in: LIVE } },
          limit: 500,
          ...(cursor === undefined ? {} : { cursor }),
        });
        for (const { document } of page.items) {
          if (document.subjectId === venueId) ids.push(document.hazardId);
        }
        cursor = page.nextCursor;
      } while (cursor !== undefined);
      return {
        value: ids,
        // The answer stands for every hazard stream: one unread hazard event makes it lagging.
        streamId: 'hazard-*',
        seenVersion: behind ? 0 : 1,
        headVersion: 1,
      };
    },
  };
}
