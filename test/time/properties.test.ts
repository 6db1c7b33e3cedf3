// Property tests: nextOccurrences against a brute-force day-by-day oracle, and the
// availability arithmetic. Each property is sized to run well under a second.
import { TZDate, tzOffset } from '@date-fns/tz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAYS } from '../../src/schema/common.js';
import type { WeeklyWindow } from '../../src/schema/common.js';
import {
  clockMinutes,
  maskMinutes,
  maskOverlapMinutes,
  nextOccurrences,
  overlapMinutes,
  ScheduleSchema,
  sessionFit,
  WEEKDAY_CODES,
  weeklyOverlapMinutes,
  weeklySlotMask,
} from '../../src/time/index.js';
import type { Schedule, ScheduleInput } from '../../src/time/index.js';

const ZONE = 'Europe/London';
const HORIZON = 120;
const DAY_MS = 86_400_000;
const BASE = Date.UTC(2024, 0, 1) / DAY_MS;

// Independent calendar helpers for the oracle (Date.UTC based, day by day).
const dayOf = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const weekday = (day: number) => (new Date(day * DAY_MS).getUTCDay() + 6) % 7; // Monday 0
const dom = (day: number) => new Date(day * DAY_MS).getUTCDate();
const monthNo = (day: number) => new Date(day * DAY_MS).getUTCFullYear() * 12 + new Date(day * DAY_MS).getUTCMonth();
const monthLength = (day: number) => new Date(Date.UTC(new Date(day * DAY_MS).getUTCFullYear(), new Date(day * DAY_MS).getUTCMonth() + 1, 0)).getUTCDate();
const localOf = (instant: Date) => {
  const t = new TZDate(instant.getTime(), ZONE);
  return { day: Date.UTC(t.getFullYear(), t.getMonth(), t.getDate()) / DAY_MS, minutes: t.getHours() * 60 + t.getMinutes() };
};

/** Does the rule (ignoring bounds, count, closures) produce `day`? */
function ruleMatches(s: Schedule, day: number): boolean {
  const start = s.dtstart === undefined ? undefined : dayOf(s.dtstart);
  if (s.freq === undefined) return day === start;
  if (s.freq === 'WEEKLY') {
    const days = s.byday.length > 0 ? s.byday.map((b) => DAYS.indexOf(b.day)) : [weekday(start as number)];
    if (!days.includes(weekday(day))) return false;
    if (s.interval === 1) return true;
    const wk = DAYS.indexOf(s.wkst);
    const weekStart = (d: number) => d - ((weekday(d) - wk + 7) % 7);
    return ((weekStart(day) - weekStart(start as number)) / 7) % s.interval === 0;
  }
  if (start !== undefined && (monthNo(day) - monthNo(start)) % s.interval !== 0) return false;
  const byday = s.byday.some((b) => {
    if (DAYS.indexOf(b.day) !== weekday(day)) return false;
    if (b.ordinal === undefined) return true;
    return b.ordinal > 0 ? Math.ceil(dom(day) / 7) === b.ordinal : Math.floor((monthLength(day) - dom(day)) / 7) + 1 === -b.ordinal;
  });
  const bymonthday = s.bymonthday.some((n) => (n > 0 ? dom(day) === n : dom(day) === monthLength(day) + n + 1));
  if (s.byday.length > 0 && s.bymonthday.length > 0) return byday && bymonthday;
  if (s.byday.length > 0) return byday;
  if (s.bymonthday.length > 0) return bymonthday;
  return dom(day) === dom(start as number);
}

const closedOn = (s: Schedule, day: number) => s.closures.some((c) => day >= dayOf(c.from) && day <= dayOf(c.to));

/** Regular days the oracle allows: rule, dtstart, until, count, validFrom, closures. */
function regularDays(s: Schedule, from: number, to: number): number[] {
  if (s.opensAt === undefined) return [];
  const start = s.dtstart === undefined ? from : dayOf(s.dtstart);
  const until = s.until === undefined ? Infinity : dayOf(s.until);
  const validFrom = s.validFrom === undefined ? -Infinity : dayOf(s.validFrom);
  const out: number[] = [];
  let counted = 0;
  for (let d = s.count === undefined ? Math.max(from, start) : start; d <= Math.min(to, until); d++) {
    if (!ruleMatches(s, d)) continue;
    if (s.count !== undefined && ++counted > s.count) break;
    if (d >= from && d >= validFrom && !closedOn(s, d)) out.push(d);
  }
  return out;
}

const isoDate = (from: number, span: number) => fc.integer({ min: 0, max: span }).map((n) => isoOf(from + n));
const weekdayCode = fc.constantFrom(...WEEKDAY_CODES);

