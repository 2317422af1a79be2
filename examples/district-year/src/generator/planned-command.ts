import type { HazardCommand } from '@safeledger/core';

/**
 * One command of the year, planned before anything runs: which handler takes it, the stream, an
 * idempotency id derived from the plan (so a re-run appends nothing), and its business time.
 */
export type PlannedCommand = {
  readonly aggregate: 'hazard';
  readonly streamId: string;
  readonly commandId: string;
  /** Business time (ISO-8601): the simulated clock reads this when the command runs. */
  readonly at: string;
  readonly command: HazardCommand;
};

/** The aggregates the generator can drive: the ones on the main line of the library today. */
export type PlannedAggregate = PlannedCommand['aggregate'];
