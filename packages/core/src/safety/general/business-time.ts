import { RuleViolationError } from '../../eventsourcing/errors.js';

/** How far past the recording time a business time may lie (G-4): five minutes of clock skew. */
export const businessTimeToleranceMs = 5 * 60_000;

/**
 * Checks a command's business time against G-4: not after `recordedAt` plus five minutes, and
 * (for a stream that already exists) not before the stream's first business time. Back-dating
 * within those bounds is allowed, since records are often entered after the fact.
 *
 * @throws RuleViolationError (`G-4`, `InvalidBusinessTime`) naming the instant and the bound it breaks.
 */
export function assertBusinessTime(options: {
  readonly occurredAt: string;
  readonly recordedAt: Date;
  readonly streamStartedAt: string | undefined;
}): void {
  const { occurredAt, recordedAt, streamStartedAt } = options;
  const at = Date.parse(occurredAt);
  const latest = recordedAt.getTime() + businessTimeToleranceMs;
  if (at > latest) {
    throw new RuleViolationError(
      'G-4',
      'InvalidBusinessTime',
      `occurredAt ${occurredAt} is later than the recording time ${recordedAt.toISOString()} plus 5 minutes`,
      { occurredAt, latestAllowed: new Date(latest).toISOString() },
    );
  }
  if (streamStartedAt !== undefined && at < Date.parse(streamStartedAt)) {
    throw new RuleViolationError(
      'G-4',
      'InvalidBusinessTime',
      `occurredAt ${occurredAt} is earlier than the stream's first business time ${streamStartedAt}`,
      { occurredAt, earliestAllowed: streamStartedAt },
    );
  }
}
