import type { EnforcementCaseCommandType } from './commands.js';
import { violate } from './rules.js';
import type { CaseStatus, FiledCase } from './state.js';

const beforeDecision: readonly CaseStatus[] = ['filed', 'notified', 'hearing_requested'];
const afterDecision: readonly CaseStatus[] = ['decided', 'executed'];
const live: readonly CaseStatus[] = [...beforeDecision, ...afterDecision];

/**
 * The states each command is accepted in (EC-0, the §4.2 state table). Terminal states are
 * refused before this table is read; finer conditions are checked by their rules (EC-13 closure,
 * EC-14 dismissal after a decision).
 */
export const caseCommandStates: Readonly<
  Record<Exclude<EnforcementCaseCommandType, 'FileCase'>, readonly CaseStatus[]>
> = {
  AddRespondent: beforeDecision,
  // Links stay possible after the decision (for the ledgers), but no longer move EC-3.
  LinkHazardToCase: live,
  RecordEvidence: beforeDecision,
  ServePreDecisionNotice: beforeDecision,
  RecordStatementAndDefence: ['notified', 'hearing_requested'],
  RecordHearingRequest: ['notified', 'hearing_requested'],
  WaiveHearing: ['notified', 'hearing_requested'],
  HoldHearing: ['hearing_requested'],
  CompleteLegalReview: beforeDecision,
  DecidePenalty: ['notified', 'hearing_requested'],
  ServeDecision: afterDecision,
  RecordPenaltyPerformed: afterDecision,
  RequestCourtEnforcement: afterDecision,
  ExtendDecisionDeadline: beforeDecision,
  CloseCase: afterDecision,
  DismissCase: live,
  TransferCase: live,
};

/**
 * EC-0: rejects a command the state table does not allow in the case's current state.
 *
 * @throws RuleViolationError (`EC-0`, `InvalidState`) with the command and the state.
 */
export function assertCaseCommandState(
  type: Exclude<EnforcementCaseCommandType, 'FileCase'>,
  state: FiledCase,
): void {
  const allowed = caseCommandStates[type];
  if (allowed.includes(state.status)) return;
  throw violate('EC-0', 'InvalidState', { command: type, state: state.status, allowed });
}
