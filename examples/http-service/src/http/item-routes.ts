import {
  evolveSupervisionItem,
  initialSupervisionItemState,
  SupervisionItemCommandSchema,
  supervisionItemStreamId,
} from '@safeledger/core';
import type { FastifyInstance } from 'fastify';
import type { AggregateHandlers } from '../commands/aggregate-handlers.js';
import { commandRoutes, stateRoute } from './command-routes.js';
import type { ServiceContext } from './context.js';

/**
 * One POST route per supervision-item command (spec §4.5: receive a handover, assign, record
 * the investigation, link hazards and cases, measures, reply, feedback, close, return) and
 * `GET /items/:itemId`. The decider reads linked hazards from their streams (SI-2, SI-6).
 */
export function itemRoutes(app: FastifyInstance, context: ServiceContext): void {
  commandRoutes(app, context, {
    resource: 'items',
    idKey: 'itemId',
    schemas: SupervisionItemCommandSchema.options,
    creates: 'ReceiveHandover',
    describe: (type) => `The ${type} command of a supervision item.`,
    handle: (id, command, options) =>
      context.commands.items(id, command as Parameters<AggregateHandlers['items']>[1], options),
  });
  stateRoute(app, context, {
    resource: 'items',
    idKey: 'itemId',
    summary: 'A supervision item as its events leave it',
    noun: 'supervision item',
    streamId: supervisionItemStreamId,
    initial: initialSupervisionItemState,
    evolve: evolveSupervisionItem,
  });
}
