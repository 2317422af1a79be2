/**
 * @safeledger/store-conformance: the suite every EventStore adapter runs to prove it honours the
 * contract (expected versions, idempotency, gap safety, upcasting, snapshots, projections).
 */
export { conformanceCases } from './cases/index.js';
export { describeEventStoreConformance } from './describe-conformance.js';
export { eventually, visibleLog } from './fixtures.js';
export type {
  ConformanceCase,
  ConformanceContext,
  ConformanceFactory,
  ConformanceHarness,
  ConformanceOptions,
  ConformanceScale,
} from './harness.js';
export { resolveScale, runConformanceCase } from './run-case.js';
