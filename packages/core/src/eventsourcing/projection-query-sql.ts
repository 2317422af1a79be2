import type { IndexedFieldType, ProjectionFieldSchema } from './projection-fields.js';
import type {
  FindRequest,
  GroupRequest,
  ProjectionQueryRequest,
  QueryCondition,
  QueryKeyset,
  QuerySort,
  ScalarValue,
} from './projection-query-request.js';

/**
 * What differs between SQL stores when they run a query: table references, the tenant scope,
 * how an array field is searched and how values are passed. Everything else (conditions, keyset
 * predicates, sorts, grouping) is the same SQL text, compiled once here for every SQL adapter.
 */
export interface SqlQueryDialect {
  /** Whether `ASC`/`DESC` must be followed by explicit `NULLS FIRST`/`NULLS LAST`. */
  readonly explicitNullOrder: boolean;
  /**
   * Whether a page whose first sort key descends is bounded by a value found along that key's
   * index first (for planners that would rather sort every matching row than sort ties only).
   */
  readonly boundDescendingPages?: boolean;
  /** The FROM clause over the field table aliased `t` (no document). */
  readonly fieldsFrom: string;
  /** Parameters of the `?` placeholders in `fieldsFrom`. */
  readonly fieldsFromParams: readonly unknown[];
  /**
   * The FROM clause joining the field table `t` to its documents; selects need `documentColumn`.
   * It starts with `fieldsFrom`: a page is picked from the field table first and the rest of
   * this clause (the join, which reads only `t`'s columns) is applied to the page's rows.
   */
  readonly documentsFrom: string;
  /** Parameters of the `?` placeholders in `documentsFrom` (those of `fieldsFrom` first). */
  readonly documentsFromParams: readonly unknown[];
  /** The document column in `documentsFrom`. */
  readonly documentColumn: string;
  /** Conditions every query starts with (a tenant scope), with their parameters; may be empty. */
  readonly scope: { readonly sql: string; readonly params: readonly unknown[] };
  /** SQL true when the array field `field` holds the one parameter `?`. */
  arrayContains(field: string): string;
  /** A value as the driver must bind it (e.g. booleans as 0/1 on SQLite). */
  bind(type: IndexedFieldType, value: ScalarValue): unknown;
}

/** A compiled statement with `?` placeholders, in order. */
export interface CompiledSql {
  readonly sql: string;
  readonly params: readonly unknown[];
}

/** Quotes a validated field name as a column of the field table `t`. */
export function fieldColumn(field: string): string {
  return `t."${field}"`;
}

class Builder {
  readonly parts: string[] = [];
  readonly params: unknown[] = [];
  text(sql: string): this {
    this.parts.push(sql);
    return this;
  }
  param(value: unknown): this {
    this.parts.push('?');
    this.params.push(value);
    return this;
  }
  build(): CompiledSql {
    return { sql: this.parts.join(''), params: this.params };
  }
}

/**
 * Compiles a checked query to one parameterised statement. Only validated field names and a
 * page's checked limit reach the SQL text (names quoted); every other value is a parameter.
 */
export function compileProjectionQuery(
  request: ProjectionQueryRequest,
  dialect: SqlQueryDialect,
): CompiledSql {
  const types = new Map(request.schema.fields.map((f) => [f.name, f.type]));
  const b = new Builder();
  const condition = (c: QueryCondition): void => compileCondition(b, c, types, dialect);
  const where = (...extra: Array<() => void>): void => {
    const clauses: Array<() => void> = [];
    if (dialect.scope.sql !== '') {
      clauses.push(() => {
        b.text(dialect.scope.sql);
        b.params.push(...dialect.scope.params);
      });
    }
    if (request.where !== undefined) clauses.push(() => condition(request.where!));
    clauses.push(...extra);
    if (clauses.length === 0) return;
    b.text(' WHERE ');
    clauses.forEach((clause, index) => {
      if (index > 0) b.text(' AND ');
      clause();
    });
  };

  switch (request.kind) {
    case 'count':
      b.text(`SELECT COUNT(*) AS n FROM ${dialect.fieldsFrom}`);
      b.params.push(...dialect.fieldsFromParams);
      where();
      return b.build();
    case 'find': {
      // The page is picked from the field table alone, in a derived table named `t` like the
      // table itself, and only its rows are joined to their documents. Joined in one step, the
      // planners could drive the page from the documents (all of the projection's rows match
      // their name) and sort the whole ledger; a limited derived table cannot be merged into the
      // join, so the `(field, id)` index serves the order and the walk stops at the limit.
      const sortColumns = request.orderBy.map(({ field }, i) => `${fieldColumn(field)} AS s${i}`);
      b.text(
        `SELECT t.id AS id, ${dialect.documentColumn} AS document${sortColumns.map((c) => `, ${c}`).join('')} FROM (SELECT t.* FROM ${dialect.fieldsFrom}`,
      );
      b.params.push(...dialect.fieldsFromParams);
      const after =
        request.after === undefined
          ? []
          : [() => keyset(b, request, request.after!, 0, types, dialect)];
      // A literal, not a parameter: SQLite only takes a constant limit as the derived table's
      // size; with a parameter it guesses the whole table and drives from the documents again.
      const limit = pageLimit(request.limit);
      // Only where the sort key's index is the one way in: filtered, but by no indexed field.
      const first = request.orderBy[0];
      const indexed = indexedFields(request.schema);
      const filters = request.where === undefined ? [] : [...fieldsRead(request.where)];
      const bound =
        dialect.boundDescendingPages === true &&
        first?.direction === 'desc' &&
        indexed.has(first.field) &&
        filters.length > 0 &&
        !filters.some((field) => indexed.has(field))
          ? [
              () =>
                descendingBound(b, fieldColumn(first.field), limit, dialect, () => where(...after)),
            ]
          : [];
      where(...after, ...bound);
      const order = ` ORDER BY ${orderBy(request.orderBy, dialect)}`;
      const join = documentsJoin(dialect);
      b.text(`${order} LIMIT ${limit}) t${join.sql}`);
      b.params.push(...join.params);
      // The derived table's rows are already in this order; the planners keep it without a sort.
      b.text(order);
      return b.build();
    }
    case 'group':
      compileGroup(b, request, types, dialect, where);
      return b.build();
  }
}

