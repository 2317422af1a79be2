import type { ParsedEnforcementCaseCommand } from './commands.js';
import { type CaseDecisionContext, eventBase } from './decision-context.js';
import type { EnforcementCaseEvent } from './events.js';
import { requireSender } from './permissions.js';
import { violate } from './rules.js';
import { type DecidedPenalty, type FiledCase, penalisedRefs } from './state.js';

type Cmd<T extends ParsedEnforcementCaseCommand['type']> = Extract<
  ParsedEnforcementCaseCommand,
  { type: T }
>;

/** Decides `ServeDecision` (EC-12). */
export function decideServeDecision(
  ctx: CaseDecisionContext,
  state: FiledCase,
  command: Cmd<'ServeDecision'>,
): EnforcementCaseEvent[] {
  requireSender(ctx, state, command, 'agency_officer');
  const { respondentRef } = command;
  if (!penalisedRefs(state).includes(respondentRef)) {
    throw violate('EC-12', 'NotPenalised', { respondentRef });
  }
  if (state.served[respondentRef] !== undefined) {
    throw violate('EC-12', 'AlreadyServed', { respondentRef });
  }
  return [
    {
      type: 'PenaltyDecisionServed',
      data: { ...eventBase(ctx, state.caseId), respondentRef, method: command.method },
    },
  ];
}

/** EC-13: the decision's penalty with this ref, not yet settled. */
function unsettledPenalty(state: FiledCase, penaltyRef: string): DecidedPenalty {
  const penalty = state.decision?.penalties.find((p) => p.penaltyRef === penaltyRef);
  if (penalty === undefined) throw violate('EC-13', 'UnknownPenalty', { penaltyRef });
  if (state.settlements[penaltyRef] !== undefined) {
    throw violate('EC-13', 'PenaltyAlreadySettled', { penaltyRef });
  }
  return penalty;
}

/** Decides `RecordPenaltyPerformed` (EC-13). */
export function decidePenaltyPerformed(
  ctx: CaseDecisionContext,
  state: FiledCase,
  command: Cmd<'RecordPenaltyPerformed'>,
): EnforcementCaseEvent[] {
  requireSender(ctx, state, command, 'agency_officer');
  unsettledPenalty(state, command.penaltyRef);
  return [
    {
      type: 'PenaltyPerformed',
      data: {
        ...eventBase(ctx, state.caseId),
        penaltyRef: command.penaltyRef,
        method: command.method,
      },
    },
  ];
}

/** Decides `RequestCourtEnforcement` (EC-13). */
export function decideCourtEnforcement(
  ctx: CaseDecisionContext,
  state: FiledCase,
  command: Cmd<'RequestCourtEnforcement'>,
): EnforcementCaseEvent[] {
  requireSender(ctx, state, command, 'agency_head');
  unsettledPenalty(state, command.penaltyRef);
  return [
    {
      type: 'CourtEnforcementRequested',
      data: { ...eventBase(ctx, state.caseId), penaltyRef: command.penaltyRef },
    },
  ];
}

/** Decides `CloseCase` (EC-13). */
export function decideCloseCase(
  ctx: CaseDecisionContext,
  state: FiledCase,
  command: Cmd<'CloseCase'>,
): EnforcementCaseEvent[] {
  requireSender(ctx, state, command, 'agency_head');
  const unserved = penalisedRefs(state).filter((ref) => state.served[ref] === undefined);
  const unsettled = (state.decision?.penalties ?? [])
    .filter((penalty) => state.settlements[penalty.penaltyRef] === undefined)
    .map((penalty) => penalty.penaltyRef);
  if (unserved.length > 0 || unsettled.length > 0) {
    throw violate('EC-13', 'NotExecuted', { unserved, unsettled });
  }
  return [{ type: 'CaseClosed', data: eventBase(ctx, state.caseId) }];
}

/** Decides `DismissCase` (EC-14). */
export function decideDismissCase(
  ctx: CaseDecisionContext,
  state: FiledCase,
  command: Cmd<'DismissCase'>,
): EnforcementCaseEvent[] {
  requireSender(ctx, state, command, 'agency_head');
  if (state.decision !== null) {
    throw violate('EC-14', 'AlreadyDecided', { decisionNo: state.decision.decisionNo });
  }
  return [
    { type: 'CaseDismissed', data: { ...eventBase(ctx, state.caseId), reason: command.reason } },
  ];
}

/** Decides `TransferCase` (EC-14). */
export function decideTransferCase(
  ctx: CaseDecisionContext,
  state: FiledCase,
  command: Cmd<'TransferCase'>,
): EnforcementCaseEvent[] {
  requireSender(ctx, state, command, 'agency_head');
  const { toOrgId } = command;
  if (toOrgId === state.agencyOrgId || ctx.directory.organization(toOrgId) === undefined) {
    throw violate('EC-14', 'InvalidTransferTarget', { toOrgId });
  }
  return [
    {
      type: 'CaseTransferred',
      data: { ...eventBase(ctx, state.caseId), toOrgId, kind: command.kind },
    },
  ];
}
