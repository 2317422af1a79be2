import { ValidationError } from './errors.js';
import type { EventStore } from './event-store.js';
import type { Projection } from './projection.js';
import {
  fieldSchemaOf,
  type IndexedField,
  type IndexedFields,
  type IndexedFieldType,
  type IndexedFieldValueOf,
  normaliseFieldValue,
  type ProjectionFieldSchema,
} from './projection-fields.js';
import type {
  GroupMeasure,
  QueryCondition,
  QueryKeyset,
  QuerySort,
  ScalarValue,
} from './projection-query-request.js';

/** The field type of an indexed field declaration. */
export type FieldTypeOf<F> = F extends IndexedField<any, infer T> ? T : never;
/** The JavaScript value of a scalar field type (`never` for text arrays). */
export type ScalarOf<T extends IndexedFieldType> = T extends 'text_array'
  ? never
  : IndexedFieldValueOf[T];

/** Conditions on one field: a bare value means `eq`; several operators in one object all hold. */
export type FieldFilter<T extends IndexedFieldType> = T extends 'text_array'
  ? { readonly contains: string }
  :
      | ScalarOf<T>
      | {
          readonly eq?: ScalarOf<T>;
          readonly in?: readonly ScalarOf<T>[];
          readonly gt?: ScalarOf<T>;
          readonly gte?: ScalarOf<T>;
          readonly lt?: ScalarOf<T>;
          readonly lte?: ScalarOf<T>;
          readonly isNull?: boolean;
        };

/** A filter over indexed fields: field conditions and `and`/`or`/`not`, all of which must hold. */
export type Where<F extends IndexedFields> = {
  readonly [K in keyof F]?: FieldFilter<FieldTypeOf<F[K]>>;
} & {
  readonly and?: readonly Where<F>[];
  readonly or?: readonly Where<F>[];
  readonly not?: Where<F>;
};

// When a projection's field names are not known to the type system (its type arguments were
// given explicitly, so `fields` was not inferred), names are plain strings, checked at run time.
/** `true` when the field names of `F` are not known to the type system. */
export type WideFields<F> = string extends keyof F ? true : false;

/** Names of the scalar (non-array) fields. */
export type ScalarFieldName<F extends IndexedFields> =
  WideFields<F> extends true
    ? string
    : {
        [K in keyof F & string]: FieldTypeOf<F[K]> extends 'text_array' ? never : K;
      }[keyof F & string];

/** Names of the integer fields (summable). */
export type IntegerFieldName<F extends IndexedFields> =
  WideFields<F> extends true
    ? string
    : {
        [K in keyof F & string]: FieldTypeOf<F[K]> extends 'integer' ? K : never;
      }[keyof F & string];

/** A sort key: a field name (ascending) or `{ field, direction }`. */
export type OrderBy<F extends IndexedFields> =
  | ScalarFieldName<F>
  | { readonly field: ScalarFieldName<F>; readonly direction?: 'asc' | 'desc' };

/**
 * A measure of a group: a count, a sum of an integer field, or the number of distinct non-null
 * values of a scalar field (e.g. units inspected over visits), each optionally conditional.
 */
export type Measure<F extends IndexedFields> =
  | { readonly count: true; readonly where?: Where<F> }
  | { readonly sum: IntegerFieldName<F>; readonly where?: Where<F> }
  | { readonly countDistinct: ScalarFieldName<F>; readonly where?: Where<F> };

/** Options of `find`. */
export interface FindOptions<F extends IndexedFields> {
  readonly where?: Where<F>;
  /** Sort keys; the document id ascending always breaks ties. Default: by id. */
  readonly orderBy?: readonly OrderBy<F>[];
  /** Page size, 1 to 1,000; default 50. */
  readonly limit?: number;
  /** `nextCursor` of the previous page, with the same `where` and `orderBy`. */
  readonly cursor?: string;
}

/** One page of documents. */
export interface FindPage<Doc> {
  readonly items: ReadonlyArray<{ readonly id: string; readonly document: Doc }>;
  /** Where the next page starts; `undefined` when this page is the last. */
  readonly nextCursor: string | undefined;
}

/** Options of `group`. */
export interface GroupOptions<
  F extends IndexedFields,
  By extends ScalarFieldName<F>,
  M extends Readonly<Record<string, Measure<F>>>,
> {
  /** Up to two scalar fields; none gives one group of every matching document. */
  readonly by?: readonly By[];
  readonly where?: Where<F>;
  readonly measures: M;
}

