/**
 * The scoring formulas, cost codes and timetable rules, restated for the reference
 * implementation from their documentation (README "How scoring works", the TSDoc of
 * `src/signals/factors.ts`, `src/time/pattern.ts` and `src/time/places.ts`), without importing
 * the library's helpers: so the property tests comparing the fast path with the reference check
 * these formulas too. A bug in one of the library's helpers (a swapped cost-table cell, a
 * dropped clamp, an off-by-one in a cohort's last joining day) now makes the two disagree.
 *
 * Written by meaning (cost levels, intensities and group sizes by name, not by code) and with
 * the same arithmetic as documented, so equal inputs give equal floating-point values.
 */
import type { Activity, ClientProfile, Schedule } from '../../src/index.js';

const DAY_MS = 86_400_000;
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

// ── Factors (README "How scoring works", step 4) ───────────────────────────────────────────

/** "Linear decay to the travel limit": 1 − km/limit, clamped; a limit of 0 gives 1 at 0 km, 0 beyond. */
export function distance(km: number, limitKm: number): number {
  if (limitKm <= 0) return km <= 0 ? 1 : 0;
  return clamp01(1 - km / limitKm);
}

/** The haversine formula, d = 2R·asin(√(sin²(Δφ/2) + cos φ₁·cos φ₂·sin²(Δλ/2))), R = 6371.0088 km. */
export function greatCircleKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const h = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** m of the client's n conditions among the d the activity is designed for: 0.75 + 0.25·m/n; 0.5 general; 0.25 other conditions only. */
export function conditions(matched: number, clientCount: number, designedCount: number): number {
  if (matched > 0) return 0.75 + (0.25 * matched) / clientCount;
  return designedCount === 0 ? 0.5 : 0.25;
}

const INTENSITY_DEMAND: Readonly<Record<string, number>> = { none: 0, light: 0.25, moderate: 0.55, vigorous: 0.85 };
const GROUP_DEMAND: Readonly<Record<string, number>> = { 'one-to-one': 0, small: 0.05, medium: 0.1, large: 0.15 };

/** Intensity demand + group demand (0.4 and 0.1 when not recorded), + 0.15 for a gym, − 0.15 with staff support; clamped. */
export function demand(a: Activity): number {
  const intensity = a.intensity === undefined ? 0.4 : (INTENSITY_DEMAND[a.intensity] as number);
  const group = a.groupSize === undefined ? 0.1 : (GROUP_DEMAND[a.groupSize] as number);
  return clamp01(intensity + group + (a.tags.includes('gym') ? 0.15 : 0) - (a.supported === true ? 0.15 : 0));
}

/** Capacity 0.2, 0.45, 0.7, 1 for PAM levels 1 to 4: 1 − 2·max(0, d − c) − 0.4·max(0, c − d), clamped. */
export function activation(level: number, d: number): number {
  const capacity = [0.2, 0.45, 0.7, 1][level - 1] as number;
  return clamp01(1 - 2 * Math.max(0, d - capacity) - 0.4 * Math.max(0, capacity - d));
}

/**
 * The mean of the parts that apply (0.5 when none): needs other than loneliness, 0.6 + 0.4·m/n
 * when any is met, else 0; loneliness 1: 0.8 social in person, 0.6 social by phone or online,
 * else 0.2; loneliness 2: befriending 1 in person and 0.9 remote, else as for 1.
 */
export function needs(matched: number, needCount: number, loneliness: 0 | 1 | 2, social: boolean, befriending: boolean, inPerson: boolean): number {
  const parts: number[] = [];
  if (needCount > 0) parts.push(matched > 0 ? 0.6 + (0.4 * matched) / needCount : 0);
  if (loneliness === 2 && befriending) parts.push(inPerson ? 1 : 0.9);
  else if (loneliness > 0) parts.push(social ? (inPerson ? 0.8 : 0.6) : 0.2);
  return parts.length === 0 ? 0.5 : parts.reduce((s, p) => s + p, 0) / parts.length;
}

