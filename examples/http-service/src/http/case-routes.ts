import {
  caseStreamId,
  type EnforcementCaseCommand,
  EnforcementCaseCommandSchema,
  type EnforcementCaseEvent,
  type EnforcementCaseState,
  evolveEnforcementCase,
  type FileCase,
  initialEnforcementCaseState,
  type SafetyActor,
} from '@safeledger/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authenticated } from './authenticated.js';
import type { ServiceContext } from './context.js';
import { commandPath } from './hazard-routes.js';
import { badRequest, notFound, sendProblem } from './problem.js';
import { etagOf, expectedVersionOf } from './versions.js';

const Params = z.object({ caseId: z.string().min(1).max(200) });

const CommandResponse = z.object({
  caseId: z.string(),
  commandId: z.string().optional(),
  version: z.number().int().describe('Stream version after the command'),
  events: z.array(z.object({ type: z.string(), version: z.number().int() })),
});

/**
 * One POST route per enforcement-case command (spec §4.2), in the style of the hazard routes:
 * the body is the command's own zod schema without `type`, `actor` (from the token) and `caseId`
 * (from the path). `FileCase` goes through `createCaseFiling`, which claims the case number
 * per agency and year first (EC-1), so two filings with one number cannot both succeed, even
 * on two instances.
 */
export function caseRoutes(app: FastifyInstance, context: ServiceContext): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  for (const schema of EnforcementCaseCommandSchema.options) {
    const type = schema.shape.type.value;
    // The union's members share no `omit` signature; each one is a strict ZodObject.
    const object = schema as z.ZodObject;
    const body = object.omit({
      type: true,
      actor: true,
      ...('caseId' in object.shape ? { caseId: true } : {}),
    });
    routes.post(
      `/cases/:caseId/${commandPath(type)}`,
      {
        schema: {
          summary: type,
          description: schema.description ?? `The ${type} command of an enforcement case.`,
          tags: ['cases'],
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
          return sendProblem(
            reply,
            badRequest('If-Match must be one version tag such as "3"', [
              { path: 'headers.if-match', message: 'not a version tag' },
            ]),
          );
        }
        const { caseId } = request.params;
        const command = {
          ...(request.body as object),
          type,
          actor,
          ...(type === 'FileCase' ? { caseId } : {}),
        } as EnforcementCaseCommand;
        const commandId = request.headers['idempotency-key'];
        const options = {
          ...(commandId !== undefined ? { commandId } : {}),
          ...(expectedVersion !== undefined ? { expectedVersion } : {}),
          metadata: { correlationId: request.id },
        };
        request.log.info({ commandId, type, caseId }, 'command received');
        const result =
          command.type === 'FileCase'
            ? await context.cases.filing.fileCase(command as FileCase, options)
            : await context.cases.handle(caseStreamId(caseId), command, options);
        // A retry answers with the original events, so the version is the last of them.
        const version = result.events.at(-1)?.version ?? result.nextVersion;
        request.log.info(
          { commandId, type, caseId, version, duplicate: result.duplicate },
          'command handled',
        );
        if (result.duplicate) void reply.header('idempotent-replayed', 'true');
        return reply.header('etag', etagOf(version)).send({
          caseId,
          ...(commandId !== undefined ? { commandId } : {}),
          version,
          events: result.events.map((event) => ({ type: event.type, version: event.version })),
        });
      },
    );
  }

  routes.get(
    '/cases/:caseId',
    {
      schema: {
        summary: 'An enforcement case as its events leave it',
        tags: ['cases'],
        params: Params,
      },
      preValidation: authenticated(context),
    },
    async (request, reply) => {
      const { caseId } = request.params;
      let state: EnforcementCaseState = initialEnforcementCaseState();
      let version = 0;
      for await (const event of context.store.readStream<EnforcementCaseEvent>(
        caseStreamId(caseId),
      )) {
        state = evolveEnforcementCase(state, event);
        version = event.version;
      }
      if (version === 0) return sendProblem(reply, notFound(`no enforcement case "${caseId}"`));
      return reply.header('etag', etagOf(version)).send({ caseId, version, state });
    },
  );
}
