import { z } from 'zod';

/**
 * The languages safeledger speaks: simplified Chinese as used in mainland regulatory documents,
 * and English for code, logs and international users.
 */
export const LocaleSchema = z.enum(['zh-CN', 'en']);
/** A `Locale`, as `LocaleSchema` parses it. */
export type Locale = z.infer<typeof LocaleSchema>;

/** Every locale, in the order catalogs list them. */
export const locales: readonly Locale[] = LocaleSchema.options;

/** A text in both locales; neither may be left out, so a missing translation fails the type check. */
export interface BilingualText {
  readonly 'zh-CN': string;
  readonly en: string;
}

/** True when `value` is one of the `locales`. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** The text of a bilingual entry in one locale. */
export function textIn(text: BilingualText, locale: Locale): string {
  return text[locale];
}

/**
 * The language tag `Intl` receives for a locale: `en` resolves to the platform's default English
 * (en-US), whose date order and digit grouping English readers expect.
 */
export function intlLocale(locale: Locale): string {
  return locale;
}
