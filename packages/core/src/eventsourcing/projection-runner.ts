import { type Clock, createUlidGenerator, type IdGenerator, systemClock } from './defaults.js';
import type { ReadAllPage } from './driver.js';
import type { StoredEvent } from './envelope.js';
import {
  isCheckpointConflictError,
  isTransientStoreFailure,
  isUnknownEventTypeError,
  isUnreadableEventError,
  ProjectionLaggingError,
} from './errors.js';
import { type EventStore, readHead } from './event-store.js';
import { InPlaceUnsupported } from './owned-documents.js';
import { DELETE_DOCUMENT, type Projection } from './projection.js';
import { extractFields, type ProjectionFieldSchema } from './projection-fields.js';
import {
  type FoldedPage,
  foldInPlace,
  foldWithImmer,
  planPage,
  produce,
} from './projection-page.js';
import { projectionFieldSchema } from './projection-query.js';
import type { StoredFields } from './projection-query-request.js';
import type { DocumentWrite, ProjectionFailure, ProjectionLease } from './projection-store.js';
import { findUnstorable, quoteId } from './store-limits.js';
import { createAlarm, sleep } from './timers.js';

/** Options of `createProjectionRunner`. */
export interface ProjectionRunnerOptions {
  readonly store: EventStore;
  readonly projections: readonly Projection<any, any, any>[];
  /**
   * This runner's name in leases, for logs; a fresh ULID by default. Several runners may share
   * a name: a lease belongs to one acquisition (the store adds a random part), never to a name.
   */
  readonly owner?: string;
  /** Events per transaction; default 500. */
  readonly batchSize?: number;
  /** Longest wait for new events when no wake-up hint arrives; default 250 ms. */
  readonly pollIntervalMs?: number;
  /** Lease lifetime; a crashed holder's lease lapses after it (S4); default 30 s. */
  readonly leaseTtlMs?: number;
  readonly clock?: Clock;
  readonly newId?: IdGenerator;
  /**
   * Called when a projection stops at an event (S6), and on every failed round that will be
   * retried with backoff (a lost connection, a store that is not reachable).
   */
  readonly onError?: (projection: string, error: unknown) => void;
}

/** Where one projection stands in this runner. */
export interface ProjectionStatus {
  readonly name: string;
  readonly version: number;
  /** `active`: holds the lease and applies events; `standby`: another runner holds it. */
  readonly state: 'stopped' | 'standby' | 'active' | 'failed';
  readonly position: string | undefined;
  readonly failure: ProjectionFailure | undefined;
  /** Set when the stored documents belong to a newer projection version than this code. */
  readonly blockedBy: string | undefined;
}

/** Runs projections: catch up from the checkpoint, then follow live (S2). */
export interface ProjectionRunner {
  /** Starts every projection's loop; returns at once. */
  start(): void;
  /** Stops the loops and releases leases. */
  stop(): Promise<void>;
  /**
   * Resolves once every projection's stored checkpoint has reached the head of the log as of
   * the call, whichever instance holds its lease. Starts the loops if needed.
   * @throws ProjectionLaggingError (`PROJECTION_LAGGING`) at once when a projection has failed
   * or newer code owns its documents, or after `timeoutMs` (default 30 s), e.g. while another
   * instance holds a lease and does not advance.
   */
  catchUp(options?: { timeoutMs?: number }): Promise<void>;
  /** Drops a projection's documents and rebuilds it from the start (S5). */
  rebuild(name: string): Promise<void>;
  /** Clears a recorded failure (S6) and resumes at the failing event. */
  retry(name: string): Promise<void>;
  /** Where each projection stands: checkpoint, lease, failure. */
  status(): readonly ProjectionStatus[];
}

