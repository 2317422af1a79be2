import { forbidden } from '../general/forbidden.js';
import { isRegulatorOfficerRole } from '../roles/role.js';
import type { SupervisionItemCommandType } from './commands.js';
import type { ItemDecisionContext } from './decision-context.js';
import type { ReceivedItem } from './state.js';

// Who may send each command (§4.5 "Who"), checked on the actor the directory backs (G-5).

/**
 * `ReceiveHandover`: a SafetyCommitteeOffice recording the issuer's document, or a member of the
 * issuing team itself (of the issuer's organisation when the handover names one): the item is
 * that team's to close or return, so no other team may hand it over in its name.
 */
export function requireReceiver(
  ctx: ItemDecisionContext,
  issuer: { readonly name: string; readonly orgId?: string | undefined },
  closureAuthority: ReceivedItem['closureAuthority'],
): void {
  const { actor } = ctx;
  if (actor.role === 'SafetyCommitteeOffice') return;
  if (actor.role !== 'SupervisionTeam') {
    throw forbidden('SI-0', actor, 'role_not_allowed', {
      command: 'ReceiveHandover',
      allowedRoles: ['SupervisionTeam', 'SafetyCommitteeOffice'],
    });
  }
  if (issuer.orgId === undefined || actor.orgId === issuer.orgId) return;
  throw forbidden('SI-0', actor, 'not_issuer', {
    command: 'ReceiveHandover',
    issuerName: issuer.name,
    closureAuthority,
  });
}

/** `AssignItem`: a SafetyCommitteeOffice. */
export function requireCommitteeOffice(
  ctx: ItemDecisionContext,
  command: SupervisionItemCommandType,
): void {
  if (ctx.actor.role === 'SafetyCommitteeOffice') return;
  throw forbidden('SI-0', ctx.actor, 'role_not_allowed', {
    command,
    allowedRoles: ['SafetyCommitteeOffice'],
  });
}

/** Work on the item: an officer of the lead organisation (its head when `head`). */
export function requireLeadOfficer(
  ctx: ItemDecisionContext,
  item: ReceivedItem,
  command: SupervisionItemCommandType,
  head = false,
): void {
  const { actor } = ctx;
  const roleFits = head ? actor.role === 'AuthorityHead' : isRegulatorOfficerRole(actor.role);
  if (roleFits && item.leadOrgId !== null && actor.orgId === item.leadOrgId) return;
  throw forbidden('SI-0', ctx.actor, 'not_lead_org_officer', {
    command,
    head,
    leadOrgId: item.leadOrgId,
  });
}

/**
 * Closure and return: a SupervisionTeam member (of the issuer's organisation when the issuer
 * names one); for a closure delegated to the committee office, also a SafetyCommitteeOffice.
 */
export function requireIssuer(
  ctx: ItemDecisionContext,
  item: ReceivedItem,
  command: SupervisionItemCommandType,
): void {
  const { actor } = ctx;
  const issuerOrg = item.issuer.orgId;
  const isIssuer =
    actor.role === 'SupervisionTeam' && (issuerOrg === undefined || actor.orgId === issuerOrg);
  const delegated =
    item.closureAuthority === 'committee_office' && actor.role === 'SafetyCommitteeOffice';
  if (isIssuer || delegated) return;
  throw forbidden('SI-0', actor, 'not_issuer', {
    command,
    issuerName: item.issuer.name,
    closureAuthority: item.closureAuthority,
  });
}
