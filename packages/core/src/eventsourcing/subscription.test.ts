import { describe, expect, it } from 'vitest';
import type { ReadAllPage, ReadAllPageOptions } from './driver.js';
import type { StoredEvent } from './envelope.js';
import { StoreFailureError } from './errors.js';
import { startPollingSubscription } from './subscription.js';

const event = (position: string) => ({ position, data: { position } }) as unknown as StoredEvent;

/** A log of three events whose reads fail as scripted, recording where each read started. */
function flakySource(failures: (Error | undefined)[]) {
  const log = [event('1'), event('2'), event('3')];
  const reads: (string | undefined)[] = [];
  return {
    reads,
    async readAllPage(options: ReadAllPageOptions): Promise<ReadAllPage> {
      reads.push(options.after);
      const failure = failures.shift();
      if (failure !== undefined) throw failure;
      const start = options.after === undefined ? 0 : Number(options.after);
      const events = log.slice(start, start + 2);
      return {
        events,
        checkpoint: events.at(-1)?.position ?? options.after,
        caughtUp: start + 2 >= log.length,
      };
    },
  };
}

describe('polling subscription', () => {
  it('reads again from its position after a transient read failure, skipping and repeating nothing', async () => {
    const lost = new StoreFailureError('cannot reach the server', { transient: true });
    const source = flakySource([undefined, lost, lost]);
    const handled: string[] = [];
    const retries: number[] = [];
    const subscription = startPollingSubscription(
      source,
      { pollIntervalMs: 10, onRetry: (_error, attempt) => retries.push(attempt) },
      (e) => {
        handled.push(e.position);
      },
    );
    const deadline = Date.now() + 5_000;
    while (handled.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    await subscription.stop();
    expect(handled).toEqual(['1', '2', '3']);
    expect(retries).toEqual([1, 2]);
    // The failed reads and the one after them all started at the last handled position.
    expect(source.reads.slice(0, 4)).toEqual([undefined, '2', '2', '2']);
  });

  it('stops and reports a permanent read failure once', async () => {
    const broken = new StoreFailureError('schema missing');
    const errors: unknown[] = [];
    const subscription = startPollingSubscription(
      flakySource([broken]),
      { onError: (error) => errors.push(error) },
      () => {},
    );
    await expect(subscription.done).rejects.toBe(broken);
    expect(errors).toEqual([broken]);
  });
});
