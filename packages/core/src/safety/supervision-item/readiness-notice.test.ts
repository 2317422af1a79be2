import { createMemoryEventStore } from '@safeledger/store-memory';
import { sampleItemCommands, staticItemHazards } from '@safeledger/testing';
import { describe, expect, it } from 'vitest';
import { createCommandHandler } from '../../eventsourcing/command-handler.js';
import { createEventRegistry } from '../../eventsourcing/event-registry.js';
import { createProcessManagerRunner } from '../../eventsourcing/process-manager-runner.js';
import { hazardEvents } from '../hazard/events.js';
import { hazardStreamId } from '../hazard/hazard-stream.js';
import { createSupervisionItemDecider } from './decide.js';
import { supervisionItemEvents } from './events.js';
import { investigationHazardId, supervisionItemStreamId } from './item-stream.js';
import type { LinkedHazardStatus } from './ports.js';
import {
  createItemLinksFromStore,
  createItemReadinessNotifier,
  hazardClosureReevaluatesItems,
  hazardClosureReevaluatesItemsName,
  type ItemReadiness,
  itemReadinessTarget,
} from './readiness-notice.js';

const kit = sampleItemCommands();
const now = new Date('2024-03-01T02:00:00.000Z');
const system = { personId: 'system', role: 'System' } as const;

async function setup() {
  const store = createMemoryEventStore({
    registry: createEventRegistry({ events: [...supervisionItemEvents, ...hazardEvents] }),
    clock: () => now,
  });
  // The hazards' statuses as a read model knows them; tests flip them as hazards close.
  const statuses: Record<string, LinkedHazardStatus> = { 'h-1': 'open', 'h-2': 'open' };
  const hazards = staticItemHazards(statuses);
  const item = createCommandHandler({
    store,
    clock: () => now,
    decider: createSupervisionItemDecider({ directory: kit.directory, hazards }),
  });
  // A hazard list expecting two hazards, linking h-1 and h-2; h-9 belongs to no item.
  const stream = supervisionItemStreamId('it-1');
  for (const command of [
    kit.receive({ expectedHazardCount: 2 }),
    kit.assign(),
    kit.linkHazard({ hazardId: 'h-1' }),
    kit.linkHazard({ hazardId: 'h-2' }),
  ]) {
    await item(stream, command);
  }
  const notices: ItemReadiness[] = [];
  const runner = () =>
    createProcessManagerRunner({
      store,
      managers: [hazardClosureReevaluatesItems({ store, hazards })],
      handlers: {
        [itemReadinessTarget]: createItemReadinessNotifier(store, (itemId, readiness) => {
          expect(itemId).toBe(readiness.itemId);
          notices.push(readiness);
        }),
      },
      pollIntervalMs: 5,
    });
  const close = async (
    hazardId: string,
    type: 'HazardClosed' | 'HazardVoided' = 'HazardClosed',
  ) => {
    statuses[hazardId] = type === 'HazardClosed' ? 'closed' : 'voided';
    const data = { hazardId, occurredAt: now.toISOString(), actor: system };
    await store.appendToStream(hazardStreamId(hazardId), [
      type === 'HazardClosed'
        ? { type, data: { ...data, basisVerificationVersion: 1 } }
        : { type, data: { ...data, reason: 'registered in error' } },
    ]);
  };
  const itemEventCount = async () => {
    let n = 0;
    for await (const _ of store.readStream(stream)) n++;
    return n;
  };
  return { store, item, runner, notices, close, itemEventCount };
}

async function run(runner: ReturnType<Awaited<ReturnType<typeof setup>>['runner']>) {
  await runner.catchUp();
  await runner.stop();
}

describe('PO-5 a closed hazard re-evaluates its handover item', () => {
  it('PO-5 each closure of a linked hazard notifies once, with the readiness it leaves, and writes no item event', async () => {
    const { runner, notices, close, itemEventCount } = await setup();
    const before = await itemEventCount();
    await close('h-1');
    await run(runner());
    expect(notices).toEqual([
      {
        itemId: 'it-1',
        hazardId: 'h-1',
        cause: 'HazardClosed',
        itemStatus: 'in_progress',
        unclosedHazardIds: ['h-2'],
        feedbackBlockedBy: { rule: 'SI-2', violation: 'HazardsNotClosed' },
        closureBlockedBy: { rule: 'SI-2', violation: 'HazardsNotClosed' },
      },
    ]);
    // Voiding counts as SI-2 does: the last open hazard gone, the item is ready for feedback.
    await close('h-2', 'HazardVoided');
    await run(runner());
    expect(notices).toHaveLength(2);
    expect(notices[1]).toMatchObject({
      hazardId: 'h-2',
      cause: 'HazardVoided',
      unclosedHazardIds: [],
      feedbackBlockedBy: null,
      closureBlockedBy: null,
    });
    expect(await itemEventCount()).toBe(before);
  });

  it('PO-5 a replay from the start and a restart notify nothing again', async () => {
    const { store, runner, notices, close } = await setup();
    await close('h-1');
    await run(runner());
    expect(notices).toHaveLength(1);
    await run(runner());
    await store.projections.reset(hazardClosureReevaluatesItemsName, 1);
    await run(runner());
    expect(notices).toHaveLength(1);
  });

  it('PO-5 a hazard no item links notifies nothing', async () => {
    const { runner, notices, close } = await setup();
    await close('h-9');
    await run(runner());
    expect(notices).toEqual([]);
  });

  it('PO-5 two runners racing notify once', async () => {
    const { runner, notices, close } = await setup();
    await close('h-1');
    await close('h-2');
    const [a, b] = [runner(), runner()];
    await Promise.all([a.catchUp(), b.catchUp()]);
    await Promise.all([a.stop(), b.stop()]);
    expect(notices.map((n) => n.hazardId).sort()).toEqual(['h-1', 'h-2']);
  });

  it('PO-5 finds the items linking a hazard by LinkHazard and by a PO-4 investigation', async () => {
    const { store, item } = await setup();
    const petition = supervisionItemStreamId('it-2');
    await item(
      petition,
      kit.receive({
        itemId: 'it-2',
        kind: 'petition',
        subjectEnterpriseIds: [],
        expectedHazardCount: undefined,
        petitioner: { anonymous: false },
      }),
    );
    await item(petition, kit.assign());
    await item(
      petition,
      kit.investigate({
        hazards: [
          {
            hazardKey: 'k-1',
            subject: { kind: 'enterprise', id: 'ent-chem' },
            description: 'Blocked exit',
            location: 'Warehouse',
            nature: 'unsafe_condition',
            grade: 'general',
            deadline: '2024-03-31',
          },
        ],
      }),
    );
    const links = createItemLinksFromStore(store);
    expect(await links.itemsLinkedTo(investigationHazardId('it-2', 'k-1'))).toEqual(['it-2']);
    expect(await links.itemsLinkedTo('h-1')).toEqual(['it-1']);
    expect(await links.itemsLinkedTo('h-9')).toEqual([]);
  });
});
