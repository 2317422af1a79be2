import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { developmentVerification, mintDevelopmentToken } from './dev-keys.js';
import { type RunningService, startService } from './service.js';

// The service over real HTTP on a free port, on a SQLite file of its own.
let service: RunningService;
let folder: string;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'safeledger-http-'));
  service = await startService({
    port: 0,
    sqlitePath: join(folder, 'service.db'),
    instance: 'e2e',
    verification: developmentVerification(),
    pollIntervalMs: 20,
  });
});

afterAll(async () => {
  await service.stop();
  rmSync(folder, { recursive: true, force: true });
});

const tokenOf = (sub: string, role?: string) =>
  mintDevelopmentToken(role === undefined ? { sub } : { sub, role });

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
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

const registration = (deadline = '2099-01-31') => ({
  subject: { kind: 'enterprise', id: 'works' },
  description: 'Fire exit blocked by pallets',
  location: 'Warehouse B',
  nature: 'unsafe_condition',
  grade: 'general',
  source: 'self_inspection',
  deadline,
});

async function eventCount(hazardId: string): Promise<number> {
  let count = 0;
  for await (const _ of service.store.readStream(`hazard-${hazardId}`)) count += 1;
  return count;
}

describe('the hazard loop over HTTP', () => {
  it('registers, completes and verifies a hazard with the actors taken from the tokens', async () => {
    const li = { authorization: `Bearer ${await tokenOf('li')}` };
    const wang = { authorization: `Bearer ${await tokenOf('wang')}` };
    const registered = await post('/hazards/h-1/register-hazard', registration(), li);
    expect(registered.status).toBe(200);
    expect(registered.body.events.map((e: { type: string }) => e.type)).toEqual([
      'HazardRegistered',
    ]);
    expect(registered.headers.get('etag')).toBe('"1"');
    const completed = await post(
      '/hazards/h-1/complete-rectification',
      { actionsTaken: 'Pallets moved' },
      { ...li, 'if-match': '"1"' },
    );
    expect(completed.status).toBe(200);
    const verified = await post(
      '/hazards/h-1/verify-rectification',
      { outcome: 'passed', kind: 'internal_check', verifierIds: ['wang'] },
      wang,
    );
    expect(verified.status).toBe(200);
    const read = await fetch(`${service.url}/hazards/h-1`, { headers: li });
    expect(((await read.json()) as any).state.status).toBe('closed');
  });

  it('a retried request with the same Idempotency-Key returns the first answer and appends nothing', async () => {
    const li = { authorization: `Bearer ${await tokenOf('li')}`, 'idempotency-key': 'reg-h-2' };
    const first = await post('/hazards/h-2/register-hazard', registration(), li);
    const again = await post('/hazards/h-2/register-hazard', registration(), li);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await eventCount('h-2')).toBe(1);
  });

  it('a stale If-Match is 409 with the current version, and nothing is written', async () => {
    const li = { authorization: `Bearer ${await tokenOf('li')}` };
    await post('/hazards/h-3/register-hazard', registration(), li);
    const stale = await post(
      '/hazards/h-3/complete-rectification',
      { actionsTaken: 'Pallets moved' },
      { ...li, 'if-match': '"0"' },
    );
    expect(stale.status).toBe(409);
    expect(stale.headers.get('content-type')).toContain('application/problem+json');
    expect(stale.body.currentVersion).toBe(1);
    expect(await eventCount('h-3')).toBe(1);
  });
});

describe('identity comes from authentication, never from the body (G-5)', () => {
  it('no token, a forged token and an expired token are 401 and write nothing', async () => {
    const forged = await mintDevelopmentToken(
      { sub: 'li' },
      developmentVerification('another-key-entirely-of-sufficient-length'),
    );
    const expired = await mintDevelopmentToken({ sub: 'li', expiresInSeconds: -60 });
    for (const headers of [
      {},
      { authorization: `Bearer ${forged}` },
      { authorization: `Bearer ${expired}` },
    ]) {
      const answer = await post('/hazards/h-4/register-hazard', registration(), headers);
      expect(answer.status).toBe(401);
      expect(answer.body.type).toMatch(/unauthenticated$/);
    }
    expect((await post('/hazards/h-4/register-hazard', registration(), {})).body.detail).toBe(
      'a bearer token is required',
    );
    expect(await eventCount('h-4')).toBe(0);
  });

  it('a body naming another actor is 403 G-5 and writes nothing', async () => {
    const li = { authorization: `Bearer ${await tokenOf('li')}` };
    const answer = await post(
      '/hazards/h-5/register-hazard',
      {
        ...registration(),
        actor: { personId: 'wang', role: 'SafetyOfficer', enterpriseId: 'works' },
      },
      li,
    );
    expect(answer.status).toBe(403);
    expect(answer.body.ruleId).toBe('G-5');
    expect(await eventCount('h-5')).toBe(0);
  });

  it('a person the directory does not know, or a role they lack, is 403 G-5', async () => {
    const stranger = await post('/hazards/h-6/register-hazard', registration(), {
      authorization: `Bearer ${await tokenOf('nobody')}`,
    });
    expect(stranger.status).toBe(403);
    expect(stranger.body.ruleId).toBe('G-5');
    const wrongRole = await post('/hazards/h-6/register-hazard', registration(), {
      authorization: `Bearer ${await tokenOf('li', 'AuthorityHead')}`,
    });
    expect(wrongRole.status).toBe(403);
    expect(wrongRole.body.detail).toContain('may not act as AuthorityHead');
    expect(await eventCount('h-6')).toBe(0);
  });

  it('a rule that refuses the actor is 403 with its rule id (H-19: no verifying one’s own fix)', async () => {
    const li = { authorization: `Bearer ${await tokenOf('li')}` };
    await post('/hazards/h-7/register-hazard', registration(), li);
    await post('/hazards/h-7/complete-rectification', { actionsTaken: 'Moved' }, li);
    const own = await post(
      '/hazards/h-7/verify-rectification',
      { outcome: 'passed', kind: 'internal_check', verifierIds: ['li'] },
      li,
    );
    expect([403, 422]).toContain(own.status);
    expect(own.body.ruleId).toBe('H-19');
    expect(await eventCount('h-7')).toBe(2);
  });
});

