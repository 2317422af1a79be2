import { createMemoryEventStore } from '@safeledger/store-memory';
import {
  createSampleRegistryDirectory,
  invalidUsccArbitrary,
  sampleRegistrar,
  usccArbitrary,
} from '@safeledger/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCommandHandler } from '../../eventsourcing/command-handler.js';
import { isRuleViolation, type RuleViolationError } from '../../eventsourcing/errors.js';
import { createEventRegistry } from '../../eventsourcing/event-registry.js';
import { uniqueKeyEvents } from '../../eventsourcing/unique-keys.js';
import { createSupervisionPolicy } from '../policy/supervision-policy.js';
import type { SafetyActor } from '../roles/actor.js';
import type { EnterpriseCommand } from './commands.js';
import { createEnterpriseDecider } from './decide.js';
import { enterpriseEvents } from './events.js';
import { createEnterpriseRegistrar } from './registrar.js';
import {
  type EnterpriseState,
  evolveEnterprise,
  initialEnterpriseState,
  type RegisteredEnterprise,
} from './state.js';
import {
  isRiskReportLate,
  periodicRiskReportStatus,
  statisticsFilingStatus,
  statisticsPeriodBounds,
  validGradeAt,
} from './time-facts.js';
import { usccCheckCharacter, usccProblem } from './uscc.js';

const directory = createSampleRegistryDirectory();
const policy = createSupervisionPolicy();
const decider = createEnterpriseDecider({ directory, policy });
const now = new Date('2024-05-10T02:00:00.000Z');
const TZ = 'Asia/Shanghai';

const principalA = { personId: 'p-a', name: 'A' };
const principalB = { personId: 'p-b', name: 'B' };
const asPrincipal = (personId: string): SafetyActor => ({
  personId,
  role: 'Principal',
  enterpriseId: 'e-1',
});
const officerOf = (orgId: string, personId: string): SafetyActor => ({
  personId,
  role: 'EnforcementOfficer',
  orgId,
});
// Xiaomi's published code: a real code with a letter as its check character.
const XIAOMI = '91110108551385082Q';

const register = (overrides: Partial<EnterpriseCommand> = {}): EnterpriseCommand =>
  ({
    type: 'RegisterEnterprise',
    actor: sampleRegistrar,
    enterpriseId: 'e-1',
    uscc: XIAOMI,
    name: 'Chemical works',
    areaId: 'area-park',
    sectorCode: 'C26',
    industryRegulatorOrgId: 'org-industry',
    principal: principalA,
    occurredAt: '2024-01-02T02:00:00.000Z',
    ...overrides,
  }) as EnterpriseCommand;

function run(commands: readonly EnterpriseCommand[], at: Date = now): EnterpriseState {
  let state = initialEnterpriseState();
  for (const command of commands) {
    const events = decider.decide(command, state, {
      now: at,
      streamId: 'ent-e-1',
      version: state.version,
    });
    state = (Array.isArray(events) ? events : [events]).reduce(evolveEnterprise, state);
  }
  return state;
}

function rejection(
  history: readonly EnterpriseCommand[],
  command: EnterpriseCommand,
  at = now,
): RuleViolationError {
  const state = run(history, at);
  try {
    decider.decide(command, state, { now: at, streamId: 'ent-e-1', version: state.version });
  } catch (error) {
    if (isRuleViolation(error)) return error;
    throw error;
  }
  throw new Error(`expected ${command.type} to be rejected`);
}

