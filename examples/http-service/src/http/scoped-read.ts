import type { Locale, SafetyActor } from '@safeledger/core';
import type { FastifyRequest } from 'fastify';
import { localeOf } from './locale.js';
import type { Problem } from './problem.js';
import { type ReadScope, readScopeOf } from './read-scope.js';

/** What a read handler needs besides its query: the reader's scope and language. */
export interface Reader {
  readonly scope: ReadScope;
  readonly locale: Locale;
}

/**
 * The reader of a request whose `authenticated` hook has set the actor: their read scope (or
 * the 403 G-5 refusal) and the language from `lang` or `Accept-Language`.
 */
export function readerOf(request: FastifyRequest): Reader | Problem {
  const scope = readScopeOf(request.actor as SafetyActor);
  if ('status' in scope) return scope;
  const query = request.query as { lang?: Locale } | undefined;
  return { scope, locale: query?.lang ?? localeOf(request.headers['accept-language']) };
}
