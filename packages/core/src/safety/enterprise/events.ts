import { z } from 'zod';
import { defineEvent, type EventOf } from '../../eventsourcing/event-definition.js';
import { LocalDateSchema } from '../calendar/local-date.js';
import { InstantSchema } from '../general/instant.js';
import { SafetyActorSchema } from '../roles/actor.js';
import {
  HazardStatisticsCountsSchema,
  RegistryPersonSchema,
  RiskLevelSchema,
  RiskReportTypeSchema,
  StandardizationGradeSchema,
  StatisticsPeriodSchema,
} from './values.js';

// Every payload carries business time and actor, as hazard events do: read models and the
// registry directory need who acted and when without opening the envelope.
const base = z.object({
  enterpriseId: z.string().min(1),
  occurredAt: InstantSchema,
  actor: SafetyActorSchema,
});
const text = z.string().min(1);
const profile = {
  name: text,
  areaId: text,
  sectorCode: text,
  industryRegulatorOrgId: text,
  aboveDesignatedSize: z.boolean(),
  isKey: z.boolean(),
  specialties: z.array(text),
};

/** An enterprise was entered in the registry with its first principal. */
export const EnterpriseRegistered = defineEvent(
  'EnterpriseRegistered',
  base.extend({ uscc: text, ...profile, principal: RegistryPersonSchema }),
);
/** The profile changed; the payload holds the whole profile after the change. */
export const EnterpriseProfileUpdated = defineEvent(
  'EnterpriseProfileUpdated',
  base.extend(profile),
);
/** A new principal took over (E-2). */
export const PrincipalChanged = defineEvent(
  'PrincipalChanged',
  base.extend({ previousPrincipalId: text, principal: RegistryPersonSchema }),
);
/** A safety officer was appointed. */
export const SafetyOfficerAppointed = defineEvent(
  'SafetyOfficerAppointed',
  base.extend({ officer: RegistryPersonSchema }),
);
/** A risk report was filed (E-4). */
export const RiskReportFiled = defineEvent(
  'RiskReportFiled',
  base.extend({
    year: z.number().int(),
    reportType: RiskReportTypeSchema,
    risks: z.array(z.object({ level: RiskLevelSchema, description: text }).strict()),
    projectAcceptedOn: LocalDateSchema.nullable(),
    riskChangedOn: LocalDateSchema.nullable(),
  }),
);
/** A standardization grade was awarded; `validUntil` follows E-3. */
export const StandardizationGradeAwarded = defineEvent(
  'StandardizationGradeAwarded',
  base.extend({
    grade: StandardizationGradeSchema,
    authorityOrgId: text,
    awardedOn: LocalDateSchema,
    validUntil: LocalDateSchema,
    publicNoticeRef: text,
  }),
);
/** The current grade was revoked. */
export const StandardizationGradeRevoked = defineEvent(
  'StandardizationGradeRevoked',
  base.extend({ grade: StandardizationGradeSchema, authorityOrgId: text, reason: text }),
);
/** An emergency rescue team was set up. */
export const EmergencyTeamEstablished = defineEvent(
  'EmergencyTeamEstablished',
  base.extend({ memberCount: z.number().int().min(1) }),
);
/** Hazard statistics were submitted, signed by the principal of the day (E-5). */
export const HazardStatisticsSubmitted = defineEvent(
  'HazardStatisticsSubmitted',
  base.extend({
    period: StatisticsPeriodSchema,
    counts: HazardStatisticsCountsSchema,
    signedBy: text,
  }),
);
/** The enterprise closed (E-6). */
export const EnterpriseClosed = defineEvent('EnterpriseClosed', base.extend({ reason: text }));

/** Every enterprise event definition; register them with the store's event registry. */
export const enterpriseEvents = [
  EnterpriseRegistered,
  EnterpriseProfileUpdated,
  PrincipalChanged,
  SafetyOfficerAppointed,
  RiskReportFiled,
  StandardizationGradeAwarded,
  StandardizationGradeRevoked,
  EmergencyTeamEstablished,
  HazardStatisticsSubmitted,
  EnterpriseClosed,
] as const;

/** An enterprise event. */
export type EnterpriseEvent = EventOf<(typeof enterpriseEvents)[number]>;
/** The type of an enterprise event. */
export type EnterpriseEventType = EnterpriseEvent['type'];
