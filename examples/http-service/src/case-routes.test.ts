import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintDevelopmentToken } from './dev-keys.js';
import type { RunningService } from './service.js';
import { serviceOnStores } from './service-on-stores.js';

// Enforcement cases over real HTTP, on SQLite and on PostgreSQL: filing with the case-number
// claim (EC-1), linking a hazard read from its stream (EC-15), and the same refusals as the
// hazard routes (G-5 identity, 422 rules, 409 versions, idempotent retries).

describe.each(serviceOnStores('cases'))('enforcement-case routes on $name', ({ start }) => {
  let service: RunningService;

  beforeAll(async () => {
    service = await start();
  });

  afterAll(async () => {
    await service?.stop();
  });

  const auth = async (sub: string, role?: string) => ({
    authorization: `Bearer ${await mintDevelopmentToken(role === undefined ? { sub } : { sub, role })}`,
  });

  async function post(path: string, body: unknown, headers: Record<string, string>) {
    const response = await fetch(`${service.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as any,
    };
  }

  async function eventCount(streamId: string): Promise<number> {
    let count = 0;
    for await (const _ of service.store.readStream(streamId)) count += 1;
    return count;
  }

  const filing = (caseNo: string) => ({
    caseNo,
    agencyOrgId: 'bureau',
    respondents: [{ ref: 'U', kind: 'unit', enterpriseId: 'works' }],
    cause: 'Fire exit blocked',
    violatedProvisions: ['WSL 2021 Art. 102'],
    proposerIds: ['chen', 'sun'],
    approvedBy: 'zhou',
  });

  it('files a case, links a hazard, records evidence and dismisses it', async () => {
    const chen = await auth('chen');
    const registered = await post(
      '/hazards/hz-1/register-hazard',
      {
        subject: { kind: 'enterprise', id: 'works' },
        description: 'Fire exit blocked',
        location: 'Warehouse',
        nature: 'unsafe_condition',
        grade: 'general',
        source: 'self_inspection',
        deadline: '2099-01-31',
      },
      await auth('li'),
    );
    expect(registered.status).toBe(200);
    const filed = await post('/cases/c-1/file-case', filing('2026-001'), chen);
    expect(filed.status, JSON.stringify(filed.body)).toBe(200);
    expect(filed.body.events.map((e: { type: string }) => e.type)).toEqual(['CaseFiled']);
    expect(filed.headers.get('etag')).toBe('"1"');
    const linked = await post(
      '/cases/c-1/link-hazard-to-case',
      { hazardId: 'hz-1' },
      {
        ...chen,
        'if-match': '"1"',
      },
    );
    expect(linked.status, JSON.stringify(linked.body)).toBe(200);
    const evidence = await post(
      '/cases/c-1/record-evidence',
      { kind: 'inspection_record', officerIds: ['chen', 'sun'], ref: 'EV-1' },
      chen,
    );
    expect(evidence.status, JSON.stringify(evidence.body)).toBe(200);
    const dismissed = await post(
      '/cases/c-1/dismiss-case',
      { reason: 'insufficient_evidence' },
      await auth('zhou'),
    );
    expect(dismissed.status, JSON.stringify(dismissed.body)).toBe(200);
    const read = await fetch(`${service.url}/cases/c-1`, { headers: chen });
    const body = (await read.json()) as any;
    expect(body.state.status).toBe('dismissed');
    expect(body.version).toBe(4);
  });

  it('a second case with the same number is 422 EC-1 in the language asked, and writes nothing', async () => {
    const chen = await auth('chen');
    await post('/cases/c-2/file-case', filing('2026-002'), chen);
    const again = await post('/cases/c-3/file-case', filing('2026-002'), {
      ...chen,
      'accept-language': 'zh-CN',
    });
    expect(again.status).toBe(422);
    expect(again.body.ruleId).toBe('EC-1');
    expect(again.body.violation).toBe('DuplicateCaseNumber');
    expect(again.body.detail).toMatch(/[\u4e00-\u9fff]/);
    expect(await eventCount('case-c-3')).toBe(0);
  });

  it('links only hazards of a respondent (EC-15), and unknown hazards are refused', async () => {
    const chen = await auth('chen');
    await post('/cases/c-4/file-case', filing('2026-004'), chen);
    const unknown = await post('/cases/c-4/link-hazard-to-case', { hazardId: 'nope' }, chen);
    expect(unknown.status).toBe(422);
    expect([unknown.body.ruleId, unknown.body.violation]).toEqual(['EC-15', 'UnknownHazard']);
    const docks = await post(
      '/hazards/hz-docks/register-hazard',
      {
        subject: { kind: 'enterprise', id: 'docks' },
        description: 'Crane brake worn',
        location: 'Quay 2',
        nature: 'unsafe_condition',
        grade: 'general',
        source: 'self_inspection',
        deadline: '2099-01-31',
      },
      await auth('ma'),
    );
    expect(docks.status).toBe(200);
    const other = await post('/cases/c-4/link-hazard-to-case', { hazardId: 'hz-docks' }, chen);
    expect(other.status).toBe(422);
    expect([other.body.ruleId, other.body.violation]).toEqual(['EC-15', 'HazardNotOfRespondent']);
    expect(await eventCount('case-c-4')).toBe(1);
  });

  it('refuses an enterprise person, a body naming another actor, and a stale If-Match', async () => {
    const li = await post('/cases/c-5/file-case', filing('2026-005'), await auth('li'));
    expect(li.status).toBe(403);
    // The decider names who may file: only a proposing officer or the approving head.
    expect([li.body.ruleId, li.body.violation]).toEqual(['EC-1', 'Forbidden']);
    const impersonation = await post(
      '/cases/c-5/file-case',
      {
        ...filing('2026-005'),
        actor: { personId: 'sun', role: 'EnforcementOfficer', orgId: 'bureau' },
      },
      await auth('chen'),
    );
    expect(impersonation.status).toBe(403);
    expect(impersonation.body.ruleId).toBe('G-5');
    expect(await eventCount('case-c-5')).toBe(0);
    const chen = await auth('chen');
    await post('/cases/c-6/file-case', filing('2026-006'), chen);
    const stale = await post(
      '/cases/c-6/record-evidence',
      { kind: 'inspection_record', officerIds: ['chen', 'sun'], ref: 'EV-1' },
      { ...chen, 'if-match': '"0"' },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.currentVersion).toBe(1);
  });

  it('a retried filing with the same Idempotency-Key returns the first answer and appends nothing', async () => {
    const headers = { ...(await auth('chen')), 'idempotency-key': 'file-c-7' };
    const first = await post('/cases/c-7/file-case', filing('2026-007'), headers);
    const again = await post('/cases/c-7/file-case', filing('2026-007'), headers);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await eventCount('case-c-7')).toBe(1);
  });

  it('bad input is 400 with the field path, and an unknown case is 404', async () => {
    const bad = await post(
      '/cases/c-8/file-case',
      { ...filing('x'), respondents: 'none' },
      await auth('chen'),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toContain('body.respondents');
    const missing = await fetch(`${service.url}/cases/none`, { headers: await auth('chen') });
    expect(missing.status).toBe(404);
  });
});
