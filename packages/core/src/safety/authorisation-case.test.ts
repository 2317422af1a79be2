import { actorsOf, caseCommandArbitrary, sampleCaseCommands } from '@safeledger/testing';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import {
  checkResentCommands,
  expectEveryTypeAccepted,
} from './authorisation-resend.test-helper.js';
import type { EnforcementCaseCommand } from './enforcement-case/commands.js';
import { createEnforcementCaseDecider } from './enforcement-case/decide.js';
import type { EnforcementCaseState } from './enforcement-case/state.js';
import type { SafetyActor } from './roles/actor.js';
import type { Role } from './roles/role.js';

/*
 * Issue 20, authorisation (G-5) for EnforcementCase: at every step of random cases while time
 * passes, the command is re-sent by every genuine actor of the sample case directory (the
 * district bureau's officers, head and legal reviewer, an uncredentialed officer, the far
 * bureau's head, the enterprise's people). Whoever the decider accepts must hold a role the
 * spec's §4.2 table ("Who") names and act for the case's agency; a hearing is presided by
 * someone who did not investigate. The table is written from the spec, not from the library's
 * permissions.
 */

const EO: Role[] = ['EnforcementOfficer'];
const HEAD: Role[] = ['AuthorityHead'];
/** §4.2 "Who" as role sets. */
const who: Record<EnforcementCaseCommand['type'], readonly Role[]> = {
  // Proposed by officers and approved by the head; either sends the filing.
  FileCase: ['EnforcementOfficer', 'AuthorityHead'],
  AddRespondent: EO,
  LinkHazardToCase: EO,
  RecordEvidence: EO,
  ServePreDecisionNotice: EO,
  RecordStatementAndDefence: EO,
  RecordHearingRequest: EO,
  WaiveHearing: EO,
  // "Hearing officer (not an investigator)": an officer or the legal reviewer of the agency.
  HoldHearing: [
    'EnforcementOfficer',
    'TerritorialOfficer',
    'IndustryOfficer',
    'SpecialOfficer',
    'AuthorityHead',
    'LegalReviewer',
  ],
  CompleteLegalReview: ['LegalReviewer'],
  DecidePenalty: HEAD,
  ServeDecision: EO,
  RecordPenaltyPerformed: EO,
  RequestCourtEnforcement: HEAD,
  ExtendDecisionDeadline: HEAD,
  CloseCase: HEAD,
  DismissCase: HEAD,
  TransferCase: HEAD,
};

const kit = sampleCaseCommands();
const DAY = 86_400_000;
const { directory } = kit;

function inScope(command: EnforcementCaseCommand, actor: SafetyActor, state: EnforcementCaseState) {
  const agency =
    state.status !== 'unfiled'
      ? state.agencyOrgId
      : command.type === 'FileCase'
        ? command.agencyOrgId
        : undefined;
  if (agency === undefined || actor.orgId !== agency) return false;
  if (command.type === 'HoldHearing' && state.status !== 'unfiled')
    return !state.investigatorIds.includes(actor.personId);
  return true;
}

/**
 * Steps that move a case along its main path (file, notice, decide what was notified, serve,
 * perform, close), drawn beside the library's state-blind arbitrary so runs reach the end.
 */
