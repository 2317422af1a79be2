import { describe, expect, it } from 'vitest';
import { createSupervisionPolicy } from '../policy/supervision-policy.js';
import { describeViolation } from '../rules/describe-violation.js';
import { at, day, sampleCaseSpec } from './case-spec.test-helper.js';
import type { EnforcementCaseCommand } from './commands.js';
import { isDualPenaltyCase } from './dual-penalty.js';
import type { EnforcementCaseEvent } from './events.js';
import type { FiledCase } from './state.js';

const { kit, actors, spec } = sampleCaseSpec(90);
const policy = createSupervisionPolicy();

describe('main paths', () => {
  it('a dual penalty from filing to closure: notice, defence, decision, service, payment', () => {
    const history: EnforcementCaseCommand[] = [
      at(kit.file(), 0),
      at({ type: 'LinkHazardToCase', actor: actors.officers[0], hazardId: 'h-chem-major' }, 0),
      at(kit.evidence(), 1),
      at(kit.notice('U'), 2),
      at(
        kit.notice('P', [{ kind: 'fine', amountCny: 8_000, basisProvision: 'WSL2021-103(2)' }]),
        2,
      ),
      at({ type: 'RecordStatementAndDefence', actor: actors.officers[0], respondentRef: 'P' }, 3),
      at(kit.decide([kit.fine('U', 30_000), kit.fine('P', 8_000, 'WSL2021-103(2)')]), 6),
      at(kit.serve('U'), 7),
      at(kit.serve('P'), 7),
      at(kit.perform('P1'), 20),
    ];
    spec
      .givenCommands(history)
      .when(at(kit.perform('P2'), 21))
      .thenEmits([
        {
          type: 'PenaltyPerformed',
          data: {
            caseId: 'c-1',
            occurredAt: day(21),
            actor: actors.officers[0],
            penaltyRef: 'P2',
            method: 'paid',
          },
        } satisfies EnforcementCaseEvent,
      ]);
    spec
      .givenCommands([...history, at(kit.perform('P2'), 21)])
      .when(at(kit.close(), 22))
      .thenState((state) => {
        const closed = state as FiledCase;
        expect(closed.status).toBe('closed');
        expect(closed.isMajorHazardCase).toBe(true);
        expect(isDualPenaltyCase(closed, policy)).toBe(true);
        expect(
          closed.decision?.penalties.map((p) => [p.penaltyRef, p.respondentKind, p.enterpriseId]),
        ).toEqual([
          ['P1', 'unit', 'ent-chem'],
          ['P2', 'individual', 'ent-chem'],
        ]);
      });
  });

  it('a suspension with a hearing: request, hearing by a non-investigator, legal review, decision', () => {
    const suspension = {
      kind: 'suspension_of_operations' as const,
      durationDays: 30,
      basisProvision: 'WSL2021-102-refusal',
    };
    spec
      .givenCommands([
        at(kit.file(), 0),
        at(kit.notice('U', [suspension], { hearingRight: true }), 1),
        at({ type: 'RecordHearingRequest', actor: actors.officers[0], respondentRef: 'U' }, 3),
        at({ type: 'HoldHearing', actor: actors.hearingOfficer, respondentRef: 'U' }, 10),
        at(kit.review(), 11),
      ])
      .when(at(kit.decide([{ respondentRef: 'U', ...suspension }]), 12))
      .thenState((state) => {
        const decided = state as FiledCase;
        expect(decided.status).toBe('decided');
        expect(decided.procedures.U).toMatchObject({ presidingPersonId: 'p-enf-3' });
      });
  });

  it('a rejection reads in Chinese and English from the error alone', () => {
    const error = spec
      .givenCommands([at(kit.file(), 0), at(kit.notice('U'), 0)])
      .when(at(kit.decide([kit.fine('U', 40_000)]), 6))
      .thenViolates('EC-4', 'ExceedsNotifiedPenalty');
    expect(describeViolation(error, 'zh-CN')).toBe(
      '对当事人U的罚款¥40,000.00超过告知的¥30,000.00，须重新告知',
    );
    expect(describeViolation(error, 'en')).toContain('exceeds the notified');
  });

  it('a dismissal before the decision ends the case', () => {
    spec
      .givenCommands([at(kit.file(), 0), at(kit.evidence(), 1)])
      .when(at({ type: 'DismissCase', actor: actors.head, reason: 'insufficient_evidence' }, 5))
      .thenState((state) =>
        expect(state).toMatchObject({
          status: 'dismissed',
          dismissal: { reason: 'insufficient_evidence' },
        }),
      );
  });
});
