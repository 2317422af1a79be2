import { createMemoryEventStore } from '@safeledger/store-memory';
import { actorFor, createSampleSafetyDirectory, deciderSpec, sampleNow } from '@safeledger/testing';
import { describe, expect, it } from 'vitest';
import { createCommandHandler } from '../../eventsourcing/command-handler.js';
import { isProjectionLaggingError, isRuleViolation } from '../../eventsourcing/errors.js';
import { createEventRegistry } from '../../eventsourcing/event-registry.js';
import { uniqueKeyEvents } from '../../eventsourcing/unique-keys.js';
import type { ReadModelAnswer } from '../ports/fresh-answer.js';
import type { VenueCommand } from './commands.js';
import { createVenueDecider } from './decide.js';
import { venueEvents } from './events.js';
import { venueNameAddressKey } from './normalise.js';
import { countsAsVenuePatrol } from './patrol-count.js';
import type { CategoryLeadPort, VenueFacts, VenueHazardsPort } from './ports.js';
import { createVenueRegistry } from './registry.js';
import { hasInvalidIndustryMarking, isRegisteredVenue } from './state.js';

const directory = createSampleSafetyDirectory();
const a = (id: string) => actorFor(directory, id);
const grid = a('p-grid-1');
const terr = a('p-terr-1');
const industry = a('p-ind-1');
const fireOfficer = a('p-spec-1');
const advisor = a('p-fire-adv');
const office = a('p-cmo-district');
const operator = a('p-venue-op');
const safety = a('p-enf-1');

const answer = <T>(value: T, seen = 3, head = 3): ReadModelAnswer<T> => ({
  value,
  streamId: 'x',
  seenVersion: seen,
  headVersion: head,
});
const leads = (orgIds: string[], lagging = false): CategoryLeadPort => ({
  name: 'category-leads',
  categoryLeads: async () => answer(orgIds, lagging ? 2 : 3),
});
const hazards = (ids: string[], lagging = false): VenueHazardsPort => ({
  name: 'venue-hazards',
  liveHazards: async () => answer(ids, lagging ? 2 : 3),
});
const decider = createVenueDecider({
  directory,
  categoryLeads: leads(['org-industry']),
  hazards: hazards([]),
});
const facts: VenueFacts = { categoryLeads: ['org-industry'], liveHazards: [] };
const spec = deciderSpec(decider, { now: sampleNow, streamId: 'venue-venue-1', facts });

const register = (
  o: Partial<Extract<VenueCommand, { type: 'RegisterVenue' }>> = {},
): VenueCommand => ({
  type: 'RegisterVenue',
  actor: grid,
  venueId: 'venue-1',
  name: 'Noodle shop',
  address: '1 Park Road',
  category: 'small_restaurant',
  areaId: 'area-park',
  operator: { name: 'Mr Wang', personId: 'p-venue-op' },
  ...o,
});
const mark = (
  role: 'territorial' | 'industry' | 'special' | 'fire_advisor',
  id: string,
  actor = office,
): VenueCommand =>
  role === 'fire_advisor'
    ? { type: 'MarkResponsibleParty', actor, role, personId: id }
    : { type: 'MarkResponsibleParty', actor, role, orgId: id };
const patrol = (actor = grid, kind: 'routine' | 'spot_check' = 'routine'): VenueCommand => ({
  type: 'RecordPatrol',
  actor,
  kind,
  mode: 'online',
  result: 'ok',
});

