import {
  createInMemoryDirectory,
  createProjectionRunner,
  createResponsibilityFigures,
  createResponsibilityLedgerProjection,
  createSupervisionPolicy,
  type EventStore,
  type NewEvent,
  RESPONSIBILITY_LEDGER,
  type ResponsibilityFigureFilter,
} from '@safeledger/core';
import fc from 'fast-check';
import { expect } from 'vitest';
import { projectOnce, visibleLog } from '../fixtures.js';
import type { ConformanceCase } from '../harness.js';
import {
  DAY,
  expectRebuildEqualsIncremental,
  historyWriter,
  iso,
  type Raw,
} from '../read-model-fixtures.js';

const group = 'responsibility read models';

// The oracle below recomputes P-17 from the raw events the test wrote, by its own fold (not the
// aggregate's `evolve`), following domain spec §5 and rules RA-2, RA-3 and RA-8 literally.

const START = Date.parse('2024-01-01T00:00:00+08:00');
const LISTS = [
  { listId: 'L0', listKind: 'leadership_key_tasks', year: 2024, issuerOrgId: 'gov' },
  { listId: 'L1', listKind: 'staffing', year: 2025, issuerOrgId: 'gov' },
  { listId: 'L2', listKind: 'duty_task_list', year: 2024, issuerOrgId: 'committee' },
] as const;

const dutyArb = fc.record({
  kind: fc.constantFrom('statutory_duty', 'key_task', 'measure', 'staffing'),
  code: fc.constantFrom('LEAD.OVERALL', 'T1', 'T2'),
  domainCodes: fc.subarray(['FIN', 'EDU']),
  role: fc.constantFrom('lead', 'support'),
  requiredHeadcount: fc.integer({ min: 1, max: 2 }),
  fullTimeRequired: fc.boolean(),
});

type DutyDraw = typeof dutyArb extends fc.Arbitrary<infer T> ? T : never;

const dutyOf = (d: DutyDraw, dutyId: string) => ({
  dutyId,
  code: d.code,
  text: `duty ${dutyId}`,
  kind: d.kind,
  domainCodes: d.domainCodes,
  sectorCodes: [],
  venueCategories: [],
  role: d.role,
  ...(d.kind === 'staffing'
    ? { requiredHeadcount: d.requiredHeadcount, fullTimeRequired: d.fullTimeRequired }
    : {}),
});

