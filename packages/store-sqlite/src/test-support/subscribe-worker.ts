// A separate process subscribing to a shared database file's global log, for the multi-process
// gap-safety test. Started like append-worker.ts. Protocol over the IPC channel:
//   child → parent  { kind: 'ready' }
//   parent → child  { kind: 'go', path }        (subscribe from the start of the log)
//   child → parent  { kind: 'subscribed' }
//   parent → child  { kind: 'drain', head }     (stop once the subscription has passed `head`)
//   child → parent  { kind: 'done', seen } or { kind: 'failed', error }
import type { Subscription } from '@safeledger/core';
import { createSqliteEventStore } from '../create-sqlite-event-store.js';

/** One event as the subscriber was handed it. */
export interface SeenEvent {
  readonly eventId: string;
  readonly position: string;
}

/** A subscriber's report to the parent. */
export type SubscriberReport =
  | { readonly kind: 'ready' }
  | { readonly kind: 'subscribed' }
  | { readonly kind: 'done'; readonly seen: readonly SeenEvent[] }
  | { readonly kind: 'failed'; readonly error: { name: string; message: string } };

const send = (report: SubscriberReport): Promise<void> =>
  new Promise((resolve, reject) => {
    process.send!(report, undefined, {}, (error) => (error ? reject(error) : resolve()));
  });

const seen: SeenEvent[] = [];
let subscription: Subscription | undefined;
let close: (() => Promise<void>) | undefined;

async function drain(head: string): Promise<void> {
  // The subscription polls every few milliseconds; wait until it has passed the head the
  // parent saw after every writer finished.
  while (subscription!.position === undefined || subscription!.position < head) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await subscription!.stop();
  await close!();
}

process.on('message', (message: { kind: string; path?: string; head?: string }) => {
  if (message.kind === 'go') {
    const store = createSqliteEventStore({ path: message.path! }, { busyTimeoutMs: 30_000 });
    close = () => store.close();
    subscription = store.subscribe({ pollIntervalMs: 2, batchSize: 97 }, (event) => {
      seen.push({ eventId: event.eventId, position: event.position });
    });
    subscription.done.catch((error: unknown) =>
      send({ kind: 'failed', error: { name: String(error), message: String(error) } }),
    );
    void send({ kind: 'subscribed' });
  } else if (message.kind === 'drain') {
    drain(message.head!)
      .then(() => send({ kind: 'done', seen }))
      .catch((error: unknown) =>
        send({ kind: 'failed', error: { name: 'Error', message: String(error) } }),
      )
      .finally(() => process.disconnect());
  }
});

void send({ kind: 'ready' });
