/**
 * The loops that check a loaded snapshot's arrays (entries below a bound, offsets that rise),
 * over tens of millions of entries at a million activities. Each walks its array a chunk per
 * call: a small function called many times is optimised whole, where one long call runs the
 * slower code the engine swaps in mid-loop (the order check of a million search words took
 * 167 ms in one loop and 22 ms in chunks, in a profile of a 1M load).
 *
 * @module
 */

/** Entries checked per call. */
const CHUNK = 16384;

type Numbers = Uint8Array | Uint16Array | Uint32Array | Int32Array;

function withinIn(a: Numbers, from: number, to: number, least: number, limit: number): boolean {
  for (let i = from; i < to; i++) {
    const x = a[i] as number;
    if (x < least || x >= limit) return false;
  }
  return true;
}

/** Whether every entry of `a` is at least `least` and below `limit`. */
export function allWithin(a: Numbers, least: number, limit: number): boolean {
  for (let from = 0; from < a.length; from += CHUNK) if (!withinIn(a, from, Math.min(a.length, from + CHUNK), least, limit)) return false;
  return true;
}

function orderedIn(list: readonly string[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!((list[i - 1] as string) < (list[i] as string))) return false;
  return true;
}

/** Whether the strings are in strictly rising order (JavaScript string order), each once. */
export function strictlyOrdered(list: readonly string[]): boolean {
  for (let from = 1; from < list.length; from += CHUNK) if (!orderedIn(list, from, Math.min(list.length, from + CHUNK))) return false;
  return true;
}

function risingIn(a: Numbers, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if ((a[i] as number) < (a[i - 1] as number)) return false;
  return true;
}

/** Whether `a` starts at 0, never falls, and ends at `last`. */
export function risesTo(a: Numbers, last: number): boolean {
  if (a.length === 0 || a[0] !== 0 || a[a.length - 1] !== last) return false;
  for (let from = 1; from < a.length; from += CHUNK) if (!risingIn(a, from, Math.min(a.length, from + CHUNK))) return false;
  return true;
}
