import {
  accepted,
  caseCommandArbitrary,
  type DeciderModel,
  type Prediction,
  rejected,
  sampleCaseCommands,
  verifyDecider,
} from '@safeledger/testing';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { createSupervisionPolicy } from '../policy/supervision-policy.js';
import type { EnforcementCaseCommand } from './commands.js';
import { createEnforcementCaseDecider } from './decide.js';
import { isDualPenaltyCase } from './dual-penalty.js';
import type { EnforcementCaseFacts } from './facts.js';
import { type EnforcementCaseState, isFiledCase } from './state.js';

// An independent model of §4.2, written from the spec's state table and rules with the default
// policy (statement window 3 days, hearing window 5, hearing thresholds 50 000 / 10 000, legal
// review at 50 000, Asia/Shanghai = UTC+8 without daylight saving). It never calls the decider's
// code: windows are counted in whole local days by plain arithmetic.

const kit = sampleCaseCommands();
const policy = createSupervisionPolicy();
const dayMs = 86_400_000;
const localDay = (ms: number) => Math.floor((ms + 8 * 3_600_000) / dayMs);

type Status =
  | 'unfiled'
  | 'filed'
  | 'notified'
  | 'hearing_requested'
  | 'decided'
  | 'executed'
  | 'closed'
  | 'dismissed'
  | 'transferred';

interface Notice {
  day: number;
  fine: number;
  suspension: number;
  kinds: string[];
  right: boolean;
  defence: boolean;
  requested: boolean;
  held: boolean;
  waived: boolean;
}
interface Decided {
  ref: string;
  kind: string;
  amount: number;
}
interface Model {
  status: Status;
  filedDay: number;
  dueDay: number;
  respondents: Record<string, 'unit' | 'individual'>;
  investigators: string[];
  links: string[];
  major: boolean;
  notices: Record<string, Notice>;
  hearingHeld: boolean;
  review: 'approve' | 'revise' | null;
  decision: Decided[] | null;
  served: string[];
  settled: string[];
}

const initial = (): Model => ({
  status: 'unfiled',
  filedDay: 0,
  dueDay: 0,
  respondents: {},
  investigators: [],
  links: [],
  major: false,
  notices: {},
  hearingHeld: false,
  review: null,
  decision: null,
  served: [],
  settled: [],
});

const pre: Status[] = ['filed', 'notified', 'hearing_requested'];
const post: Status[] = ['decided', 'executed'];
const states: Record<string, Status[]> = {
  AddRespondent: pre,
  LinkHazardToCase: [...pre, ...post],
  RecordEvidence: pre,
  ServePreDecisionNotice: pre,
  RecordStatementAndDefence: ['notified', 'hearing_requested'],
  RecordHearingRequest: ['notified', 'hearing_requested'],
  WaiveHearing: ['notified', 'hearing_requested'],
  HoldHearing: ['hearing_requested'],
  CompleteLegalReview: pre,
  DecidePenalty: ['notified', 'hearing_requested'],
  ServeDecision: post,
  RecordPenaltyPerformed: post,
  RequestCourtEnforcement: post,
  ExtendDecisionDeadline: pre,
  CloseCase: post,
  DismissCase: [...pre, ...post],
  TransferCase: [...pre, ...post],
};
// Who may send each command: the person ids the sample kit's actors may use.
const officers = ['p-enf-1', 'p-enf-2', 'p-enf-3'];
const head = ['p-safety-head'];
const senders: Record<string, string[]> = {
  AddRespondent: officers,
  LinkHazardToCase: officers,
  RecordEvidence: officers,
  ServePreDecisionNotice: officers,
  RecordStatementAndDefence: officers,
  RecordHearingRequest: officers,
  WaiveHearing: officers,
  ServeDecision: officers,
  RecordPenaltyPerformed: officers,
  HoldHearing: [...officers, ...head, 'p-legal'],
  CompleteLegalReview: ['p-legal'],
  DecidePenalty: head,
  RequestCourtEnforcement: head,
  ExtendDecisionDeadline: head,
  CloseCase: head,
  DismissCase: head,
  TransferCase: head,
};
const majorHazards: Record<string, string> = {
  'h-chem-major': 'ent-chem',
  'h-chem-general': 'ent-chem',
  'h-landlord': 'ent-landlord',
};

const pending = (n: Notice) => n.requested && !n.held && !n.waived;
function preDecision(model: Model): Status {
  const all = Object.values(model.notices);
  if (all.some(pending)) return 'hearing_requested';
  return all.length > 0 ? 'notified' : 'filed';
}
function executed(model: Model): boolean {
  const decision = model.decision ?? [];
  const refs = [...new Set(decision.map((p) => p.ref))];
  return (
    refs.every((r) => model.served.includes(r)) &&
    decision.every((_, i) => model.settled.includes(`P${i + 1}`))
  );
}

