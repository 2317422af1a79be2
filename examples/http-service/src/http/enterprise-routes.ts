import {
  EnterpriseCommandSchema,
  enterpriseStreamId,
  evolveEnterprise,
  initialEnterpriseState,
} from '@safeledger/core';
import type { FastifyInstance } from 'fastify';
import type { AggregateHandlers } from '../commands/aggregate-handlers.js';
import { commandRoutes, stateRoute } from './command-routes.js';
import type { ServiceContext } from './context.js';

/**
 * One POST route per enterprise command (spec §4.8) and `GET /enterprises/:enterpriseId`.
 * `register-enterprise` claims the credit code before registering (E-1), so two enterprises
 * cannot hold one code, even on two instances.
 */
export function enterpriseRoutes(app: FastifyInstance, context: ServiceContext): void {
  commandRoutes(app, context, {
    resource: 'enterprises',
    idKey: 'enterpriseId',
    schemas: EnterpriseCommandSchema.options,
    creates: 'RegisterEnterprise',
    describe: (type) => `The ${type} command of an enterprise.`,
    handle: (id, command, options) =>
      context.commands.enterprises(
        id,
        command as Parameters<AggregateHandlers['enterprises']>[1],
        options,
      ),
  });
  stateRoute(app, context, {
    resource: 'enterprises',
    idKey: 'enterpriseId',
    summary: 'An enterprise as its events leave it',
    noun: 'enterprise',
    streamId: enterpriseStreamId,
    initial: initialEnterpriseState,
    evolve: evolveEnterprise,
  });
}
