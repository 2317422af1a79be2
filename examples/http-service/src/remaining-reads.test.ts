import { createSupervisionPolicy, localDateOf, type NewEvent } from '@safeledger/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CommandTestClient, startCommandTestClient } from './command-test-client.js';

// The closure watchlist (P-16), RA-10's lead gaps of P-17 and the responsibility ledger over real
// HTTP on one SQLite service. Assignments go through the command routes. A major-hazard case
// decision takes a long procedure, and the command routes date events now, while P-16 needs
// decisions spread over months: the cases are appended straight to the store (which validates
// every payload), as another service sharing the database would write them.
const cst = (local: string) => new Date(`${local}+08:00`).toISOString();
const chen = { personId: 'chen', role: 'EnforcementOfficer', orgId: 'bureau' };

/** A case filed by `agency` against `enterpriseId` and decided on `decided` (local date). */
const decidedCase = (
  caseId: string,
  agency: string,
  enterpriseId: string,
  decided: string,
  isMajorHazardCase: boolean,
): Array<{ type: string; data: Record<string, unknown> }> => {
  const base = { caseId, actor: chen };
  const respondent = { ref: 'r-1', kind: 'unit', enterpriseId };
  return [
    {
      type: 'CaseFiled',
      data: {
        ...base,
        occurredAt: cst(`${decided}T09:00:00`),
        caseNo: `No-${caseId}`,
        agencyOrgId: agency,
        respondents: [respondent],
        cause: 'Major hazard left unrectified',
        violatedProvisions: ['WSL-102'],
        majorBasis: isMajorHazardCase ? [{ standardId: 'GB-1', clause: '4.1' }] : [],
        source: { inspectionId: null, supervisionItemId: null },
        campaignIds: [],
        proposerIds: ['chen'],
        approvedBy: 'zhou',
      },
    },
    {
      type: 'PenaltyDecisionIssued',
      data: {
        ...base,
        occurredAt: cst(`${decided}T16:00:00`),
        decisionNo: `D-${caseId}`,
        penalties: [
          {
            respondentRef: 'r-1',
            kind: 'fine',
            amountCny: 50_000,
            durationDays: null,
            basisProvision: 'WSL-102',
            penaltyRef: 'p-1',
            respondentKind: 'unit',
            enterpriseId,
          },
        ],
        collectiveDiscussion: true,
        isMajorHazardCase,
        linkedHazards: [],
      },
    },
  ];
};

const cases: Array<[string, ReturnType<typeof decidedCase>]> = [
  // works: three major-hazard decisions by the bureau within 180 days (2024-01-10 … 2024-05-01).
  ['case-c1', decidedCase('c1', 'bureau', 'works', '2024-01-10', true)],
  ['case-c2', decidedCase('c2', 'bureau', 'works', '2024-03-01', true)],
  ['case-c3', decidedCase('c3', 'bureau', 'works', '2024-05-01', true)],
  // Not counted: not a major-hazard case.
  ['case-c4', decidedCase('c4', 'bureau', 'works', '2024-02-01', false)],
  // docks: one major-hazard decision by the harbour bureau.
  ['case-c5', decidedCase('c5', 'harbour-bureau', 'docks', '2024-02-01', true)],
];

