import { describe, expect, it } from 'vitest';
import {
  formatCny,
  formatInstant,
  formatList,
  formatLocalDate,
  formatNumber,
} from './intl-format.js';

describe('Intl formatting in both locales', () => {
  it('writes local dates without shifting them across a time zone', () => {
    expect(formatLocalDate('2024-01-01', 'zh-CN')).toBe('2024年1月1日');
    expect(formatLocalDate('2024-01-01', 'en', 'medium')).toBe('Jan 1, 2024');
    expect(formatLocalDate('2024-12-31', 'zh-CN', 'short')).toBe('2024/12/31');
    expect(() => formatLocalDate('2024-02-30', 'en')).toThrow(
      '"2024-02-30" is not a calendar date',
    );
  });

  it('shows an instant as wall-clock time of the policy zone (G-7)', () => {
    const lateEvening = '2024-12-31T15:30:00Z'; // 23:30 in Shanghai
    expect(formatInstant(lateEvening, 'zh-CN', { timeZone: 'Asia/Shanghai' })).toBe(
      '2024年12月31日 23:30',
    );
    expect(
      formatInstant(lateEvening, 'zh-CN', { timeZone: 'Asia/Shanghai', timeStyle: null }),
    ).toBe('2024年12月31日');
    expect(formatInstant(new Date(lateEvening), 'en', { timeZone: 'Europe/London' })).toBe(
      'December 31, 2024 at 3:30 PM',
    );
    expect(() => formatInstant('yesterday', 'en', { timeZone: 'UTC' })).toThrow('not an instant');
    expect(() => formatInstant(lateEvening, 'en', { timeZone: 'Mars/Base' })).toThrow(
      '"Mars/Base" is not an IANA time zone',
    );
  });

  it('formats numbers and renminbi', () => {
    expect(formatNumber(6692, 'zh-CN')).toBe('6,692');
    expect(formatNumber(6692, 'en', { useGrouping: false })).toBe('6692');
    expect(formatCny(1234.5, 'zh-CN')).toBe('¥1,234.50');
    expect(formatCny(1234.5, 'en')).toBe('CN¥1,234.50');
    expect(() => formatCny(Number.NaN, 'en')).toThrow('expected an amount in CNY');
  });

  it('joins lists', () => {
    expect(formatList(['电动自行车', '危化品', '高层建筑消防'], 'zh-CN')).toBe(
      '电动自行车、危化品和高层建筑消防',
    );
    expect(formatList(['x'], 'en', 'or')).toBe('x');
  });
});