/** 0.5 + 0.5·m/n when any of the client's n interests match, 0 when none, 0.5 without interests. */
export function interests(matched: number, interestCount: number): number {
  if (interestCount === 0) return 0.5;
  return matched > 0 ? 0.5 + (0.5 * matched) / interestCount : 0;
}

/** 0 when the activity has anything the client avoids, else 1. */
export function avoidances(hits: number): number {
  return hits > 0 ? 0 : 1;
}

/** What an activity asks, by name (README: "free, then low cost" is not "free, then paid"). */
export type CostKind = 'free' | 'free-then-low' | 'free-then-paid' | 'low' | 'paid' | 'unknown';

/** The activity's cost: not recorded, free, a free period followed by its level, or its level. */
export function costKind(a: Activity): CostKind {
  if (a.cost === undefined) return 'unknown';
  if (a.cost.level === 'free') return 'free';
  if (a.cost.freePeriod !== undefined) return a.cost.level === 'low' ? 'free-then-low' : 'free-then-paid';
  return a.cost.level;
}

/** The cost table of the README (rows budget, columns cost); undefined where excluded. */
const COST: Readonly<Record<ClientProfile['budget'], Readonly<Partial<Record<CostKind, number>>>>> = {
  none: { free: 1, 'free-then-low': 0.6, 'free-then-paid': 0.5, unknown: 0.5 },
  low: { free: 1, 'free-then-low': 0.8, 'free-then-paid': 0.6, low: 0.8, unknown: 0.5 },
  any: { free: 1, 'free-then-low': 0.9, 'free-then-paid': 0.8, low: 0.9, paid: 0.7, unknown: 0.5 },
};

/** The cost factor; 0 where the client cannot pay (never scored: the rule excludes it). */
export function cost(budget: ClientProfile['budget'], kind: CostKind): number {
  return COST[budget][kind] ?? 0;
}

/** No budget takes free activities and free periods; low anything but paid without a free period; any everything; an unknown cost is never excluded. */
export function affordable(budget: ClientProfile['budget'], kind: CostKind): boolean {
  return COST[budget][kind] !== undefined;
}

/** The best session's fraction inside the availability; 1 by appointment or without availability. */
export function schedule(bestFraction: number, hasSessions: boolean, hasAvailability: boolean): number {
  return !hasSessions || !hasAvailability ? 1 : clamp01(bestFraction);
}

/** 1 / (1 + waitWeeks / 4); 1 when no wait is recorded (NaN). */
export function capacity(waitWeeks: number): number {
  return Number.isNaN(waitWeeks) ? 1 : 1 / (1 + waitWeeks / 4);
}

/**
 * 1 up to `freshDays` old, falling linearly to 0 at `staleDays`; `unknown` without a
 * verification date; an expired timetable caps it at the value of a record
 * `freshDays + daysExpired` old (from 1 day past `validTo`).
 */
export function freshness(ageDays: number, daysExpired: number, freshDays: number, staleDays: number, unknown: number): number {
  const byAge = (age: number) => (age <= freshDays ? 1 : clamp01(1 - (age - freshDays) / (staleDays - freshDays)));
  const base = Number.isNaN(ageDays) ? unknown : byAge(ageDays);
  return daysExpired >= 1 ? Math.min(base, byAge(freshDays + daysExpired)) : base;
}

// ── Capacity (src/time/places.ts) ─────────────────────────────────────────────────────────

/** Only "full, no waiting list" excludes. */
export function full(a: Activity): boolean {
  return a.capacity?.placesLeft === 0 && a.capacity.waitingList === false;
}

/** The expected wait: the usual wait, 0 when places are left and none is recorded, NaN when unknown. */
export function waitWeeks(a: Activity): number {
  const c = a.capacity;
  if (c === undefined || full(a)) return NaN;
  if (c.placesLeft !== undefined && c.placesLeft > 0) return c.usualWaitWeeks ?? 0;
  return c.usualWaitWeeks ?? NaN;
}

