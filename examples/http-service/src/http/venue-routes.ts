import {
  evolveVenue,
  initialVenueState,
  type VenueCommand,
  VenueCommandSchema,
  venueStreamId,
} from '@safeledger/core';
import type { FastifyInstance } from 'fastify';
import { commandRoutes, stateRoute } from './command-routes.js';
import type { ServiceContext } from './context.js';

/**
 * One POST route per venue command (spec §4.6: register, update, mark and unmark a responsible
 * party, patrol, self-check, deregister) and `GET /venues/:venueId`. Commands go through
 * `createVenueRegistry`, which claims the venue's unique keys first (V-1), so two registrations
 * of one venue cannot both succeed, even on two instances.
 */
export function venueRoutes(app: FastifyInstance, context: ServiceContext): void {
  commandRoutes(app, context, {
    resource: 'venues',
    idKey: 'venueId',
    schemas: VenueCommandSchema.options,
    creates: 'RegisterVenue',
    describe: (type) => `The ${type} command of a small venue.`,
    handle: (venueId, command, options) =>
      context.venues.handle(venueId, command as VenueCommand, options),
  });
  stateRoute(app, context, {
    resource: 'venues',
    idKey: 'venueId',
    summary: 'A small venue as its events leave it',
    noun: 'venue',
    streamId: venueStreamId,
    initial: initialVenueState,
    evolve: evolveVenue,
  });
}
