import { ValidationError } from '@safeledger/core';

/** The schema a store uses when none is given. */
export const DEFAULT_SCHEMA = 'safeledger';

// Lower-case identifiers only: they never need case folding, they are safe inside a quoted
// identifier, a LISTEN channel and a setting name, and 48 characters leave room for suffixes
// within PostgreSQL's 63-byte identifier limit.
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,47}$/;

/**
 * Checks a schema name and returns it. Names are lower-case letters, digits and `_`, start with
 * a letter or `_`, are at most 48 characters and are not reserved by PostgreSQL.
 * @throws ValidationError (`VALIDATION_FAILED`) for anything else.
 */
export function assertSchemaName(schema: unknown): string {
  if (
    typeof schema !== 'string' ||
    !SCHEMA_NAME.test(schema) ||
    schema.startsWith('pg_') ||
    schema === 'information_schema'
  ) {
    throw new ValidationError(
      `schema name ${JSON.stringify(schema)} is not allowed: use 1-48 lower-case letters, digits or "_", starting with a letter or "_" (not "pg_")`,
      [],
    );
  }
  return schema;
}

/** Quotes a validated schema name as an SQL identifier. */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** 31-bit FNV-1a hash: advisory-lock keys computed the same way by every instance. */
export function lockKey(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) & 0x7fffffff;
}
