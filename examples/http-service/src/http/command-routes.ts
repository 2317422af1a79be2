import type { DomainEvent, HandleOptions, SafetyActor } from '@safeledger/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authenticated } from './authenticated.js';
import type { ServiceContext } from './context.js';
import { badRequest, notFound, sendProblem } from './problem.js';
import { etagOf, expectedVersionOf } from './versions.js';

/** `RegisterHazard` → `register-hazard`: the path segment of a command's route. */
export function commandPath(type: string): string {
  return type.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/** What a command route needs from a handler's answer. */
export interface HandledCommand {
  readonly events: readonly { readonly type: string; readonly version: number }[];
  readonly nextVersion: number;
  readonly duplicate: boolean;
}

/** One aggregate's command routes: `POST /{resource}/:{idKey}/{kebab-command}`. */
export interface CommandRoutesOptions {
  /** Path segment and OpenAPI tag, e.g. `hazards`. */
  readonly resource: string;
  /** Name of the path parameter and of the id field in commands, e.g. `hazardId`. */
  readonly idKey: string;
  /** The path parameter's schema when an id has a form of its own (a roster's month). */
  readonly idSchema?: z.ZodString;
  /** The aggregate's command schemas, each a strict object with a literal `type`. */
  readonly schemas: readonly z.ZodObject[];
  /** The one command whose body carries the id (the one that creates the stream). */
  readonly creates: string;
  /** OpenAPI description for a command schema that has none. */
  readonly describe: (type: string) => string;
  readonly handle: (
    id: string,
    command: { readonly type: string; readonly actor: SafetyActor },
    options: HandleOptions,
  ) => Promise<HandledCommand>;
}

/**
 * One POST route per command, its body the command's own zod schema without `type`, `actor`
 * (from the token) and the id (from the path), so the OpenAPI document and the validation come
 * from the library's schemas and cannot drift from them. `If-Match` becomes the expected version
 * and `Idempotency-Key` the command id; a retry answers with the original events.
 */
export function commandRoutes(
  app: FastifyInstance,
  context: ServiceContext,
  options: CommandRoutesOptions,
): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { resource, idKey } = options;
  const params = z.object({ [idKey]: idParam(options.idSchema) });
  const response = z.object({
    [idKey]: z.string(),
    commandId: z.string().optional(),
    version: z.number().int().describe('Stream version after the command'),
    events: z.array(z.object({ type: z.string(), version: z.number().int() })),
  });
  for (const schema of options.schemas) {
    const type = (schema.shape.type as z.ZodLiteral<string>).value;
    // zod refuses to omit a key a schema lacks; only the creating command carries the id.
    const body = schema.omit({
      type: true,
      actor: true,
      ...(idKey in schema.shape ? { [idKey]: true } : {}),
    });
    routes.post(
      `/${resource}/:${idKey}/${commandPath(type)}`,
      {
        schema: {
          summary: type,
          description: schema.description ?? options.describe(type),
          tags: [resource],
          params,
          body,
          headers: z.object({
            'idempotency-key': z.string().min(1).max(200).optional(),
            'if-match': z.string().optional(),
          }),
          response: { 200: response },
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
        const id = (request.params as Record<string, string>)[idKey]!;
        const command = {
          ...(request.body as object),
          type,
          actor,
          ...(type === options.creates ? { [idKey]: id } : {}),
        };
        const commandId = request.headers['idempotency-key'];
        request.log.info({ commandId, type, [idKey]: id }, 'command received');
        const result = await options.handle(id, command, {
          ...(commandId !== undefined ? { commandId } : {}),
          ...(expectedVersion !== undefined ? { expectedVersion } : {}),
          metadata: { correlationId: request.id },
        });
        // A retry answers with the original events; the version is the last of them, so the
        // answer is the first answer even when later commands moved the stream on.
        const version = result.events.at(-1)?.version ?? result.nextVersion;
        request.log.info(
          { commandId, type, [idKey]: id, version, duplicate: result.duplicate },
          'command handled',
        );
        if (result.duplicate) void reply.header('idempotent-replayed', 'true');
        return reply.header('etag', etagOf(version)).send({
          [idKey]: id,
          ...(commandId !== undefined ? { commandId } : {}),
          version,
          events: result.events.map((event) => ({ type: event.type, version: event.version })),
        });
      },
    );
  }
}

/** `GET /{resource}/:{idKey}`: the aggregate folded from its stream, with its version as ETag. */
export function stateRoute<State, Event extends DomainEvent>(
  app: FastifyInstance,
  context: ServiceContext,
  options: {
    readonly resource: string;
    readonly idKey: string;
    readonly idSchema?: z.ZodString;
    readonly summary: string;
    /** Names the aggregate in the 404 detail, e.g. `hazard`. */
    readonly noun: string;
    readonly streamId: (id: string) => string;
    readonly initial: () => State;
    readonly evolve: (state: State, event: Event) => State;
  },
): void {
  const { resource, idKey } = options;
  app.withTypeProvider<ZodTypeProvider>().get(
    `/${resource}/:${idKey}`,
    {
      schema: {
        summary: options.summary,
        tags: [resource],
        params: z.object({ [idKey]: idParam(options.idSchema) }),
      },
      preValidation: authenticated(context),
    },
    async (request, reply) => {
      const id = (request.params as Record<string, string>)[idKey]!;
      let state = options.initial();
      let version = 0;
      for await (const event of context.store.readStream<Event>(options.streamId(id))) {
        state = options.evolve(state, event);
        version = event.version;
      }
      if (version === 0) return sendProblem(reply, notFound(`no ${options.noun} "${id}"`));
      return reply.header('etag', etagOf(version)).send({ [idKey]: id, version, state });
    },
  );
}

/** An id path parameter: the aggregate's own form when it has one, else any short text. */
function idParam(idSchema: z.ZodString | undefined): z.ZodString {
  return (idSchema ?? z.string().min(1)).max(200);
}
