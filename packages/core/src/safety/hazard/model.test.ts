import { sampleHazardCommands } from '@safeledger/testing';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { isRuleViolation, isValidationError } from '../../eventsourcing/errors.js';
import { createSupervisionPolicy } from '../policy/supervision-policy.js';
import type { HazardCommand } from './commands.js';
import { createHazardDecider } from './decide.js';
import type { HazardEvent } from './events.js';
import { evolveHazard, type HazardState, initialHazardState } from './state.js';
import { isMajorReportLate, isOverdue, isVerificationSlaBreached } from './time-facts.js';

// An independent model of the hazard lifecycle, written from domain spec §4.1 (the state table,
// the closure prerequisites of H-20, H-15…H-17, H-24…H-26) and §5 (P-5 overdue, H-11 late report,
// H-22 SLA). It never asks the decider whether a command is valid: it predicts acceptance and the
// resulting state itself, and the test compares the prediction with the decider. Actors are
// always authorised (G-5 is covered by the rule tests), so every disagreement is a lifecycle,
// prerequisite or time-rule disagreement. Time moves by hours and days between commands, so
// deadlines pass, extensions come late, reports are late and SLAs are breached.

const kit = sampleHazardCommands();
const { actors } = kit;
const policy = createSupervisionPolicy();
const decider = createHazardDecider({ directory: kit.directory, policy });
const hour = 3_600_000;
const day = 24 * hour;
const start = Date.parse('2024-03-01T02:00:00Z');

type Status = 'open' | 'awaiting_verification' | 'verified' | 'closed' | 'voided';

interface Model {
  status: Status | 'unregistered';
  major: boolean;
  majorSince: number;
  safetyNotAssured: boolean;
  deadline: string; // local date, Asia/Shanghai (UTC+8, no daylight saving)
  reportedAt: number | null;
  disclosed: boolean;
  planned: boolean;
  suspensionActive: boolean;
  everSuspended: boolean;
  evacuated: boolean;
  listed: boolean;
  everListed: boolean;
  completions: number;
  completedAt: number | null;
  // The latest verification and assessment after the latest completion (reset by a completion).
  verificationSinceCompletion: 'passed' | 'failed' | null;
  assessedSinceCompletion: boolean;
  requestedAt: number | null;
  answeredAt: number | null;
}

const fresh = (): Model => ({
  status: 'unregistered',
  major: false,
  majorSince: 0,
  safetyNotAssured: false,
  deadline: '',
  reportedAt: null,
  disclosed: false,
  planned: false,
  suspensionActive: false,
  everSuspended: false,
  evacuated: false,
  listed: false,
  everListed: false,
  completions: 0,
  completedAt: null,
  verificationSinceCompletion: null,
  assessedSinceCompletion: false,
  requestedAt: null,
  answeredAt: null,
});

// Calendar arithmetic of the model, independent of the library's calendar module.
const localDate = (ms: number) => new Date(ms + 8 * hour).toISOString().slice(0, 10);
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * day).toISOString().slice(0, 10);
const endOfDay = (date: string) => Date.parse(`${date}T23:59:59.999+08:00`);

const live = (m: Model) =>
  m.status === 'open' || m.status === 'awaiting_verification' || m.status === 'verified';
const pending = (m: Model) => m.status === 'open' || m.status === 'awaiting_verification';

/** H-20 (with H-17 for suspended majors): what closure needs besides being verified. */
function closable(m: Model): boolean {
  if (m.verificationSinceCompletion !== 'passed' || m.suspensionActive || m.listed) return false;
  if (!m.major) return true;
  return (
    m.reportedAt !== null &&
    m.disclosed &&
    m.planned &&
    (!m.everSuspended || m.assessedSinceCompletion)
  );
}

type Kind =
  | 'report'
  | 'disclose'
  | 'plan'
  | 'suspend'
  | 'evacuate'
  | 'complete'
  | 'assess'
  | 'request'
  | 'verifyPassed'
  | 'verifyFailed'
  | 'resume'
  | 'list'
  | 'delist'
  | 'extend'
  | 'downgrade'
  | 'upgrade'
  | 'close'
  | 'void';

