import type { z } from 'zod';
import { compareLocalDates } from '../calendar/local-date.js';
import { localDateOf } from '../calendar/time-zone.js';
import type {
  AddMeasureSchema,
  CompleteMeasureSchema,
  LinkCaseSchema,
  LinkHazardSchema,
  RecordInvestigationSchema,
  ReplyToPetitionerSchema,
} from './commands.js';
import { eventBase, type ItemDecisionContext } from './decision-context.js';
import type { SupervisionItemEvent } from './events.js';
import { requireLeadOfficer } from './permissions.js';
import { violate } from './rules.js';
import type { ReceivedItem } from './state.js';
import { isSubstantiated } from './values.js';

type Parsed<S extends z.ZodType> = z.output<S>;

/** SI-0: work happens while assigned or in progress (a reply also after feedback). */
function requireWorkable(item: ReceivedItem, command: string, alsoAfterFeedback = false): void {
  const ok =
    item.status === 'assigned' ||
    item.status === 'in_progress' ||
    (alsoAfterFeedback && item.status === 'feedback_submitted');
  if (!ok) throw violate('SI-0', 'InvalidState', { command, state: item.status });
}

/** `RecordInvestigation`: the lead organisation's finding, with the hazards PO-4 registers (SI-8). */
export function decideRecordInvestigation(
  ctx: ItemDecisionContext,
  item: ReceivedItem,
  command: Parsed<typeof RecordInvestigationSchema>,
): SupervisionItemEvent[] {
  requireWorkable(item, 'RecordInvestigation');
  requireLeadOfficer(ctx, item, 'RecordInvestigation');
  const { hazards } = command;
  if (!isSubstantiated(command.finding) && hazards.length > 0) {
    throw violate('SI-8', 'HazardsOnUnsubstantiated', {});
  }
  const today = localDateOf(ctx.occurredAt, ctx.policy.timezone);
  const keys = new Set<string>();
  for (const hazard of hazards) {
    if (keys.has(hazard.hazardKey)) {
      throw violate('SI-8', 'DuplicateHazardKey', { hazardKey: hazard.hazardKey });
    }
    keys.add(hazard.hazardKey);
    if ((hazard.grade === 'major') !== (hazard.majorBasis !== undefined)) {
      throw violate('SI-8', 'MajorBasisMismatch', { hazardKey: hazard.hazardKey });
    }
    if (compareLocalDates(hazard.deadline, today) < 0) {
      throw violate('SI-8', 'DeadlineInPast', { deadline: hazard.deadline, today });
    }
  }
  return [
    {
      type: 'ItemInvestigated',
      data: {
        ...eventBase(ctx, item.itemId),
        batchId: item.batchId,
        kind: item.kind,
        issuer: item.issuer,
        finding: command.finding,
        reportRef: command.reportRef,
        leadOrgId: item.leadOrgId ?? '',
        hazards,
      },
    },
  ];
}

/** `LinkHazard`: a registered hazard, once (SI-0; status read by `prepare`, G-9). */
export function decideLinkHazard(
  ctx: ItemDecisionContext,
  item: ReceivedItem,
  command: Parsed<typeof LinkHazardSchema>,
): SupervisionItemEvent[] {
  requireWorkable(item, 'LinkHazard');
  requireLeadOfficer(ctx, item, 'LinkHazard');
  const { hazardId } = command;
  if (item.hazardIds.includes(hazardId)) throw violate('SI-0', 'AlreadyLinked', { ref: hazardId });
  const status = ctx.facts.hazardStatuses?.[hazardId] ?? 'unknown';
  if (status === 'unknown') throw violate('SI-0', 'UnknownHazard', { hazardId });
  return [
    {
      type: 'ItemHazardLinked',
      data: {
        ...eventBase(ctx, item.itemId),
        batchId: item.batchId,
        kind: item.kind,
        issuer: item.issuer,
        hazardId,
      },
    },
  ];
}

/** `LinkCase`: an enforcement case, once. */
export function decideLinkCase(
  ctx: ItemDecisionContext,
  item: ReceivedItem,
  command: Parsed<typeof LinkCaseSchema>,
): SupervisionItemEvent[] {
  requireWorkable(item, 'LinkCase');
  requireLeadOfficer(ctx, item, 'LinkCase');
  if (item.caseIds.includes(command.caseId)) {
    throw violate('SI-0', 'AlreadyLinked', { ref: command.caseId });
  }
  return [
    { type: 'ItemCaseLinked', data: { ...eventBase(ctx, item.itemId), caseId: command.caseId } },
  ];
}

/** `AddMeasure`: a new measure id (SI-5). */
export function decideAddMeasure(
  ctx: ItemDecisionContext,
  item: ReceivedItem,
  command: Parsed<typeof AddMeasureSchema>,
): SupervisionItemEvent[] {
  requireWorkable(item, 'AddMeasure');
  requireLeadOfficer(ctx, item, 'AddMeasure');
  const { measureId } = command;
  if (item.measures.some((m) => m.measureId === measureId)) {
    throw violate('SI-0', 'DuplicateMeasure', { measureId });
  }
  return [
    {
      type: 'MeasureAdded',
      data: {
        ...eventBase(ctx, item.itemId),
        batchId: item.batchId,
        kind: item.kind,
        issuer: item.issuer,
        measureId,
        text: command.text,
      },
    },
  ];
}

/** `CompleteMeasure`: an open measure of the item (SI-5). */
export function decideCompleteMeasure(
  ctx: ItemDecisionContext,
  item: ReceivedItem,
  command: Parsed<typeof CompleteMeasureSchema>,
): SupervisionItemEvent[] {
  requireWorkable(item, 'CompleteMeasure');
  requireLeadOfficer(ctx, item, 'CompleteMeasure');
  const { measureId } = command;
  const measure = item.measures.find((m) => m.measureId === measureId);
  if (measure === undefined) throw violate('SI-0', 'UnknownMeasure', { measureId });
  if (measure.doneAt !== null) throw violate('SI-0', 'MeasureAlreadyDone', { measureId });
  return [
    {
      type: 'MeasureCompleted',
      data: {
        ...eventBase(ctx, item.itemId),
        batchId: item.batchId,
        kind: item.kind,
        issuer: item.issuer,
        measureId,
      },
    },
  ];
}

/** `ReplyToPetitioner`: a named petitioner, after the investigation (SI-4). */
export function decideReplyToPetitioner(
  ctx: ItemDecisionContext,
  item: ReceivedItem,
  command: Parsed<typeof ReplyToPetitionerSchema>,
): SupervisionItemEvent[] {
  requireWorkable(item, 'ReplyToPetitioner', true);
  requireLeadOfficer(ctx, item, 'ReplyToPetitioner');
  if (item.kind !== 'petition') throw violate('SI-4', 'NotAPetition', { kind: item.kind });
  if (item.anonymous) throw violate('SI-4', 'AnonymousPetitioner', {});
  if (item.investigation === null) throw violate('SI-4', 'ReplyBeforeInvestigation', {});
  return [
    { type: 'PetitionerReplied', data: { ...eventBase(ctx, item.itemId), method: command.method } },
  ];
}
