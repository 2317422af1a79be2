import type { z } from 'zod';
import type { AggregateDocs, CommandDocs, EventDocs } from '../reference/aggregate-docs.js';
import type { EnterpriseCommandSchema } from './commands.js';
import type { EnterpriseEventType, enterpriseEvents } from './events.js';

// Keyed by the schemas themselves: a field added without a description here is a type error.
type CommandSchema = (typeof EnterpriseCommandSchema)['options'][number];
type CommandFields<S extends CommandSchema> = Exclude<
  keyof z.input<S> & string,
  'type' | 'actor' | 'occurredAt'
>;
type EventDefinitionOf = (typeof enterpriseEvents)[number];
type EventFields<D extends EventDefinitionOf> = Exclude<
  keyof z.output<D['schema']> & string,
  'enterpriseId' | 'occurredAt' | 'actor'
>;
type EnterpriseCommandDocs = {
  readonly [S in CommandSchema as z.input<S>['type']]: CommandDocs<
    CommandFields<S>,
    EnterpriseEventType
  >;
};
type EnterpriseEventDocs = {
  readonly [D in EventDefinitionOf as D['type']]: EventDocs<EventFields<D>>;
};

const profile = {
  name: 'The enterprise’s registered name.',
  areaId:
    'The area (park, town, street) it lies in; territorial scope (G-5) and snapshots (G-8) read it.',
  sectorCode: 'Its industry sector code; industry regulators’ scope reads it.',
  industryRegulatorOrgId:
    'The industry regulator supervising it; the default supervising regulator of its self-found hazards.',
  aboveDesignatedSize: 'Whether it is an enterprise above designated size (规上企业).',
  isKey: 'Whether it is a key supervised enterprise.',
  specialties: 'Specialty tags (`gas`, `special_equipment`, …) special regulators’ scope reads.',
};
const registrar =
  'TerritorialOfficer or IndustryOfficer whose organisation covers the area and sector (G-5).';
const principalOrOfficer =
  'The current principal of the enterprise as the registry records it, or a TerritorialOfficer or IndustryOfficer covering it (G-5).';

const commands: EnterpriseCommandDocs = {
  RegisterEnterprise: {
    summary: 'Enters an enterprise in the registry with its first principal (E-1, E-2).',
    who: `${registrar} Register through \`createEnterpriseRegistrar\` so the code is unique across the registry.`,
    emits: ['EnterpriseRegistered'],
    fields: {
      enterpriseId: 'The enterprise’s id; the stream is `ent-{enterpriseId}`.',
      uscc: 'The 18-character unified social credit code with its GB 32100-2015 check character (E-1).',
      ...profile,
      principal: 'The principal (主要负责人): `personId` and `name` (E-2).',
    },
  },
  UpdateEnterpriseProfile: {
    summary: 'Changes profile fields; the event carries the whole profile after the change.',
    who: `${registrar} The organisation must cover the enterprise before and after the change.`,
    emits: ['EnterpriseProfileUpdated'],
    fields: {
      name: 'New name, if it changes.',
      areaId: 'New area, if it changes.',
      sectorCode: 'New sector code, if it changes.',
      industryRegulatorOrgId: 'New industry regulator, if it changes.',
      aboveDesignatedSize: 'New above-designated-size flag, if it changes.',
      isKey: 'New key-enterprise flag, if it changes.',
      specialties: 'New specialty tags, if they change (replaces the list).',
    },
  },
  ChangePrincipal: {
    summary: 'Hands the enterprise to a new principal, who acts from then on (E-2).',
    who: principalOrOfficer,
    emits: ['PrincipalChanged'],
    fields: { principal: 'The new principal: `personId` and `name`; not the current one (E-2).' },
  },
  AppointSafetyOfficer: {
    summary: 'Appoints a safety officer (安全生产管理人员); appointing one again updates the name.',
    who: principalOrOfficer,
    emits: ['SafetyOfficerAppointed'],
    fields: { officer: 'The safety officer: `personId` and `name`.' },
  },
  FileRiskReport: {
    summary: 'Files a risk report: initial, periodic or change (E-4).',
    who: 'The current principal or an appointed safety officer of the enterprise (G-5).',
    emits: ['RiskReportFiled'],
    fields: {
      year: 'The year reported on; not after the filing date’s year (E-4).',
      reportType: '`initial`, `periodic` or `change` (E-4).',
      risks: 'The risks: `level` (`major`, `significant`, `general`, `low`) and `description`.',
      projectAcceptedOn:
        'Completion acceptance date of the new project; required for `initial`, which is due 30 days later (E-4).',
      riskChangedOn:
        'When the new or changed risk arose; required for `change`, which must list a significant or major risk (E-4).',
    },
  },
  AwardStandardizationGrade: {
    summary: 'Records a standardization grade awarded by the grading authority (E-3).',
    who: 'An officer of `authorityOrgId`, whose level matches the grade: 1 national, 2 province, 3 city (E-3).',
    emits: ['StandardizationGradeAwarded'],
    fields: {
      grade: '1, 2 or 3 (E-3).',
      authorityOrgId: 'The grading authority.',
      awardedOn: 'The date of the award; validity runs from it (E-3).',
      publicNoticeRef: 'The public notice announcing the award.',
    },
  },
  RevokeStandardizationGrade: {
    summary: 'Revokes the current, unrevoked grade (E-3).',
    who: 'An officer of the authority that awarded the grade.',
    emits: ['StandardizationGradeRevoked'],
    fields: { reason: 'Why the grade is revoked.' },
  },
  EstablishEmergencyTeam: {
    summary: 'Records the enterprise’s emergency rescue team.',
    who: 'The current principal.',
    emits: ['EmergencyTeamEstablished'],
    fields: { memberCount: 'Members of the team, at least 1.' },
  },
  SubmitHazardStatistics: {
    summary: 'Submits the hazard statistics of a quarter or a year (E-5).',
    who: 'The current principal only, who signs the filing (E-5).',
    emits: ['HazardStatisticsSubmitted'],
    fields: {
      period: '`Qn-YYYY` or `YYYY`; ended by the business time, once per period (E-5).',
      counts: 'Hazards `found`, `rectified`, `major` and `majorRectified` in the period.',
    },
  },
  CloseEnterprise: {
    summary: 'Closes the enterprise; it accepts no further commands (E-6).',
    who: 'A TerritorialOfficer covering the enterprise (G-5).',
    emits: ['EnterpriseClosed'],
    fields: { reason: 'Why it closed.' },
  },
};

