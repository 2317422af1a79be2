import { z } from 'zod';

/** What a hazard (or an inspection) is about: an enterprise, a small venue or a multi-tenant site. */
export const SubjectRefSchema = z
  .object({ kind: z.enum(['enterprise', 'venue', 'site']), id: z.string().min(1) })
  .strict()
  .meta({
    title: 'SubjectRef',
    description:
      'What a hazard is about: `kind` (`enterprise`, `venue` or `site`) and the `id` of that record in the directory.',
  });
/** A `SubjectRef`, as `SubjectRefSchema` parses it. */
export type SubjectRef = z.infer<typeof SubjectRefSchema>;
/** The kinds of subject a hazard can be about. */
export type SubjectKind = SubjectRef['kind'];

/**
 * The classification scope checks read (G-5) and events snapshot (G-8): the area, the sector of
 * the responsible enterprise (none for a venue), the venue category (venues only) and specialty
 * tags such as `gas` or `special_equipment`.
 */
export interface SubjectClassification {
  readonly areaId: string;
  readonly sectorCode: string | null;
  readonly venueCategory: string | null;
  readonly specialties: readonly string[];
}
