import { createMemoryEventStore } from '@safeledger/store-memory';
import {
  createSampleSafetyDirectory,
  invalidHazardCommandArbitrary,
  sampleNow,
  supervisionPolicyArbitrary,
  validHazardCommandArbitrary,
} from '@safeledger/testing';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { canonicalJson } from '../../eventsourcing/canonical-json.js';
import { createCommandHandler } from '../../eventsourcing/command-handler.js';
import type { StoredEvent } from '../../eventsourcing/envelope.js';
import { isRuleViolation, isValidationError } from '../../eventsourcing/errors.js';
import { createEventRegistry } from '../../eventsourcing/event-registry.js';
import type { SupervisionPolicy } from '../policy/supervision-policy.js';
import { isRegulatorOfficerRole } from '../roles/role.js';
import type { HazardCommand } from './commands.js';
import { createHazardDecider } from './decide.js';
import { type HazardEvent, hazardEvents } from './events.js';
import { type HazardState, isTerminalHazard } from './state.js';

const directory = createSampleSafetyDirectory();
const streamId = 'hazard-h-1';
const hourMs = 3_600_000;

interface Model {
  terminal: HazardState['status'] | undefined;
  eventsAtTerminal: number;
}

interface Real {
  readonly policy: SupervisionPolicy;
  readonly handle: ReturnType<typeof createHandler>['handle'];
  readonly read: () => Promise<StoredEvent<HazardEvent>[]>;
  readonly clock: { now: Date };
  state: HazardState;
  steps: number;
  lastAccepted: { command: HazardCommand; commandId: string; eventIds: string[] } | undefined;
}

function createHandler(policy: SupervisionPolicy, clock: { now: Date }) {
  const store = createMemoryEventStore({
    registry: createEventRegistry({ events: hazardEvents }),
    clock: () => clock.now,
  });
  const decider = createHazardDecider({ directory, policy });
  const handle = createCommandHandler({ store, decider, clock: () => clock.now });
  const read = async () => {
    const events: StoredEvent<HazardEvent>[] = [];
    for await (const event of store.readStream<HazardEvent>(streamId)) events.push(event);
    return events;
  };
  return { handle, read, decider };
}

function validAt(nowMs: number, state: HazardState, policy: SupervisionPolicy) {
  return validHazardCommandArbitrary({ directory, state, now: new Date(nowMs), policy });
}

function invalidAt(nowMs: number, state: HazardState, policy: SupervisionPolicy) {
  return invalidHazardCommandArbitrary({ directory, state, now: new Date(nowMs), policy });
}

/** One step: a valid or an invalid command for the current state, by whichever actor it names. */
class Step implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly gen: fc.GeneratorValue,
    readonly validity: 'valid' | 'invalid',
  ) {}
  check = () => true;
  async run(model: Model, real: Real): Promise<void> {
    real.clock.now = new Date(real.clock.now.getTime() + hourMs);
    real.steps += 1;
    const valid = this.validity === 'valid' && !isTerminalHazard(real.state);
    // fc.gen caches arbitraries by deep-equal arguments and sees all Dates as equal: pass numbers.
    const args = [real.clock.now.getTime(), real.state, real.policy] as const;
    const command = valid ? this.gen(validAt, ...args) : this.gen(invalidAt, ...args);
    const commandId = `cmd-${real.steps}`;
    try {
      const result = await real.handle(streamId, command as HazardCommand, { commandId });
      expect(valid, `an invalid command was accepted: ${canonicalJson(command)}`).toBe(true);
      real.state = result.state;
      real.lastAccepted = {
        command: command as HazardCommand,
        commandId,
        eventIds: result.events.map((e) => e.eventId),
      };
    } catch (error) {
      expect(valid, `a valid command was rejected: ${String(error)}`).toBe(false);
      expect(isRuleViolation(error) || isValidationError(error), String(error)).toBe(true);
    }
    await checkInvariants(model, real);
  }
  toString = () => `${this.validity} step`;
}

/** G-3: retrying the last accepted command with its id appends nothing and returns the same events. */
class Retry implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(model: Model, real: Real): Promise<void> {
    const last = real.lastAccepted;
    if (last === undefined) return;
    const before = (await real.read()).length;
    const result = await real.handle(streamId, last.command, { commandId: last.commandId });
    expect(result.duplicate).toBe(true);
    expect(result.events.map((event) => event.eventId)).toEqual(last.eventIds);
    expect((await real.read()).length).toBe(before);
    await checkInvariants(model, real);
  }
  toString = () => 'retry';
}

