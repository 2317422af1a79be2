import { z } from 'zod';
import { ScenarioSchema } from './schema.js';

/** Where the published JSON Schema of scenario files lives, relative to the repository root. */
export const scenarioJsonSchemaPath = 'docs/reference-scenario.schema.json';

/**
 * The JSON Schema of scenario files, generated from the zod schema (zod 4's `toJSONSchema`), so
 * editors can validate and complete a file while it is written. The cross-field rules
 * (`scenarioProblems`) are not expressible in it; the loader checks them.
 */
export function scenarioJsonSchema(): string {
  const schema = z.toJSONSchema(ScenarioSchema, { io: 'input', target: 'draft-2020-12' });
  return `${JSON.stringify({ ...schema, $id: 'reference-scenario.schema.json' }, null, 2)}\n`;
}
