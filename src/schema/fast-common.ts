/**
 * The hand-written checks the validation fast paths keep (`fast-activity.ts` for catalogue
 * records, `fast-client.ts` for client profiles), where a cache makes them faster than the check
 * compiled from the schema (./fast-compile.ts): vocabulary terms and lists, weekly windows (clock
 * times) and dates. Each calls the same shared rule as its schema (the vocabularies,
 * `parseClock`, `isIsoDate`) and returns the value zod would output, or `undefined` for anything
 * zod would reject or that a fast path leaves to zod. Lists and objects they build are frozen;
 * empty lists are a shared frozen instance. Also the plain-object and plain-array tests that the
 * compiled checks use.
 *
 * Internal: not exported from the package. The fast paths' tests pin every use to zod.
 *
 * @module
 */
import { DAYS, isIsoDate, parseClock } from './common.js';
import { vocabularies } from '../vocabulary/index.js';
import type { Vocabulary } from '../vocabulary/index.js';
import { CLINICAL_VOCABULARIES } from '../vocabulary/snomed.js';

export type Obj = Record<string, unknown>;

const OBJECT_PROTO = Object.prototype;
const ARRAY_PROTO = Array.prototype;
const getPrototypeOf = Object.getPrototypeOf;
export const freeze = Object.freeze;
const isArray = Array.isArray;

/** Freezes `value` and every object and array in it, and returns it (a schema's default, a transform's output, a validated record). */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    freeze(value);
  }
  return value;
}

/** The shared frozen empty list: equal to zod's fresh copies, and free. */
export const EMPTY_LIST: readonly never[] = freeze([]);

const DAY_SET: ReadonlySet<string> = new Set(DAYS);

/**
 * Caches of answers already found valid, bounded like `isTimeZone`'s: the same few hundred
 * dates, tags and terms recur across a catalogue, and a vocabulary look-up of a hyphenated id
 * ("type-2-diabetes") misses the exact map and folds the text every time.
 */
export const CACHE_LIMIT = 10_000;
const validDates = new Set<string>();
const clockCache = new Map<string, number>();
const conditionCache = new Map<string, string>();
const needCache = new Map<string, string>();

/** `ClockTimeSchema` ("HH:MM"): minutes after midnight, or undefined. */
function clock(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  let minutes = clockCache.get(value);
  if (minutes === undefined) {
    minutes = parseClock(value);
    if (minutes !== undefined && clockCache.size < CACHE_LIMIT) clockCache.set(value, minutes);
  }
  return minutes;
}

/** An object zod reads as a plain record: prototype `Object.prototype` or `null`. */
export function isPlainObject(value: unknown): value is Obj {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = getPrototypeOf(value);
  return proto === OBJECT_PROTO || proto === null;
}

/** An array that is not a subclass (holes are found where elements are checked). */
export function isPlainArray(value: unknown): value is readonly unknown[] {
  return isArray(value) && getPrototypeOf(value) === ARRAY_PROTO;
}

/**
 * An array of length `n` to fill in order. Sized exactly: `[]` and `push` reserve room for about
 * 17 elements, which over a catalogue of short lists retains some 400 bytes a record.
 */
export function exactList<T>(n: number): T[] {
  return new Array<T>(n);
}

/** Whether `list[0..k)` contains `item` (de-duplication of short lists, first seen wins). */
export function includes(list: readonly string[], k: number, item: string): boolean {
  for (let i = 0; i < k; i++) if (list[i] === item) return true;
  return false;
}

/** `text(max)`: a string, trimmed, then 1 to `max` characters. */
export function text(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const t = value.trim();
  return t.length >= 1 && t.length <= max ? t : undefined;
}

/** `IsoDateSchema`. */
export function isoDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (validDates.has(value)) return value;
  if (!isIsoDate(value)) return undefined;
  if (validDates.size < CACHE_LIMIT) validDates.add(value);
  return value;
}



/** `termSchema`: a string of at most 200 characters that the vocabulary knows; the canonical id. */
export function term(value: unknown, vocabulary: Vocabulary, cache: Map<string, string>): string | undefined {
  if (typeof value !== 'string' || value.length > 200) return undefined;
  let id = cache.get(value);
  if (id === undefined) {
    id = vocabulary.lookup(value);
    if (id !== undefined && cache.size < CACHE_LIMIT) cache.set(value, id);
  }
  return id;
}

/** A list of at most 100 items, each checked by `item`, de-duplicated in first-seen order (`termListSchema`, `TagSchema` lists). */
export function uniqueList(value: unknown, item: (value: unknown) => string | undefined): readonly string[] | undefined {
  if (!isPlainArray(value)) return undefined;
  const n = value.length;
  if (n > 100) return undefined;
  if (n === 0) return EMPTY_LIST;
  const out = exactList<string>(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const id = item(value[i]);
    if (id === undefined) return undefined;
    if (!includes(out, k, id)) out[k++] = id;
  }
  if (k < n) out.length = k;
  return freeze(out);
}

/** `termListSchema` (max 100), de-duplicated in first-seen order. */
export function termList(value: unknown, vocabulary: Vocabulary, cache: Map<string, string>): readonly string[] | undefined {
  return uniqueList(value, (v) => term(v, vocabulary, cache));
}

/** `conditionList()`: condition ids, synonyms accepted. */
export function conditionList(value: unknown): readonly string[] | undefined {
  return termList(value, CLINICAL_VOCABULARIES.conditions, conditionCache);
}

/**
 * `groupList()`: audience group ids, synonyms accepted. Not cached: which groups a client
 * belongs to (LGBTQ+, refugee, …) is more sensitive than a condition's spelling, and the
 * field is rare, so no spelling of it outlives the call.
 */
export function groupList(value: unknown): readonly string[] | undefined {
  return termList(value, vocabularies.groups, new Map());
}

/** `needList()`: need ids, synonyms accepted. */
export function needList(value: unknown): readonly string[] | undefined {
  return termList(value, CLINICAL_VOCABULARIES.needs, needCache);
}


/** A list of at most `max` `WeeklyWindowSchema` windows (an activity's sessions, a client's availability). */
export function windowList(value: unknown, max: number): readonly unknown[] | undefined {
  if (!isPlainArray(value)) return undefined;
  const n = value.length;
  if (n > max) return undefined;
  if (n === 0) return EMPTY_LIST;
  const out = exactList<unknown>(n);
  for (let i = 0; i < n; i++) {
    const w = value[i];
    if (!isPlainObject(w)) return undefined;
    for (const k in w) if (k !== 'day' && k !== 'start' && k !== 'end') return undefined;
    const day = w.day;
    const start = w.start;
    const end = w.end;
    if (typeof day !== 'string' || !DAY_SET.has(day)) return undefined;
    const s = clock(start);
    const e = clock(end);
    if (s === undefined || e === undefined || e <= s) return undefined;
    out[i] = freeze({ day, start, end });
  }
  return freeze(out);
}