const scheduleArb: fc.Arbitrary<ScheduleInput> = fc
  .record({
    freq: fc.constantFrom<'WEEKLY' | 'MONTHLY' | undefined>('WEEKLY', 'MONTHLY', undefined),
    days: fc.uniqueArray(weekdayCode, { maxLength: 3 }),
    ordinals: fc.array(fc.constantFrom(undefined, 1, 2, 3, 4, 5, -1, -2, -5), { minLength: 3, maxLength: 3 }),
    monthDays: fc.uniqueArray(fc.integer({ min: -31, max: 31 }).filter((n) => n !== 0), { maxLength: 2 }),
    interval: fc.integer({ min: 1, max: 3 }),
    wkst: weekdayCode,
    dtstart: fc.option(isoDate(BASE, 5 * 365), { nil: undefined }),
    end: fc.option(fc.oneof(fc.record({ until: fc.integer({ min: 0, max: 900 }), count: fc.constant(undefined) }), fc.record({ until: fc.constant(undefined), count: fc.integer({ min: 1, max: 40 }) })), { nil: undefined }),
    validFrom: fc.option(isoDate(BASE, 5 * 365), { nil: undefined }),
    opens: fc.integer({ min: 0, max: 1380 }),
    length: fc.integer({ min: 1, max: 240 }),
    closures: fc.array(fc.tuple(fc.integer({ min: 0, max: 5 * 365 }), fc.integer({ min: 0, max: 20 })), { maxLength: 3 }),
    extras: fc.array(isoDate(BASE, 5 * 365), { maxLength: 2 }),
  })
  .map((g): ScheduleInput => {
    const needsStart = g.freq === undefined || g.interval > 1 || g.end?.count !== undefined || (g.days.length === 0 && (g.freq === 'WEEKLY' || g.monthDays.length === 0));
    const dtstart = g.dtstart ?? (needsStart ? isoOf(BASE + 400) : undefined);
    const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    const input: ScheduleInput = {
      opensAt: clock(g.opens),
      closesAt: clock(Math.min(1440, g.opens + g.length)),
      closures: g.closures.map(([from, span]) => ({ from: isoOf(BASE + from), to: isoOf(BASE + from + span) })),
      extraSessions: g.extras.map((date) => ({ date })),
      ...(dtstart === undefined ? {} : { dtstart }),
      ...(g.validFrom === undefined ? {} : { validFrom: g.validFrom }),
    };
    if (g.freq === undefined) return input;
    const byday = g.days.map((d, i) => (g.freq === 'MONTHLY' && g.ordinals[i] !== undefined ? `${g.ordinals[i]}${d}` : d));
    const untilDay = g.end?.until === undefined ? undefined : (dtstart === undefined ? BASE : dayOf(dtstart)) + g.end.until;
    return {
      ...input,
      freq: g.freq,
      interval: g.interval,
      wkst: g.wkst,
      byday,
      ...(g.freq === 'MONTHLY' ? { bymonthday: g.monthDays } : {}),
      ...(untilDay === undefined ? {} : { until: isoOf(untilDay) }),
      ...(g.end?.count === undefined ? {} : { count: g.end.count }),
    };
  });

const atArb = fc.integer({ min: BASE * DAY_MS, max: (BASE + 5 * 365) * DAY_MS }).map((ms) => new Date(ms));
/** Away from a clock change (the skipped and repeated hours are pinned in dst.test.ts). */
const steadyClock = (at: Date) => tzOffset(ZONE, new Date(at.getTime() - DAY_MS)) === tzOffset(ZONE, new Date(at.getTime() + 2 * DAY_MS));

