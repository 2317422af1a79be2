import { formatMessage } from '../i18n/format-message.js';
import type { Locale } from '../i18n/locale.js';
import type { MessageArgs } from '../i18n/message-args.js';
import { vocabularyLabels } from '../i18n/vocabulary.js';
import { forbiddenReasons, isForbiddenReason } from './forbidden-reasons.js';

/** Options of `describeForbidden`. */
export interface DescribeForbiddenOptions {
  /** The zone instants are shown in (default `Asia/Shanghai`). */
  readonly timeZone?: string;
}

/**
 * The actor of a G-5 refusal in one locale: `执法人员p-1（org-1）` with the role's label, or
 * `EnforcementOfficer p-1 of org-1` as `error.message` writes it.
 */
export function describeForbiddenActor(
  details: Readonly<Record<string, unknown>>,
  locale: Locale,
): string {
  const role = String(details.role);
  const personId = String(details.personId);
  const affiliation = details.orgId ?? details.enterpriseId;
  if (locale === 'en') {
    return `${role} ${personId}${affiliation === undefined ? '' : ` of ${String(affiliation)}`}`;
  }
  const roleLabel = vocabularyLabels('role', role, locale) ?? role;
  return `${roleLabel}${personId}${affiliation === undefined ? '' : `（${String(affiliation)}）`}`;
}

/**
 * The message of a G-5 refusal (`Forbidden` raised by `forbidden`) in one locale: the actor and
 * the reason's template filled from the error's `details`. `undefined` when the details carry no
 * known reason code or do not fill its template (an error of another library version).
 *
 * @example
 * describeForbidden(error.details, 'zh-CN');
 * // "主要负责人p-1（ent-1）无权办理“分办事项”：仅限安委办办理"
 */
export function describeForbidden(
  details: Readonly<Record<string, unknown>>,
  locale: Locale,
  options: DescribeForbiddenOptions = {},
): string | undefined {
  const { reason } = details;
  if (!isForbiddenReason(reason) || details.role === undefined || details.personId === undefined) {
    return undefined;
  }
  try {
    const text = formatMessage(
      forbiddenReasons[reason][locale] as string,
      details as MessageArgs<string>,
      locale,
      {
        labels: vocabularyLabels,
        ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
      },
    );
    return `${describeForbiddenActor(details, locale)}${locale === 'en' ? ' ' : ''}${text}`;
  } catch {
    return undefined;
  }
}