describe('Enterprise rules', () => {
  it('E-1 InvalidUscc names the expected check character; real codes pass', () => {
    expect(usccProblem(XIAOMI)).toBeUndefined();
    expect(usccProblem('91440300708461136T')).toBeUndefined();
    const wrong = `${XIAOMI.slice(0, 17)}R`;
    const error = rejection([], register({ uscc: wrong }));
    expect(error.rule).toBe('E-1');
    expect(error.violation).toBe('InvalidUscc');
    expect(error.message).toContain('expected "Q"');
    expect(error.details).toMatchObject({ uscc: wrong, expected: 'Q' });
    expect(rejection([], register({ uscc: XIAOMI.slice(0, 17) })).message).toContain(
      '17 characters, not 18',
    );
    expect(
      rejection([], register({ uscc: `${XIAOMI.slice(0, 5)}I${XIAOMI.slice(6)}` })).message,
    ).toContain('"I" at position 6');
  });

  it('E-1 every generated code passes and every corrupted one is InvalidUscc', () => {
    fc.assert(fc.property(usccArbitrary(), (code) => usccProblem(code) === undefined));
    fc.assert(
      fc.property(invalidUsccArbitrary(), (code) => {
        expect(rejection([], register({ uscc: code })).violation).toBe('InvalidUscc');
      }),
      { numRuns: 50 },
    );
    // The check character is 31 minus the weighted sum modulo 31 (GB 32100-2015).
    expect(usccCheckCharacter('00000000000000000')).toBe('0');
    expect(usccCheckCharacter('10000000000000000')).toBe('Y');
  });

  it('E-1 a second registration of the stream is AlreadyRegistered', () => {
    expect(rejection([register()], register()).violation).toBe('AlreadyRegistered');
  });

  it('E-1 of two racing registrations of one code exactly one wins (DuplicateEnterprise)', async () => {
    const store = createMemoryEventStore({
      registry: createEventRegistry({ events: [...enterpriseEvents, ...uniqueKeyEvents] }),
    });
    const handle = createCommandHandler({ store, decider, clock: () => now });
    const registrar = createEnterpriseRegistrar({ store, handle });
    const outcomes = await Promise.allSettled(
      ['e-1', 'e-2', 'e-3'].map((id) =>
        registrar.register(register({ enterpriseId: id }) as never),
      ),
    );
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    expect(won).toHaveLength(1);
    const owner = await registrar.ownerOf(XIAOMI);
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') {
        expect(outcome.reason).toMatchObject({ rule: 'E-1', violation: 'DuplicateEnterprise' });
        expect((outcome.reason as Error).message).toContain(
          `already registered by enterprise ${owner}`,
        );
      }
    }
    // A rejected registration gives its freshly claimed code back.
    const other = '91440300708461136T';
    await expect(
      registrar.register(
        register({ enterpriseId: 'e-9', uscc: other, areaId: 'area-far' }) as never,
      ),
    ).rejects.toMatchObject({ violation: 'Forbidden' });
    expect(await registrar.ownerOf(other)).toBeUndefined();
    expect(
      (await registrar.register(register({ enterpriseId: 'e-9', uscc: other }) as never))
        .nextVersion,
    ).toBe(1);
  });

  it('E-2 one principal at a time: the new one replaces the old, the same one is SamePrincipal', () => {
    const changed = run([
      register(),
      { type: 'ChangePrincipal', actor: asPrincipal('p-a'), principal: principalB },
    ]) as RegisteredEnterprise;
    expect(changed.principal).toEqual(principalB);
    const error = rejection([register()], {
      type: 'ChangePrincipal',
      actor: asPrincipal('p-a'),
      principal: principalA,
    });
    expect(error.violation).toBe('SamePrincipal');
    expect(error.rule).toBe('E-2');
    // The old principal may no longer act as principal.
    const stale = rejection(
      [register(), { type: 'ChangePrincipal', actor: sampleRegistrar, principal: principalB }],
      { type: 'EstablishEmergencyTeam', actor: asPrincipal('p-a'), memberCount: 5 },
    );
    expect(stale.violation).toBe('Forbidden');
  });

  it('E-3 the authority level must match the grade; validity is derived from asOf', () => {
    const award = (grade: 1 | 2 | 3, orgId: string, personId: string): EnterpriseCommand => ({
      type: 'AwardStandardizationGrade',
      actor: officerOf(orgId, personId),
      grade,
      authorityOrgId: orgId,
      awardedOn: '2024-03-01',
      publicNoticeRef: 'notice-1',
    });
    const error = rejection([register()], award(2, 'org-city', 'p-city'));
    expect(error).toMatchObject({ rule: 'E-3', violation: 'AuthorityLevelMismatch' });
    expect(error.message).toContain('grade 2 is awarded at level province');
    const state = run([register(), award(3, 'org-city', 'p-city')]) as RegisteredEnterprise;
    expect(state.standardization[0]?.validUntil).toBe('2027-03-01');
    expect(validGradeAt(state, new Date('2024-02-29T16:00:00Z'), TZ)).toBe(3);
    expect(validGradeAt(state, new Date('2024-02-29T15:59:59Z'), TZ)).toBeUndefined();
    expect(validGradeAt(state, new Date('2027-03-01T15:59:59Z'), TZ)).toBe(3);
    expect(validGradeAt(state, new Date('2027-03-01T16:00:00Z'), TZ)).toBeUndefined();
    const revoked = run([
      register(),
      award(3, 'org-city', 'p-city'),
      {
        type: 'RevokeStandardizationGrade',
        actor: officerOf('org-city', 'p-city'),
        reason: 'accident',
        occurredAt: '2024-04-01T00:00:00.000Z',
      },
    ]) as RegisteredEnterprise;
    expect(validGradeAt(revoked, new Date('2024-03-31T00:00:00Z'), TZ)).toBe(3);
    expect(validGradeAt(revoked, new Date('2024-04-01T00:00:00Z'), TZ)).toBeUndefined();
    expect(
      rejection([register()], {
        type: 'RevokeStandardizationGrade',
        actor: officerOf('org-city', 'p-city'),
        reason: 'x',
      }),
    ).toMatchObject({ rule: 'E-3', violation: 'NoCurrentGrade' });
    // Another authority's officer may not award in its name.
    expect(
      rejection([register()], {
        ...award(3, 'org-city', 'p-city'),
        actor: officerOf('org-province', 'p-province'),
      } as EnterpriseCommand).violation,
    ).toBe('Forbidden');
  });

  it('E-4 initial and change reports need their dates; lateness is derived from asOf', () => {
    const file = (overrides: Record<string, unknown>): EnterpriseCommand =>
      ({
        type: 'FileRiskReport',
        actor: asPrincipal('p-a'),
        year: 2024,
        reportType: 'periodic',
        risks: [{ level: 'general', description: 'dust' }],
        ...overrides,
      }) as EnterpriseCommand;
    expect(rejection([register()], file({ reportType: 'initial' }))).toMatchObject({
      rule: 'E-4',
      violation: 'MissingReportDate',
    });
    expect(
      rejection([register()], file({ reportType: 'change', riskChangedOn: '2024-05-01' })),
    ).toMatchObject({
      rule: 'E-4',
      violation: 'NoSignificantRisk',
    });
    expect(rejection([register()], file({ year: 2025 })).violation).toBe('FutureReportYear');
    const state = run([
      register(),
      file({ occurredAt: '2024-04-02T02:00:00.000Z' }),
    ]) as RegisteredEnterprise;
    expect(periodicRiskReportStatus(state, 2024, now, TZ)).toBe('late');
    expect(periodicRiskReportStatus(state, 2024, new Date('2024-04-01T00:00:00Z'), TZ)).toBe(
      'overdue',
    );
    expect(periodicRiskReportStatus(state, 2024, new Date('2024-03-01T00:00:00Z'), TZ)).toBe(
      'not_due',
    );
    expect(periodicRiskReportStatus(state, 2023, now, TZ)).toBe('overdue');
    const initial = {
      reportType: 'initial' as const,
      year: 2024,
      projectAcceptedOn: '2024-03-01',
      filedAt: '2024-03-31T15:59:59.999Z',
    };
    expect(isRiskReportLate(initial, TZ)).toBe(false);
    expect(isRiskReportLate({ ...initial, filedAt: '2024-03-31T16:00:00.000Z' }, TZ)).toBe(true);
  });

  it('E-5 only the current principal signs, after the period, once; lateness is derived', () => {
    const submit = (
      personId: string,
      period = 'Q1-2024',
      occurredAt = '2024-04-15T15:59:59.999Z',
    ): EnterpriseCommand => ({
      type: 'SubmitHazardStatistics',
      actor: asPrincipal(personId),
      period,
      counts: { found: 3, rectified: 2, major: 0, majorRectified: 0 },
      occurredAt,
    });
    const changed = [
      register(),
      {
        type: 'ChangePrincipal',
        actor: asPrincipal('p-a'),
        principal: principalB,
      } as EnterpriseCommand,
    ];
    const error = rejection(changed, submit('p-a'));
    expect(error).toMatchObject({ rule: 'E-5', violation: 'NotCurrentPrincipal' });
    expect(error.message).toBe(
      'E-5 NotCurrentPrincipal: p-a is not the current principal (p-b is)',
    );
    const state = run([...changed, submit('p-b')]) as RegisteredEnterprise;
    expect(state.statistics[0]?.signedBy).toBe('p-b');
    expect(
      rejection([register()], submit('p-a', 'Q2-2024', '2024-05-01T00:00:00.000Z')).violation,
    ).toBe('PeriodNotEnded');
    expect(rejection([register()], submit('p-a', 'Q5-2024')).violation).toBe('InvalidPeriod');
    expect(rejection([...changed, submit('p-b')], submit('p-b')).violation).toBe(
      'AlreadySubmitted',
    );
    expect(statisticsPeriodBounds('Q4-2023')).toEqual({
      start: '2023-10-01',
      end: '2023-12-31',
      dueOn: '2024-01-15',
    });
    expect(statisticsPeriodBounds('2023')?.dueOn).toBe('2024-01-31');
    expect(statisticsFilingStatus(state, 'Q1-2024', now, TZ)).toBe('on_time');
    const late = run([
      register(),
      submit('p-a', 'Q1-2024', '2024-04-15T16:00:00.000Z'),
    ]) as RegisteredEnterprise;
    expect(statisticsFilingStatus(late, 'Q1-2024', now, TZ)).toBe('late');
    expect(statisticsFilingStatus(late, '2023', now, TZ)).toBe('overdue');
  });

  it('E-6 a closed enterprise accepts no commands; other commands need a registered one', () => {
    const closed = [
      register(),
      {
        type: 'CloseEnterprise',
        actor: sampleRegistrar,
        reason: 'moved away',
      } as EnterpriseCommand,
    ];
    const error = rejection(closed, {
      type: 'EstablishEmergencyTeam',
      actor: asPrincipal('p-a'),
      memberCount: 4,
    });
    expect(error).toMatchObject({ rule: 'E-6', violation: 'EnterpriseClosed' });
    expect(
      rejection([], { type: 'EstablishEmergencyTeam', actor: asPrincipal('p-a'), memberCount: 4 })
        .violation,
    ).toBe('EnterpriseNotRegistered');
  });

  it('G-5 officers act only within their remit; enterprise roles only as the registry records them', () => {
    expect(rejection([], register({ areaId: 'area-far' })).violation).toBe('Forbidden');
    expect(
      rejection(
        [],
        register({
          actor: { personId: 'p-ind', role: 'IndustryOfficer', orgId: 'org-industry' },
          sectorCode: 'C27',
        }),
      ).violation,
    ).toBe('Forbidden');
    const officer = { personId: 'p-so', name: 'S' };
    const state = run([
      register(),
      { type: 'AppointSafetyOfficer', actor: asPrincipal('p-a'), officer },
    ]) as RegisteredEnterprise;
    expect(state.safetyOfficers).toEqual([officer]);
    const soActor: SafetyActor = { personId: 'p-so', role: 'SafetyOfficer', enterpriseId: 'e-1' };
    expect(
      rejection([register()], { type: 'EstablishEmergencyTeam', actor: soActor, memberCount: 2 })
        .violation,
    ).toBe('Forbidden');
  });
});
