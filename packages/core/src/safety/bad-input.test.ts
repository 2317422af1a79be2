import { createMemoryEventStore } from '@safeledger/store-memory';
import {
  actorsOf,
  createSampleSafetyDirectory,
  sampleHazardCommands,
  sampleNow,
  staticItemHazards,
} from '@safeledger/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCommandHandler } from '../eventsourcing/command-handler.js';
import type { Decider } from '../eventsourcing/decider.js';
import type { DomainEvent } from '../eventsourcing/envelope.js';
import { isSafeledgerError } from '../eventsourcing/errors.js';
import type { EventDefinition } from '../eventsourcing/event-definition.js';
import { createEventRegistry } from '../eventsourcing/event-registry.js';
import type { EventStore } from '../eventsourcing/event-store.js';
import { createActivityDecider } from './activity/decide.js';
import { type AggregateName, aggregateCatalogs } from './aggregates.js';
import { createDutyRosterDecider } from './duty/decide.js';
import { createEmergencyPlanDecider } from './emergency-plan/decide.js';
import { createEnforcementCaseDecider } from './enforcement-case/decide.js';
import { createEnterpriseDecider } from './enterprise/decide.js';
import { createHazardDecider } from './hazard/decide.js';
import { createInspectionDecider } from './inspection/decide.js';
import type { ReadModelAnswer } from './ports/fresh-answer.js';
import { createResponsibilityDecider } from './responsibility/decide.js';
import { createSiteDecider } from './site/decide.js';
import { createSupervisionItemDecider } from './supervision-item/decide.js';
import { createVenueDecider } from './venue/decide.js';

/*
 * Issue 20, bad input: hostile commands for every command of every aggregate, and hostile event
 * data for every event type, must each end in one of the library's own errors (never a
 * TypeError, a RangeError or a crash), write nothing, and leave Object.prototype untouched.
 */

const directory = createSampleSafetyDirectory();
const actors = actorsOf(directory);
const fresh = <T>(value: T): ReadModelAnswer<T> => ({
  value,
  streamId: 'x',
  seenVersion: 1,
  headVersion: 1,
});

/** Each aggregate's decider on the sample directory, and the stream its commands go to. */
const deciders: Record<AggregateName, { decider: Decider<any, any, any, any>; stream: string }> = {
  Hazard: { decider: createHazardDecider({ directory }), stream: 'hazard-h1' },
  EnforcementCase: {
    decider: createEnforcementCaseDecider({
      directory,
      hazards: { hazard: async () => undefined },
      inspections: { inspection: async () => undefined },
    }),
    stream: 'case-c1',
  },
  ResponsibilityAssignment: {
    decider: createResponsibilityDecider({ directory }),
    stream: 'resp-r1',
  },
  Inspection: {
    decider: createInspectionDecider({
      directory,
      subjects: { name: 'subjects', subjectStatus: async () => fresh('active' as const) },
    }),
    stream: 'insp-i1',
  },
  Venue: {
    decider: createVenueDecider({
      directory,
      categoryLeads: { name: 'leads', categoryLeads: async () => fresh(['org-industry']) },
      hazards: { name: 'hazards', liveHazards: async () => fresh([]) },
    }),
    stream: 'venue-v1',
  },
  MultiTenantSite: { decider: createSiteDecider({ directory }), stream: 'site-s1' },
  Enterprise: { decider: createEnterpriseDecider({ directory }), stream: 'ent-e1' },
  DutyRoster: { decider: createDutyRosterDecider({ directory }), stream: 'duty-2024-03' },
  SupervisionItem: {
    decider: createSupervisionItemDecider({ directory, hazards: staticItemHazards() }),
    stream: 'item-s1',
  },
  Activity: { decider: createActivityDecider({ directory }), stream: 'act-a1' },
  EmergencyPlan: { decider: createEmergencyPlanDecider({ directory }), stream: 'plan-p1' },
};

const hostileKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', ''),
  fc.string({ maxLength: 6 }),
);
const hostileString = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(
    '__proto__',
    '\u0000',
    '\uD800',
    "'; DROP TABLE events; --",
    '2024-02-30T25:61:00+08:00',
    'not a date',
    '0000-00-00',
    '9999-12-31T23:59:59Z',
    '1970-01-01T00:00:00Z',
    'x'.repeat(70_000),
  ),
);
const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    fc.double(),
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, -1, -1e15, 2 ** 53 + 1),
    fc.integer({ min: -1_000_000, max: -1 }),
    fc.constantFrom(null, undefined, true, false),
    fc.bigInt(),
    fc.date({ noInvalidDate: false }),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(hostileKey, tie('value'), { maxKeys: 3 }),
  ),
})).value;

