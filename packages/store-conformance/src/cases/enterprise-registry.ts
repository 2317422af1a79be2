import {
  createCommandHandler,
  createEnterpriseDecider,
  createEnterpriseRegistrar,
  createEventRegistry,
  createInMemoryDirectory,
  createProjectionRunner,
  createRegistryDirectorySource,
  enterpriseEvents,
  isProjectionLaggingError,
  isRuleViolation,
  registryProjections,
  uniqueKeyEvents,
  usccCheckCharacter,
} from '@safeledger/core';
import { expect } from 'vitest';
import type { ConformanceCase } from '../harness.js';

const group = 'enterprise registry';
let counter = 0;

const directory = createInMemoryDirectory({
  areas: [{ id: 'area-park', name: 'Park', kind: 'park' }],
  organizations: [
    {
      id: 'org-terr',
      name: 'Park office',
      kind: 'territorial',
      level: 'park_or_town',
      areaIds: ['area-park'],
    },
  ],
  persons: [{ id: 'p-terr', name: 'Officer', roles: ['TerritorialOfficer'], orgId: 'org-terr' }],
});

/** A fresh valid code per run, so cases can share a database. */
function freshUscc(): string {
  counter += 1;
  const digits = `${Date.now()}${counter}`.replace(/\D/g, '').slice(-9).padStart(9, '0');
  const body = `91110000${digits}`;
  return body + usccCheckCharacter(body);
}

const register = (enterpriseId: string, uscc: string) => ({
  type: 'RegisterEnterprise' as const,
  actor: { personId: 'p-terr', role: 'TerritorialOfficer' as const, orgId: 'org-terr' },
  enterpriseId,
  uscc,
  name: 'Works',
  areaId: 'area-park',
  sectorCode: 'C26',
  industryRegulatorOrgId: 'org-terr',
  principal: { personId: `${enterpriseId}-principal`, name: 'Principal' },
});

/** E-1 uniqueness and the registry directory's G-9 answers, the same on every store. */
export const enterpriseRegistryCases: ConformanceCase[] = [
  {
    group,
    name: 'enterprise registry: of racing registrations of one USCC from several instances exactly one wins (E-1)',
    async run(context) {
      const registry = createEventRegistry({ events: [...enterpriseEvents, ...uniqueKeyEvents] });
      const stores = await Promise.all(
        Array.from({ length: Math.max(2, context.scale.instances) }, () =>
          context.open({ registry }),
        ),
      );
      const uscc = freshUscc();
      const run = `${Date.now().toString(36)}${counter}`;
      const outcomes = await Promise.allSettled(
        Array.from({ length: 6 }, (_, n) => {
          const store = stores[n % stores.length]!;
          const handle = createCommandHandler({
            store,
            decider: createEnterpriseDecider({ directory }),
            retry: { maxAttempts: 20, baseDelayMs: 1 },
          });
          return createEnterpriseRegistrar({ store, handle }).register(
            register(`c${run}n${n}`, uscc),
          );
        }),
      );
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      for (const outcome of outcomes) {
        if (outcome.status === 'rejected') {
          expect(isRuleViolation(outcome.reason)).toBe(true);
          expect(outcome.reason).toMatchObject({ rule: 'E-1', violation: 'DuplicateEnterprise' });
        }
      }
    },
  },
  {
    group,
    name: 'enterprise registry: the registry directory is lagging until its projections catch up, then answers (G-9)',
    async run(context) {
      const registry = createEventRegistry({ events: [...enterpriseEvents, ...uniqueKeyEvents] });
      const store = await context.open({ registry });
      const handle = createCommandHandler({
        store,
        decider: createEnterpriseDecider({ directory }),
      });
      counter += 1;
      const id = `c${Date.now().toString(36)}${counter}`;
      await createEnterpriseRegistrar({ store, handle }).register(register(id, freshUscc()));
      const source = createRegistryDirectorySource({ store, base: directory });
      const error = await source.load({ enterprise: [id] }).catch((e: unknown) => e);
      expect(isProjectionLaggingError(error)).toBe(true);
      const runner = createProjectionRunner({ store, projections: [...registryProjections] });
      try {
        await runner.catchUp();
      } finally {
        await runner.stop();
      }
      const loaded = await source.load({ enterprise: [id], person: [`${id}-principal`] });
      expect(loaded.enterprise?.map((e) => e.id)).toEqual([id]);
      expect(loaded.person).toEqual([
        {
          id: `${id}-principal`,
          name: 'Principal',
          roles: ['Principal'],
          enterpriseId: id,
          venueIds: [],
        },
      ]);
    },
  },
];
