import {
  evolveHazard,
  type HazardCommand,
  HazardCommandSchema,
  hazardStreamId,
  initialHazardState,
} from '@safeledger/core';
import type { FastifyInstance } from 'fastify';
import { commandRoutes, stateRoute } from './command-routes.js';
import type { ServiceContext } from './context.js';

/** The hazard loop's command routes and `GET /hazards/:hazardId`. */
export function hazardRoutes(app: FastifyInstance, context: ServiceContext): void {
  commandRoutes(app, context, {
    resource: 'hazards',
    idKey: 'hazardId',
    schemas: HazardCommandSchema.options,
    creates: 'RegisterHazard',
    describe: (type) => `The ${type} command of the hazard loop.`,
    handle: (hazardId, command, options) =>
      context.handle(hazardStreamId(hazardId), command as HazardCommand, options),
  });
  stateRoute(app, context, {
    resource: 'hazards',
    idKey: 'hazardId',
    summary: 'A hazard as its events leave it',
    noun: 'hazard',
    streamId: hazardStreamId,
    initial: initialHazardState,
    evolve: evolveHazard,
  });
}
