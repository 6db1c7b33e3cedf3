/**
 * The compiled catalogue: one typed array per field (structure of arrays), indexed by a dense
 * position. Positions are ordered by spatial cell and then by a "kind of activity" key and cut
 * into blocks (see `grid.ts`), so a query reads only the columns of the blocks it visits and
 * never touches the activity objects until it builds its results.
 */
import type { Activity } from '../schema/activity.js';
import { GENDERS } from '../schema/activity.js';
import { activityDemand, COST_CODES, GROUP_CODES, INTENSITY_CODES } from '../signals/factors.js';
import { capacityStatus } from '../time/capacity.js';
import { dayFromIso } from '../time/dates.js';
import { expiryDayOf, lastJoinDayOf, lastSessionDayOf, minuteWindowsOf, weeklyWindowsOf } from '../time/pattern.js';
import { CATEGORIES, CONDITIONS, NEEDS } from '../vocabulary/index.js';

/** Location kinds, as stored in {@link Columns.kind}. */
export const KIND = { venue: 0, home: 1, online: 2 } as const;

/** Bits of {@link Columns.flags}. */
export const FLAG = { gym: 1, supported: 2, social: 4, befriending: 8, full: 16, areaLimited: 32 } as const;

/** Three-valued accessibility facts, as stored in {@link Columns.access}: 2 bits each. */
export const ACCESS = { no: 0, yes: 1, unknown: 2 } as const;

export const CATEGORY_IDS: readonly string[] = CATEGORIES.map((c) => c.id);
export const CONDITION_IDS: readonly string[] = CONDITIONS.map((c) => c.id);
export const NEED_IDS: readonly string[] = NEEDS.map((n) => n.id);

// Conditions and needs are stored as 32-bit masks; the vocabularies must fit.
if (CONDITION_IDS.length > 32 || NEED_IDS.length > 32 || CATEGORY_IDS.length > 16) throw new Error('activity-match: a vocabulary outgrew its bitmask');