/** A command of one aggregate: its `type` and field names, every value hostile or missing. */
function hostileCommand(name: AggregateName) {
  const catalog = aggregateCatalogs.find((c) => c.name === name)!;
  return fc.constantFrom(...catalog.commands).chain((schema) => {
    const type = (schema.shape as { type: { value: string } }).type.value;
    const fields = Object.keys(schema.shape).filter((k) => k !== 'type' && k !== 'actor');
    return fc
      .record({
        type: fc.constant(type),
        actor: fc.oneof(fc.constantFrom(...actors), hostileValue),
        fields: fc.dictionary(fc.constantFrom(...(fields.length ? fields : ['x'])), hostileValue),
        extra: fc.dictionary(hostileKey, hostileValue, { maxKeys: 2 }),
      })
      .map(({ type, actor, fields, extra }) => ({ ...extra, ...fields, type, actor }));
  });
}

async function logSize(store: EventStore): Promise<number> {
  let n = 0;
  for await (const _ of store.readAll()) n += 1;
  return n;
}

/** Runs `attempt` and asserts it either succeeds or fails with the library's own error. */
async function refusedCleanly(attempt: () => Promise<unknown>): Promise<'ok' | 'refused'> {
  try {
    await attempt();
    return 'ok';
  } catch (error) {
    if (!isSafeledgerError(error)) throw error;
    expect(error.message.length).toBeGreaterThan(0);
    return 'refused';
  }
}

describe('bad input (issue 20)', () => {
  for (const { name } of aggregateCatalogs) {
    it(`${name}: hostile commands end in a library error, write nothing and pollute nothing`, async () => {
      const { decider, stream } = deciders[name];
      const store = createMemoryEventStore();
      const handle = createCommandHandler({ store, decider, clock: () => sampleNow });
      await fc.assert(
        fc.asyncProperty(hostileCommand(name), async (command) => {
          const before = await logSize(store);
          const outcome = await refusedCleanly(() => handle(stream, command));
          // A command shaped from random values is never a valid one: it must be refused, and
          // refused before anything reaches the store.
          expect(outcome).toBe('refused');
          expect(await logSize(store)).toBe(before);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
          expect(Object.getPrototypeOf({})).toBe(Object.prototype);
        }),
        { numRuns: 60 },
      );
    });
  }

  it('a valid RegisterHazard with one field made hostile is refused or accepted whole, never half-written', async () => {
    const samples = sampleHazardCommands(directory);
    const valid = samples.registerGeneral();
    const keys = Object.keys(valid).filter((k) => k !== 'type');
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...keys), hostileValue, async (key, value) => {
        n += 1;
        const store = createMemoryEventStore();
        const handle = createCommandHandler({
          store,
          decider: deciders.Hazard.decider,
          clock: () => sampleNow,
        });
        const command = { ...valid, hazardId: `h${n}`, [key]: value };
        const outcome = await refusedCleanly(() => handle(`hazard-h${n}`, command));
        const written = await logSize(store);
        // All or nothing: a refusal writes no event; an acceptance writes the registration.
        expect(outcome === 'refused' ? written === 0 : written >= 1).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('hostile event data for every event type is a ValidationError on append, and nothing is written', async () => {
    const definitions: EventDefinition[] = aggregateCatalogs.flatMap(
      (c) => c.events as readonly EventDefinition[],
    );
    const registry = createEventRegistry({ events: definitions });
    const store = createMemoryEventStore({ registry });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...definitions),
        fc.dictionary(hostileKey, hostileValue, { maxKeys: 4 }),
        async (definition, data) => {
          const before = await logSize(store);
          const outcome = await refusedCleanly(() =>
            store.appendToStream('fuzz-1', [{ type: definition.type, data } as DomainEvent]),
          );
          expect(outcome).toBe('refused');
          expect(await logSize(store)).toBe(before);
        },
      ),
      { numRuns: 200 },
    );
  });
});
