// The direct path for plain weekly sessions (src/time/weekly.ts) against the general occurrence
// engine, which stays the source of truth: same instants, fields and order for any windows, any
// query time (clock changes included), any zone and limit.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { weeklySchedule } from '../../src/rank/sessions.js';
import { DAYS } from '../../src/schema/common.js';
import type { WeeklyWindow } from '../../src/schema/common.js';
import { occurrencesFrom } from '../../src/time/occurrences.js';
import { weeklyOccurrencesFrom } from '../../src/time/weekly.js';

const ZONES = ['Europe/London', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'UTC', 'Australia/Lord_Howe', 'America/Santiago', 'America/Nuuk'] as const;

/**
 * Clock changes of 2026 (zone, UTC instant) the query times cluster around, so that sessions
 * fall on both sides of them, in the skipped hour and in the repeated one.
 */
const CHANGES: ReadonlyArray<readonly [(typeof ZONES)[number], number, WeeklyWindow['day'], number]> = (
  [
    // zone, instant, local weekday and wall-clock minutes at which the clocks change
    ['Europe/London', '2026-03-29T01:00:00Z', 'sun', 60], // 01:00 GMT → 02:00 BST
    ['Europe/London', '2026-10-25T01:00:00Z', 'sun', 120], // 02:00 BST → 01:00 GMT
    ['America/New_York', '2026-03-08T07:00:00Z', 'sun', 120], // 02:00 EST → 03:00 EDT
    ['America/New_York', '2026-11-01T06:00:00Z', 'sun', 120], // 02:00 EDT → 01:00 EST
    ['Australia/Sydney', '2026-04-04T16:00:00Z', 'sun', 180], // 03:00 AEDT → 02:00 AEST (5 April local)
    ['Australia/Sydney', '2026-10-03T16:00:00Z', 'sun', 120], // 02:00 AEST → 03:00 AEDT (4 October local)
    ['Australia/Lord_Howe', '2026-04-04T15:00:00Z', 'sun', 120], // 02:00 → 01:30 (a half-hour change)
    ['America/Santiago', '2026-09-06T04:00:00Z', 'sun', 0], // 00:00 → 01:00 (midnight skipped)
    ['America/Santiago', '2026-04-05T03:00:00Z', 'sun', 0], // 00:00 → 23:00 the day before (midnight repeated)
    ['America/Nuuk', '2026-03-29T01:00:00Z', 'sat', 23 * 60], // Saturday 23:00 → Sunday 00:00 (the skipped hour ends a day)
  ] as const
).map(([zone, iso, day, minutes]) => [zone, Date.parse(iso), day, minutes] as const);

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Minutes after midnight, often near the small hours or late evening where clocks change, or on the hour. */
const minuteArb = fc.oneof(
  fc.integer({ min: 0, max: 1439 }),
  fc.integer({ min: 0, max: 4 * 60 }),
  fc.integer({ min: 22 * 60, max: 1439 }),
  fc.integer({ min: 0, max: 23 }).map((h) => h * 60),
  fc.integer({ min: 0, max: 47 }).map((h) => h * 30),
);

/** A valid weekly window (end after start, both HH:MM). */
const windowArb: fc.Arbitrary<WeeklyWindow> = fc
  .record({ day: fc.constantFrom(...DAYS), a: minuteArb, b: minuteArb })
  .filter(({ a, b }) => a !== b)
  .map(({ day, a, b }) => ({ day, start: clock(Math.min(a, b)), end: clock(Math.max(a, b)) }));

/** Several windows, sometimes with exact copies and shared starts (ties between indices). */
const windowsArb: fc.Arbitrary<WeeklyWindow[]> = fc
  .tuple(fc.array(windowArb, { minLength: 0, maxLength: 7 }), fc.array(fc.nat(), { maxLength: 3 }), fc.array(fc.tuple(fc.nat(), minuteArb), { maxLength: 2 }))
  .map(([windows, copies, sameStart]) => {
    if (windows.length === 0) return windows;
    const out = [...windows];
    for (const i of copies) out.splice(i % (out.length + 1), 0, windows[i % windows.length] as WeeklyWindow);
    for (const [i, end] of sameStart) {
      const w = windows[i % windows.length] as WeeklyWindow;
      const start = Number(w.start.slice(0, 2)) * 60 + Number(w.start.slice(3));
      if (end > start) out.push({ day: w.day, start: w.start, end: clock(end) });
    }
    return out;
  });

