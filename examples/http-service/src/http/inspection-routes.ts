import {
  evolveInspection,
  type InspectionCommand,
  InspectionCommandSchema,
  initialInspectionState,
  inspectionStreamId,
} from '@safeledger/core';
import type { FastifyInstance } from 'fastify';
import { commandRoutes, stateRoute } from './command-routes.js';
import type { ServiceContext } from './context.js';

/**
 * One POST route per inspection command (spec §4.4: schedule, start, record a finding, issue a
 * rectification order, impose an on-site measure, complete, cancel) and
 * `GET /inspections/:inspectionId`, in the style of the hazard routes.
 */
export function inspectionRoutes(app: FastifyInstance, context: ServiceContext): void {
  commandRoutes(app, context, {
    resource: 'inspections',
    idKey: 'inspectionId',
    schemas: InspectionCommandSchema.options,
    creates: 'ScheduleInspection',
    describe: (type) => `The ${type} command of an inspection.`,
    handle: (inspectionId, command, options) =>
      context.inspections.handle(
        inspectionStreamId(inspectionId),
        command as InspectionCommand,
        options,
      ),
  });
  stateRoute(app, context, {
    resource: 'inspections',
    idKey: 'inspectionId',
    summary: 'An inspection as its events leave it',
    noun: 'inspection',
    streamId: inspectionStreamId,
    initial: initialInspectionState,
    evolve: evolveInspection,
  });
}
