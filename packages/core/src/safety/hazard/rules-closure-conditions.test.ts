import { sampleHazardCommands } from '@safeledger/testing';
import { describe, expect, it } from 'vitest';
import { createSupervisionPolicy } from '../policy/supervision-policy.js';
import { closureBlockers, isAssessedAfterCompletion } from './closure.js';
import type { HazardCommand } from './commands.js';
import { createHazardDecider } from './decide.js';
import type { HazardEvent } from './events.js';
import { isCompletePlan, planGaps } from './plan.js';
import {
  evolveHazard,
  type HazardAssessment,
  type HazardState,
  type HazardSuspension,
  initialHazardState,
  type RegisteredHazard,
} from './state.js';

// Each H-20 closure prerequisite and each H-13 plan element checked one condition at a time: a
// hazard that may close, changed in exactly one field, must name exactly that one blocker.
const kit = sampleHazardCommands();
const policy = createSupervisionPolicy();
const decider = createHazardDecider({ directory: kit.directory, policy });

function stateAfter(commands: readonly HazardCommand[]): RegisteredHazard {
  let state: HazardState = initialHazardState();
  for (const command of commands) {
    const decided = ([] as HazardEvent[]).concat(
      decider.decide(command, state, {
        now: new Date('2024-03-02T02:00:00Z'),
        streamId: 'hazard-h-1',
        version: state.version,
        facts: undefined,
      }),
    );
    state = decided.reduce(evolveHazard, state);
  }
  if (state.status === 'unregistered') throw new Error('expected a registered hazard');
  return state;
}

// A major verified by two officers after the report, disclosure, plan and completion: closed.
const closable = stateAfter([
  kit.registerMajor(),
  ...kit.majorPrerequisites(),
  kit.complete(),
  kit.regulatorVerification(),
]);
const verification = closable.lastVerification;
const completion = closable.lastCompletion;
if (verification === null || completion === null) throw new Error('expected a verified completion');

const suspended: HazardSuspension = {
  active: false,
  scope: 'whole',
  facilityRef: null,
  orderedBy: { kind: 'regulator', orgId: 'org-safety', approvedBy: 'p-safety-head' },
  orderRef: 'S-1',
  suspendedAt: '2024-03-01T02:00:00Z',
  resumedAt: '2024-03-02T02:00:00Z',
  decisionRef: 'R-1',
};
const assessedAt = (atVersion: number, conclusion: HazardAssessment['conclusion'] = 'meets') => ({
  atVersion,
  assessedAt: '2024-03-02T02:00:00Z',
  assessorKind: 'internal_experts' as const,
  agencyName: null,
  reportRef: 'AR-1',
  conclusion,
});
const blockers = (changes: Partial<RegisteredHazard>, withPolicy = policy) =>
  closureBlockers({ ...closable, ...changes }, withPolicy);

describe('H-20 closure prerequisites, one condition at a time', () => {
  it('H-20 the sample major after a two-officer verification lacks nothing', () => {
    expect(closable.status).toBe('closed');
    expect(blockers({})).toEqual([]);
  });

  it('H-20 the last verification must exist, follow the latest completion and have passed', () => {
    expect(blockers({ lastVerification: null })).toEqual(['passed_verification']);
    expect(blockers({ lastCompletion: null })).toEqual(['passed_verification']);
    expect(blockers({ lastVerification: { ...verification, outcome: 'failed' } })).toEqual([
      'passed_verification',
    ]);
    // Recorded at the completion's version or before it: not a verification of that completion.
    for (const atVersion of [completion.atVersion, completion.atVersion - 1]) {
      expect(blockers({ lastVerification: { ...verification, atVersion } })).toEqual([
        'passed_verification',
      ]);
    }
    // A general hazard needs only the passed verification: no regulator, plan or report.
    const general = {
      grade: 'general' as const,
      plan: null,
      knownToRegulator: false,
      disclosedToWorkforceAt: null,
      lastVerification: { ...verification, byRegulator: false, verifierIds: ['p-so-1'] },
    };
    expect(blockers(general)).toEqual([]);
    expect(blockers({ ...general, lastVerification: null })).toEqual(['passed_verification']);
  });

  it('H-20 a major is closed only on a regulator verification by at least minVerifiersMajor officers', () => {
    expect(blockers({ lastVerification: { ...verification, byRegulator: false } })).toEqual([
      'regulator_verification',
    ]);
    expect(blockers({ lastVerification: { ...verification, verifierIds: ['p-enf-1'] } })).toEqual([
      'regulator_verification',
    ]);
    const three = createSupervisionPolicy({ minVerifiersMajor: 3 });
    expect(blockers({}, three)).toEqual(['regulator_verification']);
    const one = createSupervisionPolicy({ minVerifiersMajor: 1 });
    expect(
      blockers({ lastVerification: { ...verification, verifierIds: ['p-enf-1'] } }, one),
    ).toEqual([]);
  });

  it('H-20 a major must be known to the regulator', () => {
    expect(blockers({ knownToRegulator: false })).toEqual(['known_to_regulator']);
  });

  it('H-20 a major of an enterprise or site is disclosed to the workforce when the policy asks', () => {
    expect(blockers({ disclosedToWorkforceAt: null })).toEqual(['workforce_disclosure']);
    expect(
      blockers({ disclosedToWorkforceAt: null, subject: { kind: 'site', id: 'site-1' } }),
    ).toEqual(['workforce_disclosure']);
    // A venue has no workers' congress.
    expect(
      blockers({ disclosedToWorkforceAt: null, subject: { kind: 'venue', id: 'venue-1' } }),
    ).toEqual([]);
    const noDisclosure = createSupervisionPolicy({ requireWorkforceDisclosureForMajor: false });
    expect(blockers({ disclosedToWorkforceAt: null }, noDisclosure)).toEqual([]);
  });

  it('H-20 H-13 a major needs a complete plan', () => {
    expect(blockers({ plan: null })).toEqual(['plan']);
    const plan = closable.plan;
    if (plan === null) throw new Error('expected a plan');
    expect(blockers({ plan: { ...plan, contingencyPlanRef: null } })).toEqual(['plan']);
  });

  it('H-20 every listing is delisted and no suspension is active', () => {
    const listing = {
      level: 'district' as const,
      authorityOrgId: 'org-safety',
      supervisingOrgId: 'org-safety',
      listingRef: 'L-1',
      publicized: true,
      listedAt: '2024-03-01T02:00:00Z',
      delistedAt: null,
      delistRef: null,
    };
    expect(blockers({ listings: [listing] })).toEqual(['delisting']);
    expect(
      blockers({
        listings: [{ ...listing, delistedAt: '2024-03-02T02:00:00Z', delistRef: 'D-1' }],
      }),
    ).toEqual([]);
    const assessment = assessedAt(completion.atVersion + 1);
    expect(blockers({ suspension: { ...suspended, active: true }, assessment })).toEqual([
      'resumption',
    ]);
    expect(blockers({ suspension: suspended, assessment })).toEqual([]);
  });

  it('H-17 a major once suspended closes only on an assessment that meets, after the latest completion', () => {
    const after = completion.atVersion + 1;
    expect(blockers({ suspension: suspended, assessment: null })).toEqual(['assessment']);
    expect(
      blockers({ suspension: suspended, assessment: assessedAt(after, 'does_not_meet') }),
    ).toEqual(['assessment']);
    for (const atVersion of [completion.atVersion, completion.atVersion - 1]) {
      expect(blockers({ suspension: suspended, assessment: assessedAt(atVersion) })).toEqual([
        'assessment',
      ]);
    }
    // Never suspended: no assessment is asked for.
    expect(blockers({ suspension: null, assessment: null })).toEqual([]);
    expect(isAssessedAfterCompletion({ ...closable, assessment: assessedAt(after) })).toBe(true);
    expect(
      isAssessedAfterCompletion({
        ...closable,
        assessment: assessedAt(after),
        lastCompletion: null,
      }),
    ).toBe(false);
  });
});