const events: EnterpriseEventDocs = {
  EnterpriseRegistered: {
    summary: 'An enterprise was entered in the registry.',
    fields: {
      uscc: 'The unified social credit code (E-1).',
      ...profile,
      principal: 'The first principal.',
    },
  },
  EnterpriseProfileUpdated: { summary: 'The profile after a change.', fields: profile },
  PrincipalChanged: {
    summary: 'A new principal took over (E-2).',
    fields: {
      previousPrincipalId: 'Who was principal until now.',
      principal: 'The new principal.',
    },
  },
  SafetyOfficerAppointed: {
    summary: 'A safety officer was appointed.',
    fields: { officer: 'The safety officer.' },
  },
  RiskReportFiled: {
    summary: 'A risk report was filed (E-4); lateness is derived, never stored.',
    fields: {
      year: 'The year reported on.',
      reportType: '`initial`, `periodic` or `change`.',
      risks: 'The risks reported, with their levels.',
      projectAcceptedOn: 'Completion acceptance of the new project (initial reports), else null.',
      riskChangedOn: 'When the risk arose or changed (change reports), else null.',
    },
  },
  StandardizationGradeAwarded: {
    summary: 'A standardization grade was awarded (E-3).',
    fields: {
      grade: '1, 2 or 3.',
      authorityOrgId: 'The grading authority.',
      awardedOn: 'Date of the award.',
      validUntil: '`awardedOn` plus `standardizationValidityYears` at the time of the award.',
      publicNoticeRef: 'The public notice.',
    },
  },
  StandardizationGradeRevoked: {
    summary: 'The current grade was revoked (E-3).',
    fields: {
      grade: 'The grade revoked.',
      authorityOrgId: 'The authority that had awarded it.',
      reason: 'Why.',
    },
  },
  EmergencyTeamEstablished: {
    summary: 'An emergency rescue team was set up.',
    fields: { memberCount: 'Members of the team.' },
  },
  HazardStatisticsSubmitted: {
    summary: 'Hazard statistics were submitted (E-5); lateness is derived from the period.',
    fields: {
      period: 'The quarter or year.',
      counts: 'The counts filed.',
      signedBy: 'The principal who signed: the principal of the day (E-2, E-5).',
    },
  },
  EnterpriseClosed: { summary: 'The enterprise closed (E-6).', fields: { reason: 'Why.' } },
};

/** The enterprise reference (docs/domain/enterprise-reference.md). */
export const enterpriseDocs: AggregateDocs = {
  intro:
    'Every command and event of the `Enterprise` aggregate (domain spec §4.8), generated from the zod schemas. A command is passed to the handler of `createEnterpriseDecider`; registrations go through `createEnterpriseRegistrar`, which keeps the credit code unique across the registry (E-1). Every rule is in [enterprise-rules.md](enterprise-rules.md). The registry also feeds the directory that authorises commands of other aggregates: see [the directory](../directory.md).',
  commonCommandFields: {
    type: 'The command’s name.',
    actor:
      'Who sends the command. Officers must be backed by the directory (G-5); enterprise roles by the registry itself.',
    occurredAt:
      'Business time; defaults to the handler’s clock. Never before the registration nor more than 5 minutes after recording (G-4).',
  },
  commonEventFields: {
    enterpriseId: 'The enterprise’s id.',
    occurredAt: 'Business time of the command that produced the event (G-4).',
    actor: 'Who acted.',
  },
  commands,
  events,
};
