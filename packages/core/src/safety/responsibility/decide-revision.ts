import type { ParsedResponsibilityCommand } from './commands.js';
import { assertDutiesWellFormed, assertIssuable } from './content.js';
import { eventBase, type ResponsibilityDecisionContext } from './decision-context.js';
import type { ResponsibilityEvent } from './events.js';
import { actsForAssignee, isIssuerOffice, requireParty } from './permissions.js';
import { violate } from './rules.js';
import { applyDutyChanges, type StartedAssignment } from './state.js';

type Cmd<T extends ParsedResponsibilityCommand['type']> = Extract<
  ParsedResponsibilityCommand,
  { type: T }
>;

/** AcknowledgeAssignment (5): the assignee's head acknowledges the current version, once. */
export function decideAcknowledgeAssignment(
  ctx: ResponsibilityDecisionContext,
  state: StartedAssignment,
  command: Cmd<'AcknowledgeAssignment'>,
): ResponsibilityEvent[] {
  requireParty(ctx, actsForAssignee(ctx, state.assignee, 'head'), command.type, 'head');
  if (state.acknowledgedVersion === state.documentVersion) {
    throw violate('RA-0', 'AlreadyAcknowledged', { version: state.documentVersion });
  }
  return [
    {
      type: 'AssignmentAcknowledged',
      data: { ...eventBase(ctx, state), version: state.documentVersion },
    },
  ];
}

/**
 * ReviseAssignment (6): the issuer's office changes issued duties with a reason (RA-6); the
 * result must still satisfy RA-0, RA-1…RA-4, RA-7, RA-8. A removed or replaced duty must exist,
 * an added one must not.
 */
export function decideReviseAssignment(
  ctx: ResponsibilityDecisionContext,
  state: StartedAssignment,
  command: Cmd<'ReviseAssignment'>,
): ResponsibilityEvent[] {
  requireParty(ctx, isIssuerOffice(ctx, state.issuerOrgId), command.type, 'issuer');
  if (command.reason.trim() === '') throw violate('RA-6', 'ReasonRequired');
  let duties = state.duties;
  for (const change of command.changes) {
    const dutyId = change.op === 'remove' ? change.dutyId : change.duty.dutyId;
    const exists = duties.some((duty) => duty.dutyId === dutyId);
    if (change.op === 'add' && exists) throw violate('RA-0', 'DuplicateDutyId', { dutyId });
    if (change.op !== 'add' && !exists) throw violate('RA-0', 'UnknownDuty', { dutyId });
    duties = applyDutyChanges(duties, [change]);
  }
  const revised = { ...state, duties };
  assertDutiesWellFormed(revised);
  assertIssuable(revised);
  return [
    {
      type: 'AssignmentRevised',
      data: {
        ...eventBase(ctx, state),
        changes: command.changes,
        reason: command.reason,
        version: state.documentVersion + 1,
      },
    },
  ];
}

/** SupersedeAssignment (12): the issuer's office replaces the assignment by another (terminal). */
export function decideSupersedeAssignment(
  ctx: ResponsibilityDecisionContext,
  state: StartedAssignment,
  command: Cmd<'SupersedeAssignment'>,
): ResponsibilityEvent[] {
  requireParty(ctx, isIssuerOffice(ctx, state.issuerOrgId), command.type, 'issuer');
  if (command.byAssignmentId === state.assignmentId) {
    throw violate('RA-0', 'SelfSupersede', { assignmentId: state.assignmentId });
  }
  return [
    {
      type: 'AssignmentSuperseded',
      data: { ...eventBase(ctx, state), byAssignmentId: command.byAssignmentId },
    },
  ];
}
