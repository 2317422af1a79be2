import type { EventStore } from '@safeledger/core';
import type { ConformanceCase, ConformanceFactory, ConformanceScale } from './harness.js';

const DEFAULT_SCALE: Required<ConformanceScale> = {
  writers: 8,
  eventsPerWriter: 40,
  instances: 3,
  modelRuns: 40,
};

/** Fills in the default load sizes. */
export function resolveScale(scale: ConformanceScale = {}): Required<ConformanceScale> {
  return {
    writers: scale.writers ?? DEFAULT_SCALE.writers,
    eventsPerWriter: scale.eventsPerWriter ?? DEFAULT_SCALE.eventsPerWriter,
    instances: scale.instances ?? DEFAULT_SCALE.instances,
    modelRuns: scale.modelRuns ?? DEFAULT_SCALE.modelRuns,
  };
}

/**
 * Runs one case on a fresh database: every store the case opens is closed afterwards and the
 * harness torn down, whether the case passed or not.
 */
export async function runConformanceCase(
  testCase: ConformanceCase,
  factory: ConformanceFactory,
  scale: ConformanceScale = {},
): Promise<void> {
  const harness = await factory();
  const opened: EventStore[] = [];
  try {
    await testCase.run({
      scale: resolveScale(scale),
      async open(options = {}) {
        const store = await harness.open(options);
        opened.push(store);
        return store;
      },
    });
  } finally {
    await Promise.allSettled(opened.map((store) => store.close()));
    await harness.teardown?.();
  }
}
