import {
  addDays,
  createSupervisionPolicy,
  localDateOf,
  supervisionItemStreamId,
} from '@safeledger/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CommandTestClient, startCommandTestClient } from './command-test-client.js';
import { mintDevelopmentToken } from './dev-keys.js';

// Supervision-item command routes over real HTTP: the city supervision team hands an issue
// over, the committee office assigns it to the bureau, which investigates and reports back,
// and the team closes it.
const today = localDateOf(new Date(), createSupervisionPolicy().timezone);

describe('supervision item routes', () => {
  let client: CommandTestClient;
  beforeAll(async () => {
    client = await startCommandTestClient('items');
  });
  afterAll(async () => {
    await client?.stop();
  });

  const handover = {
    batchId: 'B-1',
    batchTitle: 'City team handover, first batch',
    issuer: {
      name: 'City supervision team',
      kind: 'supervision_team',
      level: 'city',
      orgId: 'city-team',
    },
    kind: 'feedback_issue',
    deadline: addDays(today, 30),
    subjectEnterpriseIds: ['works'],
    description: 'Hot work permits not checked at the works',
  };
  const assignment = (internalDeadline: string) => ({
    leadOrgId: 'bureau',
    internalDeadline,
  });

  it('receives, assigns, investigates, takes a measure, reports back on and closes an item', async () => {
    const received = await client.postOk('/items/it-1/receive-handover', handover, 'fang');
    expect(received.body.events.map((e: { type: string }) => e.type)).toEqual(['HandoverReceived']);
    await client.postOk('/items/it-1/assign-item', assignment(addDays(today, 20)), 'tang', {
      'if-match': '"1"',
    });
    await client.postOk(
      '/items/it-1/record-investigation',
      { finding: 'unsubstantiated', reportRef: 'INV-1' },
      'chen',
    );
    // A tour's finding is answered with a measure (SI-5), done before the report-back.
    await client.postOk(
      '/items/it-1/add-measure',
      { measureId: 'm-1', text: 'Retrain the works’ permit issuers' },
      'chen',
    );
    await client.postOk('/items/it-1/complete-measure', { measureId: 'm-1' }, 'chen');
    await client.postOk(
      '/items/it-1/submit-feedback',
      { summary: 'Permits were checked; records shown' },
      'zhou',
    );
    await client.postOk('/items/it-1/close-item', {}, 'fang');
    const read = await client.get('/items/it-1', 'tang');
    expect(read.status).toBe(200);
    expect(read.body.version).toBe(7);
    expect(read.body.state.status).toBe('closed');
  });

  it('SI-1 an internal deadline after the issuer’s is 422 in zh-CN, and writes nothing', async () => {
    await client.post('/items/it-2/receive-handover', handover, 'fang');
    const late = await client.post(
      '/items/it-2/assign-item',
      assignment(addDays(today, 40)),
      'tang',
      { 'accept-language': 'zh-CN' },
    );
    expect(late.status).toBe(422);
    expect([late.body.ruleId, late.body.violation]).toEqual([
      'SI-1',
      'InternalDeadlineAfterDeadline',
    ]);
    expect(late.body.detail).toMatch(/[\u4e00-\u9fff]/);
    expect(await client.eventCount(supervisionItemStreamId('it-2'))).toBe(1);
  });

  it('refuses an actor who may not act: SI-0 for the wrong role, G-5 for a role the person lacks', async () => {
    const worker = await client.post('/items/it-3/receive-handover', handover, 'wu');
    expect([worker.status, worker.body.ruleId]).toEqual([403, 'SI-0']);
    const response = await fetch(`${client.service.url}/items/it-3/receive-handover`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await mintDevelopmentToken({ sub: 'chen', role: 'SupervisionTeam' })}`,
      },
      body: JSON.stringify(handover),
    });
    const claimed = (await response.json()) as { ruleId: string };
    expect([response.status, claimed.ruleId]).toEqual([403, 'G-5']);
    expect(await client.eventCount(supervisionItemStreamId('it-3'))).toBe(0);
  });

  it('a stale If-Match is 409 with nothing written; an unknown item is 404', async () => {
    await client.post('/items/it-4/receive-handover', handover, 'fang');
    const stale = await client.post(
      '/items/it-4/assign-item',
      assignment(addDays(today, 20)),
      'tang',
      { 'if-match': '"2"' },
    );
    expect(stale.status).toBe(409);
    expect(await client.eventCount(supervisionItemStreamId('it-4'))).toBe(1);
    expect((await client.get('/items/nope', 'tang')).status).toBe(404);
  });
});
