import { activityStreamId, addDays, createSupervisionPolicy, localDateOf } from '@safeledger/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CommandTestClient, startCommandTestClient } from './command-test-client.js';

// Activity command routes over real HTTP: a bureau's training recorded and corrected.
const today = localDateOf(new Date(), createSupervisionPolicy().timezone);

describe('activity routes', () => {
  let client: CommandTestClient;
  beforeAll(async () => {
    client = await startCommandTestClient('activities');
  });
  afterAll(async () => {
    await client?.stop();
  });

  const training = (overrides: Record<string, unknown> = {}) => ({
    kind: 'training',
    topic: 'Hot work permits',
    organizerOrgId: 'bureau',
    date: addDays(today, -1),
    participantCount: 40,
    enterpriseIds: ['works'],
    ...overrides,
  });

  it('records a training and corrects its count', async () => {
    const recorded = await client.postOk('/activities/a-1/record-activity', training(), 'chen');
    expect(recorded.body.events.map((e: { type: string }) => e.type)).toEqual(['ActivityRecorded']);
    await client.postOk(
      '/activities/a-1/correct-activity',
      { reason: 'Late sign-ins counted', participantCount: 44 },
      'chen',
      { 'if-match': '"1"' },
    );
    const read = await client.get('/activities/a-1', 'chen');
    expect(read.status).toBe(200);
    expect(read.body.version).toBe(2);
    expect(read.body.state.facts.participantCount).toBe(44);
  });

  it('A-1 a negative participant count is 422 in zh-CN, and writes nothing', async () => {
    const wrong = await client.post(
      '/activities/a-2/record-activity',
      training({ participantCount: -3 }),
      'chen',
      { 'accept-language': 'zh-CN' },
    );
    expect(wrong.status).toBe(422);
    expect([wrong.body.ruleId, wrong.body.violation]).toEqual(['A-1', 'NegativeCount']);
    expect(wrong.body.detail).toMatch(/[\u4e00-\u9fff]/);
    expect(await client.eventCount(activityStreamId('a-2'))).toBe(0);
  });

  it('G-5 an enterprise officer may not record the bureau’s activity (403), nothing written', async () => {
    const refused = await client.post('/activities/a-3/record-activity', training(), 'li');
    expect([refused.status, refused.body.ruleId]).toEqual([403, 'G-5']);
    expect(await client.eventCount(activityStreamId('a-3'))).toBe(0);
  });

  it('a stale If-Match is 409 with nothing written; an unknown activity is 404', async () => {
    await client.post('/activities/a-4/record-activity', training(), 'chen');
    await client.post(
      '/activities/a-4/correct-activity',
      { reason: 'r', topic: 'Hot work' },
      'chen',
    );
    const stale = await client.post(
      '/activities/a-4/correct-activity',
      { reason: 'again', participantCount: 41 },
      'chen',
      { 'if-match': '"1"' },
    );
    expect(stale.status).toBe(409);
    expect(await client.eventCount(activityStreamId('a-4'))).toBe(2);
    expect((await client.get('/activities/nope', 'chen')).status).toBe(404);
  });
});
