import type { ParsedResponsibilityCommand } from './commands.js';
import { eventBase, type ResponsibilityDecisionContext } from './decision-context.js';
import type { ResponsibilityEvent } from './events.js';
import { actsForAssignee, isIssuerOffice, requireParty } from './permissions.js';
import { violate } from './rules.js';
import { activeStaff, type StartedAssignment } from './state.js';
import type { Duty } from './values.js';

type Cmd<T extends ParsedResponsibilityCommand['type']> = Extract<
  ParsedResponsibilityCommand,
  { type: T }
>;

function dutyOf(state: StartedAssignment, dutyId: string): Duty {
  const duty = state.duties.find((candidate) => candidate.dutyId === dutyId);
  if (duty === undefined) throw violate('RA-0', 'UnknownDuty', { dutyId });
  return duty;
}

/** RA-8: the person belongs to the assignee (its organisation, enterprise, or the leader's organisation). */
function belongsToAssignee(
  ctx: ResponsibilityDecisionContext,
  state: StartedAssignment,
  personId: string,
): boolean {
  const person = ctx.directory.person(personId);
  if (person === undefined) return false;
  const { assignee } = state;
  switch (assignee.kind) {
    case 'leader': {
      const leader = ctx.directory.person(assignee.id);
      return leader?.orgId !== undefined && person.orgId === leader.orgId;
    }
    case 'department':
    case 'area':
      return person.orgId === assignee.id;
    case 'enterprise':
      return person.enterpriseId === assignee.id;
  }
}

/** DesignateSafetyStaff (7): the assignee's head names staff for a staffing duty (RA-8). */
export function decideDesignateSafetyStaff(
  ctx: ResponsibilityDecisionContext,
  state: StartedAssignment,
  command: Cmd<'DesignateSafetyStaff'>,
): ResponsibilityEvent[] {
  requireParty(ctx, actsForAssignee(ctx, state.assignee, 'head'), command.type, 'head');
  const duty = dutyOf(state, command.dutyId);
  if (duty.kind !== 'staffing') throw violate('RA-8', 'NotAStaffingDuty', { dutyId: duty.dutyId });
  if (!belongsToAssignee(ctx, state, command.personId)) {
    throw violate('RA-8', 'NotAssigneeStaff', {
      personId: command.personId,
      assigneeId: state.assignee.id,
    });
  }
  if (activeStaff(state, duty.dutyId).some((entry) => entry.personId === command.personId)) {
    throw violate('RA-8', 'AlreadyDesignated', { personId: command.personId, dutyId: duty.dutyId });
  }
  return [
    {
      type: 'SafetyStaffDesignated',
      data: {
        ...eventBase(ctx, state),
        dutyId: duty.dutyId,
        personId: command.personId,
        fullTime: command.fullTime,
      },
    },
  ];
}

/** RevokeSafetyStaff (8): the assignee's head ends an active designation (RA-8). */
export function decideRevokeSafetyStaff(
  ctx: ResponsibilityDecisionContext,
  state: StartedAssignment,
  command: Cmd<'RevokeSafetyStaff'>,
): ResponsibilityEvent[] {
  requireParty(ctx, actsForAssignee(ctx, state.assignee, 'head'), command.type, 'head');
  const duty = dutyOf(state, command.dutyId);
  if (!activeStaff(state, duty.dutyId).some((entry) => entry.personId === command.personId)) {
    throw violate('RA-8', 'NotDesignated', { personId: command.personId, dutyId: duty.dutyId });
  }
  return [
    {
      type: 'SafetyStaffRevoked',
      data: { ...eventBase(ctx, state), dutyId: duty.dutyId, personId: command.personId },
    },
  ];
}

/** ReportDutyProgress (9): only the assignee reports (RA-9). */
export function decideReportDutyProgress(
  ctx: ResponsibilityDecisionContext,
  state: StartedAssignment,
  command: Cmd<'ReportDutyProgress'>,
): ResponsibilityEvent[] {
  requireParty(ctx, actsForAssignee(ctx, state.assignee, 'assignee'), command.type, 'assignee');
  const duty = dutyOf(state, command.dutyId);
  return [
    {
      type: 'DutyProgressReported',
      data: { ...eventBase(ctx, state), dutyId: duty.dutyId, note: command.note },
    },
  ];
}

/** CompleteDuty (10): only the assignee completes, once per duty (RA-9, RA-0). */
export function decideCompleteDuty(
  ctx: ResponsibilityDecisionContext,
  state: StartedAssignment,
  command: Cmd<'CompleteDuty'>,
): ResponsibilityEvent[] {
  requireParty(ctx, actsForAssignee(ctx, state.assignee, 'assignee'), command.type, 'assignee');
  const duty = dutyOf(state, command.dutyId);
  if (state.completedDuties[duty.dutyId] !== undefined) {
    throw violate('RA-0', 'AlreadyCompleted', { dutyId: duty.dutyId });
  }
  return [
    {
      type: 'DutyCompleted',
      data: { ...eventBase(ctx, state), dutyId: duty.dutyId, evidenceRefs: command.evidenceRefs },
    },
  ];
}

/** ReviewPerformance (11): only the issuer reviews (RA-9); the latest review stands. */
export function decideReviewPerformance(
  ctx: ResponsibilityDecisionContext,
  state: StartedAssignment,
  command: Cmd<'ReviewPerformance'>,
): ResponsibilityEvent[] {
  requireParty(ctx, isIssuerOffice(ctx, state.issuerOrgId), command.type, 'issuer');
  return [
    {
      type: 'PerformanceReviewed',
      data: { ...eventBase(ctx, state), rating: command.rating, comment: command.comment },
    },
  ];
}
