import { formatMessage } from '../i18n/format-message.js';
import type { Locale } from '../i18n/locale.js';
import { vocabularyLabels } from '../i18n/vocabulary.js';
import type { ItemReadiness, ReadinessBlock } from './readiness-notice.js';

/*
 * One sentence per notice, in the register of a handover register's remarks column. The blocked
 * steps name the rule and violation that block them (`SI-2 UnclosedHazards`), not a rendered
 * violation message: a notice is about what is left to do, and the rule id is what an office
 * looks up.
 */
const templates = {
  'zh-CN':
    '交办事项{itemId}（{itemStatus, label, itemState}）：关联隐患{hazardId}{cause, select, HazardVoided {已作废} other {已销号}}，{open, plural, =0 {关联隐患已全部销号} other {尚有#项关联隐患未销号（{unclosed}）}}；{feedback, select, none {可以反馈办理情况} other {暂不能反馈（{feedback}）}}；{closure, select, none {可以销号} other {暂不能销号（{closure}）}}。',
  en: 'Item {itemId} ({itemStatus, label, itemState}): linked hazard {hazardId} was {cause, select, HazardVoided {voided} other {closed}}; {open, plural, =0 {all linked hazards are closed} one {# linked hazard is not closed ({unclosed})} other {# linked hazards are not closed ({unclosed})}}; {feedback, select, none {feedback may be submitted} other {feedback is blocked by {feedback}}}; {closure, select, none {the item may be closed} other {closure is blocked by {closure}}}.',
} as const;

/**
 * PO-5's notice as one sentence in Chinese or English, for the office that handles the item:
 * which hazard closed, which linked hazards are still open, and whether feedback and closure may
 * go ahead (else the rule that blocks each).
 *
 * @example
 * describeItemReadiness(notice, 'zh-CN');
 * // 交办事项IT-1（办理中）：关联隐患h-1已销号，尚有1项关联隐患未销号（h-2）；暂不能反馈（SI-2 UnclosedHazards）；暂不能销号（SI-2 UnclosedHazards）。
 */
export function describeItemReadiness(notice: ItemReadiness, locale: Locale): string {
  return formatMessage(
    templates[locale] as string,
    {
      itemId: notice.itemId,
      itemStatus: notice.itemStatus,
      hazardId: notice.hazardId,
      cause: notice.cause,
      open: notice.unclosedHazardIds.length,
      // Ids, not words: joined as a register lists numbers (h-2、h-3), not with 和 / and.
      unclosed: notice.unclosedHazardIds.join(locale === 'zh-CN' ? '、' : ', '),
      feedback: blockText(notice.feedbackBlockedBy),
      closure: blockText(notice.closureBlockedBy),
    },
    locale,
    { labels: vocabularyLabels },
  );
}

function blockText(block: ReadinessBlock | null): string {
  return block === null ? 'none' : `${block.rule} ${block.violation}`;
}
