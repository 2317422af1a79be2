import { rulesInForce } from '@safeledger/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceContext } from './context.js';
import { localeOf } from './locale.js';

const Query = z.object({
  lang: z.enum(['zh-CN', 'en']).optional().describe('Overrides Accept-Language'),
  scope: z.string().optional().describe('Only the rules of one scope, e.g. Hazard or General'),
});

/**
 * The rule catalog in force under the service's policy, in the caller's language: what a client
 * shows next to a rejected command's `ruleId`. Public: the rules are the law, not a secret.
 */
export function ruleRoutes(app: FastifyInstance, context: ServiceContext): void {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get(
      '/rules',
      { schema: { summary: 'The rule catalog in force', tags: ['rules'], querystring: Query } },
      async (request) => {
        const locale = request.query.lang ?? localeOf(request.headers['accept-language']);
        return rulesInForce(context.policy)
          .filter((rule) => request.query.scope === undefined || rule.scope === request.query.scope)
          .map((rule) => ({
            id: rule.id,
            scope: rule.scope,
            title: rule.title[locale],
            statement: rule.statement[locale],
            basis: rule.basis,
            enforcement: rule.enforcement,
            policyValues: rule.policyValues,
            violations: Object.fromEntries(
              Object.entries(rule.violations).map(([name, text]) => [name, text[locale]]),
            ),
          }));
      },
    );
}
