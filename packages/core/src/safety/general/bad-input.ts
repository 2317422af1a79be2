import type { z } from 'zod';
import { ValidationError, type ValidationIssue } from '../../eventsourcing/errors.js';

/** How issues are grouped into keys. */
export interface DescribeIssuesOptions {
  /**
   * Report a bad array element under the array's key (`closureTrigger`) rather than its own path
   * (`closureTrigger.0.count`): in configuration, the key is what a user edits.
   */
  readonly arraysAsOneKey?: boolean;
}

/**
 * Parses input with a schema and, when it does not fit, throws a `ValidationError` with one
 * issue per offending key; each message names the key and the value that was given, because
 * "expected a string" alone rarely tells a caller which of their values was wrong.
 *
 * @throws ValidationError (`VALIDATION_FAILED`) when `input` does not satisfy `schema`.
 */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what: string,
  options: DescribeIssuesOptions = {},
): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = describeIssues(parsed.error, input, what, options);
  throw new ValidationError(
    `invalid ${what}: ${issues.map((issue) => `${issue.path || '(root)'}: ${issue.message}`).join('; ')}`,
    issues,
    { cause: parsed.error },
  );
}

/** One issue per key path (the first zod reports for it), with the given value quoted. */
export function describeIssues(
  error: z.ZodError,
  input: unknown,
  what: string,
  options: DescribeIssuesOptions = {},
): ValidationIssue[] {
  const byPath = new Map<string, ValidationIssue>();
  const add = (path: string, message: string) => {
    if (!byPath.has(path)) byPath.set(path, { type: what, path, message });
  };
  for (const issue of error.issues) {
    const firstIndex = issue.path.findIndex((key) => typeof key === 'number');
    if (options.arraysAsOneKey === true && firstIndex >= 0) {
      const keyPath = issue.path.slice(0, firstIndex);
      const at = issue.path.map(String).join('.');
      add(
        keyPath.map(String).join('.'),
        `${issue.message} at ${at} (got ${show(valueAt(input, keyPath))})`,
      );
      continue;
    }
    const base = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add([...base, key].join('.'), 'unknown key');
      continue;
    }
    add(base.join('.'), `${issue.message} (got ${show(valueAt(input, issue.path))})`);
  }
  return [...byPath.values()];
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** A short, single-line rendering of a value for an error message. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  }
  if (typeof value === 'bigint') return `${value}n`;
  try {
    const json = JSON.stringify(value);
    if (json === undefined) return typeof value;
    return json.length > 80 ? `${json.slice(0, 77)}...` : json;
  } catch {
    // Values JSON cannot render (a bigint inside, a cycle) and objects without a prototype,
    // which String() cannot convert either: the message must not itself throw.
    return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
  }
}
