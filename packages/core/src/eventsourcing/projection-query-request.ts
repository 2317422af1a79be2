import type { IndexedFieldValue, ProjectionFieldSchema } from './projection-fields.js';

/**
 * The checked, normalised form of a query that stores run (S7). The kernel builds it from the
 * typed API after validating every field name and value against the projection's schema, so a
 * store only translates it: field names are known columns, values have their stored form.
 */
export type QueryCondition =
  | { readonly op: 'eq'; readonly field: string; readonly value: ScalarValue }
  | { readonly op: 'in'; readonly field: string; readonly values: readonly ScalarValue[] }
  | {
      readonly op: 'gt' | 'gte' | 'lt' | 'lte';
      readonly field: string;
      readonly value: ScalarValue;
    }
  | { readonly op: 'isNull'; readonly field: string; readonly isNull: boolean }
  | { readonly op: 'contains'; readonly field: string; readonly value: string }
  | { readonly op: 'and' | 'or'; readonly conditions: readonly QueryCondition[] }
  | { readonly op: 'not'; readonly condition: QueryCondition };

/** A non-null scalar field value. */
export type ScalarValue = string | number | boolean;

/** One sort key; `id` ascending is always appended as the tie-break. */
export interface QuerySort {
  readonly field: string;
  readonly direction: 'asc' | 'desc';
}

/**
 * Where a keyset page starts: the sort values and id of the last row of the previous page.
 * Nulls sort first in ascending and last in descending order, on every store.
 */
export interface QueryKeyset {
  readonly values: readonly (ScalarValue | null)[];
  readonly id: string;
}

/** A page of documents. */
export interface FindRequest {
  readonly kind: 'find';
  readonly schema: ProjectionFieldSchema;
  readonly where: QueryCondition | undefined;
  readonly orderBy: readonly QuerySort[];
  readonly after: QueryKeyset | undefined;
  readonly limit: number;
}

/** The number of matching documents. */
export interface CountRequest {
  readonly kind: 'count';
  readonly schema: ProjectionFieldSchema;
  readonly where: QueryCondition | undefined;
}

/**
 * One measure of a group: a (conditional) count, a (conditional) sum of an integer field, or a
 * (conditional) count of the distinct non-null values of a scalar field.
 */
export type GroupMeasure =
  | { readonly kind: 'count'; readonly where: QueryCondition | undefined }
  | { readonly kind: 'sum'; readonly field: string; readonly where: QueryCondition | undefined }
  | {
      readonly kind: 'countDistinct';
      readonly field: string;
      readonly where: QueryCondition | undefined;
    };

/** Counts and sums per group of up to two scalar fields (none: one group of everything). */
export interface GroupRequest {
  readonly kind: 'group';
  readonly schema: ProjectionFieldSchema;
  readonly where: QueryCondition | undefined;
  readonly groupBy: readonly string[];
  /** Measures by name, in name order. */
  readonly measures: readonly (readonly [string, GroupMeasure])[];
}

/** Any query a store runs. */
export type ProjectionQueryRequest = FindRequest | CountRequest | GroupRequest;

/** A row of a page: the document plus its sort values (for the next cursor). */
export interface FoundRow {
  readonly id: string;
  readonly document: unknown;
  readonly sortValues: readonly (ScalarValue | null)[];
}

/** One group: its key values (in `groupBy` order) and measures (sums of nothing are 0). */
export interface GroupRow {
  readonly key: readonly (ScalarValue | null)[];
  readonly measures: Readonly<Record<string, number>>;
}

/** What a store returns for each request kind. */
export interface ProjectionQueryResult {
  find: readonly FoundRow[];
  count: number;
  group: readonly GroupRow[];
}

/** Stored field values of one document (the form `extractFields` returns). */
export type StoredFields = Readonly<Record<string, IndexedFieldValue>>;
