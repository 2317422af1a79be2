import { createMemoryEventStore } from '@safeledger/store-memory';
import { sampleCaseCommands, sampleHazardCommands, sampleNow } from '@safeledger/testing';
import { describe, expect, it } from 'vitest';
import { createCommandHandler } from '../../eventsourcing/command-handler.js';
import type { StoredEvent } from '../../eventsourcing/envelope.js';
import { createEventRegistry } from '../../eventsourcing/event-registry.js';
import { createProcessManagerRunner } from '../../eventsourcing/process-manager-runner.js';
import { uniqueKeyEvents } from '../../eventsourcing/unique-keys.js';
import { createHazardDecider } from '../hazard/decide.js';
import { hazardEvents } from '../hazard/events.js';
import { hazardStreamId } from '../hazard/hazard-stream.js';
import { caseStreamId } from './case-stream.js';
import type { EnforcementCaseCommand } from './commands.js';
import { createEnforcementCaseDecider } from './decide.js';
import { type EnforcementCaseEvent, enforcementCaseEvents } from './events.js';
import { createHazardFactsFromStore } from './hazard-facts-from-store.js';
import { createSuspensionOnDecisionPolicy, suspensionOnDecisionName } from './suspension-policy.js';

const cases = sampleCaseCommands();
const hazards = sampleHazardCommands();
const dayMs = 86_400_000;

async function setUp(penaltyKind: 'suspension_of_operations' | 'fine') {
  const clock = { now: sampleNow };
  const store = createMemoryEventStore({
    registry: createEventRegistry({
      events: [...hazardEvents, ...enforcementCaseEvents, ...uniqueKeyEvents],
    }),
    clock: () => clock.now,
  });
  const facts = createHazardFactsFromStore({ store, directory: cases.directory });
  const handleHazard = createCommandHandler({
    store,
    decider: createHazardDecider({ directory: cases.directory }),
    clock: () => clock.now,
  });
  const handleCase = createCommandHandler({
    store,
    decider: createEnforcementCaseDecider({
      directory: cases.directory,
      hazards: facts,
      inspections: { inspection: async () => undefined },
    }),
    clock: () => clock.now,
  });
  for (const hazardId of ['h-1', 'h-2', 'h-3']) {
    await handleHazard(hazardStreamId(hazardId), hazards.registerGeneral({ hazardId }));
  }
  // h-3 is already suspended by the Principal: the policy leaves it alone.
  await handleHazard(hazardStreamId('h-3'), {
    type: 'SuspendOperations',
    actor: hazards.actors.principal,
    scope: 'whole',
  });
  const penalty =
    penaltyKind === 'fine'
      ? { kind: 'fine' as const, amountCny: 50_000, basisProvision: 'WSL2021-102' }
      : {
          kind: 'suspension_of_operations' as const,
          durationDays: 30,
          basisProvision: 'WSL2021-102-refusal',
        };
  const steps: EnforcementCaseCommand[] = [
    cases.file(),
    ...['h-1', 'h-2', 'h-3'].map(
      (hazardId): EnforcementCaseCommand => ({
        type: 'LinkHazardToCase',
        actor: cases.actors.officers[0],
        hazardId,
      }),
    ),
    cases.notice('U', [penalty], { hearingRight: true }),
    { type: 'WaiveHearing', actor: cases.actors.officers[0], respondentRef: 'U' },
    cases.review(),
  ];
  for (const step of steps) await handleCase(caseStreamId('c-1'), step);
  clock.now = new Date(sampleNow.getTime() + 6 * dayMs);
  await handleCase(caseStreamId('c-1'), cases.decide([{ respondentRef: 'U', ...penalty }]));
  const policy = createSuspensionOnDecisionPolicy({ hazards: facts });
  const runner = () =>
    createProcessManagerRunner({
      store,
      managers: [policy],
      handlers: { hazard: handleHazard },
      pollIntervalMs: 10,
    });
  const suspensions = async (hazardId: string) => {
    let count = 0;
    for await (const event of store.readStream(hazardStreamId(hazardId))) {
      if (event.type === 'OperationsSuspended') count += 1;
    }
    return count;
  };
  return { store, policy, runner, suspensions, handleHazard, clock };
}

describe('PO-6 suspension of linked hazards', () => {
  it('EC-16 a decision with suspension suspends each linked open hazard once, even when run twice or replayed', async () => {
    const { store, policy, runner, suspensions, handleHazard, clock } = await setUp(
      'suspension_of_operations',
    );
    const first = runner();
    await first.catchUp();
    await first.stop();
    expect([await suspensions('h-1'), await suspensions('h-2'), await suspensions('h-3')]).toEqual([
      1, 1, 1,
    ]);
    // A second runner starts from the stored checkpoint and issues nothing new.
    const second = runner();
    await second.catchUp();
    await second.stop();
    // A replay from the start re-issues the same commands with the same ids: nothing is appended.
    let decision: StoredEvent<EnforcementCaseEvent> | undefined;
    for await (const event of store.readStream<EnforcementCaseEvent>(caseStreamId('c-1'))) {
      if (event.type === 'PenaltyDecisionIssued') decision = event;
    }
    const replayed = await policy.react(decision as never, { now: clock.now });
    expect(replayed.map((command) => command.streamId)).toEqual([]);
    const forced = await createSuspensionOnDecisionPolicy({
      // A lagging view that still shows the hazards unsuspended.
      hazards: {
        hazard: async (hazardId) => ({
          hazardId,
          enterpriseId: 'ent-chem',
          grade: 'general',
          status: 'open',
          suspended: false,
        }),
      },
    }).react(decision as never, { now: clock.now });
    expect(forced.map((command) => command.streamId)).toEqual([
      'hazard-h-1',
      'hazard-h-2',
      'hazard-h-3',
    ]);
    for (const command of forced.slice(0, 2)) {
      const result = await handleHazard(command.streamId, command.command as never, {
        commandId: command.commandId,
      });
      expect(result.duplicate).toBe(true);
    }
    expect([await suspensions('h-1'), await suspensions('h-2')]).toEqual([1, 1]);
    expect(await first.rejections(suspensionOnDecisionName)).toEqual([]);
  });

  it('EC-16 a decision without suspension suspends nothing', async () => {
    const { runner, suspensions } = await setUp('fine');
    const run = runner();
    await run.catchUp();
    await run.stop();
    expect([await suspensions('h-1'), await suspensions('h-2')]).toEqual([0, 0]);
  });
});
