/** The subset of JSON Schema (draft 2020-12) that `z.toJSONSchema` emits for our schemas. */
export interface JsonSchema {
  readonly type?: string;
  readonly title?: string;
  readonly description?: string;
  readonly const?: unknown;
  readonly enum?: readonly unknown[];
  readonly format?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly minItems?: number;
  readonly items?: JsonSchema;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly default?: unknown;
}

/**
 * A short, readable type for a reference table: `non-empty string`, `one of `a`, `b``,
 * `array of …`, `{ kind: "regulator"; orgId: … }`. A schema with a `title` (set with zod's
 * `.meta()` on shared types such as `LocalDate`) becomes a link to its section, and is
 * recorded in `named` so the page can describe it once.
 */
export function typeText(schema: JsonSchema, named: Map<string, JsonSchema>): string {
  if (schema.title !== undefined) {
    named.set(schema.title, schema);
    return `[${schema.title}](#${schema.title.toLowerCase()})`;
  }
  return structureText(schema, named);
}

/** Like `typeText`, but spells out a titled schema instead of linking to it. */
export function structureText(schema: JsonSchema, named: Map<string, JsonSchema>): string {
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants !== undefined) {
    const values = variants.filter((variant) => variant.type !== 'null');
    const text = values.map((variant) => typeText(variant, named)).join(' or ');
    return values.length < variants.length ? `${text} or null` : text;
  }
  if (schema.const !== undefined) return `\`${JSON.stringify(schema.const)}\``;
  if (schema.enum !== undefined) {
    return `one of ${schema.enum.map((value) => `\`${String(value)}\``).join(', ')}`;
  }
  switch (schema.type) {
    case 'string':
      return stringText(schema);
    case 'number':
    case 'integer':
      return numberText(schema);
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array': {
      const items = schema.items === undefined ? 'anything' : typeText(schema.items, named);
      return schema.minItems === undefined || schema.minItems === 0
        ? `array of ${items}`
        : `array of ${items} (at least ${schema.minItems})`;
    }
    case 'object':
      return objectText(schema, named);
    default:
      throw new TypeError(`no reference text for JSON Schema ${JSON.stringify(schema)}`);
  }
}

function stringText(schema: JsonSchema): string {
  const base = schema.format === 'date-time' ? 'date-time string' : 'string';
  if (schema.minLength === 1 && schema.maxLength === undefined) return `non-empty ${base}`;
  const bounds = [
    schema.minLength === undefined ? '' : `at least ${schema.minLength} characters`,
    schema.maxLength === undefined ? '' : `at most ${schema.maxLength} characters`,
  ].filter((part) => part !== '');
  return bounds.length === 0 ? base : `${base} (${bounds.join(', ')})`;
}

function numberText(schema: JsonSchema): string {
  const bounds = [
    schema.minimum === undefined ? '' : `≥ ${schema.minimum}`,
    schema.exclusiveMinimum === undefined ? '' : `> ${schema.exclusiveMinimum}`,
    schema.maximum === undefined ? '' : `≤ ${schema.maximum}`,
  ].filter((part) => part !== '');
  return [schema.type, ...bounds].join(' ');
}

function objectText(schema: JsonSchema, named: Map<string, JsonSchema>): string {
  const required = new Set(schema.required ?? []);
  const fields = Object.entries(schema.properties ?? {}).map(([key, value]) => {
    const optional = required.has(key) ? '' : '?';
    const fallback = value.default === undefined ? '' : ` = ${JSON.stringify(value.default)}`;
    return `${key}${optional}: ${typeText(value, named)}${fallback}`;
  });
  return fields.length === 0 ? '{}' : `{ ${fields.join('; ')} }`;
}
