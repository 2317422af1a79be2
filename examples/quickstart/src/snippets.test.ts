import { createSupervisionPolicy, RuleViolationError } from '@safeledger/core';
import { expect, test } from 'vitest';
import { specifyMajorHazardPlan } from './snippets/hazard-spec.js';
import { ledgerRow, rejection } from './snippets/render-in-app.js';
import { fileCase, rejectionIn } from './snippets/rule-catalog.js';

// The docs' snippets are checked verbatim by docs-snippets.test.ts; this one is also run.
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
