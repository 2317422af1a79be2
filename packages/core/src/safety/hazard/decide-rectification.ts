import { RuleViolationError } from '../../eventsourcing/errors.js';
import { forbidden } from '../general/forbidden.js';
import { isAssessedAfterCompletion } from './closure.js';
import type { ParsedHazardCommand } from './commands.js';
import { assertPassedAfterCompletion } from './decide-major.js';
import { badInput } from './decide-registration.js';
import { eventBase, type HazardDecisionContext } from './decision-context.js';
import type { HazardEvent } from './events.js';
import { isResponsiblePrincipal, regulatorInScope, requireResponsible } from './permissions.js';
import { planGaps } from './plan.js';
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
      throw forbidden(
        'G-5',
        actor,
        `may not order a suspension without the approval of an AuthorityHead of ${regulator.id}`,
        {
          approvedBy: approvedBy ?? null,
        },
      );
    }
    orderedBy = { kind: 'regulator', orgId: regulator.id, approvedBy: approver.id };
  } else if (isResponsiblePrincipal(ctx, state)) {
    if (command.approvedBy !== undefined)
      throw badInput('approvedBy', 'a self-suspension has no approver');
    orderedBy = { kind: 'self' };
  } else {
    throw forbidden(
      'G-5',
      actor,
      'may not suspend operations: only a regulator officer in scope (with AuthorityHead approval) or the Principal may',
    );
  }
  if (command.scope === 'facility' && command.facilityRef === undefined) {
    throw badInput('facilityRef', 'a facility suspension must name the facility');
  }
  // A self-suspension may not replace a regulator's order: the regulator would lose its say on resumption.
  if (state.suspension?.active === true && orderedBy.kind === 'self') {
    throw new RuleViolationError(
      'H-26',
      'AlreadySuspended',
      'operations are already suspended; only a regulator order may supersede it',
      {
        orderedBy: state.suspension.orderedBy,
      },
    );
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
  requireResponsible(ctx, state, 'manager', 'G-5', 'record interim controls');
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
  requireResponsible(ctx, state, 'manager', 'G-5', 'report the rectification complete');
  if (state.grade === 'major') {
    // H-15: a major is fixed by its plan (complete per H-13, e.g. after an upgrade) and with evidence.
    const missing = state.plan === null ? ['plan'] : planGaps(state.plan);
    if (missing.length > 0) {
      throw new RuleViolationError(
        'H-15',
        'PlanRequired',
        'a major hazard needs a complete rectification plan before completion',
        {
          missing,
        },
      );
    }
    if (command.evidenceRefs.length === 0) {
      throw new RuleViolationError(
        'H-15',
        'EvidenceRequired',
        'completing a major hazard needs at least one evidence reference',
        {
          evidenceRefs: [],
        },
      );
    }
  }
  // H-16: where safety cannot be ensured, work only under suspension or after evacuation.
  if (
    state.safetyNotAssured &&
    state.suspension === null &&
    !state.interimControls.includes('evacuated')
  ) {
    throw new RuleViolationError(
      'H-16',
      'SafetyNotAssured',
      'safety is not assured: suspend operations or record interim controls with evacuation before completing',
      { safetyNotAssured: true, interimControls: state.interimControls },
    );
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
    throw new RuleViolationError(
      'H-17',
      'NotMajor',
      'rectification assessments are recorded for major hazards',
      { grade: state.grade },
    );
  }
  requireResponsible(ctx, state, 'principal', 'H-17', 'record the rectification assessment');
  if (command.assessorKind === 'qualified_agency' && command.agencyName === undefined) {
    throw new RuleViolationError(
      'H-17',
      'AgencyNameRequired',
      'an assessment by a qualified agency names the agency',
      {
        assessorKind: command.assessorKind,
      },
    );
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
  requireResponsible(ctx, state, 'manager', 'G-5', 'request verification');
  if (command.purpose === 'resumption') {
    if (state.suspension?.active !== true) {
      throw new RuleViolationError(
        'H-17',
        'NotSuspended',
        'verification for resumption needs an active suspension',
        {
          purpose: command.purpose,
        },
      );
    }
    // H-17: a suspended major applies to resume only with an assessment that the fix meets the standard.
    assertAssessedForResumption(state, 'requesting resumption');
  }
  return [
    {
      type: 'VerificationRequested',
      data: { ...eventBase(ctx, state.hazardId), purpose: command.purpose },
    },
  ];
}

/** H-17: a suspended major resumes only on an assessment concluding `meets` after the latest completion. */
function assertAssessedForResumption(state: RegisteredHazard, what: string): void {
  if (state.grade !== 'major' || isAssessedAfterCompletion(state)) return;
  throw new RuleViolationError(
    'H-17',
    'AssessmentRequired',
    `a suspended major hazard needs an assessment concluding "meets" after the latest rectification before ${what}`,
    { latestConclusion: state.assessment?.conclusion ?? null },
  );
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
    throw new RuleViolationError('H-26', 'NotSuspended', 'there is no active suspension to lift', {
      suspended: false,
    });
  }
  const order = suspension.orderedBy;
  if (order.kind === 'regulator') {
    if (actor.role !== 'AuthorityHead' || actor.orgId !== order.orgId) {
      throw forbidden(
        'H-26',
        actor,
        `may not approve resumption: only the AuthorityHead of the suspending ${order.orgId} may`,
        {
          suspendedBy: order.orgId,
        },
      );
    }
  } else if (!isResponsiblePrincipal(ctx, state)) {
    throw forbidden(
      'H-26',
      actor,
      'may not approve resumption of a self-suspension: only the Principal may',
    );
  }
  // H-17: the regulator's passing verification does not replace the assessment Order 16 asks for.
  assertAssessedForResumption(state, 'resumption');
  assertPassedAfterCompletion('H-26', state, 'resumption');
  return [
    {
      type: 'OperationsResumed',
      data: { ...eventBase(ctx, state.hazardId), decisionRef: command.decisionRef },
    },
  ];
}
