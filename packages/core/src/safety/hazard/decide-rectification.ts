import { forbidden } from '../general/forbidden.js';
import { isAssessedAfterCompletion } from './closure.js';
import type { ParsedHazardCommand } from './commands.js';
import { assertPassedAfterCompletion } from './decide-major.js';
import { badInput } from './decide-registration.js';
import { eventBase, type HazardDecisionContext } from './decision-context.js';
import type { HazardEvent } from './events.js';
import {
  actorDetails,
  isResponsiblePrincipal,
  regulatorInScope,
  requireResponsible,
} from './permissions.js';
import { planGaps } from './plan.js';
import { violate } from './rules.js';
import type { RegisteredHazard } from './state.js';
import type { SuspensionOrder } from './values.js';

type Cmd<T extends ParsedHazardCommand['type']> = Extract<ParsedHazardCommand, { type: T }>;

/** Decides `SuspendOperations`: a regulator order approved by its AuthorityHead, or the Principal's own (G-5, H-26). */
export function decideSuspendOperations(
  ctx: HazardDecisionContext,
  state: RegisteredHazard,
  command: Cmd<'SuspendOperations'>,
): HazardEvent[] {
  const { actor, directory } = ctx;
  let orderedBy: SuspensionOrder;
  const regulator = regulatorInScope(ctx, state);
  if (regulator !== undefined) {
    const approvedBy =
      command.approvedBy ?? (actor.role === 'AuthorityHead' ? actor.personId : undefined);
    const approver = approvedBy === undefined ? undefined : directory.person(approvedBy);
    if (
      approver === undefined ||
      !approver.roles.includes('AuthorityHead') ||
      approver.orgId !== regulator.id
    ) {
      throw forbidden('G-5', actor, 'suspension_needs_approval', {
        regulatorOrgId: regulator.id,
        approvedBy: approvedBy ?? null,
      });
    }
    orderedBy = { kind: 'regulator', orgId: regulator.id, approvedBy: approver.id };
  } else if (isResponsiblePrincipal(ctx, state)) {
    if (command.approvedBy !== undefined)
      throw badInput('approvedBy', 'a self-suspension has no approver');
    orderedBy = { kind: 'self' };
  } else {
    throw forbidden('G-5', actor, 'suspension_not_allowed');
  }
  if (command.scope === 'facility' && command.facilityRef === undefined) {
    throw badInput('facilityRef', 'a facility suspension must name the facility');
  }
  // A self-suspension may not replace a regulator's order: the regulator would lose its say on resumption.
  if (state.suspension?.active === true && orderedBy.kind === 'self') {
    throw violate('H-26', 'AlreadySuspended', { orderedBy: state.suspension.orderedBy });
  }
  return [
    {
      type: 'OperationsSuspended',
      data: {
        ...eventBase(ctx, state.hazardId),
        scope: command.scope,
        facilityRef: command.facilityRef ?? null,
        orderedBy,
        orderRef: command.orderRef ?? null,
      },
    },
  ];
}

/** Decides `RecordInterimControls` (G-5: the responsible party's managers). */
export function decideRecordInterimControls(
  ctx: HazardDecisionContext,
  state: RegisteredHazard,
  command: Cmd<'RecordInterimControls'>,
): HazardEvent[] {
  requireResponsible(ctx, state, 'manager', 'G-5', 'RecordInterimControls');
  return [
    {
      type: 'InterimControlsRecorded',
      data: { ...eventBase(ctx, state.hazardId), measures: [...new Set(command.measures)] },
    },
  ];
}

