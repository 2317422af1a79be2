import type { z } from 'zod';
import type { StoredEvent } from './envelope.js';
import type { ValidationIssue } from './errors.js';
import { UnknownEventTypeError, UnreadableEventError, ValidationError } from './errors.js';
import type { EventDefinition, Upcaster } from './event-definition.js';

/** What reads do with a stored event whose type has no registered schema (R2). */
export type UnknownEventTypePolicy = 'error' | 'skip' | 'raw';

/** Options of `createEventRegistry`. */
export interface EventRegistryOptions {
  readonly events: readonly EventDefinition[];
  readonly upcasters?: readonly Upcaster[];
  /** Defaults to `'error'`. */
  readonly unknownTypes?: UnknownEventTypePolicy;
}

/** The schemas and upcasters a store validates writes and decodes reads with. */
export interface EventRegistry {
  readonly unknownTypes: UnknownEventTypePolicy;
  /** Registered definition of a type, if any. */
  definition(type: string): EventDefinition | undefined;
  /**
   * Validates one event of a batch and returns its parsed payload at the current schema version.
   * @throws ValidationError (`VALIDATION_FAILED`) naming the event's index in the batch.
   */
  validate(
    event: { type: string; data: unknown; schemaVersion?: number },
    index: number,
  ): { data: unknown; schemaVersion: number };
  /**
   * Brings a stored event to its current shape; `undefined` means "skip it".
   * @throws UnknownEventTypeError (`UNKNOWN_EVENT_TYPE`) under the `error` policy.
   * @throws UnreadableEventError (`UNREADABLE_EVENT`) when no upcaster chain reaches the current version.
   */
  decode(event: StoredEvent): StoredEvent | undefined;
}

/**
 * Creates a registry from event definitions and upcasters. Inconsistent input (two definitions
 * of one type, an upcaster for an unknown type or a version at or above the current one) is
 * rejected here, at start-up, rather than on some later read.
 */
export function createEventRegistry(options: EventRegistryOptions): EventRegistry {
  const definitions = new Map<string, EventDefinition>();
  for (const definition of options.events) {
    if (definitions.has(definition.type)) {
      throw new TypeError(`event type "${definition.type}" is registered twice`);
    }
    definitions.set(definition.type, definition);
  }

  const upcasters = new Map<string, Upcaster>();
  for (const upcaster of options.upcasters ?? []) {
    const definition = definitions.get(upcaster.type);
    if (definition === undefined) {
      throw new TypeError(`upcaster for unregistered event type "${upcaster.type}"`);
    }
    if (upcaster.fromSchemaVersion >= definition.schemaVersion) {
      throw new TypeError(
        `upcaster for "${upcaster.type}" from schema version ${upcaster.fromSchemaVersion} is not below the current version ${definition.schemaVersion}`,
      );
    }
    const key = upcasterKey(upcaster.type, upcaster.fromSchemaVersion);
    if (upcasters.has(key)) {
      throw new TypeError(
        `two upcasters for "${upcaster.type}" from schema version ${upcaster.fromSchemaVersion}`,
      );
    }
    upcasters.set(key, upcaster);
  }

  const unknownTypes = options.unknownTypes ?? 'error';

  return {
    unknownTypes,
    definition: (type) => definitions.get(type),

    validate(event, index) {
      const definition = definitions.get(event.type);
      if (definition === undefined) {
        throw new ValidationError(`event ${index} has unregistered type "${event.type}"`, [
          { index, type: event.type, path: '', message: 'no schema is registered for this type' },
        ]);
      }
      if (event.schemaVersion !== undefined && event.schemaVersion !== definition.schemaVersion) {
        throw new ValidationError(
          `event ${index} ("${event.type}") is schema version ${event.schemaVersion}; appends write the current version ${definition.schemaVersion}`,
          [
            {
              index,
              type: event.type,
              path: '',
              message: `schemaVersion must be ${definition.schemaVersion}`,
            },
          ],
        );
      }
      const parsed = definition.schema.safeParse(event.data);
      if (!parsed.success) {
        const issues = toIssues(parsed.error, index, event.type);
        throw new ValidationError(
          `event ${index} ("${event.type}") is invalid: ${issues.map(describeIssue).join('; ')}`,
          issues,
          { cause: parsed.error },
        );
      }
      return { data: parsed.data, schemaVersion: definition.schemaVersion };
    },

    decode(event) {
      const where = { eventId: event.eventId, type: event.type, position: event.position };
      const definition = definitions.get(event.type);
      if (definition === undefined) {
        if (unknownTypes === 'error') {
          throw new UnknownEventTypeError(event.type, event.streamId, event.version, {
            eventId: event.eventId,
            position: event.position,
          });
        }
        return unknownTypes === 'skip' ? undefined : event;
      }
      if (event.schemaVersion === definition.schemaVersion) return event;
      if (event.schemaVersion > definition.schemaVersion) {
        throw new UnreadableEventError(
          event.streamId,
          event.version,
          `"${event.type}" was written at schema version ${event.schemaVersion}, newer than the registered version ${definition.schemaVersion}`,
          where,
        );
      }
      let data = event.data;
      for (let from = event.schemaVersion; from < definition.schemaVersion; from++) {
        const upcaster = upcasters.get(upcasterKey(event.type, from));
        if (upcaster === undefined) {
          throw new UnreadableEventError(
            event.streamId,
            event.version,
            `no upcaster for "${event.type}" from schema version ${from} to ${from + 1}`,
            where,
          );
        }
        try {
          data = upcaster.upcast(data);
        } catch (error) {
          throw new UnreadableEventError(
            event.streamId,
            event.version,
            `upcaster for "${event.type}" from schema version ${from} failed`,
            { ...where, cause: error },
          );
        }
      }
      // Check the upcast shape: a buggy upcaster must fail loudly here, not deep in a fold.
      const parsed = definition.schema.safeParse(data);
      if (!parsed.success) {
        throw new UnreadableEventError(
          event.streamId,
          event.version,
          `"${event.type}" upcast from schema version ${event.schemaVersion} does not match the current schema: ${toIssues(parsed.error, 0, event.type).map(describeIssue).join('; ')}`,
          { ...where, cause: parsed.error },
        );
      }
      return { ...event, data: parsed.data, schemaVersion: definition.schemaVersion };
    },
  };
}

function upcasterKey(type: string, fromSchemaVersion: number): string {
  return `${type}@${fromSchemaVersion}`;
}

function toIssues(error: z.ZodError, index: number, type: string): ValidationIssue[] {
  return error.issues.map((issue) => ({
    index,
    type,
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

function describeIssue(issue: ValidationIssue): string {
  return issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`;
}
