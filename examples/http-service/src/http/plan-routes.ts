import {
  EmergencyPlanCommandSchema,
  emergencyPlanStreamId,
  evolveEmergencyPlan,
  initialEmergencyPlanState,
} from '@safeledger/core';
import type { FastifyInstance } from 'fastify';
import type { AggregateHandlers } from '../commands/aggregate-handlers.js';
import { commandRoutes, stateRoute } from './command-routes.js';
import type { ServiceContext } from './context.js';

/**
 * One POST route per emergency-plan command (spec §4.9: draft, revise, publish, retire) and
 * `GET /plans/:planId`.
 */
export function planRoutes(app: FastifyInstance, context: ServiceContext): void {
  commandRoutes(app, context, {
    resource: 'plans',
    idKey: 'planId',
    schemas: EmergencyPlanCommandSchema.options,
    creates: 'DraftPlan',
    describe: (type) => `The ${type} command of an emergency plan.`,
    handle: (id, command, options) =>
      context.commands.plans(id, command as Parameters<AggregateHandlers['plans']>[1], options),
  });
  stateRoute(app, context, {
    resource: 'plans',
    idKey: 'planId',
    summary: 'An emergency plan as its events leave it',
    noun: 'emergency plan',
    streamId: emergencyPlanStreamId,
    initial: initialEmergencyPlanState,
    evolve: evolveEmergencyPlan,
  });
}
