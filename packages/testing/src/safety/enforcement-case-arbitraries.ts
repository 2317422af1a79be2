import type { EnforcementCaseCommand, Penalty, SafetyActor } from '@safeledger/core';
import fc from 'fast-check';
import { type SampleCaseCommands, sampleCaseCommands } from './sample-case-commands.js';

/** Options of the enforcement-case command arbitraries. */
export interface CaseCommandArbitraryOptions {
  /** The sample kit whose directory, actors and hazards the commands use; default a new one. */
  readonly kit?: SampleCaseCommands;
}

/** Respondent refs commands draw from: `U` (unit), `P` (principal), `M` (a manager, added later), `X` (never a respondent). */
export const caseRespondentRefs = ['U', 'P', 'M', 'X'] as const;

const unitPenalty: fc.Arbitrary<Omit<Penalty, 'respondentRef'>> = fc.oneof(
  fc.record({
    kind: fc.constant('fine' as const),
    amountCny: fc.constantFrom(10_000, 30_000, 50_000, 60_000),
    basisProvision: fc.constant('WSL2021-102'),
  }),
  fc.record({
    kind: fc.constant('suspension_of_operations' as const),
    durationDays: fc.constantFrom(15, 30, 45),
    basisProvision: fc.constant('WSL2021-102-refusal'),
  }),
  fc.constant({ kind: 'warning' as const, basisProvision: 'Order16-2007-26' }),
);
const individualPenalty: fc.Arbitrary<Omit<Penalty, 'respondentRef'>> = fc.oneof(
  fc.record({
    kind: fc.constant('fine' as const),
    amountCny: fc.constantFrom(5_000, 10_000, 12_000),
    basisProvision: fc.constantFrom('WSL2021-103(2)', 'WSL2021-103(2)', 'WSL2021-102'),
  }),
  fc.constant({ kind: 'warning' as const, basisProvision: 'Order16-2007-26' }),
);

/** Penalties a notice or decision may carry for one respondent ref. */
export function casePenaltyArbitrary(respondentRef: string): fc.Arbitrary<Penalty> {
  return (respondentRef === 'U' ? unitPenalty : individualPenalty).map((penalty) => ({
    ...penalty,
    respondentRef,
  }));
}

/**
 * Any enforcement-case command on the sample case `c-1`, valid or not in a given state: the
 * arbitrary knows nothing of the case's state, so a model-based test's own model decides what
 * the decider must answer. Actors are mostly the right ones, sometimes another officer, head or
 * an industry officer outside the agency; refs, penalties and amounts span both sides of every
 * rule (unnotified respondents, amounts above the notice and outside the statutory range,
 * missing hearing rights, a one-officer evidence record, a linked hazard of another enterprise).
 */
