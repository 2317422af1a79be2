// Core runs in Node and in browsers and ships without Node's type definitions, so timers are
// reached through a minimal structural view of globalThis instead of ambient declarations.
interface TimerHost {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const host = globalThis as unknown as TimerHost;

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => {
    host.setTimeout(resolve, ms);
  });
}

/** A sleep that `wake()` ends early; used by polling loops that also get wake-up hints. */
export interface Alarm {
  /** Waits up to `ms`, or until `wake()` is called (a wake before the wait ends it at once). */
  wait(ms: number): Promise<void>;
  /** Ends the current wait, or the next one if none is running. */
  wake(): void;
}

/** Creates an alarm; a wake with nobody waiting is remembered so no hint is lost. */
export function createAlarm(): Alarm {
  let pending = false;
  let release: (() => void) | undefined;
  let handle: unknown;
  return {
    wait(ms) {
      if (pending) {
        pending = false;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => {
        release = () => {
          host.clearTimeout(handle);
          release = undefined;
          resolve();
        };
        handle = host.setTimeout(() => release?.(), ms);
      });
    },
    wake() {
      if (release) release();
      else pending = true;
    },
  };
}
