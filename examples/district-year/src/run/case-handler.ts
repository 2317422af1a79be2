import {
  caseStreamId,
  createCaseFiling,
  createCommandHandler,
  createEnforcementCaseDecider,
  createHazardFactsFromStore,
  createInspectionFactsFromStore,
  type EnforcementCaseCommand,
} from '@safeledger/core';
import type { HandlerContext, RunCommand } from './handlers.js';

/**
 * The enforcement-case handler of a run: the library's case decider, reading the hazards a case
 * links and the inspection it was filed from in the run's store. A filing goes through the
 * library's filing service, which claims the case number (unique per agency and year, EC-1)
 * before the case is filed; every other command goes to the command handler directly.
 */
export function createCaseHandler(context: HandlerContext): RunCommand<EnforcementCaseCommand> {
  const { store, world, policy, clock, newId } = context;
  const handle = createCommandHandler({
    store,
    decider: createEnforcementCaseDecider({
      directory: world.directory,
      policy,
      hazards: createHazardFactsFromStore({ store, directory: world.directory }),
      inspections: createInspectionFactsFromStore(store),
    }),
    clock,
    newId,
  });
  const filing = createCaseFiling({ store, handle, policy, clock });
  return (streamId, command, options) => {
    if (command.type !== 'FileCase') return handle(streamId, command, options);
    if (streamId !== caseStreamId(command.caseId)) {
      throw new Error(`FileCase of "${command.caseId}" planned on stream "${streamId}"`);
    }
    return filing.fileCase(command, options);
  };
}
