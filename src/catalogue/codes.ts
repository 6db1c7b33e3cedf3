/**
 * How an activity's fields are written as numbers in the columns: delivery kinds, flags,
 * accessibility facts, vocabulary bit masks, audience masks, packed weekly windows, cost codes
 * and the id hash. Shared by the row writer, the rules and the explanations, so a code has one
 * meaning everywhere.
 *
 * @module
 */
import type { Activity } from '../schema/activity.js';
import { COST_CODES } from '../signals/factors.js';
import { AUDIENCE_GROUPS, CATEGORIES, CONDITIONS, NEEDS } from '../vocabulary/index.js';
import { areaKey } from '../signals/areas.js';

/** Delivery kinds, as stored in {@link Columns.kind}. */
export const KIND = { venue: 0, home: 1, online: 2, phone: 3 } as const;

/** Whether a kind reaches people without them travelling (home visits, phone and online). */
export function isRemoteKind(kind: number): boolean {
  return kind !== KIND.venue;
}

/** Whether a kind meets people face to face (at a venue, or a visit at home). */
export function isInPersonKind(kind: number): boolean {
  return kind === KIND.venue || kind === KIND.home;
}

/** Bits of {@link Columns.flags}. */
export const FLAG = { gym: 1, supported: 2, social: 4, befriending: 8, full: 16, areaLimited: 32, namedArea: 64 } as const;

/** Three-valued accessibility facts, as stored in {@link Columns.access}: 2 bits each. */
export const ACCESS = { no: 0, yes: 1, unknown: 2 } as const;

export const CATEGORY_IDS: readonly string[] = CATEGORIES.map((c) => c.id);
export const CONDITION_IDS: readonly string[] = CONDITIONS.map((c) => c.id);
export const NEED_IDS: readonly string[] = NEEDS.map((n) => n.id);
export const GROUP_IDS: readonly string[] = AUDIENCE_GROUPS.map((g) => g.id);

// Conditions are stored as 32-bit masks, needs and categories as 16-bit ones, groups as 8-bit; the vocabularies must fit.
if (CONDITION_IDS.length > 32 || NEED_IDS.length > 16 || CATEGORY_IDS.length > 16 || GROUP_IDS.length > 8) throw new Error('activity-match: a vocabulary outgrew its bitmask');

/** Bit positions of vocabulary ids (a map: looking ids up with `indexOf` dominated compiling). */
function bitsOf(ids: readonly string[]): ReadonlyMap<string, number> {
  return new Map(ids.map((id, bit) => [id, bit]));
}
export const CONDITION_BITS = bitsOf(CONDITION_IDS);
export const NEED_BITS = bitsOf(NEED_IDS);
export const GROUP_BITS = bitsOf(GROUP_IDS);

/** An activity's audience as vocabulary masks (see `AudienceSchema`). */
export interface AudienceMasks {
  readonly conditions: number;
  readonly needs: number;
  readonly groups: number;
}

/**
 * Who an activity is for, beyond numbers: the languages it runs in and its audience (undefined:
 * open to anyone). Each distinct pair is stored once per catalogue and activities hold its id
 * ({@link Columns.peopleSet}), so both rules cost one 16-bit column.
 */
export interface PeopleSet {
  readonly languages: readonly string[];
  readonly audience: AudienceMasks | undefined;
}

/** A bitmask of vocabulary ids (ids not in `bits` are ignored). */
export function maskOf(ids: readonly string[], bits: ReadonlyMap<string, number>): number {
  let mask = 0;
  for (let i = 0; i < ids.length; i++) {
    const bit = bits.get(ids[i] as string);
    if (bit !== undefined) mask |= 1 << bit;
  }
  return mask >>> 0;
}

/** Number of set bits in a 32-bit integer (SWAR popcount: no loop, no table). */
export function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Packs a weekly window into 25 bits: day (3) | start minute (11) | end minute (11). */
export function packWindow(day: number, start: number, end: number): number {
  return ((day << 22) | (start << 11) | end) >>> 0;
}

/** The key of an area name in {@link Columns.areaIndex}. */
export function nameKey(name: string): string {
  return `n:${areaKey(name)}`;
}

/** The key of a postcode district or area in {@link Columns.areaIndex}. */
export function districtKey(district: string): string {
  return `d:${district}`;
}

export function tristate(value: boolean | undefined): number {
  return value === undefined ? ACCESS.unknown : value ? ACCESS.yes : ACCESS.no;
}

/** The cost code of an activity (see `COST_CODES`). */
export function costCodeOf(activity: Activity): number {
  const cost = activity.cost;
  if (cost === undefined) return COST_CODES.indexOf('unknown');
  if (cost.level === 'free') return COST_CODES.indexOf('free');
  if (cost.freePeriod !== undefined) return COST_CODES.indexOf(cost.level === 'low' ? 'free-then-low' : 'free-then-paid');
  return COST_CODES.indexOf(cost.level);
}

/** An activity's audience as masks, or undefined when it is open to anyone. */
export function audienceMasksOf(activity: Activity): AudienceMasks | undefined {
  const audience = activity.audience;
  if (audience === undefined) return undefined;
  return { conditions: maskOf(audience.conditions ?? [], CONDITION_BITS), needs: maskOf(audience.needs ?? [], NEED_BITS), groups: maskOf(audience.groups ?? [], GROUP_BITS) };
}

/** FNV-1a over UTF-16 code units: a fast, well-spread 32-bit string hash (the id table's). */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
