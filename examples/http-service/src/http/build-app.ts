import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { activityReadRoutes } from './activity-read-routes.js';
import { activityRoutes } from './activity-routes.js';
import { caseReadRoutes } from './case-read-routes.js';
import { caseRoutes } from './case-routes.js';
import { closureWatchRoutes } from './closure-watch-routes.js';
import type { ServiceContext } from './context.js';
import { dutyReadRoutes } from './duty-read-routes.js';
import { dutyRoutes } from './duty-routes.js';
import { enterpriseReadRoutes } from './enterprise-read-routes.js';
import { enterpriseRoutes } from './enterprise-routes.js';
import { figureRoutes } from './figure-routes.js';
import { handoverReadRoutes } from './handover-read-routes.js';
import { hazardRoutes } from './hazard-routes.js';
import { healthRoutes } from './health-routes.js';
import { inspectionReadRoutes } from './inspection-read-routes.js';
import { inspectionRoutes } from './inspection-routes.js';
import { itemRoutes } from './item-routes.js';
import { ledgerRoutes } from './ledger-routes.js';
import { localeOf } from './locale.js';
import { planLedgerRoutes } from './plan-ledger-routes.js';
import { planRoutes } from './plan-routes.js';
import { problemOf, sendProblem } from './problem.js';
import { responsibilityLedgerRoutes } from './responsibility-ledger-routes.js';
import { responsibilityReadRoutes } from './responsibility-read-routes.js';
import { responsibilityRoutes } from './responsibility-routes.js';
import { ruleRoutes } from './rule-routes.js';
import { siteReadRoutes } from './site-read-routes.js';
import { siteRoutes } from './site-routes.js';
import { venueReadRoutes } from './venue-read-routes.js';
import { venueRoutes } from './venue-routes.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** `METHOD /path` of every documented route, in registration order. */
    readonly registeredRoutes: readonly string[];
  }
}

/** Options of `buildApp`. */
export interface BuildAppOptions {
  /** Fastify's logger setting: `true` for JSON logs on stdout, `false` in tests. */
  readonly logger?: FastifyServerOptions['logger'];
}

/**
 * The HTTP application: routes validated and documented by the library's zod schemas, errors as
 * RFC 9457 problem documents, the OpenAPI document at `/openapi.json`. It does not listen;
 * `startService` does, so tests can inject requests or bind a free port.
 */
export async function buildApp(
  context: ServiceContext,
  options: BuildAppOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    // Request ids become the commands' correlation ids, so a log line leads to the events.
    genReqId: () => crypto.randomUUID(),
  });
  // Every route as registered, so a test can hold the OpenAPI document to the real routes.
  const routes: string[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const hidden = (route.schema as { hide?: boolean } | undefined)?.hide === true;
    for (const method of methods) {
      if (method !== 'HEAD' && !hidden) routes.push(`${method} ${route.url}`);
    }
  });
  app.decorate('registeredRoutes', routes);
  // A graceful close waits for open connections; a keep-alive connection whose request was in
  // flight would hold it open until the client's timeout. Once closing, answers close theirs.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    if (closing) void reply.header('connection', 'close');
    return payload;
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(swagger, {
    openapi: {
      info: { title: 'safeledger example service', version: '0.0.0' },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  app.setErrorHandler((error, request, reply) => {
    const problem = problemOf(error, localeOf(request.headers['accept-language']));
    if (problem !== undefined) return sendProblem(reply, problem);
    request.log.error({ err: error }, 'unexpected error');
    return sendProblem(reply, {
      type: 'https://safeledger.dev/problems/internal',
      title: 'Internal error',
      status: 500,
      detail: `see the service log for request ${request.id}`,
    });
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, {
      type: 'https://safeledger.dev/problems/not-found',
      title: 'Not found',
      status: 404,
      detail: `no route ${request.method} ${request.url}`,
    }),
  );
  hazardRoutes(app, context);
  caseRoutes(app, context);
  venueRoutes(app, context);
  inspectionRoutes(app, context);
  itemRoutes(app, context);
  responsibilityRoutes(app, context);
  siteRoutes(app, context);
  enterpriseRoutes(app, context);
  activityRoutes(app, context);
  planRoutes(app, context);
  dutyRoutes(app, context);
  ledgerRoutes(app, context);
  figureRoutes(app, context);
  caseReadRoutes(app, context);
  ruleRoutes(app, context);
  healthRoutes(app, context);
  inspectionReadRoutes(app, context);
  venueReadRoutes(app, context);
  handoverReadRoutes(app, context);
  siteReadRoutes(app, context);
  enterpriseReadRoutes(app, context);
  activityReadRoutes(app, context);
  dutyReadRoutes(app, context);
  responsibilityReadRoutes(app, context);
  closureWatchRoutes(app, context);
  responsibilityLedgerRoutes(app, context);
  planLedgerRoutes(app, context);
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  return app;
}
