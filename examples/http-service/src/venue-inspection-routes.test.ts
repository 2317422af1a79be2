import {
  addDays,
  createSupervisionPolicy,
  inspectionStreamId,
  localDateOf,
  venueStreamId,
} from '@safeledger/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintDevelopmentToken } from './dev-keys.js';
import type { RunningService } from './service.js';
import { serviceOnStores } from './service-on-stores.js';

// Venue and inspection command routes over real HTTP, on SQLite and on PostgreSQL: the happy
// path, a rule violation in the language asked, and a refused role, each writing nothing.
const policy = createSupervisionPolicy();
const today = localDateOf(new Date(), policy.timezone);

describe.each(serviceOnStores('venues'))('venue and inspection routes on $name', ({ start }) => {
  let service: RunningService;

  beforeAll(async () => {
    service = await start();
  });

  afterAll(async () => {
    await service?.stop();
  });

  async function post(
    path: string,
    body: unknown,
    sub: string,
    extra: Record<string, string> = {},
  ) {
    const response = await fetch(`${service.url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await mintDevelopmentToken({ sub })}`,
        ...extra,
      },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as any };
  }

  async function state(path: string) {
    const response = await fetch(`${service.url}${path}`, {
      headers: { authorization: `Bearer ${await mintDevelopmentToken({ sub: 'chen' })}` },
    });
    return { status: response.status, body: (await response.json()) as any };
  }

  async function eventCount(streamId: string): Promise<number> {
    let count = 0;
    for await (const _ of service.store.readStream(streamId)) count += 1;
    return count;
  }

  const venue = (name: string) => ({
    name,
    address: '3 Canal Road',
    category: 'small_shop',
    areaId: 'park',
    operator: { name: 'Xu', personId: 'xu' },
  });

  it('registers a venue, marks its territorial party, records a patrol and a self-check', async () => {
    const registered = await post('/venues/v-1/register-venue', venue('Corner shop'), 'lin');
    expect(registered.status, JSON.stringify(registered.body)).toBe(200);
    expect(registered.body.events.map((e: { type: string }) => e.type)).toEqual([
      'VenueRegistered',
    ]);
    const marked = await post(
      '/venues/v-1/mark-responsible-party',
      { role: 'territorial', orgId: 'street-office' },
      'he',
    );
    expect(marked.status, JSON.stringify(marked.body)).toBe(200);
    const patrol = await post('/venues/v-1/record-patrol', { result: 'exits clear' }, 'lin');
    expect(patrol.status, JSON.stringify(patrol.body)).toBe(200);
    const selfCheck = await post(
      '/venues/v-1/record-self-check',
      { checklist: 'monthly fire checklist' },
      'xu',
      { 'if-match': '"3"' },
    );
    expect(selfCheck.status, JSON.stringify(selfCheck.body)).toBe(200);
    expect(selfCheck.body.version).toBe(4);
    const read = await state('/venues/v-1');
    expect(read.status).toBe(200);
    expect(read.body.version).toBe(4);
    expect(read.body.state.markings.territorial).toBe('street-office');
    expect(read.body.state.status).toBe('active');
  });

  it('a second venue at the same name and address is 422 V-1 in zh-CN, and writes nothing', async () => {
    await post('/venues/v-2/register-venue', venue('Tea house'), 'lin');
    const again = await post('/venues/v-3/register-venue', venue('Tea house'), 'lin', {
      'accept-language': 'zh-CN',
    });
    expect(again.status).toBe(422);
    expect([again.body.ruleId, again.body.violation]).toEqual(['V-1', 'DuplicateVenue']);
    expect(again.body.detail).toMatch(/[\u4e00-\u9fff]/);
    expect(await eventCount(venueStreamId('v-3'))).toBe(0);
  });

  it('refuses a venue command from a role that may not give it (403), writing nothing', async () => {
    const registered = await post('/venues/v-4/register-venue', venue('Noodle bar'), 'li');
    expect(registered.status).toBe(403);
    expect(registered.body.violation).toBe('Forbidden');
    expect(await eventCount(venueStreamId('v-4'))).toBe(0);
    await post('/venues/v-5/register-venue', venue('Bakery'), 'lin');
    const selfCheck = await post('/venues/v-5/record-self-check', { checklist: 'x' }, 'lin');
    expect([selfCheck.status, selfCheck.body.ruleId]).toEqual([403, 'V-4']);
    expect(await eventCount(venueStreamId('v-5'))).toBe(1);
    const missing = await state('/venues/nope');
    expect(missing.status).toBe(404);
  });

  const schedule = (inspectorIds: string[]) => ({
    kind: 'enforcement',
    subject: { kind: 'enterprise', id: 'works' },
    orgId: 'bureau',
    inspectorIds,
  });

  it('plans, starts, records a finding in and completes an inspection', async () => {
    const planned = await post(
      '/inspections/i-1/schedule-inspection',
      schedule(['chen', 'sun']),
      'chen',
    );
    expect(planned.status, JSON.stringify(planned.body)).toBe(200);
    const started = await post('/inspections/i-1/start-inspection', {}, 'chen');
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    const finding = await post(
      '/inspections/i-1/record-finding',
      {
        findingId: 'f-1',
        description: 'Fire exit blocked',
        location: 'Warehouse',
        nature: 'unsafe_condition',
        proposedGrade: 'general',
        deadline: addDays(today, 14),
      },
      'chen',
    );
    expect(finding.status, JSON.stringify(finding.body)).toBe(200);
    const completed = await post(
      '/inspections/i-1/complete-inspection',
      { recordRef: 'R-1' },
      'chen',
    );
    expect(completed.status, JSON.stringify(completed.body)).toBe(200);
    const read = await state('/inspections/i-1');
    expect(read.body.state.status).toBe('completed');
    expect(read.body.state.findings).toHaveLength(1);
    expect(read.body.version).toBe(4);
  });

  it('a finding of an unknown nature is 422 I-5 in zh-CN, and writes nothing', async () => {
    await post('/inspections/i-2/schedule-inspection', schedule(['chen', 'sun']), 'chen');
    await post('/inspections/i-2/start-inspection', {}, 'chen');
    const wrong = await post(
      '/inspections/i-2/record-finding',
      {
        findingId: 'f-1',
        description: 'Something odd',
        location: 'Yard',
        nature: 'bad_luck',
        proposedGrade: 'general',
        deadline: addDays(today, 14),
      },
      'chen',
      { 'accept-language': 'zh-CN' },
    );
    expect(wrong.status).toBe(422);
    expect([wrong.body.ruleId, wrong.body.violation]).toEqual(['I-5', 'UnknownHazardNature']);
    expect(wrong.body.detail).toMatch(/[\u4e00-\u9fff]/);
    expect(await eventCount(inspectionStreamId('i-2'))).toBe(2);
  });

  it('refuses an inspection planned by an enterprise role (403), writing nothing', async () => {
    const refused = await post(
      '/inspections/i-3/schedule-inspection',
      schedule(['chen', 'sun']),
      'li',
    );
    expect(refused.status).toBe(403);
    expect(refused.body.violation).toBe('Forbidden');
    expect(await eventCount(inspectionStreamId('i-3'))).toBe(0);
  });
});
