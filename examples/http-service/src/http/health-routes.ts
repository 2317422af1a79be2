import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from './context.js';

/** How many events the projections may lag before the instance reports not ready. */
export const READY_LAG_LIMIT = 1000;

/**
 * Liveness (`/healthz`: the process answers) and readiness (`/readyz`: the store answers and
 * the projections are within `READY_LAG_LIMIT` events of the log), for a load balancer or an
 * orchestrator's probes.
 */
export function healthRoutes(app: FastifyInstance, context: ServiceContext): void {
  app.get('/healthz', { schema: { summary: 'Liveness', tags: ['health'] } }, async () => ({
    status: 'ok',
  }));
  app.get(
    '/readyz',
    { schema: { summary: 'Readiness and projection lag', tags: ['health'] } },
    async (_request, reply) => {
      try {
        const lag = context.lag === undefined ? undefined : await context.lag();
        const ready = lag === undefined || lag.events <= READY_LAG_LIMIT;
        return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'lagging', lag });
      } catch (error) {
        return reply.status(503).send({
          status: 'unavailable',
          error: error instanceof Error ? error.message : String(error),
        });
      }
    },
  );
}
