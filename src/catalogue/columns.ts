/**
 * The compiled catalogue: one typed array per field (structure of arrays), indexed by a dense
 * position. Positions are ordered by spatial cell and then by a "kind of activity" key and cut
 * into blocks (see `grid.ts`), so a query reads only the columns of the blocks it visits and
 * never touches the activity objects until it builds its results.
 */
import type { Activity } from '../schema/activity.js';
import { GENDERS } from '../schema/activity.js';
import { DAYS } from '../schema/common.js';
import type { WeeklyWindow } from '../schema/common.js';
import { activityDemand, COST_CODES, GROUP_CODES, INTENSITY_CODES } from '../signals/factors.js';
import { capacityFacts } from '../time/places.js';
import { dayFromIso } from '../time/dates.js';
import { clockMinutes } from '../schema/clock.js';
import { expiryDayOf, lastJoinDayOf, lastSessionDayOf, weeklyWindowsOf } from '../time/pattern.js';
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
  /** Index into `peopleSets`: the activity's languages and audience. */
  readonly peopleSet: Uint16Array;
  readonly peopleSets: readonly PeopleSet[];
  readonly designedFor: Uint32Array;
  readonly unsuitableFor: Uint32Array;
  readonly needs: Uint16Array;
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
  /**
   * The named areas of the activities that cover areas by name or postcode (flag
   * {@link FLAG.namedArea}), by row (`activityIndex[p]`): a sparse table, since most
   * activities have none. Ids are into `areaKeys`.
   */
  readonly namedAreas: ReadonlyMap<number, NamedArea>;
  /** Area keys: `n:` + `areaKey(name)` for names, `d:` + district or postcode area for postcodes. */
  readonly areaIndex: ReadonlyMap<string, number>;
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

/**
 * Every activity's values as plain numbers, indexed by input row (before positions are given):
 * the same fields as {@link Columns}, in the same types. Extracted in one pass with no object
 * per activity; {@link buildColumns} then lays them out in position order.
 */
/** The named areas of one activity, as ids into {@link Columns.areaIndex}. */
export interface NamedArea {
  readonly names: readonly number[];
  readonly districts: readonly number[];
}

/** The key of an area name in {@link Columns.areaIndex}. */
export function nameKey(name: string): string {
  return `n:${areaKey(name)}`;
}

/** The key of a postcode district or area in {@link Columns.areaIndex}. */
export function districtKey(district: string): string {
  return `d:${district}`;
}

export type RowTable = Omit<Columns, 'idAt' | 'activityIndex' | 'tagIds'> & {
  /** Tag ids by row (CSR through `tagStart`), 32-bit until the dictionary's size is known. */
  readonly tagIds: Uint32Array;
  /** {@link hashString} of each row's id, for the id table. */
  readonly idHash: Uint32Array;
};

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

/** A growable Uint32Array (doubling), so the CSR lists are built without boxed arrays. */
class U32List {
  data: Uint32Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Uint32Array(Math.max(16, capacity));
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
  toArray(): Uint32Array {
    return this.data.slice(0, this.length);
  }
}

/** An activity's audience as masks, or undefined when it is open to anyone. */
export function audienceMasksOf(activity: Activity): AudienceMasks | undefined {
  const audience = activity.audience;
  if (audience === undefined) return undefined;
  return { conditions: maskOf(audience.conditions ?? [], CONDITION_BITS), needs: maskOf(audience.needs ?? [], NEED_BITS), groups: maskOf(audience.groups ?? [], GROUP_BITS) };
}

/** The language-set key of an activity: its codes, sorted and joined (one code is its own key). */
function languageKeyOf(languages: readonly string[]): string {
  return languages.length === 1 ? (languages[0] as string) : [...languages].sort().join(',');
}

/** Everything the rules read about every validated activity, as plain numbers by row. */
export function extractRows(activities: readonly Activity[]): RowTable {
  const writer = new RowWriter(activities.length);
  for (let i = 0; i < activities.length; i++) {
    const refusal = writer.add(activities[i] as Activity);
    if (refusal !== undefined) throw new Error(`activity-match: activities[${i}].${refusal.field}: ${refusal.message}`);
  }
  return writer.finish();
}

/** Why {@link RowWriter.add} could not take a record: the field and the expected form. */
export interface RowRefusal {
  readonly field: 'timeZone' | 'languages' | 'audience';
  readonly message: string;
}

