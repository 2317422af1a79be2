/**
 * Accumulates wall time per named phase. Phases nest (a directory lookup happens inside decide),
 * so each phase records its inclusive time; the report subtracts the inner phases. Re-entrant
 * calls of one phase (a directory method calling another) count once, at the outermost call.
 */
export interface PhaseClock {
  /** Inclusive microseconds per phase since the last `reset`. */
  readonly totals: ReadonlyMap<string, number>;
  /** Times a call: a synchronous one until it returns, an async one until its promise settles. */
  time<T>(phase: string, action: () => T): T;
  /** True while a call of `phase` is running (for phases that nest in different places). */
  active(phase: string): boolean;
  reset(): void;
}

/** A clock on `now` (milliseconds; `performance.now()` unless a test steps it by hand). */
export function createPhaseClock(now: () => number = () => performance.now()): PhaseClock {
  const totals = new Map<string, number>();
  const depth = new Map<string, number>();
  const add = (phase: string, started: number) => {
    totals.set(phase, (totals.get(phase) ?? 0) + (now() - started) * 1000);
  };
  const enter = (phase: string): boolean => {
    const level = depth.get(phase) ?? 0;
    depth.set(phase, level + 1);
    return level === 0;
  };
  const leave = (phase: string) => depth.set(phase, (depth.get(phase) ?? 1) - 1);
  return {
    totals,
    time(phase, action) {
      const outer = enter(phase);
      const started = now();
      const done = () => {
        leave(phase);
        if (outer) add(phase, started);
      };
      let result: ReturnType<typeof action>;
      try {
        result = action();
      } catch (error) {
        done();
        throw error;
      }
      if (result instanceof Promise) return result.finally(done) as typeof result;
      done();
      return result;
    },
    active(phase) {
      return (depth.get(phase) ?? 0) > 0;
    },
    reset() {
      totals.clear();
      depth.clear();
    },
  };
}

/**
 * A copy of the object with every method timed as `phase` (async results until they settle).
 * Methods run with the original object as `this`, so calls between its own methods are not
 * re-timed. A copy, not a Proxy: the directory and registry are frozen, and a Proxy may not
 * return anything but a frozen property's own value.
 */
export function timeMethods<T extends object>(target: T, phase: string, clock: PhaseClock): T {
  const copy: Record<PropertyKey, unknown> = {};
  for (
    let level: object | null = target;
    level !== null && level !== Object.prototype;
    level = Object.getPrototypeOf(level) as object | null
  ) {
    for (const key of Reflect.ownKeys(level)) {
      if (key === 'constructor' || key in copy) continue;
      const value = Reflect.get(target, key) as unknown;
      copy[key] =
        typeof value === 'function'
          ? (...args: unknown[]) =>
              clock.time(phase, () => (value as (...a: unknown[]) => unknown).apply(target, args))
          : value;
    }
  }
  return copy as T;
}
