import { localDateOf } from '../calendar/time-zone.js';
import { forbidden } from '../general/forbidden.js';
import type { ParsedEnterpriseCommand } from './commands.js';
import { type EnterpriseDecisionContext, eventBase } from './decision-context.js';
import type { EnterpriseEvent } from './events.js';
import { isEnterpriseMember, notAMember } from './permissions.js';
import { violate } from './rules.js';
import { currentAward, type RegisteredEnterprise } from './state.js';
import { addYears, statisticsPeriodBounds } from './time-facts.js';

type Command<T extends ParsedEnterpriseCommand['type']> = Extract<
  ParsedEnterpriseCommand,
  { type: T }
>;

/** E-4: what each kind of report needs; filed by the principal or a safety officer. */
export function decideFileRiskReport(
  ctx: EnterpriseDecisionContext,
  state: RegisteredEnterprise,
  command: Command<'FileRiskReport'>,
): EnterpriseEvent[] {
  if (!isEnterpriseMember(ctx, state, ['Principal', 'SafetyOfficer'])) {
    throw notAMember(ctx, state, 'principal_or_safety_officer');
  }
  const filedYear = Number(localDateOf(ctx.occurredAt, ctx.policy.timezone).slice(0, 4));
  if (command.year > filedYear) throw violate('E-4', 'FutureReportYear', { year: command.year });
  if (command.reportType === 'initial' && command.projectAcceptedOn === undefined) {
    throw violate('E-4', 'MissingReportDate', {
      reportType: 'initial',
      field: 'projectAcceptedOn',
    });
  }
  if (command.reportType === 'change') {
    if (command.riskChangedOn === undefined) {
      throw violate('E-4', 'MissingReportDate', { reportType: 'change', field: 'riskChangedOn' });
    }
    if (!command.risks.some((risk) => risk.level === 'major' || risk.level === 'significant')) {
      throw violate('E-4', 'NoSignificantRisk');
    }
  }
  return [
    {
      type: 'RiskReportFiled',
      data: {
        ...eventBase(ctx, state.enterpriseId),
        year: command.year,
        reportType: command.reportType,
        risks: command.risks,
        projectAcceptedOn: command.projectAcceptedOn ?? null,
        riskChangedOn: command.riskChangedOn ?? null,
      },
    },
  ];
}

const levelOfGrade = { 1: 'national', 2: 'province', 3: 'city' } as const;

/** The directory backs an officer of `orgId` (any regulator officer role or its head), else G-5. */
function assertAuthorityOfficer(ctx: EnterpriseDecisionContext, orgId: string) {
  const { actor, directory } = ctx;
  const person = directory.person(actor.personId);
  if (
    actor.orgId !== orgId ||
    person === undefined ||
    person.orgId !== orgId ||
    !person.roles.includes(actor.role)
  ) {
    throw forbidden('G-5', actor, 'not_authority_officer', { authorityOrgId: orgId });
  }
  const org = directory.organization(orgId);
  if (org === undefined) {
    throw forbidden('G-5', actor, 'unknown_organisation', { claimedOrgId: orgId });
  }
  return org;
}

/** E-3: grade and authority level; `validUntil` from the policy's validity years. */
export function decideAwardStandardizationGrade(
  ctx: EnterpriseDecisionContext,
  state: RegisteredEnterprise,
  command: Command<'AwardStandardizationGrade'>,
): EnterpriseEvent[] {
  const org = assertAuthorityOfficer(ctx, command.authorityOrgId);
  const expectedLevel = levelOfGrade[command.grade];
  if (org.level !== expectedLevel) {
    throw violate('E-3', 'AuthorityLevelMismatch', {
      grade: command.grade,
      expectedLevel,
      authorityOrgId: org.id,
      level: org.level,
    });
  }
  return [
    {
      type: 'StandardizationGradeAwarded',
      data: {
        ...eventBase(ctx, state.enterpriseId),
        grade: command.grade,
        authorityOrgId: command.authorityOrgId,
        awardedOn: command.awardedOn,
        validUntil: addYears(command.awardedOn, ctx.policy.standardizationValidityYears),
        publicNoticeRef: command.publicNoticeRef,
      },
    },
  ];
}

/** E-3: only the current, unrevoked grade, by an officer of the authority that awarded it. */
export function decideRevokeStandardizationGrade(
  ctx: EnterpriseDecisionContext,
  state: RegisteredEnterprise,
  command: Command<'RevokeStandardizationGrade'>,
): EnterpriseEvent[] {
  const award = currentAward(state);
  if (award === undefined || award.revokedAt !== null) {
    throw violate('E-3', 'NoCurrentGrade', { enterpriseId: state.enterpriseId });
  }
  assertAuthorityOfficer(ctx, award.authorityOrgId);
  return [
    {
      type: 'StandardizationGradeRevoked',
      data: {
        ...eventBase(ctx, state.enterpriseId),
        grade: award.grade,
        authorityOrgId: award.authorityOrgId,
        reason: command.reason,
      },
    },
  ];
}

/** The principal records the emergency team. */
export function decideEstablishEmergencyTeam(
  ctx: EnterpriseDecisionContext,
  state: RegisteredEnterprise,
  command: Command<'EstablishEmergencyTeam'>,
): EnterpriseEvent[] {
  if (!isEnterpriseMember(ctx, state, ['Principal'])) throw notAMember(ctx, state, 'principal');
  return [
    {
      type: 'EmergencyTeamEstablished',
      data: { ...eventBase(ctx, state.enterpriseId), memberCount: command.memberCount },
    },
  ];
}

/** E-5: signed by the current principal, for a period that has ended, once per period. */
export function decideSubmitHazardStatistics(
  ctx: EnterpriseDecisionContext,
  state: RegisteredEnterprise,
  command: Command<'SubmitHazardStatistics'>,
): EnterpriseEvent[] {
  const { actor } = ctx;
  if (
    actor.role !== 'Principal' ||
    actor.enterpriseId !== state.enterpriseId ||
    actor.personId !== state.principal.personId
  ) {
    throw violate('E-5', 'NotCurrentPrincipal', {
      personId: actor.personId,
      principalId: state.principal.personId,
    });
  }
  const bounds = statisticsPeriodBounds(command.period);
  if (bounds === undefined) throw violate('E-5', 'InvalidPeriod', { period: command.period });
  if (localDateOf(ctx.occurredAt, ctx.policy.timezone) <= bounds.end) {
    throw violate('E-5', 'PeriodNotEnded', { period: command.period });
  }
  if (state.statistics.some((filing) => filing.period === command.period)) {
    throw violate('E-5', 'AlreadySubmitted', { period: command.period });
  }
  return [
    {
      type: 'HazardStatisticsSubmitted',
      data: {
        ...eventBase(ctx, state.enterpriseId),
        period: command.period,
        counts: command.counts,
        signedBy: actor.personId,
      },
    },
  ];
}
