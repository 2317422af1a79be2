import { Immer } from 'immer';
import type { StoredEvent } from './envelope.js';
import { InPlaceUnsupported, OwnedDocuments } from './owned-documents.js';
import { DELETE_DOCUMENT, type Projection, SINGLE_DOCUMENT_ID } from './projection.js';
import type { ProjectionFailure } from './projection-store.js';
import { identifierProblem, quoteId, STORE_LIMITS } from './store-limits.js';

const immer = new Immer({ autoFreeze: false });
// Documents are opaque JSON here; this view skips immer's curried overloads.
export const produce = immer.produce as (base: unknown, recipe: (draft: any) => unknown) => unknown;

type AnyProjection = Projection<any, any, any>;
type Describe = (event: StoredEvent, error: unknown) => ProjectionFailure;

/** A page's handled events with their document ids, up to the first `documentId` failure. */
export interface PagePlan {
  readonly relevant: readonly StoredEvent[];
  readonly idOf: ReadonlyMap<StoredEvent, readonly string[]>;
  readonly ids: ReadonlySet<string>;
  /** Events before this index have ids; the one at it (if any) failed with `failure`. */
  readonly failedAt: number;
  readonly failure: ProjectionFailure | undefined;
}

/** Documents after folding a page (`null`: deleted), and where the fold stopped. */
export interface FoldedPage {
  readonly documents: Map<string, unknown>;
  readonly touched: ReadonlySet<string>;
  /** How many of the plan's events took effect. */
  readonly applied: number;
  readonly failure: ProjectionFailure | undefined;
}

/**
 * Finds each handled event's documents. Stops at the first event whose `documentId` throws or
 * yields an id no store can keep.
 */
export function planPage(
  projection: AnyProjection,
  handles: ReadonlySet<string>,
  events: readonly StoredEvent[],
  describe: Describe,
): PagePlan {
  // A fan-out (a list of ids) applies the event to each of its documents in order.
  const documentIds = (event: StoredEvent): readonly string[] => {
    const id = projection.documentId ? projection.documentId(event) : SINGLE_DOCUMENT_ID;
    return id === null ? [] : typeof id === 'string' ? [id] : [...new Set(id)];
  };
  const relevant = events.filter((event) => handles.has(event.type));
  const ids = new Set<string>();
  const idOf = new Map<StoredEvent, readonly string[]>();
  for (const [index, event] of relevant.entries()) {
    try {
      const eventIds = documentIds(event);
      for (const id of eventIds) {
        const problem = identifierProblem(id, STORE_LIMITS.documentIdLength);
        if (problem !== undefined) throw new Error(`document id ${quoteId(id)} ${problem}`);
      }
      idOf.set(event, eventIds);
      for (const id of eventIds) ids.add(id);
    } catch (error) {
      return { relevant, idOf, ids, failedAt: index, failure: describe(event, error) };
    }
  }
  return { relevant, idOf, ids, failedAt: relevant.length, failure: undefined };
}

/**
 * Folds a page through immer drafts, one `produce` per event and document: the reference
 * semantics of `apply`. Stops at the first event whose `init` or `apply` throws; a fan-out's
 * documents change together or not at all, so a failure on a later id leaves none of the
 * event's documents changed.
 */
export function foldWithImmer(
  projection: AnyProjection,
  plan: PagePlan,
  loaded: ReadonlyMap<string, unknown>,
  describe: Describe,
): FoldedPage {
  const documents = new Map<string, unknown>(loaded);
  const touched = new Set<string>();
  for (let index = 0; index < plan.failedAt; index++) {
    const event = plan.relevant[index]!;
    const staged: Array<{ id: string; next: unknown }> = [];
    for (const id of plan.idOf.get(event)!) {
      try {
        const current =
          documents.has(id) && documents.get(id) !== null
            ? documents.get(id)
            : projection.init(id, event);
        const produced = produce(current, (draft) => projection.apply(draft, event));
        staged.push({ id, next: produced === DELETE_DOCUMENT ? null : produced });
      } catch (error) {
        return { documents, touched, applied: index, failure: describe(event, error) };
      }
    }
    for (const { id, next } of staged) {
      documents.set(id, next);
      touched.add(id);
    }
  }
  return { documents, touched, applied: plan.failedAt, failure: plan.failure };
}

/**
 * Folds a page by mutating private copies of its documents: one deep copy per document per
 * page instead of a draft per event. It covers `apply`s that mutate the document and return
 * nothing (or the document itself); anything else (a returned replacement or
 * `DELETE_DOCUMENT`, a thrown error) is left to `foldWithImmer` by throwing, because only immer
 * knows whether the draft was also changed (which it rejects) and a failure must leave the
 * event's documents as they were.
 * @throws InPlaceUnsupported, or whatever `init` or `apply` throws.
 */
export function foldInPlace(
  projection: AnyProjection,
  plan: PagePlan,
  loaded: ReadonlyMap<string, unknown>,
): FoldedPage {
  const owned = new OwnedDocuments();
  const documents = new Map<string, unknown>();
  const touched = new Set<string>();
  for (let index = 0; index < plan.failedAt; index++) {
    const event = plan.relevant[index]!;
    for (const id of plan.idOf.get(event)!) {
      let document: unknown;
      if (touched.has(id)) document = documents.get(id);
      else if (loaded.has(id) && loaded.get(id) !== null) document = owned.adopt(loaded.get(id));
      // `init` may hand out shared constants: the copy keeps them unchanged.
      else document = owned.adopt(projection.init(id, event));
      const returned = projection.apply(document, event);
      if (returned !== undefined && returned !== document) {
        throw new InPlaceUnsupported('apply returned a value', true);
      }
      documents.set(id, owned.settle(document));
      touched.add(id);
    }
  }
  return { documents, touched, applied: plan.failedAt, failure: plan.failure };
}
