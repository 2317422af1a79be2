import {
  createCommandHandler,
  createEventRegistry,
  createHazardDecider,
  createInspectionDecider,
  createProcessManagerRunner,
  createStreamHead,
  createVenueDecider,
  createVenueRegistry,
  findingHazardId,
  hazardEvents,
  hazardStreamId,
  inspectionEvents,
  inspectionPolicies,
  inspectionStreamId,
  isRuleViolation,
  toArray,
  uniqueKeyEvents,
  venueEvents,
} from '@safeledger/core';
import { expect } from 'vitest';
import type { ConformanceCase } from '../harness.js';
import {
  fresh,
  safetyNow as now,
  openInstances,
  parkDistrict,
  uniqueTag,
} from '../safety-fixtures.js';

const group = 'safety';

// The park district with its territorial office and a second credentialed officer: enough for
// a venue registration and an inspection finding by a team of two.
const directory = parkDistrict({
  organizations: [
    {
      id: 'terr',
      name: 'Park office',
      kind: 'territorial',
      level: 'park_or_town',
      areaIds: ['park'],
    },
  ],
  persons: [
    { id: 'grid', name: 'Grid patroller', roles: ['GridPatroller'], orgId: 'terr' },
    {
      id: 'o2',
      name: 'Officer 2',
      roles: ['EnforcementOfficer'],
      orgId: 'bureau',
      enforcementCredentialNo: 'E2',
    },
  ],
});

/** Cross-stream rules of the safety aggregates that only hold if the store does (V-1, I-5). */
export const safetyCases: ConformanceCase[] = [
  {
    group,
    name: 'safety: V-1 of racing registrations of one venue from several instances exactly one wins',
    async run(context) {
      const registry = createEventRegistry({ events: [...venueEvents, ...uniqueKeyEvents] });
      const stores = await openInstances(context, { registry });
      const tag = uniqueTag();
      const registries = stores.map((store) =>
        createVenueRegistry({
          store,
          handle: createCommandHandler({
            store,
            clock: () => now,
            decider: createVenueDecider({
              directory,
              categoryLeads: { name: 'leads', categoryLeads: async () => fresh([]) },
              hazards: { name: 'hazards', liveHazards: async () => fresh([]) },
            }),
          }),
        }),
      );
      // Same venue written three ways: full-width, spaced, upper case.
      const names = [`Noodle ${tag}`, `ＮＯＯＤＬＥ　${tag}`, `noodle${tag.toUpperCase()}`];
      const outcomes = await Promise.allSettled(
        Array.from({ length: 6 }, (_, n) =>
          registries[n % registries.length]!.handle(`v-${tag}-${n}`, {
            type: 'RegisterVenue',
            actor: { personId: 'grid', role: 'GridPatroller', orgId: 'terr' },
            venueId: `v-${tag}-${n}`,
            name: names[n % names.length]!,
            address: '1 Park Road',
            category: 'small_restaurant',
            areaId: 'park',
            operator: { name: 'Wang' },
          }),
        ),
      );
      const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
      expect(won).toHaveLength(1);
      for (const outcome of outcomes) {
        if (outcome.status === 'rejected') {
          expect(isRuleViolation(outcome.reason) && outcome.reason.rule).toBe('V-1');
        }
      }
      let registered = 0;
      for (let n = 0; n < 6; n++) {
        registered += (await toArray(stores[0]!.readStream(`venue-v-${tag}-${n}`))).length;
      }
      expect(registered).toBe(1);
    },
  },
  {
    group,
    name: 'safety: I-5 PO-1 runners on several instances register exactly one hazard per finding',
    async run(context) {
      const registry = createEventRegistry({ events: [...inspectionEvents, ...hazardEvents] });
      const stores = await openInstances(context, { registry });
      const inspectionId = `i${uniqueTag()}`;
      const lead = { personId: 'o1', role: 'EnforcementOfficer', orgId: 'bureau' } as const;
      const inspect = createCommandHandler({
        store: stores[0]!,
        clock: () => now,
        decider: createInspectionDecider({
          directory,
          subjects: { name: 'subjects', subjectStatus: async () => fresh('active' as const) },
        }),
      });
      const stream = inspectionStreamId(inspectionId);
      await inspect(stream, {
        type: 'ScheduleInspection',
        actor: lead,
        inspectionId,
        kind: 'enforcement',
        subject: { kind: 'enterprise', id: 'works' },
        inspectorIds: ['o1', 'o2'],
      });
      await inspect(stream, { type: 'StartInspection', actor: lead });
      await inspect(stream, {
        type: 'RecordFinding',
        actor: lead,
        findingId: 'f-1',
        description: 'Fire exit blocked',
        location: 'Warehouse',
        nature: 'unsafe_condition',
        proposedGrade: 'general',
        deadline: '2024-03-31',
      });
      const runners = stores.map((store) =>
        createProcessManagerRunner({
          store,
          managers: inspectionPolicies({ streamHead: createStreamHead(store) }),
          handlers: {
            hazard: createCommandHandler({
              store,
              clock: () => now,
              decider: createHazardDecider({ directory }),
            }),
          },
          pollIntervalMs: 5,
        }),
      );
      await Promise.all(runners.map((runner) => runner.catchUp()));
      await Promise.all(runners.map((runner) => runner.stop()));
      const events = await toArray(
        stores[0]!.readStream(hazardStreamId(findingHazardId(inspectionId, 'f-1'))),
      );
      expect(events.map((event) => event.type)).toEqual(['HazardRegistered']);
      expect(await runners[0]!.rejections('po-1.finding-registers-hazard')).toEqual([]);
    },
  },
];
