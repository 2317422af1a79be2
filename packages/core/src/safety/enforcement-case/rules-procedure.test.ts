import { deciderSpec, sampleCaseCommands, sampleNow } from '@safeledger/testing';
import { describe, expect, it } from 'vitest';
import { createSupervisionPolicy } from '../policy/supervision-policy.js';
import type { EnforcementCaseCommand } from './commands.js';
import { createEnforcementCaseDecider } from './decide.js';
import { isDualPenalty, isDualPenaltyCase } from './dual-penalty.js';
import { definePenaltyBasisTable } from './penalty-basis.js';
import type { FiledCase } from './state.js';
import { decisionDueDate, isDecisionOverdue } from './time-facts.js';
import type { Penalty } from './values.js';

const kit = sampleCaseCommands();
const { actors } = kit;
const ports = {
  hazards: { hazard: async (id: string) => kit.hazards[id] },
  inspections: { inspection: async (id: string) => kit.inspections[id] },
};
const dayMs = 86_400_000;
const day = (n: number) => new Date(sampleNow.getTime() + n * dayMs).toISOString();
const at = <C extends EnforcementCaseCommand>(command: C, n: number): C => ({
  ...command,
  occurredAt: day(n),
});
const decider = createEnforcementCaseDecider({ directory: kit.directory, ...ports });
// The clock stands 60 days after filing; every command carries its own business time.
const spec = deciderSpec(decider, {
  now: new Date(sampleNow.getTime() + 60 * dayMs),
  streamId: 'case-c-1',
  facts: kit.facts,
});
const filed = [at(kit.file(), 0)];
const hearingNotice = (
  penalties: Omit<Penalty, 'respondentRef'>[] = [
    { kind: 'fine', amountCny: 50_000, basisProvision: 'WSL2021-102' },
  ],
) => at(kit.notice('U', penalties, { hearingRight: true }), 0);
const request = (n: number): EnforcementCaseCommand =>
  at({ type: 'RecordHearingRequest', actor: actors.officers[0], respondentRef: 'U' }, n);
const hold = (n: number, actor = actors.hearingOfficer): EnforcementCaseCommand =>
  at({ type: 'HoldHearing', actor, respondentRef: 'U' }, n);

