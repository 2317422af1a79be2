import type { EventStore, EventStoreOptions } from '@safeledger/core';

/**
 * One empty database for one test. `open` may be called several times: every store it returns
 * works on the same data, like separate connections or separate application instances.
 */
export interface ConformanceHarness {
  /** Opens one more store on this test's database, with the options the case needs. */
  open(options: EventStoreOptions): Promise<EventStore>;
  /** Drops what `open` created; stores are closed before this runs. */
  teardown?(): Promise<void>;
}

/** Creates a fresh, empty database per test. */
export type ConformanceFactory = () => Promise<ConformanceHarness>;

/** Sizes of the load the suite puts on an adapter. */
export interface ConformanceScale {
  /** Concurrent writers in the gap-safety test; default 8. */
  readonly writers?: number;
  /** Single-event appends per writer in the gap-safety test; default 40. */
  readonly eventsPerWriter?: number;
  /** Store instances opened for concurrency tests; default 3. */
  readonly instances?: number;
  /** Runs of the model-based property test; default 40. */
  readonly modelRuns?: number;
}

/** Options of `describeEventStoreConformance`. */
export interface ConformanceOptions extends ConformanceScale {
  /**
   * Explicit, reasoned opt-outs: case name → why this adapter cannot honour it. Each one is
   * reported as a skipped test carrying the reason, never dropped silently.
   */
  readonly optOuts?: Readonly<Record<string, string>>;
  /** Per-test timeout; default 60 s. */
  readonly timeoutMs?: number;
}

/** What a case receives. */
export interface ConformanceContext {
  /** Opens a store on this test's database; closed automatically after the test. */
  open(options?: EventStoreOptions): Promise<EventStore>;
  readonly scale: Required<ConformanceScale>;
}

/** One named check of the contract. */
export interface ConformanceCase {
  /** Section of the contract, e.g. `append`. */
  readonly group: string;
  /** Unique name; cites the contract rule it checks (A2, R1, S3...). */
  readonly name: string;
  /** Runs the check; a failed expectation or a thrown error fails the case. */
  readonly run: (context: ConformanceContext) => Promise<void>;
}
