import { describe, expect, it } from 'vitest';
import { HazardCommandSchema } from '../hazard/commands.js';
import { hazardEvents } from '../hazard/events.js';
import { hazardCommandStates } from '../hazard/lifecycle.js';
import { hazardRules } from '../hazard/rules.js';
import { HazardGradeSchema, HazardNatureSchema, HazardSourceSchema } from '../hazard/values.js';
import { locales } from './locale.js';
import type { LabelEntry } from './vocabulary/label-entry.js';
import {
  defineVocabulary,
  isLabelKey,
  type LabelGroup,
  label,
  labelProblem,
  vocabulary,
} from './vocabulary.js';

const entries = Object.entries(vocabulary).flatMap(([group, labels]) =>
  Object.entries(labels as Readonly<Record<string, LabelEntry>>).map(
    ([code, entry]) => [`${group}.${code}`, entry] as const,
  ),
);

describe('the vocabulary', () => {
  it('has every key in both languages, and Chinese that is Chinese', () => {
    expect(entries.length).toBeGreaterThan(400);
    const incomplete = entries.flatMap(([key, entry]) => {
      const problem = labelProblem(entry);
      return problem === undefined ? [] : [`${key}: ${problem}`];
    });
    expect(incomplete).toEqual([]);
  });

  it('gives distinct labels within a group, so a column or a filter never shows two codes alike', () => {
    for (const [group, labels] of Object.entries(vocabulary)) {
      for (const locale of locales) {
        const texts = Object.values(labels as Readonly<Record<string, LabelEntry>>).map(
          (entry) => entry[locale],
        );
        const twice = texts.filter((text, index) => texts.indexOf(text) !== index);
        // Event and command groups merge several aggregates; a few actions share a name there.
        if (group === 'eventType' || group === 'commandType') continue;
        expect(twice, `${group} in ${locale}`).toEqual([]);
      }
    }
  });

  it('uses the established regulatory terms', () => {
    const zh = (group: LabelGroup, code: string) =>
      (vocabulary[group] as Readonly<Record<string, LabelEntry>>)[code]?.['zh-CN'];
    expect(zh('hazardGrade', 'major')).toBe('重大事故隐患');
    expect(zh('eventType', 'HazardListedForSupervision')).toBe('挂牌督办');
    expect(zh('eventType', 'HazardClosed')).toBe('销号');
    expect(zh('hazardState', 'closed')).toBe('已销号');
    expect(zh('caseStatisticsColumn', 'dualPenalties')).toBe('一案双罚');
    expect(zh('venueMarkingColumn', 'industry')).toBe('行业标注率');
    expect(zh('ruleScope', 'MultiTenantSite')).toBe('厂中厂');
    expect(zh('inspectionCoverageColumn', 'visits')).toBe('检查家次');
    expect(zh('inspectionCoverageColumn', 'unitsInspected')).toBe('检查家数');
    expect(zh('readModel', 'onTimeRectificationRate')).toBe('按期整改率');
    expect(zh('role', 'GridPatroller')).toBe('网格员');
    expect(zh('role', 'FireAdvisor')).toBe('消防指导员');
    expect(zh('itemKind', 'petition')).toBe('信访举报件');
    expect(zh('eventType', 'LegalReviewCompleted')).toBe('法制审核');
    expect(zh('listKind', 'chain_governance')).toBe('“一件事”全链条治理');
  });

  it("marks the library's own terms", () => {
    const library = entries.filter(([, entry]) => entry.library === true).map(([key]) => key);
    expect(library).toEqual(expect.arrayContaining(['role.System', 'hazardState.verified']));
    expect(library).not.toContain('role.Principal');
  });

  it('labels a code in either locale and refuses a code of another group', () => {
    expect(label('role', 'SafetyCommitteeOffice', 'zh-CN')).toBe('安委办');
    expect(label('role', 'SafetyCommitteeOffice', 'en')).toBe('Safety committee office');
    expect(isLabelKey('hazardGrade', 'major')).toBe(true);
    expect(isLabelKey('hazardGrade', 'toString')).toBe(false);
    expect(() => label('hazardGrade', 'huge' as never, 'en')).toThrow(
      '"huge" is not a code of label group "hazardGrade"',
    );
  });

  it('rejects a group with a missing or untranslated label when it is defined', () => {
    expect(() => defineVocabulary({ g: { a: { 'zh-CN': '', en: 'A' } } })).toThrow(
      'label g.a: Chinese is missing',
    );
    expect(() => defineVocabulary({ g: { a: { 'zh-CN': 'Open', en: 'Open' } } })).toThrow(
      'has no Chinese characters',
    );
    expect(() => defineVocabulary({ g: {} })).toThrow('label group "g" is empty');
  });
});

describe('the hazard in the vocabulary', () => {
  // The type test pins the unions; this one reads the codes the running library actually uses.
  it('labels every hazard state, grade, nature, source, event and command in both languages', () => {
    const codes: readonly (readonly [LabelGroup, readonly string[]])[] = [
      ['hazardState', [...new Set(Object.values(hazardCommandStates).flat()), 'closed', 'voided']],
      ['hazardGrade', HazardGradeSchema.options],
      ['hazardNature', HazardNatureSchema.options],
      ['hazardSource', HazardSourceSchema.options],
      ['eventType', hazardEvents.map((event) => event.type)],
      ['commandType', HazardCommandSchema.options.map((option) => option.shape.type.value)],
      ['ruleScope', [...new Set(hazardRules.map((rule) => rule.scope))]],
    ];
    const unlabelled = codes.flatMap(([group, list]) =>
      list.filter((code) => !isLabelKey(group, code)).map((code) => `${group}.${code}`),
    );
    expect(unlabelled).toEqual([]);
    expect(codes.find(([group]) => group === 'commandType')?.[1]).toHaveLength(19);
    expect(codes.find(([group]) => group === 'eventType')?.[1]).toHaveLength(19);
    for (const [group, list] of codes) {
      for (const code of list) {
        for (const locale of locales) expect(label(group, code as never, locale)).not.toBe('');
      }
    }
  });
});