describe('notice, defence, hearing, review and decision', () => {
  it('EC-4 a penalty targets a notified respondent and stays within the latest notice', () => {
    const base = [...filed, at(kit.notice('U'), 0)];
    spec
      .givenCommands(base)
      .when(at(kit.decide([kit.fine('P', 10_000, 'WSL2021-103(2)')]), 6))
      .thenViolates('EC-4', 'NotNotified');
    spec
      .givenCommands(base)
      .when(at(kit.decide([kit.fine('U', 30_001)]), 6))
      .thenViolates('EC-4', 'ExceedsNotifiedPenalty');
    spec
      .givenCommands(base)
      .when(at(kit.decide([kit.fine('U', 20_000), kit.fine('U', 20_000)]), 6))
      .thenViolates('EC-4', 'ExceedsNotifiedPenalty');
    spec
      .givenCommands(base)
      .when(
        at(
          kit.decide([
            {
              respondentRef: 'U',
              kind: 'suspension_of_operations',
              durationDays: 30,
              basisProvision: 'WSL2021-102',
            },
          ]),
          6,
        ),
      )
      .thenViolates('EC-4', 'PenaltyKindNotNotified');
    spec
      .givenCommands([...filed])
      .when(at(kit.notice('U', [], { proposedPenalties: [kit.fine('P', 5_000)] }), 0))
      .thenViolates('EC-4', 'NoticeTargetsAnother');
    // Lighter is fine: a smaller fine, or a warning instead.
    spec
      .givenCommands(base)
      .when(at(kit.decide([kit.fine('U', 10_000)]), 6))
      .thenState((state) => {
        expect(state.status).toBe('decided');
      });
    spec
      .givenCommands(base)
      .when(
        at(
          kit.decide([{ respondentRef: 'U', kind: 'warning', basisProvision: 'Order16-2007-26' }]),
          6,
        ),
      )
      .thenState((state) => expect(state.status).toBe('decided'));
    // A later notice replaces the earlier one.
    spec
      .givenCommands([
        ...base,
        at(
          kit.notice('U', [{ kind: 'fine', amountCny: 10_000, basisProvision: 'WSL2021-102' }]),
          1,
        ),
      ])
      .when(at(kit.decide([kit.fine('U', 20_000)]), 7))
      .thenViolates('EC-4', 'ExceedsNotifiedPenalty');
  });

  it('EC-5 no decision before the statement and hearing windows close, unless defended, held or waived', () => {
    const base = [...filed, at(kit.notice('U'), 0)];
    const error = spec
      .givenCommands(base)
      .when(at(kit.decide(), 3))
      .thenViolates('EC-5', 'StatementWindowOpen');
    expect(error.details).toMatchObject({ respondentRef: 'U', until: '2024-03-04' });
    spec
      .givenCommands(base)
      .when(at(kit.decide(), 4))
      .thenState((s) => expect(s.status).toBe('decided'));
    const defended = [
      ...base,
      at(
        {
          type: 'RecordStatementAndDefence',
          actor: actors.officers[0],
          respondentRef: 'U',
        } as const,
        1,
      ),
    ];
    spec
      .givenCommands(defended)
      .when(at(kit.decide(), 1))
      .thenState((s) => expect(s.status).toBe('decided'));
    const withRight = [...filed, hearingNotice(), at(kit.review(), 1)];
    spec
      .givenCommands(withRight)
      .when(at(kit.decide([kit.fine('U', 50_000)]), 4))
      .thenViolates('EC-5', 'HearingWindowOpen');
    spec
      .givenCommands(withRight)
      .when(at(kit.decide([kit.fine('U', 50_000)]), 6))
      .thenState((s) => expect(s.status).toBe('decided'));
    const waived = [
      ...withRight,
      at({ type: 'WaiveHearing', actor: actors.officers[0], respondentRef: 'U' } as const, 1),
    ];
    spec
      .givenCommands(waived)
      .when(at(kit.decide([kit.fine('U', 50_000)]), 4))
      .thenState((s) => expect(s.status).toBe('decided'));
    spec.givenCommands(withRight).when(request(6)).thenViolates('EC-5', 'HearingRequestLate');
    spec.givenCommands(base).when(request(1)).thenViolates('EC-5', 'NoHearingRight');
  });

  it('EC-6 a notice of suspension, closure, revocation, a ban or a large fine grants a hearing right', () => {
    spec
      .givenCommands(filed)
      .when(
        at(
          kit.notice('U', [{ kind: 'fine', amountCny: 50_000, basisProvision: 'WSL2021-102' }]),
          0,
        ),
      )
      .thenViolates('EC-6', 'HearingRightRequired');
    spec
      .givenCommands(filed)
      .when(at(kit.notice('U', [{ kind: 'closure', basisProvision: 'WSL2021-113' }]), 0))
      .thenViolates('EC-6', 'HearingRightRequired');
    spec
      .givenCommands(filed)
      .when(
        at(
          kit.notice('P', [{ kind: 'fine', amountCny: 10_000, basisProvision: 'WSL2021-103(2)' }]),
          0,
        ),
      )
      .thenViolates('EC-6', 'HearingRightRequired');
    spec
      .givenCommands(filed)
      .when(
        at(
          kit.notice('P', [{ kind: 'fine', amountCny: 9_999, basisProvision: 'WSL2021-103(2)' }]),
          0,
        ),
      )
      .thenState((s) => expect(s.status).toBe('notified'));
  });

  it('EC-7 a requested hearing is held by a non-investigator before the decision', () => {
    const requested = [...filed, hearingNotice(), request(2)];
    spec
      .givenCommands(requested)
      .when(at(kit.decide([kit.fine('U', 50_000)]), 9))
      .thenViolates('EC-7', 'HearingPending');
    spec
      .givenCommands(requested)
      .when(hold(3, actors.officers[1]))
      .thenViolates('EC-7', 'HearingOfficerIsInvestigator');
    spec.givenCommands(requested).when(hold(3, actors.principal)).thenViolates('EC-7', 'Forbidden');
    spec.givenCommands(requested).when(request(3)).thenViolates('EC-7', 'HearingAlreadyRequested');
    spec
      .givenCommands([
        ...filed,
        hearingNotice(),
        at({ type: 'WaiveHearing', actor: actors.officers[0], respondentRef: 'U' } as const, 1),
      ])
      .when(request(2))
      .thenViolates('EC-7', 'HearingConcluded');
    spec
      .givenCommands([...filed, hearingNotice(), request(1), hold(2)])
      .when(hold(3))
      .thenViolates('EC-0', 'InvalidState');
    spec
      .givenCommands([...filed, hearingNotice(), request(1), hold(2), at(kit.review(), 3)])
      .when(at(kit.decide([kit.fine('U', 50_000)]), 4))
      .thenState((s) => expect(s.status).toBe('decided'));
    // A later written waiver also ends the wait.
    spec
      .givenCommands([
        ...requested,
        at({ type: 'WaiveHearing', actor: actors.officers[0], respondentRef: 'U' } as const, 3),
        at(kit.review(), 3),
      ])
      .when(at(kit.decide([kit.fine('U', 50_000)]), 9))
      .thenState((s) => expect(s.status).toBe('decided'));
  });

  it('EC-8 suspension, closure, revocation, a large fine or a held hearing need an approving legal review', () => {
    const large = [...filed, hearingNotice()];
    spec
      .givenCommands(large)
      .when(at(kit.decide([kit.fine('U', 50_000)]), 6))
      .thenViolates('EC-8', 'LegalReviewRequired');
    spec
      .givenCommands([...large, at(kit.review('revise'), 1)])
      .when(at(kit.decide([kit.fine('U', 50_000)]), 6))
      .thenViolates('EC-8', 'LegalReviewNotApproved');
    const held = [
      ...filed,
      hearingNotice([{ kind: 'fine', amountCny: 40_000, basisProvision: 'WSL2021-102' }]),
      request(1),
      hold(2),
    ];
    const error = spec
      .givenCommands(held)
      .when(at(kit.decide([kit.fine('U', 40_000)]), 6))
      .thenViolates('EC-8', 'LegalReviewRequired');
    expect(error.details).toMatchObject({ why: 'hearing' });
    const suspension = [
      ...filed,
      hearingNotice([
        {
          kind: 'suspension_of_operations',
          durationDays: 30,
          basisProvision: 'WSL2021-102-refusal',
        },
      ]),
    ];
    spec
      .givenCommands(suspension)
      .when(
        at(
          kit.decide([
            {
              respondentRef: 'U',
              kind: 'suspension_of_operations',
              durationDays: 30,
              basisProvision: 'WSL2021-102-refusal',
            },
          ]),
          6,
        ),
      )
      .thenViolates('EC-8', 'LegalReviewRequired');
    spec
      .givenCommands(filed)
      .when(at({ ...kit.review(), actor: actors.officers[0] }, 1))
      .thenViolates('EC-8', 'Forbidden');
  });

  it('EC-9 the decision is due within caseDecisionWithinDays of filing, or by the extended date; lateness is derived', () => {
    const policy = createSupervisionPolicy();
    spec
      .givenCommands(filed)
      .when(at(kit.notice(), 0))
      .thenState((state) => {
        const filedCase = state as FiledCase;
        expect(decisionDueDate(filedCase, policy)).toBe('2024-05-30');
        expect(isDecisionOverdue(filedCase, '2024-05-30T15:59:59.999Z', policy)).toBe(false);
        expect(isDecisionOverdue(filedCase, '2024-05-30T16:00:00.000Z', policy)).toBe(true);
      });
    const extend = (newDueDate: string) =>
      at(
        {
          type: 'ExtendDecisionDeadline',
          actor: actors.head,
          newDueDate,
          reason: 'complex',
        } as const,
        1,
      );
    spec.givenCommands(filed).when(extend('2024-05-30')).thenViolates('EC-9', 'DueDateNotLater');
    spec
      .givenCommands(filed)
      .when(extend('2024-06-30'))
      .thenState((state) => {
        expect(decisionDueDate(state as FiledCase, policy)).toBe('2024-06-30');
        expect(isDecisionOverdue(state, '2024-06-10T00:00:00Z', policy)).toBe(false);
      });
  });

  it('EC-10 each fine lies within the statutory range of its provision; the table is replaceable', () => {
    const notified = (amountCny: number, basisProvision = 'WSL2021-102') => [
      ...filed,
      at(kit.notice('U', [{ kind: 'fine', amountCny, basisProvision }], { hearingRight: true }), 0),
      at(kit.review(), 1),
    ];
    const error = spec
      .givenCommands(notified(60_000))
      .when(at(kit.decide([kit.fine('U', 60_000)]), 6))
      .thenViolates('EC-10', 'FineOutOfStatutoryRange');
    expect(error.details).toMatchObject({
      provision: 'WSL2021-102',
      amountCny: 60_000,
      minCny: 0,
      maxCny: 50_000,
    });
    expect(error.message).toContain('WSL2021-102');
    spec
      .givenCommands(notified(1_000, 'WSL2021-999'))
      .when(at(kit.decide([kit.fine('U', 1_000, 'WSL2021-999')]), 6))
      .thenViolates('EC-10', 'UnknownBasisProvision');
    spec
      .givenCommands(notified(30_000, 'WSL2021-94(1)'))
      .when(at(kit.decide([kit.fine('U', 30_000, 'WSL2021-94(1)')]), 6))
      .thenViolates('EC-10', 'NoFineForRespondentKind');
    const local = definePenaltyBasisTable([
      {
        id: 'WSL2021-102',
        citation: 'WSL 2021 Art. 102 (provincial discretion)',
        conduct: 'Failure to eliminate a hazard',
        unit: { kind: 'range', minCny: 20_000, maxCny: 40_000 },
        individual: null,
      },
    ]);
    const strict = deciderSpec(
      createEnforcementCaseDecider({ directory: kit.directory, ...ports, penaltyBasis: local }),
      { now: new Date(sampleNow.getTime() + 60 * dayMs), streamId: 'case-c-1', facts: kit.facts },
    );
    strict
      .givenCommands([...filed, at(kit.notice('U'), 0)])
      .when(at(kit.decide([kit.fine('U', 10_000)]), 6))
      .thenViolates('EC-10', 'FineOutOfStatutoryRange');
    expect(() =>
      definePenaltyBasisTable([
        {
          id: 'X',
          citation: 'x',
          conduct: 'x',
          unit: { kind: 'range', minCny: 5, maxCny: 1 },
          individual: null,
        },
      ]),
    ).toThrow(/minCny/);
  });

  it('EC-11 dual penalty is derived from the decision: a unit and an individual of its enterprise in a listed role', () => {
    const both = [
      ...filed,
      at(kit.notice('U'), 0),
      at(
        kit.notice('P', [{ kind: 'fine', amountCny: 5_000, basisProvision: 'WSL2021-103(2)' }]),
        0,
      ),
    ];
    const policy = createSupervisionPolicy();
    spec
      .givenCommands(both)
      .when(at(kit.decide([kit.fine('U', 30_000), kit.fine('P', 5_000, 'WSL2021-103(2)')]), 6))
      .thenState((state) => {
        expect(isDualPenaltyCase(state as FiledCase, policy)).toBe(true);
        expect(
          isDualPenaltyCase(
            state as FiledCase,
            createSupervisionPolicy({
              dualPenaltyIndividualRoles: ['directly_responsible_manager'],
            }),
          ),
        ).toBe(false);
      });
    spec
      .givenCommands(both)
      .when(at(kit.decide([kit.fine('U', 30_000)]), 6))
      .thenState((state) => expect(isDualPenaltyCase(state as FiledCase, policy)).toBe(false));
    expect(
      isDualPenalty(
        [{ respondentRef: 'U' }, { respondentRef: 'Q' }],
        [
          { ref: 'U', kind: 'unit', enterpriseId: 'ent-chem' },
          {
            ref: 'Q',
            kind: 'individual',
            personId: 'x',
            enterpriseId: 'ent-landlord',
            role: 'principal',
          },
        ],
        policy,
      ),
    ).toBe(false);
  });
});