describe('venue rules', () => {
  it('V-0 a venue is registered once, in a known area, by a grid patroller or territorial officer', () => {
    spec.given([]).when(patrol()).thenViolates('V-0', 'NotRegistered');
    spec.givenCommands([register()]).when(register()).thenViolates('V-0', 'AlreadyRegistered');
    spec
      .given([])
      .when(register({ areaId: 'area-nowhere' }))
      .thenViolates('V-0', 'UnknownArea');
    spec
      .given([])
      .when(register({ actor: industry }))
      .thenViolates('V-0', 'Forbidden');
    spec
      .given([])
      .when(register({ areaId: 'area-town' }))
      .thenViolates('V-0', 'Forbidden');
    spec
      .given([])
      .when(register({ actor: terr }))
      .thenState((s) => expect(s.status).toBe('active'));
  });

  it('V-2 markings: the right kind of organisation, the category lead, one per single role', () => {
    const registered = [register()];
    spec
      .givenCommands(registered)
      .when(mark('territorial', 'org-territorial'))
      .thenEmits([
        {
          type: 'VenueResponsiblePartyMarked',
          data: {
            venueId: 'venue-1',
            occurredAt: sampleNow.toISOString(),
            actor: office,
            role: 'territorial',
            orgId: 'org-territorial',
            personId: null,
            areaId: 'area-park',
            category: 'small_restaurant',
          },
        },
      ]);
    // A marking by the wrong kind of organisation, and of the wrong kind of organisation.
    const byWrong = spec
      .givenCommands(registered)
      .when(mark('industry', 'org-industry', fireOfficer))
      .thenViolates('V-2', 'Forbidden');
    expect(byWrong.details).toMatchObject({ personId: 'p-spec-1' });
    spec
      .givenCommands(registered)
      .when(mark('territorial', 'org-safety'))
      .thenViolates('V-2', 'WrongParty');
    spec
      .givenCommands(registered)
      .when(mark('special', 'org-industry'))
      .thenViolates('V-2', 'WrongParty');
    spec
      .givenCommands(registered)
      .when(mark('fire_advisor', 'p-spec-1'))
      .thenViolates('V-2', 'WrongParty');
    const notLead = spec
      .givenCommands(registered)
      .when(mark('industry', 'org-industry', industry), { facts: { categoryLeads: ['org-other'] } })
      .thenViolates('V-2', 'RegulatorNotAssignedToCategory');
    expect(notLead.details).toMatchObject({ orgId: 'org-industry', category: 'small_restaurant' });
    spec
      .givenCommands(registered)
      .when(mark('industry', 'org-industry', industry), { facts: { categoryLeads: [] } })
      .thenViolates('V-2', 'RegulatorNotAssignedToCategory');
    spec
      .givenCommands([...registered, mark('special', 'org-fire')])
      .when(mark('special', 'org-fire'))
      .thenViolates('V-2', 'AlreadyMarked');
    spec
      .givenCommands(registered)
      .when({
        type: 'UnmarkResponsibleParty',
        actor: office,
        role: 'special',
        orgId: 'org-fire',
        reason: 'x',
      })
      .thenViolates('V-2', 'NotMarked');
    spec
      .givenCommands([
        ...registered,
        mark('fire_advisor', 'p-fire-adv'),
        mark('industry', 'org-industry', industry),
      ])
      .when(mark('territorial', 'org-territorial', terr))
      .thenState((s) => {
        expect(isRegisteredVenue(s) && s.markings).toEqual({
          territorial: 'org-territorial',
          industry: 'org-industry',
          special: [],
          fireAdvisor: 'p-fire-adv',
        });
      });
  });

  it('V-3 patrols by the area’s grid patroller, the marked fire advisor or a marked organisation; spot checks by regulators', () => {
    const registered = [register()];
    spec.givenCommands(registered).when(patrol(advisor)).thenViolates('V-3', 'Forbidden');
    spec.givenCommands(registered).when(patrol(industry)).thenViolates('V-3', 'Forbidden');
    spec
      .givenCommands(registered)
      .when(patrol(grid, 'spot_check'))
      .thenViolates('V-3', 'Forbidden');
    spec
      .givenCommands([...registered, mark('fire_advisor', 'p-fire-adv')])
      .when(patrol(advisor))
      .thenState((s) => expect(s.version).toBe(3));
    spec
      .givenCommands([...registered, mark('industry', 'org-industry', industry)])
      .when(patrol(industry, 'spot_check'))
      .thenState((s) => expect(s.version).toBe(3));
    spec
      .givenCommands(registered)
      .when(patrol(safety, 'spot_check'))
      .thenState((s) => expect(s.version).toBe(2));
  });

  it('V-4 only the venue’s operator records a self-check', () => {
    const check: VenueCommand = { type: 'RecordSelfCheck', actor: grid, checklist: 'fire' };
    spec.givenCommands([register()]).when(check).thenViolates('V-4', 'Forbidden');
    spec
      .givenCommands([register()])
      .when({ ...check, actor: operator })
      .thenState((s) => expect(s.version).toBe(2));
  });

  it('V-5 no deregistration with live hazards, nothing after deregistration', () => {
    const dereg: VenueCommand = { type: 'DeregisterVenue', actor: terr, reason: 'closed' };
    const error = spec
      .givenCommands([register()])
      .when(dereg, { facts: { liveHazards: ['h-1'] } })
      .thenViolates('V-5', 'OpenHazardsExist');
    expect(error.details).toMatchObject({ hazardIds: ['h-1'] });
    spec
      .givenCommands([register()])
      .when({ ...dereg, actor: grid })
      .thenViolates('V-5', 'Forbidden');
    spec.givenCommands([register(), dereg]).when(patrol()).thenViolates('V-5', 'VenueDeregistered');
  });

  it('V-5 a stale hazards read model never lets a venue with live hazards be deregistered (G-9)', async () => {
    const store = createMemoryEventStore({
      registry: createEventRegistry({ events: venueEvents }),
    });
    const make = (port: VenueHazardsPort) =>
      createCommandHandler({
        store,
        clock: () => sampleNow,
        retry: { maxAttempts: 2, baseDelayMs: 0 },
        decider: createVenueDecider({
          directory,
          categoryLeads: leads(['org-industry']),
          hazards: port,
        }),
      });
    await make(hazards([]))('venue-venue-1', register());
    const stale = await make(hazards([], true))('venue-venue-1', {
      type: 'DeregisterVenue',
      actor: terr,
      reason: 'x',
    }).catch((e: unknown) => e);
    expect(isProjectionLaggingError(error(stale))).toBe(true);
    await expect(
      make(hazards(['h-1']))('venue-venue-1', {
        type: 'DeregisterVenue',
        actor: terr,
        reason: 'x',
      }),
    ).rejects.toMatchObject({ rule: 'V-5' });
    const laggingLeads = createCommandHandler({
      store,
      clock: () => sampleNow,
      retry: { maxAttempts: 2, baseDelayMs: 0 },
      decider: createVenueDecider({
        directory,
        categoryLeads: leads(['org-industry'], true),
        hazards: hazards([]),
      }),
    });
    const lagging = await laggingLeads(
      'venue-venue-1',
      mark('industry', 'org-industry', industry),
    ).catch((e: unknown) => e);
    expect(isProjectionLaggingError(lagging)).toBe(true);
  });

  it('V-6 a category change invalidates an industry marking that is no longer the category lead', () => {
    spec
      .givenCommands([register(), mark('industry', 'org-industry', industry)])
      .when({ type: 'UpdateVenueProfile', actor: grid, category: 'small_hotel' })
      .thenState((s) => {
        if (!isRegisteredVenue(s)) throw new Error('not registered');
        expect(s.category).toBe('small_hotel');
        expect(hasInvalidIndustryMarking(s, ['org-hotels'])).toBe(true);
        expect(hasInvalidIndustryMarking(s, ['org-industry'])).toBe(false);
        expect(hasInvalidIndustryMarking(s, ['org-industry', 'org-hotels'])).toBe(true);
      });
  });

  it('V-7 spot checks recorded as patrols or as venue inspections both count as patrols', () => {
    expect(countsAsVenuePatrol({ type: 'VenuePatrolled' })).toBe(true);
    expect(countsAsVenuePatrol({ type: 'InspectionCompleted', subject: { kind: 'venue' } })).toBe(
      true,
    );
    expect(
      countsAsVenuePatrol({ type: 'InspectionCompleted', subject: { kind: 'enterprise' } }),
    ).toBe(false);
    expect(countsAsVenuePatrol({ type: 'VenueSelfCheckCompleted' })).toBe(false);
  });

  it('V-1 duplicates by USCC or by normalised name and address are refused with the values, nothing written', async () => {
    const store = createMemoryEventStore({
      registry: createEventRegistry({ events: [...venueEvents, ...uniqueKeyEvents] }),
    });
    const handle = createCommandHandler({ store, clock: () => sampleNow, decider });
    const registry = createVenueRegistry({ store, handle });
    await registry.handle('venue-1', register({ uscc: '91320900MA1XXXXX0A' }));
    const byName = await registry
      .handle(
        'v-2',
        register({ venueId: 'v-2', name: 'ＮＯＯＤＬＥ　shop', address: '1 park road ' }),
      )
      .catch((e: unknown) => e);
    expect(isRuleViolation(byName) && byName.rule === 'V-1' && byName.details).toMatchObject({
      field: 'name_address',
      ownerVenueId: 'venue-1',
    });
    const byUscc = await registry
      .handle('v-3', register({ venueId: 'v-3', name: 'Other', uscc: '91320900ma1xxxxx0a' }))
      .catch((e: unknown) => e);
    expect(isRuleViolation(byUscc) && byUscc.details).toMatchObject({
      field: 'uscc',
      value: '91320900ma1xxxxx0a',
    });
    for (const id of ['v-2', 'v-3']) {
      let events = 0;
      for await (const _ of store.readStream(`venue-${id}`)) events++;
      expect(events).toBe(0);
    }
    // A rejected registration leaves no claim behind; deregistration frees the name and address.
    await registry.handle(
      'v-3',
      register({ venueId: 'v-3', name: 'Other', address: '2 Park Road' }),
    );
    await registry.handle('venue-1', { type: 'DeregisterVenue', actor: terr, reason: 'closed' });
    const again = await registry.handle('v-4', register({ venueId: 'v-4', name: 'noodle SHOP' }));
    expect(again.state.status).toBe('active');
    expect(venueNameAddressKey('Ａ　B', 'x')).toBe(venueNameAddressKey('ab', 'X'));
  });
});

function error(value: unknown): unknown {
  return value;
}
