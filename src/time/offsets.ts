/**
 * UTC offsets of IANA zones, fast and exact to the minute: for each zone and year the offset
 * transitions are found once (offset sampled every 6 hours with `tzOffset` from @date-fns/tz,
 * each change bisected to the minute) and cached; afterwards an offset is a binary search.
 * `tzOffset` itself costs microseconds per call (it formats the date with Intl), which made
 * time-zone work the largest cost of a recommendation before this cache.
 *
 * @module
 */
import { tzOffset } from '@date-fns/tz';

const MINUTE_MS = 60_000;
const STEP_MS = 6 * 60 * MINUTE_MS;
const YEAR_CACHE_LIMIT = 5_000;

interface YearOffsets {
  /** The year's first and one-past-last instant (ms, UTC). */
  readonly start: number;
  readonly end: number;
  /** Instants (ms) from which each offset holds, ascending; the first is the year's start. */
  readonly from: Float64Array;
  /** Offset in minutes east of UTC from `from[i]`. */
  readonly offset: Int32Array;
}

const cache = new Map<string, YearOffsets>();
/** The year last used per zone: nearly every look-up in a query falls in it. */
const lastUsed = new Map<string, YearOffsets>();

function offsetAt(zone: string, ms: number): number {
  return tzOffset(zone, new Date(ms));
}

function buildYear(zone: string, year: number): YearOffsets {
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  const from = [start];
  const offset = [offsetAt(zone, start)];
  let previous = offset[0] as number;
  for (let t = start + STEP_MS; t <= end; t += STEP_MS) {
    const current = offsetAt(zone, Math.min(t, end - 1));
    if (current === previous) continue;
    // Bisect to the first minute with the new offset.
    let lo = t - STEP_MS;
    let hi = Math.min(t, end - 1);
    while (hi - lo > MINUTE_MS) {
      const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
      if (offsetAt(zone, mid) === previous) lo = mid;
      else hi = mid;
    }
    from.push(hi);
    offset.push(current);
    previous = current;
  }
  return { start, end, from: Float64Array.from(from), offset: Int32Array.from(offset) };
}

/**
 * Offset of `zone` from UTC, in minutes east, at the instant `ms`.
 *
 * @example
 * ```ts
 * zoneOffsetMinutes('Europe/London', Date.UTC(2026, 6, 1)); // 60 (BST)
 * zoneOffsetMinutes('Europe/London', Date.UTC(2026, 0, 1)); // 0 (GMT)
 * ```
 */
export function zoneOffsetMinutes(zone: string, ms: number): number {
  let table = lastUsed.get(zone);
  if (table === undefined || ms < table.start || ms >= table.end) {
    const year = new Date(ms).getUTCFullYear();
    const key = `${zone}\u0000${year}`;
    table = cache.get(key);
    if (table === undefined) {
      if (cache.size >= YEAR_CACHE_LIMIT) cache.clear();
      table = buildYear(zone, year);
      cache.set(key, table);
    }
    lastUsed.set(zone, table);
  }
  const { from, offset } = table;
  let lo = 0;
  let hi = from.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((from[mid] as number) <= ms) lo = mid;
    else hi = mid - 1;
  }
  return offset[lo] as number;
}
