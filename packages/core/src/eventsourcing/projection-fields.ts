import { textProblem } from './store-limits.js';

/**
 * Types an indexed field can have (S7). `date` is a calendar date `YYYY-MM-DD`; `instant` is a
 * point in time, kept in the normalised form `Date.prototype.toISOString` gives so text order is
 * time order on every store; `text_array` holds tags such as campaign ids.
 */
export type IndexedFieldType = 'text' | 'integer' | 'date' | 'instant' | 'boolean' | 'text_array';

/** The JavaScript value of a field type (`null` is always allowed, except for arrays). */
export interface IndexedFieldValueOf {
  text: string;
  integer: number;
  date: string;
  instant: string;
  boolean: boolean;
  text_array: readonly string[];
}

/** A stored field value: scalars, `null`, or a text array. */
export type IndexedFieldValue = string | number | boolean | null | readonly string[];

/** One indexed field of a projection: its type and how to read it from a document. */
export interface IndexedField<Doc = any, T extends IndexedFieldType = IndexedFieldType> {
  readonly type: T;
  /** Reads the field from a document; `null`/`undefined` store SQL NULL (an empty array). */
  readonly value: (document: Doc, id: string) => IndexedFieldValueOf[T] | null | undefined;
  /** `false`: a column without its own single-field index (see `ScalarFieldOptions`). */
  readonly ownIndex?: boolean;
}

/** Options of a scalar indexed field. */
export interface ScalarFieldOptions {
  /**
   * Whether the SQL stores give the field its own index `(field, id)`; default `true`.
   *
   * `false` keeps the field a real column: filters, sorts, keyset pages, counts and groups on it
   * work as before and still run as SQL, with the same answers on every store. Only the
   * single-field index is left out, so every document write maintains one B-tree fewer. Choose
   * it for a field that is filtered only together with a more selective one (a composite index
   * of `indexes` that leads with that one serves the query), or only on small result sets;
   * keep the index for a field that is filtered or sorted alone over many documents. Composite
   * indexes may still name the field.
   *
   * It is part of the field schema: changing it is a new projection version (a rebuild).
   */
  readonly ownIndex?: boolean;
}

/** Indexed fields of a projection, by field name. */
export type IndexedFields<Doc = any> = Readonly<Record<string, IndexedField<Doc>>>;

/** A scalar field; `ownIndex` is kept only when given, so default fields stay plain. */
function scalar<Doc, T extends Exclude<IndexedFieldType, 'text_array'>>(
  type: T,
  value: IndexedField<Doc, T>['value'],
  options: ScalarFieldOptions | undefined,
): IndexedField<Doc, T> {
  return options?.ownIndex === undefined
    ? { type, value }
    : { type, value, ownIndex: options.ownIndex };
}

/**
 * Builders of indexed fields, e.g. `indexed.date((doc) => doc.deadline)`, or
 * `indexed.text((doc) => doc.source, { ownIndex: false })` for a column without its own index.
 */
export const indexed = {
  /** A text field (compared by Unicode code point on every store). */
  text: <Doc>(
    value: IndexedField<Doc, 'text'>['value'],
    options?: ScalarFieldOptions,
  ): IndexedField<Doc, 'text'> => scalar('text', value, options),
  /** A safe integer. */
  integer: <Doc>(
    value: IndexedField<Doc, 'integer'>['value'],
    options?: ScalarFieldOptions,
  ): IndexedField<Doc, 'integer'> => scalar('integer', value, options),
  /** A calendar date `YYYY-MM-DD`. */
  date: <Doc>(
    value: IndexedField<Doc, 'date'>['value'],
    options?: ScalarFieldOptions,
  ): IndexedField<Doc, 'date'> => scalar('date', value, options),
  /** An instant (ISO-8601 with offset), normalised to UTC. */
  instant: <Doc>(
    value: IndexedField<Doc, 'instant'>['value'],
    options?: ScalarFieldOptions,
  ): IndexedField<Doc, 'instant'> => scalar('instant', value, options),
  /** A boolean. */
  boolean: <Doc>(
    value: IndexedField<Doc, 'boolean'>['value'],
    options?: ScalarFieldOptions,
  ): IndexedField<Doc, 'boolean'> => scalar('boolean', value, options),
  /**
   * A set of text tags, queried with `contains`. It has no `ownIndex` option: its values live
   * in an index of their own (a side table or a GIN index), which is the only way to find them.
   */
  textArray: <Doc>(
    value: IndexedField<Doc, 'text_array'>['value'],
  ): IndexedField<Doc, 'text_array'> => ({ type: 'text_array', value }),
} as const;

