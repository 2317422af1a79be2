import { createHash } from 'node:crypto';
import type { ClientBase, CustomTypesConfig, Pool, QueryResultRow } from 'pg';

/** A row as this package reads it: every column as its text form (or null). */
export type RawRow = Record<string, string | null>;

// Every value comes back as PostgreSQL's text form and is parsed here, so an application that
// changes pg's global type parsers (int8 as BigInt, dates as strings...) cannot change what the
// store reads.
const RAW_TYPES: CustomTypesConfig = {
  getTypeParser: (() => (value: string) => value) as unknown as CustomTypesConfig['getTypeParser'],
};

/** A statement, prepared once per connection under a name derived from its text. */
export interface Statement {
  /** Undefined for statements planned on every execution. */
  readonly name: string | undefined;
  readonly text: string;
}

/**
 * Names a statement by a hash of its text, so different schemas never share a name.
 * `prepare: false` makes PostgreSQL plan it on every execution, with the actual parameters:
 * for rare statements whose plan cached on an empty table could pick the wrong index.
 */
export function statement(text: string, options: { prepare?: boolean } = {}): Statement {
  if (options.prepare === false) return { name: undefined, text };
  const digest = createHash('sha256').update(text).digest('hex').slice(0, 24);
  return { name: `safeledger_${digest}`, text };
}

/** Runs a statement with raw text results; named (prepared) unless disabled. */
export async function run(
  target: Pool | ClientBase,
  sql: Statement | string,
  values: readonly unknown[] = [],
  prepared = true,
): Promise<RawRow[]> {
  const text = typeof sql === 'string' ? sql : sql.text;
  const name = typeof sql !== 'string' && prepared ? sql.name : undefined;
  const result = await target.query<QueryResultRow>({
    text,
    values: values as unknown[],
    types: RAW_TYPES,
    ...(name === undefined ? {} : { name }),
  });
  return result.rows as RawRow[];
}

/** Parses an integer column. */
export function int(value: string | null | undefined): number {
  return value === null || value === undefined ? 0 : Number(value);
}

/** Parses a json/jsonb column. */
export function json(value: string | null | undefined): unknown {
  return value === null || value === undefined ? undefined : JSON.parse(value);
}

/** Parses a boolean column. */
export function bool(value: string | null | undefined): boolean {
  return value === 't' || value === 'true';
}
