import { describe, expect, it } from 'vitest';
import { formatMessage } from './format-message.js';
import { messageArguments, messageLabelGroups, parseMessage } from './message-syntax.js';
import { vocabularyLabels } from './vocabulary.js';

describe('parseMessage', () => {
  it('reads values, formats, plurals and selects, and lists the arguments in order', () => {
    const parts = parseMessage(
      '{who} lacks {missing, list}: {n, plural, one {# item} other {# items of {owner}}}; {k, select, a {A} other {{x, label, hazardGrade}}}',
    );
    expect(messageArguments(parts)).toEqual(['who', 'missing', 'n', 'owner', 'k', 'x']);
    expect(messageLabelGroups(parts)).toEqual(['hazardGrade']);
  });

  it.each([
    ['{open', 'unclosed "{"'],
    ['closed}', 'unmatched "}"'],
    ['{two words}', 'is not an identifier'],
    ['{n, currency}', 'unknown format "currency"'],
    ['{n, number, money}', 'unknown number style "money"'],
    ['{n, plural, one {x}}', 'needs an "other" case'],
    ['{k, select, a {x} a {y} other {z}}', 'case "a" appears twice'],
    ['{x, label}', 'needs a group'],
    ['{d, date, full}', 'unknown date style "full"'],
  ])('rejects %j: %s', (message, problem) => {
    expect(() => parseMessage(message)).toThrow(problem);
  });

  it('keeps apostrophes literal, unlike ICU quoting', () => {
    expect(formatMessage("the stream's first time {t}", { t: 'x' }, 'en')).toBe(
      "the stream's first time x",
    );
  });
});

describe('formatMessage', () => {
  it('chooses plural forms by the locale rules; Chinese has one form', () => {
    const message = '{n, plural, =0 {no hazard} one {# hazard} other {# hazards}}';
    expect(formatMessage(message, { n: 0 }, 'en')).toBe('no hazard');
    expect(formatMessage(message, { n: 1 }, 'en')).toBe('1 hazard');
    expect(formatMessage(message, { n: 1200 }, 'en')).toBe('1,200 hazards');
    expect(formatMessage('{n, plural, other {#项隐患}}', { n: 1 }, 'zh-CN')).toBe('1项隐患');
  });

  it('selects a case, and the other case for an unnamed value', () => {
    const message = '{bound, select, latest {晚于} earliest {早于} other {超出}}';
    expect(formatMessage(message, { bound: 'earliest' }, 'zh-CN')).toBe('早于');
    expect(formatMessage(message, { bound: 'unknown' as never }, 'zh-CN')).toBe('超出');
  });

  it('joins lists the way each language does', () => {
    expect(formatMessage('缺少{m, list}', { m: ['责任人', '资金', '预案'] }, 'zh-CN')).toBe(
      '缺少责任人、资金和预案',
    );
    expect(formatMessage('lacks {m, list}', { m: ['a', 'b', 'c'] }, 'en')).toBe(
      'lacks a, b, and c',
    );
    expect(formatMessage('{m, list, or}', { m: ['a', 'b'] }, 'zh-CN')).toBe('a或b');
    expect(formatMessage('{m}', { m: ['a', 'b'] }, 'en')).toBe('a and b');
  });

  it('shows vocabulary codes as labels, and unknown codes as they are', () => {
    const options = { labels: vocabularyLabels };
    expect(formatMessage('{g, label, hazardGrade}', { g: 'major' }, 'zh-CN', options)).toBe(
      '重大事故隐患',
    );
    expect(
      formatMessage('{s, label, hazardState}', { s: ['open', 'verified'] }, 'zh-CN', options),
    ).toBe('整改中和已验收待销号');
    expect(formatMessage('{g, label, hazardGrade}', { g: 'huge' }, 'en', options)).toBe('huge');
    expect(formatMessage('{g, label, hazardGrade}', { g: 'major' }, 'en')).toBe('major');
  });

  it('formats numbers, amounts, dates and instants per locale and time zone', () => {
    expect(formatMessage('{n, number}', { n: 50000 }, 'zh-CN')).toBe('50,000');
    expect(formatMessage('{n, number, plain}', { n: 2024 }, 'en')).toBe('2024');
    expect(formatMessage('{n, number, cny}', { n: 50000 }, 'zh-CN')).toBe('¥50,000.00');
    expect(formatMessage('{n, number, cny}', { n: 50000 }, 'en')).toBe('CN¥50,000.00');
    expect(formatMessage('{d, date}', { d: '2024-12-31' }, 'zh-CN')).toBe('2024年12月31日');
    expect(formatMessage('{d, date}', { d: '2024-12-31' }, 'en')).toBe('December 31, 2024');
    expect(formatMessage('{d, date, iso}', { d: '2024-12-31' }, 'en')).toBe('2024-12-31');
    const at = '2024-03-01T01:00:00Z';
    expect(formatMessage('{t, datetime}', { t: at }, 'zh-CN')).toBe('2024年3月1日 09:00');
    expect(formatMessage('{t, datetime}', { t: at }, 'en', { timeZone: 'UTC' })).toBe(
      'March 1, 2024 at 1:00 AM',
    );
    expect(formatMessage('{t, time}', { t: at }, 'zh-CN')).toBe('09:00');
  });

  it('shows a missing value (null) as a dash, but refuses a value the message names and is not given', () => {
    expect(formatMessage('last {v}', { v: null }, 'en')).toBe('last —');
    expect(() => formatMessage('last {v}', {} as never, 'en')).toThrow('"v" is missing');
  });
});
