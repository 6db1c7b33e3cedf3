import type { Columns } from '../catalogue/columns.js';
import { KIND, popcount } from '../catalogue/codes.js';
import { haversineKm } from '../signals/geo.js';
import type { MinuteRange } from '../time/availability.js';
import type { ClientContext } from './client-context.js';

/**
 * The raw measurements of one client against the activity at one position, from which both the
 * eligibility rules and the factors are computed. Kept in a reusable scratch object so the
 * scoring pass allocates nothing per activity. Filled in two stages: what the rules need, and
 * (only for eligible activities) what the factors need.
 */
export interface Measurements {
  /** km the client travels: to the venue; 0 for a home visit, phone or online; NaN without a home location or a venue position. */
  km: number;
  /** The service needs no travel (a home visit, phone or online): distance takes `rules.distance.remote`. */
  remote: boolean;
  /** km from the client to the centre of a home or online service's area; NaN when not area-limited or unknown. */
  toAreaKm: number;
  /** Best fraction of one session inside the client's availability; NaN without sessions. */
  bestFraction: number;
  /** The local calendar day of the query in the activity's zone (days since 1970-01-01). */
  today: number;
  conditionMatches: number;
  designedCount: number;
  needMatches: number;
  interestMatches: number;
  avoidHits: number;
  /** Days since the record was verified; NaN when never verified. */
  ageDays: number;
  /** Days since the timetable information expired (its `validTo`); NaN or ≤ 0 when it has not. */
  daysExpired: number;
}

/** A fresh scratch object. */
export function createMeasurements(): Measurements {
  return { km: NaN, remote: false, toAreaKm: NaN, bestFraction: NaN, today: 0, conditionMatches: 0, designedCount: 0, needMatches: 0, interestMatches: 0, avoidHits: 0, ageDays: NaN, daysExpired: NaN };
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

/** Best fraction of one of the activity's weekly windows inside the availability; NaN without windows, 1 with no availability. */
export function bestSessionFraction(c: Columns, p: number, availability: ClientContext['availability']): number {
  const from = c.windowStart[p] as number;
  const to = c.windowStart[p + 1] as number;
  if (from === to) return NaN;
  if (availability === undefined) return 1;
  let best = 0;
  for (let k = from; k < to; k++) {
    // Unpack day (3 bits) | start (11 bits) | end (11 bits); see packWindow.
    const packed = c.windows[k] as number;
    const start = (packed >>> 11) & 0x7ff;
    const end = packed & 0x7ff;
    const fraction = overlapWithDay(start, end, availability[packed >>> 22] ?? []) / (end - start);
    if (fraction > best) best = fraction;
  }
  return best;
}

/** The local day of the query in the activity's zone. */
export function measureDay(ctx: ClientContext, c: Columns, p: number, m: Measurements): void {
  m.today = ctx.todayByZone[c.zone[p] as number] as number;
}

/** Distances: to a venue, or to the centre of a home or online service's area. */
export function measureDistance(ctx: ClientContext, c: Columns, p: number, m: Measurements): void {
  const home = ctx.home;
  const lat = c.lat[p] as number;
  if ((c.kind[p] as number) === KIND.venue) {
    m.km = home === undefined ? NaN : haversineKm(home.lat, home.lon, lat, c.lon[p] as number);
    m.remote = false;
    m.toAreaKm = NaN;
  } else {
    m.remote = true;
    m.km = 0;
    m.toAreaKm = home === undefined || Number.isNaN(lat) ? NaN : haversineKm(home.lat, home.lon, lat, c.lon[p] as number);
  }
}

/** Stage 1: everything the eligibility rules read (distances, session fit, the local day). */
export function measureForRules(ctx: ClientContext, c: Columns, p: number, m: Measurements): Measurements {
  measureDay(ctx, c, p, m);
  measureDistance(ctx, c, p, m);
  m.bestFraction = bestSessionFraction(c, p, ctx.availability);
  return m;
}

/** Bits of the terms (interests or avoidances) that the activity at `p` matches by category or tag. */
export function termBitsAt(byTag: Uint32Array, byCategory: Uint32Array, c: Columns, p: number): number {
  let bits = byCategory[c.category[p] as number] as number;
  for (let t = c.tagStart[p] as number, end = c.tagStart[p + 1] as number; t < end; t++) bits |= byTag[c.tagIds[t] as number] as number;
  return bits >>> 0;
}

/** Stage 2: what the factors read (matches, ages). Call after {@link measureForRules}. */
export function measureForScore(ctx: ClientContext, c: Columns, p: number, m: Measurements): Measurements {
  const designed = c.designedFor[p] as number;
  m.conditionMatches = popcount(designed & ctx.conditionMask);
  m.designedCount = popcount(designed);
  m.needMatches = popcount((c.needs[p] as number) & ctx.needMask);
  // Without interests (or avoidances) every bit table is zero: skip reading the tags.
  m.interestMatches = ctx.interests.length === 0 ? 0 : popcount(termBitsAt(ctx.interestBitsByTag, ctx.interestBitsByCategory, c, p));
  m.avoidHits = ctx.avoid.length === 0 ? 0 : popcount(termBitsAt(ctx.avoidBitsByTag, ctx.avoidBitsByCategory, c, p));
  m.ageDays = m.today - (c.verifiedDay[p] as number);
  m.daysExpired = m.today - (c.expiryDay[p] as number);
  return m;
}

/** Both stages. */
export function measureAll(ctx: ClientContext, c: Columns, p: number, m: Measurements): Measurements {
  return measureForScore(ctx, c, p, measureForRules(ctx, c, p, m));
}
