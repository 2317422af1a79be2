import {
  DELETE_DOCUMENT,
  type Decider,
  defineProjection,
  type EventStore,
  indexed,
  type StoredEvent,
} from '@safeledger/core';

/** A filed report: the read model's document, keyed by `key`; `tenant` marks who wrote it. */
export interface Filed {
  readonly key: string;
  readonly area: string;
  readonly level: number;
  readonly tenant: string;
}

/** A read model with indexed fields of three kinds, queried by the isolation suite. */
export const ledger = defineProjection<Filed>({
  name: 'ledger',
  version: 1,
  handles: ['Filed', 'Withdrawn'],
  documentId: (event) => (event.data as { key: string }).key,
  init: (key) => ({ key, area: '', level: 0, tenant: '' }),
  apply: (_document, event) =>
    event.type === 'Withdrawn' ? DELETE_DOCUMENT : (event.data as Filed),
  fields: {
    key: indexed.text((document) => document.key),
    area: indexed.text((document) => document.area),
    level: indexed.integer((document) => document.level),
    tenant: indexed.text((document) => document.tenant),
  },
});

/** A counter whose commands carry ids, for idempotency across tenants. */
export const counter: Decider<number, { n: number }, { type: 'Counted'; data: { n: number } }> = {
  name: 'counter',
  initialState: () => 0,
  evolve: (state) => state + 1,
  decide: (command) => ({ type: 'Counted', data: { n: command.n } }),
};

/** Collects an async iterable. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** Every event of a store's global log. */
export function everything(store: EventStore): Promise<StoredEvent[]> {
  return collect(store.readAll());
}

/** Waits until `done()` holds, polling; fails naming `what` after `timeoutMs`. */
export async function until(done: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Text that tries to break out of SQL strings, identifiers, comments and JSON paths, plus
 * JavaScript's special keys and unicode that byte-oriented code mangles.
 */
export const HOSTILE = [
  `it's "quoted"; DROP TABLE events; --`,
  `'); DROP TABLE safeledger_events; --`,
  `Robert'); DROP TABLE Students;--`,
  `x"; DROP SCHEMA public CASCADE; --`,
  `a; DELETE FROM streams WHERE 1=1`,
  `' OR '1'='1`,
  `" OR ""="`,
  '-- only a comment',
  '/* open comment',
  '$$ dollar $$ $fn$',
  '%s %d %% \\x00 \\u0041',
  'back\\slash\\',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  '隐患 整改率 ✓ 🚧 e\u0301 \u200b \u202e right-to-left',
  'line\nbreak\ttab\r\n',
  ' padded ',
  'UPPER_Case',
  'pg_catalog',
  'information_schema',
  'sqlite_master',
  '$.key',
  '{"key":1}',
  '?',
  '$1',
  '\u00a0nbsp',
] as const;

/**
 * Whether the contract lets `text` be an id of at most `max` code units (written from the
 * event-store spec, independently of the kernel's check): non-empty, within the limit, no NUL
 * and no unpaired surrogate, so every store can keep it exactly.
 */
export function storableId(text: string, max: number): boolean {
  if (text.length === 0 || text.length > max) return false;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit === 0) return false;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i += 1;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      return false;
    }
  }
  return true;
}