/** The most activities one matcher takes (2²⁴: sixteen times a national directory, and far inside every 32-bit index). */
export const MAX_ACTIVITIES = 2 ** 24;

/** Distinct time zones and distinct (languages, audience) pairs one catalogue can hold (8- and 16-bit columns). */
export const MAX_ZONES = 256;
export const MAX_PEOPLE_SETS = 65_536;

/**
 * The per-row arrays of a {@link RowTable}, `n` rows each. One buffer holds every fixed-size
 * array: a single allocation of external memory instead of two dozen, each of which could make
 * V8 run a full collection of a heap holding a million activities (seconds each).
 * buildColumns permutes these arrays in place.
 */
function allocateRowArrays(n: number) {
  const arena = new Arena(n * (2 * 8 + 8 * 4 + 2 * 2 + 11));
  return {
  lat: arena.f64(n),
  lon: arena.f64(n),
  areaKm: arena.f32(n),
  verifiedDay: arena.f32(n),
  lastSessionDay: arena.f32(n),
  lastJoinDay: arena.f32(n),
  expiryDay: arena.f32(n),
  waitWeeks: arena.f32(n),
  designedFor: arena.u32(n),
  unsuitableFor: arena.u32(n),
  needs: arena.u16(n),
  peopleSet: arena.u16(n),
  kind: arena.u8(n),
  flags: arena.u8(n),
  intensity: arena.u8(n),
  group: arena.u8(n),
  category: arena.u8(n),
  cost: arena.u8(n),
  access: arena.u8(n),
  minAge: arena.u8(n),
  maxAge: arena.u8(n),
  genders: arena.u8(n),
  zone: arena.u8(n),
  tagStart: new Uint32Array(n + 1),
  windowStart: new Uint32Array(n + 1),
  };
}
type RowArrays = ReturnType<typeof allocateRowArrays>;

/**
 * Writes activities into a {@link RowTable} one at a time, in row order. `createMatcher` adds
 * each activity as soon as it is validated, while its fields are still in the processor's
 * cache: at a million activities a second pass over the validated objects, scattered through
 * a heap of gigabytes, cost several microseconds an activity in cache misses alone.
 */
export class RowWriter {
  readonly #capacity: number;
  #n = 0;
  readonly #t: RowArrays;
  readonly #idHash: Uint32Array;
  readonly #tagIndex = new Map<string, number>();
  readonly #tagNames: string[] = [];
  readonly #peopleIndex = new Map<string, number>();
  readonly #peopleKeys: string[] = [];
  readonly #peopleSets: PeopleSet[] = [];
  readonly #zoneIndex = new Map<string, number>();
  readonly #namedAreas = new Map<number, NamedArea>();
  readonly #areaIndex = new Map<string, number>();
  readonly #areaKeys: string[] = [];
  readonly #zones: string[] = [];
  readonly #tagIds: U32List;
  readonly #windows: U32List;

  /** `capacity`: the most activities that will be added. */
  constructor(capacity: number) {
    this.#capacity = capacity;
    this.#t = allocateRowArrays(capacity);
    this.#idHash = new Uint32Array(capacity);
    this.#tagIds = new U32List(4 * capacity);
    this.#windows = new U32List(2 * capacity);
  }

