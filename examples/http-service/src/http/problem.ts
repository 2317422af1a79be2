import {
  describeViolation,
  isConcurrencyError,
  isIdempotencyError,
  isProjectionLaggingError,
  isRuleViolation,
  isStoreFailure,
  isValidationError,
  type Locale,
} from '@safeledger/core';
import type { FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

/**
 * An RFC 9457 problem document. `type` is a stable URI per kind of problem so clients can branch
 * on it; the extension members (`ruleId`, `violation`, `errors`, …) carry what a client needs to
 * show or fix the request without parsing `detail`.
 */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly [extension: string]: unknown;
}

const base = 'https://safeledger.dev/problems/';

/** Sends a problem document with its media type. */
export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.status(problem.status).type('application/problem+json').send(problem);
}

/** 401: no usable credentials. Nothing about the token's contents is echoed back. */
export function unauthenticated(detail: string): Problem {
  return { type: `${base}unauthenticated`, title: 'Unauthenticated', status: 401, detail };
}

/** 403 under rule G-5: the authenticated person may not act as the request asks. */
export function forbidden(detail: string, rule = 'G-5'): Problem {
  return { type: `${base}forbidden`, title: 'Forbidden', status: 403, detail, ruleId: rule };
}

/** 404: the addressed resource has no events. */
export function notFound(detail: string): Problem {
  return { type: `${base}not-found`, title: 'Not found', status: 404, detail };
}

/** 400 with field paths, for input the schemas reject before any command runs. */
export function badRequest(
  detail: string,
  errors: readonly { path: string; message: string }[],
): Problem {
  return { type: `${base}invalid-input`, title: 'Invalid input', status: 400, detail, errors };
}

/**
 * Maps an error thrown while handling a request to a problem document, or undefined when it is
 * not one the service expects (the caller then answers 500 without leaking internals).
 */
export function problemOf(error: unknown, locale: Locale): Problem | undefined {
  if (hasZodFastifySchemaValidationErrors(error)) {
    return badRequest(
      'the request does not match its schema',
      error.validation.map((issue) => ({
        path: `${error.validationContext}${issue.instancePath.replaceAll('/', '.')}`,
        message: issue.message ?? 'invalid',
      })),
    );
  }
  if (isRuleViolation(error)) {
    const forbiddenRule = error.violation === 'Forbidden';
    return {
      type: `${base}${forbiddenRule ? 'forbidden' : 'rule-violation'}`,
      title: forbiddenRule ? 'Forbidden' : 'Rule violation',
      status: forbiddenRule ? 403 : 422,
      detail: describeViolation(error, locale),
      ruleId: error.rule,
      violation: error.violation,
      values: error.details,
    };
  }
  if (isValidationError(error)) {
    return badRequest(
      error.message,
      error.issues.map((issue) => ({ path: issue.path, message: issue.message })),
    );
  }
  if (isConcurrencyError(error)) {
    return {
      type: `${base}version-conflict`,
      title: 'Version conflict',
      status: 409,
      detail: error.message,
      currentVersion: error.actual,
    };
  }
  if (isIdempotencyError(error)) {
    return {
      type: `${base}idempotency-key-reused`,
      title: 'Idempotency key reused for a different command',
      status: 422,
      detail: error.message,
    };
  }
  if (isProjectionLaggingError(error) || (isStoreFailure(error) && error.transient)) {
    return {
      type: `${base}unavailable`,
      title: 'Temporarily unavailable',
      status: 503,
      detail: error.message,
      retryable: true,
    };
  }
  return undefined;
}
