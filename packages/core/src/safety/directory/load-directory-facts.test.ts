import { createMemoryEventStore } from '@safeledger/store-memory';
import {
  createSampleSafetyDirectory,
  hazardCommandArbitrary,
  sampleHazardCommands,
  sampleNow,
} from '@safeledger/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCommandHandler } from '../../eventsourcing/command-handler.js';
import { isProjectionLaggingError, ProjectionLaggingError } from '../../eventsourcing/errors.js';
import type { HazardCommand } from '../hazard/commands.js';
import { createHazardDecider } from '../hazard/decide.js';
import type { HazardEvent } from '../hazard/events.js';
import { evolveHazard, type HazardState, initialHazardState } from '../hazard/state.js';
import type { Directory } from './directory.js';
import {
  type DirectoryRecordKind,
  type DirectoryRequest,
  type DirectorySource,
  directoryRecordKinds,
  directorySourceOf,
} from './directory-source.js';
import { loadDirectoryFacts } from './load-directory-facts.js';

const directory = createSampleSafetyDirectory();
const syncDecider = createHazardDecider({ directory });

/** A source over the sample directory that records every id it was asked for. */
function countingSource(inner: Directory = directory) {
  const requested: string[] = [];
  const adapter = directorySourceOf(inner);
  const source: DirectorySource = {
    load(request) {
      for (const kind of directoryRecordKinds) {
        for (const id of request[kind] ?? []) requested.push(`${kind}:${id}`);
      }
      return adapter.load(request);
    },
  };
  return { source, requested };
}

/** The sample directory, recording the ids a synchronous decision reads. */
function recordingDirectory() {
  const read = new Set<string>();
  const spy = Object.fromEntries(
    directoryRecordKinds.map((kind) => [
      kind,
      (id: string) => {
        read.add(`${kind}:${id}`);
        return (directory[kind] as (id: string) => unknown)(id);
      },
    ]),
  ) as unknown as Directory;
  return { spy, read };
}

type Outcome = { events: readonly HazardEvent[] } | { error: string };

function outcome(run: () => HazardEvent | readonly HazardEvent[]): Outcome {
  try {
    const events = run();
    return { events: Array.isArray(events) ? events : [events as HazardEvent] };
  } catch (error) {
    return { error: String(error) };
  }
}

describe('loadDirectoryFacts: the records a decision reads, loaded before decide', () => {
  it('decides every command as the synchronous directory does, loading just the records the decision reads', async () => {
    await fc.assert(
      fc.asyncProperty(fc.gen(), fc.integer({ min: 1, max: 8 }), async (g, steps) => {
        let state: HazardState = initialHazardState();
        for (let step = 0; step < steps; step++) {
          const command = g(() =>
            hazardCommandArbitrary({ directory, state, now: sampleNow }),
          ) as HazardCommand;
          const context = { now: sampleNow, streamId: 'hazard-h-1', version: state.version };
          const recording = recordingDirectory();
          const expected = outcome(() =>
            createHazardDecider({ directory: recording.spy }).decide(command, state, context),
          );
          const { source, requested } = countingSource();
          const decider = createHazardDecider({ directory: source });
          const facts = await decider.prepare!(command, state, context);
          const actual = outcome(() => decider.decide(command, state, { ...context, facts }));
          expect(actual).toEqual(expected);
          // Nothing is loaded twice, and no record the decision does not read is loaded.
          expect(new Set(requested).size).toBe(requested.length);
          expect(new Set(requested)).toEqual(recording.read);
          if ('events' in expected) state = expected.events.reduce(evolveHazard, state);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('runs a hazard through a command handler on a source, a few records per command', async () => {
    const kit = sampleHazardCommands(directory);
    const { source, requested } = countingSource();
    const handle = createCommandHandler({
      store: createMemoryEventStore(),
      decider: createHazardDecider({ directory: source }),
      clock: () => sampleNow,
    });
    const result = await handle('hazard-h-1', kit.registerGeneral());
    expect(result.events.map((event) => event.type)).toEqual(['HazardRegistered']);
    const sizeOfDirectory =
      directory.persons().length +
      directory.organizations().length +
      directory.enterprises().length;
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.length).toBeLessThan(sizeOfDirectory / 4);
  });

  it('passes on a lagging source (G-9), and the command handler retries until it answers', async () => {
    const kit = sampleHazardCommands(directory);
    const adapter = directorySourceOf(directory);
    let lagging = 2;
    const source: DirectorySource = {
      async load(request) {
        if (lagging-- > 0) throw new ProjectionLaggingError('registry', 'behind stream ent-chem');
        return adapter.load(request);
      },
    };
    const handle = createCommandHandler({
      store: createMemoryEventStore(),
      decider: createHazardDecider({ directory: source }),
      clock: () => sampleNow,
      retry: { baseDelayMs: 0 },
    });
    const result = await handle('hazard-h-1', kit.registerGeneral());
    expect(result.nextVersion).toBe(1);

    const stuck = createCommandHandler({
      store: createMemoryEventStore(),
      decider: createHazardDecider({
        directory: {
          load: () => Promise.reject(new ProjectionLaggingError('registry', 'behind')),
        },
      }),
      clock: () => sampleNow,
      retry: { maxAttempts: 2, baseDelayMs: 0 },
    });
    const error = await stuck('hazard-h-1', kit.registerGeneral()).catch((e: unknown) => e);
    expect(isProjectionLaggingError(error)).toBe(true);
  });

  it('refuses to decide on a source without the facts prepare loads', () => {
    const decider = createHazardDecider({ directory: directorySourceOf(directory) });
    const kit = sampleHazardCommands(directory);
    expect(() =>
      decider.decide(kit.registerGeneral(), initialHazardState(), {
        now: sampleNow,
        streamId: 'hazard-h-1',
        version: 0,
      }),
    ).toThrow('run it through a command handler');
    expect(syncDecider.prepare).toBeUndefined();
  });

  it('gives up on lookups that never settle, naming the rounds', async () => {
    let counter = 0;
    const source: DirectorySource = { load: async () => ({}) };
    await expect(
      loadDirectoryFacts(
        source,
        (view) => {
          view.person(`p-${counter++}`);
        },
        { maxRounds: 3 },
      ),
    ).rejects.toThrow('directory lookups did not settle after 3 rounds of loading');
  });

  it('asks for each kind in one batch per round and treats unknown ids as absent', async () => {
    const requests: DirectoryRequest[] = [];
    const adapter = directorySourceOf(directory);
    const source: DirectorySource = {
      load(request) {
        requests.push(request);
        return adapter.load(request);
      },
    };
    const facts = await loadDirectoryFacts(source, (view) => {
      const person = view.person('p-so-1');
      view.person('nobody');
      if (person?.enterpriseId !== undefined) view.enterprise(person.enterpriseId);
    });
    expect(requests).toEqual([
      { person: ['p-so-1', 'nobody'] },
      { enterprise: [directory.person('p-so-1')!.enterpriseId!] },
    ]);
    expect(facts.person('nobody')).toBeUndefined();
    expect(facts.person('p-so-1')).toEqual(directory.person('p-so-1'));
    const kinds: DirectoryRecordKind[] = ['area', 'organization', 'venue', 'site'];
    for (const kind of kinds) expect(facts[kind]('x')).toBeUndefined();
  });
});
