import { evolveSite, initialSiteState, SiteCommandSchema, siteStreamId } from '@safeledger/core';
import type { FastifyInstance } from 'fastify';
import type { AggregateHandlers } from '../commands/aggregate-handlers.js';
import { commandRoutes, stateRoute } from './command-routes.js';
import type { ServiceContext } from './context.js';

/**
 * One POST route per multi-tenant site command (spec §4.7: register the site, register, sign,
 * check and end tenancies, record a device installation) and `GET /sites/:siteId`.
 */
export function siteRoutes(app: FastifyInstance, context: ServiceContext): void {
  commandRoutes(app, context, {
    resource: 'sites',
    idKey: 'siteId',
    schemas: SiteCommandSchema.options,
    creates: 'RegisterSite',
    describe: (type) => `The ${type} command of a multi-tenant site.`,
    handle: (id, command, options) =>
      context.commands.sites(id, command as Parameters<AggregateHandlers['sites']>[1], options),
  });
  stateRoute(app, context, {
    resource: 'sites',
    idKey: 'siteId',
    summary: 'A multi-tenant site as its events leave it',
    noun: 'multi-tenant site',
    streamId: siteStreamId,
    initial: initialSiteState,
    evolve: evolveSite,
  });
}
