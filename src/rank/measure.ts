import type { ActivityFeatures, MinuteWindow } from '../catalogue/features.js';
import type { MinuteRange } from '../time/availability.js';
import { haversineKm } from '../signals/geo.js';
import type { ClientContext, ResolvedTerm } from './client-context.js';

/**
 * The raw measurements of one client against one activity, from which both the eligibility
 * rules and the factors are computed. Kept in a reusable scratch object so the scoring pass
 * allocates nothing per activity.
 */
export interface Measurements {
  /** km to the venue; 0 for home-based and online; NaN when the client has no home location. */
  km: number;
  conditionMatches: number;
  needMatches: number;
  interestMatches: number;
  avoidHits: number;
  /** Best fraction of one session inside the client's availability; NaN without sessions. */
  bestFraction: number;
  /** The local calendar day of the query in the activity's zone (days since 1970-01-01). */
  today: number;
  /** Days since the record was verified; NaN when never verified. */
  ageDays: number;
  /** Days since the timetable information expired (its `validTo`); NaN or ≤ 0 when it has not. */
  daysExpired: number;
}

/** A fresh scratch object. */
export function createMeasurements(): Measurements {
  return { km: NaN, conditionMatches: 0, needMatches: 0, interestMatches: 0, avoidHits: 0, bestFraction: NaN, today: 0, ageDays: NaN, daysExpired: NaN };
}

/** Minutes of `[start, end)` covered by sorted, merged windows (no allocation: it runs per activity). */
export function overlapWithDay(start: number, end: number, windows: readonly MinuteRange[]): number {
  let total = 0;
  for (const w of windows) {
    const lo = w.startMin > start ? w.startMin : start;
    const hi = w.endMin < end ? w.endMin : end;
    if (hi > lo) total += hi - lo;
  }
  return total;
}

/** Best fraction of a session inside the availability; NaN when there are no sessions, 1 with no availability. */
export function bestSessionFraction(sessions: readonly MinuteWindow[], availability: ClientContext['availability']): number {
  if (sessions.length === 0) return NaN;
  if (availability === undefined) return 1;
  let best = 0;
  for (const s of sessions) {
    const fraction = overlapWithDay(s.start, s.end, availability[s.day] ?? []) / (s.end - s.start);
    if (fraction > best) best = fraction;
  }
  return best;
}

/** Whether a resolved client term names this activity (by tag or by category). */
export function termMatches(term: ResolvedTerm, f: ActivityFeatures): boolean {
  if (term.category === f.category) return true;
  for (const tag of term.tags) if (f.tags.has(tag)) return true;
  return false;
}

function countMatches(terms: readonly ResolvedTerm[], f: ActivityFeatures): number {
  let n = 0;
  for (const t of terms) if (termMatches(t, f)) n++;
  return n;
}

function countShared<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}

/** Fills `m` with the measurements of `ctx` against `f`. */
export function measureInto(ctx: ClientContext, f: ActivityFeatures, m: Measurements): Measurements {
  m.km = f.locationKind !== 0 ? 0 : ctx.home === undefined ? NaN : haversineKm(ctx.home.lat, ctx.home.lon, f.lat, f.lon);
  m.conditionMatches = countShared(ctx.conditions, f.designedFor);
  m.needMatches = countShared(ctx.needs, f.needs);
  m.interestMatches = countMatches(ctx.interests, f);
  m.avoidHits = countMatches(ctx.avoid, f);
  m.bestFraction = bestSessionFraction(f.sessions, ctx.availability);
  m.today = ctx.dayIn(f.timeZone);
  m.ageDays = m.today - f.verifiedDay;
  m.daysExpired = m.today - f.expiryDay;
  return m;
}
