import type { CommandHandler } from './command-handler.js';
import { type Clock, createUlidGenerator, type IdGenerator, systemClock } from './defaults.js';
import type { StoredEvent } from './envelope.js';
import {
  isConcurrencyError,
  isProjectionLaggingError,
  isRuleViolation,
  isSafeledgerError,
  isStoreFailure,
  isTransientStoreFailure,
  ProjectionLaggingError,
} from './errors.js';
import type { EventStore } from './event-store.js';
import type { IssuedCommand, ProcessManager } from './process-manager.js';
import type { DocumentWrite, ProjectionFailure, ProjectionLease } from './projection-store.js';
import { createAlarm, sleep } from './timers.js';

/** A command a process manager issued that its target rejected: kept, never dropped. */
export interface RejectedReaction {
  readonly commandId: string;
  readonly target: string;
  readonly streamId: string;
  /** The command's `type`, when it has one. */
  readonly commandType: string | null;
  /** The event that caused it. */
  readonly eventId: string;
  readonly eventType: string;
  /** Rule id and violation key, for a rule violation. */
  readonly rule: string | null;
  readonly violation: string | null;
  /** The error code (`RULE_VIOLATION`, `VALIDATION_FAILED`, …). */
  readonly code: string;
  readonly message: string;
  readonly rejectedAt: string;
}

/** Options of `createProcessManagerRunner`. */
export interface ProcessManagerRunnerOptions {
  readonly store: EventStore;
  readonly managers: readonly ProcessManager<any>[];
  /** Command handlers by target name (the decider name of each aggregate). */
  readonly handlers: Readonly<Record<string, CommandHandler<any, any, any>>>;
  /** Lease owner name for logs; a random part is added so two runners never share a lease. */
  readonly owner?: string;
  /** Events per checkpoint commit; default 100. */
  readonly batchSize?: number;
  /** Longest wait for new events without a wake-up hint; default 250 ms. */
  readonly pollIntervalMs?: number;
  /** Default 30 s. */
  readonly leaseTtlMs?: number;
  readonly clock?: Clock;
  readonly newId?: IdGenerator;
  /** Called on every rejected reaction and on every transient failure before its retry. */
  readonly onError?: (manager: string, error: unknown) => void;
}

/** Runs process managers: read events after the checkpoint, issue their commands, commit. */
export interface ProcessManagerRunner {
  /** Starts every manager's loop; returns at once. */
  start(): void;
  /** Stops the loops after their current batch and releases the leases. */
  stop(): Promise<void>;
  /**
   * Resolves once every manager's stored checkpoint reached the head of the log as of the call.
   * @throws ProjectionLaggingError (`PROJECTION_LAGGING`) after `timeoutMs` (default 30 s).
   */
  catchUp(options?: { timeoutMs?: number }): Promise<void>;
  /** Reactions a manager's targets rejected, in command-id order. */
  rejections(manager: string): Promise<RejectedReaction[]>;
  /** Clears a manager's recorded failure (S6) so it resumes at the failing event. */
  retry(manager: string): Promise<void>;
}

// A checkpoint row is shared with projections; process managers keep version 1 for ever, since
// re-running them from the start would only re-issue idempotent commands.
const VERSION = 1;

/**
 * Creates a runner for process managers. Each manager advances under its own lease; commands go
 * through the application's command handlers with deterministic command ids before the
 * checkpoint moves, so a crash replays a batch whose commands are then no-ops. A command its
 * target rejects is recorded with its rule id (`rejections`) in the same commit as the
 * checkpoint; a transient failure (conflict, lagging read model, store failure) stops the batch
 * at that event and is retried with backoff.
 */
export function createProcessManagerRunner(
  options: ProcessManagerRunnerOptions,
): ProcessManagerRunner {
  const names = new Set<string>();
  for (const manager of options.managers) {
    if (names.has(manager.name))
      throw new TypeError(`process manager "${manager.name}" is given twice`);
    names.add(manager.name);
  }
  const owner = `${options.owner ?? 'process-managers'}#${(options.newId ?? createUlidGenerator())()}`;
  const workers = options.managers.map((manager) => new ManagerWorker(manager, owner, options));
  return {
    start() {
      for (const worker of workers) worker.start();
    },
    async stop() {
      await Promise.all(workers.map((worker) => worker.stop()));
    },
    async catchUp(catchUpOptions = {}) {
      const timeoutMs = catchUpOptions.timeoutMs ?? 30_000;
      for (const worker of workers) worker.start();
      await Promise.all(workers.map((worker) => worker.caughtUp(timeoutMs)));
    },
    async retry(manager) {
      if (!names.has(manager)) throw new TypeError(`no process manager named "${manager}"`);
      const checkpoint = await options.store.projections.getCheckpoint(manager);
      if (checkpoint?.status !== 'failed') return;
      await options.store.projections.commit({
        name: manager,
        version: checkpoint.version,
        expectedPosition: checkpoint.position,
        position: checkpoint.position,
        documents: [],
        committedAt: (options.clock ?? systemClock)().toISOString(),
      });
    },
    async rejections(manager) {
      if (!names.has(manager)) throw new TypeError(`no process manager named "${manager}"`);
      const rows = await options.store.projections.listDocuments(manager, { limit: 100_000 });
      return rows.map((row) => row.document as RejectedReaction);
    },
  };
}

