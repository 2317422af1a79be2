import { z } from 'zod';
import { OrganizationLevelSchema } from '../directory/organization.js';

/** The three national kinds of hazard (H-3): unsafe condition, unsafe act, management deficiency. */
export const HazardNatureSchema = z.enum([
  'unsafe_condition',
  'unsafe_act',
  'management_deficiency',
]);
/** A `HazardNature`, as `HazardNatureSchema` parses it. */
export type HazardNature = z.infer<typeof HazardNatureSchema>;

/** General (一般) or major (重大) accident hazard. */
export const HazardGradeSchema = z.enum(['general', 'major']);
/** A `HazardGrade`, as `HazardGradeSchema` parses it. */
export type HazardGrade = z.infer<typeof HazardGradeSchema>;

/** The sector standard and clause a major grade rests on (H-2), e.g. MEM Order 10 (2023), Art. 3(1). */
export const MajorBasisSchema = z
  .object({ standardId: z.string().min(1), clause: z.string().min(1) })
  .strict();
/** A `MajorBasis`, as `MajorBasisSchema` parses it. */
export type MajorBasis = z.infer<typeof MajorBasisSchema>;

/** How a hazard came to light. */
export const HazardSourceSchema = z.enum([
  'self_inspection',
  'landlord_check',
  'regulator_inspection',
  'enforcement_inspection',
  'service_visit',
  'patrol',
  'spot_check',
  'handover',
  'petition',
  'other',
]);
/** A `HazardSource`, as `HazardSourceSchema` parses it. */
export type HazardSource = z.infer<typeof HazardSourceSchema>;

/** Sources whose deadline a regulator owns (H-8). */
export const regulatorDeadlineSources: readonly HazardSource[] = [
  'regulator_inspection',
  'enforcement_inspection',
  'spot_check',
  'handover',
  'petition',
];

/**
 * Sources that make a hazard known to the regulator from the start (H-11): the H-8 list plus
 * service visits, which regulator officers conduct even though they are not punitive.
 */
export const regulatorSources: readonly HazardSource[] = [
  ...regulatorDeadlineSources,
  'service_visit',
];

/** Who may extend the rectification deadline (H-8): the responsible enterprise or a regulator. */
export const DeadlineOwnerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('enterprise') }).strict(),
  z.object({ kind: z.literal('regulator'), orgId: z.string().min(1) }).strict(),
]);
/** A `DeadlineOwner`, as `DeadlineOwnerSchema` parses it. */
export type DeadlineOwner = z.infer<typeof DeadlineOwnerSchema>;

/** The party responsible for rectification: an enterprise or a venue (H-1). */
export const ResponsiblePartySchema = z
  .object({ kind: z.enum(['enterprise', 'venue']), id: z.string().min(1) })
  .strict();
/** A `ResponsibleParty`, as `ResponsiblePartySchema` parses it. */
export type ResponsibleParty = z.infer<typeof ResponsiblePartySchema>;

/** The administrative level of a listing for supervision (挂牌督办). */
export const ListingLevelSchema = OrganizationLevelSchema;
/** A `ListingLevel`, as `ListingLevelSchema` parses it. */
export type ListingLevel = z.infer<typeof ListingLevelSchema>;

/** Extent of a suspension of operations. */
export const SuspensionScopeSchema = z.enum(['whole', 'partial', 'facility']);
/** A `SuspensionScope`, as `SuspensionScopeSchema` parses it. */
export type SuspensionScope = z.infer<typeof SuspensionScopeSchema>;

/** Interim control measures while a hazard is being fixed (H-16). */
export const InterimMeasureSchema = z.enum([
  'evacuated',
  'cordoned',
  'signage',
  'monitoring',
  'maintenance',
]);
/** A `InterimMeasure`, as `InterimMeasureSchema` parses it. */
export type InterimMeasure = z.infer<typeof InterimMeasureSchema>;

/** Who assessed a rectification (H-17). */
export const AssessorKindSchema = z.enum(['internal_experts', 'qualified_agency']);
/** A `AssessorKind`, as `AssessorKindSchema` parses it. */
export type AssessorKind = z.infer<typeof AssessorKindSchema>;

/** Why a verification is requested. */
export const VerificationPurposeSchema = z.enum(['closure', 'resumption']);
/** A `VerificationPurpose`, as `VerificationPurposeSchema` parses it. */
export type VerificationPurpose = z.infer<typeof VerificationPurposeSchema>;

/** The kind of check a verification is. */
export const VerificationKindSchema = z.enum([
  'internal_check',
  'regulator_review',
  'acceptance',
  'resumption_review',
]);
/** A `VerificationKind`, as `VerificationKindSchema` parses it. */
export type VerificationKind = z.infer<typeof VerificationKindSchema>;

/** Where a major hazard was disclosed to the workforce (WSL 2021 Art. 41). */
export const DisclosureForumSchema = z.enum([
  'workers_congress',
  'representatives_congress',
  'notice_board',
]);
/** A `DisclosureForum`, as `DisclosureForumSchema` parses it. */
export type DisclosureForum = z.infer<typeof DisclosureForumSchema>;

/** Who ordered a suspension: a regulator (with the approving AuthorityHead) or the enterprise itself. */
export const SuspensionOrderSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('regulator'),
      orgId: z.string().min(1),
      approvedBy: z.string().min(1),
    })
    .strict(),
  z.object({ kind: z.literal('self') }).strict(),
]);
/** A `SuspensionOrder`, as `SuspensionOrderSchema` parses it. */
export type SuspensionOrder = z.infer<typeof SuspensionOrderSchema>;
