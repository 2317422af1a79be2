/**
 * A command or option type as callers may write it: every array, at any depth, may be
 * `readonly`, so values declared `as const` or kept in readonly fields type-check. Schemas still
 * parse plain arrays; this widens only what the compiler accepts.
 */
export type ReadonlyInput<T> = T extends readonly (infer Item)[]
  ? readonly ReadonlyInput<Item>[]
  : T extends object
    ? { [K in keyof T]: ReadonlyInput<T[K]> }
    : T;
