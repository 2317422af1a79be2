import { actorFor, createSampleSafetyDirectory, deciderSpec } from '@safeledger/testing';
import { describe, expect, it } from 'vitest';
import { describeViolation } from '../rules/describe-violation.js';
import type { DraftPlan, EmergencyPlanCommand } from './commands.js';
import { createEmergencyPlanDecider } from './decide.js';
import { effectivePlanVersion, isRevisedAndPublishedIn } from './effective.js';
import type { EmergencyPlanEvent } from './events.js';
import {
  type EmergencyPlanState,
  evolveEmergencyPlan,
  initialEmergencyPlanState,
} from './state.js';

const directory = createSampleSafetyDirectory();
const so = actorFor(directory, 'p-so-1');
const principal = actorFor(directory, 'p-principal');
const now = new Date('2024-06-01T00:00:00Z');

const draft: DraftPlan = {
  type: 'DraftPlan',
  actor: so,
  planId: 'p-1',
  kind: 'comprehensive',
  title: 'Comprehensive plan',
  ownerEnterpriseId: 'ent-chem',
};
const publish = (version: number): EmergencyPlanCommand => ({
  type: 'PublishPlan',
  actor: principal,
  version,
});
const revise: EmergencyPlanCommand = { type: 'RevisePlan', actor: so, summary: 'new contacts' };
const spec = () =>
  deciderSpec(createEmergencyPlanDecider({ directory }), { now, streamId: 'plan-p-1' });

/** Folds events with the business times given, for the derived functions. */
function fold(events: [EmergencyPlanEvent['type'], string, Record<string, unknown>][]) {
  return events.reduce<EmergencyPlanState>(
    (state, [type, occurredAt, extra]) =>
      evolveEmergencyPlan(state, {
        type,
        data: { planId: 'p-1', occurredAt, actor: principal, ...extra },
      } as EmergencyPlanEvent),
    initialEmergencyPlanState(),
  );
}

describe('emergency plan rules', () => {
  it('EP-0 a plan is drafted once and nothing is done to a retired plan', () => {
    spec().given([]).when(publish(1)).thenViolates('EP-0', 'PlanNotDrafted');
    spec().givenCommands([draft]).when(draft).thenViolates('EP-0', 'PlanAlreadyDrafted');
    const retired = spec()
      .givenCommands([draft, { type: 'RetirePlan', actor: principal, reason: 'merged' }])
      .when(revise)
      .thenViolates('EP-0', 'PlanIsRetired');
    expect(describeViolation(retired, 'zh-CN')).toBe('预案p-1已废止，不能办理修订预案');
  });

  it('EP-1 only the latest, unpublished version is published', () => {
    const error = spec()
      .givenCommands([draft, revise])
      .when(publish(1))
      .thenViolates('EP-1', 'NotLatestVersion');
    expect(error.details).toEqual({ version: 1, latest: 2 });
    spec()
      .givenCommands([draft, publish(1)])
      .when(publish(1))
      .thenViolates('EP-1', 'AlreadyPublished');
    spec()
      .givenCommands([draft, publish(1), revise])
      .when(publish(2))
      .thenState((state) =>
        expect(state.planId !== null && state.publications.map((p) => p.version)).toEqual([1, 2]),
      );
  });

  it('EP-1 only a published revision is effective, read at asOf; revised-and-published years', () => {
    const at = (iso: string) => new Date(iso);
    const state = fold([
      ['PlanDrafted', '2023-11-01T00:00:00Z', draftData()],
      ['PlanPublished', '2023-12-01T00:00:00Z', { version: 1 }],
      ['PlanRevised', '2024-02-01T00:00:00Z', { version: 2, summary: 's' }],
      // 31 Dec 2024 17:00Z is 1 January 2025 in China: the revision counts for 2025.
      ['PlanPublished', '2024-12-31T17:00:00Z', { version: 2 }],
      ['PlanRetired', '2025-06-01T00:00:00Z', { reason: 'replaced' }],
    ]);
    expect(effectivePlanVersion(state, at('2023-11-15T00:00:00Z'))).toBeUndefined();
    expect(effectivePlanVersion(state, at('2024-03-01T00:00:00Z'))).toBe(1);
    expect(effectivePlanVersion(state, at('2025-01-02T00:00:00Z'))).toBe(2);
    expect(effectivePlanVersion(state, at('2025-06-02T00:00:00Z'))).toBeUndefined();
    expect(isRevisedAndPublishedIn(state, 2023, 'Asia/Shanghai')).toBe(false);
    expect(isRevisedAndPublishedIn(state, 2024, 'Asia/Shanghai')).toBe(false);
    expect(isRevisedAndPublishedIn(state, 2025, 'Asia/Shanghai')).toBe(true);
    expect(isRevisedAndPublishedIn(state, 2024, 'UTC')).toBe(true);
    const rewritten = fold([
      ['PlanDrafted', '2024-01-01T00:00:00Z', { ...draftData(), replacesPlanId: 'p-0' }],
      ['PlanPublished', '2024-03-01T00:00:00Z', { version: 1 }],
    ]);
    expect(isRevisedAndPublishedIn(rewritten, 2024, 'Asia/Shanghai')).toBe(true);
  });

  it('G-5 the owner drafts; the principal or the authority head publishes and retires', () => {
    spec()
      .givenCommands([draft])
      .when({ ...publish(1), actor: so })
      .thenViolates('G-5', 'Forbidden');
    spec()
      .given([])
      .when({ ...draft, actor: actorFor(directory, 'p-far-so') })
      .thenViolates('G-5', 'Forbidden');
    const orgDraft = {
      ...draft,
      actor: actorFor(directory, 'p-enf-1'),
      ownerEnterpriseId: undefined,
      ownerOrgId: 'org-safety',
    };
    spec()
      .givenCommands([orgDraft])
      .when({ ...publish(1), actor: actorFor(directory, 'p-safety-head') })
      .thenState((state) => expect(state.version).toBe(2));
    spec()
      .givenCommands([orgDraft])
      .when({ ...publish(1), actor: actorFor(directory, 'p-enf-1') })
      .thenViolates('G-5', 'Forbidden');
  });
});

function draftData() {
  return {
    kind: 'comprehensive',
    title: 't',
    ownerOrgId: null,
    ownerEnterpriseId: 'ent-chem',
    replacesPlanId: null,
    version: 1,
  };
}
