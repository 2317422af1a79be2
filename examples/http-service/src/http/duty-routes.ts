import {
  DutyRosterCommandSchema,
  dutyRosterStreamId,
  evolveDutyRoster,
  initialDutyRosterState,
} from '@safeledger/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AggregateHandlers } from '../commands/aggregate-handlers.js';
import { commandRoutes, stateRoute } from './command-routes.js';
import type { ServiceContext } from './context.js';

/**
 * One POST route per duty-roster command (spec §4.9: schedule a month, hand a shift over,
 * report incident information) and `GET /duty-rosters/:month`, the roster named by its month
 * `YYYY-MM` (stream `duty-{yyyy-mm}`).
 */
// The roster's month as the path names it; the library's stream id refuses any other form.
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month written YYYY-MM');

export function dutyRoutes(app: FastifyInstance, context: ServiceContext): void {
  commandRoutes(app, context, {
    resource: 'duty-rosters',
    idKey: 'month',
    idSchema: month,
    schemas: DutyRosterCommandSchema.options,
    creates: 'ScheduleDutyRoster',
    describe: (type) => `The ${type} command of a duty roster.`,
    handle: (id, command, options) =>
      context.commands.duty(id, command as Parameters<AggregateHandlers['duty']>[1], options),
  });
  stateRoute(app, context, {
    resource: 'duty-rosters',
    idKey: 'month',
    idSchema: month,
    summary: 'A month’s duty roster as its events leave it',
    noun: 'duty roster',
    streamId: dutyRosterStreamId,
    initial: initialDutyRosterState,
    evolve: evolveDutyRoster,
  });
}
