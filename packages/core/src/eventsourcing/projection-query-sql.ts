import type { IndexedFieldType } from './projection-fields.js';
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
  /** The FROM clause over the field table aliased `t` (no document). */
  readonly fieldsFrom: string;
  /** Parameters of the `?` placeholders in `fieldsFrom`. */
  readonly fieldsFromParams: readonly unknown[];
  /** The FROM clause joining the field table `t` to its documents; selects need `documentColumn`. */
  readonly documentsFrom: string;
  /** Parameters of the `?` placeholders in `documentsFrom`. */
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
 * Compiles a checked query to one parameterised statement. Only validated field names reach
 * the SQL text (quoted); every value is a parameter.
 */
export function compileProjectionQuery(
  request: ProjectionQueryRequest,
  dialect: SqlQueryDialect,
): CompiledSql {
  const types = new Map(request.schema.fields.map((f) => [f.name, f.type]));
  const b = new Builder();
  const condition = (c: QueryCondition): void => compileCondition(b, c, types, dialect);
  const where = (extra?: () => void): void => {
    const clauses: Array<() => void> = [];
    if (dialect.scope.sql !== '') {
      clauses.push(() => {
        b.text(dialect.scope.sql);
        b.params.push(...dialect.scope.params);
      });
    }
    if (request.where !== undefined) clauses.push(() => condition(request.where!));
    if (extra !== undefined) clauses.push(extra);
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
      const sortColumns = request.orderBy.map(({ field }, i) => `${fieldColumn(field)} AS s${i}`);
      b.text(
        `SELECT t.id AS id, ${dialect.documentColumn} AS document${sortColumns.map((c) => `, ${c}`).join('')} FROM ${dialect.documentsFrom}`,
      );
      b.params.push(...dialect.documentsFromParams);
      where(
        request.after === undefined
          ? undefined
          : () => keyset(b, request, request.after!, 0, types, dialect),
      );
      b.text(` ORDER BY ${orderBy(request.orderBy, dialect)}`);
      b.text(' LIMIT ').param(request.limit);
      return b.build();
    }
    case 'group':
      compileGroup(b, request, types, dialect, where);
      return b.build();
  }
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
      b.text(`(${column} IS NOT NULL OR (${column} IS NULL AND `);
      rest();
      b.text('))');
    } else {
      b.text(`(${column} IS NULL AND `);
      rest();
      b.text(')');
    }
    return;
  }
  b.text(`(${column} ${direction === 'asc' ? '>' : '<'} `).param(bound());
  if (direction === 'desc') b.text(` OR ${column} IS NULL`);
  b.text(` OR (${column} = `).param(bound()).text(' AND ');
  rest();
  b.text('))');
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