/** One assignment's plausible life, as events with increasing business times. */
const assignmentHistory = (id: string): fc.Arbitrary<Raw[]> =>
  fc
    .record({
      list: fc.constantFrom(...LISTS),
      draftDay: fc.integer({ min: 0, max: 300 }),
      leader: fc.boolean(),
      primary: fc.boolean(),
      portfolio: fc.subarray(['FIN', 'EDU', 'HEALTH']),
      duties: fc.array(dutyArb, { minLength: 1, maxLength: 3 }),
      issue: fc.option(
        fc.record({
          after: fc.integer({ min: 0, max: 30 }),
          ack: fc.boolean(),
          staff: fc.array(
            fc.record({
              duty: fc.nat(),
              fullTime: fc.constantFrom(true, true, false),
              revoke: fc.constantFrom(false, false, false, true),
            }),
            { maxLength: 6 },
          ),
          revise: fc.option(fc.oneof(fc.constant('remove' as const), dutyArb), {
            nil: undefined,
          }),
          ackAgain: fc.boolean(),
          complete: fc.array(fc.nat(), { maxLength: 3 }),
          supersede: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
        }),
        { nil: undefined, freq: 6 },
      ),
    })
    .map((a) => {
      let t = START + a.draftDay * DAY + 3_600_000;
      const later = (days: number) => {
        t += days * DAY + 60_000;
      };
      const base = (type: string, extra: Record<string, unknown>): Raw => ({
        type,
        data: { assignmentId: id, listId: a.list.listId, occurredAt: iso(t), ...extra },
      });
      let duties = a.duties.map((d, i) => dutyOf(d, `d${i}`));
      const events: Raw[] = [
        base('AssignmentDrafted', {
          listTitle: `list ${a.list.listId}`,
          listKind: a.list.listKind,
          issuerOrgId: a.list.issuerOrgId,
          period: { year: a.list.year },
          assignee: {
            kind: a.leader ? 'leader' : 'department',
            id: `who-${id}`,
            isPrimaryLeader: a.leader && a.primary,
          },
          portfolio: a.leader ? a.portfolio : [],
          duties,
        }),
      ];
      const issue = a.issue;
      if (issue === undefined) return events;
      later(issue.after);
      events.push(base('AssignmentIssued', { approvedBy: 'head', version: 1 }));
      let version = 1;
      if (issue.ack) {
        later(1);
        events.push(base('AssignmentAcknowledged', { version }));
      }
      for (const [i, s] of issue.staff.entries()) {
        // Designations go to staffing duties when there are any, so RA-8 is often met.
        const staffing = duties.filter((d) => d.kind === 'staffing');
        const pool = staffing.length > 0 ? staffing : duties;
        const duty = pool[s.duty % pool.length]!;
        later(1);
        events.push(
          base('SafetyStaffDesignated', {
            dutyId: duty.dutyId,
            personId: `p${i}`,
            fullTime: s.fullTime,
          }),
        );
        if (s.revoke) {
          later(1);
          events.push(base('SafetyStaffRevoked', { dutyId: duty.dutyId, personId: `p${i}` }));
        }
      }
      if (issue.revise !== undefined && (issue.revise !== 'remove' || duties.length > 1)) {
        later(2);
        version += 1;
        const change =
          issue.revise === 'remove'
            ? { op: 'remove', dutyId: duties[0]!.dutyId }
            : { op: 'add', duty: dutyOf(issue.revise, 'dx') };
        duties =
          change.op === 'remove'
            ? duties.slice(1)
            : [...duties, dutyOf(issue.revise as DutyDraw, 'dx')];
        events.push(base('AssignmentRevised', { changes: [change], reason: 'r', version }));
        if (issue.ackAgain) {
          later(1);
          events.push(base('AssignmentAcknowledged', { version }));
        }
      }
      for (const n of new Set(issue.complete.map((n) => n % duties.length))) {
        later(3);
        events.push(base('DutyCompleted', { dutyId: duties[n]!.dutyId, evidenceRefs: [] }));
      }
      if (issue.supersede !== undefined) {
        later(issue.supersede);
        events.push(base('AssignmentSuperseded', { byAssignmentId: `${id}-next` }));
      }
      return events;
    });

/** What the oracle knows of one assignment, by a plain fold of its events. */
function facts(events: readonly Raw[]) {
  const drafted = events[0]!.data;
  let duties: any[] = [...drafted.duties];
  let version = 0;
  let acked = 0;
  const staff: Array<{ dutyId: string; personId: string; fullTime: boolean; active: boolean }> = [];
  const completed = new Set<string>();
  let issuedAt: number | undefined;
  let supersededAt: number | undefined;
  for (const { type, data } of events) {
    if (type === 'AssignmentIssued') {
      issuedAt = Date.parse(data.occurredAt);
      version = 1;
    } else if (type === 'AssignmentAcknowledged') acked = data.version;
    else if (type === 'AssignmentRevised') {
      version = data.version;
      for (const change of data.changes) {
        if (change.op === 'add') duties.push(change.duty);
        else duties = duties.filter((d) => d.dutyId !== change.dutyId);
      }
    } else if (type === 'SafetyStaffDesignated') staff.push({ ...data, active: true } as never);
    else if (type === 'SafetyStaffRevoked') {
      for (const s of staff) {
        if (s.dutyId === data.dutyId && s.personId === data.personId) s.active = false;
      }
    } else if (type === 'DutyCompleted') completed.add(data.dutyId);
    else if (type === 'AssignmentSuperseded') supersededAt = Date.parse(data.occurredAt);
  }
  const staffing = duties.filter((d) => d.kind === 'staffing');
  const activeOf = (d: any) => staff.filter((s) => s.dutyId === d.dutyId && s.active);
  const covered = new Set(
    duties
      .filter((d) => d.kind === 'statutory_duty' || d.kind === 'key_task')
      .flatMap((d) => d.domainCodes),
  );
  const leader = drafted.assignee.kind === 'leader';
  return {
    listId: drafted.listId as string,
    listKind: drafted.listKind as string,
    year: drafted.period.year as number,
    issuedAt,
    supersededAt,
    acknowledged: version > 0 && acked >= version,
    dualDutyGap: leader && drafted.portfolio.some((code: string) => !covered.has(code)),
    lacksOverallLead:
      drafted.listKind === 'leadership_key_tasks' &&
      leader &&
      drafted.assignee.isPrimaryLeader === true &&
      !duties.some((d) => d.code === 'LEAD.OVERALL'),
    duties: duties.length,
    dutiesCompleted: duties.filter((d) => completed.has(d.dutyId)).length,
    staffingDuties: staffing.length,
    staffingSatisfied: staffing.filter((d) => {
      const active = activeOf(d);
      return (
        active.length >= d.requiredHeadcount &&
        (!d.fullTimeRequired || active.every((s) => s.fullTime))
      );
    }).length,
    requiredHeadcount: staffing.reduce((sum, d) => sum + d.requiredHeadcount, 0),
    designatedHeadcount: staffing.reduce((sum, d) => sum + activeOf(d).length, 0),
  };
}

