import { z } from 'zod';

/** A standardization grade (安全生产标准化等级): 1 is the highest (E-3). */
export const StandardizationGradeSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);
/** A `StandardizationGrade`, as `StandardizationGradeSchema` parses it. */
export type StandardizationGrade = z.infer<typeof StandardizationGradeSchema>;

/** Kinds of risk report (E-4): after a new project, once a year, or on a changed risk. */
export const RiskReportTypeSchema = z.enum(['initial', 'periodic', 'change']);
/** A `RiskReportType`, as `RiskReportTypeSchema` parses it. */
export type RiskReportType = z.infer<typeof RiskReportTypeSchema>;

/** Risk levels of a risk report, highest first. */
export const RiskLevelSchema = z.enum(['major', 'significant', 'general', 'low']);
/** A `RiskLevel`, as `RiskLevelSchema` parses it. */
export type RiskLevel = z.infer<typeof RiskLevelSchema>;

/** A statistics period (E-5): a quarter `Q1-2024` or a year `2024`. */
export const StatisticsPeriodSchema = z
  .string()
  .regex(/^(Q[1-4]-\d{4}|\d{4})$/, 'a quarter like Q1-2024 or a year like 2024');
/** A `StatisticsPeriod`, as `StatisticsPeriodSchema` parses it. */
export type StatisticsPeriod = z.infer<typeof StatisticsPeriodSchema>;

/** A person the registry records: id and name. */
export const RegistryPersonSchema = z
  .object({ personId: z.string().min(1), name: z.string().min(1) })
  .strict();
/** A `RegistryPerson`, as `RegistryPersonSchema` parses it. */
export type RegistryPerson = z.infer<typeof RegistryPersonSchema>;

/** Counts of a hazard statistics filing (E-5). */
export const HazardStatisticsCountsSchema = z
  .object({
    found: z.number().int().min(0),
    rectified: z.number().int().min(0),
    major: z.number().int().min(0),
    majorRectified: z.number().int().min(0),
  })
  .strict();
/** A `HazardStatisticsCounts`, as `HazardStatisticsCountsSchema` parses it. */
export type HazardStatisticsCounts = z.infer<typeof HazardStatisticsCountsSchema>;
