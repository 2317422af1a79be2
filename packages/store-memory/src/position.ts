import { ValidationError } from '@safeledger/core';

// Fixed width makes positions compare correctly as strings, as the port promises.
const WIDTH = 16;

/** Encodes the n-th global position. */
export function encodePosition(sequence: number): string {
  return String(sequence).padStart(WIDTH, '0');
}

/**
 * Decodes a position this store handed out; 0 stands for "before the first event".
 * @throws ValidationError (`VALIDATION_FAILED`) when the text is not a position of this store.
 */
export function decodePosition(position: string | undefined): number {
  if (position === undefined) return 0;
  const sequence = Number(position);
  if (
    typeof position !== 'string' ||
    !/^\d{1,16}$/.test(position) ||
    !Number.isSafeInteger(sequence)
  ) {
    throw new ValidationError(
      `position ${JSON.stringify(position)} was not issued by a memory event store`,
      [],
    );
  }
  return sequence;
}
