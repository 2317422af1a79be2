import type { SafetyActor } from '@safeledger/core';
import type { FastifyReply, FastifyRequest, preValidationAsyncHookHandler } from 'fastify';
import type { ServiceContext } from './context.js';
import { authenticate } from './identity.js';
import { forbidden, sendProblem } from './problem.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated actor, set by the `authenticated` hook before validation. */
    actor?: SafetyActor;
  }
}

/**
 * A route hook that authenticates the request before its body is validated, so an anonymous
 * caller learns nothing about the schemas, and refuses a body that names an actor: the actor is
 * the token's, and a body naming anyone else is an attempt to act for them (G-5).
 */
export function authenticated(context: ServiceContext): preValidationAsyncHookHandler {
  return async function authenticateRequest(request: FastifyRequest, reply: FastifyReply) {
    const identity = await authenticate(
      request.headers.authorization,
      context.verification,
      context.directory,
    );
    if ('problem' in identity) {
      await sendProblem(reply, identity.problem);
      return;
    }
    const body = request.body;
    if (typeof body === 'object' && body !== null && 'actor' in body) {
      if (!sameActor((body as { actor: unknown }).actor, identity.actor)) {
        await sendProblem(
          reply,
          forbidden(
            `the acting person comes from the bearer token (${identity.actor.personId}); the body names another actor`,
          ),
        );
        return;
      }
      // The same actor restated: accepted, and dropped so the command takes the token's.
      delete (body as { actor?: unknown }).actor;
    }
    request.actor = identity.actor;
  };
}

function sameActor(named: unknown, actor: SafetyActor): boolean {
  if (typeof named !== 'object' || named === null) return false;
  const other = named as Record<string, unknown>;
  const keys = new Set([...Object.keys(other), ...Object.keys(actor)]);
  return [...keys].every((key) => other[key] === (actor as Record<string, unknown>)[key]);
}