/** One field of a schema as the stores see it. */
export interface FieldColumn {
  readonly name: string;
  readonly type: IndexedFieldType;
  /** Whether the SQL stores keep a single-field index on it (always `true` for text arrays). */
  readonly ownIndex: boolean;
}

/**
 * The indexed-field schema of one projection version, as handed to stores: fields in name
 * order, extra composite indexes, and a signature that changes whenever any of them does.
 */
export interface ProjectionFieldSchema {
  readonly projection: string;
  readonly version: number;
  readonly fields: readonly FieldColumn[];
  /** Composite indexes (each a list of scalar field names) besides the fields' own indexes. */
  readonly indexes: readonly (readonly string[])[];
  /** Stable text identifying name, version, fields and indexes; stores key their tables on it. */
  readonly signature: string;
  /** A short hash of `signature`, safe inside SQL identifiers (8 hex digits). */
  readonly key: string;
}

/** Field names are spliced (quoted) into SQL, so only plain identifiers are accepted. */
const FIELD_NAME = /^[a-z][a-zA-Z0-9_]{0,47}$/;

/** Fields of a document that are not user-declared but always queryable. */
export const RESERVED_FIELD_NAMES: ReadonlySet<string> = new Set([
  'id',
  'document',
  'tenant_id',
  'and',
  'or',
  'not',
]);

/**
 * Builds and checks the schema of a projection's indexed fields.
 * @throws TypeError for a field name that is not a plain identifier or is reserved, an unknown
 * type, an `ownIndex` that is not a boolean or is `false` on a text array, or an index naming an
 * unknown or array field.
 */
export function fieldSchemaOf(
  projection: string,
  version: number,
  fields: IndexedFields,
  indexes: readonly (readonly string[])[] = [],
): ProjectionFieldSchema {
  const columns: FieldColumn[] = [];
  for (const name of Object.keys(fields).sort()) {
    if (!FIELD_NAME.test(name) || RESERVED_FIELD_NAMES.has(name)) {
      throw new TypeError(
        `projection "${projection}" field "${name}" must start with a lower-case letter, use letters, digits or "_" (at most 48) and not be one of ${[...RESERVED_FIELD_NAMES].join(', ')}`,
      );
    }
    const type = fields[name]!.type;
    if (!FIELD_TYPES.has(type)) {
      throw new TypeError(`projection "${projection}" field "${name}" has unknown type "${type}"`);
    }
    const ownIndex = fields[name]!.ownIndex ?? true;
    if (typeof ownIndex !== 'boolean') {
      throw new TypeError(
        `projection "${projection}" field "${name}" has ownIndex ${String(ownIndex)}; it must be true or false`,
      );
    }
    if (!ownIndex && type === 'text_array') {
      throw new TypeError(
        `projection "${projection}" field "${name}" is a text array, whose values are found only through its own index; it cannot have ownIndex false`,
      );
    }
    columns.push({ name, type, ownIndex });
  }
  for (const index of indexes) {
    if (index.length === 0) throw new TypeError(`projection "${projection}" has an empty index`);
    for (const name of index) {
      const column = columns.find((c) => c.name === name);
      if (column === undefined || column.type === 'text_array') {
        throw new TypeError(
          `projection "${projection}" index (${index.join(', ')}) names "${name}", which is not a scalar indexed field`,
        );
      }
    }
  }
  const signature = JSON.stringify({
    projection,
    version,
    // A field without its own index is marked; the others keep the form signatures had before
    // the option existed, so their stored tables stay valid.
    fields: columns.map((c) => (c.ownIndex ? [c.name, c.type] : [c.name, c.type, 'no-own-index'])),
    indexes,
  });
  return { projection, version, fields: columns, indexes, signature, key: fnv1a(signature) };
}