describe('errors are RFC 9457 problem documents', () => {
  it('malformed input is 400 with the field paths', async () => {
    const li = { authorization: `Bearer ${await tokenOf('li')}` };
    const answer = await post(
      '/hazards/h-8/register-hazard',
      { ...registration(), grade: 'huge', extra: 1 },
      li,
    );
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(answer.body.errors.map((e: { path: string }) => e.path).join(' ')).toContain('grade');
    expect(await eventCount('h-8')).toBe(0);
  });

  it('a rule violation is 422 with the rule id, the violation and the message in the requested language', async () => {
    const li = { authorization: `Bearer ${await tokenOf('li')}` };
    await post('/hazards/h-9/register-hazard', registration(), li);
    const again = await post('/hazards/h-9/register-hazard', registration(), {
      ...li,
      'accept-language': 'zh-CN,zh;q=0.9,en;q=0.5',
    });
    expect(again.status).toBe(422);
    expect(again.body.ruleId).toBe('H-1');
    expect(again.body.violation).toBe('AlreadyRegistered');
    expect(typeof again.body.detail).toBe('string');
  });

  it('an unknown hazard is 404, an unknown route too', async () => {
    const li = { authorization: `Bearer ${await tokenOf('li')}` };
    expect((await fetch(`${service.url}/hazards/none`, { headers: li })).status).toBe(404);
    expect((await fetch(`${service.url}/nowhere`)).status).toBe(404);
  });
});

describe('rules, health and the OpenAPI document', () => {
  it('serves the rule catalog in either language', async () => {
    const en = (await (await fetch(`${service.url}/rules?scope=Hazard&lang=en`)).json()) as any[];
    expect(en.find((rule) => rule.id === 'H-19')).toBeDefined();
    const zh = (await (
      await fetch(`${service.url}/rules?scope=General`, { headers: { 'accept-language': 'zh-CN' } })
    ).json()) as any[];
    expect(zh.find((rule) => rule.id === 'G-5').title).toMatch(/[\u4e00-\u9fff]/);
  });

  it('answers liveness and readiness with the projection lag', async () => {
    expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
    await service.runner.catchUp();
    const ready = (await (await fetch(`${service.url}/readyz`)).json()) as any;
    expect(ready.status).toBe('ready');
    expect(ready.lag.events).toBe(0);
  });

  it('documents every route in the OpenAPI document, with the command schemas', async () => {
    const document = (await (await fetch(`${service.url}/openapi.json`)).json()) as any;
    const documented = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods as object).map((method) => `${method.toUpperCase()} ${path}`),
    );
    // Fastify writes path parameters as :name, OpenAPI as {name}.
    const routes = service.app.registeredRoutes.map((route) =>
      route.replace(/:([A-Za-z]+)/g, '{$1}'),
    );
    expect(routes.length).toBeGreaterThan(20);
    expect([...documented].sort()).toEqual([...routes].sort());
    expect(documented).toContain('POST /hazards/{hazardId}/register-hazard');
    expect(documented).toContain('GET /rules');
    expect(documented).toContain('GET /ledgers/hazards');
    expect(documented).toContain('POST /cases/{caseId}/file-case');
    expect(documented).toContain('GET /cases/{caseId}');
    expect(documented).toContain('GET /figures/rectification-rate');
    for (const route of [
      'GET /ledgers/major-hazards',
      'GET /ledgers/cases',
      'GET /figures/case-statistics',
      'POST /venues/{venueId}/register-venue',
      'POST /venues/{venueId}/mark-responsible-party',
      'POST /venues/{venueId}/record-patrol',
      'POST /venues/{venueId}/record-self-check',
      'GET /venues/{venueId}',
      'POST /inspections/{inspectionId}/schedule-inspection',
      'POST /inspections/{inspectionId}/start-inspection',
      'POST /inspections/{inspectionId}/record-finding',
      'POST /inspections/{inspectionId}/complete-inspection',
      'GET /inspections/{inspectionId}',
    ]) {
      expect(documented).toContain(route);
    }
    const rate = document.paths['/figures/rectification-rate'].get;
    expect(rate.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['asOf', 'period', 'areaId', 'grade', 'by', 'lang']),
    );
    const register = document.paths['/hazards/{hazardId}/register-hazard'].post;
    const schema = register.requestBody.content['application/json'].schema;
    expect(Object.keys(schema.properties)).toContain('grade');
    expect(Object.keys(schema.properties)).not.toContain('actor');
  });
});
