/**
 * The loops that check a loaded snapshot's arrays (entries below a bound, offsets that rise),
 * over tens of millions of entries at a million activities. Each walks its array a chunk per
 * call: a small function called many times is optimised whole, where one long call runs the
 * slower code the engine swaps in mid-loop (about 3× slower here).
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

// One function per array type for the largest arrays (postings of 32-bit positions and 8-bit
// field codes): a loop that reads one type of array only is about twice as fast as one that reads four.
function maxU32In(a: Uint32Array, from: number, to: number): number {
  let max = 0;
  for (let i = from; i < to; i++) if ((a[i] as number) > max) max = a[i] as number;
  return max;
}

function maxU8In(a: Uint8Array, from: number, to: number): number {
  let max = 0;
  for (let i = from; i < to; i++) if ((a[i] as number) > max) max = a[i] as number;
  return max;
}

/** Whether every entry of `a` is at least `least` and below `limit`. */
export function allWithin(a: Numbers, least: number, limit: number): boolean {
  for (let from = 0; from < a.length; from += CHUNK) {
    const to = Math.min(a.length, from + CHUNK);
    // Unsigned entries are all at least 0.
    if (a instanceof Uint32Array && least <= 0 ? maxU32In(a, from, to) >= limit : a instanceof Uint8Array && least <= 0 ? maxU8In(a, from, to) >= limit : !withinIn(a, from, to, least, limit)) return false;
  }
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
