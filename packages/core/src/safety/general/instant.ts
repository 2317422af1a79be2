import { z } from 'zod';

/** An ISO-8601 instant with an explicit offset (`Z` or `+08:00`): business time must be unambiguous. */
export const InstantSchema = z.iso.datetime({ offset: true });
/** A `Instant`, as `InstantSchema` parses it. */
export type Instant = z.infer<typeof InstantSchema>;