/** A bitmask of vocabulary ids. */
export function maskOf(ids: readonly string[], vocabulary: readonly string[]): number {
  let mask = 0;
  for (const id of ids) {
    const bit = vocabulary.indexOf(id);
    if (bit >= 0) mask |= 1 << bit;
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

/** The columns. Every array has one entry per position (`n`), except the CSR data arrays. */
export interface Columns {
  readonly n: number;
  /** Activity id at each position, read through the activity objects (no column of its own). */
  idAt(p: number): string;
  /** Index into the validated activity array at each position. */
  readonly activityIndex: Uint32Array;
  /** Venue coordinates, or the centre of a home/online service area; NaN for national services. */
  readonly lat: Float64Array;
  readonly lon: Float64Array;
  /** Service-area radius in km (home and online services with an area), else 0; float32 (sub-millimetre rounding). */
  readonly areaKm: Float32Array;
  readonly kind: Uint8Array;
  readonly flags: Uint8Array;
  readonly intensity: Uint8Array;
  readonly group: Uint8Array;
  readonly category: Uint8Array;
  readonly cost: Uint8Array;
  /** wheelchair (bits 0–1) and step-free (bits 2–3), each an {@link ACCESS} value. */
  readonly access: Uint8Array;
  /** Minimum age, 0 when none. */
  readonly minAge: Uint8Array;
  /** Maximum age, 255 when none. */
  readonly maxAge: Uint8Array;
  /** Bitmask over `GENDERS`; 0 when open to all. */
  readonly genders: Uint8Array;
  /** Index into `languageSets`. */
  readonly languageSet: Uint16Array;
  readonly languageSets: readonly (readonly string[])[];
  readonly designedFor: Uint32Array;
  readonly unsuitableFor: Uint32Array;
  readonly needs: Uint32Array;
  /** Days since 1970-01-01; NaN when never verified. */
  readonly verifiedDay: Float32Array;
  /** Last day with a session; Infinity when open-ended or by appointment. */
  readonly lastSessionDay: Float32Array;
  /** Last day a newcomer can join; Infinity without a fixed cohort. */
  readonly lastJoinDay: Float32Array;
  /** Earliest schedule validTo; NaN when none. */
  readonly expiryDay: Float32Array;
  /** Usual wait in weeks; NaN when not recorded. */
  readonly waitWeeks: Float32Array;
  /** Index into `zones`. */
  readonly zone: Uint8Array;
  readonly zones: readonly string[];
  /** Tags: CSR offsets (n + 1) into `tagIds`, ids into `tagNames`. */
  readonly tagStart: Uint32Array;
  /** Uint16 while the catalogue has at most 65,536 distinct tags, else Uint32. */
  readonly tagIds: Uint16Array | Uint32Array;
  readonly tagNames: readonly string[];
  readonly tagIndex: ReadonlyMap<string, number>;
  /** Weekly windows: CSR offsets (n + 1) into `windows`, each packed by {@link packWindow}. */
  readonly windowStart: Uint32Array;
  readonly windows: Uint32Array;
}

/** Row-wise values of one activity, before it is given its position. */
export interface Row {
  readonly kind: number;
  readonly lat: number;
  readonly lon: number;
  readonly areaKm: number;
  readonly flags: number;
  readonly intensity: number;
  readonly group: number;
  readonly category: number;
  readonly cost: number;
  readonly access: number;
  readonly minAge: number;
  readonly maxAge: number;
  readonly genders: number;
  readonly languageKey: string;
  readonly designedFor: number;
  readonly unsuitableFor: number;
  readonly needs: number;
  readonly verifiedDay: number;
  readonly lastSessionDay: number;
  readonly lastJoinDay: number;
  readonly expiryDay: number;
  readonly waitWeeks: number;
  readonly zone: string;
  readonly tags: readonly string[];
  readonly windows: readonly number[];
}

function tristate(value: boolean | undefined): number {
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

/** The demand of the activity at a position (see `activityDemand`). */
export function demandAt(c: Columns, p: number): number {
  const flags = c.flags[p] ?? 0;
  return activityDemand(c.intensity[p] ?? 4, c.group[p] ?? 4, (flags & FLAG.gym) !== 0, (flags & FLAG.supported) !== 0);
}

/** Everything the rules read about one validated activity, as plain numbers. */
export function rowOf(activity: Activity): Row {
  const location = activity.location;
  const area = location.kind === 'venue' ? undefined : location.area;
  const tags = new Set(activity.tags);
  if (activity.groupSize === 'large') tags.add('large-group');
  const befriending = activity.category === 'befriending';
  const social =
    befriending || activity.category === 'social' || activity.needs.includes('loneliness') || (activity.groupSize !== undefined && activity.groupSize !== 'one-to-one');
  const capacity = capacityStatus(activity.capacity);
  const flags =
    (tags.has('gym') ? FLAG.gym : 0) |
    (activity.supported === true ? FLAG.supported : 0) |
    (social ? FLAG.social : 0) |
    (befriending ? FLAG.befriending : 0) |
    (capacity.excluded ? FLAG.full : 0) |
    (area !== undefined ? FLAG.areaLimited : 0);
  const stepFree = activity.accessibility.stepFree ?? (activity.accessibility.wheelchair === true ? true : undefined);
  const windows = [...minuteWindowsOf(activity.sessions), ...activity.schedules.flatMap(weeklyWindowsOf)].map((w) => packWindow(w.day, w.start, w.end));
  return {
    kind: KIND[location.kind],
    lat: location.kind === 'venue' ? location.lat : (area?.lat ?? NaN),
    lon: location.kind === 'venue' ? location.lon : (area?.lon ?? NaN),
    areaKm: area?.radiusKm ?? 0,
    flags,
    intensity: activity.intensity === undefined ? 4 : INTENSITY_CODES.indexOf(activity.intensity),
    group: activity.groupSize === undefined ? 4 : GROUP_CODES.indexOf(activity.groupSize),
    category: CATEGORY_IDS.indexOf(activity.category),
    cost: costCodeOf(activity),
    access: tristate(activity.accessibility.wheelchair) | (tristate(stepFree) << 2),
    minAge: activity.eligibility.minAge ?? 0,
    maxAge: Math.min(255, activity.eligibility.maxAge ?? 255),
    genders: (activity.eligibility.genders ?? []).reduce((m, g) => m | (1 << GENDERS.indexOf(g)), 0),
    languageKey: [...activity.languages].sort().join(','),
    designedFor: maskOf(activity.conditions.designedFor, CONDITION_IDS),
    unsuitableFor: maskOf(activity.conditions.unsuitableFor, CONDITION_IDS),
    needs: maskOf(activity.needs, NEED_IDS),
    verifiedDay: activity.lastVerified === undefined ? NaN : dayFromIso(activity.lastVerified),
    lastSessionDay: activity.sessions.length > 0 || activity.schedules.length === 0 ? Infinity : Math.max(...activity.schedules.map(lastSessionDayOf)),
    lastJoinDay: lastJoinDayOf(activity.programme),
    expiryDay: expiryDayOf(activity.schedules),
    waitWeeks: capacity.waitWeeks ?? NaN,
    zone: activity.timeZone,
    tags: [...tags],
    windows,
  };
}

/**
 * Lays the rows out as columns in the given position order (`order[p]` = row index).
 */
export function buildColumns(activities: readonly Activity[], rows: readonly Row[], order: Uint32Array): Columns {
  const n = order.length;
  const tagIndex = new Map<string, number>();
  const tagNames: string[] = [];
  const languageIndex = new Map<string, number>();
  const languageSets: string[][] = [];
  const zoneIndex = new Map<string, number>();
  const zones: string[] = [];
  let tagTotal = 0;
  let windowTotal = 0;
  for (const row of rows) {
    tagTotal += row.tags.length;
    windowTotal += row.windows.length;
    for (const tag of row.tags) intern(tagIndex, tagNames, tag, () => tag, 0xffffffff);
  }
  const activityIndex = new Uint32Array(n);
  const c = {
    n,
    idAt: (p: number) => (activities[activityIndex[p] as number] as Activity).id,
    activityIndex,
    lat: new Float64Array(n),
    lon: new Float64Array(n),
    areaKm: new Float32Array(n),
    kind: new Uint8Array(n),
    flags: new Uint8Array(n),
    intensity: new Uint8Array(n),
    group: new Uint8Array(n),
    category: new Uint8Array(n),
    cost: new Uint8Array(n),
    access: new Uint8Array(n),
    minAge: new Uint8Array(n),
    maxAge: new Uint8Array(n),
    genders: new Uint8Array(n),
    languageSet: new Uint16Array(n),
    languageSets,
    designedFor: new Uint32Array(n),
    unsuitableFor: new Uint32Array(n),
    needs: new Uint32Array(n),
    verifiedDay: new Float32Array(n),
    lastSessionDay: new Float32Array(n),
    lastJoinDay: new Float32Array(n),
    expiryDay: new Float32Array(n),
    waitWeeks: new Float32Array(n),
    zone: new Uint8Array(n),
    zones,
    tagStart: new Uint32Array(n + 1),
    tagIds: tagNames.length <= 0x10000 ? new Uint16Array(tagTotal) : new Uint32Array(tagTotal),
    tagNames,
    tagIndex,
    windowStart: new Uint32Array(n + 1),
    windows: new Uint32Array(windowTotal),
  } satisfies Columns;
  let t = 0;
  let w = 0;
  for (let p = 0; p < n; p++) {
    const i = order[p] as number;
    const row = rows[i] as Row;
    c.activityIndex[p] = i;
    c.lat[p] = row.lat;
    c.lon[p] = row.lon;
    c.areaKm[p] = row.areaKm;
    c.kind[p] = row.kind;
    c.flags[p] = row.flags;
    c.intensity[p] = row.intensity;
    c.group[p] = row.group;
    c.category[p] = row.category;
    c.cost[p] = row.cost;
    c.access[p] = row.access;
    c.minAge[p] = row.minAge;
    c.maxAge[p] = row.maxAge;
    c.genders[p] = row.genders;
    c.languageSet[p] = intern(languageIndex, languageSets, row.languageKey, () => row.languageKey.split(','), 65535);
    c.designedFor[p] = row.designedFor;
    c.unsuitableFor[p] = row.unsuitableFor;
    c.needs[p] = row.needs;
    c.verifiedDay[p] = row.verifiedDay;
    c.lastSessionDay[p] = row.lastSessionDay;
    c.lastJoinDay[p] = row.lastJoinDay;
    c.expiryDay[p] = row.expiryDay;
    c.waitWeeks[p] = row.waitWeeks;
    c.zone[p] = intern(zoneIndex, zones, row.zone, () => row.zone, 255);
    c.tagStart[p] = t;
    for (const tag of row.tags) c.tagIds[t++] = tagIndex.get(tag) as number;
    c.windowStart[p] = w;
    for (const packed of row.windows) c.windows[w++] = packed;
  }
  c.tagStart[n] = t;
  c.windowStart[n] = w;
  return c;
}

function intern<T>(index: Map<string, number>, values: T[], key: string, make: () => T, max: number): number {
  let id = index.get(key);
  if (id === undefined) {
    if (values.length >= max) throw new Error(`activity-match: more than ${max} distinct values in one column`);
    id = values.length;
    index.set(key, id);
    values.push(make());
  }
  return id;
}

/** Bytes held by the typed arrays of the columns (the dictionaries are small and not counted). */
export function columnBytes(c: Columns): number {
  let bytes = 0;
  for (const value of Object.values(c)) if (ArrayBuffer.isView(value)) bytes += value.byteLength;
  return bytes;
}
