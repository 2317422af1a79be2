import {
  evolveResponsibility,
  initialResponsibilityState,
  ResponsibilityCommandSchema,
  responsibilityStreamId,
} from '@safeledger/core';
import type { FastifyInstance } from 'fastify';
import type { AggregateHandlers } from '../commands/aggregate-handlers.js';
import { commandRoutes, stateRoute } from './command-routes.js';
import type { ServiceContext } from './context.js';

/**
 * One POST route per responsibility-assignment command (spec §4.3: draft, add and remove
 * duties, issue, acknowledge, revise, designate and revoke safety staff, report progress,
 * complete a duty, review performance, supersede) and `GET /assignments/:assignmentId`. Commands
 * go through the unique keys of one lead per task code (RA-4) and one live assignment per
 * assignee (RA-5), so two instances cannot both break them.
 */
export function responsibilityRoutes(app: FastifyInstance, context: ServiceContext): void {
  commandRoutes(app, context, {
    resource: 'assignments',
    idKey: 'assignmentId',
    schemas: ResponsibilityCommandSchema.options,
    creates: 'DraftAssignment',
    describe: (type) => `The ${type} command of a responsibility assignment.`,
    handle: (id, command, options) =>
      context.commands.responsibilities(
        id,
        command as Parameters<AggregateHandlers['responsibilities']>[1],
        options,
      ),
  });
  stateRoute(app, context, {
    resource: 'assignments',
    idKey: 'assignmentId',
    summary: 'A responsibility assignment as its events leave it',
    noun: 'responsibility assignment',
    streamId: responsibilityStreamId,
    initial: initialResponsibilityState,
    evolve: evolveResponsibility,
  });
}
