/**
 * A compact weekly bitmask of quarter-hours, for a fast availability overlap.
 *
 * 7 days × 96 quarter-hours = 672 bits in a `Uint32Array` of 21 words; bit
 * `day * 96 + quarter` (Monday 0) is set when that quarter-hour is available. Overlap is a
 * bitwise AND and a popcount. On quarter-hour-aligned windows it equals the exact minute
 * computation (`weeklyOverlapMinutes`); otherwise it is a conservative approximation:
 * only quarter-hours entirely inside a window are set.
 *
 * @module
 */
import { z } from 'zod';
import { ActivityMatchError } from '../errors.js';
import { DAYS, parseClock, WeeklyWindowSchema } from '../schema/common.js';
import type { WeeklyWindow } from '../schema/common.js';
import { parseOrThrow } from '../validate.js';
import { guard } from '../guard.js';

/** Weekly windows as the time functions take them from callers: at most 10,000. */
export const WindowsSchema = z.array(WeeklyWindowSchema, { error: 'expected a list of weekly windows {day, start, end}' }).max(10_000, { error: 'expected at most 10,000 windows' });

/**
 * Minutes per slot.
 *
 * @example
 * ```ts
 * maskMinutes(mask) / SLOT_MINUTES; // number of available quarter-hours
 * ```
 */
export const SLOT_MINUTES = 15;
/** Slots per day (96). */
export const SLOTS_PER_DAY = 1440 / SLOT_MINUTES;
/** 32-bit words in a mask (21). */
export const MASK_WORDS = (7 * SLOTS_PER_DAY) / 32;

/** A weekly quarter-hour bitmask (21 × 32 bits). */
export type SlotMask = Uint32Array;

/**
 * The weekly mask of a set of windows (overlapping windows simply set the same bits). The
 * windows are checked: anything but a list of `{ day, start, end }` throws `ActivityMatchError`
 * (`INVALID_OPTIONS`, path such as `windows[0].start`).
 *
 * @example
 * ```ts
 * const mask = weeklySlotMask([{ day: 'mon', start: '09:00', end: '10:00' }]);
 * maskMinutes(mask); // 60
 * ```
 */
export function weeklySlotMask(windows: readonly WeeklyWindow[]): SlotMask {
  return guard([{ code: 'INVALID_OPTIONS', path: 'windows', value: windows, fields: [WindowsSchema] }], () => weeklySlotMaskUnguarded(windows));
}

function weeklySlotMaskUnguarded(windows: readonly WeeklyWindow[]): SlotMask {
  return slotMaskOf(parseOrThrow(WindowsSchema, windows, 'INVALID_OPTIONS', 'windows'));
}

/** {@link weeklySlotMask} of windows already validated (the matcher's own). */
export function slotMaskOf(windows: readonly WeeklyWindow[]): SlotMask {
  const mask = new Uint32Array(MASK_WORDS);
  for (const w of windows) {
    const day = DAYS.indexOf(w.day);
    const startMin = parseClock(w.start);
    const endMin = parseClock(w.end);
    if (day < 0 || startMin === undefined || endMin === undefined) continue;
    const first = Math.ceil(startMin / SLOT_MINUTES);
    const last = Math.floor(endMin / SLOT_MINUTES); // exclusive
    for (let slot = first; slot < last; slot++) {
      const bit = day * SLOTS_PER_DAY + slot;
      mask[bit >>> 5] = (mask[bit >>> 5] ?? 0) | (1 << (bit & 31));
    }
  }
  return mask;
}

/**
 * Minutes two masks share: popcount of the AND, times 15. Both must be masks made by
 * {@link weeklySlotMask} (a `Uint32Array` of 21 words), or `ActivityMatchError`
 * (`INVALID_OPTIONS`, path `a` or `b`).
 *
 * @example
 * ```ts
 * const client = weeklySlotMask([{ day: 'tue', start: '09:00', end: '12:00' }]);
 * const session = weeklySlotMask([{ day: 'tue', start: '11:00', end: '13:00' }]);
 * maskOverlapMinutes(client, session); // 60
 * ```
 */
export function maskOverlapMinutes(a: SlotMask, b: SlotMask): number {
  for (const [path, mask] of [['a', a], ['b', b]] as const) {
    if (!(mask instanceof Uint32Array) || mask.length !== MASK_WORDS) throw new ActivityMatchError('INVALID_OPTIONS', [{ path, message: `expected a slot mask from weeklySlotMask (a Uint32Array of ${MASK_WORDS} words)` }]);
  }
  let bits = 0;
  for (let i = 0; i < MASK_WORDS; i++) bits += popcount((a[i] ?? 0) & (b[i] ?? 0));
  return bits * SLOT_MINUTES;
}

/**
 * Minutes set in a mask.
 *
 * @example
 * ```ts
 * maskMinutes(weeklySlotMask([{ day: 'sun', start: '14:00', end: '14:30' }])); // 30
 * ```
 */
export function maskMinutes(mask: SlotMask): number {
  let bits = 0;
  for (let i = 0; i < MASK_WORDS; i++) bits += popcount(mask[i] ?? 0);
  return bits * SLOT_MINUTES;
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}
