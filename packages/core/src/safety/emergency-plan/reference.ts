import type { z } from 'zod';
import type { AggregateDocs, CommandDocs, EventDocs } from '../reference/aggregate-docs.js';
import type { EmergencyPlanCommandSchema } from './commands.js';
import type { EmergencyPlanEvent, emergencyPlanEvents } from './events.js';

type CommandSchema = (typeof EmergencyPlanCommandSchema)['options'][number];
type CommandFields<S extends CommandSchema> = Exclude<
  keyof z.input<S> & string,
  'type' | 'actor' | 'occurredAt'
>;
type EventDefinitionOf = (typeof emergencyPlanEvents)[number];
type EventFields<D extends EventDefinitionOf> = Exclude<
  keyof z.output<D['schema']> & string,
  'planId' | 'occurredAt' | 'actor'
>;

const commands: {
  readonly [S in CommandSchema as z.input<S>['type']]: CommandDocs<
    CommandFields<S>,
    EmergencyPlanEvent['type']
  >;
} = {
  DraftPlan: {
    summary: 'Drafts a plan as version 1; not effective until published (EP-1).',
    who: 'For an organisation: its AuthorityHead, committee office or officers. For an enterprise: its Principal or SafetyOfficer (G-5).',
    emits: ['PlanDrafted'],
    fields: {
      planId: 'The plan’s id; the stream is `plan-{planId}`.',
      kind: 'Comprehensive, special or on-site procedure (`on_site`).',
      title: 'The plan’s title.',
      ownerOrgId: 'The owning organisation; exactly one of this and `ownerEnterpriseId`.',
      ownerEnterpriseId: 'The owning enterprise.',
      replacesPlanId:
        'The plan this one rewrites; its first publication counts as revised and published (EP-1).',
    },
  },
  RevisePlan: {
    summary: 'Drafts the next version; the published one stays effective until it is published.',
    who: 'As for `DraftPlan` (G-5).',
    emits: ['PlanRevised'],
    fields: { summary: 'What the revision changes.' },
  },
  PublishPlan: {
    summary: 'Publishes the latest version, which becomes effective (EP-1).',
    who: 'The owning organisation’s AuthorityHead or committee office, or the enterprise’s Principal (G-5).',
    emits: ['PlanPublished'],
    fields: { version: 'The version published: the latest, not yet published (EP-1).' },
  },
  RetirePlan: {
    summary: 'Retires the plan: no version is effective from then on (EP-0, EP-1).',
    who: 'As for `PublishPlan` (G-5).',
    emits: ['PlanRetired'],
    fields: { reason: 'Why the plan is retired.' },
  },
};

const events: { readonly [D in EventDefinitionOf as D['type']]: EventDocs<EventFields<D>> } = {
  PlanDrafted: {
    summary: 'A plan was drafted.',
    fields: {
      kind: 'The plan’s kind.',
      title: 'The title.',
      ownerOrgId: 'The owning organisation, or null.',
      ownerEnterpriseId: 'The owning enterprise, or null.',
      replacesPlanId: 'The plan it rewrites, or null.',
      version: 'Always 1.',
    },
  },
  PlanRevised: {
    summary: 'A new version was drafted.',
    fields: { version: 'The new version number.', summary: 'What changed.' },
  },
  PlanPublished: {
    summary: 'A version was published and became effective.',
    fields: { version: 'The published version.' },
  },
  PlanRetired: { summary: 'The plan was retired.', fields: { reason: 'Why.' } },
};

/** The emergency plan reference (docs/domain/emergency-plan-reference.md). */
export const emergencyPlanDocs: AggregateDocs = {
  intro:
    'Every command and event of the `EmergencyPlan` aggregate (应急预案, domain spec §4.9), generated from the zod schemas. One plan is one stream, `plan-{id}` (`emergencyPlanStreamId(id)`), decided by `createEmergencyPlanDecider({ directory })`. Rules: [emergency-plan-rules.md](emergency-plan-rules.md).',
  commonCommandFields: {
    type: 'The command’s name.',
    actor: 'Who sends the command; the directory must back the person, role and affiliation (G-5).',
    occurredAt: 'Business time; defaults to the handler’s clock (G-4).',
  },
  commonEventFields: {
    planId: 'The plan’s id.',
    occurredAt: 'Business time of the command that produced the event (G-4).',
    actor: 'Who acted.',
  },
  commands,
  events,
};
