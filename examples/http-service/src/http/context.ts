import type {
  CaseFiling,
  CommandHandler,
  createHazardFigures,
  Directory,
  EnforcementCaseCommand,
  EnforcementCaseEvent,
  EnforcementCaseState,
  EventStore,
  HazardCommand,
  HazardEvent,
  HazardState,
  SupervisionPolicy,
} from '@safeledger/core';
import type { TokenVerification } from './identity.js';

/** What the routes share: created once at start-up, closed on shutdown. */
export interface ServiceContext {
  readonly store: EventStore;
  readonly directory: Directory;
  readonly policy: SupervisionPolicy;
  readonly verification: TokenVerification;
  readonly handle: CommandHandler<HazardState, HazardCommand, HazardEvent>;
  /** Enforcement cases: the handler, and the filing service that claims case numbers (EC-1). */
  readonly cases: {
    readonly handle: CommandHandler<
      EnforcementCaseState,
      EnforcementCaseCommand,
      EnforcementCaseEvent
    >;
    readonly filing: CaseFiling;
  };
  /** The hazard figures P-1…P-7 over the ledger projection this service runs. */
  readonly figures: HazardFigures;
  /** Projection lag for the readiness endpoint: undefined while nothing is measured. */
  readonly lag?: () => Promise<ProjectionLag>;
}

/** How far the projections of this instance are behind the log. */
export interface ProjectionLag {
  /** Events in the log not yet reflected by the slowest projection. */
  readonly events: number;
  /** Whether this instance currently holds the projections' leases. */
  readonly active: boolean;
}

/** The hazard figures of `createHazardFigures`. */
export type HazardFigures = ReturnType<typeof createHazardFigures>;
