import {
  createCommandHandler,
  createEnterpriseDecider,
  createEnterpriseRegistrar,
  createSiteDecider,
  type EnterpriseCommand,
  type SiteCommand,
} from '@safeledger/core';
import type { HandlerContext, RunCommand } from './handlers.js';

/** The multi-tenant site handler of a run: the library's site decider over the run's store. */
export function createSiteHandler(context: HandlerContext): RunCommand<SiteCommand> {
  const { store, world, policy, clock, newId } = context;
  return createCommandHandler({
    store,
    decider: createSiteDecider({ directory: world.directory, policy }),
    clock,
    newId,
  });
}

/**
 * The enterprise handler of a run. Registrations go through the library's registrar, which
 * claims each credit code across the registry first (E-1); every other command goes straight to
 * the enterprise decider's handler.
 */
export function createEnterpriseHandler(context: HandlerContext): RunCommand<EnterpriseCommand> {
  const { store, world, policy, clock, newId } = context;
  const handle = createCommandHandler({
    store,
    decider: createEnterpriseDecider({ directory: world.directory, policy }),
    clock,
    newId,
  });
  const registrar = createEnterpriseRegistrar({ store, handle });
  return (streamId, command, options) =>
    command.type === 'RegisterEnterprise'
      ? registrar.register(command, options)
      : handle(streamId, command, options);
}
