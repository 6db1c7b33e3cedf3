import { describe, expect, it } from 'vitest';
import {
  AvailabilitySchema,
  maskMinutes,
  maskOverlapMinutes,
  nextOccurrences,
  overlapMinutes,
  ScheduleSchema,
  sessionFit,
  weeklyOverlapMinutes,
  weeklySlotMask,
} from '../../src/time/index.js';
import type { Occurrence } from '../../src/time/index.js';
import type { WeeklyWindow } from '../../src/schema/common.js';

const w = (day: WeeklyWindow['day'], start: string, end: string): WeeklyWindow => ({ day, start, end });

describe('overlapMinutes', () => {
  it.each([
    { a: [540, 660], b: [600, 720], expected: 60 },
    { a: [540, 660], b: [660, 720], expected: 0 },
    { a: [540, 660], b: [700, 720], expected: 0 },
    { a: [540, 720], b: [600, 630], expected: 30 },
    { a: [0, 1440], b: [0, 1440], expected: 1440 },
  ])('$a ∩ $b = $expected', ({ a, b, expected }) => {
    const [x, y] = [{ startMin: a[0] ?? 0, endMin: a[1] ?? 0 }, { startMin: b[0] ?? 0, endMin: b[1] ?? 0 }];
    expect(overlapMinutes(x, y)).toBe(expected);
    expect(overlapMinutes(y, x)).toBe(expected);
  });
});

describe('AvailabilitySchema', () => {
  it('parses windows and dates away, defaulting both to empty', () => {
    expect(AvailabilitySchema.parse({})).toEqual({ windows: [], datesAway: [] });
    expect(AvailabilitySchema.parse({ windows: [w('tue', '09:00', '12:00')], datesAway: ['2026-09-01', { from: '2026-08-01', to: '2026-08-14' }] }).datesAway).toEqual([
      { from: '2026-09-01', to: '2026-09-01' },
      { from: '2026-08-01', to: '2026-08-14' },
    ]);
  });

  it.each([
    { input: { windows: [w('tue', '12:00', '09:00')] }, path: 'windows.0.end' },
    { input: { windows: [w('tue', '25:00', '26:00')] }, path: 'windows.0.start' },
    { input: { datesAway: [{ from: '2026-08-14', to: '2026-08-01' }] }, path: 'datesAway.0.to' },
  ])('rejects bad input at $path', ({ input, path }) => {
    const result = AvailabilitySchema.safeParse(input);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});

describe('sessionFit', () => {
  const availability = AvailabilitySchema.parse({ windows: [w('tue', '10:00', '11:00'), w('wed', '09:00', '12:00'), w('wed', '11:00', '13:00')], datesAway: ['2026-01-14'] });

  it.each([
    { name: '2-hour class, 1 free hour', session: w('tue', '10:00', '12:00'), fit: { overlapMinutes: 60, sessionMinutes: 120, fraction: 0.5 } },
    { name: 'fully inside', session: w('tue', '10:15', '10:45'), fit: { overlapMinutes: 30, sessionMinutes: 30, fraction: 1 } },
    { name: 'other day', session: w('mon', '10:00', '11:00'), fit: { overlapMinutes: 0, sessionMinutes: 60, fraction: 0 } },
    { name: 'overlapping windows count once', session: w('wed', '10:00', '14:00'), fit: { overlapMinutes: 180, sessionMinutes: 240, fraction: 0.75 } },
  ])('weekly window: $name', ({ session, fit }) => {
    expect(sessionFit(session, availability)).toEqual({ ...fit, away: false });
  });

  const occurrencesOf = (opensAt: string, closesAt: string, at: string): Occurrence[] =>
    nextOccurrences([ScheduleSchema.parse({ freq: 'WEEKLY', byday: 'WE', opensAt, closesAt })], { at: new Date(at), limit: 2 });

  it('dated occurrence on the local wall clock, in GMT and BST alike', () => {
    const [january] = occurrencesOf('11:30', '13:30', '2026-01-20T00:00:00Z');
    const [july] = occurrencesOf('11:30', '13:30', '2026-07-01T00:00:00Z');
    for (const o of [january, july]) expect(o && sessionFit(o, availability)).toEqual({ overlapMinutes: 90, sessionMinutes: 120, fraction: 0.75, away: false });
  });

  it('a date away gives no overlap', () => {
    const [away, next] = occurrencesOf('10:00', '11:00', '2026-01-13T00:00:00Z');
    expect(away && sessionFit(away, availability)).toEqual({ overlapMinutes: 0, sessionMinutes: 60, fraction: 0, away: true });
    expect(next && sessionFit(next, availability)).toMatchObject({ fraction: 1, away: false });
  });

  it('a session ending at midnight, and the zone parameter', () => {
    const late: Occurrence = { start: new Date('2026-01-13T22:00:00Z'), end: new Date('2026-01-14T00:00:00Z'), timeZone: 'Europe/London', scheduleIndex: 0, extra: false };
    const evening = { windows: [w('tue', '22:30', '23:59')] };
    expect(sessionFit(late, evening)).toEqual({ overlapMinutes: 89, sessionMinutes: 120, fraction: 89 / 120, away: false });
    // Read in New York the same instants are Tuesday 17:00–19:00.
    expect(sessionFit(late, { windows: [w('tue', '17:00', '18:00')] }, 'America/New_York')).toMatchObject({ overlapMinutes: 60, sessionMinutes: 120 });
  });
});

describe('sessionFit: bad zone', () => {
  it('throws INVALID_OPTIONS naming timeZone', () => {
    const occurrence: Occurrence = { start: new Date('2026-01-13T10:00:00Z'), end: new Date('2026-01-13T11:00:00Z'), timeZone: 'Europe/London', scheduleIndex: 0, extra: false };
    expect(() => sessionFit(occurrence, { windows: [] }, 'Nowhere/Land')).toThrow(/timeZone: expected an IANA time zone/);
  });
});

describe('weekly slot mask', () => {
  it('has 21 words and counts quarter-hours', () => {
    const mask = weeklySlotMask([w('mon', '00:00', '23:45'), w('sun', '00:00', '23:45')]);
    expect(mask).toBeInstanceOf(Uint32Array);
    expect(mask.length).toBe(21);
    expect(maskMinutes(mask)).toBe(2 * 1425);
    expect(maskMinutes(weeklySlotMask([]))).toBe(0);
  });

  it('agrees with the exact overlap on aligned windows', () => {
    const a = [w('tue', '09:00', '12:00'), w('tue', '11:00', '13:15'), w('sun', '22:00', '23:45')];
    const b = [w('tue', '11:45', '14:00'), w('sun', '23:00', '23:30')];
    expect(maskOverlapMinutes(weeklySlotMask(a), weeklySlotMask(b))).toBe(120);
    expect(weeklyOverlapMinutes(a, b)).toBe(120);
  });

  it('counts only whole quarter-hours of unaligned windows (conservative)', () => {
    expect(maskMinutes(weeklySlotMask([w('fri', '09:05', '10:10')]))).toBe(45); // 09:15–10:00
    expect(maskMinutes(weeklySlotMask([w('fri', '09:05', '09:20')]))).toBe(0);
  });
});
