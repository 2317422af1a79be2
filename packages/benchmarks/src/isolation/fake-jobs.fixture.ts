import type { JobOutput } from './run-contenders.js';

// Job module for the isolation test: one healthy contender and three that fail in the ways a
// peer store has failed for real (throwing, rejecting outside any await, never finishing).

export type FakeJob = 'healthy' | 'throws' | 'rejects-unhandled' | 'hangs';

export async function runJob(job: FakeJob): Promise<JobOutput> {
  switch (job) {
    case 'healthy':
      return {
        result: {
          workload: 'fake workload',
          contender: 'healthy',
          family: 'memory',
          kind: 'safeledger',
          settings: 'in-process',
          perSecond: 1234,
          unit: 'events/s',
          samples: [1234],
        },
        notes: [],
      };
    case 'throws':
      throw new Error('store exploded');
    case 'rejects-unhandled':
      // Like a peer's background commit failing: nobody awaits this promise.
      void Promise.reject(new Error('SQLITE_BUSY: cannot commit transaction'));
      return new Promise(() => {});
    case 'hangs':
      return new Promise(() => {
        setInterval(() => {}, 1_000);
      });
  }
}
