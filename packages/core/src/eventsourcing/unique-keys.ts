import { z } from 'zod';
import type { EventMetadata } from './envelope.js';
import { isConcurrencyError } from './errors.js';
import { defineEvent, type EventOf } from './event-definition.js';
import type { EventStore } from './event-store.js';
import { type RetryPolicy, withRetry } from './retry.js';

const ClaimSchema = z.object({
  scope: z.string().min(1),
  key: z.string().min(1),
  owner: z.string().min(1),
});

/** A key of a uniqueness scope was claimed by an owner (usually an aggregate's stream id). */
export const UniqueKeyClaimed = defineEvent('UniqueKeyClaimed', ClaimSchema);
/** The owner of a key gave it up (its aggregate ended, or the command it was claimed for failed). */
export const UniqueKeyReleased = defineEvent('UniqueKeyReleased', ClaimSchema);
/** Register these with the store's event registry when using `createUniqueKeys`. */
export const uniqueKeyEvents = [UniqueKeyClaimed, UniqueKeyReleased] as const;

type UniqueKeyEvent = EventOf<typeof UniqueKeyClaimed> | EventOf<typeof UniqueKeyReleased>;

/** Outcome of a claim. */
export type ClaimResult =
  | {
      readonly claimed: true;
      /** False when the owner already held the key (a retried command): nothing was written. */
      readonly fresh: boolean;
    }
  | { readonly claimed: false; readonly owner: string };

/**
 * Keys unique across streams within one scope (a case number per agency and year, a credit code
 * across the registry). Each key is a tiny stream appended at an exact expected version, so two
 * racing claims of one key cannot both win on any store: the loser reloads and sees the owner.
 */
export interface UniqueKeys {
  readonly scope: string;
  /**
   * Claims `key` for `owner`; claiming a key one already holds succeeds without writing.
   * @throws StoreFailureError (`STORE_FAILURE`) and other store errors; never for a taken key.
   */
  claim(key: string, owner: string, metadata?: EventMetadata): Promise<ClaimResult>;
  /** Gives the key up if `owner` holds it; returns false (and writes nothing) otherwise. */
  release(key: string, owner: string, metadata?: EventMetadata): Promise<boolean>;
  /** The current owner, if any. */
  ownerOf(key: string): Promise<string | undefined>;
  /** The stream that holds a key's claims (for audits and tests). */
  streamIdOf(key: string): string;
}

/** Options of `createUniqueKeys`. */
export interface UniqueKeysOptions {
  readonly store: EventStore;
  /** Lower-case letters, digits, `_` and `.`; part of every key stream's id. */
  readonly scope: string;
  /** Retries when another claim of the same key raced this one; default 8 attempts. */
  readonly retry?: RetryPolicy;
}

const SCOPE = /^[a-z0-9_.]{1,40}$/;
// Short keys made of these characters stay readable in the stream id; others are hashed.
const READABLE_KEY = /^[A-Za-z0-9_.:]{1,64}$/;

/**
 * Creates the uniqueness claims of one scope. Typical use in an application service: claim
 * before handling the command that needs the key, and release if that command is rejected:
 *
 * @example
 * const caseNumbers = createUniqueKeys({ store, scope: 'case_number' });
 * const claim = await caseNumbers.claim(`${agencyId}:${year}:${caseNo}`, streamId);
 * if (!claim.claimed) throw duplicateCaseNumber(claim.owner);
 * try { await handle(streamId, command); }
 * catch (error) { if (claim.fresh) await caseNumbers.release(key, streamId); throw error; }
 *
 * @throws TypeError for a scope outside `[a-z0-9_.]{1,40}`.
 */
export function createUniqueKeys(options: UniqueKeysOptions): UniqueKeys {
  const { store, scope } = options;
  if (!SCOPE.test(scope)) {
    throw new TypeError(`unique key scope "${scope}" must match [a-z0-9_.]{1,40}`);
  }
  const retry = options.retry ?? { maxAttempts: 8 };
  const streamIdOf = (key: string): string => `unique-${scope}.${encodeKey(key)}`;

  const load = async (key: string): Promise<{ owner: string | undefined; version: number }> => {
    let owner: string | undefined;
    let version = 0;
    for await (const event of store.readStream(streamIdOf(key))) {
      version = event.version;
      const data = event.data as z.infer<typeof ClaimSchema>;
      if (data.key !== key) {
        // Two keys hashing alike is astronomically unlikely; refuse rather than conflate them.
        throw new Error(`unique key stream "${streamIdOf(key)}" holds another key`);
      }
      owner = event.type === UniqueKeyClaimed.type ? data.owner : undefined;
    }
    return { owner, version };
  };

  const append = async (
    key: string,
    version: number,
    event: UniqueKeyEvent,
    metadata: EventMetadata | undefined,
  ): Promise<void> => {
    await store.appendToStream(
      streamIdOf(key),
      [{ type: event.type, data: event.data, ...(metadata === undefined ? {} : { metadata }) }],
      { expectedVersion: version === 0 ? 'no_stream' : version },
    );
  };

  const check = (key: string, owner: string): void => {
    if (key.length === 0) throw new TypeError(`unique key of scope "${scope}" is empty`);
    if (owner.length === 0) throw new TypeError(`owner of unique key "${key}" is empty`);
  };

  return {
    scope,
    streamIdOf,
    async claim(key, owner, metadata) {
      check(key, owner);
      return withRetry(
        async (): Promise<ClaimResult> => {
          const current = await load(key);
          if (current.owner === owner) return { claimed: true, fresh: false };
          if (current.owner !== undefined) return { claimed: false, owner: current.owner };
          await append(
            key,
            current.version,
            UniqueKeyClaimed.create({ scope, key, owner }),
            metadata,
          );
          return { claimed: true, fresh: true };
        },
        isConcurrencyError,
        retry,
      );
    },
    async release(key, owner, metadata) {
      check(key, owner);
      return withRetry(
        async () => {
          const current = await load(key);
          if (current.owner !== owner) return false;
          await append(
            key,
            current.version,
            UniqueKeyReleased.create({ scope, key, owner }),
            metadata,
          );
          return true;
        },
        isConcurrencyError,
        retry,
      );
    },
    async ownerOf(key) {
      return (await load(key)).owner;
    },
  };
}

/** A stream-id-safe form of a key: readable when short and plain, else an FNV-1a digest pair. */
function encodeKey(key: string): string {
  if (READABLE_KEY.test(key)) return key;
  return `h${fnv1a(key, 0x811c9dc5)}${fnv1a(key, 0x01000193)}${key.length.toString(36)}`;
}

/** 32-bit FNV-1a over UTF-16 code units, as 8 hex digits. */
function fnv1a(text: string, seed: number): string {
  let hash = seed >>> 0;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