/** One group of `group`. */
export interface Group<By extends string, M> {
  readonly key: { readonly [K in By]: ScalarValue | null };
  readonly measures: { readonly [K in keyof M]: number };
}

/** Queries over one projection's documents, run in the store (S7). */
export interface ProjectionQuery<Doc, F extends IndexedFields> {
  /** The projection's field schema, as the stores key it. */
  readonly schema: ProjectionFieldSchema;
  /**
   * One page of matching documents in the given order (keyset pagination: a page never repeats
   * or skips a document whose sort values did not change in between).
   * @throws ValidationError (`VALIDATION_FAILED`) naming the field of a bad filter, sort or cursor.
   * @throws ProjectionLaggingError (`PROJECTION_LAGGING`) when the store holds no documents of
   * this projection version and field schema yet.
   */
  find(options?: FindOptions<F>): Promise<FindPage<Doc>>;
  /**
   * Counts matching documents.
   * @throws ValidationError (`VALIDATION_FAILED`) naming the field of a bad filter.
   */
  count(options?: { readonly where?: Where<F> }): Promise<number>;
  /**
   * Counts, sums and distinct counts per group (ordered by the group key, nulls first).
   * @throws ValidationError (`VALIDATION_FAILED`) naming the field of a bad filter or measure.
   */
  group<By extends ScalarFieldName<F>, M extends Readonly<Record<string, Measure<F>>>>(
    options: GroupOptions<F, By, M>,
  ): Promise<Array<Group<By, M>>>;
}

const schemas = new WeakMap<object, ProjectionFieldSchema>();

/**
 * The field schema of a projection that declares indexed fields, or `undefined`.
 * @throws TypeError for invalid field declarations (see `fieldSchemaOf`).
 */
export function projectionFieldSchema(
  projection: Projection<any, any, any>,
): ProjectionFieldSchema | undefined {
  if (projection.fields === undefined) return undefined;
  let schema = schemas.get(projection);
  if (schema === undefined) {
    schema = fieldSchemaOf(
      projection.name,
      projection.version,
      projection.fields,
      projection.indexes ?? [],
    );
    schemas.set(projection, schema);
  }
  return schema;
}

/**
 * Queries over a projection's documents by its indexed fields. Every filter, sort and group is
 * checked here against the declared fields, then run by the store: as SQL on SQLite and
 * PostgreSQL, by the reference evaluator on the memory store.
 * @throws TypeError when the projection declares no indexed fields.
 * @example
 * const ledger = createProjectionQuery(store, hazardLedger);
 * const page = await ledger.find({ where: { areaId: 'A' }, orderBy: [{ field: 'deadline' }], limit: 50 });
 */
export function createProjectionQuery<Doc, F extends IndexedFields>(
  store: EventStore,
  projection: Projection<Doc, any, F>,
): ProjectionQuery<Doc, F> {
  const schema = projectionFieldSchema(projection);
  if (schema === undefined) {
    throw new TypeError(`projection "${projection.name}" declares no indexed fields to query`);
  }
  const types = new Map(schema.fields.map((f) => [f.name, f.type]));
  const name = projection.name;

  return {
    schema,
    async find(options = {}) {
      const limit = options.limit ?? 50;
      if (!Number.isInteger(limit) || limit < 1 || limit > 1_000) {
        throw invalid(name, 'limit', `must be an integer from 1 to 1000, got ${String(limit)}`);
      }
      const orderBy = (options.orderBy ?? []).map((key) => checkSort(name, types, key));
      const where = compileWhere(name, types, options.where);
      const after =
        options.cursor === undefined
          ? undefined
          : decodeCursor(name, types, orderBy, options.cursor);
      const rows = await store.projections.query({
        kind: 'find',
        schema,
        where,
        orderBy,
        after,
        limit: limit + 1,
      });
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return {
        items: page.map(({ id, document }) => ({ id, document: document as Doc })),
        nextCursor:
          rows.length > limit && last !== undefined
            ? encodeCursor(orderBy, { values: last.sortValues, id: last.id })
            : undefined,
      };
    },
    async count(options = {}) {
      return store.projections.query({
        kind: 'count',
        schema,
        where: compileWhere(name, types, options.where),
      });
    },
    async group(options) {
      const by = [...(options.by ?? [])] as string[];
      if (by.length > 2)
        throw invalid(name, 'by', `groups by at most two fields, got ${by.length}`);
      for (const field of by) checkScalarField(name, types, field, 'group by');
      const measures = Object.keys(options.measures)
        .sort()
        .map((measureName): readonly [string, GroupMeasure] => {
          const measure = options.measures[measureName] as Measure<F>;
          const where = compileWhere(name, types, measure.where, `measures.${measureName}`);
          if ('count' in measure && measure.count === true) {
            return [measureName, { kind: 'count', where }];
          }
          if ('sum' in measure) {
            const field = measure.sum as string;
            if (types.get(field) !== 'integer') {
              throw invalid(
                name,
                `measures.${measureName}`,
                `sums "${field}", which is not an integer field`,
              );
            }
            return [measureName, { kind: 'sum', field, where }];
          }
          if ('countDistinct' in measure) {
            const field = measure.countDistinct as string;
            if (
              typeof field !== 'string' ||
              !types.has(field) ||
              types.get(field) === 'text_array'
            ) {
              throw invalid(
                name,
                `measures.${measureName}`,
                `counts distinct values of "${String(field)}", which is not a scalar indexed field`,
              );
            }
            return [measureName, { kind: 'countDistinct', field, where }];
          }
          throw invalid(
            name,
            `measures.${measureName}`,
            'must be { count: true }, { sum: field } or { countDistinct: field }',
          );
        });
      const rows = await store.projections.query({
        kind: 'group',
        schema,
        where: compileWhere(name, types, options.where),
        groupBy: by,
        measures,
      });
      return rows.map((row) => ({
        key: Object.fromEntries(by.map((field, i) => [field, row.key[i] ?? null])),
        measures: row.measures,
      })) as any;
    },
  };
}