function next(model: Model, command: EnforcementCaseCommand, now: number): Prediction<Model> {
  const today = localDay(now);
  const m: Model = structuredClone(model);
  if (['closed', 'dismissed', 'transferred'].includes(m.status))
    return rejected('EC-0', 'CaseTerminal');
  if (command.type === 'FileCase') {
    if (m.status !== 'unfiled') return rejected('EC-0', 'AlreadyFiled');
    if (command.actor.orgId !== 'org-safety') return rejected('EC-1', 'Forbidden');
    if (command.approvedBy === 'p-enf-1') return rejected('EC-1', 'SelfApproval');
    return accepted({
      ...m,
      status: 'filed',
      filedDay: today,
      dueDay: today + 90,
      respondents: { U: 'unit', P: 'individual' },
      investigators: ['p-enf-1', 'p-enf-2'],
    });
  }
  if (m.status === 'unfiled') return rejected('EC-0', 'CaseNotFiled');
  if (!states[command.type]!.includes(m.status)) return rejected('EC-0', 'InvalidState');
  const actor = command.actor.personId;
  if (command.type === 'HoldHearing') {
    if (!senders.HoldHearing!.includes(actor)) return rejected('EC-7', 'Forbidden');
  } else if (command.type === 'CompleteLegalReview') {
    if (!senders.CompleteLegalReview!.includes(actor)) return rejected('EC-8', 'Forbidden');
  } else if (!senders[command.type]!.includes(actor)) {
    return rejected('EC-0', 'Forbidden');
  }
  const isRespondent = (r: string) => m.respondents[r] !== undefined;
  switch (command.type) {
    case 'AddRespondent': {
      const r = command.respondent.ref;
      if (isRespondent(r)) return rejected('EC-1', 'DuplicateRespondentRef');
      m.respondents[r] = command.respondent.kind;
      return accepted(m);
    }
    case 'LinkHazardToCase': {
      if (m.links.includes(command.hazardId)) return rejected('EC-15', 'HazardAlreadyLinked');
      if (majorHazards[command.hazardId] !== 'ent-chem') {
        return rejected('EC-15', 'HazardNotOfRespondent');
      }
      m.links.push(command.hazardId);
      if (m.decision === null && command.hazardId === 'h-chem-major') m.major = true;
      return accepted(m);
    }
    case 'RecordEvidence': {
      const ids = [...new Set(command.officerIds)];
      if (ids.length < 2) return rejected('EC-2', 'TooFewOfficers');
      if (!ids.includes(actor)) return rejected('EC-2', 'RecorderNotNamed');
      m.investigators = [...new Set([...m.investigators, ...ids])];
      return accepted(m);
    }
    case 'ServePreDecisionNotice': {
      const r = command.respondentRef;
      if (!isRespondent(r)) return rejected('EC-0', 'UnknownRespondent');
      const penalties = command.proposedPenalties;
      if (penalties.some((p) => p.respondentRef !== r))
        return rejected('EC-4', 'NoticeTargetsAnother');
      const threshold = m.respondents[r] === 'unit' ? 50_000 : 10_000;
      const needsRight = penalties.some(
        (p) =>
          p.kind === 'suspension_of_operations' ||
          (p.kind === 'fine' && (p.amountCny ?? 0) >= threshold),
      );
      if (needsRight && !command.hearingRight) return rejected('EC-6', 'HearingRightRequired');
      m.notices[r] = {
        day: today,
        fine: penalties.reduce((s, p) => s + (p.kind === 'fine' ? (p.amountCny ?? 0) : 0), 0),
        suspension: Math.max(
          0,
          ...penalties.map((p) =>
            p.kind === 'suspension_of_operations' ? (p.durationDays ?? 0) : 0,
          ),
        ),
        kinds: penalties.map((p) => p.kind),
        right: command.hearingRight,
        defence: false,
        requested: false,
        held: false,
        waived: false,
      };
      m.status = preDecision(m);
      return accepted(m);
    }
    case 'RecordStatementAndDefence':
    case 'RecordHearingRequest':
    case 'WaiveHearing': {
      const r = command.respondentRef;
      if (!isRespondent(r)) return rejected('EC-0', 'UnknownRespondent');
      const n = m.notices[r];
      if (n === undefined) return rejected('EC-4', 'NotNotified');
      if (command.type === 'RecordStatementAndDefence') {
        n.defence = true;
        return accepted(m);
      }
      if (!n.right) return rejected('EC-5', 'NoHearingRight');
      if (n.held || n.waived) return rejected('EC-7', 'HearingConcluded');
      if (command.type === 'RecordHearingRequest') {
        if (n.requested) return rejected('EC-7', 'HearingAlreadyRequested');
        if (today > n.day + 5) return rejected('EC-5', 'HearingRequestLate');
        n.requested = true;
      } else {
        n.waived = true;
      }
      m.status = preDecision(m);
      return accepted(m);
    }
    case 'HoldHearing': {
      if (m.investigators.includes(actor)) return rejected('EC-7', 'HearingOfficerIsInvestigator');
      const r = command.respondentRef;
      if (!isRespondent(r)) return rejected('EC-0', 'UnknownRespondent');
      const n = m.notices[r];
      if (n === undefined) return rejected('EC-4', 'NotNotified');
      if (!pending(n)) return rejected('EC-7', 'NoHearingRequested');
      n.held = true;
      m.hearingHeld = true;
      m.status = preDecision(m);
      return accepted(m);
    }
    case 'CompleteLegalReview':
      m.review = command.opinion;
      return accepted(m);
    case 'DecidePenalty': {
      const penalties = command.penalties;
      const refs = [...new Set(penalties.map((p) => p.respondentRef))];
      if (refs.some((r) => !isRespondent(r))) return rejected('EC-0', 'UnknownRespondent');
      for (const r of refs) {
        const n = m.notices[r];
        if (n === undefined) return rejected('EC-4', 'NotNotified');
        const mine = penalties.filter((p) => p.respondentRef === r);
        if (mine.some((p) => p.kind !== 'warning' && !n.kinds.includes(p.kind))) {
          return rejected('EC-4', 'PenaltyKindNotNotified');
        }
        const fines = mine.reduce((s, p) => s + (p.kind === 'fine' ? (p.amountCny ?? 0) : 0), 0);
        const days = Math.max(
          0,
          ...mine.map((p) => (p.kind === 'suspension_of_operations' ? (p.durationDays ?? 0) : 0)),
        );
        if (fines > n.fine || days > n.suspension)
          return rejected('EC-4', 'ExceedsNotifiedPenalty');
      }
      if (refs.some((r) => pending(m.notices[r]!))) return rejected('EC-7', 'HearingPending');
      for (const r of refs) {
        const n = m.notices[r]!;
        if (!n.defence && today <= n.day + 3) return rejected('EC-5', 'StatementWindowOpen');
        if (n.right && !n.held && !n.waived && today <= n.day + 5) {
          return rejected('EC-5', 'HearingWindowOpen');
        }
      }
      for (const p of penalties) {
        if (p.kind !== 'fine') continue;
        const unit = m.respondents[p.respondentRef] === 'unit';
        const max =
          p.basisProvision === 'WSL2021-102' ? (unit ? 50_000 : null) : unit ? 50_000 : 10_000;
        if (max === null) return rejected('EC-10', 'NoFineForRespondentKind');
        if ((p.amountCny ?? 0) > max) return rejected('EC-10', 'FineOutOfStatutoryRange');
      }
      const needsReview =
        penalties.some((p) => p.kind === 'suspension_of_operations') ||
        penalties.some((p) => p.kind === 'fine' && (p.amountCny ?? 0) >= 50_000) ||
        m.hearingHeld;
      if (needsReview && m.review === null) return rejected('EC-8', 'LegalReviewRequired');
      if (needsReview && m.review === 'revise') return rejected('EC-8', 'LegalReviewNotApproved');
      m.decision = penalties.map((p) => ({
        ref: p.respondentRef,
        kind: p.kind,
        amount: p.amountCny ?? 0,
      }));
      m.status = 'decided';
      return accepted(m);
    }
    case 'ServeDecision': {
      const r = command.respondentRef;
      if (!(m.decision ?? []).some((p) => p.ref === r)) return rejected('EC-12', 'NotPenalised');
      if (m.served.includes(r)) return rejected('EC-12', 'AlreadyServed');
      m.served.push(r);
      if (executed(m)) m.status = 'executed';
      return accepted(m);
    }
    case 'RecordPenaltyPerformed':
    case 'RequestCourtEnforcement': {
      const index = Number(command.penaltyRef.slice(1)) - 1;
      if (index >= (m.decision ?? []).length) return rejected('EC-13', 'UnknownPenalty');
      if (m.settled.includes(command.penaltyRef)) return rejected('EC-13', 'PenaltyAlreadySettled');
      m.settled.push(command.penaltyRef);
      if (executed(m)) m.status = 'executed';
      return accepted(m);
    }
    case 'ExtendDecisionDeadline': {
      const day = Math.floor(Date.parse(`${command.newDueDate}T00:00:00Z`) / dayMs);
      if (day <= m.dueDay) return rejected('EC-9', 'DueDateNotLater');
      m.dueDay = day;
      return accepted(m);
    }
    case 'CloseCase':
      if (!executed(m)) return rejected('EC-13', 'NotExecuted');
      m.status = 'closed';
      return accepted(m);
    case 'DismissCase':
      if (m.decision !== null) return rejected('EC-14', 'AlreadyDecided');
      m.status = 'dismissed';
      return accepted(m);
    case 'TransferCase':
      m.status = 'transferred';
      return accepted(m);
  }
}