describe('nextOccurrences properties', () => {
  it('match a brute-force oracle: never before `at`, inside dtstart/until/count/validFrom, never on a closure, nothing skipped', () => {
    fc.assert(
      fc.property(fc.array(scheduleArb, { minLength: 1, maxLength: 3 }), atArb, fc.integer({ min: 1, max: 6 }), (inputs, at, limit) => {
        fc.pre(steadyClock(at));
        const schedules = inputs.map((s) => ScheduleSchema.parse(s));
        const found = nextOccurrences(schedules, { at, limit, horizonDays: HORIZON });
        expect(found.length).toBeLessThanOrEqual(limit);
        const here = localOf(at);
        const key = (i: number, day: number, minutes: number, extra: boolean) => `${i}|${isoOf(day)}|${minutes}|${extra}`;
        const expected = new Set<string>();
        schedules.forEach((s, i) => {
          const ok = (day: number, minutes: number) => day > here.day || (day === here.day && minutes * 60_000 >= here.minutes * 60_000 + (at.getTime() % 60_000));
          const opens = clockMinutes(s.opensAt ?? '') ?? 0;
          for (const d of regularDays(s, here.day - 1, here.day + HORIZON)) if (ok(d, opens)) expected.add(key(i, d, opens, false));
          for (const e of s.extraSessions) {
            const d = dayOf(e.date);
            const m = clockMinutes(e.opensAt) ?? 0;
            // An extra session repeating a regular one (same times) is returned once, as regular.
            if (d <= here.day + HORIZON && ok(d, m) && !closedOn(s, d) && !expected.has(key(i, d, m, false))) expected.add(key(i, d, m, true));
          }
        });
        const got = found.map((o) => {
          expect(o.start.getTime()).toBeGreaterThanOrEqual(at.getTime());
          expect(o.end.getTime()).toBeGreaterThan(o.start.getTime());
          const local = localOf(o.start);
          const s = schedules[o.scheduleIndex] as Schedule;
          const opensAt = o.extra ? s.extraSessions.find((e) => dayOf(e.date) === local.day)?.opensAt : s.opensAt;
          const minutes = clockMinutes(opensAt ?? '') ?? -1;
          // Wall clock as scheduled, or an hour later when the start fell in the spring-forward gap.
          const sprang = tzOffset(ZONE, o.start) > tzOffset(ZONE, new Date(o.start.getTime() - 2 * 3_600_000));
          expect(local.minutes === minutes || (sprang && local.minutes === minutes + 60)).toBe(true);
          return { day: local.day, k: key(o.scheduleIndex, local.day, minutes, o.extra) };
        });
        for (const g of got) expect(expected.has(g.k)).toBe(true);
        const lastDay = got.length === limit ? (got[got.length - 1]?.day ?? Infinity) : Infinity;
        const gotKeys = new Set(got.map((g) => g.k));
        for (const k of expected) if (dayOf(k.split('|')[1] ?? '') < lastDay) expect(gotKeys.has(k)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('are sorted by start, then schedule index', () => {
    fc.assert(
      fc.property(fc.array(scheduleArb, { minLength: 1, maxLength: 4 }), atArb, (inputs, at) => {
        const found = nextOccurrences(inputs.map((s) => ScheduleSchema.parse(s)), { at, limit: 8, horizonDays: HORIZON });
        for (let i = 1; i < found.length; i++) {
          const [a, b] = [found[i - 1], found[i]];
          if (!a || !b) continue;
          expect(a.start.getTime() < b.start.getTime() || (a.start.getTime() === b.start.getTime() && a.scheduleIndex <= b.scheduleIndex)).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });
});

const spanArb = fc.tuple(fc.integer({ min: 0, max: 1440 }), fc.integer({ min: 0, max: 1440 })).map(([x, y]) => ({ startMin: Math.min(x, y), endMin: Math.max(x, y) }));
const alignedWindow: fc.Arbitrary<WeeklyWindow> = fc
  .record({ day: fc.constantFrom(...DAYS), a: fc.integer({ min: 0, max: 95 }), b: fc.integer({ min: 0, max: 95 }) })
  .filter(({ a, b }) => a !== b)
  .map(({ day, a, b }) => {
    const clock = (q: number) => `${String(Math.floor(q / 4)).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')}`;
    return { day, start: clock(Math.min(a, b)), end: clock(Math.max(a, b)) };
  });

describe('availability properties', () => {
  it('overlapMinutes is symmetric, non-negative and bounded by both lengths', () => {
    fc.assert(
      fc.property(spanArb, spanArb, (a, b) => {
        const o = overlapMinutes(a, b);
        expect(o).toBe(overlapMinutes(b, a));
        expect(o).toBeGreaterThanOrEqual(0);
        expect(o).toBeLessThanOrEqual(Math.min(a.endMin - a.startMin, b.endMin - b.startMin));
      }),
    );
  });

  it('mask overlap equals the exact overlap on quarter-hour-aligned windows', () => {
    fc.assert(
      fc.property(fc.array(alignedWindow, { maxLength: 8 }), fc.array(alignedWindow, { maxLength: 8 }), (a, b) => {
        const [ma, mb] = [weeklySlotMask(a), weeklySlotMask(b)];
        expect(maskOverlapMinutes(ma, mb)).toBe(weeklyOverlapMinutes(a, b));
        expect(maskOverlapMinutes(ma, mb)).toBe(maskOverlapMinutes(mb, ma));
        expect(maskMinutes(ma)).toBe(weeklyOverlapMinutes(a, a));
      }),
    );
  });

  it('sessionFit: overlap within the session, fraction within 0..1', () => {
    fc.assert(
      fc.property(alignedWindow, fc.array(alignedWindow, { maxLength: 6 }), (session, windows) => {
        const fit = sessionFit(session, { windows });
        expect(fit.overlapMinutes).toBeLessThanOrEqual(fit.sessionMinutes);
        expect(fit.fraction).toBeGreaterThanOrEqual(0);
        expect(fit.fraction).toBeLessThanOrEqual(1);
        expect(fit.overlapMinutes).toBe(weeklyOverlapMinutes([session], windows));
      }),
    );
  });
});
