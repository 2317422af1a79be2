import { deciderSpec, sampleHazardCommands, sampleNow } from '@safeledger/testing';
import { describe, expect, it } from 'vitest';
import { RuleViolationError } from '../../eventsourcing/errors.js';
import { locales } from '../i18n/locale.js';
import { describeViolation } from '../rules/describe-violation.js';
import type { ViolationValues } from '../rules/raise-violation.js';
import type { RuleIdOf, ViolationKeyOf } from '../rules/rule-catalog.js';
import type { HazardCommand } from './commands.js';
import { createHazardDecider } from './decide.js';
import { hazardRules, violate } from './rules.js';

type Catalog = typeof hazardRules;

// One sample of every hazard violation with the values its message names. The type makes the table
// complete: a violation added to the catalog without a sample, or a sample missing a value the
// message needs, fails the type check; the first test below fails on it at run time as well.
type Samples = {
  readonly [Id in RuleIdOf<Catalog>]: {
    readonly [V in ViolationKeyOf<Catalog, Id>]: ViolationValues<Catalog, Id, V>;
  };
};

const actor = { role: 'SafetyOfficer', personId: 'p-zhang' } as const;
const orgScope = {
  field: 'supervisingOrgId',
  orgId: 'org-far',
  areaId: 'area-park',
  sectorCode: 'C26',
} as const;
const verifier = {
  reason: 'wrong_side',
  verifierId: 'p-wang',
  side: 'enterprise',
  supervisingOrgId: 'org-safety',
} as const;
const kindMismatch = {
  mismatch: 'wrong_kind',
  side: 'enterprise',
  allowed: ['internal_check', 'acceptance'],
  kind: 'regulator_review',
} as const;
const responsibleOnly = {
  ...actor,
  command: 'ReportMajorHazard',
  need: 'principal',
  responsibleId: 'ent-chem',
} as const;

