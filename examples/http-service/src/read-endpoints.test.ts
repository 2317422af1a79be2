import {
  addDays,
  createSupervisionPolicy,
  formatMetricRate,
  localDateOf,
  rateOf,
} from '@safeledger/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintDevelopmentToken } from './dev-keys.js';
import type { RunningService } from './service.js';
import { serviceOnStores } from './service-on-stores.js';

// The read endpoints over real HTTP, on each real store: SQLite in a folder of its own and
// PostgreSQL in a schema of its own. Every answer is held to the read model's own answer and to
// what the test itself wrote.
const policy = createSupervisionPolicy();
const today = localDateOf(new Date(), policy.timezone);
const HAZARDS = 23;

interface Seeded {
  readonly works: string[];
  readonly docks: string[];
  readonly closed: string[];
  readonly completed: string[];
  readonly deadline: Map<string, string>;
}

describe.each(serviceOnStores('reads'))('read endpoints on $name', ({ start }) => {
  let service: RunningService;
  let seeded: Seeded;
  const auth = async (sub: string) => ({
    authorization: `Bearer ${await mintDevelopmentToken({ sub })}`,
  });

  async function post(path: string, body: unknown, headers: Record<string, string>) {
    const response = await fetch(`${service.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as any;
    if (response.status !== 200) throw new Error(`${path}: ${JSON.stringify(answer)}`);
    return answer;
  }

  async function get(path: string, sub = 'chen', extra: Record<string, string> = {}) {
    const response = await fetch(`${service.url}${path}`, {
      headers: { ...(await auth(sub)), ...extra },
    });
    return { status: response.status, body: (await response.json()) as any };
  }

  /** Every page of a paged endpoint, following `nextCursor`. */
  async function allPages(path: string, sub = 'chen') {
    const items: any[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const separator = path.includes('?') ? '&' : '?';
      const url: string =
        cursor === null ? path : `${path}${separator}cursor=${encodeURIComponent(cursor)}`;
      const { status, body } = await get(url, sub);
      expect(status, JSON.stringify(body)).toBe(200);
      items.push(...body.items);
      cursor = body.nextCursor;
      pages += 1;
    } while (cursor !== null && pages < 100);
    return { items, pages };
  }

  beforeAll(async () => {
    service = await start();
    const li = await auth('li');
    const ma = await auth('ma');
    const wang = await auth('wang');
    seeded = { works: [], docks: [], closed: [], completed: [], deadline: new Map() };
    for (let i = 0; i < HAZARDS; i += 1) {
      const atWorks = i % 3 !== 2;
      const hazardId = `r-${String(i).padStart(2, '0')}`;
      // Deadlines repeat so that keyset pages must break ties by id.
      const deadline = addDays(today, 1 + (i % 5));
      seeded.deadline.set(hazardId, deadline);
      await post(
        `/hazards/${hazardId}/register-hazard`,
        {
          subject: { kind: 'enterprise', id: atWorks ? 'works' : 'docks' },
          description: `Finding ${i}`,
          location: 'Yard',
          nature: 'unsafe_condition',
          grade: 'general',
          source: 'self_inspection',
          deadline,
        },
        atWorks ? li : ma,
      );
      (atWorks ? seeded.works : seeded.docks).push(hazardId);
      if (i % 4 === 0 || i % 4 === 1) {
        await post(
          `/hazards/${hazardId}/complete-rectification`,
          { actionsTaken: 'Fixed' },
          atWorks ? li : ma,
        );
        if (atWorks && i % 4 === 0) {
          await post(
            `/hazards/${hazardId}/verify-rectification`,
            { outcome: 'passed', kind: 'internal_check', verifierIds: ['wang'] },
            wang,
          );
          seeded.closed.push(hazardId);
        } else {
          seeded.completed.push(hazardId);
        }
      }
    }
    await service.runner.catchUp({ timeoutMs: 20_000 });
  }, 60_000);

  afterAll(async () => {
    await service?.stop();
  });

  it('pages through the hazard ledger without repeating or skipping a row', async () => {
    for (const limit of [1, 4, 7, 50]) {
      const { items, pages } = await allPages(`/ledgers/hazards?sort=deadline&limit=${limit}`);
      const ids = items.map((row) => row.hazardId);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual([...seeded.works].sort());
      expect(pages).toBe(Math.max(1, Math.ceil(seeded.works.length / limit)));
      // Sorted by deadline, ties by id: the order the read model gives.
      const direct = await ledgerOf(service, 'bureau');
      expect(ids).toEqual(direct);
    }
  });

  it('any page size, sort and filter: the pages concatenate to the one-query answer (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 9 }),
        fc.constantFrom('registeredAt', 'deadline', 'closedAt'),
        fc.constantFrom('asc', 'desc'),
        fc.option(fc.constantFrom('open', 'awaiting_verification', 'closed'), { nil: undefined }),
        async (limit, sort, order, status) => {
          const query = `sort=${sort}&order=${order}&limit=${limit}${status ? `&status=${status}` : ''}`;
          const { items } = await allPages(`/ledgers/hazards?${query}`);
          const whole = await service.figures.ledger.find({
            where: { supervisingOrgId: 'bureau', ...(status ? { status } : {}) },
            orderBy: [{ field: sort, direction: order }],
            limit: 1000,
          });
          expect(items.map((row) => row.hazardId)).toEqual(whole.items.map((item) => item.id));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('answers filters as the ledger query does, and labels codes in the language asked', async () => {
    const { status, body } = await get('/ledgers/hazards?status=closed&areaId=park&lang=zh-CN');
    expect(status).toBe(200);
    expect(body.title).toBe('隐患台账');
    expect(body.total).toBe(seeded.closed.length);
    expect(body.items.map((row: any) => row.hazardId).sort()).toEqual([...seeded.closed].sort());
    expect(body.items[0].labels.status).toBe('已销号');
    const english = await get('/ledgers/hazards?status=awaiting_verification', 'chen', {
      'accept-language': 'en',
    });
    expect(english.body.items.map((row: any) => row.hazardId).sort()).toEqual(
      seeded.completed.filter((id) => seeded.works.includes(id)).sort(),
    );
    expect(english.body.items[0].labels.status).toBe('Awaiting verification');
    const page = await service.figures.ledger.find({
      where: { supervisingOrgId: 'bureau', status: 'awaiting_verification' },
      limit: 1000,
    });
    expect(english.body.items.map((row: any) => row.hazardId)).toEqual(
      page.items.map((item) => item.id),
    );
  });

  it("shows a district only its own hazards, never a sibling district's (G-5)", async () => {
    const harbour = await allPages('/ledgers/hazards', 'gao');
    expect(harbour.items.map((row) => row.hazardId).sort()).toEqual([...seeded.docks].sort());
    const otherArea = await get('/ledgers/hazards?areaId=harbour');
    expect(otherArea.body.total).toBe(0);
    const otherEnterprise = await get('/ledgers/hazards?enterpriseId=docks');
    expect(otherEnterprise.body.total).toBe(0);
    const T = new Date(Date.now() + 60_000).toISOString();
    const rate = await get(`/figures/rectification-rate?asOf=${encodeURIComponent(T)}`, 'gao');
    expect(rate.body.denominator).toBe(seeded.docks.length);
    const anonymous = await fetch(`${service.url}/ledgers/hazards`);
    expect(anonymous.status).toBe(401);
  });

  it('shows a city-level organisation the rows of both districts below it', async () => {
    const city = await allPages('/ledgers/hazards?limit=7', 'qian');
    expect(city.items.map((row) => row.hazardId).sort()).toEqual(
      [...seeded.works, ...seeded.docks].sort(),
    );
    const T = new Date(Date.now() + 60_000).toISOString();
    const rate = await get(
      `/figures/rectification-rate?asOf=${encodeURIComponent(T)}&by=supervisingOrgId`,
      'qian',
    );
    expect([rate.body.numerator, rate.body.denominator]).toEqual([seeded.closed.length, HAZARDS]);
    expect(rate.body.groups.map((group: { key: string }) => group.key)).toEqual([
      'bureau',
      'harbour-bureau',
    ]);
    const narrowed = await get('/ledgers/hazards?enterpriseId=docks&limit=200', 'qian');
    expect(narrowed.body.total).toBe(seeded.docks.length);
  });

  it("shows an enterprise's principal and safety officers their own enterprise's hazards only (G-5)", async () => {
    for (const sub of ['li', 'zhao']) {
      const own = await allPages('/ledgers/hazards?limit=5', sub);
      expect(own.items.map((row) => row.hazardId).sort()).toEqual([...seeded.works].sort());
    }
    const docks = await allPages('/ledgers/hazards', 'ma');
    expect(docks.items.map((row) => row.hazardId).sort()).toEqual([...seeded.docks].sort());
    const T = `${addDays(today, 10)}T12:00:00+08:00`;
    const overdue = await get(`/ledgers/overdue?asOf=${encodeURIComponent(T)}&limit=200`, 'ma');
    const model = await service.figures.overdueLedger({
      asOf: T,
      subjects: [{ kind: 'enterprise', id: 'docks' }],
      limit: 1000,
    });
    expect(overdue.body.items.map((row: any) => row.hazardId)).toEqual(
      model.rows.map(({ row }) => row.hazardId),
    );
    expect(overdue.body.items.every((row: any) => row.subjectId === 'docks')).toBe(true);
    const rate = await get(
      `/figures/rectification-rate?asOf=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
      'li',
    );
    expect([rate.body.numerator, rate.body.denominator]).toEqual([
      seeded.closed.length,
      seeded.works.length,
    ]);
    const paths = ['/ledgers/hazards', '/ledgers/overdue', '/figures/rectification-rate'];
    for (const path of paths) {
      const another = await get(`${path}?enterpriseId=docks`, 'li');
      expect(another.status).toBe(403);
      expect(another.body.ruleId).toBe('G-5');
      const worker = await get(path, 'wu');
      expect(worker.status).toBe(403);
      expect(worker.body.ruleId).toBe('G-5');
    }
    const same = await get('/ledgers/hazards?enterpriseId=works', 'li');
    expect(same.body.total).toBe(seeded.works.length);
  });

  it('lists the overdue ledger as of T page by page, as the read model does', async () => {
    const T = `${addDays(today, 10)}T12:00:00+08:00`;
    const { items } = await allPages(`/ledgers/overdue?asOf=${encodeURIComponent(T)}&limit=3`);
    const model = await service.figures.overdueLedger({ asOf: T, orgId: 'bureau', limit: 1000 });
    expect(items.map((row) => [row.hazardId, row.daysOverdue])).toEqual(
      model.rows.map(({ row, daysOverdue }) => [row.hazardId, daysOverdue]),
    );
    // Recomputed from what was written: works hazards never completed, all past their deadline.
    const open = seeded.works.filter(
      (id) => !seeded.closed.includes(id) && !seeded.completed.includes(id),
    );
    expect(items.map((row) => row.hazardId).sort()).toEqual([...open].sort());
    for (const row of items) {
      expect(row.daysOverdue).toBe(
        (Date.parse(addDays(today, 10)) - Date.parse(seeded.deadline.get(row.hazardId)!)) /
          86_400_000,
      );
    }
    const before = await get(
      `/ledgers/overdue?asOf=${encodeURIComponent(new Date().toISOString())}`,
    );
    expect(before.body.total).toBe(0);
  });

  it('gives the rectification rate as numerator, denominator and the policy format', async () => {
    const T = new Date(Date.now() + 60_000).toISOString();
    const { status, body } = await get(
      `/figures/rectification-rate?asOf=${encodeURIComponent(T)}&by=areaId&lang=en`,
    );
    expect(status).toBe(200);
    const model = await service.figures.rectificationRate({ asOf: T, orgId: 'bureau' });
    expect([body.numerator, body.denominator]).toEqual([model.rectified, model.found]);
    expect([body.numerator, body.denominator]).toEqual([seeded.closed.length, seeded.works.length]);
    expect(body.rate).toBe(
      formatMetricRate(rateOf(seeded.closed.length, seeded.works.length), policy, 'P-2'),
    );
    expect(body.title).toBe('Rectification rate');
    expect(body.groups).toEqual([{ key: 'park', ...pick(body) }]);
    const chinese = await get(`/figures/rectification-rate?asOf=${encodeURIComponent(T)}`, 'chen', {
      'accept-language': 'zh-CN,en;q=0.5',
    });
    expect(chinese.body.title).toBe('整改率');
    // A period before any hazard was found: no denominator, shown as "—".
    const lastYear = await get(
      `/figures/rectification-rate?asOf=${encodeURIComponent(T)}&period=${Number(today.slice(0, 4)) - 1}`,
    );
    expect(pick(lastYear.body)).toEqual({ numerator: 0, denominator: 0, rate: '—' });
    const thisMonth = await get(
      `/figures/rectification-rate?asOf=${encodeURIComponent(T)}&period=${today.slice(0, 7)}`,
    );
    expect(thisMonth.body.period.from < T).toBe(true);
    const monthModel = await service.figures.rectificationRate({
      asOf: T,
      orgId: 'bureau',
      period: thisMonth.body.period,
    });
    expect([thisMonth.body.numerator, thisMonth.body.denominator]).toEqual([
      monthModel.rectified,
      monthModel.found,
    ]);
  });

  it('answers the other figures as the read model does', async () => {
    const T = `${addDays(today, 10)}T12:00:00+08:00`;
    const q = `asOf=${encodeURIComponent(T)}`;
    const onTime = await get(`/figures/on-time-rate?${q}&strict=true`);
    const onTimeModel = await service.figures.onTimeRate({
      asOf: T,
      orgId: 'bureau',
      strict: true,
    });
    expect([onTime.body.numerator, onTime.body.denominator]).toEqual([
      onTimeModel.onTime,
      onTimeModel.eligible,
    ]);
    expect(onTime.body.denominator).toBe(seeded.works.length);
    const major = await get(`/figures/major-hazard-rate?${q}`);
    expect(pick(major.body)).toEqual({ numerator: 0, denominator: 0, rate: '—' });
    const closures = await get(`/figures/closures?${q}`);
    expect(closures.body.closed).toBe(seeded.closed.length);
    const byArea = await get(`/figures/overdue-by-area?${q}`);
    expect(byArea.body.areas).toEqual(
      await service.figures.overdueByArea({ asOf: T, orgId: 'bureau' }),
    );
    const backlog = await get(`/ledgers/verification-backlog?${q}`);
    expect(backlog.status).toBe(200);
    expect(backlog.body.total).toBe(
      (await service.figures.verificationBacklog({ asOf: T, orgId: 'bureau' })).total,
    );
  });

  it.each([
    ['/ledgers/hazards?limit=0', 'querystring.limit'],
    ['/ledgers/hazards?limit=ten', 'querystring.limit'],
    ['/ledgers/hazards?grade=severe', 'querystring.grade'],
    ['/ledgers/hazards?status=lost', 'querystring.status'],
    ['/ledgers/hazards?sort=nature', 'querystring.sort'],
    ['/ledgers/overdue?asOf=yesterday', 'querystring.asOf'],
    ['/ledgers/overdue?asOf=2024-05-01T00:00:00', 'querystring.asOf'],
    ['/figures/rectification-rate?period=2024-13', 'querystring.period'],
    ['/figures/rectification-rate?period=2024-02-30', 'querystring.period'],
    ['/figures/rectification-rate?by=colour', 'querystring.by'],
    ['/figures/rectification-rate?lang=fr', 'querystring.lang'],
    ['/ledgers/hazards?cursor=not-a-cursor', 'cursor'],
  ])('%s is a 400 problem naming %s', async (path, parameter) => {
    const { status, body } = await get(path);
    expect(status).toBe(400);
    expect(body.type).toMatch(/invalid-input$/);
    expect(body.errors.map((error: { path: string }) => error.path)).toContain(parameter);
  });
});

function pick(body: { numerator: number; denominator: number; rate: string }) {
  return { numerator: body.numerator, denominator: body.denominator, rate: body.rate };
}

/** The bureau's ledger ids by deadline then id, straight from the read model. */
async function ledgerOf(service: RunningService, orgId: string): Promise<string[]> {
  const page = await service.figures.ledger.find({
    where: { supervisingOrgId: orgId },
    orderBy: [{ field: 'deadline', direction: 'asc' }],
    limit: 1000,
  });
  return page.items.map((item) => item.id);
}
