import { createSupervisionPolicy, localDateOf, responsibilityStreamId } from '@safeledger/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CommandTestClient, startCommandTestClient } from './command-test-client.js';
import { mintDevelopmentToken } from './dev-keys.js';

// Responsibility-assignment command routes over real HTTP: the committee office drafts and
// issues the bureau's duties, the bureau's head acknowledges them and an officer reports them
// done; one lead per task code holds across the assignments of a list (RA-4).
const year = Number(localDateOf(new Date(), createSupervisionPolicy().timezone).slice(0, 4));

describe('responsibility assignment routes', () => {
  let client: CommandTestClient;
  beforeAll(async () => {
    client = await startCommandTestClient('responsibilities');
  });
  afterAll(async () => {
    await client?.stop();
  });

  const draft = (listId: string, department: string) => ({
    listId,
    listTitle: 'District task division',
    listKind: 'task_division',
    issuerOrgId: 'committee-office',
    period: { year },
    assignee: { kind: 'department', id: department },
    duties: [
      {
        dutyId: 'd-1',
        code: 'T1',
        text: 'Lead the hazardous-chemicals campaign',
        kind: 'key_task',
        role: 'lead',
      },
    ],
  });

  it('drafts, issues, acknowledges, reports on and completes an assignment', async () => {
    const drafted = await client.postOk(
      '/assignments/ra-1/draft-assignment',
      draft('list-1', 'bureau'),
      'tang',
    );
    expect(drafted.body.events.map((e: { type: string }) => e.type)).toEqual(['AssignmentDrafted']);
    await client.postOk('/assignments/ra-1/issue-assignment', {}, 'tang', {
      'if-match': '"1"',
    });
    await client.postOk('/assignments/ra-1/acknowledge-assignment', {}, 'zhou');
    await client.postOk(
      '/assignments/ra-1/report-duty-progress',
      { dutyId: 'd-1', note: 'Twelve works inspected' },
      'chen',
    );
    await client.postOk(
      '/assignments/ra-1/complete-duty',
      { dutyId: 'd-1', evidenceRefs: ['REP-1'] },
      'chen',
    );
    const read = await client.get('/assignments/ra-1', 'tang');
    expect(read.status).toBe(200);
    expect(read.body.version).toBe(5);
    expect(read.body.state.status).toBe('issued');
  });

  it('RA-4 a second lead of one task code in a list is 422 in zh-CN, and writes nothing', async () => {
    await client.post('/assignments/ra-2/draft-assignment', draft('list-2', 'bureau'), 'tang');
    expect((await client.post('/assignments/ra-2/issue-assignment', {}, 'tang')).status).toBe(200);
    await client.post(
      '/assignments/ra-3/draft-assignment',
      draft('list-2', 'harbour-bureau'),
      'tang',
    );
    const second = await client.post('/assignments/ra-3/issue-assignment', {}, 'tang', {
      'accept-language': 'zh-CN',
    });
    expect(second.status).toBe(422);
    expect([second.body.ruleId, second.body.violation]).toEqual(['RA-4', 'DuplicateLead']);
    expect(second.body.detail).toMatch(/[\u4e00-\u9fff]/);
    expect(await client.eventCount(responsibilityStreamId('ra-3'))).toBe(1);
  });

  it('refuses an actor who may not act: RA-9 for the wrong party, G-5 for a role the person lacks', async () => {
    const notIssuer = await client.post(
      '/assignments/ra-4/draft-assignment',
      draft('list-4', 'bureau'),
      'chen',
    );
    expect([notIssuer.status, notIssuer.body.ruleId]).toEqual([403, 'RA-9']);
    const response = await fetch(`${client.service.url}/assignments/ra-4/draft-assignment`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await mintDevelopmentToken({ sub: 'chen', role: 'SafetyCommitteeOffice' })}`,
      },
      body: JSON.stringify(draft('list-4', 'bureau')),
    });
    const claimed = (await response.json()) as { ruleId: string };
    expect([response.status, claimed.ruleId]).toEqual([403, 'G-5']);
    expect(await client.eventCount(responsibilityStreamId('ra-4'))).toBe(0);
  });

  it('a retried issue with the same Idempotency-Key answers the first answer and appends nothing', async () => {
    await client.post('/assignments/ra-6/draft-assignment', draft('list-6', 'bureau'), 'tang');
    const key = { 'idempotency-key': 'issue-ra-6' };
    const first = await client.postOk('/assignments/ra-6/issue-assignment', {}, 'tang', key);
    await client.post('/assignments/ra-6/acknowledge-assignment', {}, 'zhou');
    const retry = await client.postOk('/assignments/ra-6/issue-assignment', {}, 'tang', key);
    expect(retry.body).toEqual(first.body);
    expect(await client.eventCount(responsibilityStreamId('ra-6'))).toBe(3);
  });

  it('a stale If-Match is 409 with nothing written; an unknown assignment is 404', async () => {
    await client.post('/assignments/ra-5/draft-assignment', draft('list-5', 'bureau'), 'tang');
    await client.post(
      '/assignments/ra-5/add-duty',
      { duty: { dutyId: 'd-2', code: 'T2', text: 'Train', kind: 'measure', role: 'support' } },
      'tang',
    );
    const stale = await client.post('/assignments/ra-5/issue-assignment', {}, 'tang', {
      'if-match': '"1"',
    });
    expect(stale.status).toBe(409);
    expect(await client.eventCount(responsibilityStreamId('ra-5'))).toBe(2);
    expect((await client.get('/assignments/nope', 'tang')).status).toBe(404);
  });
});
