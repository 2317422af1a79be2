import {
  caseStreamId,
  type EnforcementCaseCommand,
  EnforcementCaseCommandSchema,
  evolveEnforcementCase,
  type FileCase,
  initialEnforcementCaseState,
} from '@safeledger/core';
import type { FastifyInstance } from 'fastify';
import { commandRoutes, stateRoute } from './command-routes.js';
import type { ServiceContext } from './context.js';

/**
 * One POST route per enforcement-case command (spec §4.2), in the style of the hazard routes,
 * and `GET /cases/:caseId`. `FileCase` goes through `createCaseFiling`, which claims the case
 * number per agency and year first (EC-1), so two filings with one number cannot both succeed,
 * even on two instances.
 */
export function caseRoutes(app: FastifyInstance, context: ServiceContext): void {
  commandRoutes(app, context, {
    resource: 'cases',
    idKey: 'caseId',
    schemas: EnforcementCaseCommandSchema.options,
    creates: 'FileCase',
    describe: (type) => `The ${type} command of an enforcement case.`,
    handle: (caseId, command, options) =>
      command.type === 'FileCase'
        ? context.cases.filing.fileCase(command as FileCase, options)
        : context.cases.handle(caseStreamId(caseId), command as EnforcementCaseCommand, options),
  });
  stateRoute(app, context, {
    resource: 'cases',
    idKey: 'caseId',
    summary: 'An enforcement case as its events leave it',
    noun: 'enforcement case',
    streamId: caseStreamId,
    initial: initialEnforcementCaseState,
    evolve: evolveEnforcementCase,
  });
}