const kinds: readonly Kind[] = [
  'report',
  'disclose',
  'plan',
  'suspend',
  'evacuate',
  'complete',
  'complete',
  'assess',
  'request',
  'verifyPassed',
  'verifyPassed',
  'verifyFailed',
  'resume',
  'list',
  'delist',
  'extend',
  'downgrade',
  'upgrade',
  'close',
  'void',
];

const basis = { standardId: 'AJ-2017-121', clause: '8' };

/** The command for a step, by an actor the spec authorises for it on this hazard. */
function commandFor(kind: Kind, m: Model, days: number): HazardCommand {
  const verifiers = m.major
    ? { actor: actors.officers[0], verifierIds: ['p-enf-1', 'p-enf-2'], kind: 'regulator_review' }
    : { actor: actors.safetyOfficer, verifierIds: ['p-so-1'], kind: 'internal_check' };
  switch (kind) {
    case 'report':
      return kit.report();
    case 'disclose':
      return {
        type: 'DiscloseMajorHazardToWorkforce',
        actor: actors.safetyOfficer,
        forum: 'notice_board',
      };
    case 'plan':
      return kit.plan({ deadline: m.deadline });
    case 'suspend':
      return {
        type: 'SuspendOperations',
        actor: actors.officers[0],
        scope: 'whole',
        approvedBy: 'p-safety-head',
      };
    case 'evacuate':
      return {
        type: 'RecordInterimControls',
        actor: actors.safetyOfficer,
        measures: ['evacuated'],
      };
    case 'complete':
      return kit.complete();
    case 'assess':
      return {
        type: 'RecordRectificationAssessment',
        actor: actors.principal,
        assessorKind: 'internal_experts',
        reportRef: 'AR-1',
        conclusion: 'meets',
      };
    case 'request':
      return { type: 'RequestVerification', actor: actors.safetyOfficer, purpose: 'closure' };
    case 'verifyPassed':
    case 'verifyFailed':
      return {
        type: 'VerifyRectification',
        actor: verifiers.actor,
        outcome: kind === 'verifyPassed' ? 'passed' : 'failed',
        kind: verifiers.kind as 'regulator_review' | 'internal_check',
        verifierIds: verifiers.verifierIds,
      };
    case 'resume':
      return { type: 'ApproveResumption', actor: actors.head, decisionRef: 'R-1' };
    case 'list':
      return {
        type: 'ListForSupervision',
        actor: actors.districtOffice,
        level: 'district',
        authorityOrgId: 'org-committee-district',
        listingRef: 'D-1',
      };
    case 'delist':
      return { type: 'DelistHazard', actor: actors.districtOffice, level: 'district', ref: 'DD-1' };
    case 'extend':
      return {
        type: 'ExtendRectificationDeadline',
        actor: actors.principal,
        newDeadline: addDays(m.deadline, 1 + days),
        reason: 'parts delayed',
      };
    case 'downgrade':
      return { type: 'RegradeHazard', actor: actors.head, to: 'general', reason: 'reassessed' };
    case 'upgrade':
      return {
        type: 'RegradeHazard',
        actor: actors.principal,
        to: 'major',
        basis,
        reason: 'worse',
      };
    case 'close':
      return { type: 'CloseHazard', actor: verifiers.actor };
    case 'void':
      return {
        type: 'VoidHazard',
        actor: m.major ? actors.head : actors.principal,
        reason: 'duplicate',
      };
  }
}

