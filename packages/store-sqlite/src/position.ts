import { ValidationError } from '@safeledger/core';

// SQLite row ids are signed 64-bit integers: 19 digits hold every one of them, so the
// zero-padded text of a position compares exactly like the number it encodes.
const WIDTH = 19;
const DIGITS = /^\d{1,19}$/;

/** Encodes the AUTOINCREMENT key of an event row as an opaque, string-ordered position. */
export function encodePosition(sequence: number): string {
  return String(sequence).padStart(WIDTH, '0');
}

/**
 * Decodes a position this store handed out; `undefined` stands for "before the first event".
 * @throws ValidationError (`VALIDATION_FAILED`) when the text is not a position of this store.
 */
export function decodePosition(position: string | undefined): number {
  if (position === undefined) return 0;
  const sequence = Number(position);
  if (typeof position !== 'string' || !DIGITS.test(position) || !Number.isSafeInteger(sequence)) {
    throw new ValidationError(
      `position ${JSON.stringify(position)} was not issued by a sqlite event store`,
      [],
    );
  }
  return sequence;
}
