import { createSupervisionPolicy, dutyRosterStreamId, localDateOf } from '@safeledger/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CommandTestClient, startCommandTestClient } from './command-test-client.js';

// Duty-roster command routes over real HTTP, the roster named by its month in the path.
const policy = createSupervisionPolicy();
const thisYear = Number(localDateOf(new Date(), policy.timezone).slice(0, 4));

/** One shift over the whole month in the policy's zone (UTC+8), marked reinforced (DR-3). */
function wholeMonth(month: string, overrides: Record<string, unknown> = {}) {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const start = new Date(Date.UTC(year, m - 1, 1) - 8 * 3600_000).toISOString();
  const end = new Date(Date.UTC(year, m, 1) - 8 * 3600_000).toISOString();
  return {
    orgId: 'bureau',
    shifts: [
      {
        shiftId: `${month}-all`,
        start,
        end,
        dutyOfficerId: 'chen',
        leaderOnCallId: 'zhou',
        reinforced: true,
        ...overrides,
      },
    ],
  };
}

describe('duty roster routes', () => {
  let client: CommandTestClient;
  beforeAll(async () => {
    client = await startCommandTestClient('duty');
  });
  afterAll(async () => {
    await client?.stop();
  });

  const month = (m: number) => `${thisYear + 1}-${String(m).padStart(2, '0')}`;

  it('schedules a month, hands the shift over and reports incident information', async () => {
    const scheduled = await client.postOk(
      `/duty-rosters/${month(1)}/schedule-duty-roster`,
      wholeMonth(month(1)),
      'zhou',
    );
    expect(scheduled.body.events.map((e: { type: string }) => e.type)).toEqual(['ShiftScheduled']);
    await client.postOk(
      `/duty-rosters/${month(1)}/hand-over-shift`,
      { shiftId: `${month(1)}-all`, toOfficerId: 'zhou', notes: 'All quiet' },
      'chen',
      { 'if-match': '"1"' },
    );
    const now = Date.now();
    await client.postOk(
      `/duty-rosters/${month(1)}/report-incident-info`,
      {
        incidentRef: 'INC-1',
        receivedAt: new Date(now - 600_000).toISOString(),
        reportedAt: new Date(now - 300_000).toISOString(),
        summary: 'Small fire at the works, put out',
      },
      'chen',
    );
    const read = await client.get(`/duty-rosters/${month(1)}`, 'zhou');
    expect(read.status).toBe(200);
    expect(read.body.version).toBe(3);
    expect(read.body.state.month).toBe(month(1));
  });

  it('DR-2 a shift without a leader on call is 422 in zh-CN, and writes nothing', async () => {
    const wrong = await client.post(
      `/duty-rosters/${month(2)}/schedule-duty-roster`,
      wholeMonth(month(2), { leaderOnCallId: undefined }),
      'zhou',
      { 'accept-language': 'zh-CN' },
    );
    expect(wrong.status).toBe(422);
    expect([wrong.body.ruleId, wrong.body.violation]).toEqual(['DR-2', 'MissingDutyPerson']);
    expect(wrong.body.detail).toMatch(/[\u4e00-\u9fff]/);
    expect(await client.eventCount(dutyRosterStreamId(month(2)))).toBe(0);
  });

  it('G-5 an enterprise officer may not schedule the bureau’s roster (403), nothing written', async () => {
    const refused = await client.post(
      `/duty-rosters/${month(3)}/schedule-duty-roster`,
      wholeMonth(month(3)),
      'li',
    );
    expect([refused.status, refused.body.ruleId]).toEqual([403, 'G-5']);
    expect(await client.eventCount(dutyRosterStreamId(month(3)))).toBe(0);
  });

  it('a stale If-Match is 409 with nothing written; a month not written YYYY-MM is 400', async () => {
    await client.post(
      `/duty-rosters/${month(4)}/schedule-duty-roster`,
      wholeMonth(month(4)),
      'zhou',
    );
    const stale = await client.post(
      `/duty-rosters/${month(4)}/hand-over-shift`,
      { shiftId: `${month(4)}-all`, toOfficerId: 'zhou' },
      'chen',
      { 'if-match': '"0"' },
    );
    expect(stale.status).toBe(409);
    expect(await client.eventCount(dutyRosterStreamId(month(4)))).toBe(1);
    const badMonth = await client.post(
      '/duty-rosters/2026-13/schedule-duty-roster',
      wholeMonth('2026-12'),
      'zhou',
    );
    expect(badMonth.status).toBe(400);
    expect((await client.get(`/duty-rosters/${month(5)}`, 'zhou')).status).toBe(404);
  });
});
