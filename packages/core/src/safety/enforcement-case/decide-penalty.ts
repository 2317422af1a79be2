import type { ParsedEnforcementCaseCommand } from './commands.js';
import { requireRespondent } from './decide-procedure.js';
import { type CaseDecisionContext, eventBase } from './decision-context.js';
import type { EnforcementCaseEvent } from './events.js';
import { fineBoundFor } from './penalty-basis.js';
import { requireSender } from './permissions.js';
import { violate } from './rules.js';
import type { FiledCase, NotifiedPenalty, RespondentProcedure } from './state.js';
import { hearingWindowEnd, isAfterLocalDay, statementWindowEnd } from './time-facts.js';
import {
  amountPenaltyKinds,
  durationPenaltyKinds,
  legalReviewPenaltyKinds,
  type Penalty,
  type Respondent,
} from './values.js';

type Cmd<T extends ParsedEnforcementCaseCommand['type']> = Extract<
  ParsedEnforcementCaseCommand,
  { type: T }
>;

const sum = (values: readonly (number | null | undefined)[]) =>
  values.reduce<number>((total, value) => total + (value ?? 0), 0);
const max = (values: readonly (number | null | undefined)[]) =>
  values.reduce<number>((most, value) => Math.max(most, value ?? 0), 0);

/**
 * EC-4: the penalties decided on one respondent stay within its latest notice: kinds notified
 * (a warning is always lighter), totals of amounts and longest durations no greater.
 */
function checkWithinNotice(
  respondentRef: string,
  decided: readonly Penalty[],
  notified: readonly NotifiedPenalty[],
): void {
  for (const penalty of decided) {
    if (penalty.kind === 'warning') continue;
    if (!notified.some((n) => n.kind === penalty.kind)) {
      throw violate('EC-4', 'PenaltyKindNotNotified', { respondentRef, kind: penalty.kind });
    }
  }
  const kinds = [...new Set(decided.map((penalty) => penalty.kind))];
  for (const kind of kinds) {
    const mine = decided.filter((penalty) => penalty.kind === kind);
    const theirs = notified.filter((penalty) => penalty.kind === kind);
    if (amountPenaltyKinds.includes(kind)) {
      const total = sum(mine.map((p) => p.amountCny));
      const allowed = sum(theirs.map((p) => p.amountCny));
      if (total > allowed) {
        throw violate('EC-4', 'ExceedsNotifiedPenalty', {
          respondentRef,
          kind,
          measure: 'amount',
          decided: total,
          notified: allowed,
        });
      }
    }
    if (durationPenaltyKinds.includes(kind)) {
      const longest = max(mine.map((p) => p.durationDays));
      const allowed = max(theirs.map((p) => p.durationDays));
      if (longest > allowed) {
        throw violate('EC-4', 'ExceedsNotifiedPenalty', {
          respondentRef,
          kind,
          measure: 'duration',
          decided: longest,
          notified: allowed,
        });
      }
    }
  }
}

/** EC-5: the statement and hearing windows of one penalised respondent have closed. */
function checkWindows(
  ctx: CaseDecisionContext,
  respondentRef: string,
  procedure: RespondentProcedure,
): void {
  const at = ctx.occurredAt;
  if (procedure.defenceRecordedAt === null) {
    const until = statementWindowEnd(procedure, ctx.policy);
    if (!isAfterLocalDay(at, until, ctx.policy)) {
      throw violate('EC-5', 'StatementWindowOpen', { respondentRef, until });
    }
  }
  const concluded = procedure.hearingHeldAt !== null || procedure.hearingWaivedAt !== null;
  if (procedure.hearingRight && !concluded) {
    const until = hearingWindowEnd(procedure, ctx.policy);
    if (!isAfterLocalDay(at, until, ctx.policy)) {
      throw violate('EC-5', 'HearingWindowOpen', { respondentRef, until });
    }
  }
}

