import { createMemoryEventStore } from '@safeledger/store-memory';
import type { StoredEvent } from './envelope.js';
import type { EventStore } from './event-store.js';
import { DELETE_DOCUMENT, defineProjection } from './projection.js';
import { indexed } from './projection-fields.js';
import { createProjectionRunner } from './projection-runner.js';
import type { DocumentWrite, ProjectionCheckpoint } from './projection-store.js';

/** A document exercising every way `apply` can change one (see `folds` below). */
export interface Folded {
  id: string;
  count: number;
  label: string | null;
  items: string[];
  /** Starts as the shared `NO_TAGS` constant: a fold must never change it. */
  tags: string[];
  box: { n: number };
  alias: { n: number } | null;
}

/** Handed out by every `init`; immer never writes to it, nor may the runner. */
export const NO_TAGS: string[] = [];

export type FoldEvent =
  | { type: 'Counted'; data: { ids: string[] } }
  | { type: 'Labelled'; data: { ids: string[]; label: string | null } }
  | { type: 'Listed'; data: { ids: string[]; items: string[] } }
  | { type: 'Pushed'; data: { ids: string[]; item: string } }
  | { type: 'Aliased'; data: { ids: string[] } }
  | { type: 'Bumped'; data: { ids: string[] } }
  | { type: 'Replaced'; data: { ids: string[]; label: string } }
  | { type: 'Deleted'; data: { ids: string[] } }
  | { type: 'Poisoned'; data: { ids: string[] } }
  | { type: 'Tangled'; data: { ids: string[] } }
  | { type: 'Misfiled'; data: { ids: string[] } };

export const foldEventTypes = [
  'Counted',
  'Labelled',
  'Listed',
  'Pushed',
  'Aliased',
  'Bumped',
  'Replaced',
  'Deleted',
  'Poisoned',
  'Tangled',
  'Misfiled',
] as const;

/**
 * A projection using every part of the apply contract: mutating the draft, assigning an event's
 * array and later pushing to it, writing to an object reached from two places, returning a
 * replacement, deleting, throwing after a mutation, returning a value after mutating (which
 * immer rejects) and producing a bad indexed value (`Misfiled`: a fractional count).
 */
export const folds = defineProjection<Folded, any>({
  name: 'folds',
  version: 1,
  handles: foldEventTypes,
  documentId: (event: StoredEvent<FoldEvent>) => event.data.ids,
  init: (id) => ({
    id,
    count: 0,
    label: null,
    items: [],
    tags: NO_TAGS,
    box: { n: 0 },
    alias: null,
  }),
  apply: (doc, event: StoredEvent<FoldEvent>) => {
    switch (event.type) {
      case 'Counted':
        doc.count += 1;
        return;
      case 'Labelled':
        doc.label = event.data.label;
        return;
      case 'Listed':
        doc.items = event.data.items;
        return;
      case 'Pushed':
        doc.items.push(event.data.item);
        doc.tags.push(event.data.item);
        return;
      case 'Aliased':
        doc.alias = doc.box;
        return;
      case 'Bumped':
        doc.box.n += 1;
        return;
      case 'Replaced':
        return {
          id: doc.id,
          count: doc.count,
          label: event.data.label,
          items: [],
          tags: NO_TAGS,
          box: { n: 0 },
          alias: null,
        };
      case 'Deleted':
        return DELETE_DOCUMENT;
      case 'Poisoned':
        doc.count += 100;
        if (doc.label !== 'immune') throw new Error(`poisoned ${doc.id}`);
        return;
      case 'Tangled':
        doc.count += 1;
        return { ...doc };
      case 'Misfiled':
        doc.count += 0.5;
        return;
    }
  },
  fields: {
    count: indexed.integer((doc: Folded) => doc.count),
    label: indexed.text((doc: Folded) => doc.label),
  },
});

/**
 * A memory store whose pages hold fresh, unfrozen events, as the SQL stores' pages do, with
 * every projection commit recorded.
 */
export async function foldStore(events: readonly FoldEvent[]) {
  const store = createMemoryEventStore();
  if (events.length > 0) await store.appendToStream('folds-1', [...events]);
  const commits: DocumentWrite[][] = [];
  const thawed: EventStore = {
    ...store,
    readAllPage: async (options) => {
      const page = await store.readAllPage(options);
      return { ...page, events: page.events.map((event) => JSON.parse(JSON.stringify(event))) };
    },
    projections: {
      ...store.projections,
      commit: async (commit) => {
        commits.push([...commit.documents]);
        return store.projections.commit(commit);
      },
    },
  };
  return { store, thawed, commits };
}

/** Runs `folds` (or a wrapper of it) over the store in pages of `batchSize`; returns what it stored. */
export async function runFolds(
  events: readonly FoldEvent[],
  batchSize: number,
  projection: typeof folds = folds,
) {
  const { store, thawed, commits } = await foldStore(events);
  const runner = createProjectionRunner({
    store: thawed,
    projections: [projection],
    batchSize,
    pollIntervalMs: 1,
  });
  // A projection that stops at an event rejects catchUp: the checkpoint says where and why.
  await runner.catchUp({ timeoutMs: 10_000 }).catch(() => undefined);
  await runner.stop();
  const documents = new Map(
    (await store.projections.listDocuments('folds')).map((d) => [d.id, d.document as Folded]),
  );
  const fields = new Map<string, unknown>();
  for (const write of commits.flat()) {
    if (write.document === null) fields.delete(write.id);
    else fields.set(write.id, write.fields);
  }
  const checkpoint = (await store.projections.getCheckpoint('folds')) as ProjectionCheckpoint;
  const all = (await store.readAllPage({ maxCount: 10_000 })).events;
  return { documents, fields, checkpoint, events: all };
}