/**
 * Creates a projection runner. Each projection advances under its own lease with documents and
 * checkpoint committed together and fenced on the previous checkpoint, so an event takes
 * effect exactly once even if two runners briefly believe they hold the lease.
 *
 * Failures (S6) are of two kinds. Repeatable ones stop the projection at the failing event and
 * record it with the checkpoint, since trying again would fail the same way: `apply` or
 * `documentId` throws; a document no store can keep (see `STORE_LIMITS`: not plain JSON, NUL or
 * unpaired surrogates, too deep, an over-long id); an event that cannot be read
 * (`UNREADABLE_EVENT`, `UNKNOWN_EVENT_TYPE`); a commit the store refuses for a reason other than
 * a transient one, traced to its event by committing that batch one event at a time. Transient
 * ones (`StoreFailureError` with `transient`: a lost connection, a restarting server, a lock
 * timeout) and failures no event can be blamed for are reported to `onError` and retried with
 * exponential backoff, up to 30 s between tries.
 */
export function createProjectionRunner(options: ProjectionRunnerOptions): ProjectionRunner {
  const names = new Set<string>();
  for (const projection of options.projections) {
    if (names.has(projection.name))
      throw new TypeError(`projection "${projection.name}" is given twice`);
    names.add(projection.name);
  }
  const owner = options.owner ?? (options.newId ?? createUlidGenerator())();
  const workers = new Map(
    options.projections.map((projection) => [
      projection.name,
      new ProjectionWorker(projection, owner, options),
    ]),
  );
  const worker = (name: string): ProjectionWorker => {
    const found = workers.get(name);
    if (found === undefined) throw new TypeError(`no projection named "${name}" in this runner`);
    return found;
  };

  return {
    start() {
      for (const w of workers.values()) w.start();
    },
    async stop() {
      await Promise.all([...workers.values()].map((w) => w.stop()));
    },
    async catchUp(catchUpOptions = {}) {
      const timeoutMs = catchUpOptions.timeoutMs ?? 30_000;
      const deadline = Date.now() + timeoutMs;
      for (const w of workers.values()) w.start();
      const head = await readHead(options.store);
      await Promise.all([...workers.values()].map((w) => w.caughtUp(head, deadline, timeoutMs)));
    },
    async rebuild(name) {
      await worker(name).rebuild();
    },
    async retry(name) {
      await worker(name).retry();
    },
    status: () => [...workers.values()].map((w) => w.status()),
  };
}

class ProjectionWorker {
  private readonly projection: Projection<any, any, any>;
  private readonly owner: string;
  private readonly options: ProjectionRunnerOptions;
  private readonly clock: Clock;
  private readonly handles: ReadonlySet<string>;
  private readonly schema: ProjectionFieldSchema | undefined;
  private readonly alarm = createAlarm();
  private unwatch: (() => void) | undefined;
  private loop: Promise<void> | undefined;
  private stopping = false;
  private lease: ProjectionLease | undefined;
  private leaseRenewedAt = 0;
  private state: ProjectionStatus['state'] = 'stopped';
  private position: string | undefined;
  private failure: ProjectionFailure | undefined;
  private blockedBy: string | undefined;
  /** Woken after every round of the loop, so catchUp re-reads the checkpoint without delay. */
  private roundWaiters: Array<() => void> = [];
  private mutex: Promise<unknown> = Promise.resolve();
  /** While set, batches are one event each up to this position, to find a failing event. */
  private narrowUntil: string | undefined;
  private failedRounds = 0;
  /** Cleared once the projection's documents or `apply` turn out unfit for in-place folding. */
  private foldsInPlace = true;
  private wakeFromBackoff: (() => void) | undefined;
  /**
   * The checkpoint this worker last committed `atHead` at (the store built any field indexes
   * it left out during a rebuild then); `null` before any. A rebuild whose last page was full
   * reaches the head with nothing left to commit, so the worker then commits nothing at the
   * head once, to let the store finish that work.
   */
  private headCommittedAt: { readonly position: string | undefined } | null = null;

  constructor(
    projection: Projection<any, any, any>,
    owner: string,
    options: ProjectionRunnerOptions,
  ) {
    this.projection = projection;
    this.owner = owner;
    this.options = options;
    this.clock = options.clock ?? systemClock;
    this.handles = new Set(projection.handles);
    this.schema = projectionFieldSchema(projection);
  }

  status(): ProjectionStatus {
    return {
      name: this.projection.name,
      version: this.projection.version,
      state: this.state,
      position: this.position,
      failure: this.failure,
      blockedBy: this.blockedBy,
    };
  }

