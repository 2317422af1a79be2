import { ValidationError } from '@safeledger/core';

/**
 * A global position is `(epoch, xid, seq)`: the position epoch (changes only when the data moves
 * to another cluster), the appending transaction's 64-bit id, and the row's order inside that
 * transaction. Fixed-width decimal fields make positions compare correctly as plain strings.
 */
export interface PositionParts {
  readonly epoch: number;
  /** Decimal text of an xid8. */
  readonly xid: string;
  readonly seq: number;
}

const EPOCH_WIDTH = 4;
const XID_WIDTH = 20; // 2^64 has 20 decimal digits
const SEQ_WIDTH = 10; // 2^31 has 10 decimal digits
const POSITION = /^(\d{4})-(\d{20})-(\d{10})$/;

/** Largest epoch a position can carry. */
export const MAX_EPOCH = 10 ** EPOCH_WIDTH - 1;

/** The position before every event: `after` of a reader starting from the beginning. */
export const START: PositionParts = { epoch: 0, xid: '0', seq: 0 };

/** Encodes position parts as the opaque, string-comparable checkpoint. */
export function encodePosition(epoch: number | string, xid: string, seq: number | string): string {
  return `${String(epoch).padStart(EPOCH_WIDTH, '0')}-${xid.padStart(XID_WIDTH, '0')}-${String(seq).padStart(SEQ_WIDTH, '0')}`;
}

/**
 * Decodes a position this store handed out; `undefined` is the start of the log.
 * @throws ValidationError (`VALIDATION_FAILED`) for anything this store cannot have issued.
 */
export function decodePosition(position: string | undefined): PositionParts {
  if (position === undefined) return START;
  const match = typeof position === 'string' ? POSITION.exec(position) : null;
  if (match === null) {
    throw new ValidationError(
      `position ${JSON.stringify(position)} was not issued by a postgres event store`,
      [],
    );
  }
  return {
    epoch: Number(match[1]),
    xid: match[2]!.replace(/^0+(?=\d)/, ''),
    seq: Number(match[3]),
  };
}
