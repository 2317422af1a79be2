/** One timed repetition: how many items were processed in how many milliseconds. */
export interface Sample {
  readonly items: number;
  readonly ms: number;
}

/** The result of a measured workload: throughput of every repeat and their median. */
export interface Measurement {
  readonly perSecond: number;
  readonly samples: readonly number[];
}

/**
 * Runs `run` `warmup` times untimed, then `repeats` times timed, and reports the median
 * throughput. Each call of `run` gets a fresh repetition index so it can use fresh stream ids,
 * and knows whether it is a warm-up (which may use a smaller size: it only has to get the JIT,
 * the connections and the caches going).
 */
export async function measure(
  run: (repetition: number, warmup: boolean) => Promise<Sample>,
  options: { warmup: number; repeats: number },
): Promise<Measurement> {
  let repetition = 0;
  const attempt = async (warmup: boolean): Promise<Sample> => {
    for (let tries = 1; ; tries++) {
      try {
        return await run(repetition++, warmup);
      } catch (error) {
        // A contender that fails mid-run (a peer store's own race, say) gets its repetition
        // again on a fresh store; the failure is reported, never hidden.
        if (tries >= MAX_TRIES) throw error;
        failures.push(error instanceof Error ? error.message : String(error));
      }
    }
  };
  for (let i = 0; i < options.warmup; i++) await attempt(true);
  const samples: number[] = [];
  for (let i = 0; i < options.repeats; i++) {
    const { items, ms } = await attempt(false);
    samples.push((items / ms) * 1000);
  }
  return { perSecond: median(samples), samples };
}

const MAX_TRIES = 3;
const failures: string[] = [];

/** Errors that made a repetition run again since the last call; clears the list. */
export function takeRepeatedFailures(): string[] {
  return failures.splice(0);
}

/** Times one async call. */
export async function timed(items: number, action: () => Promise<void>): Promise<Sample> {
  const started = performance.now();
  await action();
  return { items, ms: performance.now() - started };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
