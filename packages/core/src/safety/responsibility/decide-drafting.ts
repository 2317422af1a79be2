import type { ParsedResponsibilityCommand } from './commands.js';
import { assertDutiesWellFormed, assertIssuable } from './content.js';
import { eventBase, type ResponsibilityDecisionContext } from './decision-context.js';
import type { ResponsibilityEvent } from './events.js';
import { isApprover, isIssuerOffice, requireParty } from './permissions.js';
import { violate } from './rules.js';
import type { StartedAssignment } from './state.js';
import type { Assignee } from './values.js';

type Cmd<T extends ParsedResponsibilityCommand['type']> = Extract<
  ParsedResponsibilityCommand,
  { type: T }
>;

function assigneeKnown(ctx: ResponsibilityDecisionContext, assignee: Assignee): boolean {
  switch (assignee.kind) {
    case 'leader':
      return ctx.directory.person(assignee.id)?.roles.includes('Leader') ?? false;
    case 'department':
    case 'area':
      return ctx.directory.organization(assignee.id) !== undefined;
    case 'enterprise':
      return ctx.directory.enterprise(assignee.id) !== undefined;
  }
}

/** DraftAssignment (1): the issuer's office drafts under a list; RA-0, RA-3, RA-4, RA-7, RA-8, RA-9. */
export function decideDraftAssignment(
  ctx: ResponsibilityDecisionContext,
  command: Cmd<'DraftAssignment'>,
): ResponsibilityEvent[] {
  if (ctx.directory.organization(command.issuerOrgId) === undefined) {
    throw violate('RA-0', 'UnknownIssuer', { issuerOrgId: command.issuerOrgId });
  }
  requireParty(ctx, isIssuerOffice(ctx, command.issuerOrgId), command.type, 'issuer');
  if (!assigneeKnown(ctx, command.assignee)) {
    throw violate('RA-0', 'UnknownAssignee', {
      assigneeId: command.assignee.id,
      kind: command.assignee.kind,
    });
  }
  if (command.assignee.isPrimaryLeader && command.assignee.kind !== 'leader') {
    throw violate('RA-3', 'PrimaryLeaderNotALeader', {
      assigneeId: command.assignee.id,
      kind: command.assignee.kind,
    });
  }
  assertDutiesWellFormed(command);
  const { type: _type, actor: _actor, occurredAt: _at, ...header } = command;
  return [{ type: 'AssignmentDrafted', data: { ...header, ...eventBase(ctx, command) } }];
}

/** AddDuty (2): the issuer's office adds a duty to the draft. */
export function decideAddDuty(
  ctx: ResponsibilityDecisionContext,
  state: StartedAssignment,
  command: Cmd<'AddDuty'>,
): ResponsibilityEvent[] {
  requireParty(ctx, isIssuerOffice(ctx, state.issuerOrgId), command.type, 'issuer');
  assertDutiesWellFormed({ ...state, duties: [...state.duties, command.duty] });
  return [{ type: 'DutyAdded', data: { ...eventBase(ctx, state), duty: command.duty } }];
}

/** RemoveDuty (3): the issuer's office removes a duty from the draft. */
export function decideRemoveDuty(
  ctx: ResponsibilityDecisionContext,
  state: StartedAssignment,
  command: Cmd<'RemoveDuty'>,
): ResponsibilityEvent[] {
  requireParty(ctx, isIssuerOffice(ctx, state.issuerOrgId), command.type, 'issuer');
  if (!state.duties.some((duty) => duty.dutyId === command.dutyId)) {
    throw violate('RA-0', 'UnknownDuty', { dutyId: command.dutyId });
  }
  return [{ type: 'DutyRemoved', data: { ...eventBase(ctx, state), dutyId: command.dutyId } }];
}

/**
 * IssueAssignment (4): the issuer's office issues, approved by its head or committee office;
 * the whole assignment must satisfy RA-1, RA-2, RA-3. RA-4 and RA-5 across the list are held by
 * the unique keys of `createResponsibilityAssignmentService`.
 */
export function decideIssueAssignment(
  ctx: ResponsibilityDecisionContext,
  state: StartedAssignment,
  command: Cmd<'IssueAssignment'>,
): ResponsibilityEvent[] {
  requireParty(ctx, isIssuerOffice(ctx, state.issuerOrgId), command.type, 'issuer');
  const approvedBy = command.approvedBy ?? ctx.actor.personId;
  requireParty(ctx, isApprover(ctx, state.issuerOrgId, approvedBy), command.type, 'approver');
  assertIssuable(state);
  return [{ type: 'AssignmentIssued', data: { ...eventBase(ctx, state), approvedBy, version: 1 } }];
}
