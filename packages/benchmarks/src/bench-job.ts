import { contendersOf, type Lineup, subjectsOf, type WorkloadId } from './catalog.js';
import type { JobOutput } from './isolation/run-contenders.js';
import { takeRepeatedFailures } from './measure.js';
import {
  batchAppends,
  concurrentAppends,
  singleAppends,
  streamLoads,
} from './workloads/appends.js';
import { hazardCommandPath } from './workloads/hazard-path.js';
import { projectionRebuild } from './workloads/rebuild.js';
import type { Result, Scale } from './workloads/workload.js';

/** One cell of the report: a workload on one contender, run in a child process. */
export interface BenchJob {
  readonly workload: WorkloadId;
  readonly contender: string;
  readonly lineup: Lineup;
  readonly scale: Scale;
}

/** The child side of a benchmark job (called by the isolation entry). */
export async function runJob(job: BenchJob): Promise<JobOutput> {
  const result = await measureJob(job);
  const notes = takeRepeatedFailures().map(
    (failure) =>
      `${result.contender}, ${result.workload}: a repetition failed (${failure}) and was run again on a fresh store.`,
  );
  return { result, notes };
}

function measureJob(job: BenchJob): Promise<Result> {
  if (job.workload === 'rebuild' || job.workload === 'hazard') {
    const subject = subjectsOf(job.lineup).find((s) => s.name === job.contender);
    if (subject === undefined) throw new Error(`no store subject named "${job.contender}"`);
    return job.workload === 'rebuild'
      ? projectionRebuild(subject, job.scale)
      : hazardCommandPath(subject, job.scale);
  }
  const contender = contendersOf(job.lineup).find((c) => c.name === job.contender);
  if (contender === undefined) throw new Error(`no contender named "${job.contender}"`);
  const workloads = {
    single: singleAppends,
    batch: batchAppends,
    writers: concurrentAppends,
    loads: streamLoads,
  } as const;
  return workloads[job.workload](contender, job.scale);
}