function invalid(projection: string, path: string, message: string): ValidationError {
  return new ValidationError(`query of projection "${projection}": "${path}" ${message}`, [
    { type: projection, path, message },
  ]);
}

function checkScalarField(
  projection: string,
  types: ReadonlyMap<string, IndexedFieldType>,
  field: string,
  use: string,
): IndexedFieldType {
  const type = types.get(field);
  if (type === undefined) {
    throw invalid(
      projection,
      field,
      `is not an indexed field (known: ${[...types.keys()].join(', ')})`,
    );
  }
  if (type === 'text_array') throw invalid(projection, field, `is a text array; cannot ${use} it`);
  return type;
}

function checkSort(
  projection: string,
  types: ReadonlyMap<string, IndexedFieldType>,
  key: unknown,
): QuerySort {
  const { field, direction = 'asc' } = (typeof key === 'string' ? { field: key } : (key ?? {})) as {
    field?: unknown;
    direction?: unknown;
  };
  if (typeof field !== 'string') throw invalid(projection, 'orderBy', 'needs a field name');
  checkScalarField(projection, types, field, 'sort by');
  if (direction !== 'asc' && direction !== 'desc') {
    throw invalid(
      projection,
      field,
      `sort direction must be "asc" or "desc", got ${String(direction)}`,
    );
  }
  return { field, direction };
}

const OPERATORS = new Set(['eq', 'in', 'gt', 'gte', 'lt', 'lte', 'isNull', 'contains']);

/** Checks a `Where` and turns it into the store's condition form; `undefined` matches all. */
function compileWhere(
  projection: string,
  types: ReadonlyMap<string, IndexedFieldType>,
  where: unknown,
  path = 'where',
): QueryCondition | undefined {
  if (where === undefined) return undefined;
  if (where === null || typeof where !== 'object' || Array.isArray(where)) {
    throw invalid(projection, path, 'must be an object of field conditions');
  }
  const conditions: QueryCondition[] = [];
  for (const [key, filter] of Object.entries(where)) {
    if (filter === undefined) continue;
    if (key === 'and' || key === 'or') {
      if (!Array.isArray(filter)) throw invalid(projection, `${path}.${key}`, 'must be an array');
      conditions.push({
        op: key,
        conditions: filter.map(
          (part, i) => compileWhere(projection, types, part, `${path}.${key}.${i}`) ?? ALWAYS,
        ),
      });
      continue;
    }
    if (key === 'not') {
      conditions.push({
        op: 'not',
        condition: compileWhere(projection, types, filter, `${path}.not`) ?? ALWAYS,
      });
      continue;
    }
    conditions.push(...fieldConditions(projection, types, key, filter));
  }
  return conditions.length === 1 ? conditions[0] : { op: 'and', conditions };
}

const ALWAYS: QueryCondition = { op: 'and', conditions: [] };

