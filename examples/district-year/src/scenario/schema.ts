import { InstantSchema, isValidTimeZone, RateFormatSchema } from '@safeledger/core';
import { z } from 'zod';

// Every figure of the reference report (domain spec §7.1) and every allocation choice (§7.2) is
// a field here, so another district's year is another file, never another build.

const count = z.number().int().min(0);
const positive = z.number().int().min(1);

/** A figure the source states as "more than N" (余): printed with a trailing "+". */
export const ApproximateCountSchema = z
  .object({
    value: count.describe('The stated number.'),
    approximate: z
      .boolean()
      .describe('True when the source says "more than" (余); the report appends "+".'),
  })
  .strict()
  .describe('A count that may be approximate.');

/** Found, rectified and major hazards of one pool. */
export const HazardPoolSchema = z
  .object({
    found: count.describe('Hazards registered in the year.'),
    rectified: count.describe('Of those, closed by the as-of instant.'),
    majors: z
      .object({
        closed: count.describe('Major hazards closed by the as-of instant.'),
        open: count.describe('Major hazards still open at the as-of instant.'),
      })
      .strict()
      .describe('Major accident hazards among the found ones (all carry the major campaign).'),
  })
  .strict()
  .describe('Hazards of one pool; open = found − rectified.');

/** One group of enforcement cases (§7.2 case table). */
export const CaseGroupSchema = z
  .object({
    cases: count.describe('Cases filed.'),
    majorHazardCases: count.describe('Of those, cases about a major hazard.'),
    dualPenalties: count.describe('Of those, unit and principal both fined (一案双罚).'),
    linkedGeneralHazards: count.describe('General hazards linked to the non-major cases.'),
  })
  .strict();

/** A range of fine amounts in CNY, both ends included. */
export const FineRangeCnySchema = z
  .object({
    minCny: positive.describe('Smallest fine, in CNY.'),
    maxCny: positive.describe('Largest fine, in CNY.'),
  })
  .strict()
  .describe('Fine amounts in CNY; each must lie within its provision’s statutory range (EC-10).');

/** The fines the cases decide (§7.2), drawn within these ranges in steps of `stepCny`. */
export const CaseFinesSchema = z
  .object({
    unit: FineRangeCnySchema.describe(
      'Fines on the unit: WSL 2021 Art. 102, or Art. 103(2) for a multi-tenant landlord.',
    ),
    principal: FineRangeCnySchema.describe(
      'Fines on the principal in a dual penalty (WSL 2021 Art. 94(1)).',
    ),
    landlordPrincipal: FineRangeCnySchema.describe(
      'Fines on a multi-tenant landlord’s principal in a dual penalty (WSL 2021 Art. 103(2)).',
    ),
    stepCny: positive.describe('Every fine is a multiple of this amount, in CNY.'),
  })
  .strict()
  .describe('Fine amounts of the penalty decisions.');

const campaignId = z.string().min(1).max(64);

