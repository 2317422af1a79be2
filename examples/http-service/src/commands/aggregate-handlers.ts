import {
  type ActivityCommand,
  type ActivityEvent,
  type ActivityState,
  activityEvents,
  activityStreamId,
  type CommandHandler,
  createActivityDecider,
  createCommandHandler,
  createDutyRosterDecider,
  createEmergencyPlanDecider,
  createEnterpriseDecider,
  createEnterpriseRegistrar,
  createItemHazardsFromStore,
  createResponsibilityAssignmentService,
  createResponsibilityDecider,
  createSiteDecider,
  createSupervisionItemDecider,
  type Directory,
  type DomainEvent,
  type DutyRosterCommand,
  type DutyRosterEvent,
  type DutyRosterState,
  dutyRosterEvents,
  dutyRosterStreamId,
  type EmergencyPlanCommand,
  type EmergencyPlanEvent,
  type EmergencyPlanState,
  type EnterpriseCommand,
  type EnterpriseEvent,
  type EnterpriseState,
  type EventStore,
  emergencyPlanEvents,
  emergencyPlanStreamId,
  enterpriseEvents,
  enterpriseStreamId,
  type HandleOptions,
  type HandleResult,
  type ResponsibilityCommand,
  type ResponsibilityEvent,
  type ResponsibilityState,
  responsibilityEvents,
  type SiteCommand,
  type SiteEvent,
  type SiteState,
  type SupervisionItemCommand,
  type SupervisionItemEvent,
  type SupervisionItemState,
  type SupervisionPolicy,
  siteEvents,
  siteStreamId,
  supervisionItemEvents,
  supervisionItemStreamId,
} from '@safeledger/core';

/** Handles one command of an aggregate, the aggregate named by its id (not its stream id). */
export type AggregateHandler<State, Command, Event extends DomainEvent> = (
  id: string,
  command: Command,
  options: HandleOptions,
) => Promise<HandleResult<State, Event>>;

/**
 * The command handlers of the aggregates beyond the hazard loop, cases, venues and inspections:
 * each is the library's own handler over the aggregate's decider, behind the library's
 * uniqueness service where the spec asks for one across streams.
 */
export interface AggregateHandlers {
  readonly sites: AggregateHandler<SiteState, SiteCommand, SiteEvent>;
  /** Registrations claim the credit code first (E-1), so two cannot hold one code. */
  readonly enterprises: AggregateHandler<EnterpriseState, EnterpriseCommand, EnterpriseEvent>;
  /** SI-2 and SI-6 read the linked hazards from their streams, never behind them (G-9). */
  readonly items: AggregateHandler<
    SupervisionItemState,
    SupervisionItemCommand,
    SupervisionItemEvent
  >;
  readonly activities: AggregateHandler<ActivityState, ActivityCommand, ActivityEvent>;
  readonly plans: AggregateHandler<EmergencyPlanState, EmergencyPlanCommand, EmergencyPlanEvent>;
  /** Keyed by the roster's month `YYYY-MM` (stream `duty-{yyyy-mm}`). */
  readonly duty: AggregateHandler<DutyRosterState, DutyRosterCommand, DutyRosterEvent>;
  /** Through the unique keys of one lead per task code (RA-4) and one live assignment (RA-5). */
  readonly responsibilities: AggregateHandler<
    ResponsibilityState,
    ResponsibilityCommand,
    ResponsibilityEvent
  >;
}

/** The event definitions these aggregates write, for the store's registry. */
export const aggregateHandlerEvents = [
  ...siteEvents,
  ...enterpriseEvents,
  ...supervisionItemEvents,
  ...activityEvents,
  ...emergencyPlanEvents,
  ...dutyRosterEvents,
  ...responsibilityEvents,
];

/**
 * The definitions in order, each object once: the same definition may come from two lists (the
 * commands that write it and a read model that reads it). Two different definitions of one type
 * stay two, so the registry still refuses them.
 */
export function distinctEvents<T>(definitions: readonly T[]): T[] {
  return [...new Set(definitions)];
}

/** Wires each aggregate's decider to the store, with the ports the deciders read. */
export function createAggregateHandlers(
  store: EventStore,
  directory: Directory,
  policy: SupervisionPolicy,
): AggregateHandlers {
  const enterprise = createCommandHandler({
    store,
    decider: createEnterpriseDecider({ directory, policy }),
  });
  const registrar = createEnterpriseRegistrar({ store, handle: enterprise });
  const responsibility = createResponsibilityAssignmentService({
    store,
    decider: createResponsibilityDecider({ directory, policy }),
  });
  return {
    sites: byStream(
      createCommandHandler({ store, decider: createSiteDecider({ directory, policy }) }),
      siteStreamId,
    ),
    enterprises: (id, command, options) =>
      command.type === 'RegisterEnterprise'
        ? registrar.register(command, options)
        : enterprise(enterpriseStreamId(id), command, options),
    items: byStream(
      createCommandHandler({
        store,
        decider: createSupervisionItemDecider({
          directory,
          hazards: createItemHazardsFromStore(store),
          policy,
        }),
      }),
      supervisionItemStreamId,
    ),
    activities: byStream(
      createCommandHandler({ store, decider: createActivityDecider({ directory, policy }) }),
      activityStreamId,
    ),
    plans: byStream(
      createCommandHandler({ store, decider: createEmergencyPlanDecider({ directory }) }),
      emergencyPlanStreamId,
    ),
    duty: byStream(
      createCommandHandler({ store, decider: createDutyRosterDecider({ directory, policy }) }),
      dutyRosterStreamId,
    ),
    responsibilities: (id, command, options) => responsibility.handle(id, command, options),
  };
}

function byStream<State, Command, Event extends DomainEvent>(
  handle: CommandHandler<State, Command, Event>,
  streamId: (id: string) => string,
): AggregateHandler<State, Command, Event> {
  return (id, command, options) => handle(streamId(id), command, options);
}