const model: DeciderModel<Model, EnforcementCaseCommand, EnforcementCaseFacts> = {
  initial,
  next: (m, command, context) => next(m, command, context.now.getTime()),
};

const decider = createEnforcementCaseDecider({
  directory: kit.directory,
  policy,
  hazards: { hazard: async (id) => kit.hazards[id] },
  inspections: { inspection: async (id) => kit.inspections[id] },
});
const anyCommand = caseCommandArbitrary({ kit });
const { actors } = kit;
const provisionOf = (ref: string) => (ref === 'U' ? 'WSL2021-102' : 'WSL2021-103(2)');

/**
 * Commands that follow the procedure from the model's state, mixed with the state-blind ones of
 * `caseCommandArbitrary`: without them, random sequences would rarely reach a decision. Only
 * the choice of command uses the model; what the decider must answer is still the model's call.
 */
function guided(m: Model): fc.Arbitrary<EnforcementCaseCommand> {
  if (m.status === 'unfiled') return fc.constant(kit.file());
  const notified = Object.entries(m.notices);
  const options: fc.Arbitrary<EnforcementCaseCommand>[] = [];
  if (pre.includes(m.status) && notified.length > 0) {
    options.push(
      fc
        .tuple(
          fc.subarray(notified, { minLength: 1 }),
          fc.constantFrom(1, 0.5),
          // Now and then every fine cites the unit provision, which has no fine for an
          // individual (EC-10): without it, random runs reach EC-10 only by chance.
          fc.oneof(
            { weight: 4, arbitrary: fc.constant(null) },
            { weight: 1, arbitrary: fc.constant('WSL2021-102') },
          ),
        )
        .map(([chosen, share, citedProvision]) =>
          kit.decide(
            chosen.flatMap(([ref, n]) => [
              ...(n.fine > 0
                ? [
                    {
                      respondentRef: ref,
                      kind: 'fine' as const,
                      amountCny: n.fine * share,
                      basisProvision: citedProvision ?? provisionOf(ref),
                    },
                  ]
                : []),
              ...(n.suspension > 0
                ? [
                    {
                      respondentRef: ref,
                      kind: 'suspension_of_operations' as const,
                      durationDays: n.suspension,
                      basisProvision: 'WSL2021-102-refusal',
                    },
                  ]
                : []),
              ...(n.fine === 0 && n.suspension === 0
                ? [
                    {
                      respondentRef: ref,
                      kind: 'warning' as const,
                      basisProvision: 'Order16-2007-26',
                    },
                  ]
                : []),
            ]),
          ),
        ),
    );
    for (const [ref, n] of notified) {
      if (n.right && !n.requested && !n.held && !n.waived) {
        options.push(
          fc.constant({
            type: 'RecordHearingRequest',
            actor: actors.officers[0],
            respondentRef: ref,
          }),
        );
      }
      if (pending(n))
        options.push(
          fc.constant({ type: 'HoldHearing', actor: actors.hearingOfficer, respondentRef: ref }),
        );
    }
  }
  if (post.includes(m.status)) {
    const decision = m.decision ?? [];
    for (const ref of new Set(decision.map((p) => p.ref)))
      options.push(fc.constant(kit.serve(ref)));
    for (let i = 0; i < decision.length; i++) options.push(fc.constant(kit.perform(`P${i + 1}`)));
    options.push(fc.constant(kit.close()));
  }
  return options.length === 0 ? anyCommand : fc.oneof(...options);
}

