import { describe, expect, it } from 'vitest';
import { ruleCatalogs } from './catalog-registry.js';
import { defineRuleCatalog, ruleEntryProblems } from './rule-catalog.js';

// Catalogs still written in English only, converted one by one; the test below fails once one is
// converted and still listed here, so the list cannot go stale.
const awaitingTranslation: readonly string[] = [];

describe('rule catalogs in both languages', () => {
  it('give every title, statement and violation message in zh-CN and en, with the same values', () => {
    const problems = ruleCatalogs
      .flat()
      .filter((rule) => !awaitingTranslation.includes(rule.scope))
      .flatMap((rule) => ruleEntryProblems(rule).map((problem) => `${rule.id} ${problem}`));
    expect(problems).toEqual([]);
  });

  it('list only English-only scopes as awaiting translation', () => {
    for (const scope of awaitingTranslation) {
      const rules = ruleCatalogs.flat().filter((rule) => rule.scope === scope);
      expect(rules.length, scope).toBeGreaterThan(0);
      expect(
        rules.every((rule) => rule.title['zh-CN'] === ''),
        scope,
      ).toBe(true);
    }
  });

  it('reject an entry whose languages disagree or whose template is malformed', () => {
    const entry = {
      id: 'T-1',
      scope: 'Hazard',
      title: { 'zh-CN': '规则', en: 'Rule' },
      statement: { 'zh-CN': '规则。', en: 'Rule.' },
      basis: 'D',
      enforcement: 'blocking',
      policyKeys: [],
    } as const;
    expect(() =>
      defineRuleCatalog([
        {
          ...entry,
          violations: { Late: { 'zh-CN': '{deadline}已过', en: '{dueDate} has passed' } },
        },
      ]),
    ).toThrow('rule T-1: violation Late: zh-CN names {deadline} but en names {dueDate}');
    expect(() =>
      defineRuleCatalog([{ ...entry, violations: { Late: { 'zh-CN': '已过{期限', en: 'late' } } }]),
    ).toThrow('rule T-1: violation Late: message');
    expect(() =>
      defineRuleCatalog([
        { ...entry, violations: { Late: { 'zh-CN': '等级{g, label, grades}', en: '{g}' } } },
      ]),
    ).toThrow('no label group "grades"');
    expect(() =>
      defineRuleCatalog([{ ...entry, title: { 'zh-CN': 'Rule', en: 'Rule' }, violations: {} }]),
    ).toThrow('rule T-1: title: Chinese "Rule" has no Chinese characters');
  });
});
