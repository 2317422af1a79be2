import { z } from 'zod';
import { OrganizationLevelSchema } from '../directory/organization.js';

/** Who hands items down (§4.5): a supervision team, a special-rectification office, a tour, a superior committee. */
export const IssuerKindSchema = z.enum([
  'supervision_team',
  'special_rectification_office',
  'inspection_tour',
  'superior_committee',
]);
/** An `IssuerKind`, as `IssuerKindSchema` parses it. */
export type IssuerKind = z.infer<typeof IssuerKindSchema>;

/**
 * The body that handed an item down. `orgId` names its organisation in the directory when it
 * has one there; only its `SupervisionTeam` members then accept or return the closure.
 */
export const IssuerSchema = z
  .object({
    name: z.string().min(1),
    kind: IssuerKindSchema,
    level: OrganizationLevelSchema,
    orgId: z.string().min(1).optional(),
  })
  .strict();
/** An `Issuer`, as `IssuerSchema` parses it. */
export type Issuer = z.infer<typeof IssuerSchema>;

/** Petition (信访举报件), hazard list (交办隐患清单) or inspection-tour finding (巡视反馈问题). */
export const ItemKindSchema = z.enum(['petition', 'hazard_list', 'feedback_issue']);
/** An `ItemKind`, as `ItemKindSchema` parses it. */
export type ItemKind = z.infer<typeof ItemKindSchema>;

/** What an investigation of the item concluded (SI-3). */
export const InvestigationFindingSchema = z.enum([
  'substantiated',
  'partially_substantiated',
  'unsubstantiated',
]);
/** An `InvestigationFinding`, as `InvestigationFindingSchema` parses it. */
export type InvestigationFinding = z.infer<typeof InvestigationFindingSchema>;

/** Findings that call for a hazard or a case (SI-3) and let PO-4 register hazards (SI-8). */
export function isSubstantiated(finding: InvestigationFinding): boolean {
  return finding !== 'unsubstantiated';
}

/**
 * Who closes the item (`closureAuthority`): the issuer, or the committee office when the issuer
 * delegated closure to it.
 */
export const ClosureAuthoritySchema = z.enum(['issuer', 'committee_office']);
/** A `ClosureAuthority`, as `ClosureAuthoritySchema` parses it. */
export type ClosureAuthority = z.infer<typeof ClosureAuthoritySchema>;
