import { HazardGradeSchema, HazardSourceSchema } from '@safeledger/core';
import { z } from 'zod';
import { PERIOD_PATTERN } from './period.js';

// Query parameters of the read endpoints. Each is checked here, so a bad value is a 400 problem
// naming the parameter (`querystring.limit`) before any query runs.

/** An identifier in a query: an organisation, enterprise, list or campaign id. */
export const id = z.string().min(1).max(200);

/** `lang`: the response language, overriding `Accept-Language`. */
export const lang = z.enum(['zh-CN', 'en']).optional().describe('Overrides Accept-Language');

/** The as-of instant T; the request's time when absent, and echoed in the answer. */
export const asOf = z.iso
  .datetime({ offset: true })
  .optional()
  .describe('As-of instant T, ISO-8601 with offset; now when absent');

/** The period P: a calendar year, quarter, month or day in the policy's time zone. */
export const period = z
  .string()
  .regex(
    PERIOD_PATTERN,
    'must be a year (2024), quarter (2024-Q3), month (2024-05) or day (2024-05-17)',
  )
  .optional()
  .describe('Period P: 2024, 2024-Q3, 2024-05 or 2024-05-17 in the policy time zone');

/** The filter F of spec §5 (the organisation comes from the reader's scope, `read-scope.ts`). */
export const hazardFilter = {
  areaId: id.optional().describe('Area snapshot of the hazard'),
  sectorCode: id.optional(),
  grade: HazardGradeSchema.optional().describe('Grade (as of T in the figures)'),
  source: HazardSourceSchema.optional(),
  campaignId: id.optional(),
  subjectKind: z.enum(['enterprise', 'venue', 'site']).optional(),
  enterpriseId: id
    .optional()
    .describe(
      "Only this enterprise's hazards (its own, its sites' and its venues'); an enterprise's own staff may name only their own",
    ),
};

/** Keyset paging: the `nextCursor` of the previous page, and a page size. */
export const paging = {
  cursor: z.string().min(1).max(2000).optional().describe('nextCursor of the previous page'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
};

/** The dimensions a rate can be broken down by. */
export const RateDimension = z.enum([
  'areaId',
  'sectorCode',
  'source',
  'subjectKind',
  'supervisingOrgId',
]);
