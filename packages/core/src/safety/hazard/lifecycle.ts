import type { HazardCommandType } from './commands.js';
import { violate } from './rules.js';
import type { HazardStatus, RegisteredHazard } from './state.js';

const live: readonly HazardStatus[] = ['open', 'awaiting_verification', 'verified'];

/**
 * The states each command is accepted in (H-0, the §4.1 state table). Terminal states are
 * handled first by H-7; finer conditions (H-10, H-23, H-25, H-26, H-28) are checked by their rules.
 */
export const hazardCommandStates: Readonly<
  Record<Exclude<HazardCommandType, 'RegisterHazard'>, readonly HazardStatus[]>
> = {
  CorrectHazardDetails: live,
  RegradeHazard: live,
  ExtendRectificationDeadline: live,
  ReportMajorHazard: live,
  DiscloseMajorHazardToWorkforce: live,
  SubmitRectificationPlan: live,
  ListForSupervision: ['open', 'awaiting_verification'],
  SuspendOperations: ['open', 'awaiting_verification'],
  RecordInterimControls: ['open', 'awaiting_verification'],
  CompleteRectification: ['open'],
  RecordRectificationAssessment: ['awaiting_verification'],
  RequestVerification: ['awaiting_verification'],
  VerifyRectification: ['awaiting_verification'],
  ApproveResumption: live,
  DelistHazard: live,
  CloseHazard: live,
  VoidHazard: live,
  ReferHazard: live,
};

/**
 * H-0: rejects a command the state table does not allow in the hazard's current state.
 *
 * @throws RuleViolationError (`H-0`, `InvalidState`) with the state and the allowed states.
 */
export function assertCommandState(
  type: Exclude<HazardCommandType, 'RegisterHazard'>,
  state: RegisteredHazard,
): void {
  const allowed = hazardCommandStates[type];
  if (allowed.includes(state.status)) return;
  throw violate('H-0', 'InvalidState', { command: type, state: state.status, allowed });
}
