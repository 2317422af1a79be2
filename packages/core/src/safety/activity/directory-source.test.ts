import { createMemoryEventStore } from '@safeledger/store-memory';
import { actorFor, createSampleSafetyDirectory } from '@safeledger/testing';
import { expect, it } from 'vitest';
import { createCommandHandler } from '../../eventsourcing/command-handler.js';
import { createEventRegistry } from '../../eventsourcing/event-registry.js';
import { directorySourceOf } from '../directory/directory-source.js';
import { createEmergencyPlanDecider } from '../emergency-plan/decide.js';
import { emergencyPlanEvents } from '../emergency-plan/events.js';
import { createActivityDecider } from './decide.js';
import { activityEvents } from './events.js';

const directory = createSampleSafetyDirectory();
const clock = () => new Date('2024-05-10T02:00:00Z');

it('the activity and plan deciders load their directory facts asynchronously before deciding', async () => {
  const source = directorySourceOf(directory);
  const handle = createCommandHandler({
    store: createMemoryEventStore({
      registry: createEventRegistry({ events: activityEvents }),
      clock,
    }),
    decider: createActivityDecider({ directory: source }),
    clock,
  });
  const record = {
    type: 'RecordActivity' as const,
    actor: actorFor(directory, 'p-enf-1'),
    activityId: 'a-1',
    kind: 'training' as const,
    topic: 'Dust explosions',
    organizerOrgId: 'org-safety',
    date: '2024-05-09',
    participantCount: 80,
    enterpriseIds: ['ent-chem', 'ent-ghost'],
  };
  await expect(handle('act-a-1', record)).rejects.toMatchObject({
    rule: 'A-0',
    violation: 'UnknownEnterprise',
  });
  const accepted = await handle('act-a-1', { ...record, enterpriseIds: ['ent-chem'] });
  expect(accepted.state.activityId).toBe('a-1');

  const plans = createCommandHandler({
    store: createMemoryEventStore({
      registry: createEventRegistry({ events: emergencyPlanEvents }),
      clock,
    }),
    decider: createEmergencyPlanDecider({ directory: source }),
    clock,
  });
  const drafted = await plans('plan-p-1', {
    type: 'DraftPlan',
    actor: actorFor(directory, 'p-so-1'),
    planId: 'p-1',
    kind: 'on_site',
    title: 'Leak procedure',
    ownerEnterpriseId: 'ent-chem',
  });
  expect(drafted.state.version).toBe(1);
  await expect(
    plans('plan-p-1', { type: 'PublishPlan', actor: actorFor(directory, 'p-so-1'), version: 1 }),
  ).rejects.toMatchObject({ rule: 'G-5' });
});
