import type {
  CaseFiling,
  CommandHandler,
  createCaseFigures,
  createHazardFigures,
  EnforcementCaseCommand,
  EnforcementCaseEvent,
  EnforcementCaseState,
  EventStore,
  HazardCommand,
  HazardEvent,
  HazardState,
  InMemoryDirectory,
  InspectionCommand,
  InspectionEvent,
  InspectionState,
  SupervisionPolicy,
  VenueRegistry,
} from '@safeledger/core';
import type { AggregateHandlers } from '../commands/aggregate-handlers.js';
import type { TokenVerification } from './identity.js';

/** What the routes share: created once at start-up, closed on shutdown. */
export interface ServiceContext {
  readonly store: EventStore;
  /** People and units; listable, so read scopes can walk the organisation tree. */
  readonly directory: InMemoryDirectory;
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
  /** Small venues: the handler behind the unique-key claims of V-1. */
  readonly venues: Pick<VenueRegistry, 'handle'>;
  /** Inspections: the handler of the inspection decider. */
  readonly inspections: {
    readonly handle: CommandHandler<InspectionState, InspectionCommand, InspectionEvent>;
  };
  /** The hazard figures P-1…P-7 over the ledger projection this service runs. */
  readonly figures: HazardFigures;
  /** The case figures P-15 over the enforcement-case ledger projection this service runs. */
  readonly caseFigures: CaseFigures;
  /** Sites, enterprises, supervision items, activities, plans, duty rosters, responsibilities. */
  readonly commands: AggregateHandlers;
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

/** The case figures of `createCaseFigures`. */
export type CaseFigures = ReturnType<typeof createCaseFigures>;

/** The hazard figures of `createHazardFigures`. */
export type HazardFigures = ReturnType<typeof createHazardFigures>;
