import { expectTypeOf, test } from 'vitest';
import type { RuleViolationError } from '../../eventsourcing/errors.js';
import { violationFactory } from './raise-violation.js';
import {
  defineRuleCatalog,
  type RuleIdOf,
  type RuleWithViolation,
  type ViolationKeyOf,
} from './rule-catalog.js';

const rules = defineRuleCatalog([
  {
    id: 'T-1',
    scope: 'Hazard',
    title: { 'zh-CN': '规则一', en: 'One' },
    statement: { 'zh-CN': '规则一。', en: 'One.' },
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      IncompletePlan: { 'zh-CN': '缺少{missing, list}', en: 'lacks {missing, list}' },
      Forbidden: {
        'zh-CN': '{role, label, role}{personId}无权办理',
        en: '{role} {personId} may not',
      },
    },
  },
  {
    id: 'T-2',
    scope: 'Hazard',
    title: { 'zh-CN': '规则二', en: 'Two' },
    statement: { 'zh-CN': '规则二。', en: 'Two.' },
    basis: 'D',
    enforcement: 'derived',
    policyKeys: [],
    violations: {},
  },
]);
const violate = violationFactory(rules);

test('a catalog yields typed unions of its rule ids and violation names', () => {
  expectTypeOf<RuleIdOf<typeof rules>>().toEqualTypeOf<'T-1' | 'T-2'>();
  expectTypeOf<ViolationKeyOf<typeof rules, 'T-1'>>().toEqualTypeOf<
    'IncompletePlan' | 'Forbidden'
  >();
  expectTypeOf<ViolationKeyOf<typeof rules, 'T-2'>>().toBeNever();
  expectTypeOf<RuleWithViolation<typeof rules, 'Forbidden'>>().toEqualTypeOf<'T-1'>();
});

test('a typo in the rule, the violation or a value, or a value missing, fails the type check', () => {
  expectTypeOf(
    violate('T-1', 'IncompletePlan', { missing: ['deadline'] }),
  ).toEqualTypeOf<RuleViolationError>();
  // @ts-expect-error the rule id is misspelt
  violate('T-l', 'IncompletePlan', { missing: [] });
  // @ts-expect-error T-2 declares no such violation
  violate('T-2', 'IncompletePlan', { missing: [] });
  // @ts-expect-error the violation name is misspelt
  violate('T-1', 'IncompletPlan', { missing: [] });
  // @ts-expect-error the template names `missing`, which is not given
  violate('T-1', 'IncompletePlan', { misisng: [] });
  // @ts-expect-error the template needs values
  violate('T-1', 'Forbidden');
  // @ts-expect-error a list takes an array
  violate('T-1', 'IncompletePlan', { missing: 'deadline' });
});

test('a catalog entry must give every text in both locales', () => {
  defineRuleCatalog([
    {
      id: 'T-3',
      scope: 'Hazard',
      // @ts-expect-error the English title is missing
      title: { 'zh-CN': '规则三' },
      statement: { 'zh-CN': '规则三。', en: 'Three.' },
      basis: 'D',
      enforcement: 'derived',
      policyKeys: [],
      violations: {},
    },
  ]);
  defineRuleCatalog([
    {
      id: 'T-4',
      scope: 'Hazard',
      title: { 'zh-CN': '规则四', en: 'Four' },
      statement: { 'zh-CN': '规则四。', en: 'Four.' },
      basis: 'D',
      enforcement: 'blocking',
      policyKeys: [],
      // @ts-expect-error the Chinese message is missing
      violations: { Late: { en: 'late' } },
    },
  ]);
});
