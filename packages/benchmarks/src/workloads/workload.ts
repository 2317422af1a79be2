import type { Family } from '../targets/target.js';

/** Sizes of one benchmark run (full or quick). */
export interface Scale {
  readonly streams: number;
  readonly eventsPerStream: number;
  readonly writers: number;
  readonly rebuildEvents: number;
  readonly hazards: number;
  readonly warmup: number;
  readonly repeats: number;
}

/** One measured cell of the report. */
export interface Result {
  readonly workload: string;
  readonly contender: string;
  readonly family: Family;
  readonly kind: 'safeledger' | 'emmett' | 'raw';
  readonly settings: string;
  /** Median throughput over the repeats. */
  readonly perSecond: number;
  readonly unit: string;
  readonly samples: readonly number[];
  /** Set when the contender threw, crashed or timed out: why; `perSecond` is then NaN. */
  readonly failure?: string;
}