async function checkInvariants(model: Model, real: Real): Promise<void> {
  const stored = await real.read();
  // Versions are contiguous from 1.
  expect(stored.map((event) => event.version)).toEqual(stored.map((_, index) => index + 1));
  // Folding the stored events gives the state the handler returned.
  const decider = createHazardDecider({ directory, policy: real.policy });
  const folded = stored.reduce<HazardState>(
    (state, event) => decider.evolve(state, event),
    decider.initialState(),
  );
  expect(canonicalJson(folded)).toBe(canonicalJson(real.state));
  // Terminal states stay terminal, and nothing is appended after them.
  if (model.terminal !== undefined) {
    expect(real.state.status).toBe(model.terminal);
    expect(stored.length).toBe(model.eventsAtTerminal);
  } else if (isTerminalHazard(real.state)) {
    model.terminal = real.state.status;
    model.eventsAtTerminal = stored.length;
  }
  if (real.state.status === 'closed') checkClosure(stored, real.policy);
}

/** Recomputes, from the events alone, what a closure requires (H-18, H-20). */
function checkClosure(
  stored: readonly StoredEvent<HazardEvent>[],
  policy: SupervisionPolicy,
): void {
  let grade: 'general' | 'major' = 'general';
  let supervisingOrgId = '';
  const activeLevels = new Set<string>();
  let suspended = false;
  let lastCompletion = 0;
  let lastVerification:
    | { version: number; data: Extract<HazardEvent, { type: 'RectificationVerified' }>['data'] }
    | undefined;
  let supervisorAtVerification = '';
  for (const event of stored) {
    switch (event.type) {
      case 'HazardRegistered':
        grade = event.data.grade;
        supervisingOrgId = event.data.supervisingOrgId;
        break;
      case 'HazardRegraded':
        grade = event.data.to;
        break;
      case 'HazardListedForSupervision':
        activeLevels.add(event.data.level);
        supervisingOrgId = event.data.supervisingOrgId;
        break;
      case 'HazardDelisted':
        activeLevels.delete(event.data.level);
        break;
      case 'HazardReferred':
        supervisingOrgId = event.data.toOrgId;
        break;
      case 'OperationsSuspended':
        suspended = true;
        break;
      case 'OperationsResumed':
        suspended = false;
        break;
      case 'RectificationCompleted':
        lastCompletion = event.version;
        break;
      case 'RectificationVerified':
        lastVerification = { version: event.version, data: event.data };
        supervisorAtVerification = supervisingOrgId;
        break;
      case 'HazardClosed':
        expect(activeLevels.size, 'closed with an active listing').toBe(0);
        expect(suspended, 'closed while suspended').toBe(false);
        expect(lastVerification?.data.outcome).toBe('passed');
        expect(lastVerification!.version).toBeGreaterThan(lastCompletion);
        expect(event.data.basisVerificationVersion).toBe(lastVerification!.version);
        if (grade === 'major') {
          const officers = lastVerification!.data.verifierIds.filter((id) => {
            const person = directory.person(id);
            return (
              person?.orgId === supervisorAtVerification &&
              person.roles.some(isRegulatorOfficerRole)
            );
          });
          expect(
            officers.length,
            'major closed without enough regulator verifiers',
          ).toBeGreaterThanOrEqual(policy.minVerifiersMajor);
          expect(officers.length).toBe(lastVerification!.data.verifierIds.length);
        }
        break;
      default:
        break;
    }
  }
}

const steps = fc.commands(
  [
    fc
      .tuple(fc.gen(), fc.constantFrom<'valid' | 'invalid'>('valid', 'valid', 'valid', 'invalid'))
      .map(([gen, validity]) => new Step(gen, validity)),
    fc.constant(new Retry()),
  ],
  { maxCommands: 60, size: 'max' },
);

// The timeout leaves room for deep runs (FC_NUM_RUNS=1000); the default run takes seconds.
it('model: random valid and invalid commands by random actors keep every hazard invariant', {
  timeout: 300_000,
}, async () => {
  await fc.assert(
    fc.asyncProperty(supervisionPolicyArbitrary(), steps, async (policy, commands) => {
      const clock = { now: sampleNow };
      const { handle, read } = createHandler(policy, clock);
      const real: Real = {
        policy,
        handle,
        read,
        clock,
        state: { status: 'unregistered', version: 0 },
        steps: 0,
        lastAccepted: undefined,
      };
      await fc.asyncModelRun(
        () => ({ model: { terminal: undefined, eventsAtTerminal: 0 }, real }),
        commands,
      );
    }),
  );
});
