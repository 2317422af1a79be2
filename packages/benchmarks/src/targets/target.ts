import type { BenchEvent } from '../bench-event.js';

/** Which storage a contender uses; ratios are only taken within one family. */
export type Family = 'memory' | 'sqlite' | 'postgres';

/** Whose code is measured. */
export type ContenderKind = 'safeledger' | 'emmett' | 'raw';

/** One store under test, reduced to the operations the workloads time. */
export interface AppendTarget {
  readonly family: Family;
  readonly kind: ContenderKind;
  /** Shown in the report, e.g. "WAL, synchronous NORMAL". */
  readonly settings: string;
  /** Appends one event to a stream currently at `expected` (0: the stream is new). */
  appendOne(streamId: string, expected: number, event: BenchEvent): Promise<void>;
  /** Appends a batch to a new stream in one call. */
  appendBatch(streamId: string, events: readonly BenchEvent[]): Promise<void>;
  /** Reads a whole stream and folds it; returns the number of events read. */
  loadStream(streamId: string): Promise<number>;
  close(): Promise<void>;
}

/** Opens a fresh, empty target; `concurrency` sizes connection pools for parallel writers. */
export type TargetFactory = (options: { concurrency: number }) => Promise<AppendTarget>;

/** A named contender of one family. */
export interface Contender {
  readonly name: string;
  readonly family: Family;
  readonly kind: ContenderKind;
  readonly open: TargetFactory;
}
