import { readFileSync } from 'node:fs';
import { createSupervisionPolicy, RuleViolationError } from '@safeledger/core';
import { DeciderVerificationError } from '@safeledger/testing';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { specifyMajorHazardPlan } from './snippets/hazard-spec.js';
import { specifyOpenHazards } from './snippets/open-hazards-spec.js';
import { verifyProvincePolicy } from './snippets/province-policy.js';
import { ledgerRow, rejection } from './snippets/render-in-app.js';
import { fileCase, rejectionIn } from './snippets/rule-catalog.js';
import { verifyThreeVerifiers } from './snippets/three-verifiers.js';

// The docs' snippets are checked verbatim by docs-snippets.test.ts; these are also run.
test('the testing guide spec runs and reports the missing plan element', () => {
  expect(specifyMajorHazardPlan()).toEqual({ missing: ['contingencyPlanRef'] });
});

test('the i18n guide snippet raises a typed violation and renders it in both languages', () => {
  expect(rejectionIn('zh-CN')).toBe('部门负责人p-2是本案承办人，不得审批立案');
  expect(rejectionIn('en')).toBe('AuthorityHead p-2 proposed the case and may not approve it');
  expect(() => fileCase([], 'p-9', 0)).toThrow(
    'EC-1 NoProvisions: a filing names at least one violated provision, none was given',
  );
});

test("the i18n guide renders a ledger row and a rejection in the user's language", () => {
  const hazard = {
    status: 'open',
    grade: 'major',
    deadline: '2024-03-31',
    fundingCny: 50_000,
  } as const;
  expect(ledgerRow(hazard, 'zh-CN')).toEqual([
    '整改中',
    '重大事故隐患',
    '2024年3月31日',
    '¥50,000.00',
  ]);
  expect(ledgerRow(hazard, 'en')).toEqual(['Open', 'Major', 'March 31, 2024', 'CN¥50,000.00']);
  const policy = createSupervisionPolicy();
  const lagging = new RuleViolationError('G-9', 'ProjectionLagging', 'behind', {
    projection: 'hazard-ledger',
    detail: 'at 10 of 12',
  });
  expect(rejection(lagging, 'zh-CN', policy)).toBe('G-9 读模型hazard-ledger尚未同步：at 10 of 12');
  expect(() => rejection(new Error('boom'), 'en', policy)).toThrow('boom');
});

test('the testing guide projection spec runs', () => {
  expect(specifyOpenHazards).not.toThrow();
});

test("the testing guide's local rule holds under the province's policy, H-18 exercised", () => {
  const summary = verifyThreeVerifiers();
  expect(summary.rejectedBy['H-18']).toBeGreaterThan(0);
  expect(summary.events.RectificationVerified).toBeGreaterThan(0);
});

test("the testing guide's local rule fails under the default policy of two verifiers", () => {
  let failure: unknown;
  try {
    verifyThreeVerifiers(createSupervisionPolicy());
  } catch (error) {
    failure = error;
  }
  expect(failure).toBeInstanceOf(DeciderVerificationError);
  const { message, commands } = failure as DeciderVerificationError;
  expect(message).toMatch(
    /^verifyDecider\(hazard\) failed at step 4: the decider accepted a command the model rejects with H-18 TooFewVerifiers/,
  );
  expect(message).toMatch(
    / {2}4\. \[2024-03-01T02:00:00\.000Z, \+0\] VerifyRectification by p-enf-\d \(passed, verifiers p-enf-\d, p-enf-\d\)\n/,
  );
  expect(commands).toHaveLength(4);
});

test("the testing guide's sample report is what verifyDecider prints for its seed", () => {
  const guide = readFileSync(new URL('../../../docs/testing.md', import.meta.url), 'utf8');
  const sample = /```text\n(verifyDecider\(hazard\)[\s\S]*?)```/.exec(guide)?.[1];
  expect(sample).toBeDefined();
  const seed = Number(/Replay with \{ seed: (-?\d+) \}/.exec(sample!)?.[1]);
  const global = fc.readConfigureGlobal();
  fc.configureGlobal({ ...global, seed });
  let report: string[] = [];
  try {
    verifyThreeVerifiers(createSupervisionPolicy());
  } catch (error) {
    report = (error as Error).message.split('\n');
  } finally {
    fc.configureGlobal(global);
  }
  // Lines cut short in the guide (at "…") must start as the report's lines do.
  for (const [index, line] of sample!.trimEnd().split('\n').entries()) {
    const [shown] = line.split('…');
    expect(report[index]?.startsWith(shown!), `line ${index + 1}: ${line}`).toBe(true);
  }
});

test('the projections guide query snippet pages, filters and groups in the store', async () => {
  const { createProjectionRunner } = await import('@safeledger/core');
  const { createMemoryEventStore } = await import('@safeledger/store-memory');
  const { hazardRows, overdueInArea } = await import('./snippets/query-hazards.js');
  // No registry: the snippet reads only these fields of the hazard events.
  const store = createMemoryEventStore();
  const registered = (id: string, areaId: string, deadline: string) =>
    store.appendToStream(`hazard-${id}`, [
      {
        type: 'HazardRegistered',
        data: {
          hazardId: id,
          areaId,
          grade: 'general',
          deadline,
          occurredAt: '2024-03-01T09:00:00+08:00',
          campaignIds: ['ROOT'],
        },
      },
    ]);
  for (let i = 0; i < 60; i++)
    await registered(
      `a${String(i).padStart(2, '0')}`,
      'A',
      `2024-04-${String((i % 28) + 1).padStart(2, '0')}`,
    );
  await registered('b1', 'B', '2024-04-01');
  await store.appendToStream('hazard-a00', [
    { type: 'HazardClosed', data: { hazardId: 'a00', occurredAt: '2024-06-01T09:00:00+08:00' } },
  ]);
  const runner = createProjectionRunner({ store, projections: [hazardRows] });
  await runner.catchUp();
  await runner.stop();
  const { page, next, byArea } = await overdueInArea(store, 'A', '2024-05-01');
  expect(page.items).toHaveLength(50);
  expect(page.items[0]!.document.deadline).toBe('2024-04-01');
  expect(page.items.map((i) => i.id)).not.toContain('hazard-a00');
  expect(next?.items).toHaveLength(9);
  expect(next?.nextCursor).toBeUndefined();
  expect(byArea).toEqual([
    { key: { areaId: 'A' }, measures: { found: 60, closed: 1 } },
    { key: { areaId: 'B' }, measures: { found: 1, closed: 0 } },
  ]);
});

test("the testing guide's province policy keeps every hazard invariant", () => {
  const summary = verifyProvincePolicy();
  expect(summary.unexercised).toEqual([]);
  expect(summary.rejectedBy['H-18']).toBeGreaterThan(0);
}, 120_000);
