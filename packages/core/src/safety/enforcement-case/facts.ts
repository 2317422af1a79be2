import type { HazardStatus } from '../hazard/state.js';
import type { HazardGrade } from '../hazard/values.js';

/** What a case needs to know about a hazard it links (EC-3, EC-15) or suspends (EC-16). */
export interface HazardFacts {
  readonly hazardId: string;
  /** The enterprise answerable for the hazard (the venue's operator for a venue); null if none. */
  readonly enterpriseId: string | null;
  readonly grade: HazardGrade;
  readonly status: HazardStatus;
  /** True while a suspension of operations is in force. */
  readonly suspended: boolean;
}

/**
 * The port through which the case reads hazards: back it with the hazard ledger read model, or
 * with `createHazardFactsFromStore` (stream loads). `undefined` means no such hazard.
 */
export interface HazardFactsPort {
  /** The hazard's current facts, or `undefined` when no such hazard is registered. */
  hazard(hazardId: string): Promise<HazardFacts | undefined>;
}

/** The kind of an inspection, as the spec's `inspectionKind` codes name it (EC-18). */
export type SourceInspectionKind =
  | 'enforcement'
  | 'routine_supervision'
  | 'service_guidance'
  | 'special_campaign'
  | 'spot_check'
  | 'supervision_team_check';

/** What a case needs to know about its source inspection (EC-18). */
export interface SourceInspectionFacts {
  readonly inspectionId: string;
  readonly kind: SourceInspectionKind;
}

/** The port through which the case reads its source inspection; `undefined` means no such inspection. */
export interface InspectionFactsPort {
  /** The inspection's kind, or `undefined` when no such inspection exists. */
  inspection(inspectionId: string): Promise<SourceInspectionFacts | undefined>;
}

/**
 * What `prepare` loads for one command: the hazard a `LinkHazardToCase` names, the inspection a
 * `FileCase` cites as its source (`null` when the port knows none); absent for other commands.
 */
export interface EnforcementCaseFacts {
  readonly hazard?: HazardFacts | null;
  readonly inspection?: SourceInspectionFacts | null;
}