// Longer sequences than fast-check's default size: a case needs a dozen steps to reach closure.
fc.configureGlobal({ ...fc.readConfigureGlobal(), baseSize: 'large' });

/** What one batch of runs reached; summed over batches for the coverage check. */
interface Reached {
  decisions: number;
  closures: number;
  rejectedBy: Record<string, number>;
}

const coveredRules = ['EC-0', 'EC-4', 'EC-5', 'EC-7', 'EC-8', 'EC-10', 'EC-13'] as const;
const isCovered = (r: Reached) =>
  r.decisions > 10 && r.closures > 0 && coveredRules.every((rule) => (r.rejectedBy[rule] ?? 0) > 0);

it('EC-0…EC-15 the case lifecycle follows an independent model of §4.2 as days and weeks pass', () => {
  const reached: Reached = { decisions: 0, closures: 0, rejectedBy: {} };
  // A batch of 200 runs reaches EC-7 and EC-10 a handful of times, and now and then not at all:
  // a batch that misses one is followed by another (each a full check with a fresh seed), up to
  // five, so the coverage check fails when the generator stops reaching a rule, not on a seed.
  for (let batch = 0; batch < 5 && !isCovered(reached); batch += 1) {
    const summary = runBatch();
    reached.decisions += summary.events.PenaltyDecisionIssued ?? 0;
    reached.closures += summary.events.CaseClosed ?? 0;
    for (const [rule, n] of Object.entries(summary.rejectedBy)) {
      reached.rejectedBy[rule] = (reached.rejectedBy[rule] ?? 0) + n;
    }
  }
  // The runs must reach the decision and beyond, and exercise rejections of the main rules.
  expect(reached.decisions).toBeGreaterThan(10);
  expect(reached.closures).toBeGreaterThan(0);
  for (const rule of coveredRules) {
    expect(reached.rejectedBy[rule] ?? 0, rule).toBeGreaterThan(0);
  }
});

