import { activityDocs } from '../activity/reference.js';
import type { AggregateName } from '../aggregates.js';
import { dutyDocs } from '../duty/reference.js';
import { emergencyPlanDocs } from '../emergency-plan/reference.js';
import { enforcementCaseDocs } from '../enforcement-case/reference.js';
import { enterpriseDocs } from '../enterprise/reference.js';
import { hazardDocs } from '../hazard/reference.js';
import { inspectionDocs } from '../inspection/reference.js';
import { responsibilityDocs } from '../responsibility/reference.js';
import { siteDocs } from '../site/reference.js';
import { supervisionItemDocs } from '../supervision-item/reference.js';
import { venueDocs } from '../venue/reference.js';

/** The reference text of one command: what it does, who may send it, what it records. */
export interface CommandDocs<Field extends string = string, EventType extends string = string> {
  /** One sentence: what the command does. */
  readonly summary: string;
  /** Who may send it (roles and scope), with the rules that decide. */
  readonly who: string;
  /** The events an accepted command appends, follow-ups included. */
  readonly emits: readonly EventType[];
  /** One description per field of the command's own shape (common fields are described once). */
  readonly fields: Readonly<Record<Field, string>>;
}

/** The reference text of one event. */
export interface EventDocs<Field extends string = string> {
  /** One sentence: what the event records. */
  readonly summary: string;
  /** One description per payload field (common fields are described once). */
  readonly fields: Readonly<Record<Field, string>>;
}

/** The reference text of one aggregate, checked field by field against its schemas. */
export interface AggregateDocs {
  /** A paragraph opening the reference page. */
  readonly intro: string;
  /** Fields every command carries (`type`, `actor`, `occurredAt`). */
  readonly commonCommandFields: Readonly<Record<string, string>>;
  /** Fields every event payload carries. */
  readonly commonEventFields: Readonly<Record<string, string>>;
  readonly commands: Readonly<Record<string, CommandDocs>>;
  readonly events: Readonly<Record<string, EventDocs>>;
}

/**
 * The reference text of every implemented aggregate, keyed by the names in `aggregateCatalogs`:
 * registering an aggregate there without its docs here is a type error. Docs-only: nothing in
 * the package's public API imports this, so the text stays out of the runtime bundle.
 */
export const aggregateDocs: { readonly [Name in AggregateName]: AggregateDocs } = {
  Hazard: hazardDocs,
  EnforcementCase: enforcementCaseDocs,
  ResponsibilityAssignment: responsibilityDocs,
  Inspection: inspectionDocs,
  SupervisionItem: supervisionItemDocs,
  Venue: venueDocs,
  Enterprise: enterpriseDocs,
  MultiTenantSite: siteDocs,
  Activity: activityDocs,
  EmergencyPlan: emergencyPlanDocs,
  DutyRoster: dutyDocs,
};
