import type { z } from 'zod';
import { classifySubject } from '../directory/scope.js';
import { forbidden } from '../general/forbidden.js';
import type {
  CancelInspectionSchema,
  CompleteInspectionSchema,
  ScheduleInspectionSchema,
} from './commands.js';
import { eventBase, type InspectionDecisionContext } from './decision-context.js';
import type { InspectionEvent } from './events.js';
import {
  isInspectorOf,
  orgMayInspect,
  requireInspector,
  requireOrgOfficer,
} from './permissions.js';
import { violate } from './rules.js';
import { type ScheduledInspection, uncoveredMajorFindings } from './state.js';
import { orderRequiredKinds } from './values.js';

type Parsed<S extends z.ZodType> = z.output<S>;

/** `ScheduleInspection`: G-5 scope, team (I-0), credentials (I-1), known subject (I-7). */
export function decideScheduleInspection(
  ctx: InspectionDecisionContext,
  command: Parsed<typeof ScheduleInspectionSchema>,
): InspectionEvent[] {
  const { directory, actor } = ctx;
  const orgId = command.orgId ?? actor.orgId ?? '';
  requireOrgOfficer(ctx, orgId, command.kind, 'ScheduleInspection');
  const classification = classifySubject(directory, command.subject);
  if (classification === undefined) {
    throw violate('I-7', 'SubjectInactive', {
      subjectKind: command.subject.kind,
      subjectId: command.subject.id,
      status: 'unknown',
    });
  }
  const org = directory.organization(orgId);
  if (org === undefined || !orgMayInspect(directory, org, command.kind, command.subject)) {
    throw forbidden('G-5', actor, 'outside_remit', {
      command: 'ScheduleInspection',
      subjectKind: command.subject.kind,
      subjectId: command.subject.id,
      remitOrgId: orgId,
      inspectionKind: command.kind,
      subject: command.subject,
    });
  }
  const strangers = [
    ...command.inspectorIds.filter((id) => !isInspectorOf(directory, id, orgId, command.kind)),
    ...command.expertIds.filter((id) => !directory.person(id)?.roles.includes('Expert')),
  ];
  if (strangers.length > 0)
    throw violate('I-0', 'UnknownInspector', { personIds: strangers, orgId });
  if (command.kind === 'enforcement') {
    const credentialed = new Set(
      command.inspectorIds.filter(
        (id) => directory.person(id)?.enforcementCredentialNo !== undefined,
      ),
    ).size;
    const required = ctx.policy.minEnforcementOfficers;
    if (credentialed < required) {
      throw violate('I-1', 'TooFewCredentialedInspectors', { required, credentialed });
    }
  }
  return [
    {
      type: 'InspectionScheduled',
      data: {
        ...eventBase(ctx, command.inspectionId),
        kind: command.kind,
        subject: command.subject,
        orgId,
        areaId: classification.areaId,
        campaignIds: command.campaignIds,
        inspectorIds: [...new Set(command.inspectorIds)],
        expertIds: [...new Set(command.expertIds)],
        mode: command.mode,
        unannounced: command.unannounced,
        plannedDate: command.plannedDate ?? null,
      },
    },
  ];
}

/** `StartInspection`: an inspector starts it while the subject is active (I-7, read by `prepare`). */
export function decideStartInspection(
  ctx: InspectionDecisionContext,
  state: ScheduledInspection,
): InspectionEvent[] {
  if (state.status !== 'scheduled') {
    throw violate('I-0', 'InvalidState', { command: 'StartInspection', state: state.status });
  }
  requireInspector(ctx, state, 'StartInspection');
  const status = ctx.facts.subjectStatus ?? 'unknown';
  if (status !== 'active') {
    throw violate('I-7', 'SubjectInactive', {
      subjectKind: state.subject.kind,
      subjectId: state.subject.id,
      status,
    });
  }
  return [{ type: 'InspectionStarted', data: eventBase(ctx, state.inspectionId) }];
}

/** `CompleteInspection`: the lead inspector, every major finding covered (I-3). */
export function decideCompleteInspection(
  ctx: InspectionDecisionContext,
  state: ScheduledInspection,
  command: Parsed<typeof CompleteInspectionSchema>,
): InspectionEvent[] {
  if (state.status !== 'in_progress') {
    throw violate('I-0', 'InvalidState', { command: 'CompleteInspection', state: state.status });
  }
  requireInspector(ctx, state, 'CompleteInspection', true);
  if (orderRequiredKinds.includes(state.kind)) {
    const findingIds = uncoveredMajorFindings(state);
    if (findingIds.length > 0) throw violate('I-3', 'MajorFindingWithoutOrder', { findingIds });
  }
  return [
    {
      type: 'InspectionCompleted',
      data: {
        ...eventBase(ctx, state.inspectionId),
        kind: state.kind,
        subject: state.subject,
        orgId: state.orgId,
        areaId: state.areaId,
        campaignIds: [...state.campaignIds],
        findingCount: state.findings.length,
        majorCount: state.findings.filter((finding) => finding.proposedGrade === 'major').length,
        recordRef: command.recordRef,
      },
    },
  ];
}

/** `CancelInspection`: an officer of the inspecting organisation, before any finding (I-2). */
export function decideCancelInspection(
  ctx: InspectionDecisionContext,
  state: ScheduledInspection,
  command: Parsed<typeof CancelInspectionSchema>,
): InspectionEvent[] {
  requireOrgOfficer(ctx, state.orgId, state.kind, 'CancelInspection');
  if (state.findings.length > 0) {
    throw violate('I-2', 'FindingsRecorded', { count: state.findings.length });
  }
  return [
    {
      type: 'InspectionCancelled',
      data: { ...eventBase(ctx, state.inspectionId), reason: command.reason },
    },
  ];
}
