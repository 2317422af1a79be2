import { z } from 'zod';
import { enterpriseRoles, organizationRoles, RoleSchema } from './role.js';

/**
 * Who issues a domain command: a person acting in one role for an organisation (`orgId`) or an
 * enterprise (`enterpriseId`). Structurally a kernel `Actor`, so it can go into event metadata
 * unchanged. Which id is required follows from the role: enterprise roles carry `enterpriseId`,
 * government roles `orgId`; a `VenueOperator` may carry the `enterpriseId` that runs the venue,
 * an `Expert` the `orgId` of an assessment agency, and `System` neither.
 */
export const SafetyActorSchema = z
  .object({
    personId: z.string().min(1),
    role: RoleSchema,
    orgId: z.string().min(1).optional(),
    enterpriseId: z.string().min(1).optional(),
  })
  .strict()
  .superRefine((actor, ctx) => {
    const needsEnterprise = enterpriseRoles.includes(actor.role);
    const needsOrg = organizationRoles.includes(actor.role);
    if (needsEnterprise && actor.enterpriseId === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['enterpriseId'],
        message: `role ${actor.role} acts for an enterprise and needs enterpriseId`,
      });
    }
    if (needsOrg && actor.orgId === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['orgId'],
        message: `role ${actor.role} acts for an organisation and needs orgId`,
      });
    }
    const orgForbidden =
      needsEnterprise || actor.role === 'VenueOperator' || actor.role === 'System';
    if (orgForbidden && actor.orgId !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['orgId'],
        message: `role ${actor.role} does not act for an organisation`,
      });
    }
    const enterpriseForbidden = needsOrg || actor.role === 'Expert' || actor.role === 'System';
    if (enterpriseForbidden && actor.enterpriseId !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['enterpriseId'],
        message: `role ${actor.role} does not act for an enterprise`,
      });
    }
  })
  .meta({
    title: 'SafetyActor',
    description:
      'Who acts: `personId`, the `role` they act in, and `orgId` (government roles) or `enterpriseId` (enterprise roles; a VenueOperator may carry the enterprise running the venue). `System` carries neither. The directory must back all of it (G-5).',
  });
/** A `SafetyActor`, as `SafetyActorSchema` parses it. */
export type SafetyActor = z.infer<typeof SafetyActorSchema>;

/** The actor's role and the id it acts for, for messages (`Principal p-1 of ent-1`). */
export function describeActor(actor: SafetyActor): string {
  const affiliation = actor.orgId ?? actor.enterpriseId;
  return `${actor.role} ${actor.personId}${affiliation === undefined ? '' : ` of ${affiliation}`}`;
}