  /**
   * Adds the next row, or refuses the record, writing nothing, when it would bring a
   * {@link MAX_ZONES 257th time zone} or a {@link MAX_PEOPLE_SETS 65,537th distinct pair of language list and audience} into the catalogue.
   */
  add(activity: Activity): RowRefusal | undefined {
    if (this.#n === this.#capacity) throw new Error('activity-match: RowWriter is full');
    const audience = audienceMasksOf(activity);
    const peopleKey = audience === undefined ? languageKeyOf(activity.languages) : `${languageKeyOf(activity.languages)}|${audience.conditions}.${audience.needs}.${audience.groups}`;
    if (this.#zones.length === MAX_ZONES && !this.#zoneIndex.has(activity.timeZone)) {
      return { field: 'timeZone', message: `expected one of the catalogue's first ${MAX_ZONES} distinct time zones (the index holds at most ${MAX_ZONES})` };
    }
    if (this.#peopleKeys.length === MAX_PEOPLE_SETS && !this.#peopleIndex.has(peopleKey)) {
      return {
        field: audience === undefined ? 'languages' : 'audience',
        message: "expected one of the catalogue's first 65,536 distinct pairs of language list and audience (the index holds at most 65,536)",
      };
    }
    const i = this.#n++;
    const t = this.#t;
    const tagIndex = this.#tagIndex;
    const tagNames = this.#tagNames;
    const tagIds = this.#tagIds;
    const windows = this.#windows;
    const largeGroup = 'large-group';
    this.#idHash[i] = hashString(activity.id);
    const location = activity.location;
    const area = location.area;
    const circle = area?.radiusKm !== undefined;
    const named = area !== undefined && (area.names !== undefined || area.postcodeDistricts !== undefined);
    if (named) {
      this.#namedAreas.set(i, {
        names: (area.names ?? []).map((name) => intern(this.#areaIndex, this.#areaKeys, nameKey(name))),
        districts: (area.postcodeDistricts ?? []).map((district) => intern(this.#areaIndex, this.#areaKeys, districtKey(district))),
      });
    }
    t.tagStart[i] = tagIds.length;
    let gym = false;
    const tags = activity.tags;
    for (let k = 0; k < tags.length; k++) {
      const tag = tags[k] as string;
      tagIds.push(intern(tagIndex, tagNames, tag));
      if (tag === 'gym') gym = true;
    }
    if (activity.groupSize === 'large' && !activity.tags.includes(largeGroup)) tagIds.push(intern(tagIndex, tagNames, largeGroup));
    const befriending = activity.category === 'befriending';
    const social =
      befriending || activity.category === 'social' || activity.needs.includes('loneliness') || (activity.groupSize !== undefined && activity.groupSize !== 'one-to-one');
    const capacity = activity.capacity === undefined ? undefined : capacityFacts(activity.capacity);
    t.flags[i] =
      (gym ? FLAG.gym : 0) |
      (activity.supported === true ? FLAG.supported : 0) |
      (social ? FLAG.social : 0) |
      (befriending ? FLAG.befriending : 0) |
      (capacity?.excluded === true ? FLAG.full : 0) |
      (circle ? FLAG.areaLimited : 0) |
      (named ? FLAG.namedArea : 0);
    t.kind[i] = KIND[location.kind];
    // A venue's own position (NaN when not known); else the centre of a circular service area.
    t.lat[i] = location.kind === 'venue' ? (location.lat ?? NaN) : (area?.lat ?? NaN);
    t.lon[i] = location.kind === 'venue' ? (location.lon ?? NaN) : (area?.lon ?? NaN);
    t.areaKm[i] = location.kind === 'venue' ? 0 : (area?.radiusKm ?? 0);
    t.intensity[i] = activity.intensity === undefined ? 4 : INTENSITY_CODES.indexOf(activity.intensity);
    t.group[i] = activity.groupSize === undefined ? 4 : GROUP_CODES.indexOf(activity.groupSize);
    t.category[i] = CATEGORY_IDS.indexOf(activity.category);
    t.cost[i] = costCodeOf(activity);
    const access = activity.accessibility;
    const stepFree = access.stepFree ?? (access.wheelchair === true ? true : undefined);
    t.access[i] = tristate(access.wheelchair) | (tristate(stepFree) << 2);
    const eligibility = activity.eligibility;
    t.minAge[i] = eligibility.minAge ?? 0;
    t.maxAge[i] = Math.min(255, eligibility.maxAge ?? 255);
    let genders = 0;
    for (const g of eligibility.genders ?? []) genders |= 1 << GENDERS.indexOf(g);
    t.genders[i] = genders;
    let people = this.#peopleIndex.get(peopleKey);
    if (people === undefined) {
      people = intern(this.#peopleIndex, this.#peopleKeys, peopleKey);
      this.#peopleSets.push({ languages: activity.languages, audience });
    }
    t.peopleSet[i] = people;
    t.designedFor[i] = maskOf(activity.conditions.designedFor, CONDITION_BITS);
    t.unsuitableFor[i] = maskOf(activity.conditions.unsuitableFor, CONDITION_BITS);
    t.needs[i] = maskOf(activity.needs, NEED_BITS);
    t.verifiedDay[i] = activity.lastVerified === undefined ? NaN : dayFromIso(activity.lastVerified);
    const schedules = activity.schedules;
    let lastSession = Infinity;
    if (activity.sessions.length === 0 && schedules.length > 0) {
      lastSession = -Infinity;
      for (const schedule of schedules) lastSession = Math.max(lastSession, lastSessionDayOf(schedule));
    }
    t.lastSessionDay[i] = lastSession;
    t.lastJoinDay[i] = lastJoinDayOf(activity.programme);
    t.expiryDay[i] = schedules.length === 0 ? NaN : expiryDayOf(schedules);
    t.waitWeeks[i] = capacity?.waitWeeks ?? NaN;
    t.zone[i] = intern(this.#zoneIndex, this.#zones, activity.timeZone);
    t.windowStart[i] = windows.length;
    const sessions = activity.sessions;
    for (let k = 0; k < sessions.length; k++) {
      const session = sessions[k] as WeeklyWindow;
      windows.push(packWindow(DAYS.indexOf(session.day), clockMinutes(session.start) ?? 0, clockMinutes(session.end, true) ?? 0));
    }
    for (const schedule of schedules) for (const w of weeklyWindowsOf(schedule)) windows.push(packWindow(w.day, w.start, w.end));
    return undefined;
  }

  /** The table of the rows added so far; the writer must not be used afterwards. */
  finish(): RowTable {
    const n = this.#n;
    const t = this.#t;
    t.tagStart[n] = this.#tagIds.length;
    t.windowStart[n] = this.#windows.length;
    // Views of the first n rows (all of them unless a lenient load rejected records).
    const rows =
      n === this.#capacity
        ? t
        : (Object.fromEntries(Object.entries(t).map(([key, a]) => [key, (a as Uint8Array).subarray(0, key === 'tagStart' || key === 'windowStart' ? n + 1 : n)])) as unknown as RowArrays);
    return {
      n,
      ...rows,
      idHash: this.#idHash.subarray(0, n),
      peopleSets: this.#peopleSets,
      zones: this.#zones,
      namedAreas: this.#namedAreas,
      areaIndex: this.#areaIndex,
      tagIds: this.#tagIds.toArray(),
      tagNames: this.#tagNames,
      tagIndex: this.#tagIndex,
      windows: this.#windows.toArray(),
    };
  }
}

/** FNV-1a over UTF-16 code units: a fast, well-spread 32-bit string hash (the id table's). */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Hands out typed arrays of one ArrayBuffer, each aligned to 8 bytes.
 */
class Arena {
  readonly #buffer: ArrayBuffer;
  #offset = 0;
  constructor(bytes: number) {
    this.#buffer = new ArrayBuffer(bytes + 8 * 32);
  }
  #take(bytes: number): number {
    const at = this.#offset;
    this.#offset += Math.ceil(bytes / 8) * 8;
    return at;
  }
  f64(n: number): Float64Array {
    return new Float64Array(this.#buffer, this.#take(8 * n), n);
  }
  f32(n: number): Float32Array {
    return new Float32Array(this.#buffer, this.#take(4 * n), n);
  }
  u32(n: number): Uint32Array {
    return new Uint32Array(this.#buffer, this.#take(4 * n), n);
  }
  u16(n: number): Uint16Array {
    return new Uint16Array(this.#buffer, this.#take(2 * n), n);
  }
  u8(n: number): Uint8Array {
    return new Uint8Array(this.#buffer, this.#take(n), n);
  }
}

/**
 * Reorders columns in place, `a[p] = a[order[p]]`, through one shared scratch buffer: each
 * column is gathered into the scratch (sequential writes, independent reads, which the memory
 * system overlaps) and copied back. No column is allocated twice, and following the
 * permutation's cycles instead was latency-bound (about 100 ns an element at a million).
 * One method per element size keeps each loop monomorphic; Float32 columns move as their
 * 32-bit patterns.
 */
class Permuter {
  readonly #order: Uint32Array;
  readonly #f64: Float64Array;
  readonly #u32: Uint32Array;
  readonly #u16: Uint16Array;
  readonly #u8: Uint8Array;
  constructor(order: Uint32Array) {
    const scratch = new ArrayBuffer(8 * order.length);
    this.#order = order;
    this.#f64 = new Float64Array(scratch);
    this.#u32 = new Uint32Array(scratch, 0, order.length);
    this.#u16 = new Uint16Array(scratch, 0, order.length);
    this.#u8 = new Uint8Array(scratch, 0, order.length);
  }
  f64(a: Float64Array): Float64Array {
    const order = this.#order;
    const out = this.#f64;
    for (let p = 0; p < order.length; p++) out[p] = a[order[p] as number] as number;
    a.set(out);
    return a;
  }
  u32(a: Uint32Array): Uint32Array {
    const order = this.#order;
    const out = this.#u32;
    for (let p = 0; p < order.length; p++) out[p] = a[order[p] as number] as number;
    a.set(out);
    return a;
  }
  f32(a: Float32Array): Float32Array {
    this.u32(new Uint32Array(a.buffer, a.byteOffset, a.length));
    return a;
  }
  u16(a: Uint16Array): Uint16Array {
    const order = this.#order;
    const out = this.#u16;
    for (let p = 0; p < order.length; p++) out[p] = a[order[p] as number] as number;
    a.set(out);
    return a;
  }
  u8(a: Uint8Array): Uint8Array {
    const order = this.#order;
    const out = this.#u8;
    for (let p = 0; p < order.length; p++) out[p] = a[order[p] as number] as number;
    a.set(out);
    return a;
  }
}

/**
 * Lays the rows out as columns in the given position order (`order[p]` = row index). The row
 * arrays are permuted in place and become the columns: `rows` must not be used afterwards.
 */
export function buildColumns(activities: readonly Activity[], rows: RowTable, order: Uint32Array): Columns {
  const n = order.length;
  const activityIndex = order;
  const tagStart = new Uint32Array(n + 1);
  const tagIds = rows.tagNames.length <= 0x10000 ? new Uint16Array(rows.tagIds.length) : new Uint32Array(rows.tagIds.length);
  const windowStart = new Uint32Array(n + 1);
  const windows = new Uint32Array(rows.windows.length);
  let t = 0;
  let w = 0;
  for (let p = 0; p < n; p++) {
    const i = order[p] as number;
    tagStart[p] = t;
    for (let k = rows.tagStart[i] as number, end = rows.tagStart[i + 1] as number; k < end; k++) tagIds[t++] = rows.tagIds[k] as number;
    windowStart[p] = w;
    for (let k = rows.windowStart[i] as number, end = rows.windowStart[i + 1] as number; k < end; k++) windows[w++] = rows.windows[k] as number;
  }
  tagStart[n] = t;
  windowStart[n] = w;
  const permute = new Permuter(order);
  return {
    n,
    idAt: (p: number) => (activities[activityIndex[p] as number] as Activity).id,
    activityIndex,
    lat: permute.f64(rows.lat),
    lon: permute.f64(rows.lon),
    areaKm: permute.f32(rows.areaKm),
    kind: permute.u8(rows.kind),
    flags: permute.u8(rows.flags),
    intensity: permute.u8(rows.intensity),
    group: permute.u8(rows.group),
    category: permute.u8(rows.category),
    cost: permute.u8(rows.cost),
    access: permute.u8(rows.access),
    minAge: permute.u8(rows.minAge),
    maxAge: permute.u8(rows.maxAge),
    genders: permute.u8(rows.genders),
    peopleSet: permute.u16(rows.peopleSet),
    peopleSets: rows.peopleSets,
    designedFor: permute.u32(rows.designedFor),
    unsuitableFor: permute.u32(rows.unsuitableFor),
    needs: permute.u16(rows.needs),
    verifiedDay: permute.f32(rows.verifiedDay),
    lastSessionDay: permute.f32(rows.lastSessionDay),
    lastJoinDay: permute.f32(rows.lastJoinDay),
    expiryDay: permute.f32(rows.expiryDay),
    waitWeeks: permute.f32(rows.waitWeeks),
    zone: permute.u8(rows.zone),
    zones: rows.zones,
    namedAreas: rows.namedAreas,
    areaIndex: rows.areaIndex,
    tagStart,
    tagIds,
    tagNames: rows.tagNames,
    tagIndex: rows.tagIndex,
    windowStart,
    windows,
  };
}

/** The id of `key` in `values`, adding it when new. */
function intern(index: Map<string, number>, values: string[], key: string): number {
  let id = index.get(key);
  if (id === undefined) {
    id = values.length;
    index.set(key, id);
    values.push(key);
  }
  return id;
}

/** Bytes held by the typed arrays of the columns (the dictionaries are small and not counted). */
export function columnBytes(c: Columns): number {
  let bytes = 0;
  for (const value of Object.values(c)) if (ArrayBuffer.isView(value)) bytes += value.byteLength;
  return bytes;
}