class ManagerWorker {
  private readonly alarm = createAlarm();
  private readonly clock: Clock;
  private loop: Promise<void> | undefined;
  private unwatch: (() => void) | undefined;
  private stopping = false;
  private lease: ProjectionLease | undefined;
  private leaseRenewedAt = 0;
  private failures = 0;

  constructor(
    private readonly manager: ProcessManager<any>,
    private readonly owner: string,
    private readonly options: ProcessManagerRunnerOptions,
  ) {
    this.clock = options.clock ?? systemClock;
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
    await this.loop;
    this.loop = undefined;
    this.unwatch?.();
    this.unwatch = undefined;
  }

  /** Waits until the stored checkpoint covers the head as of the call, whoever advances it. */
  async caughtUp(timeoutMs: number): Promise<void> {
    const head = await this.headPosition();
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const checkpoint = await this.options.store.projections.getCheckpoint(this.manager.name);
      const at = checkpoint?.position;
      if (checkpoint?.status === 'failed') {
        throw new ProjectionLaggingError(
          this.manager.name,
          `stopped at event ${checkpoint.failure?.eventId ?? '?'}: ${checkpoint.failure?.message ?? 'unknown error'}`,
        );
      }
      if (head === undefined || (at !== undefined && at >= head)) return;
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        throw new ProjectionLaggingError(
          this.manager.name,
          `checkpoint ${at ?? '(start)'} did not reach ${head} within ${timeoutMs} ms`,
        );
      }
      this.alarm.wake();
      await sleep(Math.min(remaining, 25));
    }
  }

  /** The checkpoint a reader of this manager's types would reach now (S3: filters included). */
  private async headPosition(): Promise<string | undefined> {
    const checkpoint = await this.options.store.projections.getCheckpoint(this.manager.name);
    let after = checkpoint?.position;
    for (;;) {
      const page = await this.options.store.readAllPage({
        after,
        maxCount: 1_000,
        types: this.manager.handles,
      });
      after = page.checkpoint ?? after;
      if (page.caughtUp) return after;
    }
  }

  private async run(): Promise<void> {
    const ttl = this.options.leaseTtlMs ?? 30_000;
    const poll = this.options.pollIntervalMs ?? 250;
    while (!this.stopping) {
      let progressed = false;
      try {
        if (!(await this.holdLease(ttl))) {
          await this.alarm.wait(Math.min(ttl / 3, 1_000));
          continue;
        }
        progressed = await this.step();
        this.failures = 0;
      } catch (error) {
        // Transient: a conflict, a lagging read model, a store that went away. Back off, retry.
        this.options.onError?.(this.manager.name, error);
        this.failures++;
        await sleep(Math.min(poll * 2 ** Math.min(this.failures, 5), 5_000));
        continue;
      }
      if (!progressed) await this.alarm.wait(poll);
    }
    if (this.lease !== undefined) {
      await this.lease
        .release()
        .catch((error: unknown) => this.options.onError?.(this.manager.name, error));
      this.lease = undefined;
    }
  }

  private async holdLease(ttl: number): Promise<boolean> {
    const { projections } = this.options.store;
    if (this.lease === undefined) {
      this.lease = await projections.tryAcquireLease(this.manager.name, this.owner, ttl);
      if (this.lease === undefined) return false;
      this.leaseRenewedAt = Date.now();
    } else if (Date.now() - this.leaseRenewedAt > ttl / 3) {
      if (!(await this.lease.renew())) {
        this.lease = undefined;
        return false;
      }
      this.leaseRenewedAt = Date.now();
    }
    return true;
  }

  /** Reacts to one page of events; false when there was nothing new. */
  private async step(): Promise<boolean> {
    const { store } = this.options;
    const { projections } = store;
    const name = this.manager.name;
    const checkpoint = await projections.getCheckpoint(name);
    if (checkpoint === undefined) {
      await projections.reset(name, VERSION);
      return true;
    }
    if (checkpoint.status === 'failed') return false;
    const page = await store.readAllPage({
      after: checkpoint.position,
      maxCount: this.options.batchSize ?? 100,
      types: this.manager.handles,
    });
    if (page.events.length === 0 && page.checkpoint === checkpoint.position) return false;

    const rejected: DocumentWrite[] = [];
    let position = checkpoint.position;
    let transient: unknown;
    let failure: ProjectionFailure | undefined;
    for (const event of page.events) {
      if (this.manager.handles.includes(event.type)) {
        const outcome = await this.reactTo(event, rejected);
        if (outcome.transient !== undefined) transient = outcome.transient;
        if (outcome.failure !== undefined) failure = outcome.failure;
        if (transient !== undefined || failure !== undefined) break;
      }
      position = event.position;
    }
    if (transient === undefined && failure === undefined) position = page.checkpoint;
    if (position !== checkpoint.position || rejected.length > 0 || failure !== undefined) {
      try {
        await projections.commit({
          name,
          version: VERSION,
          expectedPosition: checkpoint.position,
          position,
          documents: rejected,
          ...(failure === undefined ? {} : { failure }),
          committedAt: this.clock().toISOString(),
        });
      } catch (error) {
        // Another runner moved the checkpoint (a lapsed lease): it issued the same commands.
        if (!(isSafeledgerError(error) && isConflict(error))) throw error;
      }
    }
    if (failure !== undefined) {
      this.options.onError?.(
        name,
        new Error(`process manager "${name}" stopped: ${failure.message}`),
      );
    }
    if (transient !== undefined) throw transient;
    return true;
  }

  /**
   * Reacts to one event. A rejection by the target is recorded and the event counts as done; a
   * retryable error leaves the event for the next attempt; any other error (a bug in `react`,
   * a missing handler) stops the manager at this event, as a throwing projection does (S6).
   */
  private async reactTo(
    event: StoredEvent,
    rejected: DocumentWrite[],
  ): Promise<{ transient?: unknown; failure?: ProjectionFailure }> {
    const found: DocumentWrite[] = [];
    try {
      for (const issued of await this.manager.react(event, { now: this.clock() })) {
        const rejection = await this.issue(issued, event);
        if (rejection !== undefined) found.push({ id: issued.commandId, document: rejection });
      }
    } catch (error) {
      if (isRetryable(error)) return { transient: error };
      return {
        failure: {
          position: event.position,
          eventId: event.eventId,
          streamId: event.streamId,
          version: event.version,
          type: event.type,
          message: error instanceof Error ? error.message : String(error),
          failedAt: this.clock().toISOString(),
        },
      };
    }
    rejected.push(...found);
    return {};
  }

  /** Issues one command; returns the recorded rejection, or throws what is not a rejection. */
  private async issue(
    issued: IssuedCommand,
    event: StoredEvent,
  ): Promise<RejectedReaction | undefined> {
    const handler = this.options.handlers[issued.target];
    if (handler === undefined) {
      throw new TypeError(
        `process manager "${this.manager.name}" issued a command for "${issued.target}", which has no handler`,
      );
    }
    try {
      await handler(issued.streamId, issued.command, {
        commandId: issued.commandId,
        metadata: {
          causationId: event.eventId,
          correlationId: event.metadata.correlationId ?? event.eventId,
        },
      });
      return undefined;
    } catch (error) {
      // Only a target's refusal is a rejection; a store that fails is not the command's fault.
      if (isRetryable(error) || !isSafeledgerError(error) || isStoreFailure(error)) throw error;
      const type = (issued.command as { type?: unknown } | null)?.type;
      this.options.onError?.(this.manager.name, error);
      return {
        commandId: issued.commandId,
        target: issued.target,
        streamId: issued.streamId,
        commandType: typeof type === 'string' ? type : null,
        eventId: event.eventId,
        eventType: event.type,
        rule: isRuleViolation(error) ? error.rule : null,
        violation: isRuleViolation(error) ? error.violation : null,
        code: error.code,
        message: error.message,
        rejectedAt: this.clock().toISOString(),
      };
    }
  }
}

function isRetryable(error: unknown): boolean {
  return (
    isConcurrencyError(error) || isProjectionLaggingError(error) || isTransientStoreFailure(error)
  );
}

function isConflict(error: { code: string }): boolean {
  return error.code === 'CHECKPOINT_CONFLICT';
}