describe('closure watchlist, lead gaps, responsibility and plan ledger endpoints', () => {
  let client: CommandTestClient;
  // Assignments are issued now, for the current year of the policy's time zone.
  const year = Number(localDateOf(new Date(), createSupervisionPolicy().timezone).slice(0, 4));

  const assignment = (listId: string, listKind: string, department: string, sector: string) => ({
    listId,
    listTitle: 'District list',
    listKind,
    issuerOrgId: 'committee-office',
    period: { year },
    assignee: { kind: 'department', id: department },
    duties: [
      {
        dutyId: 'd-1',
        code: `T-${department}`,
        text: 'Lead the sector',
        kind: 'key_task',
        sectorCodes: [sector],
        role: 'lead',
      },
    ],
  });

  const plan = (kind: string, ownerOrgId: string) => ({ kind, title: `${kind} plan`, ownerOrgId });

  beforeAll(async () => {
    client = await startCommandTestClient('remaining-reads');
    for (const [streamId, events] of cases) {
      await client.service.store.appendToStream(streamId, events as NewEvent[]);
    }
    const commands: Array<[string, unknown, string]> = [
      [
        '/assignments/ra-1/draft-assignment',
        assignment('L-div', 'duty_task_list', 'bureau', 'chemicals'),
        'tang',
      ],
      ['/assignments/ra-1/issue-assignment', {}, 'tang'],
      ['/assignments/ra-1/acknowledge-assignment', {}, 'zhou'],
      [
        '/assignments/ra-2/draft-assignment',
        assignment('L-div', 'duty_task_list', 'harbour-bureau', 'mining'),
        'tang',
      ],
      ['/assignments/ra-2/issue-assignment', {}, 'tang'],
      [
        '/assignments/ra-3/draft-assignment',
        assignment('L-tasks', 'task_division', 'bureau', 'ports'),
        'tang',
      ],
      ['/assignments/ra-3/issue-assignment', {}, 'tang'],
      ['/plans/p-1/draft-plan', plan('comprehensive', 'bureau'), 'chen'],
      ['/plans/p-1/publish-plan', { version: 1 }, 'zhou'],
      ['/plans/p-1/revise-plan', { summary: 'Second version' }, 'chen'],
      ['/plans/p-1/publish-plan', { version: 2 }, 'zhou'],
      ['/plans/p-2/draft-plan', plan('special', 'bureau'), 'chen'],
      ['/plans/p-3/draft-plan', plan('special', 'harbour-bureau'), 'gao'],
    ];
    for (const [path, body, sub] of commands) {
      const answer = await client.post(path, body, sub);
      expect(answer.status, `${path}: ${JSON.stringify(answer.body)}`).toBe(200);
    }
    await client.service.runner.catchUp();
  });

  afterAll(async () => {
    await client?.stop();
  });

  it('P-16 lists the enterprise with three major-hazard decisions within 180 days, as of T', async () => {
    const T = '2024-06-01T00:00:00+08:00';
    const bureau = await client.get(
      `/figures/closure-watchlist?asOf=${encodeURIComponent(T)}&lang=en`,
      'chen',
    );
    expect(bureau.status, JSON.stringify(bureau.body)).toBe(200);
    expect(bureau.body).toEqual({
      title: 'Closure watchlist',
      asOf: T,
      trigger: [
        { count: 3, days: 180 },
        { count: 4, days: 365 },
      ],
      enterprises: [
        {
          enterpriseId: 'works',
          majorHazardCases: 3,
          windowDays: 180,
          caseIds: ['c1', 'c2', 'c3'],
          from: '2024-01-10',
          to: '2024-05-01',
        },
      ],
    });
    // Before the third decision, nobody is on the list.
    const april = await client.get(
      '/figures/closure-watchlist?asOf=2024-04-30T23:59:59%2B08:00',
      'chen',
    );
    expect(april.body.enterprises).toEqual([]);
    // In Chinese, for the enterprise's own safety officer and for the city bureau above.
    const own = await client.get('/figures/closure-watchlist?lang=zh-CN', 'li');
    expect([own.body.title, own.body.enterprises.map((e: any) => e.enterpriseId)]).toEqual([
      '提请关闭名单',
      ['works'],
    ]);
    const city = await client.get('/figures/closure-watchlist', 'qian');
    expect(city.body.enterprises.map((e: any) => e.caseIds)).toEqual([['c1', 'c2', 'c3']]);
    // The harbour bureau sees its one case of the docks only; the docks are not on the list.
    expect((await client.get('/figures/closure-watchlist', 'gao')).body.enterprises).toEqual([]);
    expect((await client.get('/figures/closure-watchlist', 'ma')).body.enterprises).toEqual([]);
  });

  it('G-5 refuses a closure watchlist outside the reader\u2019s scope', async () => {
    const other = await client.get('/figures/closure-watchlist?enterpriseId=docks', 'li');
    expect([other.status, other.body.ruleId]).toEqual([403, 'G-5']);
    const worker = await client.get('/figures/closure-watchlist', 'wu');
    expect([worker.status, worker.body.ruleId]).toEqual([403, 'G-5']);
  });

  it('RA-10 names the division list\u2019s sectors without a lead industry body', async () => {
    const gaps = await client.get('/figures/division-lead-gaps?lang=en', 'tang');
    expect(gaps.status, JSON.stringify(gaps.body)).toBe(200);
    expect(gaps.body.title).toBe('Lead gaps');
    // The directory has no industry bodies: a safety bureau's lead is no lead under RA-10, and
    // the task-division list L-tasks is not a division list.
    expect(gaps.body.lists).toEqual([
      {
        listId: 'L-div',
        gaps: [
          { kind: 'sector', code: 'chemicals', leadOrgIds: [] },
          { kind: 'sector', code: 'mining', leadOrgIds: [] },
        ],
        duplicates: [],
      },
    ]);
    const before = await client.get(
      '/figures/division-lead-gaps?asOf=2020-01-01T00:00:00Z',
      'tang',
    );
    expect(before.body.lists).toEqual([]);
    const bad = await client.get('/figures/division-lead-gaps?listKind=task_division', 'tang');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.errors)).toContain('querystring.listKind');
    const bureau = await client.get(
      '/figures/division-lead-gaps?issuerOrgId=committee-office',
      'chen',
    );
    expect([bureau.status, bureau.body.ruleId]).toEqual([403, 'G-5']);
  });

  it('pages and filters the responsibility ledger of the issuer', async () => {
    const first = await client.get(
      '/ledgers/responsibility-assignments?limit=2&lang=zh-CN',
      'tang',
    );
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.title).toBe('职责任务台账');
    expect(first.body.total).toBe(3);
    expect(first.body.items.map((row: any) => row.assignmentId)).toEqual(['ra-1', 'ra-2']);
    const rest = await client.get(
      `/ledgers/responsibility-assignments?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`,
      'tang',
    );
    expect(rest.body.items.map((row: any) => row.assignmentId)).toEqual(['ra-3']);
    expect(rest.body.nextCursor).toBeNull();
    const acknowledged = await client.get(
      '/ledgers/responsibility-assignments?listKind=duty_task_list&acknowledged=true',
      'tang',
    );
    expect(acknowledged.body.items.map((row: any) => [row.assignmentId, row.assigneeId])).toEqual([
      ['ra-1', 'bureau'],
    ]);
    const notYet = await client.get(
      '/ledgers/responsibility-assignments?asOf=2020-01-01T00:00:00Z',
      'tang',
    );
    expect([notYet.body.total, notYet.body.asOf]).toEqual([0, '2020-01-01T00:00:00Z']);
    // A sibling organisation sees none of the committee office's lists.
    expect((await client.get('/ledgers/responsibility-assignments', 'chen')).body.total).toBe(0);
  });

  it('G-5 and 400 on the responsibility ledger', async () => {
    const sibling = await client.get(
      '/ledgers/responsibility-assignments?issuerOrgId=committee-office',
      'chen',
    );
    expect([sibling.status, sibling.body.ruleId]).toEqual([403, 'G-5']);
    const enterprise = await client.get('/ledgers/responsibility-assignments', 'li');
    expect([enterprise.status, enterprise.body.ruleId]).toEqual([403, 'G-5']);
    const bad = await client.get('/ledgers/responsibility-assignments?acknowledged=maybe', 'tang');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.errors)).toContain('querystring.acknowledged');
  });

  it('pages and filters the emergency-plan ledger of the owners the reader may see', async () => {
    const bureau = await client.get('/ledgers/plans?limit=1&lang=en', 'chen');
    expect(bureau.status, JSON.stringify(bureau.body)).toBe(200);
    expect([bureau.body.title, bureau.body.total]).toEqual(['Emergency-plan ledger', 2]);
    expect(bureau.body.items.map((row: any) => row.planId)).toEqual(['p-1']);
    const next = await client.get(
      `/ledgers/plans?limit=1&cursor=${encodeURIComponent(bureau.body.nextCursor)}`,
      'chen',
    );
    expect(next.body.items.map((row: any) => row.planId)).toEqual(['p-2']);
    expect(next.body.nextCursor).toBeNull();
    // Each plan with its versions: p-1 was published, revised and published again; p-2 is a draft.
    const all = await client.get('/ledgers/plans?order=desc', 'chen');
    expect(
      all.body.items.map((row: any) => [
        row.planId,
        row.ownerOrgId,
        row.latestVersion,
        row.publishedVersion,
        row.versions.map((v: any) => [v.version, v.publishedAt !== null, v.isRevision]),
      ]),
    ).toEqual([
      ['p-2', 'bureau', 1, null, [[1, false, false]]],
      [
        'p-1',
        'bureau',
        2,
        2,
        [
          [1, true, false],
          [2, true, true],
        ],
      ],
    ]);
    const special = await client.get('/ledgers/plans?kind=special&lang=zh-CN', 'qian');
    expect(special.body.title).toBe('应急预案台账');
    expect(special.body.items.map((row: any) => row.planId)).toEqual(['p-2', 'p-3']);
    expect(
      (await client.get('/ledgers/plans', 'gao')).body.items.map((r: any) => r.planId),
    ).toEqual(['p-3']);
    // The works enterprise owns no plan.
    expect((await client.get('/ledgers/plans', 'li')).body.total).toBe(0);
  });

  it('G-5 and 400 on the emergency-plan ledger', async () => {
    const worker = await client.get('/ledgers/plans', 'wu');
    expect([worker.status, worker.body.ruleId]).toEqual([403, 'G-5']);
    const bad = await client.get('/ledgers/plans?kind=secret', 'chen');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.errors)).toContain('querystring.kind');
  });
});