const FIELD_TYPES: ReadonlySet<string> = new Set([
  'text',
  'integer',
  'date',
  'instant',
  'boolean',
  'text_array',
]);

/** 32-bit FNV-1a as 8 hex digits: a short, stable name part (not a security hash). */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Why `value` is not a valid value of `type`, or `undefined`; `value` must not be null. */
function valueProblem(type: IndexedFieldType, value: unknown): string | undefined {
  switch (type) {
    case 'text':
    case 'date':
    case 'instant': {
      if (typeof value !== 'string') return `must be a string, got ${describe(value)}`;
      const problem = textProblem(value);
      if (problem !== undefined) return problem;
      if (type === 'date' && !isCalendarDate(value)) {
        return `must be a calendar date YYYY-MM-DD, got ${JSON.stringify(value)}`;
      }
      if (type === 'instant' && (!INSTANT.test(value) || Number.isNaN(Date.parse(value)))) {
        return `must be an ISO-8601 instant with an offset, got ${JSON.stringify(value)}`;
      }
      return undefined;
    }
    case 'integer':
      return Number.isSafeInteger(value)
        ? undefined
        : `must be a safe integer, got ${describe(value)}`;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `must be a boolean, got ${describe(value)}`;
    case 'text_array':
      if (!Array.isArray(value)) return `must be an array of strings, got ${describe(value)}`;
      for (const item of value) {
        const problem = valueProblem('text', item);
        if (problem !== undefined) return `has an element that ${problem}`;
      }
      return undefined;
  }
}

function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (match === null) return false;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.toISOString().slice(0, 10) === value;
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return Array.isArray(value) ? 'an array' : typeof value;
}

/**
 * Checks a value of a field and returns its stored form: instants in UTC `toISOString` form,
 * arrays sorted and without duplicates, `undefined` as `null` (arrays: `[]`).
 * @returns the stored value, or `{ problem }` describing why the value is invalid.
 */
export function normaliseFieldValue(
  type: IndexedFieldType,
  value: unknown,
): IndexedFieldValue | { readonly problem: string } {
  if (value === null || value === undefined) return type === 'text_array' ? [] : null;
  const problem = valueProblem(type, value);
  if (problem !== undefined) return { problem };
  if (type === 'instant') return new Date(value as string).toISOString();
  if (type === 'text_array') {
    return [...new Set(value as string[])].sort(compareCodePoints);
  }
  return value as IndexedFieldValue;
}

/**
 * Reads every indexed field of a document into its stored form.
 * @throws Error naming the field and the value's problem; the projection runner records it as
 * the failure of the event that produced the document (S6).
 */
export function extractFields(
  fields: IndexedFields,
  schema: ProjectionFieldSchema,
  document: unknown,
  id: string,
): Record<string, IndexedFieldValue> {
  const values: Record<string, IndexedFieldValue> = {};
  for (const { name, type } of schema.fields) {
    const normalised = normaliseFieldValue(type, fields[name]!.value(document, id));
    if (normalised !== null && typeof normalised === 'object' && 'problem' in normalised) {
      throw new Error(`indexed field "${name}" of document "${id}" ${normalised.problem}`);
    }
    values[name] = normalised as IndexedFieldValue;
  }
  return values;
}

/** Orders strings by Unicode code point, as SQLite (BINARY) and PostgreSQL (`COLLATE "C"`) do. */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}
