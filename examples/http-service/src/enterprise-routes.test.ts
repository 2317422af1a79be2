import { enterpriseStreamId, usccCheckCharacter } from '@safeledger/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CommandTestClient, startCommandTestClient } from './command-test-client.js';

// Enterprise command routes over real HTTP: the park's territorial officer registers the works,
// whose principal appoints a safety officer; the credit code is claimed across the registry.
const uscc = (body: string) => body + usccCheckCharacter(body);

describe('enterprise routes', () => {
  let client: CommandTestClient;
  beforeAll(async () => {
    client = await startCommandTestClient('enterprises');
  });
  afterAll(async () => {
    await client?.stop();
  });

  const registration = (code: string) => ({
    uscc: code,
    name: 'Works Ltd',
    areaId: 'park',
    sectorCode: 'C26',
    industryRegulatorOrgId: 'bureau',
    principal: { personId: 'zhao', name: 'Zhao' },
  });

  it('registers the works, whose principal appoints a safety officer and records the emergency team', async () => {
    const registered = await client.postOk(
      '/enterprises/works/register-enterprise',
      registration(uscc('91310000MA1K00001')),
      'he',
    );
    expect(registered.body.events.map((e: { type: string }) => e.type)).toEqual([
      'EnterpriseRegistered',
    ]);
    await client.postOk(
      '/enterprises/works/appoint-safety-officer',
      { officer: { personId: 'li', name: 'Li' } },
      'zhao',
      { 'if-match': '"1"' },
    );
    await client.postOk('/enterprises/works/establish-emergency-team', { memberCount: 12 }, 'zhao');
    const read = await client.get('/enterprises/works', 'he');
    expect(read.status).toBe(200);
    expect(read.body.version).toBe(3);
    expect(read.body.state.safetyOfficers.map((o: { personId: string }) => o.personId)).toEqual([
      'li',
    ]);
  });

  it('E-1 a malformed credit code is 422 in zh-CN, a code held by another is too; nothing written', async () => {
    const bad = await client.post(
      '/enterprises/docks/register-enterprise',
      { ...registration('91310000MA1K0000X1'), areaId: 'harbour' },
      'he',
      { 'accept-language': 'zh-CN' },
    );
    expect(bad.status).toBe(422);
    expect([bad.body.ruleId, bad.body.violation]).toEqual(['E-1', 'InvalidUscc']);
    expect(bad.body.detail).toMatch(/[\u4e00-\u9fff]/);
    const code = uscc('91310000MA1K00002');
    expect(
      (await client.post('/enterprises/e-2/register-enterprise', registration(code), 'he')).status,
    ).toBe(200);
    const taken = await client.post(
      '/enterprises/e-3/register-enterprise',
      registration(code),
      'he',
    );
    expect([taken.status, taken.body.ruleId, taken.body.violation]).toEqual([
      422,
      'E-1',
      'DuplicateEnterprise',
    ]);
    expect(await client.eventCount(enterpriseStreamId('docks'))).toBe(0);
    expect(await client.eventCount(enterpriseStreamId('e-3'))).toBe(0);
  });

  it('G-5 an enterprise officer may not register an enterprise (403), and nothing is written', async () => {
    const refused = await client.post(
      '/enterprises/e-4/register-enterprise',
      registration(uscc('91310000MA1K00004')),
      'li',
    );
    expect([refused.status, refused.body.ruleId]).toEqual([403, 'G-5']);
    expect(await client.eventCount(enterpriseStreamId('e-4'))).toBe(0);
  });

  it('a retried registration with the same Idempotency-Key answers the first answer, writing nothing', async () => {
    const body = registration(uscc('91310000MA1K00006'));
    const key = { 'idempotency-key': 'register-e-6' };
    const first = await client.postOk('/enterprises/e-6/register-enterprise', body, 'he', key);
    const retry = await client.postOk('/enterprises/e-6/register-enterprise', body, 'he', key);
    expect(retry.body).toEqual(first.body);
    expect(await client.eventCount(enterpriseStreamId('e-6'))).toBe(1);
  });

  it('a stale If-Match is 409 with nothing written; an unknown enterprise is 404', async () => {
    await client.post(
      '/enterprises/e-5/register-enterprise',
      registration(uscc('91310000MA1K00005')),
      'he',
    );
    await client.post('/enterprises/e-5/update-enterprise-profile', { isKey: true }, 'he');
    const stale = await client.post(
      '/enterprises/e-5/update-enterprise-profile',
      { name: 'Works Group Ltd' },
      'he',
      { 'if-match': '"1"' },
    );
    expect(stale.status).toBe(409);
    expect(await client.eventCount(enterpriseStreamId('e-5'))).toBe(2);
    expect((await client.get('/enterprises/nope', 'he')).status).toBe(404);
  });
});
