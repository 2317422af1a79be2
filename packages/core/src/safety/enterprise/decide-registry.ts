import type { ParsedEnterpriseCommand } from './commands.js';
import { type EnterpriseDecisionContext, eventBase } from './decision-context.js';
import type { EnterpriseEvent } from './events.js';
import {
  assertOfficerInScope,
  type EnterpriseProfileScope,
  isEnterpriseMember,
  notAMember,
} from './permissions.js';
import { violate } from './rules.js';
import type { RegisteredEnterprise } from './state.js';
import { usccProblem } from './uscc.js';

type Command<T extends ParsedEnterpriseCommand['type']> = Extract<
  ParsedEnterpriseCommand,
  { type: T }
>;

const registrars = ['TerritorialOfficer', 'IndustryOfficer'] as const;

/** E-1 and G-5: a valid code, registered by a territorial or industry officer covering the profile. */
export function decideRegisterEnterprise(
  ctx: EnterpriseDecisionContext,
  command: Command<'RegisterEnterprise'>,
): EnterpriseEvent[] {
  const problem = usccProblem(command.uscc);
  if (problem !== undefined) {
    const text =
      problem.kind === 'length'
        ? `it has ${problem.length} characters, not 18`
        : problem.kind === 'character'
          ? `"${problem.character}" at position ${problem.position} is not allowed (digits and capitals except I, O, S, V, Z)`
          : `the check character is "${problem.actual}", expected "${problem.expected}"`;
    throw violate('E-1', 'InvalidUscc', {
      uscc: command.uscc,
      problem: text,
      ...(problem.kind === 'check' ? { expected: problem.expected } : {}),
    });
  }
  assertOfficerInScope(ctx, 'RegisterEnterprise', registrars, [command]);
  const { type: _type, actor: _actor, occurredAt: _at, ...fields } = command;
  return [
    { type: 'EnterpriseRegistered', data: { ...eventBase(ctx, command.enterpriseId), ...fields } },
  ];
}

/** G-5: an officer covering the profile before and after the change. */
export function decideUpdateEnterpriseProfile(
  ctx: EnterpriseDecisionContext,
  state: RegisteredEnterprise,
  command: Command<'UpdateEnterpriseProfile'>,
): EnterpriseEvent[] {
  const next = {
    name: command.name ?? state.name,
    areaId: command.areaId ?? state.areaId,
    sectorCode: command.sectorCode ?? state.sectorCode,
    industryRegulatorOrgId: command.industryRegulatorOrgId ?? state.industryRegulatorOrgId,
    aboveDesignatedSize: command.aboveDesignatedSize ?? state.aboveDesignatedSize,
    isKey: command.isKey ?? state.isKey,
    specialties: command.specialties ?? [...state.specialties],
  };
  assertOfficerInScope(ctx, 'UpdateEnterpriseProfile', registrars, [state, next]);
  return [
    { type: 'EnterpriseProfileUpdated', data: { ...eventBase(ctx, state.enterpriseId), ...next } },
  ];
}

/** The current principal, or a territorial or industry officer covering the enterprise (G-5). */
function assertPrincipalOrOfficer(
  ctx: EnterpriseDecisionContext,
  state: RegisteredEnterprise,
  command: 'ChangePrincipal' | 'AppointSafetyOfficer',
): void {
  if (ctx.actor.enterpriseId !== undefined || ctx.actor.role === 'Principal') {
    if (!isEnterpriseMember(ctx, state, ['Principal'])) throw notAMember(ctx, state, 'principal');
    return;
  }
  assertOfficerInScope(ctx, command, registrars, [state as EnterpriseProfileScope]);
}

/** E-2: one principal at a time; the new one replaces the old at once. */
export function decideChangePrincipal(
  ctx: EnterpriseDecisionContext,
  state: RegisteredEnterprise,
  command: Command<'ChangePrincipal'>,
): EnterpriseEvent[] {
  assertPrincipalOrOfficer(ctx, state, command.type);
  if (command.principal.personId === state.principal.personId) {
    throw violate('E-2', 'SamePrincipal', { personId: command.principal.personId });
  }
  return [
    {
      type: 'PrincipalChanged',
      data: {
        ...eventBase(ctx, state.enterpriseId),
        previousPrincipalId: state.principal.personId,
        principal: command.principal,
      },
    },
  ];
}

/** Appoints a safety officer; appointing one again updates their name. */
export function decideAppointSafetyOfficer(
  ctx: EnterpriseDecisionContext,
  state: RegisteredEnterprise,
  command: Command<'AppointSafetyOfficer'>,
): EnterpriseEvent[] {
  assertPrincipalOrOfficer(ctx, state, command.type);
  return [
    {
      type: 'SafetyOfficerAppointed',
      data: { ...eventBase(ctx, state.enterpriseId), officer: command.officer },
    },
  ];
}

/** E-6: a territorial officer covering the enterprise closes it. */
export function decideCloseEnterprise(
  ctx: EnterpriseDecisionContext,
  state: RegisteredEnterprise,
  command: Command<'CloseEnterprise'>,
): EnterpriseEvent[] {
  assertOfficerInScope(ctx, 'CloseEnterprise', ['TerritorialOfficer'], [state]);
  return [
    {
      type: 'EnterpriseClosed',
      data: { ...eventBase(ctx, state.enterpriseId), reason: command.reason },
    },
  ];
}