/**
 * A zone and a query instant: anywhere from 2024 to 2030 in any zone, or close to one of the
 * zone's clock changes (within days, within hours, on exact minutes, or the same date in
 * another year).
 */
const zoneAndAtArb: fc.Arbitrary<{ zone: string; at: Date }> = fc.oneof(
  fc.record({ zone: fc.constantFrom(...ZONES), at: fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 11, 31) }).map((ms) => new Date(ms)) }),
  fc.tuple(fc.constantFrom(...CHANGES), fc.integer({ min: -10 * 24 * 60, max: 10 * 24 * 60 })).map(([[zone, change], minutes]) => ({ zone, at: new Date(change + minutes * MINUTE_MS) })),
  fc.tuple(fc.constantFrom(...CHANGES), fc.integer({ min: -26 * 60, max: 26 * 60 })).map(([[zone, change], minutes]) => ({ zone, at: new Date(change + minutes * MINUTE_MS) })),
  fc.tuple(fc.constantFrom(...CHANGES), fc.integer({ min: -3 * DAY_MS, max: 3 * DAY_MS })).map(([[zone, change], ms]) => ({ zone, at: new Date(change + ms) })),
  fc.tuple(fc.integer({ min: 2024, max: 2030 }), fc.constantFrom(...CHANGES), fc.integer({ min: -8, max: 8 })).map(([year, [zone, change], days]) => {
    const at = new Date(change + days * DAY_MS);
    at.setUTCFullYear(year);
    return { zone, at };
  }),
);

/** Field by field, in order, with instants as ISO text so a failure reads well. */
const shown = (occurrences: readonly { start: Date; end: Date; timeZone: string; scheduleIndex: number; extra: boolean }[]) =>
  occurrences.map((o) => ({ start: o.start.toISOString(), end: o.end.toISOString(), timeZone: o.timeZone, scheduleIndex: o.scheduleIndex, extra: o.extra }));