  start(): void {
    if (this.loop !== undefined) return;
    this.stopping = false;
    this.unwatch = this.options.store.watch(() => this.alarm.wake());
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.alarm.wake();
    this.wakeFromBackoff?.();
    await this.loop;
    this.loop = undefined;
    this.unwatch?.();
    this.unwatch = undefined;
    this.state = 'stopped';
  }

  /**
   * Waits until the stored checkpoint reaches `head`. It reads the store, not this worker's own
   * state, so it holds whoever has the lease: a standby runner waits for the active one.
   */
  async caughtUp(head: string | undefined, deadline: number, timeoutMs: number): Promise<void> {
    const { name, version } = this.projection;
    for (;;) {
      const checkpoint = await this.options.store.projections.getCheckpoint(name);
      if (checkpoint !== undefined && checkpoint.version > version) {
        this.blockedBy = newerVersion(checkpoint.version, version);
        throw new ProjectionLaggingError(name, this.blockedBy);
      }
      const current = checkpoint?.version === version ? checkpoint : undefined;
      if (current?.status === 'failed') {
        throw new ProjectionLaggingError(
          name,
          `stopped at event ${current.failure?.eventId ?? '?'}: ${current.failure?.message ?? 'unknown error'}`,
        );
      }
      // An empty log needs nothing; otherwise the checkpoint must be at or past the head.
      if (head === undefined || (current?.position !== undefined && current.position >= head)) {
        return;
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        throw new ProjectionLaggingError(
          name,
          `checkpoint ${current?.position ?? 'start'} did not reach ${head} within ${timeoutMs} ms (state ${this.state})`,
        );
      }
      this.alarm.wake();
      await Promise.race([
        new Promise<void>((resolve) => this.roundWaiters.push(resolve)),
        sleep(Math.min(remaining, 50)),
      ]);
    }
  }

  async rebuild(): Promise<void> {
    await this.exclusively(async () => {
      await this.options.store.projections.reset(
        this.projection.name,
        this.projection.version,
        this.schema,
      );
      this.position = undefined;
      this.failure = undefined;
    });
    this.alarm.wake();
  }

  async retry(): Promise<void> {
    await this.exclusively(async () => {
      const projections = this.options.store.projections;
      const checkpoint = await projections.getCheckpoint(this.projection.name);
      if (checkpoint?.status !== 'failed') return;
      await projections.commit({
        name: this.projection.name,
        version: checkpoint.version,
        expectedPosition: checkpoint.position,
        position: checkpoint.position,
        documents: [],
        committedAt: this.clock().toISOString(),
      });
      this.failure = undefined;
      this.state = this.loop === undefined ? 'stopped' : 'active';
    });
    this.alarm.wake();
  }

  /** Runs `action` between batches, never concurrently with one. */
  private exclusively<T>(action: () => Promise<T>): Promise<T> {
    const result = this.mutex.then(action);
    this.mutex = result.catch(() => {});
    return result;
  }

  private async run(): Promise<void> {
    const { projections } = this.options.store;
    const ttl = this.options.leaseTtlMs ?? 30_000;
    const pollIntervalMs = this.options.pollIntervalMs ?? 250;
    while (!this.stopping) {
      let progressed = false;
      try {
        progressed = await this.exclusively(async () => {
          if (this.lease === undefined) {
            this.lease = await projections.tryAcquireLease(this.projection.name, this.owner, ttl);
            if (this.lease === undefined) {
              this.state = 'standby';
              return false;
            }
            this.leaseRenewedAt = Date.now();
          }
          if (Date.now() - this.leaseRenewedAt > ttl / 3) {
            if (!(await this.lease.renew())) {
              this.lease = undefined;
              this.state = 'standby';
              return true;
            }
            this.leaseRenewedAt = Date.now();
          }
          return this.step();
        });
      } catch (error) {
        // Nothing an event can be blamed for (see createProjectionRunner): back off and retry.
        this.options.onError?.(this.projection.name, error);
        this.failedRounds++;
        await this.backOff(pollIntervalMs);
        continue;
      }
      this.failedRounds = 0;
      for (const waiter of this.roundWaiters.splice(0)) waiter();
      if (!progressed) {
        const wait = this.state === 'standby' ? Math.min(ttl / 3, 1_000) : pollIntervalMs;
        await this.alarm.wait(wait);
      }
    }
    if (this.lease !== undefined) {
      await this.lease
        .release()
        .catch((error: unknown) => this.options.onError?.(this.projection.name, error));
      this.lease = undefined;
    }
  }

