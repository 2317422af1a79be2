import type { ResponsibilityCommandType } from './commands.js';
import { violate } from './rules.js';
import type { AssignmentStatus, StartedAssignment } from './state.js';

/**
 * The states each command is accepted in (RA-0, the §4.3 state table): a draft is edited and
 * issued; everything else acts on an issued assignment; a superseded one accepts nothing.
 */
export const responsibilityCommandStates: Readonly<
  Record<Exclude<ResponsibilityCommandType, 'DraftAssignment'>, readonly AssignmentStatus[]>
> = {
  AddDuty: ['draft'],
  RemoveDuty: ['draft'],
  IssueAssignment: ['draft'],
  AcknowledgeAssignment: ['issued'],
  ReviseAssignment: ['issued'],
  DesignateSafetyStaff: ['issued'],
  RevokeSafetyStaff: ['issued'],
  ReportDutyProgress: ['issued'],
  CompleteDuty: ['issued'],
  ReviewPerformance: ['issued'],
  SupersedeAssignment: ['issued'],
};

/**
 * RA-0 (and RA-6 for duty edits after issue): rejects a command the state table does not allow
 * in the assignment's current state.
 *
 * @throws RuleViolationError (`RA-6`, `DutiesFixed`) for AddDuty/RemoveDuty on an issued
 * assignment, else (`RA-0`, `InvalidState`) with the state and the allowed states.
 */
export function assertCommandState(
  command: Exclude<ResponsibilityCommandType, 'DraftAssignment'>,
  state: StartedAssignment,
): void {
  const allowed = responsibilityCommandStates[command];
  if (allowed.includes(state.status)) return;
  if ((command === 'AddDuty' || command === 'RemoveDuty') && state.status === 'issued') {
    throw violate('RA-6', 'DutiesFixed', { command });
  }
  throw violate('RA-0', 'InvalidState', { command, state: state.status, allowed: [...allowed] });
}
