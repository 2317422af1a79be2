import { monotonicFactory } from 'ulid';

/** Source of the current time; injected so tests and replays are deterministic. */
export type Clock = () => Date;

/** Source of new unique ids (ULIDs by default); injected for deterministic tests. */
export type IdGenerator = () => string;

/** The wall clock. */
export const systemClock: Clock = () => new Date();

/**
 * Creates a monotonic ULID generator: ids made in the same millisecond still sort in creation
 * order, which keeps event ids roughly aligned with append order.
 */
export function createUlidGenerator(): IdGenerator {
  const next = monotonicFactory();
  return () => next();
}

const ULID = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/;

/** True when `value` is a syntactically valid ULID. */
export function isUlid(value: string): boolean {
  return ULID.test(value);
}