/** The model's prediction: whether the command is accepted, and the model after it. */
function predict(kind: Kind, m: Model, now: number, days: number): Model | undefined {
  const next: Model = { ...m };
  const passedSinceCompletion = m.verificationSinceCompletion === 'passed';
  switch (kind) {
    case 'report':
      if (!live(m) || !m.major) return undefined;
      if (m.reportedAt === null || m.reportedAt < m.majorSince) next.reportedAt = now;
      break;
    case 'disclose':
      if (!live(m) || !m.major) return undefined;
      next.disclosed = true;
      break;
    case 'plan':
      if (!live(m)) return undefined;
      next.planned = true;
      break;
    case 'suspend':
      if (!pending(m)) return undefined;
      next.suspensionActive = true;
      next.everSuspended = true;
      break;
    case 'evacuate':
      if (!pending(m)) return undefined;
      next.evacuated = true;
      break;
    case 'complete':
      if (m.status !== 'open') return undefined;
      if (m.major && !m.planned) return undefined; // H-15
      if (m.safetyNotAssured && !m.everSuspended && !m.evacuated) return undefined; // H-16
      next.status = 'awaiting_verification';
      next.completions += 1;
      next.completedAt = now;
      next.verificationSinceCompletion = null;
      next.assessedSinceCompletion = false;
      break;
    case 'assess':
      if (m.status !== 'awaiting_verification' || !m.major) return undefined;
      next.assessedSinceCompletion = true;
      break;
    case 'request':
      if (m.status !== 'awaiting_verification') return undefined;
      next.requestedAt = now;
      next.answeredAt = null;
      break;
    case 'verifyPassed':
    case 'verifyFailed':
      if (m.status !== 'awaiting_verification') return undefined;
      // The SLA judges the latest verification after the request.
      if (m.requestedAt !== null) next.answeredAt = now;
      if (kind === 'verifyFailed') {
        next.status = 'open';
        next.verificationSinceCompletion = 'failed';
      } else {
        next.status = 'verified';
        next.verificationSinceCompletion = 'passed';
      }
      break;
    case 'resume':
      if (!live(m) || !m.suspensionActive || !passedSinceCompletion) return undefined;
      if (m.major && !m.assessedSinceCompletion) return undefined; // H-17
      next.suspensionActive = false;
      break;
    case 'list':
      if (!pending(m) || !m.major || m.listed) return undefined;
      next.listed = true;
      next.everListed = true;
      break;
    case 'delist':
      if (!live(m) || !m.listed || !passedSinceCompletion) return undefined;
      next.listed = false;
      break;
    case 'extend':
      // H-8: by the owner (the Principal here), later, before the end of the current deadline.
      if (!live(m) || now > endOfDay(m.deadline)) return undefined;
      next.deadline = addDays(m.deadline, 1 + days);
      break;
    case 'downgrade':
      if (!live(m) || !m.major || m.listed) return undefined;
      next.major = false;
      break;
    case 'upgrade':
      if (!pending(m) || m.major) return undefined;
      next.major = true;
      next.majorSince = now;
      break;
    case 'close':
      if (m.status !== 'verified' || !closable(m)) return undefined;
      next.status = 'closed';
      return next;
    case 'void':
      if (!live(m) || m.completions > 0 || m.everListed) return undefined;
      next.status = 'voided';
      return next;
  }
  // H-20: whichever event meets the last prerequisite of a verified hazard closes it.
  if (next.status === 'verified' && closable(next)) next.status = 'closed';
  return next;
}

/** H-29 / P-5 from the model: not done by `asOf` and past the end of the deadline's local day. */
function modelOverdue(m: Model, asOf: number): boolean {
  if (m.status === 'voided' || m.status === 'unregistered') return false;
  const done = m.status !== 'open' && m.completedAt !== null && m.completedAt <= asOf;
  return !done && asOf > endOfDay(m.deadline);
}

/** H-11 from the model: the report of the current major period, due 24 hours after it began. */
function modelReportLate(m: Model, asOf: number): boolean {
  if (!m.major || m.status === 'voided') return false;
  const due = m.majorSince + policy.majorHazardReportWithinHours * hour;
  if (m.reportedAt !== null && m.reportedAt >= m.majorSince) return m.reportedAt > due;
  return asOf > due;
}

/** H-22 from the model: answered after, or still pending past, the request date plus 10 days. */
function modelSlaBreached(m: Model, asOf: number): boolean {
  if (m.requestedAt === null || m.status === 'voided') return false;
  // Only the regulator side has an SLA; the enterprise verifies its own general hazards.
  if (!m.major) return false;
  const end = endOfDay(addDays(localDate(m.requestedAt), policy.regulatorVerificationWithinDays));
  if (m.answeredAt !== null) return m.answeredAt > end;
  if (m.status === 'closed') return false;
  return asOf > end;
}

