import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, compareLocalDates, daysBetween, isLocalDate } from './local-date.js';
import {
  endOfLocalDay,
  isOnOrBeforeLocalDate,
  isValidTimeZone,
  localDateOf,
  startOfLocalDay,
  timeZoneOffsetMs,
} from './time-zone.js';

const zones = [
  'Asia/Shanghai',
  'UTC',
  'America/New_York',
  'America/Santiago',
  'Europe/London',
  'Asia/Kolkata',
  'Pacific/Chatham',
];
const dates = fc
  .date({
    min: new Date('1995-01-01T00:00:00Z'),
    max: new Date('2040-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

describe('G-7 local calendar dates in Asia/Shanghai', () => {
  it('G-7 16:00Z is local midnight: the date changes there and not before', () => {
    expect(localDateOf('2024-03-01T15:59:59.999Z', 'Asia/Shanghai')).toBe('2024-03-01');
    expect(localDateOf('2024-03-01T16:00:00.000Z', 'Asia/Shanghai')).toBe('2024-03-02');
    expect(localDateOf('2024-03-02T00:30:00+08:00', 'Asia/Shanghai')).toBe('2024-03-02');
    expect(localDateOf(new Date('2024-12-31T16:00:00Z'), 'Asia/Shanghai')).toBe('2025-01-01');
    expect(timeZoneOffsetMs('2024-07-01T00:00:00Z', 'Asia/Shanghai')).toBe(8 * 3_600_000);
  });

  it('G-7 "by date D" means at or before D 23:59:59.999 local', () => {
    expect(endOfLocalDay('2024-03-01', 'Asia/Shanghai').toISOString()).toBe(
      '2024-03-01T15:59:59.999Z',
    );
    expect(startOfLocalDay('2024-03-01', 'Asia/Shanghai').toISOString()).toBe(
      '2024-02-29T16:00:00.000Z',
    );
    expect(
      isOnOrBeforeLocalDate('2024-03-01T23:59:59.999+08:00', '2024-03-01', 'Asia/Shanghai'),
    ).toBe(true);
    expect(
      isOnOrBeforeLocalDate('2024-03-02T00:00:00.000+08:00', '2024-03-01', 'Asia/Shanghai'),
    ).toBe(false);
    expect(isOnOrBeforeLocalDate('2024-03-01T15:59:59.999Z', '2024-03-01', 'Asia/Shanghai')).toBe(
      true,
    );
    expect(isOnOrBeforeLocalDate('2024-03-01T16:00:00.000Z', '2024-03-01', 'Asia/Shanghai')).toBe(
      false,
    );
  });

  it('handles daylight saving around midnight (skipped and repeated local midnights)', () => {
    // New York springs forward at 02:00, so its midnights are ordinary.
    expect(startOfLocalDay('2024-03-10', 'America/New_York').toISOString()).toBe(
      '2024-03-10T05:00:00.000Z',
    );
    expect(endOfLocalDay('2024-03-10', 'America/New_York').toISOString()).toBe(
      '2024-03-11T03:59:59.999Z',
    );
    // Santiago skips 2024-09-08 00:00 (clocks go from 24:00 to 01:00): the day starts at the jump.
    expect(startOfLocalDay('2024-09-08', 'America/Santiago').toISOString()).toBe(
      '2024-09-08T04:00:00.000Z',
    );
    expect(localDateOf('2024-09-08T04:00:00.000Z', 'America/Santiago')).toBe('2024-09-08');
  });

  it('knows valid and invalid time zones', () => {
    expect(isValidTimeZone('Asia/Shanghai')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(() => localDateOf('2024-01-01T00:00:00Z', 'Mars/Olympus_Mons')).toThrow(RangeError);
    expect(() => localDateOf('yesterday', 'UTC')).toThrow(TypeError);
  });
});

describe('local dates', () => {
  it('accepts only real calendar dates', () => {
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2023-02-29')).toBe(false);
    expect(isLocalDate('2024-2-1')).toBe(false);
    expect(() => addDays('2024-13-01', 1)).toThrow(TypeError);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(compareLocalDates('2024-03-01', '2024-02-29')).toBe(1);
  });

  test.prop([dates, fc.integer({ min: -4000, max: 4000 })])(
    'addDays and daysBetween are inverse',
    (date, days) => {
      expect(daysBetween(date, addDays(date, days))).toBe(days);
    },
  );

  test.prop([dates, fc.constantFrom(...zones)])(
    'G-7 the end of a local day is its last instant in every zone',
    (date, zone) => {
      const end = endOfLocalDay(date, zone);
      expect(localDateOf(end, zone)).toBe(date);
      expect(localDateOf(new Date(end.getTime() + 1), zone)).toBe(addDays(date, 1));
      const start = startOfLocalDay(date, zone);
      expect(localDateOf(start, zone)).toBe(date);
      expect(localDateOf(new Date(start.getTime() - 1), zone)).toBe(addDays(date, -1));
    },
  );
});