function guided(state: EnforcementCaseState): fc.Arbitrary<EnforcementCaseCommand> {
  if (state.status === 'unfiled') return fc.constant(kit.file());
  const notified = Object.entries(state.procedures);
  if (notified.length === 0)
    return fc.constantFrom(kit.notice('U'), kit.notice('U', undefined, { hearingRight: true }));
  if (state.decision === null) {
    const penalties = notified.flatMap(([ref, p]) =>
      p.proposedPenalties.map((penalty) => ({ ...penalty, respondentRef: ref })),
    );
    const extendTo = new Date(Date.parse(state.filedAt) + 150 * DAY).toISOString().slice(0, 10);
    // A requested hearing is held next; otherwise a statement, a request or a waiver.
    const hearing = notified.flatMap(([respondentRef, p]): EnforcementCaseCommand[] =>
      p.hearingRequestedAt !== null && p.hearingHeldAt === null
        ? [{ type: 'HoldHearing', actor: kit.actors.hearingOfficer, respondentRef }]
        : [
            { type: 'RecordStatementAndDefence', actor: kit.actors.officers[0], respondentRef },
            { type: 'RecordHearingRequest', actor: kit.actors.officers[0], respondentRef },
            { type: 'WaiveHearing', actor: kit.actors.officers[0], respondentRef },
          ],
    );
    // Mostly the decision (refused until its windows close, EC-5), besides the procedure steps.
    return fc.oneof(
      { weight: 4, arbitrary: fc.constant<EnforcementCaseCommand>(kit.decide(penalties as never)) },
      { weight: 1, arbitrary: fc.constant(kit.review('approve')) },
      { weight: 2, arbitrary: fc.constantFrom(...hearing) },
      {
        weight: 1,
        arbitrary: fc.constant<EnforcementCaseCommand>({
          type: 'ExtendDecisionDeadline',
          actor: kit.actors.head,
          newDueDate: extendTo,
          reason: 'complex case',
        }),
      },
    );
  }
  const refs = [...new Set(state.decision.penalties.map((p) => p.respondentRef))];
  const unserved = refs.filter((ref) => state.served[ref] === undefined);
  const open = state.decision.penalties
    .map((p) => p.penaltyRef)
    .filter((ref) => state.settlements[ref] === undefined);
  if (unserved.length === 0 && open.length === 0) return fc.constant(kit.close());
  return fc.constantFrom<EnforcementCaseCommand>(
    ...unserved.map((ref) => kit.serve(ref)),
    ...open.flatMap((penaltyRef): EnforcementCaseCommand[] => [
      kit.perform(penaltyRef),
      { type: 'RequestCourtEnforcement', actor: kit.actors.head, penaltyRef },
    ]),
  );
}

/** Roles the property must see each of these commands accepted from (both sides got through). */
const acceptedFrom = { CompleteLegalReview: ['LegalReviewer'] } satisfies Record<
  string,
  readonly Role[]
>;

it('G-5: no enforcement case command is accepted from a role §4.2 does not allow, or from outside the case’s agency', async () => {
  const anyCommand = caseCommandArbitrary({ kit });
  const summary = await checkResentCommands<EnforcementCaseState, EnforcementCaseCommand>({
    decider: createEnforcementCaseDecider({
      directory,
      hazards: { hazard: async (id) => kit.hazards[id] },
      inspections: { inspection: async (id) => kit.inspections[id] },
    }),
    actors: actorsOf(directory),
    streamId: () => 'case-c-1',
    next: (state) =>
      fc.oneof(
        { weight: 3, arbitrary: anyCommand },
        // Once filed, the main path gets more weight, and once decided the case mostly moves
        // on (few random commands fit that late), so the late commands (serving, performing,
        // court enforcement, closing) are reached in most batches: with weight 2 before the
        // decision, one seed in about seven ran seven batches without a penalty performed.
        {
          weight: state.status === 'unfiled' ? 2 : state.decision === null ? 4 : 9,
          arbitrary: guided(state),
        },
      ),
    start: '2024-03-01T02:00:00Z',
    maxDaysPerStep: 6,
    maxSteps: 30,
    allowed: (command, actor) => who[command.type].includes(actor.role),
    inScope,
    types: Object.keys(who),
    roles: acceptedFrom,
    numRuns: Number(process.env.FC_NUM_RUNS ?? 40),
  });
  expect(summary.checked).toBeGreaterThan(1_000);
  expectEveryTypeAccepted(summary, Object.keys(who));
  expect([...(summary.accepted.get('CompleteLegalReview') ?? [])]).toEqual(['LegalReviewer']);
}, 90_000);
