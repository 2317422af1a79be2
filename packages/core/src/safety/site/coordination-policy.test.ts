import { createMemoryEventStore } from '@safeledger/store-memory';
import { sampleSiteCommands } from '@safeledger/testing';
import { describe, expect, it } from 'vitest';
import { createCommandHandler } from '../../eventsourcing/command-handler.js';
import { createEventRegistry } from '../../eventsourcing/event-registry.js';
import type { EventStore } from '../../eventsourcing/event-store.js';
import { createProjectionRunner } from '../../eventsourcing/projection-runner.js';
import { createHazardDecider } from '../hazard/decide.js';
import { hazardEvents } from '../hazard/events.js';
import { createSupervisionPolicy } from '../policy/supervision-policy.js';
import { createSiteLedgerProjection } from '../read-models/site-ledger.js';
import { COORDINATION_POLICY, runCoordinationHazardPolicy } from './coordination-policy.js';
import { createSiteDecider } from './decide.js';
import { siteEvents } from './events.js';
import { siteStreamId } from './site-stream.js';

const kit = sampleSiteCommands();
const asOf = '2024-06-01T10:00:00+08:00';
const now = new Date(asOf);

async function setup(autoRegisterCoordinationHazard = true) {
  const policy = createSupervisionPolicy({ autoRegisterCoordinationHazard });
  const store = createMemoryEventStore({
    registry: createEventRegistry({ events: [...siteEvents, ...hazardEvents] }),
    clock: () => now,
  });
  const site = createCommandHandler({
    store,
    clock: () => now,
    decider: createSiteDecider({ directory: kit.directory, policy }),
  });
  const hazard = createCommandHandler({
    store,
    clock: () => now,
    decider: createHazardDecider({ directory: kit.directory, policy }),
  });
  const stream = siteStreamId('site-1');
  // A productive tenancy from 1 January, with its agreement but no landlord check: MT-5 lapses
  // after 31 March (90 days), so at 1 June there is exactly one lapse.
  await site(stream, kit.registerSite({ occurredAt: '2024-01-01T09:00:00+08:00' }));
  await site(stream, kit.registerTenancy({ occurredAt: '2024-01-01T10:00:00+08:00' }));
  await site(stream, kit.signAgreement({ occurredAt: '2024-01-01T11:00:00+08:00' }));
  const runner = createProjectionRunner({
    store,
    projections: [createSiteLedgerProjection(policy)],
    pollIntervalMs: 5,
  });
  await runner.catchUp();
  await runner.stop();
  const run = () =>
    runCoordinationHazardPolicy({
      store,
      policy,
      hazard,
      asOf,
      discoveredBy: kit.actors.territorialOfficer,
    });
  return { store, run };
}

async function registrations(store: EventStore) {
  const found: { streamId: string; data: Record<string, unknown> }[] = [];
  for await (const event of store.readAll()) {
    if (event.type === 'HazardRegistered') {
      found.push({ streamId: event.streamId, data: event.data as Record<string, unknown> });
    }
  }
  return found;
}

describe('PO-7 (MT-6) a lapsed landlord check registers one coordination hazard', () => {
  it('MT-6 registers a major management-deficiency hazard on the site, the landlord responsible', async () => {
    const { store, run } = await setup();
    const result = await run();
    expect(result).toMatchObject({ appended: 1, rejected: [] });
    expect(result.hazardIds).toEqual(['coordination-site-1.t-1.MT-5.2024-03-31']);
    const [registered] = await registrations(store);
    expect(registered?.data).toMatchObject({
      subject: { kind: 'site', id: 'site-1' },
      nature: 'management_deficiency',
      grade: 'major',
      majorBasis: { standardId: 'MEM Order 10 (2023)', clause: 'Art. 3(1)' },
    });
  });

  it('registers exactly one hazard per lapse when run again and when two runs race', async () => {
    const { store, run } = await setup();
    const racing = await Promise.all([run(), run()]);
    expect(racing.map((r) => r.appended).sort()).toEqual([0, 1]);
    const again = await run();
    expect(again).toMatchObject({ appended: 0, rejected: [] });
    expect(again.hazardIds).toEqual(racing[0]?.hazardIds);
    expect(await registrations(store)).toHaveLength(1);
  });

  it('issues its commands under deterministic ids', async () => {
    const { store, run } = await setup();
    await run();
    const [registered] = await registrations(store);
    let commandId: string | undefined;
    for await (const event of store.readAll()) {
      if (event.type === 'HazardRegistered') commandId = event.metadata.commandId;
    }
    expect(registered?.streamId).toBe('hazard-coordination-site-1.t-1.MT-5.2024-03-31');
    expect(commandId).toBe(`${COORDINATION_POLICY}:coordination-site-1.t-1.MT-5.2024-03-31`);
  });

  it('does nothing unless autoRegisterCoordinationHazard is on (MT-6 is optional)', async () => {
    const { store, run } = await setup(false);
    expect(await run()).toEqual({ hazardIds: [], appended: 0, rejected: [] });
    expect(await registrations(store)).toHaveLength(0);
  });
});