/**
 * Where a page whose first sort key descends can start, so the walk down that key's index
 * stops near the page. Ties break by ascending id, so the index read backwards is in the page's
 * order only within one value, and SQLite prices that partial sort above a scan and a sort of
 * every matching row once a filter on fields without an index needs the table. Ordered by the
 * key alone, the index is in order: the first `limit` matching rows in that order have the
 * page's values of the key, so their least value bounds the page. Nulls come last, so they are
 * only needed when fewer than `limit` of those rows have a value; otherwise their branch is
 * skipped as a whole.
 */
function descendingBound(
  b: Builder,
  column: string,
  limit: string,
  dialect: SqlQueryDialect,
  where: () => void,
): void {
  const nulls = dialect.explicitNullOrder ? ' NULLS LAST' : '';
  const candidates = (aggregate: string) => {
    b.text(`(SELECT ${aggregate} FROM (SELECT ${column} AS v FROM ${dialect.fieldsFrom}`);
    b.params.push(...dialect.fieldsFromParams);
    where();
    b.text(` ORDER BY ${column} DESC${nulls} LIMIT ${limit}) c)`);
  };
  b.text(`(${column} >= `);
  candidates('MIN(c.v)');
  b.text(` OR (${column} IS NULL AND `);
  candidates(`COUNT(c.v) < ${limit}`);
  b.text('))');
}

/** The fields some index leads with: their own (an array's side table too) or a composite's. */
function indexedFields(schema: ProjectionFieldSchema): ReadonlySet<string> {
  return new Set([
    ...schema.fields.filter((f) => f.ownIndex).map((f) => f.name),
    ...schema.indexes.map((index) => index[0]!),
  ]);
}

/** The fields a condition reads. */
function fieldsRead(c: QueryCondition, into = new Set<string>()): Set<string> {
  switch (c.op) {
    case 'and':
    case 'or':
      for (const part of c.conditions) fieldsRead(part, into);
      return into;
    case 'not':
      return fieldsRead(c.condition, into);
    default:
      return into.add(c.field);
  }
}

/** A page size as SQL text; checked here too, since it is written into the statement. */
function pageLimit(limit: number): string {
  if (!Number.isSafeInteger(limit) || limit < 0) {
    throw new TypeError(`a page limit must be a non-negative integer, got ${String(limit)}`);
  }
  return String(limit);
}

/**
 * The join from the field table `t` to its documents, with its parameters: `documentsFrom`
 * after its leading `fieldsFrom`.
 */
function documentsJoin(dialect: SqlQueryDialect): CompiledSql {
  const { fieldsFrom, fieldsFromParams, documentsFrom, documentsFromParams } = dialect;
  if (!documentsFrom.startsWith(fieldsFrom)) {
    throw new TypeError("a SQL dialect's documentsFrom must start with its fieldsFrom");
  }
  return {
    sql: documentsFrom.slice(fieldsFrom.length),
    params: documentsFromParams.slice(fieldsFromParams.length),
  };
}

function orderBy(sorts: readonly QuerySort[], dialect: SqlQueryDialect): string {
  const keys = sorts.map(({ field, direction }) => {
    const nulls = dialect.explicitNullOrder
      ? direction === 'asc'
        ? ' NULLS FIRST'
        : ' NULLS LAST'
      : '';
    return `${fieldColumn(field)} ${direction.toUpperCase()}${nulls}`;
  });
  return [...keys, 't.id ASC'].join(', ');
}

/**
 * Rows strictly after the keyset in the query's order (nulls first ascending, last
 * descending), one sort key at a time, ending with the id tie-break.
 *
 * Written so the walk along the sort key's index stays a walk: an ascending key starts a
 * range at its value (`>=`), and the branches of a descending or null key are one CASE, not
 * ORs that SQLite would answer as a union of index lookups followed by a sort of the union.
 */
