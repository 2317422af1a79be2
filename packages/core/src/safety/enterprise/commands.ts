import { z } from 'zod';
import { LocalDateSchema } from '../calendar/local-date.js';
import { InstantSchema } from '../general/instant.js';
import { SafetyActorSchema } from '../roles/actor.js';
import {
  HazardStatisticsCountsSchema,
  RegistryPersonSchema,
  RiskLevelSchema,
  RiskReportTypeSchema,
  StandardizationGradeSchema,
} from './values.js';

const text = z.string().min(1);
const command = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z
    .object({
      type: z.literal(type),
      actor: SafetyActorSchema,
      /** Business time (G-4); defaults to the handler's clock. */
      occurredAt: InstantSchema.optional(),
      ...shape,
    })
    .strict();

/** Register an enterprise in the registry (E-1: a valid USCC, unique across the registry). */
export const RegisterEnterpriseSchema = command('RegisterEnterprise', {
  enterpriseId: text,
  /** Checked by E-1 rather than by the schema, so a wrong code cites the rule. */
  uscc: z.string(),
  name: text,
  areaId: text,
  sectorCode: text,
  industryRegulatorOrgId: text,
  aboveDesignatedSize: z.boolean().default(false),
  isKey: z.boolean().default(false),
  specialties: z.array(text).default(() => []),
  principal: RegistryPersonSchema,
});

/** Correct or update the profile; fields left out keep their value. */
export const UpdateEnterpriseProfileSchema = command('UpdateEnterpriseProfile', {
  name: text.optional(),
  areaId: text.optional(),
  sectorCode: text.optional(),
  industryRegulatorOrgId: text.optional(),
  aboveDesignatedSize: z.boolean().optional(),
  isKey: z.boolean().optional(),
  specialties: z.array(text).optional(),
});

/** Hand the enterprise to a new principal (E-2). */
export const ChangePrincipalSchema = command('ChangePrincipal', {
  principal: RegistryPersonSchema,
});

/** Appoint a safety officer (安全生产管理人员). */
export const AppointSafetyOfficerSchema = command('AppointSafetyOfficer', {
  officer: RegistryPersonSchema,
});

/** File a risk report (E-4). */
export const FileRiskReportSchema = command('FileRiskReport', {
  year: z.number().int().min(1949).max(9999),
  reportType: RiskReportTypeSchema,
  risks: z.array(z.object({ level: RiskLevelSchema, description: text }).strict()).min(1),
  /** Completion acceptance of the new project; required for an `initial` report (E-4). */
  projectAcceptedOn: LocalDateSchema.optional(),
  /** When the new or changed risk arose; required for a `change` report (E-4). */
  riskChangedOn: LocalDateSchema.optional(),
});

/** Award a standardization grade (E-3). */
export const AwardStandardizationGradeSchema = command('AwardStandardizationGrade', {
  grade: StandardizationGradeSchema,
  authorityOrgId: text,
  awardedOn: LocalDateSchema,
  publicNoticeRef: text,
});

/** Revoke the current standardization grade (E-3). */
export const RevokeStandardizationGradeSchema = command('RevokeStandardizationGrade', {
  reason: text,
});

/** Record that the enterprise set up an emergency rescue team. */
export const EstablishEmergencyTeamSchema = command('EstablishEmergencyTeam', {
  memberCount: z.number().int().min(1),
});

/** Submit the hazard statistics of a quarter or a year, signed by the principal (E-5). */
export const SubmitHazardStatisticsSchema = command('SubmitHazardStatistics', {
  /** Checked by E-5 rather than by the schema: `Q1-2024` or `2024`. */
  period: z.string(),
  counts: HazardStatisticsCountsSchema,
});

/** Close the enterprise; it then accepts no commands (E-6). */
export const CloseEnterpriseSchema = command('CloseEnterprise', {
  reason: text,
});

/** Every enterprise command (domain spec §4.8). */
export const EnterpriseCommandSchema = z.discriminatedUnion('type', [
  RegisterEnterpriseSchema,
  UpdateEnterpriseProfileSchema,
  ChangePrincipalSchema,
  AppointSafetyOfficerSchema,
  FileRiskReportSchema,
  AwardStandardizationGradeSchema,
  RevokeStandardizationGradeSchema,
  EstablishEmergencyTeamSchema,
  SubmitHazardStatisticsSchema,
  CloseEnterpriseSchema,
]);
/** An enterprise command as callers write it. */
export type EnterpriseCommand = z.input<typeof EnterpriseCommandSchema>;
/** An enterprise command after validation (defaults applied). */
export type ParsedEnterpriseCommand = z.output<typeof EnterpriseCommandSchema>;
