import {
  evolveHazard,
  type HazardCommand,
  HazardCommandSchema,
  type HazardEvent,
  type HazardState,
  hazardStreamId,
  initialHazardState,
  type SafetyActor,
} from '@safeledger/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authenticated } from './authenticated.js';
import type { ServiceContext } from './context.js';
import { notFound, sendProblem } from './problem.js';
import { etagOf, expectedVersionOf } from './versions.js';

/** `RegisterHazard` → `register-hazard`: the path segment of a command's route. */
export function commandPath(type: string): string {
  return type.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

const Params = z.object({ hazardId: z.string().min(1).max(200) });

const CommandResponse = z.object({
  hazardId: z.string(),
  commandId: z.string().optional(),
  version: z.number().int().describe('Stream version after the command'),
  events: z.array(z.object({ type: z.string(), version: z.number().int() })),
});

/**
 * One POST route per hazard command, its body the command's own zod schema without `type`,
 * `actor` (from the token) and `hazardId` (from the path), so the OpenAPI document and the
 * validation come from the library's schemas and cannot drift from them.
 */
export function hazardRoutes(app: FastifyInstance, context: ServiceContext): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  for (const schema of HazardCommandSchema.options) {
    const type = schema.shape.type.value;
    // The union of 19 schemas has no common `omit` signature; each one is a strict ZodObject.
    const object = schema as z.ZodObject;
    // zod refuses to omit a key a schema lacks; only RegisterHazard carries `hazardId`.
    const body = object.omit({
      type: true,
      actor: true,
      ...('hazardId' in object.shape ? { hazardId: true } : {}),
    });
    routes.post(
      `/hazards/:hazardId/${commandPath(type)}`,
      {
        schema: {
          summary: type,
          description: schema.description ?? `The ${type} command of the hazard loop.`,
          tags: ['hazards'],
          params: Params,
          body,
          headers: z.object({
            'idempotency-key': z.string().min(1).max(200).optional(),
            'if-match': z.string().optional(),
          }),
          response: { 200: CommandResponse },
        },
        preValidation: authenticated(context),
      },
      async (request, reply) => {
        const actor = request.actor as SafetyActor;
        const expectedVersion = expectedVersionOf(request.headers['if-match']);
        if (expectedVersion === null) {
          return sendProblem(reply, {
            type: 'https://safeledger.dev/problems/invalid-input',
            title: 'Invalid input',
            status: 400,
            detail: 'If-Match must be one version tag such as "3"',
            errors: [{ path: 'headers.if-match', message: 'not a version tag' }],
          });
        }
        const { hazardId } = request.params;
        const command = {
          ...(request.body as object),
          type,
          actor,
          ...(type === 'RegisterHazard' ? { hazardId } : {}),
        } as HazardCommand;
        const commandId = request.headers['idempotency-key'];
        request.log.info({ commandId, type, hazardId }, 'command received');
        const result = await context.handle(hazardStreamId(hazardId), command, {
          ...(commandId !== undefined ? { commandId } : {}),
          ...(expectedVersion !== undefined ? { expectedVersion } : {}),
          metadata: { correlationId: request.id },
        });
        // A retry answers with the original events; the version is the last of them, so the
        // answer is the first answer even when later commands moved the stream on.
        const last = result.events.at(-1);
        const version = last?.version ?? result.nextVersion;
        request.log.info(
          { commandId, type, hazardId, version, duplicate: result.duplicate },
          'command handled',
        );
        if (result.duplicate) void reply.header('idempotent-replayed', 'true');
        return reply.header('etag', etagOf(version)).send({
          hazardId,
          ...(commandId !== undefined ? { commandId } : {}),
          version,
          events: result.events.map((event) => ({ type: event.type, version: event.version })),
        });
      },
    );
  }

  routes.get(
    '/hazards/:hazardId',
    {
      schema: {
        summary: 'A hazard as its events leave it',
        tags: ['hazards'],
        params: Params,
      },
      preValidation: authenticated(context),
    },
    async (request, reply) => {
      const { hazardId } = request.params;
      let state: HazardState = initialHazardState();
      let version = 0;
      for await (const event of context.store.readStream<HazardEvent>(hazardStreamId(hazardId))) {
        state = evolveHazard(state, event);
        version = event.version;
      }
      if (version === 0) return sendProblem(reply, notFound(`no hazard "${hazardId}"`));
      return reply.header('etag', etagOf(version)).send({ hazardId, version, state });
    },
  );
}