function keyset(
  b: Builder,
  request: FindRequest,
  after: QueryKeyset,
  index: number,
  types: ReadonlyMap<string, IndexedFieldType>,
  dialect: SqlQueryDialect,
): void {
  if (index === request.orderBy.length) {
    b.text('t.id > ').param(after.id);
    return;
  }
  const { field, direction } = request.orderBy[index]!;
  const column = fieldColumn(field);
  const value = after.values[index] ?? null;
  const rest = () => keyset(b, request, after, index + 1, types, dialect);
  const bound = () => dialect.bind(types.get(field)!, value!);
  if (value === null) {
    if (direction === 'asc') {
      // After a null: the later nulls, then every value.
      b.text(`(CASE WHEN ${column} IS NULL THEN `);
      rest();
      b.text(' ELSE TRUE END)');
    } else {
      // Nulls come last: only later nulls follow.
      b.text(`(${column} IS NULL AND `);
      rest();
      b.text(')');
    }
    return;
  }
  if (direction === 'asc') {
    // Nulls come first, so none follows a value; a null column fails `>=` as it must.
    b.text(`(${column} >= `).param(bound()).text(` AND (${column} > `).param(bound());
    b.text(' OR ');
    rest();
    b.text('))');
    return;
  }
  b.text(`(CASE WHEN ${column} IS NULL THEN TRUE WHEN ${column} = `).param(bound());
  b.text(' THEN ');
  rest();
  b.text(` ELSE ${column} < `).param(bound()).text(' END)');
}

function compileGroup(
  b: Builder,
  request: GroupRequest,
  types: ReadonlyMap<string, IndexedFieldType>,
  dialect: SqlQueryDialect,
  where: () => void,
): void {
  const keys = request.groupBy.map((field, i) => `${fieldColumn(field)} AS k${i}`);
  b.text(`SELECT ${keys.map((k) => `${k}, `).join('')}`);
  request.measures.forEach(([, measure], i) => {
    if (i > 0) b.text(', ');
    const filter = () => {
      if (measure.where === undefined) return;
      b.text(' FILTER (WHERE ');
      compileCondition(b, measure.where, types, dialect);
      b.text(')');
    };
    if (measure.kind === 'count') {
      b.text('COUNT(*)');
      filter();
    } else if (measure.kind === 'countDistinct') {
      b.text(`COUNT(DISTINCT ${fieldColumn(measure.field)})`);
      filter();
    } else {
      b.text(`COALESCE(SUM(${fieldColumn(measure.field)})`);
      filter();
      b.text(', 0)');
    }
    b.text(` AS m${i}`);
  });
  if (request.measures.length === 0) b.text('COUNT(*) AS m_');
  b.text(` FROM ${dialect.fieldsFrom}`);
  b.params.push(...dialect.fieldsFromParams);
  where();
  if (request.groupBy.length > 0) {
    const columns = request.groupBy.map(fieldColumn);
    b.text(` GROUP BY ${columns.join(', ')}`);
    const nulls = dialect.explicitNullOrder ? ' NULLS FIRST' : '';
    b.text(` ORDER BY ${columns.map((c) => `${c} ASC${nulls}`).join(', ')}`);
  }
}

function compileCondition(
  b: Builder,
  c: QueryCondition,
  types: ReadonlyMap<string, IndexedFieldType>,
  dialect: SqlQueryDialect,
): void {
  switch (c.op) {
    case 'and':
    case 'or': {
      if (c.conditions.length === 0) {
        b.text(c.op === 'and' ? '(1 = 1)' : '(1 = 0)');
        return;
      }
      b.text('(');
      c.conditions.forEach((part, i) => {
        if (i > 0) b.text(c.op === 'and' ? ' AND ' : ' OR ');
        compileCondition(b, part, types, dialect);
      });
      b.text(')');
      return;
    }
    case 'not':
      b.text('(NOT ');
      compileCondition(b, c.condition, types, dialect);
      b.text(')');
      return;
    case 'isNull':
      b.text(`(${fieldColumn(c.field)} IS ${c.isNull ? '' : 'NOT '}NULL)`);
      return;
    case 'contains':
      b.text(dialect.arrayContains(c.field));
      b.params.push(c.value);
      return;
    case 'in': {
      const column = fieldColumn(c.field);
      if (c.values.length === 0) {
        // Unknown for a null field, false otherwise: what `x IN ()` means in the reference.
        b.text(`(CASE WHEN ${column} IS NULL THEN NULL ELSE 1 = 0 END)`);
        return;
      }
      b.text(`(${column} IN (`);
      c.values.forEach((value, i) => {
        if (i > 0) b.text(', ');
        b.param(dialect.bind(types.get(c.field)!, value));
      });
      b.text('))');
      return;
    }
    default: {
      const operator = { eq: '=', gt: '>', gte: '>=', lt: '<', lte: '<=' }[c.op];
      b.text(`(${fieldColumn(c.field)} ${operator} `)
        .param(dialect.bind(types.get(c.field)!, c.value))
        .text(')');
    }
  }
}
