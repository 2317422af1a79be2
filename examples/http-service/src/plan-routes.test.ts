import { emergencyPlanStreamId } from '@safeledger/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CommandTestClient, startCommandTestClient } from './command-test-client.js';

// Emergency-plan command routes over real HTTP: a plan drafted by a bureau officer, published,
// revised and published again by the bureau's head; each refusal writes nothing.
describe('emergency plan routes', () => {
  let client: CommandTestClient;
  beforeAll(async () => {
    client = await startCommandTestClient('plans');
  });
  afterAll(async () => {
    await client?.stop();
  });

  const draft = { kind: 'special', title: 'Chemical leak response', ownerOrgId: 'bureau' };

  it('drafts, publishes, revises, republishes and retires a plan', async () => {
    const drafted = await client.postOk('/plans/p-1/draft-plan', draft, 'chen');
    expect(drafted.body.events.map((e: { type: string }) => e.type)).toEqual(['PlanDrafted']);
    await client.postOk('/plans/p-1/publish-plan', { version: 1 }, 'zhou', {
      'if-match': '"1"',
    });
    await client.postOk('/plans/p-1/revise-plan', { summary: 'New contacts' }, 'chen');
    await client.postOk('/plans/p-1/publish-plan', { version: 2 }, 'zhou');
    await client.postOk('/plans/p-1/retire-plan', { reason: 'Merged' }, 'zhou');
    const read = await client.get('/plans/p-1', 'chen');
    expect(read.status).toBe(200);
    expect(read.body.version).toBe(5);
    expect(read.body.state.retiredAt).not.toBeNull();
  });

  it('EP-1 publishing a version that is not the latest is 422 in zh-CN, and writes nothing', async () => {
    await client.post('/plans/p-2/draft-plan', draft, 'chen');
    await client.post('/plans/p-2/revise-plan', { summary: 'Second version' }, 'chen');
    const stale = await client.post('/plans/p-2/publish-plan', { version: 1 }, 'zhou', {
      'accept-language': 'zh-CN',
    });
    expect(stale.status).toBe(422);
    expect([stale.body.ruleId, stale.body.violation]).toEqual(['EP-1', 'NotLatestVersion']);
    expect(stale.body.detail).toMatch(/[\u4e00-\u9fff]/);
    expect(await client.eventCount(emergencyPlanStreamId('p-2'))).toBe(2);
  });

  it('G-5 an enterprise officer may not draft the bureau’s plan (403), and nothing is written', async () => {
    const refused = await client.post('/plans/p-3/draft-plan', draft, 'li');
    expect([refused.status, refused.body.ruleId]).toEqual([403, 'G-5']);
    expect(await client.eventCount(emergencyPlanStreamId('p-3'))).toBe(0);
    // An officer may draft but not publish: only the head decides.
    await client.post('/plans/p-3/draft-plan', draft, 'chen');
    const publish = await client.post('/plans/p-3/publish-plan', { version: 1 }, 'chen');
    expect([publish.status, publish.body.ruleId]).toEqual([403, 'G-5']);
    expect(await client.eventCount(emergencyPlanStreamId('p-3'))).toBe(1);
  });

  it('a stale If-Match is 409 with nothing written; an unknown plan is 404', async () => {
    await client.post('/plans/p-4/draft-plan', draft, 'chen');
    await client.post('/plans/p-4/revise-plan', { summary: 'Second version' }, 'chen');
    const stale = await client.post('/plans/p-4/publish-plan', { version: 2 }, 'zhou', {
      'if-match': '"1"',
    });
    expect(stale.status).toBe(409);
    expect(await client.eventCount(emergencyPlanStreamId('p-4'))).toBe(2);
    expect((await client.get('/plans/nope', 'chen')).status).toBe(404);
  });
});