  /** Waits longer after each failed round in a row; `stop()` ends the wait. */
  private async backOff(pollIntervalMs: number): Promise<void> {
    const base = Math.max(pollIntervalMs * 4, 20);
    const delay = Math.min(base * 2 ** Math.min(this.failedRounds - 1, 20), MAX_BACKOFF_MS);
    await Promise.race([
      sleep(delay),
      new Promise<void>((resolve) => {
        this.wakeFromBackoff = resolve;
      }),
    ]);
    this.wakeFromBackoff = undefined;
  }

  /** Applies one batch; returns false when there was nothing new to apply. */
  private async step(): Promise<boolean> {
    const { store } = this.options;
    const { projections } = store;
    const { name, version } = this.projection;
    const checkpoint = await projections.getCheckpoint(name);
    if (checkpoint === undefined || checkpoint.version < version) {
      await projections.reset(name, version, this.schema);
      this.blockedBy = undefined;
      this.headCommittedAt = null;
      return true;
    }
    if (checkpoint.version > version) {
      // Newer code owns these documents (a rolling deploy); never roll them back.
      this.blockedBy = newerVersion(checkpoint.version, version);
      this.state = 'stopped';
      return false;
    }
    this.position = checkpoint.position;
    if (checkpoint.status === 'failed') {
      this.state = 'failed';
      this.failure = checkpoint.failure;
      return false;
    }
    this.state = 'active';
    this.failure = undefined;

    const narrow =
      this.narrowUntil !== undefined &&
      (checkpoint.position === undefined || checkpoint.position < this.narrowUntil);
    if (!narrow) this.narrowUntil = undefined;
    let page: ReadAllPage;
    try {
      page = await store.readAllPage({
        after: checkpoint.position,
        maxCount: narrow ? 1 : (this.options.batchSize ?? 500),
        types: this.projection.handles,
      });
    } catch (error) {
      // The store delivers the events before an unreadable one, so it is the next event here.
      const failure = this.unreadableFailure(error);
      if (failure === undefined) throw error;
      return this.stopAt(checkpoint.position, failure);
    }
    if (page.events.length === 0 && page.checkpoint === checkpoint.position) {
      if (this.schema !== undefined && page.caughtUp) await this.commitAtHead(checkpoint.position);
      return false;
    }

    let applied = await this.applyPage(page.events, checkpoint.position, page.checkpoint);
    if (applied.writes.some(({ document }) => document !== null && findUnstorable(document))) {
      // Some document cannot be kept: apply again, checking after every event, to stop at the
      // event that made it so.
      applied = await this.applyCarefully(page.events, checkpoint.position, page.checkpoint, true);
    }
    const { writes, position, failure } = applied;
    try {
      await projections.commit({
        name,
        version,
        expectedPosition: checkpoint.position,
        position,
        documents: writes,
        ...(this.schema === undefined ? {} : { schema: this.schema }),
        ...(failure === undefined ? {} : { failure }),
        atHead: page.caughtUp,
        committedAt: this.clock().toISOString(),
      });
    } catch (error) {
      // Another runner committed first (lease lapse): drop this batch and re-read.
      if (isCheckpointConflictError(error)) return true;
      if (isTransientStoreFailure(error)) throw error;
      const relevant = page.events.filter((event) => this.handles.has(event.type));
      if (failure === undefined && relevant.length === 1) {
        // The store refuses what this one event produced: a repeatable failure.
        return this.stopAt(checkpoint.position, this.describeFailure(relevant[0]!, error));
      }
      if (failure === undefined && relevant.length > 1 && !narrow) {
        // Commit this stretch one event at a time to find the event the store refuses.
        this.narrowUntil = page.checkpoint;
        return true;
      }
      throw error;
    }
    this.position = position;
    if (page.caughtUp) this.headCommittedAt = { position };
    if (failure !== undefined) this.markFailed(failure);
    return true;
  }

