import type { InMemoryDirectory, Locale, SafetyActor } from '@safeledger/core';
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
 * the 403 G-5 refusal), narrowed to the enterprise the query names, and the language from
 * `lang` or `Accept-Language`.
 */
export function readerOf(request: FastifyRequest, directory: InMemoryDirectory): Reader | Problem {
  const query = request.query as { lang?: Locale; enterpriseId?: string } | undefined;
  const scope = readScopeOf(request.actor as SafetyActor, directory, query?.enterpriseId);
  if ('status' in scope) return scope;
  return { scope, locale: query?.lang ?? localeOf(request.headers['accept-language']) };
}
