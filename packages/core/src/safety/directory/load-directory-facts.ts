import type { Directory } from './directory.js';
import {
  type DirectoryRecordKind,
  type DirectoryRequest,
  type DirectorySource,
  directoryRecordKinds,
} from './directory-source.js';

/** Options of `loadDirectoryFacts`. */
export interface LoadDirectoryFactsOptions {
  /** Rounds of loading before giving up; default 16 (a decision reads chains of 2 or 3 records). */
  readonly maxRounds?: number;
}

/**
 * Loads exactly the directory records a decision reads, and returns them as a synchronous
 * `Directory` for `decide` (the facts of a decider's `prepare`).
 *
 * `decide` is pure, so it can be run as often as needed: each round runs `dryRun` against the
 * records loaded so far, notes every lookup of an id not yet asked for, and loads those in one
 * batch per kind. When a round reads nothing new, the same decision will read the same records,
 * so they are the facts. The rounds equal the depth of the lookup chains (the actor's person,
 * then their organisation; a site, then its landlord), never the size of the directory, and the
 * rule code need not declare what it reads: a lookup added to a rule is loaded without further
 * plumbing. Whatever `dryRun` throws is ignored here; `decide` throws it again with the facts.
 *
 * @throws Error when lookups still change after `maxRounds` rounds (a decision whose reads never
 * settle), and whatever the source throws (`ProjectionLaggingError` for a lagging read model).
 */
export async function loadDirectoryFacts(
  source: DirectorySource,
  dryRun: (directory: Directory) => void,
  options: LoadDirectoryFactsOptions = {},
): Promise<Directory> {
  const maxRounds = options.maxRounds ?? 16;
  const known = new Map<DirectoryRecordKind, Map<string, unknown>>(
    directoryRecordKinds.map((kind) => [kind, new Map()]),
  );
  for (let round = 0; round < maxRounds; round++) {
    const missing = new Map<DirectoryRecordKind, Set<string>>();
    const view = directoryOver(known, (kind, id) => {
      const ids = missing.get(kind);
      if (ids === undefined) missing.set(kind, new Set([id]));
      else ids.add(id);
    });
    try {
      dryRun(view);
    } catch {
      // The real decision rethrows it; only the lookups it made matter here.
    }
    if (missing.size === 0) return directoryOver(known, () => {});
    const request: { [K in DirectoryRecordKind]?: string[] } = {};
    for (const [kind, ids] of missing) request[kind] = [...ids];
    const records = await source.load(request as DirectoryRequest);
    for (const [kind, ids] of missing) {
      const byId = known.get(kind)!;
      // An id the source does not know is known to be absent: it is not asked for again.
      for (const id of ids) byId.set(id, undefined);
      for (const record of (records[kind] ?? []) as readonly { id: string }[]) {
        if (ids.has(record.id)) byId.set(record.id, record);
      }
    }
  }
  throw new Error(`directory lookups did not settle after ${maxRounds} rounds of loading`);
}

function directoryOver(
  known: ReadonlyMap<DirectoryRecordKind, ReadonlyMap<string, unknown>>,
  onMiss: (kind: DirectoryRecordKind, id: string) => void,
): Directory {
  const lookup =
    <K extends DirectoryRecordKind>(kind: K) =>
    (id: string) => {
      const byId = known.get(kind)!;
      if (!byId.has(id)) onMiss(kind, id);
      return byId.get(id) as any;
    };
  return Object.freeze({
    area: lookup('area'),
    organization: lookup('organization'),
    person: lookup('person'),
    enterprise: lookup('enterprise'),
    venue: lookup('venue'),
    site: lookup('site'),
  });
}
