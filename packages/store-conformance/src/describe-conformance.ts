import { describe, it } from 'vitest';
import { conformanceCases } from './cases/index.js';
import type { ConformanceFactory, ConformanceOptions } from './harness.js';
import { runConformanceCase } from './run-case.js';

/**
 * Declares the whole conformance suite for an adapter as vitest tests. The factory gives each
 * test a fresh, empty database. Opt-outs must name a case and give a reason; they show up as
 * skipped tests with that reason.
 *
 * @example
 * describeEventStoreConformance('memory', async () => {
 *   const storage = createMemoryStorage();
 *   return { open: async (options) => createMemoryEventStore({ ...options, storage }) };
 * });
 */
export function describeEventStoreConformance(
  name: string,
  factory: ConformanceFactory,
  options: ConformanceOptions = {},
): void {
  const optOuts = options.optOuts ?? {};
  const known = new Set(conformanceCases.map((c) => c.name));
  for (const caseName of Object.keys(optOuts)) {
    if (!known.has(caseName)) throw new Error(`opt-out names no conformance case: "${caseName}"`);
  }
  const groups = [...new Set(conformanceCases.map((c) => c.group))];
  describe(`${name} conforms to the EventStore contract`, () => {
    for (const group of groups) {
      describe(group, () => {
        for (const testCase of conformanceCases.filter((c) => c.group === group)) {
          const reason = optOuts[testCase.name];
          if (reason !== undefined) {
            it.skip(`${testCase.name} (opted out: ${reason})`, () => {});
            continue;
          }
          it(
            testCase.name,
            () => runConformanceCase(testCase, factory, options),
            options.timeoutMs ?? 60_000,
          );
        }
      });
    }
  });
}
