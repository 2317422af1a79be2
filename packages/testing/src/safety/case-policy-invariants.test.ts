import { createSupervisionPolicy, type EnforcementCaseEvent } from '@safeledger/core';
import { describe, expect, it } from 'vitest';
import { type CasePolicyView, casePolicyInvariants } from './case-policy-invariants.js';

// Hand-written case histories that break one rule each under a policy: every invariant must name
// the problem, so verifyPolicy cannot pass a decider that breaks it; and the same history kept
// within the rule must pass.
const actor = { personId: 'p-enf-1', role: 'EnforcementOfficer' as const, orgId: 'org-safety' };
const event = (type: string, at: string, data: Record<string, unknown> = {}) =>
  ({
    type,
    data: { caseId: 'c-1', occurredAt: at, actor, ...data },
  }) as unknown as EnforcementCaseEvent;
const filed = (source: { inspectionId: string | null } = { inspectionId: null }) =>
  event('CaseFiled', '2024-03-01T02:00:00Z', {
    respondents: [
      { ref: 'U', kind: 'unit', enterpriseId: 'ent-chem' },
      {
        ref: 'P',
        kind: 'individual',
        personId: 'p-principal',
        enterpriseId: 'ent-chem',
        role: 'principal',
      },
    ],
    source: { supervisionItemId: null, ...source },
  });
const fine = (respondentRef: string, amountCny: number) => ({
  respondentRef,
  kind: 'fine',
  amountCny,
  durationDays: null,
  basisProvision: 'WSL2021-102',
});
const notice = (at: string, ref: string, amountCny: number, hearingRight: boolean) =>
  event('PreDecisionNoticeServed', at, {
    respondentRef: ref,
    proposedPenalties: [fine(ref, amountCny)],
    hearingRight,
  });
const decision = (at: string, ref: string, amountCny: number) =>
  event('PenaltyDecisionIssued', at, {
    penalties: [{ ...fine(ref, amountCny), penaltyRef: 'P1' }],
  });
const invariant = (rule: string, name = '') => {
  const found = casePolicyInvariants.find((c) => c.rule === rule && c.name.includes(name));
  if (found === undefined) throw new Error(`no invariant for ${rule} ${name}`);
  return found;
};
const view = (
  events: EnforcementCaseEvent[],
  overrides: Partial<CasePolicyView> = {},
): CasePolicyView => ({
  policy: createSupervisionPolicy(),
  events,
  lastEvents: events.slice(-1),
  now: new Date('2024-06-01T00:00:00Z'),
  inspectionKinds: { 'insp-service': 'service_guidance', 'insp-enf': 'enforcement' },
  ...overrides,
});
const holds = (rule: string, v: CasePolicyView, name?: string) => {
  expect(invariant(rule, name).applies(v)).toBe(true);
  return expect(invariant(rule, name).check(v));
};

