import type { RulePage } from '../reference/rule-page.js';
import { dutyRosterRules } from './rules.js';

/** The generated page docs/domain/duty-rules.md. */
export const dutyRulePage: RulePage = {
  slug: 'duty',
  rules: dutyRosterRules,
  scope: 'DutyRoster',
  title: { 'zh-CN': '值班值守规则', en: 'Duty roster rules' },
  intro: {
    'zh-CN':
      '`DutyRoster`（值班值守）聚合执行的规则。命令和事件的字段见 [duty-reference.md](duty-reference.md)。',
    en: 'The rules the `DutyRoster` aggregate (值班值守) enforces. Guide: [duty.md](duty.md); commands and events: [duty-reference.md](duty-reference.md).',
  },
};
