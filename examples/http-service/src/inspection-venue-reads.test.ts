import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, createSupervisionPolicy, localDateOf, startOfLocalDay } from '@safeledger/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { developmentVerification, mintDevelopmentToken } from './dev-keys.js';
import { type RunningService, startService } from './service.js';

// The read endpoints of P-8…P-13 over real HTTP on SQLite, over a small history written through
// the command routes: every figure is held to what the test itself wrote, every scope to G-5.
const policy = createSupervisionPolicy();
const today = localDateOf(new Date(), policy.timezone);
const [year = '', month = ''] = today.split('-');
const quarter = Math.floor((Number(month) - 1) / 3) + 1;
const pad = (n: number) => String(n).padStart(2, '0');
/** The first local day after the current month and after the current quarter, as instants. */
const nextMonth = startOfLocalDay(
  Number(month) === 12 ? `${Number(year) + 1}-01-01` : `${year}-${pad(Number(month) + 1)}-01`,
  policy.timezone,
).toISOString();
const nextQuarter = startOfLocalDay(
  quarter === 4 ? `${Number(year) + 1}-01-01` : `${year}-${pad(quarter * 3 + 1)}-01`,
  policy.timezone,
).toISOString();

describe('inspection and venue read endpoints', () => {
  let service: RunningService;
  let folder: string;

  async function post(path: string, body: unknown, sub: string) {
    const response = await fetch(`${service.url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await mintDevelopmentToken({ sub })}`,
      },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as any;
    expect(response.status, `${path}: ${JSON.stringify(answer)}`).toBe(200);
    return answer;
  }

  async function get(path: string, sub: string) {
    const response = await fetch(`${service.url}${path}`, {
      headers: { authorization: `Bearer ${await mintDevelopmentToken({ sub })}` },
    });
    return { status: response.status, body: (await response.json()) as any };
  }

  async function inspect(
    inspectionId: string,
    plan: { kind: string; enterprise: string; orgId: string; inspectors: string[] },
    findings: number,
    complete = true,
  ) {
    const lead = plan.inspectors[0] ?? '';
    await post(
      `/inspections/${inspectionId}/schedule-inspection`,
      {
        kind: plan.kind,
        subject: { kind: 'enterprise', id: plan.enterprise },
        orgId: plan.orgId,
        inspectorIds: plan.inspectors,
      },
      lead,
    );
    if (!complete) return;
    await post(`/inspections/${inspectionId}/start-inspection`, {}, lead);
    for (let i = 1; i <= findings; i += 1) {
      await post(
        `/inspections/${inspectionId}/record-finding`,
        {
          findingId: `f-${i}`,
          description: `Finding ${i}`,
          location: 'Yard',
          nature: 'unsafe_condition',
          proposedGrade: 'general',
          deadline: addDays(today, 14),
        },
        lead,
      );
    }
    await post(`/inspections/${inspectionId}/complete-inspection`, { recordRef: 'R' }, lead);
  }

  const hazard = (source: string, extra: object = {}) => ({
    subject: { kind: 'enterprise', id: 'works' },
    description: 'Blocked exit',
    location: 'Yard',
    nature: 'unsafe_condition',
    grade: 'general',
    source,
    deadline: addDays(today, 10),
    ...extra,
  });

  const venue = (name: string) => ({
    name,
    address: `${name} Road`,
    category: 'small_shop',
    areaId: 'park',
    operator: { name: 'Xu', personId: 'xu' },
  });

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'safeledger-model-reads-'));
    service = await startService({
      port: 0,
      sqlitePath: join(folder, 'model-reads.db'),
      instance: 'model-reads',
      verification: developmentVerification(),
      pollIntervalMs: 20,
    });
    const bureau = { orgId: 'bureau', inspectors: ['chen', 'sun'] };
    // Two visits to Works by the district bureau (one with two findings), one to Docks by the
    // harbour bureau, and one inspection of Works only scheduled: three visits, two units.
    await inspect('i-1', { ...bureau, kind: 'enforcement', enterprise: 'works' }, 2);
    await inspect('i-2', { ...bureau, kind: 'special_campaign', enterprise: 'works' }, 0);
    await inspect(
      'i-3',
      {
        orgId: 'harbour-bureau',
        inspectors: ['gao'],
        kind: 'special_campaign',
        enterprise: 'docks',
      },
      1,
    );
    await inspect('i-4', { ...bureau, kind: 'enforcement', enterprise: 'works' }, 0, false);
    // Three hazards of Works: two found by the enterprise itself, one from inspection i-1.
    await post('/hazards/h-1/register-hazard', hazard('self_inspection'), 'li');
    await post('/hazards/h-2/register-hazard', hazard('self_inspection'), 'li');
    await post(
      '/hazards/h-3/register-hazard',
      hazard('enforcement_inspection', { inspectionId: 'i-1', findingId: 'f-1' }),
      'chen',
    );
    // Two venues in the park: one marked territorially, patrolled and self-checked; one bare.
    await post('/venues/v-1/register-venue', venue('Corner shop'), 'lin');
    await post(
      '/venues/v-1/mark-responsible-party',
      { role: 'territorial', orgId: 'street-office' },
      'he',
    );
    await post('/venues/v-1/record-patrol', { result: 'exits clear' }, 'lin');
    await post('/venues/v-1/record-self-check', { checklist: 'monthly' }, 'xu');
    await post('/venues/v-2/register-venue', venue('Tea house'), 'lin');
    await service.runner.catchUp();
  });

  afterAll(async () => {
    await service?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('P-9 coverage counts visits, units, repeat visits, teams and findings per reader', async () => {
    const district = await get(`/figures/inspection-coverage?period=${year}`, 'chen');
    expect(district.status, JSON.stringify(district.body)).toBe(200);
    expect(district.body).toMatchObject({
      title: 'Inspection coverage',
      visits: 2,
      unitsInspected: 1,
      repeatVisits: 1,
      teams: 1,
      findings: 2,
      majorFindings: 0,
      filter: { orgIds: ['bureau'] },
    });
    const city = await get('/figures/inspection-coverage?by=orgId&lang=zh-CN', 'qian');
    expect(city.body).toMatchObject({ title: '检查覆盖情况', visits: 3, unitsInspected: 2 });
    expect(
      city.body.groups.map((g: any) => [g.key, g.visits, g.unitsInspected, g.findings]),
    ).toEqual([
      ['bureau', 2, 1, 2],
      ['harbour-bureau', 1, 1, 1],
    ]);
    const campaign = await get('/figures/inspection-coverage?kind=special_campaign', 'qian');
    expect([campaign.body.visits, campaign.body.unitsInspected]).toEqual([2, 2]);
    // Before the first visit nothing counts: T is explicit, not the time of the request.
    const before = await get('/figures/inspection-coverage?asOf=2000-01-01T00:00:00Z', 'qian');
    expect([before.body.asOf, before.body.visits]).toEqual(['2000-01-01T00:00:00Z', 0]);
  });

  it('P-8 source mix and detection density', async () => {
    const mix = await get('/figures/source-mix', 'li');
    expect(mix.status, JSON.stringify(mix.body)).toBe(200);
    expect(mix.body).toMatchObject({
      selfFound: 2,
      found: 3,
      selfFoundShare: { numerator: 2, denominator: 3 },
      filter: { subjects: expect.any(Array) },
    });
    const density = await get('/figures/detection-density', 'chen');
    expect(density.body).toMatchObject({
      hazards: 1,
      visits: 2,
      per1000Inspections: { numerator: 1000, denominator: 2, value: 500 },
    });
    const majors = await get('/figures/detection-density?majorsOnly=true', 'chen');
    expect([majors.body.hazards, majors.body.visits]).toEqual([0, 2]);
    const harbour = await get('/figures/detection-density', 'gao');
    expect([harbour.body.hazards, harbour.body.visits]).toEqual([0, 1]);
  });

  it('the inspection ledger pages through the rows a reader may see', async () => {
    const first = await get('/ledgers/inspections?limit=2', 'qian');
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect([first.body.title, first.body.total]).toEqual(['Inspection ledger', 4]);
    expect(first.body.items).toHaveLength(2);
    const second = await get(
      `/ledgers/inspections?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`,
      'qian',
    );
    expect(second.body.nextCursor).toBeNull();
    const ids = [...first.body.items, ...second.body.items].map((row: any) => row.inspectionId);
    expect(ids.sort()).toEqual(['i-1', 'i-2', 'i-3', 'i-4']);
    const ownEnterprise = await get('/ledgers/inspections?status=completed', 'li');
    expect(ownEnterprise.body.items.map((row: any) => row.inspectionId).sort()).toEqual([
      'i-1',
      'i-2',
    ]);
    const scheduled = await get('/ledgers/inspections?status=scheduled', 'chen');
    expect(scheduled.body.items.map((row: any) => row.inspectionId)).toEqual(['i-4']);
    expect(scheduled.body.items[0].labels.kind).toBe('Enforcement');
    const harbour = await get('/ledgers/inspections', 'gao');
    expect(harbour.body.items.map((row: any) => row.inspectionId)).toEqual(['i-3']);
  });

  it('P-10 marking rates at T over the venues of the reader’s areas', async () => {
    const park = await get('/figures/venue-marking-rates', 'chen');
    expect(park.status, JSON.stringify(park.body)).toBe(200);
    expect(park.body).toMatchObject({
      filter: { areaId: 'park' },
      active: 2,
      territorial: { numerator: 1, denominator: 2 },
      industry: { numerator: 0, denominator: 2 },
      fullyMarked: { numerator: 0, denominator: 2 },
    });
    const harbour = await get('/figures/venue-marking-rates', 'gao');
    expect(harbour.body.active).toBe(0);
    expect(harbour.body.territorial.rate).toBe('—');
    const before = await get('/figures/venue-marking-rates?asOf=2000-01-01T00:00:00Z', 'chen');
    expect(before.body.active).toBe(0);
  });

  it('P-11, P-12 and P-13 over a whole period, once T has reached its end', async () => {
    const patrol = await get(
      `/figures/venue-patrol-rate?quarter=${year}-Q${quarter}&asOf=${nextQuarter}`,
      'chen',
    );
    expect(patrol.status, JSON.stringify(patrol.body)).toBe(200);
    expect(patrol.body).toMatchObject({ active: 2, covered: 1, numerator: 1, denominator: 2 });
    const selfCheck = await get(
      `/figures/venue-self-check-rate?month=${year}-${month}&asOf=${nextMonth}`,
      'he',
    );
    expect(selfCheck.body).toMatchObject({ active: 2, covered: 1 });
    const statistics = await get(
      `/figures/venue-statistics?period=${year}-${month}&asOf=${nextMonth}`,
      'chen',
    );
    expect(statistics.body).toMatchObject({
      registered: 2,
      active: 2,
      spotChecked: 0,
      hazards: { found: 0, rectified: 0 },
    });
    // T inside the period cannot count it whole: a 400 naming asOf, not a wrong figure.
    const early = await get(
      `/figures/venue-self-check-rate?month=${year}-${month}&asOf=${new Date(Date.parse(nextMonth) - 86_400_000 * 2).toISOString()}`,
      'chen',
    );
    expect(early.status).toBe(400);
    expect(early.body.errors[0].path).toBe('querystring.asOf');
  });

  it('the venue register pages the venues of the reader’s areas', async () => {
    const first = await get('/ledgers/venues?limit=1', 'chen');
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect([first.body.total, first.body.items[0].venueId]).toEqual([2, 'v-1']);
    const second = await get(
      `/ledgers/venues?limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`,
      'chen',
    );
    expect([second.body.items[0].venueId, second.body.nextCursor]).toEqual(['v-2', null]);
    const harbour = await get('/ledgers/venues', 'gao');
    expect(harbour.body.total).toBe(0);
    const city = await get('/ledgers/venues?areaId=park', 'qian');
    expect(city.body.total).toBe(2);
  });

  it('G-5: enterprise staff, another enterprise and another area are refused with 403', async () => {
    for (const [path, sub] of [
      ['/figures/inspection-coverage', 'li'],
      ['/figures/detection-density', 'ma'],
      ['/ledgers/inspections?enterpriseId=docks', 'li'],
      ['/figures/source-mix?enterpriseId=docks', 'li'],
      ['/figures/venue-marking-rates', 'li'],
      ['/ledgers/venues', 'zhao'],
      ['/figures/venue-marking-rates?areaId=park', 'gao'],
      ['/ledgers/venues?areaId=park', 'gao'],
      ['/ledgers/inspections', 'wu'],
    ] as const) {
      const refused = await get(path, sub);
      expect([path, sub, refused.status, refused.body.ruleId]).toEqual([path, sub, 403, 'G-5']);
    }
  });

  it('a bad parameter is a 400 problem naming it', async () => {
    for (const [path, field] of [
      ['/ledgers/inspections?kind=tea_party', 'querystring.kind'],
      ['/ledgers/inspections?sort=nope', 'querystring.sort'],
      ['/figures/inspection-coverage?period=2024-13', 'querystring.period'],
      ['/figures/inspection-coverage?by=colour', 'querystring.by'],
      ['/figures/detection-density?majorsOnly=maybe', 'querystring.majorsOnly'],
      ['/figures/source-mix?asOf=yesterday', 'querystring.asOf'],
      ['/figures/venue-patrol-rate?quarter=2024-Q5', 'querystring.quarter'],
      ['/figures/venue-self-check-rate', 'querystring.month'],
      ['/figures/venue-statistics?period=2024-05-01', 'querystring.period'],
      ['/ledgers/venues?limit=0', 'querystring.limit'],
      // The city bureau's jurisdiction has two areas; a per-area figure needs one named.
      ['/figures/venue-marking-rates', 'querystring.areaId'],
    ] as const) {
      const bad = await get(path, 'qian');
      expect([path, bad.status]).toEqual([path, 400]);
      expect(bad.body.errors.map((e: { path: string }) => e.path)).toContain(field);
    }
  });

  it('the README lists exactly the registered GET routes', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const table = readme.slice(readme.indexOf('## Endpoints'));
    const listed = [...table.matchAll(/`GET (\/[^`?]*)`/g)].map(([, path]) => `GET ${path}`);
    const routes = service.app.registeredRoutes
      .filter((route) => route.startsWith('GET '))
      .map((route) => route.replace(/:([A-Za-z]+)/g, '{$1}'));
    expect([...new Set(listed)].sort()).toEqual([...routes, 'GET /openapi.json'].sort());
  });
});
