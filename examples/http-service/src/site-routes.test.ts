import { addDays, createSupervisionPolicy, localDateOf, siteStreamId } from '@safeledger/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CommandTestClient, startCommandTestClient } from './command-test-client.js';

// Multi-tenant site command routes over real HTTP: the works' principal registers its plant as a
// site, its safety officer lets part of it to the docks and checks the tenant.
const today = localDateOf(new Date(), createSupervisionPolicy().timezone);

describe('multi-tenant site routes', () => {
  let client: CommandTestClient;
  beforeAll(async () => {
    client = await startCommandTestClient('sites');
  });
  afterAll(async () => {
    await client?.stop();
  });

  const site = {
    landlordEnterpriseId: 'works',
    name: 'Works plant',
    address: '1 Park Road',
    areaId: 'park',
  };
  const tenancy = (overrides: Record<string, unknown> = {}) => ({
    tenancyId: 't-1',
    tenantEnterpriseId: 'docks',
    productive: true,
    premisesPart: 'Hall 2',
    startDate: addDays(today, -30),
    qualificationChecked: true,
    ...overrides,
  });

  it('registers a site and a tenancy, checks the tenant, records devices, ends the tenancy', async () => {
    const registered = await client.postOk('/sites/s-1/register-site', site, 'zhao');
    expect(registered.body.events.map((e: { type: string }) => e.type)).toEqual(['SiteRegistered']);
    await client.postOk('/sites/s-1/register-tenancy', tenancy(), 'li', {
      'if-match': '"1"',
    });
    await client.postOk(
      '/sites/s-1/record-landlord-check',
      { tenancyId: 't-1', findingsCount: 0 },
      'li',
    );
    await client.postOk(
      '/sites/s-1/record-device-installation',
      { kind: 'smoke_detector', count: 6 },
      'he',
    );
    await client.postOk('/sites/s-1/end-tenancy', { tenancyId: 't-1', endDate: today }, 'zhao');
    const read = await client.get('/sites/s-1', 'zhao');
    expect(read.status).toBe(200);
    expect(read.body.version).toBe(5);
    expect(read.body.state.tenancies).toHaveLength(1);
  });

  it('MT-2 a tenancy without the qualification check is 422 in zh-CN, and writes nothing', async () => {
    await client.post('/sites/s-2/register-site', site, 'zhao');
    const wrong = await client.post(
      '/sites/s-2/register-tenancy',
      tenancy({ qualificationChecked: false }),
      'li',
      { 'accept-language': 'zh-CN' },
    );
    expect(wrong.status).toBe(422);
    expect([wrong.body.ruleId, wrong.body.violation]).toEqual(['MT-2', 'QualificationNotChecked']);
    expect(wrong.body.detail).toMatch(/[\u4e00-\u9fff]/);
    expect(await client.eventCount(siteStreamId('s-2'))).toBe(1);
  });

  it('G-5 a worker may not register the site (403), and nothing is written', async () => {
    const refused = await client.post('/sites/s-3/register-site', site, 'wu');
    expect([refused.status, refused.body.ruleId]).toEqual([403, 'G-5']);
    expect(await client.eventCount(siteStreamId('s-3'))).toBe(0);
  });

  it('a stale If-Match is 409 with nothing written; an unknown site is 404', async () => {
    await client.post('/sites/s-4/register-site', site, 'zhao');
    await client.post('/sites/s-4/register-tenancy', tenancy(), 'li');
    const stale = await client.post(
      '/sites/s-4/record-landlord-check',
      { tenancyId: 't-1', findingsCount: 1 },
      'li',
      { 'if-match': '"1"' },
    );
    expect(stale.status).toBe(409);
    expect(await client.eventCount(siteStreamId('s-4'))).toBe(2);
    expect((await client.get('/sites/nope', 'zhao')).status).toBe(404);
  });
});
