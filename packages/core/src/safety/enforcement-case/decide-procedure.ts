import { compareLocalDates } from '../calendar/local-date.js';
import type { ParsedEnforcementCaseCommand } from './commands.js';
import { type CaseDecisionContext, eventBase } from './decision-context.js';
import type { EnforcementCaseEvent } from './events.js';
import { requireSender } from './permissions.js';
import { violate } from './rules.js';
import { type FiledCase, type RespondentProcedure, respondentOf } from './state.js';
import { decisionDueDate, hearingWindowEnd, isAfterLocalDay } from './time-facts.js';
import { hearingPenaltyKinds, type Penalty, type Respondent } from './values.js';

type Cmd<T extends ParsedEnforcementCaseCommand['type']> = Extract<
  ParsedEnforcementCaseCommand,
  { type: T }
>;

/** EC-0: the respondent a command names must be one of the case's. */
export function requireRespondent(state: FiledCase, respondentRef: string): Respondent {
  const respondent = respondentOf(state, respondentRef);
  if (respondent === undefined) throw violate('EC-0', 'UnknownRespondent', { respondentRef });
  return respondent;
}

/** The respondent's procedure since its latest notice (EC-4 `NotNotified` when none). */
function requireNotified(state: FiledCase, respondentRef: string): RespondentProcedure {
  requireRespondent(state, respondentRef);
  const procedure = state.procedures[respondentRef];
  if (procedure === undefined) throw violate('EC-4', 'NotNotified', { respondentRef });
  return procedure;
}

/** EC-6: whether proposed penalties make a hearing right mandatory for this respondent. */
export function hearingRightRequired(
  ctx: Pick<CaseDecisionContext, 'policy'>,
  respondent: Respondent,
  penalties: readonly Pick<Penalty, 'kind' | 'amountCny'>[],
): boolean {
  const threshold = ctx.policy.hearingFineThreshold[respondent.kind];
  return penalties.some(
    (penalty) =>
      hearingPenaltyKinds.includes(penalty.kind) ||
      (penalty.kind === 'fine' && (penalty.amountCny ?? 0) >= threshold),
  );
}

/** Decides `ServePreDecisionNotice` (EC-4, EC-6). */
export function decideServeNotice(
  ctx: CaseDecisionContext,
  state: FiledCase,
  command: Cmd<'ServePreDecisionNotice'>,
): EnforcementCaseEvent[] {
  requireSender(ctx, state, command, 'agency_officer');
  const respondent = requireRespondent(state, command.respondentRef);
  const other = command.proposedPenalties.find(
    (penalty) => penalty.respondentRef !== command.respondentRef,
  );
  if (other !== undefined) {
    throw violate('EC-4', 'NoticeTargetsAnother', {
      respondentRef: command.respondentRef,
      otherRef: other.respondentRef,
    });
  }
  if (!command.hearingRight && hearingRightRequired(ctx, respondent, command.proposedPenalties)) {
    throw violate('EC-6', 'HearingRightRequired', { respondentRef: command.respondentRef });
  }
  return [
    {
      type: 'PreDecisionNoticeServed',
      data: {
        ...eventBase(ctx, state.caseId),
        respondentRef: command.respondentRef,
        proposedPenalties: command.proposedPenalties.map((penalty) => ({
          respondentRef: penalty.respondentRef,
          kind: penalty.kind,
          amountCny: penalty.amountCny ?? null,
          durationDays: penalty.durationDays ?? null,
          basisProvision: penalty.basisProvision,
        })),
        facts: command.facts,
        provisions: [...new Set(command.provisions)],
        hearingRight: command.hearingRight,
      },
    },
  ];
}

/** Decides `RecordStatementAndDefence` (EC-5). */
export function decideRecordDefence(
  ctx: CaseDecisionContext,
  state: FiledCase,
  command: Cmd<'RecordStatementAndDefence'>,
): EnforcementCaseEvent[] {
  requireSender(ctx, state, command, 'agency_officer');
  requireNotified(state, command.respondentRef);
  return [
    {
      type: 'StatementAndDefenceRecorded',
      data: { ...eventBase(ctx, state.caseId), respondentRef: command.respondentRef },
    },
  ];
}