const stepArbitrary = fc.record({
  kind: fc.constantFrom(...kinds),
  hours: fc.integer({ min: 0, max: 30 }),
  days: fc.integer({ min: 0, max: 12 }),
});

const registrationArbitrary = fc.record({
  major: fc.boolean(),
  safetyNotAssured: fc.boolean(),
  onSpot: fc.boolean(),
  deadlineDays: fc.integer({ min: 0, max: 30 }),
});

it('model: random command sequences over weeks agree with an independent model of §4.1', () => {
  fc.assert(
    fc.property(registrationArbitrary, fc.array(stepArbitrary, { maxLength: 40 }), (reg, steps) => {
      let now = start;
      let state: HazardState = initialHazardState();
      let version = 0;
      const decide = (command: HazardCommand): HazardEvent[] => {
        const events = ([] as HazardEvent[]).concat(
          decider.decide(command, state, {
            now: new Date(now),
            streamId: 'hazard-h-1',
            version,
            facts: undefined,
          }),
        );
        state = events.reduce(evolveHazard, state);
        version += events.length;
        return events;
      };
      // Registration: a self-found hazard of the chemical works, enterprise-owned deadline.
      const onSpot = reg.onSpot && !reg.major;
      const rejectedOnSpot = onSpot && reg.safetyNotAssured; // H-16
      const registration = reg.major
        ? kit.registerMajor({
            deadline: addDays(localDate(now), reg.deadlineDays),
            safetyNotAssured: reg.safetyNotAssured,
          })
        : kit.registerGeneral({
            // The second safety officer reports every fix, so the first one may verify (H-19).
            actor: actors.safetyOfficer2,
            safetyNotAssured: reg.safetyNotAssured,
            ...(onSpot
              ? { deadline: undefined, rectifiedOnSpot: { actionsTaken: 'moved' } }
              : { deadline: addDays(localDate(now), reg.deadlineDays) }),
          });
      if (rejectedOnSpot) {
        expect(() => decide(registration)).toThrow(/H-16/);
        return;
      }
      decide(registration);
      let model: Model = {
        ...fresh(),
        status: onSpot ? 'awaiting_verification' : 'open',
        major: reg.major,
        majorSince: now,
        safetyNotAssured: reg.safetyNotAssured,
        deadline: onSpot ? localDate(now) : addDays(localDate(now), reg.deadlineDays),
        completions: onSpot ? 1 : 0,
        completedAt: onSpot ? now : null,
      };
      for (const step of steps) {
        now += step.hours * hour + (step.kind === 'extend' ? 0 : step.days * day);
        const command = commandFor(step.kind, model, step.days);
        const expected =
          model.status === 'closed' || model.status === 'voided'
            ? undefined
            : predict(step.kind, model, now, step.days);
        let accepted = true;
        try {
          decide(command);
        } catch (error) {
          if (!isRuleViolation(error) && !isValidationError(error)) throw error;
          accepted = false;
          if (expected !== undefined) {
            throw new Error(
              `model accepts ${step.kind} in ${model.status}, decider: ${error.message}`,
            );
          }
        }
        if (accepted && expected === undefined) {
          throw new Error(`model rejects ${step.kind} in ${model.status}, decider accepted it`);
        }
        if (expected !== undefined) model = expected;
        expect(state.status).toBe(model.status);
        if (state.status === 'unregistered') continue;
        expect(state.grade).toBe(model.major ? 'major' : 'general');
        expect(state.deadline).toBe(model.deadline);
        // Derived facts at this instant and a week later (G-6: nothing stored).
        for (const asOf of [now, now + 7 * day]) {
          const at = new Date(asOf);
          expect(isOverdue(state, at, policy), `overdue ${at.toISOString()}`).toBe(
            modelOverdue(model, asOf),
          );
          expect(isMajorReportLate(state, at, policy), 'report late').toBe(
            modelReportLate(model, asOf),
          );
          expect(isVerificationSlaBreached(state, at, policy), 'SLA').toBe(
            modelSlaBreached(model, asOf),
          );
        }
      }
    }),
    { numRuns: 300 },
  );
});
