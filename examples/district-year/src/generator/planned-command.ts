import type {
  ActivityCommand,
  DutyRosterCommand,
  EmergencyPlanCommand,
  EnforcementCaseCommand,
  EnterpriseCommand,
  HazardCommand,
  InspectionCommand,
  ResponsibilityCommand,
  SiteCommand,
  SupervisionItemCommand,
  VenueCommand,
} from '@safeledger/core';

/** The command type of each aggregate the generator can drive, keyed by its handler's name. */
export interface AggregateCommands {
  readonly hazard: HazardCommand;
  readonly inspection: InspectionCommand;
  readonly supervisionItem: SupervisionItemCommand;
  readonly venue: VenueCommand;
  readonly enforcementCase: EnforcementCaseCommand;
  readonly responsibility: ResponsibilityCommand;
  readonly site: SiteCommand;
  readonly enterprise: EnterpriseCommand;
  readonly activity: ActivityCommand;
  readonly emergencyPlan: EmergencyPlanCommand;
  readonly dutyRoster: DutyRosterCommand;
}

/** The aggregates the generator can drive. */
export type PlannedAggregate = keyof AggregateCommands;

/**
 * One command of the year, planned before anything runs: which handler takes it, the stream, an
 * idempotency id derived from the plan (so a re-run appends nothing), and its business time.
 */
export type PlannedCommand = {
  readonly [K in PlannedAggregate]: {
    readonly aggregate: K;
    readonly streamId: string;
    readonly commandId: string;
    /** Business time (ISO-8601): the simulated clock reads this when the command runs. */
    readonly at: string;
    readonly command: AggregateCommands[K];
  };
}[PlannedAggregate];