/** Decides `RecordHearingRequest` (EC-5, EC-7). */
export function decideHearingRequest(
  ctx: CaseDecisionContext,
  state: FiledCase,
  command: Cmd<'RecordHearingRequest'>,
): EnforcementCaseEvent[] {
  requireSender(ctx, state, command, 'agency_officer');
  const { respondentRef } = command;
  const procedure = requireNotified(state, respondentRef);
  if (!procedure.hearingRight) throw violate('EC-5', 'NoHearingRight', { respondentRef });
  if (procedure.hearingHeldAt !== null || procedure.hearingWaivedAt !== null) {
    throw violate('EC-7', 'HearingConcluded', { respondentRef });
  }
  if (procedure.hearingRequestedAt !== null) {
    throw violate('EC-7', 'HearingAlreadyRequested', { respondentRef });
  }
  const until = hearingWindowEnd(procedure, ctx.policy);
  if (isAfterLocalDay(ctx.occurredAt, until, ctx.policy)) {
    throw violate('EC-5', 'HearingRequestLate', { respondentRef, until });
  }
  return [{ type: 'HearingRequested', data: { ...eventBase(ctx, state.caseId), respondentRef } }];
}

/** Decides `WaiveHearing` (EC-5, EC-7): allowed before or after a request, not after the hearing. */
export function decideWaiveHearing(
  ctx: CaseDecisionContext,
  state: FiledCase,
  command: Cmd<'WaiveHearing'>,
): EnforcementCaseEvent[] {
  requireSender(ctx, state, command, 'agency_officer');
  const { respondentRef } = command;
  const procedure = requireNotified(state, respondentRef);
  if (!procedure.hearingRight) throw violate('EC-5', 'NoHearingRight', { respondentRef });
  if (procedure.hearingHeldAt !== null || procedure.hearingWaivedAt !== null) {
    throw violate('EC-7', 'HearingConcluded', { respondentRef });
  }
  return [{ type: 'HearingWaived', data: { ...eventBase(ctx, state.caseId), respondentRef } }];
}

/** Decides `HoldHearing` (command 8, EC-7): presided by the actor, who did not investigate. */
export function decideHoldHearing(
  ctx: CaseDecisionContext,
  state: FiledCase,
  command: Cmd<'HoldHearing'>,
): EnforcementCaseEvent[] {
  requireSender(ctx, state, command, 'hearing_officer', 'EC-7');
  const personId = ctx.actor.personId;
  if (state.investigatorIds.includes(personId)) {
    throw violate('EC-7', 'HearingOfficerIsInvestigator', { personId });
  }
  const { respondentRef } = command;
  const procedure = requireNotified(state, respondentRef);
  if (
    procedure.hearingRequestedAt === null ||
    procedure.hearingHeldAt !== null ||
    procedure.hearingWaivedAt !== null
  ) {
    throw violate('EC-7', 'NoHearingRequested', { respondentRef });
  }
  return [
    {
      type: 'HearingHeld',
      data: { ...eventBase(ctx, state.caseId), respondentRef, presidingPersonId: personId },
    },
  ];
}

/** Decides `CompleteLegalReview` (EC-8). */
export function decideLegalReview(
  ctx: CaseDecisionContext,
  state: FiledCase,
  command: Cmd<'CompleteLegalReview'>,
): EnforcementCaseEvent[] {
  requireSender(ctx, state, command, 'legal_reviewer', 'EC-8');
  return [
    {
      type: 'LegalReviewCompleted',
      data: { ...eventBase(ctx, state.caseId), opinion: command.opinion },
    },
  ];
}

/** Decides `ExtendDecisionDeadline` (EC-9). */
export function decideExtendDeadline(
  ctx: CaseDecisionContext,
  state: FiledCase,
  command: Cmd<'ExtendDecisionDeadline'>,
): EnforcementCaseEvent[] {
  requireSender(ctx, state, command, 'agency_head');
  const dueDate = decisionDueDate(state, ctx.policy);
  if (compareLocalDates(command.newDueDate, dueDate) <= 0) {
    throw violate('EC-9', 'DueDateNotLater', { newDueDate: command.newDueDate, dueDate });
  }
  return [
    {
      type: 'CaseDeadlineExtended',
      data: {
        ...eventBase(ctx, state.caseId),
        oldDueDate: dueDate,
        newDueDate: command.newDueDate,
        reason: command.reason,
      },
    },
  ];
}
