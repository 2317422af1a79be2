import type { z } from 'zod';
import type { DomainEvent } from './envelope.js';
import { STORE_LIMITS } from './store-limits.js';

/** A named event type with the zod schema of its current payload shape. */
export interface EventDefinition<
  Type extends string = string,
  Schema extends z.ZodType = z.ZodType,
> {
  readonly type: Type;
  /** Version of the current payload shape; older stored versions are upcast to it. */
  readonly schemaVersion: number;
  readonly schema: Schema;
  /** Builds a typed domain event (no validation: the store validates on append). */
  create(data: z.input<Schema>): DomainEvent<Type, z.output<Schema>>;
}

/** The domain event type described by a definition. */
export type EventOf<D> =
  D extends EventDefinition<infer T, infer S> ? DomainEvent<T, z.output<S>> : never;

const PAST_TENSE_PASCAL = /^[A-Z][A-Za-z0-9]*$/;

/**
 * Defines an event type: its PascalCase past-tense name, its payload schema and the schema
 * version new events are written at.
 *
 * @example
 * const HazardRegistered = defineEvent('HazardRegistered', z.object({ hazardId: z.string() }));
 */
export function defineEvent<const Type extends string, Schema extends z.ZodType>(
  type: Type,
  schema: Schema,
  options: { schemaVersion?: number } = {},
): EventDefinition<Type, Schema> {
  if (!PAST_TENSE_PASCAL.test(type)) {
    throw new TypeError(`event type "${type}" must be PascalCase (e.g. "HazardRegistered")`);
  }
  const schemaVersion = options.schemaVersion ?? 1;
  if (
    !Number.isInteger(schemaVersion) ||
    schemaVersion < 1 ||
    schemaVersion > STORE_LIMITS.maxSchemaVersion
  ) {
    throw new TypeError(
      `schemaVersion of "${type}" must be an integer from 1 to ${STORE_LIMITS.maxSchemaVersion}, got ${schemaVersion}`,
    );
  }
  if (type.length > STORE_LIMITS.eventTypeLength) {
    throw new TypeError(
      `event type "${type.slice(0, 40)}…" is ${type.length} characters long; the limit is ${STORE_LIMITS.eventTypeLength}`,
    );
  }
  return {
    type,
    schemaVersion,
    schema,
    create: (data) => ({ type, data: data as z.output<Schema> }),
  };
}

/** Turns a payload written at `fromSchemaVersion` into the shape of the next version. */
export interface Upcaster<From = any, To = any> {
  readonly type: string;
  readonly fromSchemaVersion: number;
  /** Turns one payload of `fromSchemaVersion` into the next version's shape; pure. */
  readonly upcast: (data: From) => To;
}

/**
 * Defines one step of an upcaster chain (v1→v2); chains run step by step up to the current
 * version. Upcasters must be pure: they run on every read path, including rebuilds.
 */
export function defineUpcaster<From, To>(upcaster: Upcaster<From, To>): Upcaster<From, To> {
  if (!Number.isInteger(upcaster.fromSchemaVersion) || upcaster.fromSchemaVersion < 1) {
    throw new TypeError(
      `upcaster for "${upcaster.type}" needs an integer fromSchemaVersion ≥ 1, got ${upcaster.fromSchemaVersion}`,
    );
  }
  return upcaster;
}
