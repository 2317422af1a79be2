import { createMemoryEventStore } from '@safeledger/store-memory';
import { sampleInspectionCommands, staticSubjectStatus } from '@safeledger/testing';
import { describe, expect, it } from 'vitest';
import { createCommandHandler } from '../../eventsourcing/command-handler.js';
import { createEventRegistry } from '../../eventsourcing/event-registry.js';
import type { EventStore } from '../../eventsourcing/event-store.js';
import { createProcessManagerRunner } from '../../eventsourcing/process-manager-runner.js';
import { createHazardDecider } from '../hazard/decide.js';
import { hazardEvents } from '../hazard/events.js';
import { hazardStreamId } from '../hazard/hazard-stream.js';
import { createStreamHead } from '../ports/stream-heads.js';
import { createInspectionDecider } from './decide.js';
import { inspectionEvents } from './events.js';
import { inspectionStreamId } from './inspection-stream.js';
import { findingHazardId, inspectionPolicies } from './policies.js';

const kit = sampleInspectionCommands();
const now = new Date('2024-03-01T02:00:00.000Z');

function setup() {
  const store = createMemoryEventStore({
    registry: createEventRegistry({ events: [...inspectionEvents, ...hazardEvents] }),
    clock: () => now,
  });
  const inspection = createCommandHandler({
    store,
    clock: () => now,
    decider: createInspectionDecider({ directory: kit.directory, subjects: staticSubjectStatus() }),
  });
  const hazard = createCommandHandler({
    store,
    clock: () => now,
    decider: createHazardDecider({ directory: kit.directory }),
  });
  const runner = () =>
    createProcessManagerRunner({
      store,
      managers: inspectionPolicies({ streamHead: createStreamHead(store) }),
      handlers: { hazard },
      pollIntervalMs: 5,
    });
  return { store, inspection, runner };
}

async function typesOf(store: EventStore, streamId: string): Promise<string[]> {
  const types: string[] = [];
  for await (const event of store.readStream(streamId)) types.push(event.type);
  return types;
}

describe('inspection policies', () => {
  it('I-5 PO-1 a finding registers exactly one hazard, even with two runners racing and a replay', async () => {
    const { store, inspection, runner } = setup();
    const stream = inspectionStreamId('i-1');
    for (const command of [kit.schedule(), kit.start(), kit.finding(), kit.majorFinding()]) {
      await inspection(stream, command);
    }
    const [a, b] = [runner(), runner()];
    await Promise.all([a.catchUp(), b.catchUp()]);
    await Promise.all([a.stop(), b.stop()]);
    const hazardStream = hazardStreamId(findingHazardId('i-1', 'f-1'));
    expect(await typesOf(store, hazardStream)).toEqual(['HazardRegistered']);
    let registered: unknown;
    for await (const event of store.readStream(hazardStream)) registered = event.data;
    expect(registered).toMatchObject({
      source: 'enforcement_inspection',
      inspectionId: 'i-1',
      findingId: 'f-1',
      supervisingOrgId: 'org-safety',
      campaignIds: ['ENF'],
      deadline: '2024-03-31',
      discoveredBy: { personId: 'p-enf-1' },
    });
    // Replay from the start: the same command ids, nothing new.
    await store.projections.reset('po-1.finding-registers-hazard', 1);
    const replay = runner();
    await replay.catchUp();
    await replay.stop();
    expect(await typesOf(store, hazardStream)).toEqual(['HazardRegistered']);
    expect(await typesOf(store, hazardStreamId(findingHazardId('i-1', 'f-major')))).toEqual([
      'HazardRegistered',
    ]);
    expect(await replay.rejections('po-1.finding-registers-hazard')).toEqual([]);
  });

  it('PO-3 a suspension measure suspends the findings’ hazards once; PO-2 rejections are recorded with their rule', async () => {
    const { store, inspection, runner } = setup();
    const stream = inspectionStreamId('i-1');
    for (const command of [kit.schedule(), kit.start(), kit.majorFinding()])
      await inspection(stream, command);
    const first = runner();
    await first.catchUp();
    await inspection(stream, kit.measure());
    // An order that would shorten the hazard's deadline: ExtendRectificationDeadline refuses it (H-8).
    await inspection(stream, kit.order({ deadline: '2024-04-01' }));
    const second = runner();
    await Promise.all([first.catchUp(), second.catchUp()]);
    await Promise.all([first.stop(), second.stop()]);
    const hazardStream = hazardStreamId(findingHazardId('i-1', 'f-major'));
    expect(
      (await typesOf(store, hazardStream)).filter((t) => t === 'OperationsSuspended'),
    ).toHaveLength(1);
    expect(await first.rejections('po-3.measure-suspends-hazards')).toEqual([]);
    const rejected = await first.rejections('po-2.order-sets-deadlines');
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ commandType: 'ExtendRectificationDeadline', rule: 'H-8' });
  });

  it('PO-2 an order with a later deadline moves the hazard deadline in the head’s name', async () => {
    const { store, inspection, runner } = setup();
    const stream = inspectionStreamId('i-1');
    for (const command of [kit.schedule(), kit.start(), kit.majorFinding(), kit.order()]) {
      await inspection(stream, command);
    }
    const run = runner();
    await run.catchUp();
    await run.stop();
    const types = await typesOf(store, hazardStreamId(findingHazardId('i-1', 'f-major')));
    expect(types).toEqual(['HazardRegistered', 'RectificationDeadlineExtended']);
  });
});
