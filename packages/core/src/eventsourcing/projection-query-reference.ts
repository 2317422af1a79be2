import { compareCodePoints } from './projection-fields.js';
import type {
  FoundRow,
  GroupRow,
  ProjectionQueryRequest,
  ProjectionQueryResult,
  QueryCondition,
  QueryKeyset,
  QuerySort,
  ScalarValue,
  StoredFields,
} from './projection-query-request.js';

/** A document with its stored field values, as the reference evaluator reads it. */
export interface ReferenceRow {
  readonly id: string;
  readonly fields: StoredFields;
  /** Parses the document; only called for rows a page returns. */
  readonly document: () => unknown;
}

/**
 * Runs a query over rows held in memory: the reference semantics every SQL store must match
 * (the memory store uses it). Conditions use SQL's three-valued logic, so a comparison with a
 * null field is unknown and `not` of unknown is still unknown. Nulls sort first ascending and
 * last descending (SQLite's native order, so its indexes serve both directions).
 */
export function runReferenceQuery<R extends ProjectionQueryRequest>(
  request: R,
  rows: Iterable<ReferenceRow>,
): ProjectionQueryResult[R['kind']] {
  return runReference(request, rows) as ProjectionQueryResult[R['kind']];
}

function runReference(
  request: ProjectionQueryRequest,
  rows: Iterable<ReferenceRow>,
): ProjectionQueryResult[ProjectionQueryRequest['kind']] {
  const matching = [...rows].filter((row) => truth(request.where, row.fields) === true);
  switch (request.kind) {
    case 'count':
      return matching.length;
    case 'find': {
      const sorted = matching.sort((a, b) => compareRows(a, b, request.orderBy));
      const after = request.after;
      const start =
        after === undefined ? 0 : sorted.findIndex((row) => isAfter(row, after, request.orderBy));
      const page = start < 0 ? [] : sorted.slice(start, start + request.limit);
      const found: FoundRow[] = page.map((row) => ({
        id: row.id,
        document: row.document(),
        sortValues: request.orderBy.map(({ field }) => scalar(row.fields[field])),
      }));
      return found;
    }
    case 'group': {
      const groups = new Map<string, { key: (ScalarValue | null)[]; rows: ReferenceRow[] }>();
      for (const row of matching) {
        const key = request.groupBy.map((field) => scalar(row.fields[field]));
        const text = JSON.stringify(key);
        const group = groups.get(text) ?? { key, rows: [] };
        group.rows.push(row);
        groups.set(text, group);
      }
      if (request.groupBy.length === 0 && groups.size === 0)
        groups.set('[]', { key: [], rows: [] });
      const result: GroupRow[] = [...groups.values()]
        .sort((a, b) => {
          for (let i = 0; i < a.key.length; i++) {
            const order = compareValues(a.key[i]!, b.key[i]!);
            if (order !== 0) return order;
          }
          return 0;
        })
        .map(({ key, rows: members }) => {
          const measures: Record<string, number> = {};
          for (const [name, measure] of request.measures) {
            const selected = members.filter((row) => truth(measure.where, row.fields) === true);
            measures[name] =
              measure.kind === 'count'
                ? selected.length
                : measure.kind === 'countDistinct'
                  ? distinctValues(selected, measure.field)
                  : selected.reduce(
                      (sum, row) => sum + ((row.fields[measure.field] as number) ?? 0),
                      0,
                    );
          }
          return { key, measures };
        });
      return result;
    }
  }
  throw new TypeError('unknown query kind');
}

/** SQL's `COUNT(DISTINCT field)`: distinct non-null values (stored values are normalised). */
function distinctValues(rows: readonly ReferenceRow[], field: string): number {
  const seen = new Set<string>();
  for (const row of rows) {
    const value = scalar(row.fields[field]);
    if (value !== null) seen.add(`${typeof value}:${String(value)}`);
  }
  return seen.size;
}

function scalar(value: unknown): ScalarValue | null {
  return value === undefined || value === null || Array.isArray(value)
    ? null
    : (value as ScalarValue);
}

/** Compares two values of one field; null is less than every value (sorts first ascending). */
function compareValues(a: ScalarValue | null, b: ScalarValue | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  if (typeof a === 'string' && typeof b === 'string') return compareCodePoints(a, b);
  return Number(a) - Number(b);
}

function compareRows(a: ReferenceRow, b: ReferenceRow, orderBy: readonly QuerySort[]): number {
  for (const { field, direction } of orderBy) {
    const order = compareValues(scalar(a.fields[field]), scalar(b.fields[field]));
    if (order !== 0) return direction === 'asc' ? order : -order;
  }
  return compareCodePoints(a.id, b.id);
}

function isAfter(row: ReferenceRow, after: QueryKeyset, orderBy: readonly QuerySort[]): boolean {
  for (const [index, { field, direction }] of orderBy.entries()) {
    const order = compareValues(scalar(row.fields[field]), after.values[index] ?? null);
    if (order !== 0) return direction === 'asc' ? order > 0 : order < 0;
  }
  return compareCodePoints(row.id, after.id) > 0;
}

/** Three-valued truth of a condition: true, false or null (unknown). */
function truth(condition: QueryCondition | undefined, fields: StoredFields): boolean | null {
  if (condition === undefined) return true;
  switch (condition.op) {
    case 'and': {
      let result: boolean | null = true;
      for (const part of condition.conditions) {
        const value = truth(part, fields);
        if (value === false) return false;
        if (value === null) result = null;
      }
      return result;
    }
    case 'or': {
      let result: boolean | null = false;
      for (const part of condition.conditions) {
        const value = truth(part, fields);
        if (value === true) return true;
        if (value === null) result = null;
      }
      return result;
    }
    case 'not': {
      const value = truth(condition.condition, fields);
      return value === null ? null : !value;
    }
    case 'isNull':
      return (scalar(fields[condition.field]) === null) === condition.isNull;
    case 'contains': {
      const values = fields[condition.field];
      return Array.isArray(values) && values.includes(condition.value);
    }
    default: {
      const value = scalar(fields[condition.field]);
      if (value === null) return null;
      switch (condition.op) {
        case 'eq':
          return compareValues(value, condition.value) === 0;
        case 'in':
          return condition.values.some((candidate) => compareValues(value, candidate) === 0);
        case 'gt':
          return compareValues(value, condition.value) > 0;
        case 'gte':
          return compareValues(value, condition.value) >= 0;
        case 'lt':
          return compareValues(value, condition.value) < 0;
        case 'lte':
          return compareValues(value, condition.value) <= 0;
      }
    }
  }
}
