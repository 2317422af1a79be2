import type { z } from 'zod';
import type { ReturnItemSchema, SubmitFeedbackSchema } from './commands.js';
import { eventBase, type ItemDecisionContext } from './decision-context.js';
import type { SupervisionItemEvent } from './events.js';
import { requireIssuer, requireLeadOfficer } from './permissions.js';
import { assertReadyForClosure, assertReadyForFeedback } from './readiness.js';
import { violate } from './rules.js';
import type { ReceivedItem } from './state.js';

type Parsed<S extends z.ZodType> = z.output<S>;

/** `SubmitFeedback`: the lead organisation's head, from `in_progress`, SI-2/SI-3/SI-5 holding. */
export function decideSubmitFeedback(
  ctx: ItemDecisionContext,
  item: ReceivedItem,
  command: Parsed<typeof SubmitFeedbackSchema>,
): SupervisionItemEvent[] {
  if (item.status !== 'in_progress') {
    throw violate('SI-0', 'InvalidState', { command: 'SubmitFeedback', state: item.status });
  }
  requireLeadOfficer(ctx, item, 'SubmitFeedback', true);
  assertReadyForFeedback(item, ctx.facts.hazardStatuses ?? {});
  return [
    {
      type: 'ItemFeedbackSubmitted',
      data: {
        ...eventBase(ctx, item.itemId),
        summary: command.summary,
        evidenceRefs: command.evidenceRefs,
      },
    },
  ];
}

/** `CloseItem`: the issuer (or the delegated office), from `feedback_submitted`, SI-2…SI-5 true (SI-6). */
export function decideCloseItem(
  ctx: ItemDecisionContext,
  item: ReceivedItem,
): SupervisionItemEvent[] {
  requireIssuer(ctx, item, 'CloseItem');
  if (item.status !== 'feedback_submitted') {
    throw violate('SI-6', 'FeedbackRequired', { state: item.status });
  }
  assertReadyForClosure(item, ctx.facts.hazardStatuses ?? {});
  return [
    {
      type: 'ItemClosed',
      data: {
        ...eventBase(ctx, item.itemId),
        batchId: item.batchId,
        kind: item.kind,
        issuer: item.issuer,
      },
    },
  ];
}

/** `ReturnItem`: the issuer sends the feedback back (SI-6). */
export function decideReturnItem(
  ctx: ItemDecisionContext,
  item: ReceivedItem,
  command: Parsed<typeof ReturnItemSchema>,
): SupervisionItemEvent[] {
  requireIssuer(ctx, item, 'ReturnItem');
  if (item.status !== 'feedback_submitted') {
    throw violate('SI-6', 'FeedbackRequired', { state: item.status });
  }
  return [
    { type: 'ItemReturned', data: { ...eventBase(ctx, item.itemId), reason: command.reason } },
  ];
}
