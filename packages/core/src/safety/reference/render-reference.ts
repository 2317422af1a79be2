import { z } from 'zod';
import type { AggregateCatalog } from '../aggregates.js';
import type { AggregateDocs } from './aggregate-docs.js';
import { GENERATED_NOTICE } from './generated-notice.js';
import { type JsonSchema, structureText, typeText } from './json-schema-text.js';

/**
 * Renders the command and event reference of one aggregate (`docs/domain/{slug}-reference.md`)
 * from its zod schemas (`z.toJSONSchema`) and its docs: every field with its type, allowed
 * values, whether it is required, and its description.
 *
 * @throws Error naming the command, event or field that lacks a description, or a description
 * that names no field, so the page cannot silently fall behind the schemas.
 */
export function renderAggregateReference(catalog: AggregateCatalog, docs: AggregateDocs): string {
  const named = new Map<string, JsonSchema>();
  const commands = catalog.commands.map((schema) => {
    const json = z.toJSONSchema(schema, { io: 'input' }) as JsonSchema;
    const type = json.properties?.type?.const;
    if (typeof type !== 'string') throw new Error(`a ${catalog.name} command has no literal type`);
    const entry = docs.commands[type];
    if (entry === undefined) throw new Error(`${catalog.name} command ${type} has no docs`);
    return { type, json, entry };
  });
  const events = catalog.events.map((definition) => {
    const json = z.toJSONSchema(definition.schema, { io: 'output' }) as JsonSchema;
    const entry = docs.events[definition.type];
    if (entry === undefined)
      throw new Error(`${catalog.name} event ${definition.type} has no docs`);
    return { definition, json, entry };
  });
  extraDocs(
    catalog.name,
    'command',
    Object.keys(docs.commands),
    commands.map((c) => c.type),
  );
  extraDocs(
    catalog.name,
    'event',
    Object.keys(docs.events),
    events.map((e) => e.definition.type),
  );

  const lines = [
    GENERATED_NOTICE,
    '',
    `# ${catalog.name}: command and event reference`,
    '',
    docs.intro,
    '',
    '## Commands',
    '',
    '| Command | Who may send it | Appends |',
    '| --- | --- | --- |',
    ...commands.map(({ type, entry }) =>
      row([`[\`${type}\`](#${type.toLowerCase()})`, entry.who, codeList(entry.emits)]),
    ),
    '',
  ];
  for (const { type, json, entry } of commands) {
    lines.push(`### ${type}`, '', entry.summary, '', `**Who may send it:** ${entry.who}`, '');
    lines.push(`**Appends:** ${codeList(entry.emits)}.`, '');
    lines.push(
      ...fieldTable(
        `${catalog.name} command ${type}`,
        json,
        named,
        (field) => {
          return docs.commonCommandFields[field] ?? (entry.fields as Record<string, string>)[field];
        },
        Object.keys(entry.fields),
      ),
    );
    lines.push('');
  }
  lines.push('## Events', '', '| Event | Records |', '| --- | --- |');
  for (const { definition, entry } of events) {
    lines.push(row([`[\`${definition.type}\`](#${definition.type.toLowerCase()})`, entry.summary]));
  }
  lines.push('');
  for (const { definition, json, entry } of events) {
    lines.push(`### ${definition.type}`, '', entry.summary, '');
    lines.push(`Schema version ${definition.schemaVersion}.`, '');
    lines.push(
      ...fieldTable(
        `${catalog.name} event ${definition.type}`,
        json,
        named,
        (field) => {
          return docs.commonEventFields[field] ?? (entry.fields as Record<string, string>)[field];
        },
        Object.keys(entry.fields),
      ),
    );
    lines.push('');
  }
  lines.push('## Shared types', '');
  // Describing a type can name further types; render until nothing new appears.
  const rendered = new Set<string>();
  for (
    let title = nextTitle(named, rendered);
    title !== undefined;
    title = nextTitle(named, rendered)
  ) {
    const schema = named.get(title) as JsonSchema;
    rendered.add(title);
    lines.push(`### ${title}`, '', schema.description ?? '', '');
    lines.push(`Type: ${structureText(schema, named)}.`, '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function fieldTable(
  what: string,
  json: JsonSchema,
  named: Map<string, JsonSchema>,
  describe: (field: string) => string | undefined,
  documented: readonly string[],
): string[] {
  const properties = json.properties ?? {};
  const required = new Set(json.required ?? []);
  const stale = documented.filter((field) => !(field in properties));
  if (stale.length > 0)
    throw new Error(`${what} documents fields it does not have: ${stale.join(', ')}`);
  const rows = Object.entries(properties).map(([field, schema]) => {
    const description = describe(field);
    if (description === undefined) throw new Error(`${what}: field ${field} has no description`);
    const presence = required.has(field)
      ? 'yes'
      : schema.default === undefined
        ? 'no'
        : `no (default \`${JSON.stringify(schema.default)}\`)`;
    return row([`\`${field}\``, typeText(schema, named), presence, description]);
  });
  return ['| Field | Type | Required | Description |', '| --- | --- | --- | --- |', ...rows];
}

function extraDocs(aggregate: string, kind: string, documented: string[], actual: string[]): void {
  const known = new Set(actual);
  const extra = documented.filter((name) => !known.has(name));
  if (extra.length > 0)
    throw new Error(`${aggregate} docs describe no such ${kind}: ${extra.join(', ')}`);
}

function nextTitle(named: Map<string, JsonSchema>, rendered: Set<string>): string | undefined {
  return [...named.keys()].find((title) => !rendered.has(title));
}

function codeList(names: readonly string[]): string {
  return names.map((name) => `\`${name}\``).join(', ');
}

function row(cells: readonly string[]): string {
  return `| ${cells.map((text) => text.replaceAll('|', '\\|').replaceAll('\n', ' ')).join(' | ')} |`;
}
