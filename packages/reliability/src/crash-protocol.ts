/** What the parent tells a crash worker to do. */
export interface CrashTask {
  readonly kind: 'go';
  readonly store: 'sqlite' | 'postgres';
  /** SQLite file, or PostgreSQL connection string. */
  readonly location: string;
  /** PostgreSQL schema of the run. */
  readonly schema?: string;
  /** The round, so batch ids are unique across restarts. */
  readonly round: number;
  readonly streams: readonly string[];
  readonly seed: number;
}

/** What a worker reports. `attempt` precedes the append, `ack` follows its success. */
export type CrashReport =
  | { readonly kind: 'ready' }
  | {
      readonly kind: 'attempt';
      readonly stream: string;
      readonly batch: string;
      readonly size: number;
    }
  | { readonly kind: 'ack'; readonly stream: string; readonly batch: string }
  | { readonly kind: 'failed'; readonly error: string };

/** The data of every event a worker appends. */
export interface CrashEventData {
  readonly batch: string;
  readonly index: number;
  readonly size: number;
}

/** Name of the projection the workers run; it counts each stream's events. */
export const COUNTING_PROJECTION = 'crash.stream-counts';

/** Short lease, so a killed holder's projection is taken over quickly. */
export const LEASE_TTL_MS = 400;
