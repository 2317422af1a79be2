import type { z } from 'zod';
import { compareLocalDates } from '../calendar/local-date.js';
import { localDateOf } from '../calendar/time-zone.js';
import { HazardNatureSchema } from '../hazard/values.js';
import type {
  ImposeOnSiteMeasureSchema,
  IssueRectificationOrderSchema,
  RecordFindingSchema,
} from './commands.js';
import { eventBase, type InspectionDecisionContext } from './decision-context.js';
import type { InspectionEvent } from './events.js';
import { isHeadOf, requireInspector } from './permissions.js';
import { violate } from './rules.js';
import type { ScheduledInspection } from './state.js';

type Parsed<S extends z.ZodType> = z.output<S>;

function today(ctx: InspectionDecisionContext): string {
  return localDateOf(ctx.occurredAt, ctx.policy.timezone);
}

/** I-2: findings, orders and measures only while the inspection is in progress. */
function requireInProgress(state: ScheduledInspection, command: string): void {
  if (state.status !== 'in_progress') {
    throw violate('I-2', 'NotInProgress', { command, state: state.status });
  }
}

/** I-3: orders and measures cover recorded findings only, each reference once. */
function checkInstrument(
  state: ScheduledInspection,
  ref: string,
  findingIds: readonly string[],
): void {
  const recorded = new Set(state.findings.map((finding) => finding.findingId));
  const unknown = findingIds.filter((id) => !recorded.has(id));
  if (unknown.length > 0) throw violate('I-3', 'UnknownFinding', { findingIds: unknown });
  if (state.instruments.some((instrument) => instrument.ref === ref)) {
    throw violate('I-3', 'DuplicateOrder', { ref });
  }
}

/** `RecordFinding`: an inspector, in progress (I-2), with what its hazard needs (I-5). */
export function decideRecordFinding(
  ctx: InspectionDecisionContext,
  state: ScheduledInspection,
  command: Parsed<typeof RecordFindingSchema>,
): InspectionEvent[] {
  requireInProgress(state, 'RecordFinding');
  requireInspector(ctx, state, 'RecordFinding');
  const { findingId } = command;
  if (state.findings.some((finding) => finding.findingId === findingId)) {
    throw violate('I-5', 'DuplicateFinding', { findingId });
  }
  const nature = HazardNatureSchema.safeParse(command.nature);
  if (!nature.success) throw violate('I-5', 'UnknownHazardNature', { nature: command.nature });
  const major = command.proposedGrade === 'major';
  if (major && command.majorBasis === undefined)
    throw violate('I-5', 'MajorBasisRequired', { findingId });
  if (!major && command.majorBasis !== undefined)
    throw violate('I-5', 'MajorBasisNotAllowed', { findingId });
  if (major && command.rectifiedOnSpot !== undefined) {
    throw violate('I-5', 'MajorCannotBeRectifiedOnSpot', { findingId });
  }
  if (command.deadline === undefined && command.rectifiedOnSpot === undefined) {
    throw violate('I-5', 'DeadlineRequired', { findingId });
  }
  if (command.deadline !== undefined && compareLocalDates(command.deadline, today(ctx)) < 0) {
    throw violate('I-5', 'DeadlineInPast', { deadline: command.deadline, today: today(ctx) });
  }
  return [
    {
      type: 'FindingRecorded',
      data: {
        ...eventBase(ctx, state.inspectionId),
        kind: state.kind,
        subject: state.subject,
        orgId: state.orgId,
        areaId: state.areaId,
        campaignIds: [...state.campaignIds],
        findingId,
        description: command.description,
        location: command.location,
        nature: nature.data,
        proposedGrade: command.proposedGrade,
        majorBasis: command.majorBasis ?? null,
        safetyNotAssured: command.safetyNotAssured,
        deadline: command.deadline ?? null,
        rectifiedOnSpot: command.rectifiedOnSpot ?? null,
      },
    },
  ];
}

/** `IssueRectificationOrder`: an inspector, for recorded findings, with a deadline not past (I-3). */
export function decideIssueRectificationOrder(
  ctx: InspectionDecisionContext,
  state: ScheduledInspection,
  command: Parsed<typeof IssueRectificationOrderSchema>,
): InspectionEvent[] {
  requireInProgress(state, 'IssueRectificationOrder');
  requireInspector(ctx, state, 'IssueRectificationOrder');
  checkInstrument(state, command.orderNo, command.findingIds);
  if (compareLocalDates(command.deadline, today(ctx)) < 0) {
    throw violate('I-3', 'DeadlineInPast', { deadline: command.deadline, today: today(ctx) });
  }
  if (
    command.approvedBy !== undefined &&
    !isHeadOf(ctx.directory, command.approvedBy, state.orgId)
  ) {
    throw violate('I-3', 'ApproverNotHead', { approvedBy: command.approvedBy, orgId: state.orgId });
  }
  return [
    {
      type: 'RectificationOrderIssued',
      data: {
        ...eventBase(ctx, state.inspectionId),
        orderNo: command.orderNo,
        findingIds: [...new Set(command.findingIds)],
        deadline: command.deadline,
        orgId: state.orgId,
        approvedBy: command.approvedBy ?? null,
      },
    },
  ];
}

/** `ImposeOnSiteMeasure`: not on service visits, a suspension approved by a head (I-4). */
export function decideImposeOnSiteMeasure(
  ctx: InspectionDecisionContext,
  state: ScheduledInspection,
  command: Parsed<typeof ImposeOnSiteMeasureSchema>,
): InspectionEvent[] {
  requireInProgress(state, 'ImposeOnSiteMeasure');
  requireInspector(ctx, state, 'ImposeOnSiteMeasure');
  if (state.kind === 'service_guidance') {
    throw violate('I-4', 'NotAnEnforcementInspection', { kind: state.kind });
  }
  checkInstrument(state, command.measureRef, command.findingIds);
  const approvedBy = command.approvedBy;
  if (approvedBy !== undefined || command.kind === 'suspend_operations') {
    if (approvedBy === undefined || !isHeadOf(ctx.directory, approvedBy, state.orgId)) {
      throw violate('I-4', 'ApprovalRequired', {
        approvedBy: approvedBy ?? 'nobody',
        orgId: state.orgId,
      });
    }
  }
  return [
    {
      type: 'OnSiteMeasureImposed',
      data: {
        ...eventBase(ctx, state.inspectionId),
        measureRef: command.measureRef,
        kind: command.kind,
        findingIds: [...new Set(command.findingIds)],
        orgId: state.orgId,
        approvedBy: approvedBy ?? null,
      },
    },
  ];
}
