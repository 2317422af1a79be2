import type { z } from 'zod';
import type { EventDefinition } from '../eventsourcing/event-definition.js';
import { ActivityCommandSchema } from './activity/commands.js';
import { activityEvents } from './activity/events.js';
import { activityRules } from './activity/rules.js';
import { DutyRosterCommandSchema } from './duty/commands.js';
import { dutyRosterEvents } from './duty/events.js';
import { dutyRosterRules } from './duty/rules.js';
import { EmergencyPlanCommandSchema } from './emergency-plan/commands.js';
import { emergencyPlanEvents } from './emergency-plan/events.js';
import { emergencyPlanRules } from './emergency-plan/rules.js';
import { EnforcementCaseCommandSchema } from './enforcement-case/commands.js';
import { enforcementCaseEvents } from './enforcement-case/events.js';
import { enforcementCaseRules } from './enforcement-case/rules.js';
import { EnterpriseCommandSchema } from './enterprise/commands.js';
import { enterpriseEvents } from './enterprise/events.js';
import { enterpriseRules } from './enterprise/rules.js';
import { HazardCommandSchema } from './hazard/commands.js';
import { hazardEvents } from './hazard/events.js';
import { hazardRules } from './hazard/rules.js';
import { InspectionCommandSchema } from './inspection/commands.js';
import { inspectionEvents } from './inspection/events.js';
import { inspectionRules } from './inspection/rules.js';
import { ResponsibilityCommandSchema } from './responsibility/commands.js';
import { responsibilityEvents } from './responsibility/events.js';
import { responsibilityRules } from './responsibility/rules.js';
import type { RuleEntry } from './rules/rule-catalog.js';
import { SiteCommandSchema } from './site/commands.js';
import { siteEvents } from './site/events.js';
import { siteRules } from './site/rules.js';
import { SupervisionItemCommandSchema } from './supervision-item/commands.js';
import { supervisionItemEvents } from './supervision-item/events.js';
import { supervisionItemRules } from './supervision-item/rules.js';
import { VenueCommandSchema } from './venue/commands.js';
import { venueEvents } from './venue/events.js';
import { venueRules } from './venue/rules.js';

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

const enforcementCase = {
  name: 'EnforcementCase',
  stream: 'case-{id}',
  specSection: '4.2',
  slug: 'enforcement-case',
  rules: enforcementCaseRules,
  commands: EnforcementCaseCommandSchema.options,
  events: enforcementCaseEvents,
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

// Inspection, SupervisionItem, Venue (§4.4–§4.6).
const inspection = {
  name: 'Inspection',
  stream: 'insp-{id}',
  specSection: '4.4',
  slug: 'inspection',
  rules: inspectionRules,
  commands: InspectionCommandSchema.options,
  events: inspectionEvents,
} as const satisfies AggregateCatalog;

const supervisionItem = {
  name: 'SupervisionItem',
  stream: 'item-{id}',
  specSection: '4.5',
  slug: 'supervision-item',
  rules: supervisionItemRules,
  commands: SupervisionItemCommandSchema.options,
  events: supervisionItemEvents,
} as const satisfies AggregateCatalog;

const venue = {
  name: 'Venue',
  stream: 'venue-{id}',
  specSection: '4.6',
  slug: 'venue',
  rules: venueRules,
  commands: VenueCommandSchema.options,
  events: venueEvents,
} as const satisfies AggregateCatalog;

const enterprise = {
  name: 'Enterprise',
  stream: 'ent-{id}',
  specSection: '4.8',
  slug: 'enterprise',
  rules: enterpriseRules,
  commands: EnterpriseCommandSchema.options,
  events: enterpriseEvents,
} as const satisfies AggregateCatalog;

const site = {
  name: 'MultiTenantSite',
  stream: 'site-{id}',
  specSection: '4.7',
  slug: 'site',
  rules: siteRules,
  commands: SiteCommandSchema.options,
  events: siteEvents,
} as const satisfies AggregateCatalog;

const dutyRoster = {
  name: 'DutyRoster',
  stream: 'duty-{yyyy-mm}',
  specSection: '4.9',
  slug: 'duty',
  rules: dutyRosterRules,
  commands: DutyRosterCommandSchema.options,
  events: dutyRosterEvents,
} as const satisfies AggregateCatalog;

const activity = {
  name: 'Activity',
  stream: 'act-{id}',
  specSection: '4.9',
  slug: 'activity',
  rules: activityRules,
  commands: ActivityCommandSchema.options,
  events: activityEvents,
} as const satisfies AggregateCatalog;

const emergencyPlan = {
  name: 'EmergencyPlan',
  stream: 'plan-{id}',
  specSection: '4.9',
  slug: 'emergency-plan',
  rules: emergencyPlanRules,
  commands: EmergencyPlanCommandSchema.options,
  events: emergencyPlanEvents,
} as const satisfies AggregateCatalog;

/** Every aggregate the library implements, in the order of the domain spec. */
export const aggregateCatalogs = [
  hazard,
  enforcementCase,
  responsibilityAssignment,
  inspection,
  supervisionItem,
  venue,
  site,
  enterprise,
  activity,
  emergencyPlan,
  dutyRoster,
] as const satisfies readonly AggregateCatalog[];

/** The name of an implemented aggregate. */
export type AggregateName = (typeof aggregateCatalogs)[number]['name'];
