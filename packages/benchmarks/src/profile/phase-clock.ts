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
  reset(): void;
}

/** A clock on `performance.now()`. */
export function createPhaseClock(): PhaseClock {
  const totals = new Map<string, number>();
  const depth = new Map<string, number>();
  const add = (phase: string, started: number) => {
    totals.set(phase, (totals.get(phase) ?? 0) + (performance.now() - started) * 1000);
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
      const started = performance.now();
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
    reset() {
      totals.clear();
      depth.clear();
    },
  };
}

/**
 * The same object with every method timed as `phase` (async results until they settle). Methods
 * run with the original object as `this`, so calls between its own methods are not re-timed.
 */
export function timeMethods<T extends object>(target: T, phase: string, clock: PhaseClock): T {
  return new Proxy(target, {
    get(object, key) {
      const value = Reflect.get(object, key, object) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) =>
        clock.time(phase, () => (value as (...a: unknown[]) => unknown).apply(object, args));
    },
  });
}