function fieldConditions(
  projection: string,
  types: ReadonlyMap<string, IndexedFieldType>,
  field: string,
  filter: unknown,
): QueryCondition[] {
  const type = types.get(field);
  if (type === undefined) {
    throw invalid(
      projection,
      field,
      `is not an indexed field (known: ${[...types.keys()].join(', ')})`,
    );
  }
  const value = (input: unknown, operator: string): ScalarValue => {
    if (input === null || input === undefined) {
      throw invalid(projection, field, `${operator} needs a value; use { isNull: true } for null`);
    }
    const normalised = normaliseFieldValue(type === 'text_array' ? 'text' : type, input);
    if (normalised !== null && typeof normalised === 'object' && 'problem' in normalised) {
      throw invalid(projection, field, `${operator}: value ${normalised.problem}`);
    }
    return normalised as ScalarValue;
  };
  const isOperators =
    filter !== null && typeof filter === 'object' && !Array.isArray(filter) && filter !== undefined;
  if (!isOperators) {
    if (type === 'text_array') {
      throw invalid(projection, field, 'is a text array: filter it with { contains: value }');
    }
    return [{ op: 'eq', field, value: value(filter, 'eq') }];
  }
  const entries = Object.entries(filter as Record<string, unknown>).filter(
    ([, v]) => v !== undefined,
  );
  if (entries.length === 0) throw invalid(projection, field, 'has an empty condition');
  return entries.map(([operator, operand]): QueryCondition => {
    if (!OPERATORS.has(operator)) {
      throw invalid(
        projection,
        field,
        `has unknown operator "${operator}" (use ${[...OPERATORS].join(', ')})`,
      );
    }
    if (type === 'text_array' && operator !== 'contains') {
      throw invalid(
        projection,
        field,
        `is a text array: only "contains" applies, not "${operator}"`,
      );
    }
    if (type !== 'text_array' && operator === 'contains') {
      throw invalid(projection, field, `is not a text array: "contains" does not apply`);
    }
    switch (operator) {
      case 'contains':
        return { op: 'contains', field, value: value(operand, operator) as string };
      case 'isNull':
        if (typeof operand !== 'boolean') {
          throw invalid(projection, field, 'isNull must be true or false');
        }
        return { op: 'isNull', field, isNull: operand };
      case 'in':
        if (!Array.isArray(operand)) throw invalid(projection, field, 'in must be an array');
        if (operand.length > 1_000) {
          throw invalid(projection, field, `in takes at most 1000 values, got ${operand.length}`);
        }
        return { op: 'in', field, values: operand.map((item) => value(item, operator)) };
      default:
        return {
          op: operator as 'eq' | 'gt' | 'gte' | 'lt' | 'lte',
          field,
          value: value(operand, operator),
        };
    }
  });
}

/** The order a cursor belongs to, so a cursor is never applied to another sort. */
function orderText(orderBy: readonly QuerySort[]): string {
  return orderBy.map(({ field, direction }) => `${field}:${direction}`).join(',');
}

function encodeCursor(orderBy: readonly QuerySort[], keyset: QueryKeyset): string {
  // URI-encoded JSON: URL-safe, any Unicode, and needs no browser- or Node-only API.
  return encodeURIComponent(
    JSON.stringify({ o: orderText(orderBy), v: keyset.values, i: keyset.id }),
  );
}

function decodeCursor(
  projection: string,
  types: ReadonlyMap<string, IndexedFieldType>,
  orderBy: readonly QuerySort[],
  cursor: string,
): QueryKeyset {
  let parsed: { o?: unknown; v?: unknown; i?: unknown };
  try {
    parsed = JSON.parse(decodeURIComponent(cursor));
  } catch {
    throw invalid(projection, 'cursor', 'is not a cursor this query returned');
  }
  if (parsed?.o !== orderText(orderBy)) {
    throw invalid(projection, 'cursor', 'belongs to a different orderBy');
  }
  const values = parsed.v;
  if (!Array.isArray(values) || values.length !== orderBy.length || typeof parsed.i !== 'string') {
    throw invalid(projection, 'cursor', 'is not a cursor this query returned');
  }
  orderBy.forEach(({ field }, i) => {
    const stored = values[i];
    if (stored === null) return;
    const normalised = normaliseFieldValue(types.get(field)!, stored);
    if (normalised !== stored)
      throw invalid(projection, 'cursor', 'is not a cursor this query returned');
  });
  return { values: values as (ScalarValue | null)[], id: parsed.i };
}
