import { regulatorOfficerRoles } from '../roles/role.js';
import type { ParsedEnforcementCaseCommand } from './commands.js';
import type { CaseDecisionContext } from './decision-context.js';
import { violate } from './rules.js';
import type { FiledCase } from './state.js';

/** Who may send a command (the `need` of a `Forbidden` rejection). */
export type CaseSender =
  | 'agency_officer'
  | 'agency_head'
  | 'legal_reviewer'
  | 'hearing_officer'
  | 'proposer';

/** True when the person is a credentialed `EnforcementOfficer` of the organisation (EC-1, EC-2). */
export function isCredentialedOfficer(
  ctx: Pick<CaseDecisionContext, 'directory'>,
  personId: string,
  orgId: string,
): boolean {
  const person = ctx.directory.person(personId);
  return (
    person !== undefined &&
    person.orgId === orgId &&
    person.roles.includes('EnforcementOfficer') &&
    person.enforcementCredentialNo !== undefined
  );
}

/** True when the person is an `AuthorityHead` of the organisation. */
export function isAgencyHead(
  ctx: Pick<CaseDecisionContext, 'directory'>,
  personId: string,
  orgId: string,
): boolean {
  const person = ctx.directory.person(personId);
  return person !== undefined && person.orgId === orgId && person.roles.includes('AuthorityHead');
}

/** True when the actor may send as `sender` on this case (G-5, §4.2 "Who"). */
export function maySend(ctx: CaseDecisionContext, state: FiledCase, sender: CaseSender): boolean {
  const { actor } = ctx;
  if (actor.orgId !== state.agencyOrgId) return false;
  switch (sender) {
    case 'agency_officer':
      return (
        actor.role === 'EnforcementOfficer' &&
        isCredentialedOfficer(ctx, actor.personId, state.agencyOrgId)
      );
    case 'agency_head':
      return actor.role === 'AuthorityHead';
    case 'legal_reviewer':
      return actor.role === 'LegalReviewer';
    case 'hearing_officer':
      return regulatorOfficerRoles.includes(actor.role) || actor.role === 'LegalReviewer';
    case 'proposer':
      return false;
  }
}

type Command = ParsedEnforcementCaseCommand;

/** The rule under which each command's sender is checked: EC-0 unless a rule names the sender. */
const senderRule = {
  'EC-0': true,
  'EC-7': true,
  'EC-8': true,
} as const;

/**
 * Rejects unless the actor may send the command as `sender` (G-5).
 *
 * @throws RuleViolationError (`rule`, `Forbidden`) naming the role, the person and who may send it.
 */
export function requireSender(
  ctx: CaseDecisionContext,
  state: FiledCase,
  command: Command,
  sender: CaseSender,
  rule: keyof typeof senderRule = 'EC-0',
): void {
  if (maySend(ctx, state, sender)) return;
  throw violate(rule, 'Forbidden', {
    role: ctx.actor.role,
    personId: ctx.actor.personId,
    command: command.type,
    need: sender,
  });
}
