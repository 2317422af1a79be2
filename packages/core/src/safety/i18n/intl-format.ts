import { isLocalDate, type LocalDate } from '../calendar/local-date.js';
import { intlLocale, type Locale } from './locale.js';

/** How much of a date `formatLocalDate` and `formatInstant` show (the `Intl` date styles). */
export type DateStyle = 'short' | 'medium' | 'long';

// Constructing an Intl formatter costs far more than using one; reports format thousands of cells.
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat>();

function cached<F extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat>(
  key: string,
  create: () => F,
): F {
  let formatter = cache.get(key);
  if (formatter === undefined) {
    formatter = create();
    cache.set(key, formatter);
  }
  return formatter as F;
}

/**
 * A number in the locale's conventions (`12,345.6` in both locales; grouping can be switched off).
 *
 * @example
 * formatNumber(6692, 'zh-CN', { useGrouping: false }); // "6692"
 */
export function formatNumber(
  value: number | bigint,
  locale: Locale,
  options: Intl.NumberFormatOptions = {},
): string {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  return cached(key, () => new Intl.NumberFormat(intlLocale(locale), options)).format(value);
}

/**
 * An amount of renminbi: `¥50,000.00` in Chinese, `CN¥50,000.00` in English (the symbol English
 * readers cannot confuse with yen).
 *
 * @throws TypeError when `amount` is not a finite number.
 */
export function formatCny(amount: number, locale: Locale): string {
  if (!Number.isFinite(amount)) throw new TypeError(`expected an amount in CNY, got ${amount}`);
  return formatNumber(amount, locale, { style: 'currency', currency: 'CNY' });
}

/**
 * A calendar date (`YYYY-MM-DD`, G-7) as the locale writes it: `2024年12月31日` or
 * `December 31, 2024`. A local date has no time zone, so none is applied.
 *
 * @throws TypeError when `date` is not a calendar date.
 */
export function formatLocalDate(
  date: LocalDate,
  locale: Locale,
  style: DateStyle = 'long',
): string {
  if (!isLocalDate(date)) throw new TypeError(`"${date}" is not a calendar date (YYYY-MM-DD)`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const formatter = cached(
    `d|${locale}|${style}`,
    () => new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: style, timeZone: 'UTC' }),
  );
  return formatter.format(new Date(Date.UTC(y, m - 1, d)));
}

/** Options of `formatInstant`. */
export interface FormatInstantOptions {
  /** The IANA zone the instant is shown in: the policy's `timezone`. */
  readonly timeZone: string;
  /** `null` shows the time only. */
  readonly dateStyle?: DateStyle | null;
  /** `null` shows the date only. */
  readonly timeStyle?: 'short' | 'medium' | null;
}

/**
 * An instant shown as wall-clock time in the policy's time zone: `2024年3月1日 09:00` or
 * `March 1, 2024 at 9:00 AM`.
 *
 * @throws TypeError when `instant` is not a valid instant or `timeZone` is not an IANA zone.
 */
export function formatInstant(
  instant: string | Date,
  locale: Locale,
  options: FormatInstantOptions,
): string {
  const at = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(at.getTime())) throw new TypeError(`"${String(instant)}" is not an instant`);
  const dateStyle = options.dateStyle === undefined ? 'long' : options.dateStyle;
  const timeStyle = options.timeStyle === undefined ? 'short' : options.timeStyle;
  const key = `t|${locale}|${options.timeZone}|${dateStyle}|${timeStyle}`;
  const formatter = cached(key, () => {
    try {
      return new Intl.DateTimeFormat(intlLocale(locale), {
        timeZone: options.timeZone,
        ...(dateStyle === null ? {} : { dateStyle }),
        ...(timeStyle === null ? {} : { timeStyle }),
        hourCycle: locale === 'zh-CN' ? 'h23' : 'h12',
      });
    } catch (cause) {
      throw new TypeError(`"${options.timeZone}" is not an IANA time zone`, { cause });
    }
  });
  return formatter.format(at);
}

/** Items joined the locale's way: `a、b和c`, `a, b, and c`; `or` gives `a、b或c`, `a, b, or c`. */
export function formatList(
  items: readonly string[],
  locale: Locale,
  type: 'and' | 'or' = 'and',
): string {
  const formatter = cached(
    `l|${locale}|${type}`,
    () =>
      new Intl.ListFormat(intlLocale(locale), {
        type: type === 'and' ? 'conjunction' : 'disjunction',
      }),
  );
  return formatter.format(items);
}
