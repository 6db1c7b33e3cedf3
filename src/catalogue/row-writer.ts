/**
 * Writing validated activities into row-indexed typed arrays as they are validated
 * ({@link RowWriter}), one buffer for every fixed-size array and no object per activity; the
 * rows are then laid out in position order by `layout.ts`. Over 300 lines because `RowWriter.add`
 * is one function over every field of an activity, and splitting it would scatter one record's
 * encoding over several files.
 *
 * @module
 */
import type { Activity } from '../schema/activity.js';
import { GENDERS } from '../schema/activity.js';
import { DAYS } from '../schema/common.js';
import type { WeeklyWindow } from '../schema/common.js';
import { GROUP_CODES, INTENSITY_CODES } from '../signals/factors.js';
import { capacityFacts } from '../time/places.js';
import { dayFromIso } from '../time/dates.js';
import { clockMinutes } from '../schema/clock.js';
import { expiryDayOf, lastJoinDayOf, lastSessionDayOf, weeklyWindowsOf } from '../time/pattern.js';
import { CATEGORY_IDS, CONDITION_BITS, FLAG, KIND, NEED_BITS, audienceMasksOf, costCodeOf, districtKey, hashString, maskOf, nameKey, packWindow, tristate } from './codes.js';
import type { PeopleSet } from './codes.js';
import type { Dictionaries, NamedArea, RowTable } from './columns.js';

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

  /**
   * `capacity`: the most activities that will be added. `seed`: dictionaries to extend (a part
   * compiled by `update` extends the previous part's, so ids mean the same in both).
   */
  constructor(capacity: number, seed?: Dictionaries) {
    this.#capacity = capacity;
    if (seed !== undefined) {
      for (const tag of seed.tagNames) intern(this.#tagIndex, this.#tagNames, tag);
      for (const zone of seed.zones) intern(this.#zoneIndex, this.#zones, zone);
      for (const key of seed.areaKeys) intern(this.#areaIndex, this.#areaKeys, key);
      seed.peopleKeys.forEach((key, i) => {
        intern(this.#peopleIndex, this.#peopleKeys, key);
        this.#peopleSets.push(seed.peopleSets[i] as PeopleSet);
      });
    }
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
      peopleKeys: this.#peopleKeys,
      zones: this.#zones,
      namedAreas: this.#namedAreas,
      areaIndex: this.#areaIndex,
      areaKeys: this.#areaKeys,
      tagIds: this.#tagIds.toArray(),
      tagNames: this.#tagNames,
      tagIndex: this.#tagIndex,
      windows: this.#windows.toArray(),
    };
  }
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
