import type { ResponsibilityCommandType } from './commands.js';
import type { ResponsibilityDecisionContext } from './decision-context.js';
import { violate } from './rules.js';
import type { Assignee } from './values.js';

const issuerRoles = ['SafetyCommitteeOffice', 'AuthorityHead'] as const;

/** Who may act, in the words of RA-9's message: the assignee, its head, the issuer, an approver. */
export type ActingParty = 'assignee' | 'head' | 'issuer' | 'approver';

/** True when the actor acts for the issuing organisation as its committee office or head. */
export function isIssuerOffice(ctx: ResponsibilityDecisionContext, issuerOrgId: string): boolean {
  return (
    ctx.actor.orgId === issuerOrgId && (issuerRoles as readonly string[]).includes(ctx.actor.role)
  );
}

/** True when a person of the directory may approve issuing for the organisation. */
export function isApprover(
  ctx: ResponsibilityDecisionContext,
  issuerOrgId: string,
  personId: string,
): boolean {
  const person = ctx.directory.person(personId);
  return (
    person !== undefined &&
    person.orgId === issuerOrgId &&
    person.roles.some((role) => (issuerRoles as readonly string[]).includes(role))
  );
}

/**
 * True when the actor is the assignee (`head`: its head): the leader in person; for a department
 * or area someone acting for that organisation (its AuthorityHead for `head`); for an enterprise
 * its Principal or SafetyOfficer (the Principal for `head`).
 */
export function actsForAssignee(
  ctx: ResponsibilityDecisionContext,
  assignee: Assignee,
  level: 'assignee' | 'head',
): boolean {
  const { actor } = ctx;
  switch (assignee.kind) {
    case 'leader':
      return actor.role === 'Leader' && actor.personId === assignee.id;
    case 'department':
    case 'area':
      return (
        actor.orgId === assignee.id && (level === 'assignee' || actor.role === 'AuthorityHead')
      );
    case 'enterprise':
      return (
        actor.enterpriseId === assignee.id &&
        (actor.role === 'Principal' || (level === 'assignee' && actor.role === 'SafetyOfficer'))
      );
  }
}

/**
 * RA-9: rejects unless `allowed` holds.
 *
 * @throws RuleViolationError (`RA-9`, `Forbidden`) naming the actor, the command and who may act.
 */
export function requireParty(
  ctx: ResponsibilityDecisionContext,
  allowed: boolean,
  command: ResponsibilityCommandType,
  who: ActingParty,
): void {
  if (allowed) return;
  throw violate('RA-9', 'Forbidden', {
    role: ctx.actor.role,
    personId: ctx.actor.personId,
    command,
    who,
  });
}