  /** Commits nothing at the head of the log, once per checkpoint (see `headCommittedAt`). */
  private async commitAtHead(position: string | undefined): Promise<void> {
    if (this.headCommittedAt !== null && this.headCommittedAt.position === position) return;
    try {
      await this.options.store.projections.commit({
        name: this.projection.name,
        version: this.projection.version,
        expectedPosition: position,
        position,
        documents: [],
        ...(this.schema === undefined ? {} : { schema: this.schema }),
        atHead: true,
        committedAt: this.clock().toISOString(),
      });
    } catch (error) {
      // Another runner moved the checkpoint: it reaches the head itself.
      if (isCheckpointConflictError(error)) return;
      throw error;
    }
    this.headCommittedAt = { position };
  }

  /** Records the failure at `position` (the last event applied) and stops the projection. */
  private async stopAt(position: string | undefined, failure: ProjectionFailure): Promise<boolean> {
    try {
      await this.options.store.projections.commit({
        name: this.projection.name,
        version: this.projection.version,
        expectedPosition: position,
        position,
        documents: [],
        failure,
        committedAt: this.clock().toISOString(),
      });
    } catch (error) {
      if (isCheckpointConflictError(error)) return true;
      throw error;
    }
    this.markFailed(failure);
    return true;
  }

  private markFailed(failure: ProjectionFailure): void {
    const { name } = this.projection;
    this.state = 'failed';
    this.failure = failure;
    this.narrowUntil = undefined;
    this.options.onError?.(name, new Error(`projection "${name}" stopped: ${failure.message}`));
  }

  /** The failure to record for a read error that names its event, or `undefined`. */
  private unreadableFailure(error: unknown): ProjectionFailure | undefined {
    if (!isUnreadableEventError(error) && !isUnknownEventTypeError(error)) return undefined;
    const { eventId, position, streamId, version, type } = error;
    if (eventId === undefined || position === undefined) return undefined;
    return {
      position,
      eventId,
      streamId,
      version,
      type: type ?? '?',
      message: error.message,
      failedAt: this.clock().toISOString(),
    };
  }

  /**
   * Folds a page into documents, in place when the projection allows it (see `foldInPlace`),
   * and reads the indexed fields of each changed document once, at the end. Stops at the first
   * event whose `documentId`, `init` or `apply` throws or yields an id no store can keep.
   *
   * Like storability, indexed values are judged on the documents the page leaves: a bad value
   * that a later event of the same page replaces is never stored and stops nothing. When a
   * final value is bad, `applyCarefully` folds the page again, reading the fields after every
   * event, so the failure names the event that produced the value and the events before it
   * are committed.
   */
  private async applyPage(
    events: readonly StoredEvent[],
    from: string | undefined,
    pageCheckpoint: string | undefined,
  ): Promise<AppliedPage> {
    const projection = this.projection;
    const describe = (event: StoredEvent, error: unknown) => this.describeFailure(event, error);
    const plan = planPage(projection, this.handles, events, describe);
    const loaded = await this.options.store.projections.loadDocuments(projection.name, [
      ...plan.ids,
    ]);
    let folded: FoldedPage | undefined;
    if (this.foldsInPlace) {
      try {
        folded = foldInPlace(projection, plan, loaded);
      } catch (error) {
        // A throwing `apply` is judged by immer, which leaves the failing event's documents
        // untouched; so is anything the in-place fold does not cover.
        if (error instanceof InPlaceUnsupported && error.lasting) this.foldsInPlace = false;
      }
    }
    folded ??= foldWithImmer(projection, plan, loaded, describe);
    const schema = this.schema;
    const writes: DocumentWrite[] = [];
    for (const id of folded.touched) {
      const document = folded.documents.get(id) ?? null;
      if (document === null || schema === undefined) {
        writes.push({ id, document });
        continue;
      }
      try {
        writes.push({
          id,
          document,
          fields: extractFields(projection.fields!, schema, document, id),
        });
      } catch {
        return this.applyCarefully(events, from, pageCheckpoint, false);
      }
    }
    const position =
      folded.failure === undefined
        ? pageCheckpoint
        : folded.applied === 0
          ? from
          : plan.relevant[folded.applied - 1]!.position;
    return { writes, position, failure: folded.failure };
  }

