import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isRuleViolation } from '../../eventsourcing/errors.js';
import { locales } from '../i18n/locale.js';
import { type MessagePart, parseMessage } from '../i18n/message-syntax.js';
import { isLabelGroup, isLabelKey, vocabulary } from '../i18n/vocabulary.js';
import { ruleCatalogs } from '../rules/catalog-registry.js';
import { describeViolation } from '../rules/describe-violation.js';
import { describeForbidden } from './describe-forbidden.js';
import { forbidden, forbiddenFor } from './forbidden.js';
import {
  defineForbiddenReasons,
  type ForbiddenReason,
  forbiddenReasonProblem,
  forbiddenReasons,
  isForbiddenReason,
} from './forbidden-reasons.js';

const codes = Object.keys(forbiddenReasons) as ForbiddenReason[];
const officer = { personId: 'p-1', role: 'EnforcementOfficer', orgId: 'org-1' } as const;

// A value of the kind each argument takes, so every code renders with every branch reachable.
function sampleValues(parts: readonly MessagePart[], into: Record<string, unknown>): void {
  for (const part of parts) {
    if (part.kind === 'value') {
      if (part.format === 'label') {
        const group = part.style!;
        const first = isLabelGroup(group) ? Object.keys(vocabulary[group])[0] : 'x';
        into[part.name] ??= part.name.endsWith('s') ? [first] : first;
      } else if (part.format === 'list') into[part.name] ??= ['a-1', 'a-2'];
      else into[part.name] ??= `${part.name}-1`;
    } else if (part.kind === 'plural') {
      into[part.name] ??= 2;
      for (const body of Object.values(part.cases)) sampleValues(body, into);
    } else if (part.kind === 'select') {
      into[part.name] ??= Object.keys(part.cases)[0];
      for (const body of Object.values(part.cases)) sampleValues(body, into);
    }
  }
}

function valuesFor(code: ForbiddenReason): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  sampleValues(parseMessage(forbiddenReasons[code].en), values);
  sampleValues(parseMessage(forbiddenReasons[code]['zh-CN']), values);
  return values;
}

