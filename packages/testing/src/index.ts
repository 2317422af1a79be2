/** @safeledger/testing: property-test and specify your safeledger rules. */
export {
  type DeciderSpec,
  DeciderSpecError,
  type DeciderSpecOptions,
  type DeciderSpecOutcome,
  type DeciderSpecWhen,
  deciderSpec,
} from './decider-spec.js';
