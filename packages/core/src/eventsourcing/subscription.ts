import type { ReadAllPage, ReadAllPageOptions } from './driver.js';
import type { StoredEvent } from './envelope.js';
import { isTransientStoreFailure } from './errors.js';
import { createAlarm } from './timers.js';

/** Where a subscription starts and what it receives. */
export interface SubscribeOptions {
  /** Exclusive start checkpoint; from the beginning when absent. */
  readonly after?: string | undefined;
  readonly types?: readonly string[] | undefined;
  readonly categories?: readonly string[] | undefined;
  /** Events read per page; default 500. */
  readonly batchSize?: number;
  /** Longest wait between polls when no wake-up hint arrives; default 250 ms. */
  readonly pollIntervalMs?: number;
  /**
   * Called once if the handler fails, or a read fails with a permanent error; the subscription
   * is then stopped.
   */
  readonly onError?: (error: unknown) => void;
  /**
   * Called for each read that failed with a transient store error (a lost connection, a
   * restarting server): the subscription waits (doubling from 100 ms up to 5 s) and reads again
   * from its position, so nothing is skipped or handled twice.
   */
  readonly onRetry?: (error: unknown, attempt: number) => void;
}

/** A running subscription. */
export interface Subscription {
  /** Stops after the event being handled, if any; resolves once stopped. */
  stop(): Promise<void>;
  /** Last position handed to the handler (or skipped by the filter). */
  readonly position: string | undefined;
  /** Resolves when stopped; rejects with the error that stopped it. */
  readonly done: Promise<void>;
}

/** Handler of subscribed events; awaited one event at a time, in position order. */
export type SubscriptionHandler = (event: StoredEvent) => Promise<void> | void;

interface SubscriptionSource {
  readAllPage(options: ReadAllPageOptions): Promise<ReadAllPage>;
  watch?(listener: () => void): () => void;
}

/** First wait after a transient read failure; doubles up to the cap. */
const RETRY_BASE_MS = 100;
const RETRY_CAP_MS = 5_000;

/**
 * Runs a catch-up-then-live subscription by polling pages of the global log (S2). Wake-up hints
 * only shorten the wait; correctness rests on the gap-safe pages alone.
 */
export function startPollingSubscription(
  source: SubscriptionSource,
  options: SubscribeOptions,
  handler: SubscriptionHandler,
): Subscription {
  const alarm = createAlarm();
  const unwatch = source.watch?.(() => alarm.wake());
  const batchSize = options.batchSize ?? 500;
  const pollIntervalMs = options.pollIntervalMs ?? 250;
  let position = options.after;
  let stopping = false;

  // A transient read failure leaves the position where it was: the next read repeats it.
  let failedReads = 0;
  const readPage = async (): Promise<ReadAllPage | undefined> => {
    try {
      const page = await source.readAllPage({
        after: position,
        maxCount: batchSize,
        types: options.types,
        categories: options.categories,
      });
      failedReads = 0;
      return page;
    } catch (error) {
      if (!isTransientStoreFailure(error)) throw error;
      failedReads += 1;
      options.onRetry?.(error, failedReads);
      await alarm.wait(Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** (failedReads - 1)));
      return undefined;
    }
  };

  const run = async (): Promise<void> => {
    while (!stopping) {
      const page = await readPage();
      if (page === undefined) continue;
      for (const event of page.events) {
        if (stopping) return;
        await handler(event);
        position = event.position;
      }
      if (stopping) return;
      position = page.checkpoint;
      if (page.caughtUp) await alarm.wait(pollIntervalMs);
    }
  };

  const done = run().then(
    () => unwatch?.(),
    (error: unknown) => {
      unwatch?.();
      stopping = true;
      options.onError?.(error);
      throw error;
    },
  );
  // A caller that never looks at `done` must not crash the process with an unhandled rejection;
  // the error still reaches `onError` and anyone awaiting `done`.
  done.catch(() => {});

  return {
    get position() {
      return position;
    },
    done,
    async stop() {
      stopping = true;
      alarm.wake();
      await done.catch(() => {});
    },
  };
}
