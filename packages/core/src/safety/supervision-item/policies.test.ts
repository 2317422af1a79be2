import { createMemoryEventStore } from '@safeledger/store-memory';
import { sampleItemCommands } from '@safeledger/testing';
import { describe, expect, it } from 'vitest';
import { createCommandHandler } from '../../eventsourcing/command-handler.js';
import { createEventRegistry } from '../../eventsourcing/event-registry.js';
import type { EventStore } from '../../eventsourcing/event-store.js';
import { createProcessManagerRunner } from '../../eventsourcing/process-manager-runner.js';
import { createHazardDecider } from '../hazard/decide.js';
import { hazardEvents } from '../hazard/events.js';
import { hazardStreamId } from '../hazard/hazard-stream.js';
import type { InvestigationHazard } from './commands.js';
import { createSupervisionItemDecider } from './decide.js';
import { supervisionItemEvents } from './events.js';
import { investigationHazardId, supervisionItemStreamId } from './item-stream.js';
import { investigationRegistersHazards, supervisionItemPolicies } from './policies.js';
import { createItemHazardsFromStore } from './ports.js';

const kit = sampleItemCommands();
const now = new Date('2024-03-01T02:00:00.000Z');
const hazard = (key: string, subject = 'ent-chem'): InvestigationHazard => ({
  hazardKey: key,
  subject: { kind: 'enterprise', id: subject },
  description: 'Blocked exit',
  location: 'Warehouse',
  nature: 'unsafe_condition',
  grade: 'general',
  deadline: '2024-03-31',
});

function setup() {
  const store = createMemoryEventStore({
    registry: createEventRegistry({ events: [...supervisionItemEvents, ...hazardEvents] }),
    clock: () => now,
  });
  const item = createCommandHandler({
    store,
    clock: () => now,
    decider: createSupervisionItemDecider({
      directory: kit.directory,
      hazards: createItemHazardsFromStore(store),
    }),
  });
  const hazardHandler = createCommandHandler({
    store,
    clock: () => now,
    decider: createHazardDecider({ directory: kit.directory }),
  });
  const runner = () =>
    createProcessManagerRunner({
      store,
      managers: supervisionItemPolicies(),
      handlers: { hazard: hazardHandler },
      pollIntervalMs: 5,
    });
  return { store, item, runner };
}

async function dataOf(
  store: EventStore,
  streamId: string,
): Promise<{ type: string; data: unknown }[]> {
  const events: { type: string; data: unknown }[] = [];
  for await (const event of store.readStream(streamId))
    events.push({ type: event.type, data: event.data });
  return events;
}

const petition = kit.receive({
  kind: 'petition',
  subjectEnterpriseIds: [],
  expectedHazardCount: undefined,
  petitioner: { anonymous: false },
});

describe('supervision item policies', () => {
  it('SI-8 PO-4 a substantiated investigation registers each hazard once, even with two runners and a replay', async () => {
    const { store, item, runner } = setup();
    const stream = supervisionItemStreamId('it-1');
    for (const command of [
      petition,
      kit.assign(),
      kit.investigate({ hazards: [hazard('k-1'), hazard('k-far', 'ent-far')] }),
    ]) {
      await item(stream, command);
    }
    const [a, b] = [runner(), runner()];
    await Promise.all([a.catchUp(), b.catchUp()]);
    await Promise.all([a.stop(), b.stop()]);
    const registered = await dataOf(store, hazardStreamId(investigationHazardId('it-1', 'k-1')));
    expect(registered.map((e) => e.type)).toEqual(['HazardRegistered']);
    expect(registered[0]!.data).toMatchObject({
      source: 'petition',
      supervisionItemId: 'it-1',
      supervisingOrgId: 'org-safety',
      deadline: '2024-03-31',
      discoveredBy: { personId: 'p-enf-1' },
    });
    // The out-of-district subject is outside the lead organisation's remit: rejected, recorded.
    expect(await dataOf(store, hazardStreamId(investigationHazardId('it-1', 'k-far')))).toEqual([]);
    const rejected = await a.rejections(investigationRegistersHazards.name);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ commandType: 'RegisterHazard' });
    // Replay from the start: the same command ids, nothing new.
    await store.projections.reset(investigationRegistersHazards.name, 1);
    const replay = runner();
    await replay.catchUp();
    await replay.stop();
    expect(
      (await dataOf(store, hazardStreamId(investigationHazardId('it-1', 'k-1')))).map(
        (e) => e.type,
      ),
    ).toEqual(['HazardRegistered']);
  });

  it('SI-8 PO-4 an unsubstantiated investigation registers nothing; a hazard list registers with source handover', async () => {
    const { store, item, runner } = setup();
    await item(supervisionItemStreamId('it-1'), petition);
    await item(supervisionItemStreamId('it-1'), kit.assign());
    await item(supervisionItemStreamId('it-1'), kit.investigate({ finding: 'unsubstantiated' }));
    const list = supervisionItemStreamId('it-2');
    await item(list, kit.receive({ itemId: 'it-2', expectedHazardCount: 1 }));
    await item(list, kit.assign());
    await item(
      list,
      kit.investigate({ finding: 'partially_substantiated', hazards: [hazard('k-1')] }),
    );
    const run = runner();
    await run.catchUp();
    await run.stop();
    const registered = await dataOf(store, hazardStreamId(investigationHazardId('it-2', 'k-1')));
    expect(registered[0]!.data).toMatchObject({ source: 'handover', supervisionItemId: 'it-2' });
    // The hazard counts as linked: feedback waits until it is closed (SI-2, read from the store).
    const early = await item(list, kit.feedback()).catch((e: unknown) => e);
    expect(early).toMatchObject({ rule: 'SI-2', violation: 'HazardsNotClosed' });
  });
});
