import {
  createCommandHandler,
  createHazardDecider,
  type EventRegistry,
  type EventStore,
  HazardCommandSchema,
  hazardStreamId,
} from '@safeledger/core';
import { createMemoryEventStore } from '@safeledger/store-memory';
import { createSqliteEventStore } from '@safeledger/store-sqlite';
import { sampleHazardCommands, sampleNow } from '@safeledger/testing';
import { benchHazardRegistry } from '../targets/registries.js';
import { tempDatabase } from '../targets/temp-file.js';
import { createPhaseClock, type PhaseClock, timeMethods } from './phase-clock.js';

/** Microseconds per command, split by phase (exclusive: inner phases are subtracted). */
export interface HazardProfile {
  readonly store: string;
  readonly commands: number;
  /** Timed rounds; every figure is the median over them. */
  readonly rounds: number;
  readonly total: number;
  readonly phases: readonly { readonly phase: string; readonly micros: number }[];
}

/** A store built on a registry the profile can time. */
interface ProfiledStore {
  readonly name: string;
  open(registry: EventRegistry): { store: EventStore; close(): Promise<void> };
}

/** The stores the profile runs on: in memory, and SQLite at its default durability. */
export const profiledStores: readonly ProfiledStore[] = [
  {
    name: 'memory',
    open: (registry) => {
      const store = createMemoryEventStore({ registry });
      return { store, close: () => store.close() };
    },
  },
  {
    name: 'sqlite (WAL, synchronous NORMAL)',
    open: (registry) => {
      const file = tempDatabase('profile');
      const store = createSqliteEventStore({ path: file.path }, { registry });
      return {
        store,
        close: async () => {
          await store.close();
          file.remove();
        },
      };
    },
  },
];

/**
 * The store with its append and its internal aggregate load timed. The command handler loads
 * through a symbol-keyed method of stores built by createEventStore, so every symbol-keyed
 * method counts as the load.
 */
function timedStore(store: EventStore, clock: PhaseClock): EventStore {
  return new Proxy(store, {
    get(object, key) {
      const value = Reflect.get(object, key, object) as unknown;
      if (typeof value !== 'function') return value;
      const phase =
        key === 'appendToStream' ? 'append' : typeof key === 'symbol' ? 'load' : undefined;
      if (phase === undefined) return value.bind(object);
      return (...args: unknown[]) =>
        clock.time(phase, () => (value as (...a: unknown[]) => unknown).apply(object, args));
    },
  });
}

/**
 * Runs the hazard command path (register, extend, complete, verify-and-close) `hazards` times on
 * a fresh store with every phase timed, `rounds` times after an untimed warm-up of the same path.
 */
export async function profileHazardPath(
  subject: ProfiledStore,
  hazards: number,
  rounds = 3,
): Promise<HazardProfile> {
  const clock = createPhaseClock();
  const kit = sampleHazardCommands();
  const directory = timeMethods(kit.directory, 'directory', clock);
  const registry = timeMethods(benchHazardRegistry(), 'validation', clock);
  const plain = createHazardDecider({ directory });
  const decider = {
    ...plain,
    decide: (...args: Parameters<typeof plain.decide>) =>
      clock.time('decide', () => plain.decide(...args)),
    // The handler folds twice: the stream while loading, and the decided events afterwards (the
    // state it returns); the two are reported apart.
    evolve: (...args: Parameters<typeof plain.evolve>) =>
      clock.time(clock.active('load') ? 'fold' : 'fold-new', () => plain.evolve(...args)),
  } as typeof plain;
  const { store, close } = subject.open(registry);
  try {
    const handle = createCommandHandler({
      store: timedStore(store, clock),
      decider,
      clock: () => sampleNow,
    });
    const run = async (prefix: string, count: number) => {
      for (let h = 0; h < count; h++) {
        const hazardId = `${prefix}h${h}`;
        const streamId = hazardStreamId(hazardId);
        const commands = [
          kit.registerGeneral({ hazardId, deadline: '2024-03-10' }),
          {
            type: 'ExtendRectificationDeadline' as const,
            actor: kit.actors.principal,
            newDeadline: '2024-03-20',
            reason: 'parts on order',
          },
          kit.complete(),
          {
            type: 'VerifyRectification' as const,
            actor: kit.actors.safetyOfficer,
            outcome: 'passed' as const,
            kind: 'acceptance' as const,
            verifierIds: [kit.actors.safetyOfficer.personId],
          },
        ];
        for (const [i, command] of commands.entries()) {
          await clock.time('total', () =>
            handle(streamId, command, { commandId: `${hazardId}-${i + 1}` }),
          );
          // decide parses the command with this schema first; timed apart on the same input so
          // its share can be taken out of decide.
          clock.time('parse', () => HazardCommandSchema.parse(command));
        }
      }
    };
    await run('warm', Math.max(10, Math.floor(hazards / 5)));
    const commands = hazards * 4;
    const measured: { total: number; phases: { phase: string; micros: number }[] }[] = [];
    for (let round = 0; round < rounds; round++) {
      clock.reset();
      await run(`r${round}`, hazards);
      measured.push(split(clock, commands));
    }
    // Each phase's median over the rounds: one slow round on a busy machine moves nothing.
    const first = measured[0]!;
    return {
      store: subject.name,
      commands,
      rounds,
      total: median(measured.map((m) => m.total)),
      phases: first.phases.map((row, i) => ({
        phase: row.phase,
        micros: median(measured.map((m) => m.phases[i]!.micros)),
      })),
    };
  } finally {
    await close();
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** One round's microseconds per command, inner phases subtracted from the outer ones. */
function split(
  clock: PhaseClock,
  commands: number,
): { total: number; phases: { phase: string; micros: number }[] } {
  const t = (phase: string) => (clock.totals.get(phase) ?? 0) / commands;
  const parse = t('parse');
  const decideRules = t('decide') - parse - t('directory');
  const load = t('load') - t('fold');
  const append = t('append') - t('validation');
  const handler = t('total') - t('load') - t('decide') - t('append') - t('fold-new');
  return {
    total: t('total'),
    phases: [
      { phase: 'zod parse of the command (in decide)', micros: parse },
      { phase: 'directory lookups (in decide)', micros: t('directory') },
      { phase: 'domain rules (rest of decide)', micros: decideRules },
      { phase: 'load: reading the stream', micros: load },
      { phase: 'load: folding events into state', micros: t('fold') },
      { phase: 'folding the decided events (the returned state)', micros: t('fold-new') },
      { phase: 'event validation (registry, in append)', micros: t('validation') },
      { phase: 'append: the store write (rest of append)', micros: append },
      {
        phase: 'command handler: ids, metadata, command fingerprint, snapshots',
        micros: handler,
      },
    ],
  };
}

/** The profiles as one markdown table: a column per store, a row per phase. */
export function renderHazardProfiles(profiles: readonly HazardProfile[]): string {
  const micros = (v: number) => v.toFixed(1);
  const share = (v: number, total: number) => `${((v / total) * 100).toFixed(0)}%`;
  const first = profiles[0];
  if (first === undefined) return '';
  return [
    `| phase | ${profiles.map((p) => `${p.store}: µs per command`).join(' | ')} |`,
    `|---|${profiles.map(() => '---:').join('|')}|`,
    ...first.phases.map(
      (row, i) =>
        `| ${row.phase} | ${profiles.map((p) => `${micros(p.phases[i]!.micros)} (${share(p.phases[i]!.micros, p.total)})`).join(' | ')} |`,
    ),
    `| **whole command** | ${profiles.map((p) => `**${micros(p.total)}**`).join(' | ')} |`,
  ].join('\n');
}