export function caseCommandArbitrary(
  options: CaseCommandArbitraryOptions = {},
): fc.Arbitrary<EnforcementCaseCommand> {
  const kit = options.kit ?? sampleCaseCommands();
  const { actors } = kit;
  const ref = fc.constantFrom(...caseRespondentRefs);
  const known = fc.constantFrom('U', 'P', 'M');
  const officer = fc.constantFrom<SafetyActor>(
    actors.officers[0],
    actors.officers[0],
    actors.officers[1],
    actors.head,
  );
  const outsider = kit.directory.person('p-ind-1')
    ? ({ personId: 'p-ind-1', role: 'IndustryOfficer', orgId: 'org-industry' } as SafetyActor)
    : actors.head;
  const penaltiesFor = (r: string) =>
    fc.array(casePenaltyArbitrary(r), { minLength: 1, maxLength: 2 });
  return fc.oneof(
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        kit.file(),
        kit.file(),
        kit.file({ approvedBy: 'p-enf-1' }),
        kit.file({ actor: outsider }),
      ),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom<EnforcementCaseCommand>(
        {
          type: 'AddRespondent',
          actor: actors.officers[0],
          respondent: {
            ref: 'M',
            kind: 'individual',
            personId: 'p-so-1',
            enterpriseId: 'ent-chem',
            role: 'directly_responsible_manager',
          },
        },
        {
          type: 'AddRespondent',
          actor: actors.officers[1],
          respondent: { ref: 'U', kind: 'unit', enterpriseId: 'ent-landlord' },
        },
      ),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom('h-chem-major', 'h-chem-general', 'h-landlord').map(
        (hazardId): EnforcementCaseCommand => ({
          type: 'LinkHazardToCase',
          actor: actors.officers[0],
          hazardId,
        }),
      ),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(['p-enf-1', 'p-enf-2'], ['p-enf-1', 'p-enf-3'], ['p-enf-1']).map(
        (officerIds): EnforcementCaseCommand => ({
          type: 'RecordEvidence',
          actor: actors.officers[0],
          kind: 'inspection_record',
          officerIds: [...officerIds],
          ref: 'EV-1',
        }),
      ),
    },
    {
      weight: 4,
      arbitrary: fc.tuple(ref, fc.boolean(), officer).chain(([r, hearingRight, actor]) =>
        penaltiesFor(r === 'X' ? 'U' : r).map((penalties) => ({
          ...kit.notice(r, penalties, { hearingRight }),
          actor,
        })),
      ),
    },
    {
      weight: 3,
      arbitrary: fc
        .tuple(
          fc.constantFrom(
            'RecordStatementAndDefence',
            'RecordHearingRequest',
            'RecordHearingRequest',
            'WaiveHearing',
          ),
          ref,
        )
        .map(
          ([type, respondentRef]) =>
            ({ type, actor: actors.officers[0], respondentRef }) as EnforcementCaseCommand,
        ),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(known, fc.constantFrom(actors.hearingOfficer, actors.officers[1])).map(
        ([respondentRef, actor]): EnforcementCaseCommand => ({
          type: 'HoldHearing',
          actor,
          respondentRef,
        }),
      ),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        kit.review('approve'),
        kit.review('approve'),
        kit.review('revise'),
      ),
    },
    {
      weight: 5,
      arbitrary: fc
        .tuple(
          fc.subarray(['U', 'P', 'M', 'X'], { minLength: 1, maxLength: 3 }),
          fc.constantFrom(actors.head, actors.head, actors.officers[0]),
        )
        .chain(([refs, actor]) =>
          fc
            .tuple(
              ...refs.map((r) =>
                penaltiesFor(r === 'X' ? 'P' : r).map((ps) =>
                  ps.map((p) => ({ ...p, respondentRef: r })),
                ),
              ),
            )
            .map((lists) => ({ ...kit.decide(lists.flat()), actor })),
        ),
    },
    { weight: 3, arbitrary: ref.map((r) => kit.serve(r)) },
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.constantFrom('P1', 'P2', 'P3', 'P4'), fc.boolean())
        .map(
          ([penaltyRef, court]): EnforcementCaseCommand =>
            court
              ? { type: 'RequestCourtEnforcement', actor: actors.head, penaltyRef }
              : kit.perform(penaltyRef),
        ),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(80, 120).map(
        (days): EnforcementCaseCommand => ({
          type: 'ExtendDecisionDeadline',
          actor: actors.head,
          newDueDate: new Date(Date.UTC(2024, 0, 1) + days * 86_400_000).toISOString().slice(0, 10),
          reason: 'complex case',
        }),
      ),
    },
    { weight: 2, arbitrary: fc.constant(kit.close()) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<EnforcementCaseCommand>(
        { type: 'DismissCase', actor: actors.head, reason: 'insufficient_evidence' },
        { type: 'TransferCase', actor: actors.head, toOrgId: 'org-industry', kind: 'other_agency' },
      ),
    },
  );
}

/** A history: a sequence of enforcement-case commands (see `caseCommandArbitrary`), filing first. */
export function caseHistoryArbitrary(
  options: CaseCommandArbitraryOptions & { readonly maxLength?: number } = {},
): fc.Arbitrary<EnforcementCaseCommand[]> {
  const kit = options.kit ?? sampleCaseCommands();
  return fc
    .array(caseCommandArbitrary({ kit }), { maxLength: options.maxLength ?? 30 })
    .map((commands) => [kit.file(), ...commands]);
}
