import {
  type Clock,
  createActivityDecider,
  createCommandHandler,
  createDutyRosterDecider,
  createEmergencyPlanDecider,
  createHazardDecider,
  createInspectionDecider,
  createItemHazardsFromStore,
  createSupervisionItemDecider,
  createVenueDecider,
  createVenueRegistry,
  type EventStore,
  type IdGenerator,
  type SupervisionPolicy,
} from '@safeledger/core';
import type { AggregateCommands, PlannedCommand } from '../generator/planned-command.js';
import type { World } from '../world/build-world.js';
import { createCaseHandler } from './case-handler.js';
import { createEnterpriseHandler, createSiteHandler } from './compliance-handlers.js';
import { directorySubjectStatus } from './subject-status.js';
import { directoryCategoryLeads, hazardLedgerVenueHazards } from './venue-ports.js';

/** What every aggregate's command handler of a run is built from. */
export interface HandlerContext {
  readonly store: EventStore;
  readonly world: World;
  readonly policy: SupervisionPolicy;
  readonly clock: Clock;
  readonly newId: IdGenerator;
}

/** Runs one command of an aggregate; resolves to the events it appended. */
export type RunCommand<C> = (
  streamId: string,
  command: C,
  options: { readonly commandId: string },
) => Promise<{ readonly events: readonly unknown[] }>;

/** The command handlers of a run, one per aggregate the generator drives. */
export type Handlers = {
  readonly [K in keyof AggregateCommands]?: RunCommand<AggregateCommands[K]>;
};

/**
 * Builds the command handlers of a run. Each is the library's own `createCommandHandler` over
 * the aggregate's decider, with the run's simulated clock and ids; an aggregate joins the year
 * with one entry here and one part in the generator.
 */
export function createHandlers(context: HandlerContext): Handlers {
  const { store, world, policy, clock, newId } = context;
  return {
    hazard: createCommandHandler({
      store,
      decider: createHazardDecider({ directory: world.directory, policy }),
      clock,
      newId,
    }),
    inspection: createCommandHandler({
      store,
      decider: createInspectionDecider({
        directory: world.directory,
        subjects: directorySubjectStatus(world.directory),
        policy,
      }),
      clock,
      newId,
    }),
    // SI-2 and SI-6 read the linked hazards' statuses from their streams (always current, G-9).
    supervisionItem: createCommandHandler({
      store,
      decider: createSupervisionItemDecider({
        directory: world.directory,
        hazards: createItemHazardsFromStore(store),
        policy,
      }),
      clock,
      newId,
    }),
    enforcementCase: createCaseHandler(context),
    site: createSiteHandler(context),
    enterprise: createEnterpriseHandler(context),
    venue: venueHandler(context),
    activity: createCommandHandler({
      store,
      decider: createActivityDecider({ directory: world.directory, policy }),
      clock,
      newId,
    }),
    emergencyPlan: createCommandHandler({
      store,
      decider: createEmergencyPlanDecider({ directory: world.directory }),
      clock,
      newId,
    }),
    dutyRoster: createCommandHandler({
      store,
      decider: createDutyRosterDecider({ directory: world.directory, policy }),
      clock,
      newId,
    }),
  };
}

/**
 * Venue commands go through `createVenueRegistry`, which enforces V-1 (no duplicate venues)
 * across streams around the venue decider's handler; the registry takes the venue id, the
 * planned command its stream `venue-{id}`.
 */
function venueHandler(context: HandlerContext): RunCommand<AggregateCommands['venue']> {
  const { store, world, policy, clock, newId } = context;
  const registry = createVenueRegistry({
    store,
    handle: createCommandHandler({
      store,
      decider: createVenueDecider({
        directory: world.directory,
        categoryLeads: directoryCategoryLeads(world.directory),
        hazards: hazardLedgerVenueHazards(store, policy),
      }),
      clock,
      newId,
    }),
  });
  return (streamId, command, options) =>
    registry.handle(streamId.slice('venue-'.length), command, options);
}

/** Runs a planned command through its aggregate's handler; resolves to the events appended. */
export async function runPlanned(handlers: Handlers, step: PlannedCommand): Promise<number> {
  const handler = handlers[step.aggregate] as RunCommand<PlannedCommand['command']> | undefined;
  if (handler === undefined) {
    throw new Error(`no command handler for aggregate "${step.aggregate}" in this run`);
  }
  const result = await handler(step.streamId, step.command, { commandId: step.commandId });
  return result.events.length;
}
