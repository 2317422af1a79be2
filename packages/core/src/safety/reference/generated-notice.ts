/** The first line of every generated page: where it comes from and how to regenerate it. */
export const GENERATED_NOTICE =
  '<!-- Generated from the zod schemas and rule catalogs by packages/core/src/safety/reference. Do not edit by hand: run `pnpm docs:generate`. -->';
