import { describe, expect, it } from 'vitest';
import { isRuleViolation, RuleViolationError } from '../../eventsourcing/errors.js';
import { describeViolation } from './describe-violation.js';
import { ruleViolation, violationFactory } from './raise-violation.js';
import { defineRuleCatalog } from './rule-catalog.js';

const planRules = defineRuleCatalog([
  {
    id: 'T-1',
    scope: 'Hazard',
    title: { 'zh-CN': '治理方案', en: 'Plan' },
    statement: { 'zh-CN': '重大事故隐患的治理方案须内容完整。', en: 'A major plan is complete.' },
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      IncompletePlan: {
        'zh-CN': '重大事故隐患治理方案缺少{missing, label, planElement}',
        en: 'the plan for a major hazard lacks {missing, list}',
      },
      PlanExceedsDeadline: {
        'zh-CN': '治理时限{planDeadline, date}晚于整改期限{effectiveDeadline, date}，须先延期',
        en: 'plan deadline {planDeadline} is after the effective deadline {effectiveDeadline}; extend the deadline first',
      },
      NotMajor: {
        'zh-CN': '仅适用于重大事故隐患',
        en: 'applies to major hazards only',
      },
    },
  },
]);

const violate = violationFactory(planRules);

describe('ruleViolation', () => {
  it('renders the English message from the template and keeps the rule, the violation and the values', () => {
    const error = ruleViolation(planRules, 'T-1', 'IncompletePlan', {
      missing: ['funding.source', 'contingencyPlanRef'],
    });
    expect(error).toBeInstanceOf(RuleViolationError);
    expect(isRuleViolation(error)).toBe(true);
    expect(error.code).toBe('RULE_VIOLATION');
    expect(error.message).toBe(
      'T-1 IncompletePlan: the plan for a major hazard lacks funding.source and contingencyPlanRef',
    );
    expect(error.rule).toBe('T-1');
    expect(error.violation).toBe('IncompletePlan');
    expect(error.details).toEqual({ missing: ['funding.source', 'contingencyPlanRef'] });
  });

  it('keeps further values for programs, and needs no values for a template without any', () => {
    const error = violate('T-1', 'PlanExceedsDeadline', {
      planDeadline: '2024-04-01',
      effectiveDeadline: '2024-03-31',
      hazardId: 'h-1',
    });
    expect(error.details).toMatchObject({ hazardId: 'h-1' });
    expect(violate('T-1', 'NotMajor').details).toEqual({});
  });

  it('refuses a violation the catalog does not declare (reachable only past the type check)', () => {
    expect(() => ruleViolation(planRules, 'T-1', 'Typo' as never)).toThrow(
      'rule T-1 has no violation Typo in its catalog',
    );
  });
});

describe('describeViolation', () => {
  const options = { catalogs: [planRules] };

  it('renders either language from the error alone', () => {
    const error = violate('T-1', 'IncompletePlan', {
      missing: ['funding.amountCny', 'contingencyPlanRef'],
    });
    expect(describeViolation(error, 'zh-CN', options)).toBe(
      '重大事故隐患治理方案缺少治理经费和应急预案',
    );
    expect(describeViolation(error, 'en', options)).toBe(
      'the plan for a major hazard lacks funding.amountCny and contingencyPlanRef',
    );
    const late = violate('T-1', 'PlanExceedsDeadline', {
      planDeadline: '2024-04-01',
      effectiveDeadline: '2024-03-31',
    });
    expect(describeViolation(late, 'zh-CN', options)).toBe(
      '治理时限2024年4月1日晚于整改期限2024年3月31日，须先延期',
    );
  });

  it('describes an error that crossed the wire as plain JSON', () => {
    const error = violate('T-1', 'NotMajor');
    const received = JSON.parse(
      JSON.stringify({
        rule: error.rule,
        violation: error.violation,
        details: error.details,
        message: error.message,
      }),
    );
    expect(describeViolation(received, 'zh-CN', options)).toBe('仅适用于重大事故隐患');
  });

  it("falls back to the error's English message for an unknown rule or unfit details", () => {
    const foreign = new RuleViolationError('X-9', 'Odd', 'something odd happened', { a: 1 });
    expect(describeViolation(foreign, 'zh-CN')).toBe('something odd happened');
    const unfit = new RuleViolationError('T-1', 'IncompletePlan', 'lacks things', {});
    expect(describeViolation(unfit, 'zh-CN', options)).toBe('lacks things');
  });

  it('finds the library rules without being told the catalogs', () => {
    const error = new RuleViolationError('G-9', 'ProjectionLagging', 'x', {
      projection: 'hazard-ledger',
      detail: 'at 10 of 12',
    });
    expect(describeViolation(error, 'zh-CN')).toBe('读模型hazard-ledger尚未同步：at 10 of 12');
  });
});