const samples: Samples = {
  'H-0': {
    InvalidState: {
      command: 'CompleteRectification',
      state: 'awaiting_verification',
      allowed: ['open'],
    },
    HazardNotRegistered: { command: 'CloseHazard', streamId: 'hazard-h-9' },
  },
  'H-1': {
    UnknownSubject: { subjectKind: 'venue', subjectId: 'venue-77' },
    ResponsiblePartyMismatch: { subjectKind: 'site', subjectId: 'site-3' },
    AlreadyRegistered: { hazardId: 'h-1' },
    StreamMismatch: {
      wrongCategory: false,
      streamId: 'hazard-h-2',
      hazardId: 'h-1',
      expectedStreamId: 'hazard-h-1',
    },
  },
  'H-2': { MajorBasisRequired: {}, MajorBasisNotAllowed: {} },
  'H-3': {
    UnknownHazardNature: { nature: 'bad_luck', allowed: ['unsafe_act', 'unsafe_condition'] },
  },
  'H-4': { DeadlineRequired: {} },
  'H-5': { MajorCannotBeRectifiedOnSpot: {} },
  'H-6': {
    DeadlineBeforeRegistration: {
      deadline: '2024-02-29',
      registrationDate: '2024-03-01',
      timezone: 'Asia/Shanghai',
    },
  },
  'H-7': { HazardTerminal: { state: 'voided', command: 'VerifyRectification' } },
  'H-8': {
    Forbidden: { ...actor, ownerKind: 'regulator', ownerId: 'org-safety' },
    ReasonRequired: {},
    DeadlineNotLater: { newDeadline: '2024-03-10', currentDeadline: '2024-03-31' },
    LateExtension: {
      requestedAt: '2024-04-02T02:00:00.000Z',
      currentDeadline: '2024-03-31',
      deadlineEndedAt: '2024-03-31T15:59:59.999Z',
    },
    OrgOutOfScope: orgScope,
  },
  'H-9': { Forbidden: actor, DelistFirst: { levels: ['district', 'city'] } },
  'H-10': { UpgradeNotAllowed: { state: 'verified' }, Forbidden: actor },
  'H-11': {
    NotMajor: { grade: 'general' },
    Forbidden: responsibleOnly,
    SupervisingOrgNotARecipient: { supervisingOrgId: 'org-safety' },
  },
  'H-12': { IncompleteReport: { missing: ['statusAndCause', 'planSummary or planRef'] } },
  'H-13': {
    IncompletePlan: { missing: ['funding.source', 'contingencyPlanRef'] },
    Forbidden: { ...responsibleOnly, command: 'SubmitRectificationPlan', need: 'manager' },
    UnknownResponsiblePerson: { responsiblePersonId: 'p-ghost', responsibleId: 'ent-chem' },
  },
  'H-14': { PlanExceedsDeadline: { planDeadline: '2024-05-01', effectiveDeadline: '2024-04-30' } },
  'H-15': {
    PlanRequired: { planSubmitted: true, missing: ['deadline'] },
    EvidenceRequired: {},
  },
  'H-16': { SafetyNotAssured: {} },
  'H-17': {
    NotSuspended: {},
    AssessmentRequired: {},
    NotMajor: { grade: 'general' },
    AgencyNameRequired: {},
    Forbidden: { ...responsibleOnly, command: 'RecordRectificationAssessment' },
  },
  'H-18': {
    RegulatorVerifierRequired: { supervisingOrgId: 'org-safety', kind: 'internal_check' },
    TooFewVerifiers: { required: 2, actual: 1 },
    Forbidden: { ...verifier, reason: 'not_officer', side: 'major' },
    NotAnExpert: { expertId: 'p-so-1' },
    VerificationKindMismatch: {
      ...kindMismatch,
      side: 'major',
      allowed: ['regulator_review'],
      kind: 'internal_check',
    },
  },
  'H-19': {
    Forbidden: verifier,
    SegregationOfDuties: { verifierId: 'p-so-1' },
    NotAnExpert: { expertId: 'p-so-1' },
    VerificationKindMismatch: kindMismatch,
  },
  'H-20': { ClosureBlocked: { missing: ['known_to_regulator', 'workforce_disclosure'] } },
  'H-21': {
    NotDeadlineOwner: { ownerKind: 'enterprise', ownerId: 'ent-chem' },
    DeadlineNotLater: { newDeadline: '2024-03-10', currentDeadline: '2024-03-31' },
    NewDeadlineOnFailureOnly: {},
    DeadlineInPast: { newDeadline: '2024-04-01', judgedOn: '2024-04-10' },
  },
  'H-22': {},
  'H-23': {
    ReasonRequired: {},
    AlreadyRectified: {},
    ListedHazardCannotBeVoided: {},
    Forbidden: { ...actor, reason: 'supervisor', party: 'org-safety' },
  },
  'H-24': {
    NotMajor: { grade: 'general' },
    AlreadyListedAtLevel: { level: 'district' },
    Forbidden: { ...actor, level: 'city', authorityOrgId: 'org-city', areaId: 'area-park' },
    OrgOutOfScope: orgScope,
  },
  'H-25': {
    VerificationRequired: { action: 'delisting' },
    NotListed: { level: 'province' },
    Forbidden: { ...actor, authorityOrgId: 'org-city' },
  },
  'H-26': {
    VerificationRequired: { action: 'resumption' },
    NotSuspended: {},
    AlreadySuspended: {},
    Forbidden: { ...actor, reason: 'regulator', party: 'org-safety' },
  },
  'H-27': { HazardTerminal: { state: 'closed', command: 'RegradeHazard' } },
  'H-28': {
    NotOpen: { state: 'awaiting_verification' },
    Forbidden: { ...actor, supervisingOrgId: 'org-safety' },
    OrgOutOfScope: { ...orgScope, field: 'toOrgId' },
  },
  'H-29': {},
  'H-30': {
    LateEntryReasonRequired: {
      occurredAt: '2024-03-01T02:00:00.000Z',
      recordedAt: '2024-03-05T02:00:00.000Z',
      maxBackdatingHours: 72,
    },
    SupervisorRequired: {
      maxBackdatingHours: 72,
      allowedRoles: ['Principal', 'AuthorityHead'],
      role: 'SafetyOfficer',
    },
  },
};

const HAN = /\p{Script=Han}/u;