/** Decides `CompleteRectification` (H-15, H-16). */
export function decideCompleteRectification(
  ctx: HazardDecisionContext,
  state: RegisteredHazard,
  command: Cmd<'CompleteRectification'>,
): HazardEvent[] {
  requireResponsible(ctx, state, 'manager', 'G-5', 'CompleteRectification');
  if (state.grade === 'major') {
    // H-15: a major is fixed by its plan (complete per H-13, e.g. after an upgrade) and with evidence.
    const missing = state.plan === null ? ['plan'] : planGaps(state.plan);
    if (missing.length > 0) {
      throw violate('H-15', 'PlanRequired', { missing, planSubmitted: state.plan !== null });
    }
    if (command.evidenceRefs.length === 0) {
      throw violate('H-15', 'EvidenceRequired', { evidenceRefs: [] });
    }
  }
  // H-16: where safety cannot be ensured, work only under suspension or after evacuation.
  if (
    state.safetyNotAssured &&
    state.suspension === null &&
    !state.interimControls.includes('evacuated')
  ) {
    throw violate('H-16', 'SafetyNotAssured', {
      safetyNotAssured: true,
      interimControls: state.interimControls,
    });
  }
  return [
    {
      type: 'RectificationCompleted',
      data: {
        ...eventBase(ctx, state.hazardId),
        completedAt: ctx.occurredAt,
        actionsTaken: command.actionsTaken,
        evidenceRefs: command.evidenceRefs,
        costCny: command.costCny ?? null,
        onSpot: false,
      },
    },
  ];
}

/** Decides `RecordRectificationAssessment` (H-17). */
export function decideRecordAssessment(
  ctx: HazardDecisionContext,
  state: RegisteredHazard,
  command: Cmd<'RecordRectificationAssessment'>,
): HazardEvent[] {
  if (state.grade !== 'major') {
    throw violate('H-17', 'NotMajor', { grade: state.grade });
  }
  requireResponsible(ctx, state, 'principal', 'H-17', 'RecordRectificationAssessment');
  if (command.assessorKind === 'qualified_agency' && command.agencyName === undefined) {
    throw violate('H-17', 'AgencyNameRequired', { assessorKind: command.assessorKind });
  }
  return [
    {
      type: 'RectificationAssessed',
      data: {
        ...eventBase(ctx, state.hazardId),
        assessorKind: command.assessorKind,
        agencyName: command.agencyName ?? null,
        reportRef: command.reportRef,
        conclusion: command.conclusion,
      },
    },
  ];
}

/** Decides `RequestVerification` (H-17). */
export function decideRequestVerification(
  ctx: HazardDecisionContext,
  state: RegisteredHazard,
  command: Cmd<'RequestVerification'>,
): HazardEvent[] {
  requireResponsible(ctx, state, 'manager', 'G-5', 'RequestVerification');
  if (command.purpose === 'resumption') {
    if (state.suspension?.active !== true) {
      throw violate('H-17', 'NotSuspended', { purpose: command.purpose });
    }
    // H-17: a suspended major applies to resume only with an assessment that the fix meets the standard.
    assertAssessedForResumption(state);
  }
  return [
    {
      type: 'VerificationRequested',
      data: { ...eventBase(ctx, state.hazardId), purpose: command.purpose },
    },
  ];
}

/** H-17: a suspended major resumes only on an assessment concluding `meets` after the latest completion. */
function assertAssessedForResumption(state: RegisteredHazard): void {
  if (state.grade !== 'major' || isAssessedAfterCompletion(state)) return;
  throw violate('H-17', 'AssessmentRequired', {
    latestConclusion: state.assessment?.conclusion ?? null,
  });
}

/** Decides `ApproveResumption` (H-17, H-26). */
export function decideApproveResumption(
  ctx: HazardDecisionContext,
  state: RegisteredHazard,
  command: Cmd<'ApproveResumption'>,
): HazardEvent[] {
  const { actor } = ctx;
  const suspension = state.suspension;
  if (suspension === null || !suspension.active) {
    throw violate('H-26', 'NotSuspended', { suspended: false });
  }
  const order = suspension.orderedBy;
  if (order.kind === 'regulator') {
    if (actor.role !== 'AuthorityHead' || actor.orgId !== order.orgId) {
      throw violate('H-26', 'Forbidden', {
        ...actorDetails(actor),
        suspendedBy: order.orgId,
        reason: 'regulator',
        party: order.orgId,
      });
    }
  } else if (!isResponsiblePrincipal(ctx, state)) {
    throw violate('H-26', 'Forbidden', {
      ...actorDetails(actor),
      reason: 'self',
      party: state.responsible.id,
    });
  }
  // H-17: the regulator's passing verification does not replace the assessment Order 16 asks for.
  assertAssessedForResumption(state);
  assertPassedAfterCompletion('H-26', state, 'resumption');
  return [
    {
      type: 'OperationsResumed',
      data: { ...eventBase(ctx, state.hazardId), decisionRef: command.decisionRef },
    },
  ];
}
