import type { z } from 'zod';
import type { EventDefinition } from '../eventsourcing/event-definition.js';
import { HazardCommandSchema } from './hazard/commands.js';
import { hazardEvents } from './hazard/events.js';
import { hazardRules } from './hazard/rules.js';
import { ResponsibilityCommandSchema } from './responsibility/commands.js';
import { responsibilityEvents } from './responsibility/events.js';
import { responsibilityRules } from './responsibility/rules.js';
import type { RuleEntry } from './rules/rule-catalog.js';

/**
 * What the library knows about one implemented aggregate: its rules, command schemas and event
 * definitions. This list is the single registry the rule catalog, the README's status table and
 * the generated command and event reference read, so an aggregate added here appears in all of
 * them (and the docs test asks for its descriptions).
 */
export interface AggregateCatalog {
  /** Aggregate name of the domain spec, e.g. `Hazard`. */
  readonly name: string;
  /** Stream id pattern, e.g. `hazard-{id}`. */
  readonly stream: string;
  /** Section of the domain spec that defines it, e.g. `4.1`. */
  readonly specSection: string;
  /** File-name stem of its pages under docs/domain (`hazard` → `hazard-reference.md`). */
  readonly slug: string;
  readonly rules: readonly RuleEntry[];
  /** One strict object schema per command, each with a literal `type`. */
  readonly commands: readonly z.ZodObject[];
  readonly events: readonly EventDefinition[];
}

const hazard = {
  name: 'Hazard',
  stream: 'hazard-{id}',
  specSection: '4.1',
  slug: 'hazard',
  rules: hazardRules,
  commands: HazardCommandSchema.options,
  events: hazardEvents,
} as const satisfies AggregateCatalog;

const responsibilityAssignment = {
  name: 'ResponsibilityAssignment',
  stream: 'resp-{id}',
  specSection: '4.3',
  slug: 'responsibility-assignment',
  rules: responsibilityRules,
  commands: ResponsibilityCommandSchema.options,
  events: responsibilityEvents,
} as const satisfies AggregateCatalog;

/** Every aggregate the library implements, in the order of the domain spec. */
export const aggregateCatalogs = [
  hazard,
  responsibilityAssignment,
] as const satisfies readonly AggregateCatalog[];

/** The name of an implemented aggregate. */
export type AggregateName = (typeof aggregateCatalogs)[number]['name'];
