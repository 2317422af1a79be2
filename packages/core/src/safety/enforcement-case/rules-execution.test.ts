import { describe, expect, it } from 'vitest';
import { createSupervisionPolicy } from '../policy/supervision-policy.js';
import { at, day, sampleCaseSpec } from './case-spec.test-helper.js';
import { closureWatch } from './closure-watch.js';
import type { FiledCase } from './state.js';
import { decisionServiceDueDate, lateServices } from './time-facts.js';

const { kit, actors, spec } = sampleCaseSpec(60);
const decided = [at(kit.file(), 0), at(kit.notice('U'), 0), at(kit.decide(), 6)];
const policy = createSupervisionPolicy();

describe('service, execution, closure, dismissal and transfer', () => {
  it('EC-12 the decision is served once on each penalised respondent; lateness is derived', () => {
    spec
      .givenCommands(decided)
      .when(at(kit.serve('P'), 7))
      .thenViolates('EC-12', 'NotPenalised');
    spec
      .givenCommands([...decided, at(kit.serve('U'), 7)])
      .when(at(kit.serve('U'), 8))
      .thenViolates('EC-12', 'AlreadyServed');
    spec
      .givenCommands(decided)
      .when(at(kit.perform('P1'), 7))
      .thenState((state) => {
        // Decided on 2024-03-07 (local): due by 2024-03-14.
        expect(decisionServiceDueDate(state, policy)).toBe('2024-03-14');
        expect(lateServices(state, '2024-03-14T15:00:00Z', policy)).toEqual([]);
        expect(lateServices(state, '2024-03-14T16:00:00Z', policy)).toEqual(['U']);
      });
    spec
      .givenCommands(decided)
      .when(at(kit.serve('U'), 20))
      .thenState((state) => {
        expect(lateServices(state, day(30), policy)).toEqual(['U']);
        expect(lateServices(state, day(10), policy)).toEqual([]);
      });
  });

  it('EC-13 a case closes once every penalised respondent is served and every penalty performed or sent to court', () => {
    spec.givenCommands(decided).when(at(kit.close(), 8)).thenViolates('EC-13', 'NotExecuted');
    spec
      .givenCommands([...decided, at(kit.serve('U'), 7)])
      .when(at(kit.close(), 8))
      .thenViolates('EC-13', 'NotExecuted');
    spec
      .givenCommands([...decided, at(kit.perform('P1'), 7)])
      .when(at(kit.perform('P1'), 8))
      .thenViolates('EC-13', 'PenaltyAlreadySettled');
    spec
      .givenCommands(decided)
      .when(at(kit.perform('P9'), 8))
      .thenViolates('EC-13', 'UnknownPenalty');
    spec
      .givenCommands([...decided, at(kit.serve('U'), 7), at(kit.perform('P1'), 8)])
      .when(at(kit.close(), 9))
      .thenState((state) => expect(state.status).toBe('closed'));
    spec
      .givenCommands([
        ...decided,
        at(kit.serve('U'), 7),
        at({ type: 'RequestCourtEnforcement', actor: actors.head, penaltyRef: 'P1' } as const, 30),
      ])
      .when(at(kit.close(), 31))
      .thenState((state) => expect(state.status).toBe('closed'));
    spec
      .givenCommands([...decided, at(kit.serve('U'), 7)])
      .when(at(kit.perform('P1'), 8))
      .thenState((state) => expect(state.status).toBe('executed'));
  });

  it('EC-14 dismissal only before a decision, transfer any time before closure, both terminal', () => {
    const dismiss = at(
      { type: 'DismissCase', actor: actors.head, reason: 'no_violation' } as const,
      7,
    );
    const transfer = (toOrgId: string) =>
      at({ type: 'TransferCase', actor: actors.head, toOrgId, kind: 'other_agency' } as const, 7);
    spec.givenCommands(decided).when(dismiss).thenViolates('EC-14', 'AlreadyDecided');
    spec
      .givenCommands([at(kit.file(), 0)])
      .when(dismiss)
      .thenState((state) => expect(state.status).toBe('dismissed'));
    spec
      .givenCommands(decided)
      .when(transfer('org-industry'))
      .thenState((state) =>
        expect((state as FiledCase).transfer).toMatchObject({ toOrgId: 'org-industry' }),
      );
    spec
      .givenCommands(decided)
      .when(transfer('org-safety'))
      .thenViolates('EC-14', 'InvalidTransferTarget');
    spec
      .givenCommands(decided)
      .when(transfer('org-nowhere'))
      .thenViolates('EC-14', 'InvalidTransferTarget');
    spec
      .givenCommands([...decided, transfer('org-industry')])
      .when(at(kit.serve('U'), 8))
      .thenViolates('EC-0', 'CaseTerminal');
  });

  it('EC-17 an enterprise with 3 decided major-hazard cases within 180 days, or 4 within 365, is flagged', () => {
    const decision = (caseId: string, date: string, enterpriseId = 'ent-a') => ({
      caseId,
      enterpriseId,
      decidedAt: `${date}T10:00:00+08:00`,
    });
    const three = [
      decision('c1', '2024-01-01'),
      decision('c2', '2024-03-01'),
      decision('c3', '2024-06-28'),
    ];
    expect(closureWatch(three, '2024-12-31T00:00:00Z', policy)).toEqual([
      {
        enterpriseId: 'ent-a',
        trigger: { count: 3, days: 180 },
        caseIds: ['c1', 'c2', 'c3'],
        from: '2024-01-01',
        to: '2024-06-28',
      },
    ]);
    // 180 days apart is outside "within 180 days"; four within a year still count.
    const spread = [
      decision('c1', '2024-01-01'),
      decision('c2', '2024-03-01'),
      decision('c3', '2024-06-29'),
    ];
    expect(closureWatch(spread, '2024-12-31T00:00:00Z', policy)).toEqual([]);
    expect(
      closureWatch([...spread, decision('c4', '2024-12-30')], '2024-12-31T00:00:00Z', policy),
    ).toMatchObject([{ enterpriseId: 'ent-a', trigger: { count: 4, days: 365 } }]);
    // Decisions after asOf do not count yet; another enterprise's do not count at all.
    expect(closureWatch(three, '2024-06-01T00:00:00Z', policy)).toEqual([]);
    expect(
      closureWatch(
        [...three.slice(0, 2), decision('c3', '2024-03-02', 'ent-b')],
        '2024-12-31T00:00:00Z',
        policy,
      ),
    ).toEqual([]);
  });
});
