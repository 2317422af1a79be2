import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { type ScenarioProblem, scenarioProblems } from './consistency.js';
import { type Scenario, ScenarioSchema } from './schema.js';

/** The scenario file the demo runs when none is given: the 2024 district report. */
export const defaultScenarioPath = new URL('../../scenarios/2024.json', import.meta.url).pathname;

/** A scenario file that cannot be run; `problems` has one entry per field at fault. */
export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
  constructor(
    readonly source: string,
    readonly problems: readonly ScenarioProblem[],
  ) {
    super(
      `${source}: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n${problems
        .map((problem) => `  ${problem.field}: ${problem.message}`)
        .join('\n')}`,
    );
  }
}

/**
 * Validates scenario data: the schema first (types, ranges, unknown keys), then the cross-field
 * rules. Nothing is written before this passes.
 *
 * @throws ScenarioError listing every problem, each naming its field.
 */
export function parseScenario(data: unknown, source = 'scenario'): Scenario {
  const parsed = ScenarioSchema.safeParse(data);
  if (!parsed.success) throw new ScenarioError(source, schemaProblems(parsed.error));
  const problems = scenarioProblems(parsed.data);
  if (problems.length > 0) throw new ScenarioError(source, problems);
  return parsed.data;
}

/**
 * Reads and validates a scenario file.
 *
 * @throws ScenarioError when the file cannot be read, is not JSON, or is inconsistent.
 */
export function loadScenario(path: string = defaultScenarioPath): Scenario {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ScenarioError(path, [{ field: '(file)', message: (error as Error).message }]);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ScenarioError(path, [{ field: '(json)', message: (error as Error).message }]);
  }
  return parseScenario(data, path);
}

function schemaProblems(error: z.ZodError): ScenarioProblem[] {
  return error.issues.map((issue) => ({
    field: issue.path.length === 0 ? '(root)' : issue.path.join('.'),
    message: issue.message,
  }));
}
