import { z } from 'zod';
import { RoleSchema } from '../roles/role.js';

/**
 * A person and the roles they may act in. A person belongs to one organisation or one enterprise
 * (§2); a venue operator lists the venues they run in `venueIds`.
 */
export const PersonRecordSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    roles: z.array(RoleSchema).min(1),
    orgId: z.string().min(1).optional(),
    enterpriseId: z.string().min(1).optional(),
    venueIds: z.array(z.string().min(1)).default(() => []),
    enforcementCredentialNo: z.string().min(1).optional(),
  })
  .strict()
  .refine((person) => person.orgId === undefined || person.enterpriseId === undefined, {
    message: 'a person belongs to an organisation or an enterprise, not both',
    path: ['enterpriseId'],
  });
/** A `PersonRecord`, as `PersonRecordSchema` parses it. */
export type PersonRecord = z.infer<typeof PersonRecordSchema>;