type Facts = ReturnType<typeof facts>;
const le = (x: number | undefined, T: number) => x !== undefined && x <= T;

export const responsibilityReadModelCases: readonly ConformanceCase[] = [
  {
    group,
    name: 'P-17 responsibility coverage per list equals a naive recomputation from the raw events, for random histories, asOf and filters; rebuild equals incremental (property)',
    async run(context) {
      // One store for every run: runs add assignments to the same database.
      const store: EventStore = await context.open({});
      const policy = createSupervisionPolicy();
      const projection = createResponsibilityLedgerProjection();
      const figures = createResponsibilityFigures({ store, policy });
      const writer = historyWriter(store);
      const log: Raw[][] = [];
      let round = 0;
      await fc.assert(
        fc.asyncProperty(
          fc
            .integer({ min: 1, max: 10 })
            .chain((n) =>
              fc.tuple(...Array.from({ length: n }, (_, i) => assignmentHistory(`a${round}-${i}`))),
            ),
          fc.integer({ min: 0, max: 820 }).map((d) => START + d * DAY + 12 * 3_600_000),
          fc.oneof(
            fc.constant({}),
            fc.record({ listId: fc.constantFrom('L0', 'L1', 'L2') }),
            fc.record({ year: fc.constantFrom(2024, 2025) }),
            fc.record({ issuerOrgId: fc.constantFrom('gov', 'committee') }),
          ) as fc.Arbitrary<{ listId?: string; year?: number; issuerOrgId?: string }>,
          async (histories, T, filter) => {
            round += 1;
            const runner = createProjectionRunner({
              store,
              projections: [projection],
              pollIntervalMs: 5,
              batchSize: 7,
            });
            await writer.appendAll(
              runner,
              histories,
              (events) => `responsibility-${events[0]!.data.assignmentId}`,
            );
            log.push(...histories);

            const asOf = new Date(T).toISOString().replace('Z', '+00:00');
            const f: ResponsibilityFigureFilter = { asOf, ...filter };
            const localYear = Number(new Date(T + 8 * 3_600_000).toISOString().slice(0, 4));
            const inForce = log
              .map(facts)
              .filter(
                (a) =>
                  le(a.issuedAt, T) &&
                  !le(a.supersededAt, T) &&
                  (filter.listId === undefined || a.listId === filter.listId) &&
                  (filter.year === undefined || a.year === filter.year) &&
                  (filter.issuerOrgId === undefined ||
                    LISTS.find((l) => l.listId === a.listId)!.issuerOrgId === filter.issuerOrgId),
              );
            const lists = [...new Set(inForce.map((a) => a.listId))].sort();
            const count = (of: Facts[], p: (a: Facts) => boolean) => of.filter(p).length;
            const sum = (of: Facts[], k: keyof Facts) =>
              of.reduce((total, a) => total + (a[k] as number), 0);
            const expected = lists.map((listId) => {
              const of = inForce.filter((a) => a.listId === listId);
              return {
                listId,
                issued: of.length,
                acknowledged: count(of, (a) => a.acknowledged),
                expired: count(of, (a) => a.year < localYear),
                dualDutyGaps: count(of, (a) => a.dualDutyGap),
                jointAccountabilityGaps: count(of, (a) => a.lacksOverallLead),
                duties: sum(of, 'duties'),
                dutiesCompleted: sum(of, 'dutiesCompleted'),
                dutyCompletionRate: {
                  numerator: sum(of, 'dutiesCompleted'),
                  denominator: sum(of, 'duties'),
                },
                staffingDuties: sum(of, 'staffingDuties'),
                staffingSatisfied: sum(of, 'staffingSatisfied'),
                staffingCompliance: {
                  numerator: sum(of, 'staffingSatisfied'),
                  denominator: sum(of, 'staffingDuties'),
                },
                requiredHeadcount: sum(of, 'requiredHeadcount'),
                designatedHeadcount: sum(of, 'designatedHeadcount'),
              };
            });
            const coverage = await figures.responsibilityCoverage(f);
            expect(coverage).toEqual(expected);

            // S5: a rebuild from scratch equals the incrementally built ledger.
            await expectRebuildEqualsIncremental(store, runner, RESPONSIBILITY_LEDGER);
            expect(await figures.responsibilityCoverage(f)).toEqual(coverage);
            await runner.stop();
          },
        ),
        { numRuns: Math.max(10, Math.floor(context.scale.modelRuns / 2)) },
      );
    },
  },
  {
    group,
    name: 'P-17 RA-10 lead gaps of a division list: a sector without a lead industry body and one with two, judged on the assignments in force at T',
    async run(context) {
      const store = await context.open({});
      const org = (id: string, kind: 'industry' | 'territorial') => ({
        id,
        name: id,
        kind,
        level: 'district' as const,
        areaIds: 'all' as const,
      });
      const directory = createInMemoryDirectory({
        organizations: [
          org('ind-a', 'industry'),
          org('ind-b', 'industry'),
          org('town', 'territorial'),
        ],
      });
      const assignment = (
        id: string,
        orgId: string,
        day: number,
        sector: string,
        role: 'lead' | 'support',
      ) => {
        const at = (d: number) => iso(START + d * DAY);
        const base = { assignmentId: id, listId: 'D1' };
        return [
          {
            type: 'AssignmentDrafted',
            data: {
              ...base,
              occurredAt: at(day),
              listTitle: 'division',
              listKind: 'duty_task_list',
              issuerOrgId: 'gov',
              period: { year: 2024 },
              assignee: { kind: 'department', id: orgId, isPrimaryLeader: false },
              portfolio: [],
              duties: [
                dutyOf(
                  {
                    kind: 'statutory_duty',
                    code: 'T1',
                    domainCodes: [],
                    role,
                    requiredHeadcount: 1,
                    fullTimeRequired: false,
                  },
                  'd0',
                ),
              ].map((duty) => ({ ...duty, sectorCodes: [sector] })),
            },
          },
          {
            type: 'AssignmentIssued',
            data: { ...base, occurredAt: at(day + 1), approvedBy: 'h', version: 1 },
          },
        ];
      };
      const histories = [
        assignment('r1', 'ind-a', 0, 'S1', 'lead'),
        assignment('r2', 'ind-b', 50, 'S1', 'lead'),
        // A territorial body's lead and an industry body's support do not count (RA-10).
        assignment('r3', 'town', 0, 'S2', 'lead'),
        assignment('r4', 'ind-b', 0, 'S2', 'support'),
      ];
      let count = 0;
      for (const events of histories) {
        await store.appendToStream(
          `responsibility-${events[0]!.data.assignmentId}`,
          events as NewEvent[],
        );
        count += events.length;
      }
      await visibleLog(store, count);
      await projectOnce(store, [createResponsibilityLedgerProjection()]);
      const figures = createResponsibilityFigures({ store, policy: createSupervisionPolicy() });
      const late = await figures.divisionLeadGaps('D1', '2024-06-30T00:00:00+08:00', directory);
      expect(late.gaps.map((g) => [g.kind, g.code, g.leadOrgIds])).toEqual([['sector', 'S2', []]]);
      expect(late.duplicates.map((g) => [g.code, g.leadOrgIds])).toEqual([
        ['S1', ['ind-a', 'ind-b']],
      ]);
      // Before the second bureau's assignment was issued, S1 had exactly one lead.
      const early = await figures.divisionLeadGaps('D1', '2024-01-20T00:00:00+08:00', directory);
      expect(early.duplicates).toEqual([]);
      expect(early.gaps.map((g) => g.code)).toEqual(['S2']);
    },
  },
];
