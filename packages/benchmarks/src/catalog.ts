import { emmettMemory, emmettPostgres, emmettSqlite } from './targets/emmett.js';
import { postgresSubjects, rawPostgres, safeledgerPostgres } from './targets/postgres.js';
import { rawSqlite } from './targets/raw-sqlite.js';
import { safeledgerMemory } from './targets/safeledger-memory.js';
import { safeledgerSqlite } from './targets/safeledger-sqlite.js';
import { memorySubject, sqliteSubject } from './targets/store-subjects.js';
import type { Contender, Family } from './targets/target.js';
import type { HazardPathSubject } from './workloads/hazard-path.js';
import type { Scale } from './workloads/workload.js';

// Which contenders a run measures, built the same way in the parent (to plan the jobs) and in
// each child (to find the one contender its job names), so the two always agree.

/** What decides the contenders of a run. */
export interface Lineup {
  readonly families: readonly Family[];
  readonly withEmmett: boolean;
  /** PostgreSQL runs only with a server. */
  readonly pgUrl: string | undefined;
}

/** The append-side contenders, ours first, then the raw driver, then Emmett, per family. */
export function contendersOf(lineup: Lineup): Contender[] {
  const has = (family: Family) => lineup.families.includes(family);
  const contenders: Contender[] = [];
  if (has('memory'))
    contenders.push(safeledgerMemory, ...(lineup.withEmmett ? [emmettMemory] : []));
  if (has('sqlite')) {
    contenders.push(
      // Each of our durability settings next to the raw driver at the same one.
      safeledgerSqlite('NORMAL'),
      rawSqlite('NORMAL'),
      safeledgerSqlite('FULL'),
      rawSqlite('FULL'),
      ...(lineup.withEmmett ? [emmettSqlite] : []),
    );
  }
  if (has('postgres') && lineup.pgUrl !== undefined) {
    contenders.push(
      safeledgerPostgres(lineup.pgUrl),
      rawPostgres(lineup.pgUrl),
      ...(lineup.withEmmett ? [emmettPostgres(lineup.pgUrl)] : []),
    );
  }
  return contenders;
}

/** Our stores the projection rebuild and the hazard command path run on. */
export function subjectsOf(lineup: Lineup): HazardPathSubject[] {
  return [
    ...(lineup.families.includes('memory') ? [memorySubject] : []),
    ...(lineup.families.includes('sqlite') ? [sqliteSubject] : []),
    ...(lineup.families.includes('postgres') && lineup.pgUrl !== undefined
      ? postgresSubjects(lineup.pgUrl)
      : []),
  ];
}

/** The workloads, by the id a job carries (and `pnpm bench --only` takes). */
export const workloadIds = ['single', 'batch', 'writers', 'loads', 'rebuild', 'hazard'] as const;

/** The workloads, by the id a job carries. */
export type WorkloadId = (typeof workloadIds)[number];

/** The title a workload's results carry at this scale (the report's table headings). */
export function workloadTitle(id: WorkloadId, scale: Scale): string {
  switch (id) {
    case 'single':
      return 'single-event appends';
    case 'batch':
      return `${scale.eventsPerStream}-event batch appends`;
    case 'writers':
      return `${scale.writers} concurrent writers`;
    case 'loads':
      return `loading ${scale.streams} streams`;
    case 'rebuild':
      return `projection rebuild (${Math.ceil(scale.rebuildEvents / scale.eventsPerStream) * scale.eventsPerStream} events)`;
    case 'hazard':
      return 'hazard command path (load, decide, append)';
  }
}
