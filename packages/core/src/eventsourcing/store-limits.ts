/**
 * What every store can keep (R4). The kernel checks these before any adapter sees a value, so
 * the same input gets the same answer from memory, SQLite and PostgreSQL. The numbers are the
 * tightest of the three stores: PostgreSQL cannot index a key above about 2,700 bytes, cannot
 * hold a NUL character or an unpaired surrogate in text, and keeps schema versions as 32-bit
 * integers. Lengths count UTF-16 code units (`string.length`).
 */
export const STORE_LIMITS = Object.freeze({
  /** Longest stream id; with the tenant and a command id it still fits one index entry. */
  streamIdLength: 256,
  /** Longest event type. */
  eventTypeLength: 128,
  /** Longest `commandId`, `correlationId` or `causationId` in event metadata. */
  metadataIdLength: 256,
  /** Longest projection document id. */
  documentIdLength: 512,
  /** Deepest nesting of arrays and objects in event data, metadata or documents. */
  jsonDepth: 64,
  /** Largest schema version (a 32-bit signed integer). */
  maxSchemaVersion: 2_147_483_647,
});

/** Where a value stops being storable, and why. */
export interface StorableProblem {
  /** Dotted path from the checked value's root; empty for the root itself. */
  readonly path: string;
  readonly message: string;
}

// A NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const UNSTORABLE_TEXT =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding NUL is the point of this pattern.
  /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be stored as text, or `undefined` when it can. */
export function textProblem(text: string): string | undefined {
  const match = UNSTORABLE_TEXT.exec(text);
  if (match === null) return undefined;
  return match[0] === '\u0000'
    ? 'contains a NUL character (\\u0000)'
    : `contains an unpaired surrogate at offset ${match.index}`;
}

/**
 * Finds the first part of `value` that is not plain JSON every store keeps exactly: strings
 * without NUL or unpaired surrogates, finite numbers, booleans, null, arrays without holes and
 * plain objects, nested at most `STORE_LIMITS.jsonDepth` deep. Object properties whose value is
 * `undefined` are allowed and dropped, as JSON does; anything JSON would silently turn into
 * something else (a function, a Symbol, `NaN`, a Date, a Map, a class instance) is a problem.
 */
export function findUnstorable(value: unknown): StorableProblem | undefined {
  const ancestors: object[] = [];
  const problem = inspect(value, 0, ancestors);
  return problem === undefined
    ? undefined
    : { path: problem.path.reverse().join('.'), message: problem.message };
}

interface Found {
  readonly path: string[];
  readonly message: string;
}

function inspect(value: unknown, depth: number, ancestors: object[]): Found | undefined {
  switch (typeof value) {
    case 'string': {
      const problem = textProblem(value);
      return problem === undefined ? undefined : { path: [], message: problem };
    }
    case 'boolean':
      return undefined;
    case 'number':
      return Number.isFinite(value)
        ? undefined
        : { path: [], message: `is ${value}, not a finite number` };
    case 'undefined':
      return { path: [], message: 'is undefined' };
    case 'bigint':
      return { path: [], message: 'is a BigInt, which JSON cannot hold' };
    case 'function':
      return { path: [], message: 'is a function, which JSON cannot hold' };
    case 'symbol':
      return { path: [], message: 'is a Symbol, which JSON cannot hold' };
    default:
      break;
  }
  if (value === null) return undefined;
  const object = value as object;
  if (depth >= STORE_LIMITS.jsonDepth) {
    return {
      path: [],
      message: ancestors.includes(object)
        ? 'refers back to itself (a cycle), which JSON cannot hold'
        : `nests deeper than ${STORE_LIMITS.jsonDepth} levels`,
    };
  }
  if (Array.isArray(object)) {
    ancestors.push(object);
    for (let index = 0; index < object.length; index++) {
      if (!(index in object)) {
        ancestors.pop();
        return { path: [String(index)], message: 'is a hole in the array' };
      }
      const found = inspect(object[index], depth + 1, ancestors);
      if (found !== undefined) {
        ancestors.pop();
        found.path.push(String(index));
        return found;
      }
    }
    ancestors.pop();
    return undefined;
  }
  const prototype = Object.getPrototypeOf(object) as unknown;
  if (prototype !== Object.prototype && prototype !== null) {
    const name = (object as { constructor?: { name?: unknown } }).constructor?.name;
    return {
      path: [],
      message: `is ${typeof name === 'string' && name !== '' ? `a ${name}` : 'an object with a custom prototype'}, not a plain object or array`,
    };
  }
  ancestors.push(object);
  for (const key of Object.keys(object)) {
    const keyProblem = textProblem(key);
    if (keyProblem !== undefined) {
      ancestors.pop();
      return { path: [JSON.stringify(key)], message: `has a key that ${keyProblem}` };
    }
    const item = (object as Record<string, unknown>)[key];
    // An absent optional field written as `{ field: undefined }` is dropped, as JSON drops it.
    if (item === undefined) continue;
    const found = inspect(item, depth + 1, ancestors);
    if (found !== undefined) {
      ancestors.pop();
      found.path.push(key);
      return found;
    }
  }
  ancestors.pop();
  return undefined;
}

/**
 * Why `text` cannot be an id or name of at most `maxLength` code units, or `undefined` when it
 * can. Used for stream ids, event types and document ids.
 */
export function identifierProblem(text: unknown, maxLength: number): string | undefined {
  if (typeof text !== 'string') return `must be a string, not ${describeType(text)}`;
  if (text.length === 0) return 'must not be empty';
  if (text.length > maxLength) {
    return `is ${text.length} characters long; the limit is ${maxLength}`;
  }
  return textProblem(text);
}

/** Shows an id in a message without flooding it: long ids are cut, odd characters escaped. */
export function quoteId(text: unknown): string {
  if (typeof text !== 'string') return describeType(text);
  const shown = text.length > 60 ? `${text.slice(0, 40)}…` : text;
  return JSON.stringify(shown);
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
