import {
  type DateStyle,
  formatCny,
  formatInstant,
  formatList,
  formatLocalDate,
  formatNumber,
} from './intl-format.js';
import type { Locale } from './locale.js';
import type { MessageArgs } from './message-args.js';
import { type MessagePart, parseMessage } from './message-syntax.js';

/** Resolves a vocabulary code to its label; `undefined` leaves the code as it is. */
export type LabelResolver = (group: string, code: string, locale: Locale) => string | undefined;

/** Options of `formatMessage`. */
export interface FormatMessageOptions {
  /** The zone instants are shown in (`{at, datetime}`); defaults to the policy default `Asia/Shanghai`. */
  readonly timeZone?: string;
  /** Resolves `{x, label, group}`; without it codes are shown as they are. */
  readonly labels?: LabelResolver;
}

const parsed = new Map<string, readonly MessagePart[]>();

// Messages come from a fixed set of catalogs, so parsing each once is enough.
function partsOf(message: string): readonly MessagePart[] {
  let parts = parsed.get(message);
  if (parts === undefined) {
    parts = parseMessage(message);
    parsed.set(message, parts);
  }
  return parts;
}

/**
 * Renders a message in one locale with `Intl`: numbers, dates, instants and lists follow the
 * locale's conventions, plurals its plural rules (Chinese has one form, English two).
 *
 * @example
 * formatMessage('{n, plural, one {# hazard} other {# hazards}} overdue', { n: 3 }, 'en'); // "3 hazards overdue"
 * @throws TypeError when the message is malformed or a value it names is missing.
 */
export function formatMessage<const M extends string>(
  message: M,
  values: MessageArgs<M>,
  locale: Locale,
  options: FormatMessageOptions = {},
): string {
  return render(
    partsOf(message),
    values as Readonly<Record<string, unknown>>,
    locale,
    options,
    undefined,
  );
}

function render(
  parts: readonly MessagePart[],
  values: Readonly<Record<string, unknown>>,
  locale: Locale,
  options: FormatMessageOptions,
  pound: number | bigint | undefined,
): string {
  let out = '';
  for (const part of parts) {
    switch (part.kind) {
      case 'text':
        out += part.text;
        break;
      case 'pound':
        out += pound === undefined ? '#' : formatNumber(pound, locale);
        break;
      case 'value':
        out += renderValue(part, argument(values, part.name), locale, options);
        break;
      case 'plural': {
        const value = argument(values, part.name);
        const n = typeof value === 'bigint' ? value : Number(value);
        if (typeof n === 'number' && !Number.isFinite(n)) {
          throw new TypeError(`plural "${part.name}" needs a number, got ${String(value)}`);
        }
        const exact = part.cases[`=${String(n)}`];
        const category = new Intl.PluralRules(locale, {
          type: part.ordinal ? 'ordinal' : 'cardinal',
        }).select(Number(n));
        const body = exact ?? part.cases[category] ?? part.cases.other!;
        out += render(body, values, locale, options, n);
        break;
      }
      case 'select': {
        const value = argument(values, part.name);
        const body = part.cases[String(value)] ?? part.cases.other!;
        out += render(body, values, locale, options, pound);
        break;
      }
    }
  }
  return out;
}

function argument(values: Readonly<Record<string, unknown>>, name: string): unknown {
  if (!Object.hasOwn(values, name)) throw new TypeError(`message value "${name}" is missing`);
  return values[name];
}

function renderValue(
  part: Extract<MessagePart, { kind: 'value' }>,
  value: unknown,
  locale: Locale,
  options: FormatMessageOptions,
): string {
  if (value === null || value === undefined) return '—';
  switch (part.format) {
    case 'number':
      return renderNumber(value, part.style, locale);
    case 'date':
      return part.style === 'iso'
        ? String(value)
        : formatLocalDate(String(value), locale, dateStyle(part.style));
    case 'datetime':
    case 'time':
      return part.style === 'iso'
        ? value instanceof Date
          ? value.toISOString()
          : String(value)
        : formatInstant(value as string | Date, locale, {
            timeZone: options.timeZone ?? 'Asia/Shanghai',
            ...(part.format === 'time'
              ? { dateStyle: null }
              : { dateStyle: dateStyle(part.style) }),
            timeStyle: 'short',
          });
    case 'list':
      return formatList(
        asArray(value).map((item) => plain(item, locale)),
        locale,
        part.style === 'or' ? 'or' : 'and',
      );
    case 'label': {
      const group = part.style!;
      const label = (code: unknown) =>
        options.labels?.(group, String(code), locale) ?? String(code);
      return Array.isArray(value) ? formatList(value.map(label), locale, 'and') : label(value);
    }
    case undefined:
      return Array.isArray(value)
        ? formatList(
            value.map((item) => plain(item, locale)),
            locale,
            'and',
          )
        : plain(value, locale);
  }
}

function renderNumber(value: unknown, style: string | undefined, locale: Locale): string {
  const n = typeof value === 'bigint' ? value : Number(value);
  if (typeof n === 'number' && Number.isNaN(n))
    throw new TypeError(`expected a number, got ${String(value)}`);
  switch (style) {
    case undefined:
      return formatNumber(n, locale);
    case 'integer':
      return formatNumber(n, locale, { maximumFractionDigits: 0 });
    case 'plain':
      return formatNumber(n, locale, { useGrouping: false });
    case 'percent':
      return formatNumber(n, locale, { style: 'percent' });
    case 'cny':
      return formatCny(Number(n), locale);
    default:
      throw new TypeError(`unknown number style "${style}"`);
  }
}

function dateStyle(style: string | undefined): DateStyle {
  if (style === undefined) return 'long';
  if (style === 'short' || style === 'medium' || style === 'long') return style;
  throw new TypeError(`unknown date style "${style}"`);
}

function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [value];
}

function plain(value: unknown, locale: Locale): string {
  if (typeof value === 'number' || typeof value === 'bigint') return formatNumber(value, locale);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