  /**
   * Folds a page with immer, reading the indexed fields after every event. Stops at the first
   * event whose `documentId` or `apply` throws, yields an id no store can keep or a bad indexed
   * value; with `checkEach`, also at the first event after which its document is not storable
   * (the documents then hold the state before that event).
   */
  private async applyCarefully(
    events: readonly StoredEvent[],
    from: string | undefined,
    pageCheckpoint: string | undefined,
    checkEach: boolean,
  ): Promise<AppliedPage> {
    const projection = this.projection;
    const describe = (event: StoredEvent, error: unknown) => this.describeFailure(event, error);
    const { relevant, idOf, ids, failedAt, ...planned } = planPage(
      projection,
      this.handles,
      events,
      describe,
    );
    let failure = planned.failure;
    const loaded = await this.options.store.projections.loadDocuments(projection.name, [...ids]);
    const documents = new Map<string, unknown>(loaded);
    const touched = new Set<string>();
    const fieldsOf = new Map<string, StoredFields>();
    const schema = this.schema;
    let position = from;
    for (let index = 0; index < failedAt; index++) {
      const event = relevant[index]!;
      // A fan-out's documents change together or not at all: a failure on a later id must not
      // leave earlier ones holding an event the checkpoint has not passed.
      const staged: Array<{ id: string; next: unknown; fields: StoredFields | undefined }> = [];
      let failed = false;
      for (const id of idOf.get(event)!) {
        try {
          const current =
            documents.has(id) && documents.get(id) !== null
              ? documents.get(id)
              : projection.init(id, event);
          const produced = produce(current, (draft) => projection.apply(draft, event));
          const next = produced === DELETE_DOCUMENT ? null : produced;
          const unstorable = checkEach && next !== null ? findUnstorable(next) : undefined;
          if (unstorable !== undefined) {
            const where = unstorable.path === '' ? '' : ` has ${unstorable.path} that`;
            throw new Error(`document ${quoteId(id)}${where} ${unstorable.message}`);
          }
          // Read the indexed fields now, so a bad value stops at the event that produced it.
          const fields =
            schema !== undefined && next !== null
              ? extractFields(projection.fields!, schema, next, id)
              : undefined;
          staged.push({ id, next, fields });
        } catch (error) {
          failure = describe(event, error);
          failed = true;
          break;
        }
      }
      if (failed) break;
      for (const { id, next, fields } of staged) {
        if (fields !== undefined) fieldsOf.set(id, fields);
        documents.set(id, next);
        touched.add(id);
      }
      position = event.position;
    }
    if (failure === undefined) position = pageCheckpoint;
    const writes = [...touched].map((id): DocumentWrite => {
      const document = documents.get(id) ?? null;
      const fields = fieldsOf.get(id);
      return document !== null && fields !== undefined
        ? { id, document, fields }
        : { id, document };
    });
    return { writes, position, failure };
  }

  private describeFailure(event: StoredEvent, error: unknown): ProjectionFailure {
    return {
      position: event.position,
      eventId: event.eventId,
      streamId: event.streamId,
      version: event.version,
      type: event.type,
      message: error instanceof Error ? error.message : String(error),
      failedAt: this.clock().toISOString(),
    };
  }
}

/** Documents to commit for a page, the checkpoint to commit with them, and a failure to record. */
interface AppliedPage {
  writes: DocumentWrite[];
  position: string | undefined;
  failure: ProjectionFailure | undefined;
}

/** Longest pause between two tries after failures nothing can be blamed on (S6). */
const MAX_BACKOFF_MS = 30_000;

function newerVersion(stored: number, code: number): string {
  return `stored documents are version ${stored}, this code is version ${code}`;
}
