import type { Family } from '../targets/target.js';
import type { Result } from '../workloads/workload.js';
import { runInChild } from './run-in-child.js';

/** One cell of the report, measured in its own process. */
export interface IsolatedJob<J> {
  readonly workload: string;
  readonly contender: string;
  readonly family: Family;
  readonly kind: Result['kind'];
  /** Sent to the child's `runJob`; must survive structured clone. */
  readonly job: J;
}

/** What a job module's `runJob` resolves to. */
export interface JobOutput {
  readonly result: Result;
  /** Repetitions that failed and were run again, for the report's notes. */
  readonly notes: readonly string[];
}

/**
 * Runs the jobs one after another, each in a fresh child process with a time limit, so every
 * contender of a comparison runs in the same session on the same machine, yet a contender that
 * throws, crashes or hangs costs only its own cell: it is reported as failed with its reason.
 */
export async function runContenders<J>(
  jobs: readonly IsolatedJob<J>[],
  options: {
    readonly module: string;
    readonly timeLimitMs: number;
    readonly log: (line: string) => void;
  },
): Promise<{ results: Result[]; notes: string[] }> {
  const results: Result[] = [];
  const notes: string[] = [];
  for (const job of jobs) {
    const outcome = await runInChild(options.module, job.job, { timeLimitMs: options.timeLimitMs });
    const head = `${job.workload.padEnd(44)} ${job.contender.padEnd(28)}`;
    if (outcome.ok) {
      const output = outcome.value as JobOutput;
      results.push(output.result);
      notes.push(...output.notes);
      const rate = Math.round(output.result.perSecond).toLocaleString('en-US');
      options.log(`${head} ${rate.padStart(12)} ${output.result.unit}`);
    } else {
      results.push(failedResult(job, outcome.error));
      options.log(`${head} FAILED: ${outcome.error}`);
    }
  }
  return { results, notes };
}

function failedResult(job: IsolatedJob<unknown>, error: string): Result {
  return {
    workload: job.workload,
    contender: job.contender,
    family: job.family,
    kind: job.kind,
    settings: '—',
    perSecond: Number.NaN,
    unit: '',
    samples: [],
    failure: error,
  };
}
