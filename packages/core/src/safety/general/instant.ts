import { z } from 'zod';

/** An ISO-8601 instant with an explicit offset (`Z` or `+08:00`): business time must be unambiguous. */
export const InstantSchema = z.iso.datetime({ offset: true }).meta({
  title: 'Instant',
  description:
    'An ISO-8601 date and time with an explicit offset, such as `2024-03-01T09:00:00+08:00` or `2024-03-01T01:00:00Z`.',
});
/** A `Instant`, as `InstantSchema` parses it. */
export type Instant = z.infer<typeof InstantSchema>;
