import { actorFor, createSampleSafetyDirectory, deciderSpec } from '@safeledger/testing';
import { describe, expect, it } from 'vitest';
import { createSupervisionPolicy } from '../policy/supervision-policy.js';
import { describeViolation } from '../rules/describe-violation.js';
import type { RecordActivity } from './commands.js';
import { createActivityDecider } from './decide.js';
import { drillObligationStatus } from './drill-frequency.js';
import { type ActivityState, evolveActivity, initialActivityState } from './state.js';

const directory = createSampleSafetyDirectory();
const officer = actorFor(directory, 'p-enf-1');
const principal = actorFor(directory, 'p-principal');
const now = new Date('2024-05-10T02:00:00Z');

const training: RecordActivity = {
  type: 'RecordActivity',
  actor: officer,
  activityId: 'a-1',
  kind: 'training',
  topic: 'Hazardous chemicals',
  organizerOrgId: 'org-safety',
  date: '2024-05-09',
  participantCount: 120,
  enterpriseIds: ['ent-chem', 'ent-landlord'],
  materials: { manuals: 40, posters: 10 },
};

const spec = () => deciderSpec(createActivityDecider({ directory }), { now, streamId: 'act-a-1' });

describe('activity rules', () => {
  it('A-0 an activity is recorded once, after it took place, with known enterprises; corrections change something', () => {
    spec()
      .given([])
      .when({ type: 'CorrectActivity', actor: officer, reason: 'typo', participantCount: 12 })
      .thenViolates('A-0', 'ActivityNotRecorded');
    spec().givenCommands([training]).when(training).thenViolates('A-0', 'AlreadyRecorded');
    const future = spec()
      .given([])
      .when({ ...training, date: '2024-05-11' })
      .thenViolates('A-0', 'FutureActivity');
    // 02:00Z on 10 May is 10:00 on 10 May in China: the 10th is allowed, the 11th is not.
    expect(future.details).toEqual({ date: '2024-05-11', recordedOn: '2024-05-10' });
    spec()
      .given([])
      .when({ ...training, date: '2024-05-10' })
      .thenState((state) => expect(state.activityId).toBe('a-1'));
    spec()
      .given([])
      .when({ ...training, enterpriseIds: ['ent-ghost'] })
      .thenViolates('A-0', 'UnknownEnterprise');
    spec()
      .givenCommands([training])
      .when({ type: 'CorrectActivity', actor: officer, reason: 'same', participantCount: 120 })
      .thenViolates('A-0', 'NothingCorrected');
  });

  it('A-1 counts are not negative, after a correction too', () => {
    const error = spec()
      .given([])
      .when({ ...training, participantCount: -1 })
      .thenViolates('A-1', 'NegativeCount');
    expect(error.details).toEqual({ field: 'participantCount', value: -1 });
    expect(describeViolation(error, 'zh-CN')).toBe('participantCount为-1，不得为负数');
    spec()
      .given([])
      .when({ ...training, materials: { manuals: 3, posters: -2 } })
      .thenViolates('A-1', 'NegativeCount');
    spec()
      .givenCommands([training])
      .when({
        type: 'CorrectActivity',
        actor: officer,
        reason: 'recount',
        materials: { manuals: -5, posters: 0 },
      })
      .thenViolates('A-1', 'NegativeCount');
    spec()
      .givenCommands([training])
      .when({ type: 'CorrectActivity', actor: officer, reason: 'recount', participantCount: 0 })
      .thenState((state) =>
        expect(state.activityId !== null && state.facts.participantCount).toBe(0),
      );
  });

  it('A-2 only a drill references a plan and its kind', () => {
    const error = spec()
      .given([])
      .when({ ...training, planId: 'plan-1' })
      .thenViolates('A-2', 'PlanOnlyOnDrill');
    expect(error.details).toEqual({ kind: 'training', field: 'planId' });
    spec()
      .given([])
      .when({ ...training, planKind: 'special' })
      .thenViolates('A-2', 'PlanOnlyOnDrill');
    const drill = {
      ...training,
      kind: 'drill' as const,
      planId: 'plan-1',
      planKind: 'special' as const,
    };
    spec()
      .given([])
      .when(drill)
      .thenState((state) =>
        expect(state.activityId !== null && state.facts.planKind).toBe('special'),
      );
    // Correcting a drill into a training while it still names a plan breaks A-2.
    spec()
      .givenCommands([drill])
      .when({ type: 'CorrectActivity', actor: officer, reason: 'was a lecture', kind: 'training' })
      .thenViolates('A-2', 'PlanOnlyOnDrill');
  });

  it('A-3 drill frequency is derived from asOf: yearly comprehensive-or-special and half-yearly on-site drills', () => {
    const tz = 'Asia/Shanghai';
    const recorded = (
      id: string,
      date: string,
      planKind: 'comprehensive' | 'special' | 'on_site',
      at: string,
    ): ActivityState =>
      evolveActivity(initialActivityState(), {
        type: 'ActivityRecorded',
        data: {
          activityId: id,
          occurredAt: at,
          actor: principal,
          organizerOrgId: null,
          organizerEnterpriseId: 'ent-chem',
          kind: 'drill',
          topic: 'fire',
          sectorCode: null,
          date,
          participantCount: 30,
          enterpriseIds: ['ent-chem'],
          materials: { manuals: 0, posters: 0 },
          planId: null,
          planKind,
          approximate: false,
        },
      });
    const onSite = recorded('d-1', '2024-03-01', 'on_site', '2024-03-02T00:00:00Z');
    const special = recorded('d-2', '2024-09-01', 'special', '2024-09-02T00:00:00Z');
    const all = [onSite, special];
    const at = (iso: string) => new Date(iso);
    const status = (
      obligation: Parameters<typeof drillObligationStatus>[2],
      period: string,
      asOf: string,
    ) => drillObligationStatus(all, 'ent-chem', obligation, period, at(asOf), tz);
    expect(status('on_site_half_yearly', 'H1-2024', '2024-02-01T00:00:00Z')).toBe('open');
    expect(status('on_site_half_yearly', 'H1-2024', '2024-03-03T00:00:00Z')).toBe('met');
    // H2 ends 31 December 24:00 China time, i.e. 16:00Z: the obligation is missed only after that.
    expect(status('on_site_half_yearly', 'H2-2024', '2024-12-31T15:59:59Z')).toBe('open');
    expect(status('on_site_half_yearly', 'H2-2024', '2024-12-31T16:00:00Z')).toBe('missed');
    // A special-plan drill counts for the yearly obligation once it is known, not before.
    expect(status('comprehensive_or_special_yearly', '2024', '2024-08-01T00:00:00Z')).toBe('open');
    expect(status('comprehensive_or_special_yearly', '2024', '2024-09-03T00:00:00Z')).toBe('met');
    // An on-site drill does not satisfy the yearly obligation, nor another enterprise's.
    expect(
      drillObligationStatus(
        [onSite],
        'ent-chem',
        'comprehensive_or_special_yearly',
        '2024',
        at('2025-02-01T00:00:00Z'),
        tz,
      ),
    ).toBe('missed');
    expect(
      drillObligationStatus(
        all,
        'ent-far',
        'on_site_half_yearly',
        'H1-2024',
        at('2024-07-01T00:00:00Z'),
        tz,
      ),
    ).toBe('missed');
    expect(() => status('on_site_half_yearly', '2024', '2024-01-01T00:00:00Z')).toThrow(TypeError);
  });

  it('G-5 an organisation’s officers record its activities; an enterprise records only its own', () => {
    spec()
      .given([])
      .when({ ...training, actor: actorFor(directory, 'p-ind-1') })
      .thenViolates('G-5', 'Forbidden');
    const own = {
      ...training,
      actor: principal,
      organizerOrgId: undefined,
      organizerEnterpriseId: 'ent-chem',
      enterpriseIds: ['ent-chem'],
    };
    spec()
      .given([])
      .when(own)
      .thenState((state) => expect(state.activityId).toBe('a-1'));
    spec()
      .given([])
      .when({ ...own, enterpriseIds: ['ent-chem', 'ent-far'] })
      .thenViolates('G-5', 'Forbidden');
    spec()
      .given([])
      .when({ ...own, actor: actorFor(directory, 'p-far-principal') })
      .thenViolates('G-5', 'Forbidden');
    spec()
      .givenCommands([training])
      .when({ type: 'CorrectActivity', actor: principal, reason: 'x', participantCount: 3 })
      .thenViolates('G-5', 'Forbidden');
  });

  it('rejects a command naming no organiser or both, and a policy time zone moves the recording date', () => {
    spec()
      .given([])
      .when({ ...training, organizerOrgId: undefined })
      .thenThrows((e) => (e as Error).name === 'ValidationError');
    const westward = deciderSpec(
      createActivityDecider({
        directory,
        policy: createSupervisionPolicy({ timezone: 'America/New_York' }),
      }),
      { now, streamId: 'act-a-1' },
    );
    // 02:00Z on 10 May is still 9 May in New York.
    westward
      .given([])
      .when({ ...training, date: '2024-05-10' })
      .thenViolates('A-0', 'FutureActivity');
  });
});