describe('H-13 plan elements, one at a time', () => {
  const complete = {
    objectives: 'replace the corroded line',
    measures: ['isolate'],
    funding: { amountCny: 1, source: 'capital budget' },
    responsiblePersonId: 'p-so-1',
    deadline: '2024-04-20',
    safetyMeasures: 'cordon',
    contingencyPlanRef: 'EP-CL-3',
  };

  it('H-13 a complete plan lacks nothing', () => {
    expect(planGaps(complete)).toEqual([]);
  });

  it('H-13 a text that is missing, null or blank does not count', () => {
    const texts = [
      'objectives',
      'responsiblePersonId',
      'deadline',
      'safetyMeasures',
      'contingencyPlanRef',
    ] as const;
    for (const key of texts) {
      for (const value of [undefined, null, '', '  \t']) {
        expect(planGaps({ ...complete, [key]: value }), `${key} = ${String(value)}`).toEqual([key]);
      }
    }
    for (const source of [undefined, null, ' ']) {
      expect(planGaps({ ...complete, funding: { amountCny: 1, source } })).toEqual([
        'funding.source',
      ]);
    }
  });

  it('H-13 at least one measure that is not blank', () => {
    expect(planGaps({ ...complete, measures: [] })).toEqual(['measures']);
    expect(planGaps({ ...complete, measures: undefined })).toEqual(['measures']);
    expect(planGaps({ ...complete, measures: ['', '  '] })).toEqual(['measures']);
    expect(planGaps({ ...complete, measures: [' ', 'isolate'] })).toEqual([]);
  });

  it('H-13 funding is an amount above zero', () => {
    for (const amountCny of [undefined, null, 0, -1, Number.NaN]) {
      expect(
        planGaps({ ...complete, funding: { amountCny, source: 'capital budget' } }),
        String(amountCny),
      ).toEqual(['funding.amountCny']);
    }
    expect(planGaps({ ...complete, funding: { amountCny: 0.01, source: 'b' } })).toEqual([]);
    expect(planGaps({ ...complete, funding: null })).toEqual([
      'funding.amountCny',
      'funding.source',
    ]);
    expect(planGaps({ ...complete, funding: undefined })).toEqual([
      'funding.amountCny',
      'funding.source',
    ]);
  });

  it('H-13 an empty plan lacks every element, in the catalog order', () => {
    expect(planGaps({})).toEqual([
      'responsiblePersonId',
      'measures',
      'funding.amountCny',
      'funding.source',
      'deadline',
      'contingencyPlanRef',
      'objectives',
      'safetyMeasures',
    ]);
  });

  it('H-13 isCompletePlan: no plan, a plan with a gap, a complete plan', () => {
    const plan = closable.plan;
    if (plan === null) throw new Error('expected a plan');
    expect(isCompletePlan(null)).toBe(false);
    expect(isCompletePlan(plan)).toBe(true);
    expect(isCompletePlan({ ...plan, objectives: ' ' })).toBe(false);
  });
});
