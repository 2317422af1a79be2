import { createMemoryEventStore } from '@safeledger/store-memory';
import { actorFor, createSampleSafetyDirectory } from '@safeledger/testing';
import { expect, it } from 'vitest';
import { createCommandHandler } from '../../eventsourcing/command-handler.js';
import { createEventRegistry } from '../../eventsourcing/event-registry.js';
import { createProjectionQuery } from '../../eventsourcing/projection-query.js';
import { createProjectionRunner } from '../../eventsourcing/projection-runner.js';
import type { EmergencyPlanCommand } from '../emergency-plan/commands.js';
import { createEmergencyPlanDecider } from '../emergency-plan/decide.js';
import { emergencyPlanEvents } from '../emergency-plan/events.js';
import { emergencyPlanStreamId } from '../emergency-plan/plan-stream.js';
import { createPlanLedgerProjection, PLAN_LEDGER, type PlanVersionRow } from './plan-ledger.js';

const directory = createSampleSafetyDirectory();
const now = new Date('2024-06-01T00:00:00Z');

it('G-5 every version row of the plan ledger carries the plan’s owner, an organisation’s or an enterprise’s', async () => {
  const store = createMemoryEventStore({
    registry: createEventRegistry({ events: emergencyPlanEvents }),
    clock: () => now,
  });
  const handle = createCommandHandler({
    store,
    decider: createEmergencyPlanDecider({ directory }),
    clock: () => now,
  });
  const run = (planId: string, command: EmergencyPlanCommand) =>
    handle(emergencyPlanStreamId(planId), command);
  // An enterprise's plan: drafted by its safety officer, revised, published by its principal.
  const so = actorFor(directory, 'p-so-1');
  const principal = actorFor(directory, 'p-principal');
  await run('p-ent', {
    type: 'DraftPlan',
    actor: so,
    planId: 'p-ent',
    kind: 'comprehensive',
    title: 'Works plan',
    ownerEnterpriseId: 'ent-chem',
  });
  await run('p-ent', { type: 'RevisePlan', actor: so, summary: 'new contacts' });
  await run('p-ent', { type: 'PublishPlan', actor: principal, version: 2 });
  // An organisation's plan, drafted and revised by its head.
  const head = actorFor(directory, 'p-safety-head');
  await run('p-org', {
    type: 'DraftPlan',
    actor: head,
    planId: 'p-org',
    kind: 'special',
    title: 'Bureau plan',
    ownerOrgId: 'org-safety',
  });
  await run('p-org', { type: 'RevisePlan', actor: head, summary: 'new duty roster' });

  const projection = createPlanLedgerProjection();
  const runner = createProjectionRunner({ store, projections: [projection] });
  await runner.catchUp({ timeoutMs: 10_000 });
  const owners = (await store.projections.listDocuments(PLAN_LEDGER)).map(({ document }) => {
    const row = document as PlanVersionRow;
    return [row.planId, row.version, row.ownerOrgId, row.ownerEnterpriseId];
  });
  expect(owners).toEqual([
    ['p-ent', 1, null, 'ent-chem'],
    ['p-ent', 2, null, 'ent-chem'],
    ['p-org', 1, 'org-safety', null],
    ['p-org', 2, 'org-safety', null],
  ]);
  // Indexed: "the plans of my organisation" is a condition the store answers.
  const ledger = createProjectionQuery(store, projection);
  const ofBureau = await ledger.find({ where: { ownerOrgId: 'org-safety' }, orderBy: ['version'] });
  expect(ofBureau.items.map(({ id }) => id)).toEqual(['p-org#1', 'p-org#2']);
  expect(await ledger.count({ where: { ownerEnterpriseId: 'ent-chem', version: 2 } })).toBe(1);
  // The kind is known on the first version only, so "the special plans" are first-version rows.
  const special = await ledger.find({ where: { kind: 'special' } });
  expect(special.items.map(({ id }) => id)).toEqual(['p-org#1']);
});
