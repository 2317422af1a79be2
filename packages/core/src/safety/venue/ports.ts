import type { ReadModelAnswer } from '../ports/fresh-answer.js';

/**
 * The port V-2 reads for an `industry` marking: the lead `industry` organisations of a venue
 * category in the active `venue_division` list (RA-10). One lead is the good case; none or
 * several is a gap the marking refuses.
 */
export interface CategoryLeadPort {
  /** The read model's name, for `ProjectionLaggingError`. */
  readonly name: string;
  /** The lead industry organisations of the category, with the versions G-9 compares. */
  categoryLeads(category: string): Promise<ReadModelAnswer<readonly string[]>>;
}

/** The port V-5 reads at deregistration: the venue's hazards in `open`, `awaiting_verification` or `verified`. */
export interface VenueHazardsPort {
  readonly name: string;
  /** The venue's live hazard ids, with the versions G-9 compares. */
  liveHazards(venueId: string): Promise<ReadModelAnswer<readonly string[]>>;
}

/** What the venue decider's `prepare` loads. */
export interface VenueFacts {
  /** The category leads, for an industry marking. */
  readonly categoryLeads?: readonly string[];
  /** The live hazards, for a deregistration. */
  readonly liveHazards?: readonly string[];
}