// Ids and other free values must show up in the message as given; codes (states, roles, …) are
// shown as labels, and dates and instants in the locale's format, so only plain identifiers count.
// A verifier's `Forbidden` carries the supervising regulator for every case, but only the case of a
// non-officer verifying a major names it.
function plainValues(values: Readonly<Record<string, unknown>>): string[] {
  return Object.entries(values)
    .filter(([key]) => key !== 'supervisingOrgId' || values.reason !== 'wrong_side')
    .map(([, value]) => value)
    .filter(
      (value): value is string =>
        typeof value === 'string' && /^(p|org|ent|area|hazard|venue|site|h)-[\w-]+$/.test(value),
    );
}

describe('hazard violation messages', () => {
  const cases = hazardRules.flatMap((rule) =>
    Object.keys(rule.violations).map((violation) => [rule.id, violation] as const),
  );

  it('every hazard violation has a sample here, so the test below covers the catalog', () => {
    expect(cases.length).toBeGreaterThan(70);
    const table = samples as Readonly<Record<string, Readonly<Record<string, unknown>>>>;
    const missing = cases.filter(([rule, violation]) => table[rule]?.[violation] === undefined);
    expect(missing).toEqual([]);
  });

  it.each(cases)('%s %s renders in zh-CN and en with its values', (rule, violation) => {
    const values = (samples as Readonly<Record<string, Readonly<Record<string, object>>>>)[rule]![
      violation
    ]! as Readonly<Record<string, unknown>>;
    // Raised through the same typed factory the deciders use; the cast only widens the sample.
    const raise = violate as (
      rule: string,
      violation: string,
      details: object,
    ) => RuleViolationError;
    const error = raise(rule, violation, values);
    expect(error).toBeInstanceOf(RuleViolationError);
    expect(error.rule).toBe(rule);
    expect(error.violation).toBe(violation);
    expect(error.details).toEqual(values);
    const zh = describeViolation(error, 'zh-CN');
    const en = describeViolation(error, 'en');
    expect(error.message).toBe(`${rule} ${violation}: ${en}`);
    expect(zh).toMatch(HAN);
    expect(en).not.toMatch(HAN);
    for (const text of [zh, en]) {
      // A brace left over would be a placeholder the formatter did not fill.
      expect(text).not.toMatch(/[{}]/);
      for (const value of plainValues(values)) expect(text).toContain(value);
    }
    for (const locale of locales) expect(describeViolation(error, locale)).not.toBe('');
  });
});

describe('hazard rejections from the decider read in Chinese', () => {
  const kit = sampleHazardCommands();
  const { actors } = kit;
  const spec = deciderSpec(createHazardDecider({ directory: kit.directory }), {
    now: sampleNow,
    streamId: 'hazard-h-1',
  });

  const verify = (actor: (typeof actors)['worker'], verifierIds: string[]): HazardCommand => ({
    type: 'VerifyRectification',
    actor,
    outcome: 'passed',
    kind: 'acceptance',
    verifierIds,
    expertIds: [],
  });

  it('H-19 segregation of duties names the verifier in both languages', () => {
    const completed = [kit.registerGeneral(), kit.complete({ actor: actors.safetyOfficer })];
    const error = spec
      .givenCommands(completed)
      .when(verify(actors.safetyOfficer, ['p-so-1']))
      .thenViolates('H-19', 'SegregationOfDuties');
    expect(describeViolation(error, 'zh-CN')).toBe(
      'p-so-1报告了整改完成，不得再参加验收（整改与验收分离）',
    );
    expect(describeViolation(error, 'en')).toBe(
      'p-so-1 reported the rectification complete and may not verify it',
    );
  });

  it('H-0 names the state and the command by their regulatory terms', () => {
    const error = spec
      .givenCommands([kit.registerGeneral()])
      .when(verify(actors.principal, ['p-principal']))
      .thenViolates('H-0', 'InvalidState');
    expect(describeViolation(error, 'zh-CN')).toBe(
      '隐患处于整改中状态，不能办理“验收整改”（可办理状态：待验收）',
    );
  });

  it('H-13 lists the missing elements of a major plan as the regulation names them', () => {
    const error = spec
      .givenCommands([kit.registerMajor()])
      .when(kit.plan({ contingencyPlanRef: '' }))
      .thenViolates('H-13', 'IncompletePlan');
    expect(describeViolation(error, 'zh-CN')).toBe('重大事故隐患治理方案缺少应急预案');
  });
});