describe('casePolicyInvariants', () => {
  it('EC-2: evidence by fewer distinct officers than minEnforcementOfficers is caught', () => {
    const evidence = (officerIds: string[]) =>
      event('EvidenceRecorded', '2024-03-02T02:00:00Z', { officerIds, ref: 'EV-1' });
    const three = createSupervisionPolicy({ minEnforcementOfficers: 3 });
    holds('EC-2', view([filed(), evidence(['a', 'b', 'b'])], { policy: three })).toMatch(
      /2 officer\(s\); the policy asks for 3/,
    );
    holds('EC-2', view([filed(), evidence(['a', 'b', 'c'])], { policy: three })).toBeUndefined();
  });

  it('EC-6: a notice at hearingFineThreshold of its respondent kind without a hearing right is caught', () => {
    const policy = createSupervisionPolicy({
      hearingFineThreshold: { unit: 20_000, individual: 5_000 },
    });
    holds(
      'EC-6',
      view([filed(), notice('2024-03-02T02:00:00Z', 'U', 20_000, false)], { policy }),
    ).toMatch(/without a hearing right/);
    holds(
      'EC-6',
      view([filed(), notice('2024-03-02T02:00:00Z', 'P', 5_000, false)], { policy }),
    ).toMatch(/\(individual\)/);
    holds(
      'EC-6',
      view([filed(), notice('2024-03-02T02:00:00Z', 'U', 20_000, true)], { policy }),
    ).toBeUndefined();
    // Below the threshold there is nothing to check.
    const below = view([filed(), notice('2024-03-02T02:00:00Z', 'U', 19_999, false)], { policy });
    expect(invariant('EC-6').applies(below)).toBe(false);
  });

  it('EC-5: a decision inside the statement window, without a statement, is caught', () => {
    const policy = createSupervisionPolicy({ statementWindowDays: 5 });
    // Noticed on 2024-03-02 (Shanghai); the window runs to 2024-03-07.
    const noticed = notice('2024-03-02T02:00:00Z', 'U', 30_000, false);
    const early = view([filed(), noticed, decision('2024-03-07T15:00:00Z', 'U', 30_000)], {
      policy,
    });
    holds('EC-5', early, 'statementWindowDays').toMatch(
      /on 2024-03-07, inside the 5-day statementWindowDays window that runs to 2024-03-07/,
    );
    // 16:00 UTC is already 2024-03-08 in Shanghai: the window has ended.
    const late = view([filed(), noticed, decision('2024-03-07T16:00:00Z', 'U', 30_000)], {
      policy,
    });
    holds('EC-5', late, 'statementWindowDays').toBeUndefined();
    const spoke = event('StatementAndDefenceRecorded', '2024-03-03T02:00:00Z', {
      respondentRef: 'U',
    });
    const heard = view([filed(), noticed, spoke, decision('2024-03-04T02:00:00Z', 'U', 30_000)], {
      policy,
    });
    holds('EC-5', heard, 'statementWindowDays').toBeUndefined();
  });

  it('EC-5: a decision inside the hearing-request window, neither heard nor waived, is caught', () => {
    const policy = createSupervisionPolicy({ hearingRequestWindowDays: 10 });
    const noticed = notice('2024-03-02T02:00:00Z', 'U', 60_000, true);
    const spoke = event('StatementAndDefenceRecorded', '2024-03-03T02:00:00Z', {
      respondentRef: 'U',
    });
    const decided = decision('2024-03-10T02:00:00Z', 'U', 60_000);
    holds(
      'EC-5',
      view([filed(), noticed, spoke, decided], { policy }),
      'hearingRequestWindowDays',
    ).toMatch(/10-day hearingRequestWindowDays window that runs to 2024-03-12/);
    const waived = event('HearingWaived', '2024-03-04T02:00:00Z', { respondentRef: 'U' });
    holds(
      'EC-5',
      view([filed(), noticed, spoke, waived, decided], { policy }),
      'hearingRequestWindowDays',
    ).toBeUndefined();
  });

  it('EC-8: a decision at legalReviewFineThreshold without an approving review is caught', () => {
    const policy = createSupervisionPolicy({ legalReviewFineThreshold: 30_000 });
    const noticed = notice('2024-03-02T02:00:00Z', 'U', 30_000, false);
    const decided = decision('2024-03-20T02:00:00Z', 'U', 30_000);
    const review = (opinion: string) =>
      event('LegalReviewCompleted', '2024-03-15T02:00:00Z', { opinion });
    holds('EC-8', view([filed(), noticed, decided], { policy })).toMatch(
      /without a legal review although it fines 30000 CNY/,
    );
    holds('EC-8', view([filed(), noticed, review('revise'), decided], { policy })).toMatch(
      /asked for revision/,
    );
    holds('EC-8', view([filed(), noticed, review('approve'), decided], { policy })).toBeUndefined();
    // Under the default threshold (50 000) the same decision needs no review.
    expect(invariant('EC-8').applies(view([filed(), noticed, decided]))).toBe(false);
  });

  it('EC-9: an extension from a due date other than filing + caseDecisionWithinDays is caught', () => {
    const policy = createSupervisionPolicy({ caseDecisionWithinDays: 30 });
    const extended = (oldDueDate: string, newDueDate: string) =>
      event('CaseDeadlineExtended', '2024-03-20T02:00:00Z', {
        oldDueDate,
        newDueDate,
        reason: 'r',
      });
    // Filed on 2024-03-01 (Shanghai): due 2024-03-31.
    holds('EC-9', view([filed(), extended('2024-05-30', '2024-06-30')], { policy })).toMatch(
      /records the due date 2024-05-30; .* gives 2024-03-31/,
    );
    holds('EC-9', view([filed(), extended('2024-03-31', '2024-03-31')], { policy })).toMatch(
      /moved the due date/,
    );
    const twice = [
      filed(),
      extended('2024-03-31', '2024-04-30'),
      extended('2024-04-30', '2024-05-30'),
    ];
    holds('EC-9', view(twice, { policy })).toBeUndefined();
  });

  it('EC-18: a filing from a service-guidance inspection is caught unless serviceVisitsMayTriggerCases', () => {
    const service = [filed({ inspectionId: 'insp-service' })];
    holds('EC-18', view(service)).toMatch(/service-guidance inspection insp-service/);
    const allowed = createSupervisionPolicy({ serviceVisitsMayTriggerCases: true });
    holds('EC-18', view(service, { policy: allowed })).toBeUndefined();
    holds('EC-18', view([filed({ inspectionId: 'insp-enf' })])).toBeUndefined();
  });
});
