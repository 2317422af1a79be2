import { addDays, createSupervisionPolicy, localDateOf } from '@safeledger/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintDevelopmentToken } from './dev-keys.js';
import type { RunningService } from './service.js';
import { serviceOnStores } from './service-on-stores.js';

// The major-hazard ledger (P-6) and the case statistics and ledger (P-15) over real HTTP, on
// SQLite and on PostgreSQL, with the read scopes: a district, the city above it, an enterprise.
const policy = createSupervisionPolicy();
const today = localDateOf(new Date(), policy.timezone);

describe.each(serviceOnStores('majors'))('P-6 and P-15 endpoints on $name', ({ start }) => {
  let service: RunningService;
  const auth = async (sub: string) => ({
    authorization: `Bearer ${await mintDevelopmentToken({ sub })}`,
  });

  async function post(path: string, body: unknown, sub: string) {
    const response = await fetch(`${service.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await auth(sub)) },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as any;
    if (response.status !== 200) throw new Error(`${path}: ${JSON.stringify(answer)}`);
    return answer;
  }

  async function get(path: string, sub: string, extra: Record<string, string> = {}) {
    const response = await fetch(`${service.url}${path}`, {
      headers: { ...(await auth(sub)), ...extra },
    });
    return { status: response.status, body: (await response.json()) as any };
  }

  const hazard = (enterprise: string, grade: 'general' | 'major') => ({
    subject: { kind: 'enterprise', id: enterprise },
    description: grade === 'major' ? 'Corroded chlorine line' : 'Fire exit blocked',
    location: 'Yard',
    nature: 'unsafe_condition',
    grade,
    ...(grade === 'major' ? { majorBasis: { standardId: 'AJ-2017-121', clause: '8' } } : {}),
    source: 'self_inspection',
    deadline: addDays(today, 30),
  });

  beforeAll(async () => {
    service = await start();
    await post('/hazards/m-works/register-hazard', hazard('works', 'major'), 'li');
    await post('/hazards/g-works/register-hazard', hazard('works', 'general'), 'li');
    await post('/hazards/m-docks/register-hazard', hazard('docks', 'major'), 'ma');
    await post(
      '/hazards/m-works/report-major-hazard',
      {
        recipientOrgIds: ['bureau'],
        statusAndCause: 'wall thinning from corrosion',
        severityAndDifficulty: 'toxic release risk; needs a shutdown',
        planSummary: 'replace the line during a shutdown',
      },
      'zhao',
    );
    await post(
      '/cases/c-works/file-case',
      {
        caseNo: '2026-101',
        agencyOrgId: 'bureau',
        respondents: [{ ref: 'U', kind: 'unit', enterpriseId: 'works' }],
        cause: 'Corroded chlorine line left in service',
        violatedProvisions: ['WSL 2021 Art. 102'],
        proposerIds: ['chen', 'sun'],
        approvedBy: 'zhou',
      },
      'chen',
    );
    await post('/cases/c-works/link-hazard-to-case', { hazardId: 'm-works' }, 'chen');
    await service.runner.catchUp({ timeoutMs: 20_000 });
  }, 60_000);

  afterAll(async () => {
    await service?.stop();
  });

  const ids = (body: { items: { hazardId?: string; caseId?: string }[] }) =>
    body.items.map((row) => row.hazardId ?? row.caseId).sort();

  it('lists the majors a district supervises in P-6, with the report judged as of T', async () => {
    const { status, body } = await get('/ledgers/major-hazards?lang=zh-CN', 'chen');
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.title).toBe('重大事故隐患（挂牌督办）台账');
    expect(ids(body)).toEqual(['m-works']);
    expect(body.total).toBe(1);
    const [row] = body.items;
    expect(row.reportLate).toBe(false);
    expect(row.majorBasis).toEqual({ standardId: 'AJ-2017-121', clause: '8' });
    expect(row.daysOverdue).toBe(0);
    expect(row.caseIds).toEqual(['c-works']);
    expect(row.labels.grade).toBe('重大事故隐患');
    // Two days on, the docks major is still unreported: late against the 24-hour limit.
    const T = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const later = await get(`/ledgers/major-hazards?asOf=${encodeURIComponent(T)}`, 'gao');
    expect(ids(later.body)).toEqual(['m-docks']);
    expect(later.body.items[0].reportLate).toBe(true);
    // Before anything was registered, no major existed.
    const before = await get('/ledgers/major-hazards?asOf=2020-01-01T00:00:00Z', 'chen');
    expect(before.body.total).toBe(0);
  });

  it('shows the city both districts\u2019 majors, and an enterprise its own only (G-5)', async () => {
    const city = await get('/ledgers/major-hazards?limit=1', 'qian');
    expect(city.body.total).toBe(2);
    const next = await get(
      `/ledgers/major-hazards?limit=1&cursor=${encodeURIComponent(city.body.nextCursor)}`,
      'qian',
    );
    expect([...ids(city.body), ...ids(next.body)].sort()).toEqual(['m-docks', 'm-works']);
    expect(next.body.nextCursor).toBeNull();
    const own = await get('/ledgers/major-hazards', 'zhao');
    expect(ids(own.body)).toEqual(['m-works']);
    const other = await get('/ledgers/major-hazards?enterpriseId=docks', 'zhao');
    expect([other.status, other.body.ruleId]).toEqual([403, 'G-5']);
    const worker = await get('/ledgers/major-hazards', 'wu');
    expect([worker.status, worker.body.ruleId]).toEqual([403, 'G-5']);
  });

  it('answers the case statistics (P-15) for the reader\u2019s scope', async () => {
    const bureau = await get('/figures/case-statistics?by=agencyOrgId&lang=en', 'chen');
    expect(bureau.status, JSON.stringify(bureau.body)).toBe(200);
    expect(bureau.body.title).toBe('Case statistics');
    expect(bureau.body.filed).toBe(1);
    expect(bureau.body.decided).toBe(0);
    expect(bureau.body.groups.map((g: { key: string; filed: number }) => [g.key, g.filed])).toEqual(
      [['bureau', 1]],
    );
    const model = await service.caseFigures.caseStatistics({
      asOf: bureau.body.asOf,
      agencyOrgId: 'bureau',
    });
    expect(bureau.body.filed).toBe(model.filed);
    expect((await get('/figures/case-statistics', 'qian')).body.filed).toBe(1);
    expect((await get('/figures/case-statistics', 'gao')).body.filed).toBe(0);
    expect((await get('/figures/case-statistics', 'li')).body.filed).toBe(1);
    expect((await get('/figures/case-statistics', 'ma')).body.filed).toBe(0);
    const lastYear = await get(
      `/figures/case-statistics?period=${Number(today.slice(0, 4)) - 1}`,
      'chen',
    );
    expect(lastYear.body.filed).toBe(0);
    const other = await get('/figures/case-statistics?enterpriseId=docks', 'li');
    expect([other.status, other.body.ruleId]).toEqual([403, 'G-5']);
    const bad = await get('/figures/case-statistics?period=2024-02-30', 'chen');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toContain('querystring.period');
  });

  it('pages the case ledger for the reader\u2019s scope', async () => {
    const bureau = await get('/ledgers/cases?lang=zh-CN', 'chen');
    expect(bureau.status, JSON.stringify(bureau.body)).toBe(200);
    expect(bureau.body.title).toBe('执法案件台账');
    expect(ids(bureau.body)).toEqual(['c-works']);
    expect(bureau.body.items[0].caseNo).toBe('2026-101');
    expect(bureau.body.nextCursor).toBeNull();
    expect((await get('/ledgers/cases', 'zhao')).body.total).toBe(1);
    expect((await get('/ledgers/cases', 'gao')).body.total).toBe(0);
    expect((await get('/ledgers/cases?enterpriseId=docks', 'qian')).body.total).toBe(0);
    const worker = await get('/ledgers/cases', 'wu');
    expect([worker.status, worker.body.ruleId]).toEqual([403, 'G-5']);
  });
});