/** The scenario file: one district's year, every figure a field. */
export const ScenarioSchema = z
  .object({
    $schema: z.string().optional().describe('Path or URL of this file’s JSON Schema.'),
    name: z.string().min(1).describe('What the scenario reproduces.'),
    year: z.number().int().min(2000).max(2100).describe('The reporting year.'),
    asOf: InstantSchema.describe('The instant the report is taken at (ISO-8601 with offset).'),
    timezone: z
      .string()
      .refine(isValidTimeZone, { message: 'expected an IANA time zone such as "Asia/Shanghai"' })
      .describe('Time zone of every calendar rule (G-7).'),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .describe('Seed of the generator: the same seed gives the same events.'),
    campaigns: z
      .object({
        root: campaignId.describe('Umbrella campaign every enterprise hazard carries (治本攻坚).'),
        majors: campaignId.describe('Major-hazard campaign every major carries.'),
        multiTenant: campaignId.describe('Multi-tenant site campaign (厂中厂).'),
        venue: campaignId.describe('Small-venue campaign (小场所).'),
        service: campaignId.describe('Service-visit campaign (百团进千企).'),
        enforcement: campaignId.describe('Enforcement-inspection campaign (执法检查).'),
        handover: campaignId.describe('Handed-over items campaign (督导交办).'),
      })
      .strict()
      .describe('Campaign tags (§7).'),
    rounding: z
      .object({
        default: RateFormatSchema.describe('Format of every rate without an override.'),
        rootRectificationRate: RateFormatSchema.describe('Overall rate of the umbrella campaign.'),
        majorRectificationRate: RateFormatSchema.describe('Rate of the reported majors.'),
      })
      .strict()
      .describe('Display format per metric (§6): the source rounds its two rates differently.'),
    responsibility: z
      .object({
        parks: positive.describe('Parks (areas of kind park); the source does not say (§8 q6).'),
        staffPerPark: count.describe('Safety staff each park names.'),
        fullTimeUnits: count.describe(
          'Departments, court and procuratorate with one full-time person.',
        ),
        selectedStaff: count.describe('Supervisors selected by housing, safety bureau and parks.'),
        chains: count.describe('"One matter" whole-chain governance lists.'),
      })
      .strict(),
    handover: z
      .object({
        petitions: z
          .object({
            received: count.describe('Petitions handed over by the provincial team.'),
            closed: count.describe('Of those, closed.'),
          })
          .strict(),
        hazardLists: z
          .array(
            z
              .object({
                items: positive.describe('Units handed over with this many hazards each.'),
                hazardsEach: positive.describe('Hazards per unit.'),
              })
              .strict(),
          )
          .min(1)
          .describe('Municipal hazard lists: one item per unit.'),
        tourFeedback: z
          .object({
            items: count.describe('Tour feedback issues led by the bureau.'),
            measures: count.describe('Measures of those issues.'),
            measuresDone: count.describe('Measures done.'),
          })
          .strict(),
      })
      .strict(),
    pools: z
      .object({
        multiTenant: z
          .object({
            landlords: count.describe('Landlords (产权主体), one site each.'),
            tenants: count.describe('Productive tenants.'),
            repeatVisits: count.describe('Visits after each unit’s first one.'),
            agreements: count.describe('Tenancies with a safety agreement.'),
            alarms: count.describe('One-button alarm devices installed.'),
            smokeDetectors: count.describe('Smoke detectors installed.'),
            hazards: HazardPoolSchema,
          })
          .strict(),
        enforcement: z
          .object({ units: count.describe('Enterprises inspected.'), hazards: HazardPoolSchema })
          .strict(),
        handover: z
          .object({
            units: count.describe('Units on the hazard lists.'),
            hazards: HazardPoolSchema,
          })
          .strict(),
        service: z
          .object({
            units: count.describe('Key enterprises visited.'),
            teams: count.describe('Service teams.'),
            officers: count.describe('Enforcement officers in the teams.'),
            experts: count.describe('Experts in the teams.'),
            hazards: HazardPoolSchema,
          })
          .strict(),
        other: z
          .object({
            units: count.describe('Other enterprises inspected in the umbrella campaign.'),
            petitionHazards: count.describe('Hazards found through the petitions (all closed).'),
            hazards: HazardPoolSchema,
          })
          .strict(),
      })
      .strict()
      .describe('Nested allocation of §7.2: every pool is inside the umbrella campaign.'),
    cases: z
      .object({
        multiTenant: CaseGroupSchema,
        enforcement: CaseGroupSchema,
        fines: CaseFinesSchema,
      })
      .strict()
      .describe('Enforcement cases by group; majors cases link the pool’s majors.'),
    venues: z
      .object({
        registered: count.describe('Venues entered in the registry.'),
        spotChecked: count.describe('Venues spot-checked by regulators.'),
        patrolledInLastQuarter: count.describe('Venues patrolled in the last quarter.'),
        selfCheckedInLastMonth: count.describe('Venues self-checked in the last month.'),
        marked: z
          .object({
            industry: count,
            special: count,
            territorial: count,
            fireAdvisor: count,
          })
          .strict()
          .describe('Venues with each responsible party marked.'),
        trainings: count.describe('Venue training sessions.'),
        hazards: HazardPoolSchema,
      })
      .strict()
      .describe('Small venues: not in the umbrella campaign (§7.2).'),
    enterprises: z
      .object({
        riskReports: count.describe('Enterprises that filed the year’s risk report.'),
        standardizationGrade2: count.describe('Grade-2 standardization awarded in the year.'),
        standardizationGrade3: count.describe('Grade-3 standardization awarded in the year.'),
        emergencyTeams: count.describe('Enterprises with an emergency team.'),
      })
      .strict(),
    activities: z
      .object({
        keySectorTrainings: count,
        trainingPersonTimes: ApproximateCountSchema,
        stewardEnterprises: ApproximateCountSchema,
        drills: count,
        plansRevised: count,
        halls: count,
        hallVisitors: ApproximateCountSchema,
        competitions: count,
        multiTenantMeetings: count,
        manuals: ApproximateCountSchema,
        posters: count,
      })
      .strict()
      .describe('Trainings, drills, plans and outreach (§4.9).'),
    duty: z
      .object({ months: z.number().int().min(1).max(12).describe('Months of the duty roster.') })
      .strict(),
  })
  .strict()
  .meta({
    title: 'District year scenario',
    description:
      'One district’s supervision year (domain spec §7): the figures the report must print and the allocation that makes them consistent.',
  });

/** A scenario file, as the schema parses it. */
export type Scenario = z.infer<typeof ScenarioSchema>;
/** One pool's hazard figures. */
export type HazardPool = z.infer<typeof HazardPoolSchema>;
/** One group of cases. */
export type CaseGroup = z.infer<typeof CaseGroupSchema>;
/** The fine amounts of the cases. */
export type CaseFines = z.infer<typeof CaseFinesSchema>;
/** A count that may be approximate. */
export type ApproximateCount = z.infer<typeof ApproximateCountSchema>;