/** EC-10: a fine lies within the range its provision sets for the respondent kind. */
function checkFineRange(ctx: CaseDecisionContext, penalty: Penalty, respondent: Respondent): void {
  if (penalty.kind !== 'fine') return;
  const provision = penalty.basisProvision;
  const bound = fineBoundFor(ctx.penaltyBasis, provision, respondent.kind);
  if (bound === undefined) throw violate('EC-10', 'UnknownBasisProvision', { provision });
  if (bound === null) {
    throw violate('EC-10', 'NoFineForRespondentKind', {
      provision,
      respondentKind: respondent.kind,
    });
  }
  if (bound.kind === 'income_share') return;
  const amountCny = penalty.amountCny ?? 0;
  if (amountCny < bound.minCny || amountCny > bound.maxCny) {
    throw violate('EC-10', 'FineOutOfStatutoryRange', {
      provision,
      amountCny,
      minCny: bound.minCny,
      maxCny: bound.maxCny,
      respondentKind: respondent.kind,
    });
  }
}

/** EC-8: why the decision needs an approving legal review, or undefined. */
export function legalReviewReason(
  ctx: Pick<CaseDecisionContext, 'policy'>,
  state: Pick<FiledCase, 'hearingHeld'>,
  penalties: readonly Pick<Penalty, 'kind' | 'amountCny'>[],
): 'kind' | 'fine' | 'hearing' | undefined {
  if (penalties.some((penalty) => legalReviewPenaltyKinds.includes(penalty.kind))) return 'kind';
  const threshold = ctx.policy.legalReviewFineThreshold;
  if (penalties.some((p) => p.kind === 'fine' && (p.amountCny ?? 0) >= threshold)) return 'fine';
  return state.hearingHeld ? 'hearing' : undefined;
}

/**
 * Decides `DecidePenalty`. The checks run in a fixed order, each citing its rule: respondents of
 * the case (EC-0), within the notices (EC-4), no pending hearing (EC-7), windows closed (EC-5),
 * fines in range (EC-10), legal review (EC-8). EC-3 is frozen into the event.
 */
export function decidePenalty(
  ctx: CaseDecisionContext,
  state: FiledCase,
  command: Cmd<'DecidePenalty'>,
): EnforcementCaseEvent[] {
  requireSender(ctx, state, command, 'agency_head');
  const refs = [...new Set(command.penalties.map((penalty) => penalty.respondentRef))];
  for (const ref of refs) requireRespondent(state, ref);
  for (const ref of refs) {
    const procedure = state.procedures[ref];
    if (procedure === undefined) throw violate('EC-4', 'NotNotified', { respondentRef: ref });
    checkWithinNotice(
      ref,
      command.penalties.filter((penalty) => penalty.respondentRef === ref),
      procedure.proposedPenalties,
    );
  }
  for (const ref of refs) {
    const procedure = state.procedures[ref]!;
    const pending =
      procedure.hearingRequestedAt !== null &&
      procedure.hearingHeldAt === null &&
      procedure.hearingWaivedAt === null;
    if (pending) throw violate('EC-7', 'HearingPending', { respondentRef: ref });
  }
  for (const ref of refs) checkWindows(ctx, ref, state.procedures[ref]!);
  for (const penalty of command.penalties) {
    checkFineRange(ctx, penalty, requireRespondent(state, penalty.respondentRef));
  }
  const why = legalReviewReason(ctx, state, command.penalties);
  if (why !== undefined) {
    if (state.legalReview === null) throw violate('EC-8', 'LegalReviewRequired', { why });
    if (state.legalReview.opinion !== 'approve') throw violate('EC-8', 'LegalReviewNotApproved');
  }
  return [
    {
      type: 'PenaltyDecisionIssued',
      data: {
        ...eventBase(ctx, state.caseId),
        decisionNo: command.decisionNo,
        penalties: command.penalties.map((penalty, index) => {
          const respondent = requireRespondent(state, penalty.respondentRef);
          return {
            penaltyRef: `P${index + 1}`,
            respondentKind: respondent.kind,
            enterpriseId: respondent.enterpriseId,
            respondentRef: penalty.respondentRef,
            kind: penalty.kind,
            amountCny: penalty.amountCny ?? null,
            durationDays: penalty.durationDays ?? null,
            basisProvision: penalty.basisProvision,
          };
        }),
        collectiveDiscussion: command.collectiveDiscussion,
        isMajorHazardCase: state.isMajorHazardCase,
        linkedHazards: state.hazardLinks.map(({ hazardId, enterpriseId }) => ({
          hazardId,
          enterpriseId,
        })),
      },
    },
  ];
}
