import pg, { type ClientConfig, type Notification } from 'pg';
import { run, statement } from './database.js';
import { quoteIdentifier } from './schema-name.js';

/**
 * Wake-up hints of one store: local listeners, NOTIFY after appends on a connection of its own,
 * one LISTEN connection.
 */
export interface WakeUps {
  watch(listener: () => void): () => void;
  /** Called after a committed append: wakes local listeners and (coalesced) notifies others. */
  appended(): void;
  close(): Promise<void>;
}

/** Settings of the wake-ups of one store. */
export interface WakeUpOptions {
  readonly schema: string;
  readonly tenantId: string;
  /** Connection settings of the dedicated LISTEN connection. */
  readonly connection: ClientConfig;
  readonly notify: boolean;
  /** Shortest gap between two NOTIFYs; appends inside it share the next one. */
  readonly notifyIntervalMs: number;
  readonly listen: boolean;
  readonly onError: (error: unknown) => void;
}

// A NOTIFY needs a transaction id and a commit; as a hint it needs no durability, so its commit
// does not wait for the WAL flush (synchronous_commit is set for this transaction only).
const NOTIFY = statement("SELECT set_config('synchronous_commit', 'off', true), pg_notify($1, $2)");
const MAX_BACKOFF_MS = 5_000;

/** The channel of a schema; the payload names the tenant whose log grew. */
export function channelOf(schema: string): string {
  return `safeledger:${schema}`;
}

/**
 * Wake-ups are hints only (S2): subscriptions poll anyway, so a lost notification or a dropped
 * LISTEN connection delays delivery by at most one poll interval and never loses an event.
 */
export function createWakeUps(options: WakeUpOptions): WakeUps {
  const channel = channelOf(options.schema);
  const listeners = new Set<() => void>();
  let closed = false;
  let notifying: Promise<void> | undefined;
  let again = false;
  let client: pg.Client | undefined;
  let connecting: Promise<void> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let backoff = 100;

  const wakeAll = () => {
    for (const listener of [...listeners]) {
      try {
        listener();
      } catch (error) {
        options.onError(error);
      }
    }
  };

  // At most one NOTIFY in flight per store, and at most one per interval: a busy writer would
  // otherwise pay a second transaction (a round trip and server CPU) for every append, while
  // listeners only need to hear "the log grew" once. The first append after a quiet spell
  // notifies at once; appends that follow share one trailing NOTIFY.
  let lastSentAt = Number.NEGATIVE_INFINITY;
  let delayTimer: ReturnType<typeof setTimeout> | undefined;
  // NOTIFY runs on a connection of its own, never on the store's pool: with as many concurrent
  // writers as pooled connections, a NOTIFY holding one of them made a writer queue behind it
  // for a whole round trip, every interval (seen as pool-queue hand-offs in profiles of 16
  // writers). At most one NOTIFY is in flight, so one connection is enough.
  let notifier: pg.Client | undefined;
  const notifierClient = async (): Promise<pg.Client> => {
    if (notifier !== undefined) return notifier;
    const fresh = new pg.Client({
      fallback_application_name: 'safeledger-notify',
      ...options.connection,
    });
    // An idle connection's error arrives as an event; the next NOTIFY opens a new one.
    fresh.on('error', (error) => {
      if (!closed) options.onError(error);
      if (notifier === fresh) notifier = undefined;
      fresh.end().catch(() => {});
    });
    fresh.on('end', () => {
      if (notifier === fresh) notifier = undefined;
    });
    try {
      await fresh.connect();
    } catch (error) {
      await fresh.end().catch(() => {});
      throw error;
    }
    notifier = fresh;
    return fresh;
  };
  const sendNotify = () => {
    again = false;
    lastSentAt = Date.now();
    notifying = notifierClient()
      .then((client) =>
        run(client, NOTIFY, [channel, payload]).catch((error: unknown) => {
          // A connection that failed mid-statement is not reused.
          if (notifier === client) notifier = undefined;
          client.end().catch(() => {});
          throw error;
        }),
      )
      .then(
        () => undefined,
        (error: unknown) => {
          if (!closed) options.onError(error);
        },
      )
      .finally(() => {
        notifying = undefined;
        if (again && !closed) scheduleNotify();
      });
  };
  const scheduleNotify = () => {
    if (notifying !== undefined || delayTimer !== undefined) {
      again = true;
      return;
    }
    const wait = lastSentAt + options.notifyIntervalMs - Date.now();
    if (wait <= 0) {
      sendNotify();
      return;
    }
    delayTimer = setTimeout(() => {
      delayTimer = undefined;
      if (!closed) sendNotify();
    }, wait);
  };

  // NOTIFY payloads are limited to 8000 bytes: a longer tenant id wakes the whole channel.
  const payload = Buffer.byteLength(options.tenantId) <= 1_000 ? options.tenantId : '';
  const onNotification = (message: Notification) => {
    if (message.channel !== channel) return;
    if (message.payload === payload || message.payload === '' || message.payload === undefined) {
      wakeAll();
    }
  };

  const scheduleReconnect = () => {
    if (closed || retryTimer !== undefined) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void connect();
    }, backoff);
    retryTimer.unref?.();
    backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
  };

  const dropClient = (failed: pg.Client) => {
    if (client !== failed) return;
    client = undefined;
    failed.removeAllListeners('notification');
    failed.end().catch(() => {});
    scheduleReconnect();
  };

  const connect = (): Promise<void> => {
    if (closed || client !== undefined || connecting !== undefined)
      return connecting ?? Promise.resolve();
    const fresh = new pg.Client({
      fallback_application_name: 'safeledger-listen',
      ...options.connection,
    });
    // Errors of an idle connection arrive as events; without a listener they would crash the
    // process. Either way the connection is replaced.
    fresh.on('error', (error) => {
      if (!closed) options.onError(error);
      dropClient(fresh);
    });
    fresh.on('end', () => dropClient(fresh));
    fresh.on('notification', onNotification);
    connecting = (async () => {
      try {
        await fresh.connect();
        await fresh.query(`LISTEN ${quoteIdentifier(channel)}`);
        if (closed) {
          await fresh.end();
          return;
        }
        client = fresh;
        backoff = 100;
        // Anything appended while the connection was down went unannounced.
        wakeAll();
      } catch (error) {
        if (!closed) options.onError(error);
        fresh.removeAllListeners('notification');
        await fresh.end().catch(() => {});
        scheduleReconnect();
      } finally {
        connecting = undefined;
      }
    })();
    return connecting;
  };

  return {
    watch(listener) {
      listeners.add(listener);
      if (options.listen && !closed) void connect();
      return () => {
        listeners.delete(listener);
      };
    },

    appended() {
      if (closed) return;
      // Local listeners first, after the caller has its result.
      queueMicrotask(wakeAll);
      if (!options.notify) return;
      scheduleNotify();
    },

    async close() {
      closed = true;
      listeners.clear();
      if (retryTimer !== undefined) clearTimeout(retryTimer);
      if (delayTimer !== undefined) clearTimeout(delayTimer);
      await connecting;
      const current = client;
      client = undefined;
      if (current !== undefined) {
        current.removeAllListeners('notification');
        await current.end().catch(() => {});
      }
      await notifying;
      const sender = notifier;
      notifier = undefined;
      await sender?.end().catch(() => {});
    },
  };
}
