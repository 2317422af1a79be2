import {
  ActivityCommandSchema,
  activityStreamId,
  evolveActivity,
  initialActivityState,
} from '@safeledger/core';
import type { FastifyInstance } from 'fastify';
import type { AggregateHandlers } from '../commands/aggregate-handlers.js';
import { commandRoutes, stateRoute } from './command-routes.js';
import type { ServiceContext } from './context.js';

/**
 * One POST route per activity command (spec §4.9: record an activity, correct it) and
 * `GET /activities/:activityId`.
 */
export function activityRoutes(app: FastifyInstance, context: ServiceContext): void {
  commandRoutes(app, context, {
    resource: 'activities',
    idKey: 'activityId',
    schemas: ActivityCommandSchema.options,
    creates: 'RecordActivity',
    describe: (type) => `The ${type} command of an activity.`,
    handle: (id, command, options) =>
      context.commands.activities(
        id,
        command as Parameters<AggregateHandlers['activities']>[1],
        options,
      ),
  });
  stateRoute(app, context, {
    resource: 'activities',
    idKey: 'activityId',
    summary: 'A training, drill or campaign activity as its events leave it',
    noun: 'activity',
    streamId: activityStreamId,
    initial: initialActivityState,
    evolve: evolveActivity,
  });
}