function runBatch() {
  return verifyDecider<
    EnforcementCaseState,
    EnforcementCaseCommand,
    never,
    Model,
    EnforcementCaseFacts
  >(decider as never, {
    model,
    commands: (m) =>
      fc.oneof({ weight: 3, arbitrary: anyCommand }, { weight: 2, arbitrary: guided(m) }),
    facts: (command) => kit.facts(command),
    numRuns: 200,
    maxCommands: 40,
    startTime: new Date('2024-03-01T02:00:00Z'),
    advanceTime: fc.constantFrom(0, 3_600_000, dayMs, 2 * dayMs, 7 * dayMs, 14 * dayMs),
    invariants: {
      'the state mirrors the model': ({ state, model: m }) => {
        expect(state.status).toBe(m.status);
        if (isFiledCase(state)) expect(state.isMajorHazardCase).toBe(m.major);
      },
      'no penalty exceeds what was notified': ({ state }) => {
        if (!isFiledCase(state) || state.decision === null) return;
        for (const penalty of state.decision.penalties) {
          const notice = state.procedures[penalty.respondentRef];
          expect(notice).toBeDefined();
          const notifiedFine = notice!.proposedPenalties
            .filter((p) => p.kind === 'fine')
            .reduce((s, p) => s + (p.amountCny ?? 0), 0);
          const decidedFine = state.decision.penalties
            .filter((p) => p.respondentRef === penalty.respondentRef && p.kind === 'fine')
            .reduce((s, p) => s + (p.amountCny ?? 0), 0);
          expect(decidedFine).toBeLessThanOrEqual(notifiedFine);
        }
      },
      'no decision before its windows close': ({ state }) => {
        if (!isFiledCase(state) || state.decision === null) return;
        const decidedDay = localDay(Date.parse(state.decision.decidedAt));
        for (const ref of new Set(state.decision.penalties.map((p) => p.respondentRef))) {
          const p = state.procedures[ref]!;
          const noticeDay = localDay(Date.parse(p.noticeServedAt));
          const defended =
            p.defenceRecordedAt !== null && p.defenceRecordedAt <= state.decision.decidedAt;
          expect(defended || decidedDay > noticeDay + 3).toBe(true);
          if (p.hearingRight) {
            const concluded = p.hearingHeldAt !== null || p.hearingWaivedAt !== null;
            expect(concluded || (p.hearingRequestedAt === null && decidedDay > noticeDay + 5)).toBe(
              true,
            );
          }
        }
      },
      'the dual-penalty flag equals its definition': ({ state, model: m }) => {
        if (!isFiledCase(state)) return;
        const refs = new Set((m.decision ?? []).map((p) => p.ref));
        // U is the chemical works; P (principal) and M (manager) are individuals of it.
        const expected = refs.has('U') && (refs.has('P') || refs.has('M'));
        expect(isDualPenaltyCase(state, policy)).toBe(expected);
      },
    },
  });
}
