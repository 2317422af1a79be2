import { createSampleRegistryDirectory, sampleRegistrar, usccArbitrary } from '@safeledger/testing';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { isRuleViolation } from '../../eventsourcing/errors.js';
import type { EnterpriseCommand } from './commands.js';
import { createEnterpriseDecider } from './decide.js';
import { type EnterpriseState, evolveEnterprise, initialEnterpriseState } from './state.js';

const decider = createEnterpriseDecider({ directory: createSampleRegistryDirectory() });
const people = ['p-a', 'p-b', 'p-c'] as const;
const start = Date.parse('2024-01-01T00:00:00.000Z');
const dayMs = 86_400_000;

// The model restates §4.8 in its own terms: who is principal, what is closed, which periods are in.
interface Model {
  registered: boolean;
  closed: boolean;
  principal: string;
  submitted: Set<string>;
  award: 'none' | 'current' | 'revoked';
}

type Step =
  | { kind: 'register'; uscc: string; corrupt: boolean }
  | { kind: 'change'; by: string; to: string }
  | { kind: 'submit'; by: string; quarter: number }
  | { kind: 'award' }
  | { kind: 'revoke' }
  | { kind: 'team'; by: string }
  | { kind: 'close' };

const person = fc.constantFrom(...people);
const stepArbitrary: fc.Arbitrary<{ step: Step; days: number }> = fc.record({
  days: fc.integer({ min: 0, max: 60 }),
  step: fc.oneof(
    fc.record({
      kind: fc.constant('register' as const),
      uscc: usccArbitrary(),
      corrupt: fc.boolean(),
    }),
    fc.record({ kind: fc.constant('change' as const), by: person, to: person }),
    fc.record({
      kind: fc.constant('submit' as const),
      by: person,
      quarter: fc.integer({ min: 1, max: 4 }),
    }),
    fc.constant({ kind: 'award' as const }),
    fc.constant({ kind: 'revoke' as const }),
    fc.record({ kind: fc.constant('team' as const), by: person }),
    fc.constant({ kind: 'close' as const }),
  ),
});

const principal = (personId: string) => ({
  personId,
  role: 'Principal' as const,
  enterpriseId: 'e-1',
});
const cityOfficer = { personId: 'p-city', role: 'EnforcementOfficer' as const, orgId: 'org-city' };

function toCommand(step: Step, occurredAt: string): EnterpriseCommand {
  switch (step.kind) {
    case 'register': {
      const last = step.uscc[17] === '0' ? '1' : '0';
      return {
        type: 'RegisterEnterprise',
        actor: sampleRegistrar,
        enterpriseId: 'e-1',
        uscc: step.corrupt ? step.uscc.slice(0, 17) + last : step.uscc,
        name: 'Works',
        areaId: 'area-park',
        sectorCode: 'C26',
        industryRegulatorOrgId: 'org-industry',
        principal: { personId: 'p-a', name: 'A' },
        occurredAt,
      };
    }
    case 'change':
      return {
        type: 'ChangePrincipal',
        actor: principal(step.by),
        principal: { personId: step.to, name: step.to },
        occurredAt,
      };
    case 'submit':
      return {
        type: 'SubmitHazardStatistics',
        actor: principal(step.by),
        period: `Q${step.quarter}-2024`,
        counts: { found: 1, rectified: 1, major: 0, majorRectified: 0 },
        occurredAt,
      };
    case 'award':
      return {
        type: 'AwardStandardizationGrade',
        actor: cityOfficer,
        grade: 3,
        authorityOrgId: 'org-city',
        awardedOn: '2024-01-01',
        publicNoticeRef: 'n',
        occurredAt,
      };
    case 'revoke':
      return { type: 'RevokeStandardizationGrade', actor: cityOfficer, reason: 'r', occurredAt };
    case 'team':
      return {
        type: 'EstablishEmergencyTeam',
        actor: principal(step.by),
        memberCount: 3,
        occurredAt,
      };
    case 'close':
      return { type: 'CloseEnterprise', actor: sampleRegistrar, reason: 'gone', occurredAt };
  }
}

/** The rule (and violation) the model expects to reject the step, or undefined when it accepts. */
function expected(model: Model, step: Step, at: number): string | undefined {
  if (step.kind === 'register') {
    if (model.registered) return 'E-1 AlreadyRegistered';
    return step.corrupt ? 'E-1 InvalidUscc' : undefined;
  }
  if (!model.registered) return 'E-6 EnterpriseNotRegistered';
  if (model.closed) return 'E-6 EnterpriseClosed';
  switch (step.kind) {
    case 'change':
      if (step.by !== model.principal) return 'G-5 Forbidden';
      return step.to === model.principal ? 'E-2 SamePrincipal' : undefined;
    case 'submit': {
      if (step.by !== model.principal) return 'E-5 NotCurrentPrincipal';
      // A quarter ends on its last day, local time (UTC+8): it may be filed from the next day.
      const nextQuarter = Date.parse(
        `2024-${String(3 * step.quarter + 1).padStart(2, '0')}-01T00:00:00+08:00`,
      );
      if (step.quarter === 4 ? at < Date.parse('2025-01-01T00:00:00+08:00') : at < nextQuarter) {
        return 'E-5 PeriodNotEnded';
      }
      return model.submitted.has(`Q${step.quarter}`) ? 'E-5 AlreadySubmitted' : undefined;
    }
    case 'award':
      return undefined;
    case 'revoke':
      return model.award === 'current' ? undefined : 'E-3 NoCurrentGrade';
    case 'team':
      return step.by === model.principal ? undefined : 'G-5 Forbidden';
    case 'close':
      return undefined;
  }
}

function advance(model: Model, step: Step): void {
  if (step.kind === 'register') model.registered = true;
  if (step.kind === 'change') model.principal = step.to;
  if (step.kind === 'submit') model.submitted.add(`Q${step.quarter}`);
  if (step.kind === 'award') model.award = 'current';
  if (step.kind === 'revoke') model.award = 'revoked';
  if (step.kind === 'close') model.closed = true;
}

it('E-1..E-6 the enterprise lifecycle follows an independent model as time passes', () => {
  fc.assert(
    fc.property(fc.array(stepArbitrary, { minLength: 1, maxLength: 25 }), (steps) => {
      const model: Model = {
        registered: false,
        closed: false,
        principal: 'p-a',
        submitted: new Set(),
        award: 'none',
      };
      let state: EnterpriseState = initialEnterpriseState();
      let at = start;
      for (const { step, days } of steps) {
        at += days * dayMs;
        const now = new Date(at);
        const command = toCommand(step, now.toISOString());
        const expectation = expected(model, step, at);
        let outcome: string | undefined;
        try {
          const events = decider.decide(command, state, {
            now,
            streamId: 'ent-e-1',
            version: state.version,
          });
          state = (Array.isArray(events) ? events : [events]).reduce(evolveEnterprise, state);
        } catch (error) {
          if (!isRuleViolation(error)) throw error;
          outcome = `${error.rule} ${error.violation}`;
        }
        expect(outcome, `${step.kind} at ${now.toISOString()}`).toBe(expectation);
        if (expectation === undefined) advance(model, step);
      }
    }),
    { numRuns: 200 },
  );
});