// ── Dates and clocks ───────────────────────────────────────────────────────────────────────

/** Days since 1970-01-01 of "YYYY-MM-DD". */
export function dayOf(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/** Monday 0 … Sunday 6 of a day number (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** Minutes after midnight of "HH:MM" ("24:00" is 1440). */
export function minutesOf(clock: string): number {
  const [h, m] = clock.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day, in `timeZone`, of an instant: read from Intl, not from the library's offset tables. */
export function localDayIn(at: Date, timeZone: string): number {
  let format = formats.get(timeZone);
  if (format === undefined) formats.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
  return Date.UTC(Number(parts['year']), Number(parts['month']) - 1, Number(parts['day'])) / DAY_MS;
}

/** Age in whole years on the UTC date of `at`: the recorded age, or from the date of birth. */
export function ageOn(c: ClientProfile, at: Date): number {
  if (c.age !== undefined) return c.age;
  const [y, m, d] = (c.dateOfBirth as string).split('-').map(Number) as [number, number, number];
  const birthdayPassed = at.getUTCMonth() + 1 > m || (at.getUTCMonth() + 1 === m && at.getUTCDate() >= d);
  return at.getUTCFullYear() - y - (birthdayPassed ? 0 : 1);
}

// ── Timetables (src/time/pattern.ts, DESIGN "Timetables") ──────────────────────────────────

/** A weekly window in minutes; day 0 is Monday. */
export interface Window {
  readonly day: number;
  readonly start: number;
  readonly end: number;
}

/** Weekly sessions as minute windows. */
export function sessionWindows(a: Activity): Window[] {
  return a.sessions.map((s) => ({ day: WEEKDAYS.indexOf(s.day), start: minutesOf(s.start), end: minutesOf(s.end) }));
}

/**
 * The weekdays a schedule's sessions can fall on, whatever the week: its `byday` weekdays
 * (ordinals dropped), every weekday for a monthly `bymonthday` alone, else the weekday of
 * `dtstart` (a one-off's date); plus each extra session's weekday. Only for a recurring or
 * dated schedule with both times.
 */
export function scheduleWindows(s: Schedule): Window[] {
  const out: Window[] = [];
  if (s.opensAt !== undefined && s.closesAt !== undefined && (s.freq !== undefined || s.dtstart !== undefined)) {
    const days =
      s.byday.length > 0 ? [...new Set(s.byday.map((b) => WEEKDAYS.indexOf(b.day)))]
      : s.freq === 'MONTHLY' && s.bymonthday.length > 0 ? [0, 1, 2, 3, 4, 5, 6]
      : s.dtstart !== undefined ? [weekdayOf(dayOf(s.dtstart))]
      : [];
    for (const day of days) out.push({ day, start: minutesOf(s.opensAt), end: minutesOf(s.closesAt) });
  }
  for (const e of s.extraSessions) out.push({ day: weekdayOf(dayOf(e.date)), start: minutesOf(e.opensAt), end: minutesOf(e.closesAt) });
  return out;
}

/** The last day a schedule can run: `until`; a one-off's date; the latest extra session; unbounded otherwise. */
export function lastSessionDay(s: Schedule): number {
  const extras = s.extraSessions.map((e) => dayOf(e.date));
  const rule = s.freq !== undefined ? (s.until === undefined ? Infinity : dayOf(s.until)) : s.dtstart !== undefined ? dayOf(s.dtstart) : extras.length === 0 ? Infinity : -Infinity;
  return Math.max(rule, ...extras);
}

/** A fixed cohort takes newcomers up to week `latestJoinWeek` (default 1): its last joining day, over every cohort. */
export function lastJoinDay(p: Activity['programme']): number {
  if (p === undefined || p.rolling || p.startDate === undefined) return Infinity;
  const weeks = p.latestJoinWeek ?? 1;
  return Math.max(...[p.startDate, ...p.intakes].map((date) => dayOf(date) + 7 * weeks - 1));
}