describe('weeklyOccurrencesFrom', () => {
  it('equals the occurrence engine on the same windows as weekly schedules', () => {
    let nonEmpty = 0;
    fc.assert(
      fc.property(windowsArb, zoneAndAtArb, fc.integer({ min: 1, max: 12 }), (windows, { zone, at }, limit) => {
        const engine = occurrencesFrom(windows.map(weeklySchedule), at, zone, limit);
        const direct = weeklyOccurrencesFrom(windows, at, zone, limit);
        expect(shown(direct)).toEqual(shown(engine));
        expect(direct).toEqual(engine);
        if (engine.length > 0) nonEmpty++;
      }),
      { numRuns: 1500, seed: 20261123 },
    );
    expect(nonEmpty).toBeGreaterThan(1000); // the comparison is not vacuous
  });

  it('equals the engine for sessions in, across and next to the hour a clock change skips or repeats', () => {
    const nearChange = fc.constantFrom(...CHANGES).chain(([zone, change, day, minutes]) => {
      const index = DAYS.indexOf(day);
      const windowNear = fc
        .record({ shift: fc.integer({ min: -1, max: 1 }), from: fc.integer({ min: -120, max: 120 }), length: fc.integer({ min: 1, max: 180 }) })
        .map(({ shift, from, length }) => {
          const start = Math.min(1438, Math.max(0, minutes + from));
          return { day: DAYS[(index + shift + 7) % 7] as WeeklyWindow['day'], start: clock(start), end: clock(Math.min(1439, start + length)) };
        });
      return fc.record({
        zone: fc.constant(zone),
        windows: fc.array(windowNear, { minLength: 1, maxLength: 5 }),
        at: fc.integer({ min: -3 * 60, max: 3 * 60 }).map((m) => new Date(change + m * MINUTE_MS)),
        limit: fc.integer({ min: 1, max: 12 }),
      });
    });
    fc.assert(
      fc.property(nearChange, ({ zone, windows, at, limit }) => {
        expect(shown(weeklyOccurrencesFrom(windows, at, zone, limit))).toEqual(shown(occurrencesFrom(windows.map(weeklySchedule), at, zone, limit)));
      }),
      { numRuns: 1000, seed: 29 },
    );
  });

  it('equals the engine with any search horizon, including one that ends before the limit is reached', () => {
    fc.assert(
      fc.property(windowsArb, zoneAndAtArb, fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 60 }), (windows, { zone, at }, limit, horizonDays) => {
        expect(shown(weeklyOccurrencesFrom(windows, at, zone, limit, horizonDays))).toEqual(shown(occurrencesFrom(windows.map(weeklySchedule), at, zone, limit, horizonDays)));
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it('returns a session starting exactly at the query time, not one already in progress', () => {
    const windows: WeeklyWindow[] = [{ day: 'mon', start: '09:00', end: '10:00' }, { day: 'mon', start: '08:30', end: '09:30' }];
    const at = new Date('2026-11-23T09:00:00Z'); // Monday 09:00 GMT
    expect(shown(weeklyOccurrencesFrom(windows, at, 'Europe/London', 2))).toEqual([
      { start: '2026-11-23T09:00:00.000Z', end: '2026-11-23T10:00:00.000Z', timeZone: 'Europe/London', scheduleIndex: 0, extra: false },
      { start: '2026-11-30T08:30:00.000Z', end: '2026-11-30T09:30:00.000Z', timeZone: 'Europe/London', scheduleIndex: 1, extra: false },
    ]);
  });

  it('moves a start in the skipped spring hour forward and keeps the session’s length', () => {
    const [first] = weeklyOccurrencesFrom([{ day: 'sun', start: '01:30', end: '02:00' }], new Date('2026-03-28T12:00:00Z'), 'Europe/London', 1);
    expect([first?.start.toISOString(), first?.end.toISOString()]).toEqual(['2026-03-29T01:30:00.000Z', '2026-03-29T02:00:00.000Z']); // 02:30–03:00 BST
  });

  it('finds a session of the day before the query’s local date that a gap pushed past midnight', () => {
    // Nuuk skips Saturday 23:00–00:00 on 28–29 March 2026: Saturday 23:30 is Sunday 00:30 (-01), i.e. 01:30Z.
    const found = weeklyOccurrencesFrom([{ day: 'sat', start: '23:30', end: '23:45' }], new Date('2026-03-29T01:10:00Z'), 'America/Nuuk', 1); // Sunday 00:10 local
    expect(shown(found)).toEqual([{ start: '2026-03-29T01:30:00.000Z', end: '2026-03-29T01:45:00.000Z', timeZone: 'America/Nuuk', scheduleIndex: 0, extra: false }]);
  });

  it('reads a repeated autumn time as the first one', () => {
    const [first] = weeklyOccurrencesFrom([{ day: 'sun', start: '01:30', end: '02:30' }], new Date('2026-10-24T12:00:00Z'), 'Europe/London', 1);
    expect(first?.start.toISOString()).toBe('2026-10-25T00:30:00.000Z'); // 01:30 BST
  });

  it('orders equal starts by window index and keeps identical windows', () => {
    const w: WeeklyWindow = { day: 'tue', start: '10:00', end: '11:00' };
    const found = weeklyOccurrencesFrom([{ ...w, end: '12:00' }, w, w], new Date('2026-11-23T09:00:00Z'), 'UTC', 4);
    expect(found.map((o) => [o.scheduleIndex, o.start.toISOString(), o.end.toISOString()])).toEqual([
      [0, '2026-11-24T10:00:00.000Z', '2026-11-24T12:00:00.000Z'],
      [1, '2026-11-24T10:00:00.000Z', '2026-11-24T11:00:00.000Z'],
      [2, '2026-11-24T10:00:00.000Z', '2026-11-24T11:00:00.000Z'],
      [0, '2026-12-01T10:00:00.000Z', '2026-12-01T12:00:00.000Z'],
    ]);
  });

  it('finds nothing without windows', () => {
    expect(weeklyOccurrencesFrom([], new Date('2026-11-23T09:00:00Z'), 'Europe/London', 3)).toEqual([]);
  });
});