describe('G-5 reasons', () => {
  it('G-5 every reason code has both languages, parses, and names the same values in both', () => {
    expect(codes.length).toBeGreaterThan(20);
    for (const code of codes) {
      expect(forbiddenReasonProblem(forbiddenReasons[code]), code).toBeUndefined();
    }
  });

  it.each(codes)('G-5 %s renders in zh-CN and en with the role label of each locale', (code) => {
    const error = forbidden('G-5', officer, code, valuesFor(code) as never);
    expect(isRuleViolation(error)).toBe(true);
    expect(error.details.reason).toBe(code);
    const zh = describeViolation(error, 'zh-CN');
    const en = describeViolation(error, 'en');
    expect(zh.startsWith('执法人员p-1（org-1）')).toBe(true);
    expect(zh).toMatch(/\p{Script=Han}{2}/u);
    // A command code shows as its Chinese label, never as the English type name.
    expect(zh).not.toMatch(/\b(?:Enforcement|Register|Record|Schedule)[A-Z]\w+/);
    expect(en).toBe(error.message.replace('G-5 Forbidden: ', ''));
    expect(en.startsWith('EnforcementOfficer p-1 of org-1 ')).toBe(true);
  });

  it('G-5 every code is raised somewhere in the library', () => {
    const root = join(import.meta.dirname, '..');
    const sources: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (
          path.endsWith('.ts') &&
          !path.endsWith('.test.ts') &&
          !path.endsWith('-reasons.ts')
        )
          sources.push(readFileSync(path, 'utf8'));
      }
    };
    walk(root);
    const text = sources.join('\n');
    expect(codes.filter((code) => !text.includes(`'${code}'`))).toEqual([]);
  });

  it('G-5 codes do not collide with the reason cases of rule templates, which describeViolation reads first', () => {
    const cases = new Set<string>();
    const visit = (parts: readonly MessagePart[]) => {
      for (const part of parts) {
        if (part.kind === 'select' || part.kind === 'plural') {
          if (part.name === 'reason') for (const key of Object.keys(part.cases)) cases.add(key);
          for (const body of Object.values(part.cases)) visit(body);
        }
      }
    };
    for (const catalog of ruleCatalogs) {
      for (const rule of catalog) {
        for (const template of Object.values(rule.violations)) {
          for (const locale of locales) visit(parseMessage(template[locale]));
        }
      }
    }
    expect(cases.size).toBeGreaterThan(0);
    expect(codes.filter((code) => cases.has(code))).toEqual([]);
  });

  it('G-5 keeps the rule, the violation, the actor, the code and the values in the details', () => {
    const error = forbidden('SI-0', officer, 'role_not_allowed', {
      command: 'AssignItem',
      allowedRoles: ['SafetyCommitteeOffice'],
    });
    expect(error.rule).toBe('SI-0');
    expect(error.violation).toBe('Forbidden');
    expect(error.details).toEqual({
      ...officer,
      reason: 'role_not_allowed',
      command: 'AssignItem',
      allowedRoles: ['SafetyCommitteeOffice'],
    });
    expect(error.message).toBe(
      'SI-0 Forbidden: EnforcementOfficer p-1 of org-1 may not send AssignItem: only SafetyCommitteeOffice may',
    );
    expect(describeViolation(error, 'zh-CN')).toBe(
      '执法人员p-1（org-1）无权办理“分办事项”：仅限安委办办理',
    );
  });

  it('G-5 an actor value cannot be overwritten by a reason value', () => {
    const error = forbiddenFor(
      'G-5',
      officer,
      { reason: 'not_in_organisation', values: { claimedOrgId: 'org-9' } },
      { orgId: 'org-9', personId: 'someone' },
    );
    expect(error.details).toMatchObject({ ...officer, claimedOrgId: 'org-9' });
    expect(describeViolation(error, 'zh-CN')).toBe('执法人员p-1（org-1）不是org-9的人员');
  });

  it('G-5 a refusal sent over the wire as JSON renders the same, and unknown codes fall back to the English message', () => {
    const error = forbidden(
      'G-5',
      { personId: 'p-2', role: 'Principal', enterpriseId: 'e-1' },
      'not_a_signatory',
    );
    const wire = JSON.parse(
      JSON.stringify({
        rule: error.rule,
        violation: error.violation,
        details: error.details,
        message: error.message,
      }),
    );
    expect(describeViolation(wire, 'zh-CN')).toBe(
      '主要负责人p-2（e-1）不是协议签订人，不能登记该协议',
    );
    // A code this version does not know: the rule's own template, else the English message.
    const future = { ...wire, details: { ...wire.details, reason: 'some_future_reason' } };
    expect(describeForbidden(future.details, 'zh-CN')).toBeUndefined();
    expect(describeViolation(future, 'zh-CN')).toBe('主要负责人p-2无权办理：some_future_reason');
    expect(
      describeViolation(
        { ...future, rule: 'SI-0', message: future.message.replace('G-5', 'SI-0') },
        'zh-CN',
      ),
    ).toBe('主要负责人p-2无权办理该事项：some_future_reason');
    // A rule with no refusal template of its own: the English message.
    expect(
      describeViolation(
        { ...future, rule: 'SI-2', message: future.message.replace('G-5', 'SI-2') },
        'zh-CN',
      ),
    ).toBe('Principal p-2 of e-1 may not record an agreement they do not sign');
    expect(isForbiddenReason('some_future_reason')).toBe(false);
  });

  it('G-5 rejects a template set with a gap, a mismatch or a reserved value name', () => {
    expect(() => defineForbiddenReasons({ gap: { 'zh-CN': '', en: 'x' } })).toThrow(
      'Chinese is missing',
    );
    expect(() =>
      defineForbiddenReasons({ mismatch: { 'zh-CN': '缺少{a}', en: 'lacks {b}' } }),
    ).toThrow('zh-CN names {a} but en names {b}');
    expect(() =>
      defineForbiddenReasons({ clash: { 'zh-CN': '不是{orgId}的人员', en: 'not of {orgId}' } }),
    ).toThrow('reserved');
    expect(() => defineForbiddenReasons({ 'Bad-Code': { 'zh-CN': '无权', en: 'no' } })).toThrow(
      'snake_case',
    );
    expect(isLabelKey('role', 'EnforcementOfficer')).toBe(true);
  });
});
