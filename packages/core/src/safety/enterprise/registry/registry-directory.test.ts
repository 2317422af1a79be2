import { createMemoryEventStore } from '@safeledger/store-memory';
import { createSampleRegistryDirectory, sampleRegistrar } from '@safeledger/testing';
import { describe, expect, it } from 'vitest';
import { createCommandHandler } from '../../../eventsourcing/command-handler.js';
import { isProjectionLaggingError } from '../../../eventsourcing/errors.js';
import { createEventRegistry } from '../../../eventsourcing/event-registry.js';
import { createProjectionRunner } from '../../../eventsourcing/projection-runner.js';
import { uniqueKeyEvents } from '../../../eventsourcing/unique-keys.js';
import { createHazardDecider } from '../../hazard/decide.js';
import { hazardEvents } from '../../hazard/events.js';
import { hazardStreamId } from '../../hazard/hazard-stream.js';
import type { SafetyActor } from '../../roles/actor.js';
import { createEnterpriseDecider } from '../decide.js';
import { enterpriseStreamId } from '../enterprise-stream.js';
import { enterpriseEvents } from '../events.js';
import { createEnterpriseRegistrar } from '../registrar.js';
import { createRegistryDirectorySource } from './registry-directory.js';
import { registryProjections } from './registry-projections.js';

const now = new Date('2024-05-10T02:00:00.000Z');
const at = now.toISOString();
const principal = (personId: string): SafetyActor => ({
  personId,
  role: 'Principal',
  enterpriseId: 'e-1',
});
const officer: SafetyActor = { personId: 'p-so', role: 'SafetyOfficer', enterpriseId: 'e-1' };

function setup() {
  const base = createSampleRegistryDirectory();
  const store = createMemoryEventStore({
    registry: createEventRegistry({
      events: [...enterpriseEvents, ...hazardEvents, ...uniqueKeyEvents],
    }),
  });
  const directory = createRegistryDirectorySource({ store, base });
  const retry = { maxAttempts: 1 };
  const enterprises = createCommandHandler({
    store,
    decider: createEnterpriseDecider({ directory }),
    clock: () => now,
    retry,
  });
  const hazards = createCommandHandler({
    store,
    decider: createHazardDecider({ directory }),
    clock: () => now,
    retry,
  });
  const runner = createProjectionRunner({
    store,
    projections: [...registryProjections],
    pollIntervalMs: 5,
  });
  const registrar = createEnterpriseRegistrar({ store, handle: enterprises });
  return { store, directory, enterprises, hazards, runner, registrar };
}

async function registerWorks(kit: ReturnType<typeof setup>) {
  await kit.registrar.register({
    type: 'RegisterEnterprise',
    actor: sampleRegistrar,
    enterpriseId: 'e-1',
    uscc: '91110108551385082Q',
    name: 'Chemical works',
    areaId: 'area-park',
    sectorCode: 'C26',
    industryRegulatorOrgId: 'org-industry',
    principal: { personId: 'p-a', name: 'A' },
    occurredAt: '2024-01-02T02:00:00.000Z',
  });
  await kit.enterprises(enterpriseStreamId('e-1'), {
    type: 'AppointSafetyOfficer',
    actor: principal('p-a'),
    officer: { personId: 'p-so', name: 'S' },
  });
}

describe('the registry as the directory', () => {
  it('E-2 after ChangePrincipal the new principal signs statistics (E-5) and verifies as principal (H-19); the old one cannot', async () => {
    const kit = setup();
    try {
      await registerWorks(kit);
      await kit.runner.catchUp();
      // A self-found general hazard, fixed on the spot by the safety officer the registry appointed.
      const registered = await kit.hazards(hazardStreamId('h-1'), {
        type: 'RegisterHazard',
        actor: officer,
        hazardId: 'h-1',
        subject: { kind: 'enterprise', id: 'e-1' },
        description: 'Fire exit blocked',
        location: 'Warehouse',
        nature: 'unsafe_condition',
        grade: 'general',
        source: 'self_inspection',
        rectifiedOnSpot: { actionsTaken: 'cleared' },
      });
      expect(registered.events[0]?.data).toMatchObject({
        areaId: 'area-park',
        sectorCode: 'C26',
        supervisingOrgId: 'org-industry',
      });

      // Stop the projections, so the registry is behind the change below.
      await kit.runner.stop();
      await kit.enterprises(enterpriseStreamId('e-1'), {
        type: 'ChangePrincipal',
        actor: principal('p-a'),
        principal: { personId: 'p-b', name: 'B' },
      });
      // G-9: until the registry has caught up, no answer rather than a stale one.
      const lagging = await kit
        .hazards(hazardStreamId('h-1'), {
          type: 'VerifyRectification',
          actor: principal('p-b'),
          outcome: 'passed',
          kind: 'internal_check',
          verifierIds: ['p-b'],
        })
        .catch((error: unknown) => error);
      expect(isProjectionLaggingError(lagging)).toBe(true);
      await kit.runner.catchUp();
      await kit.runner.stop();

      const verify = (personId: string) =>
        kit.hazards(hazardStreamId('h-1'), {
          type: 'VerifyRectification',
          actor: principal(personId),
          outcome: 'passed',
          kind: 'internal_check',
          verifierIds: [personId],
        });
      await expect(verify('p-a')).rejects.toMatchObject({ violation: 'Forbidden' });
      const verified = await verify('p-b');
      expect(verified.events.map((event) => event.type)).toEqual([
        'RectificationVerified',
        'HazardClosed',
      ]);

      const submit = (personId: string) =>
        kit.enterprises(enterpriseStreamId('e-1'), {
          type: 'SubmitHazardStatistics',
          actor: principal(personId),
          period: 'Q1-2024',
          counts: { found: 1, rectified: 1, major: 0, majorRectified: 0 },
          occurredAt: at,
        });
      await expect(submit('p-a')).rejects.toMatchObject({
        rule: 'E-5',
        violation: 'NotCurrentPrincipal',
      });
      expect((await submit('p-b')).events[0]?.data).toMatchObject({ signedBy: 'p-b' });
    } finally {
      await kit.runner.stop();
    }
  });

  it('G-9 an enterprise the projection has not reached is lagging, never absent; an unknown one is absent', async () => {
    const kit = setup();
    try {
      expect(await kit.directory.load({ enterprise: ['e-1'], person: ['p-a'] })).toMatchObject({
        enterprise: [],
        person: [],
      });
      await registerWorks(kit);
      const lagging = await kit.directory.load({ enterprise: ['e-1'] }).catch((e: unknown) => e);
      expect(isProjectionLaggingError(lagging)).toBe(true);
      expect(String(lagging)).toContain('ent-e-1 at version 0');
      await kit.runner.catchUp();
      const loaded = await kit.directory.load({
        enterprise: ['e-1', 'e-404'],
        person: ['p-a', 'p-so', 'p-terr'],
        organization: ['org-city'],
      });
      expect(loaded.enterprise?.map((e) => e.id)).toEqual(['e-1']);
      expect(loaded.person).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ id: 'p-terr', roles: ['TerritorialOfficer'] }),
          { id: 'p-a', name: 'A', roles: ['Principal'], enterpriseId: 'e-1', venueIds: [] },
          { id: 'p-so', name: 'S', roles: ['SafetyOfficer'], enterpriseId: 'e-1', venueIds: [] },
        ]),
      );
      expect(loaded.organization?.map((o) => o.id)).toEqual(['org-city']);
    } finally {
      await kit.runner.stop();
    }
  });
});
