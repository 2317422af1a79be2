import { type Clock, systemClock } from '../../eventsourcing/defaults.js';
import {
  type DirectoryRecordKind,
  type DirectoryRecords,
  type DirectorySource,
  directoryRecordKinds,
} from './directory-source.js';

/** Options of `createCachedDirectorySource`. */
export interface CachedDirectorySourceOptions {
  readonly source: DirectorySource;
  /** How long a loaded record is served from memory; after that it is loaded again. */
  readonly maxAgeMs: number;
  /** Records kept at most; the oldest go first. Default 10 000. */
  readonly maxEntries?: number;
  readonly clock?: Clock;
}

/** A `DirectorySource` that keeps loaded records for a while, with ways to refresh them. */
export interface CachedDirectorySource extends DirectorySource {
  /** Drops one record, so the next command loads it afresh (call it when you change it). */
  forget(kind: DirectoryRecordKind, id: string): void;
  /** Drops every cached record. */
  clear(): void;
}

/**
 * Caches a directory source's records in memory for `maxAgeMs`. Only records found are cached:
 * an id the source did not know is asked for again by the next command, so a newly registered
 * enterprise or person is seen at once. A changed record is seen after `maxAgeMs`, or at once
 * after `forget`: put a cache in front of reference data that changes rarely and under your
 * control (organisations, areas, officers). In front of the registry's read models a cache gives
 * up G-9's guarantee of no stale answers for up to `maxAgeMs`; leave those uncached unless that
 * is acceptable.
 *
 * @throws RangeError for a negative `maxAgeMs` or a `maxEntries` below 1.
 */
export function createCachedDirectorySource(
  options: CachedDirectorySourceOptions,
): CachedDirectorySource {
  const { source, maxAgeMs } = options;
  const maxEntries = options.maxEntries ?? 10_000;
  const clock = options.clock ?? systemClock;
  if (!(maxAgeMs >= 0)) throw new RangeError(`maxAgeMs must be ≥ 0, got ${maxAgeMs}`);
  if (!(maxEntries >= 1)) throw new RangeError(`maxEntries must be ≥ 1, got ${maxEntries}`);
  // A Map iterates in insertion order, so its first key is the oldest entry.
  const cache = new Map<string, { readonly record: unknown; readonly loadedAt: number }>();
  const keyOf = (kind: DirectoryRecordKind, id: string) => `${kind}\u0000${id}`;
  const push = <T>(lists: Record<string, T[]>, kind: string, item: T): void => {
    const list = lists[kind];
    if (list === undefined) lists[kind] = [item];
    else list.push(item);
  };

  return {
    async load(request) {
      const now = clock().getTime();
      const answer: Record<string, unknown[]> = {};
      const toLoad: Record<string, string[]> = {};
      for (const kind of directoryRecordKinds) {
        for (const id of request[kind] ?? []) {
          const hit = cache.get(keyOf(kind, id));
          if (hit !== undefined && now - hit.loadedAt <= maxAgeMs) {
            push(answer, kind, hit.record);
          } else {
            push(toLoad, kind, id);
          }
        }
      }
      if (Object.keys(toLoad).length > 0) {
        const loaded = await source.load(toLoad);
        for (const kind of directoryRecordKinds) {
          for (const record of (loaded[kind] ?? []) as readonly { id: string }[]) {
            push(answer, kind, record as unknown);
            const key = keyOf(kind, record.id);
            cache.delete(key);
            cache.set(key, { record, loadedAt: now });
          }
        }
        while (cache.size > maxEntries) cache.delete(cache.keys().next().value!);
      }
      return answer as DirectoryRecords;
    },
    forget(kind, id) {
      cache.delete(keyOf(kind, id));
    },
    clear() {
      cache.clear();
    },
  };
}
