/**
 * The validation fast path for `ActivitySchema` (./activity.ts), for loading big catalogues.
 *
 * `ActivitySchema.safeParse` costs tens of microseconds per record; a million-record catalogue
 * needs validation an order of magnitude cheaper. The check is compiled once from the schema
 * itself (./fast-object.ts, ./fast-compile.ts), so zod stays the single source of truth: the
 * fast path only ever *accepts*, it never explains. Anything it does not recognise, and anything
 * invalid, it hands back to zod, which decides and writes the error messages.
 *
 * **Contract** of {@link fastParseActivity}:
 * - It returns a value only when `ActivitySchema.safeParse(input)` succeeds, and the value is
 *   deep-equal to zod's output including own-key order and which keys are present (zod 4
 *   writes objects in schema-shape order): defaults written (`tags: []`,
 *   `timeZone: 'Europe/London'`, `eligibility: {}`, …); an optional key absent from the input
 *   absent from the output; an optional key present with the value `undefined` present in the
 *   output with the value `undefined` (zod keeps it, and so does this).
 * - It returns `undefined` for anything invalid or unhandled; the caller then runs zod.
 * - The returned object and every object and array in it is frozen. Empty lists and the default
 *   `{}`, `['en']` and `conditions` values are shared frozen instances. The input is never
 *   mutated, frozen or shared with the output.
 * - It never throws (a throwing getter or proxy trap means `undefined`).
 *
 * How it stays equal to zod:
 * - Every object's fields (the activity's and every sub-object's), their order, whether each is
 *   required, optional or defaulted, the defaults, each field's rules (bounds, lengths, enum
 *   values, patterns, trimming, refinements, transforms) and each object's refinements are read
 *   from the schemas by `objectCheck` and the compiler. Written here are only the checks that
 *   read the vocabularies through caches (category, tags, conditions, needs, languages), the
 *   weekly sessions (clock times, cached, shared with the client's fast path) and the
 *   last-verified date (cached): each is a call of the same shared rule the schema calls
 *   (`normaliseTag`, the vocabularies, `parseClock`, `isIsoDate`), and a test holds each to zod.
 * - Unknown keys are found with `for...in`, as zod's strict objects find them, and values are
 *   read and tested for presence (`key in object`) as zod reads them, so keys inherited from
 *   `Object.prototype` behave the same.
 * - It defers on objects whose prototype is not `Object.prototype` or `null`, on arrays that are
 *   not plain arrays, and on holes (an element read as `undefined` is invalid in every list).
 *
 * The tests (test/schema/fast-activity.test.ts) pin this module to zod: every fixture and
 * generated record, every single edit of a full record, and random mutations of valid records
 * must give zod's exact output or `undefined`.
 *
 * @module
 */
import { ActivitySchema } from './activity.js';
import type { Activity } from './activity.js';
import { CACHE_LIMIT, conditionList, isoDate, needList, term, text, uniqueList, windowList } from './fast-common.js';
import { objectCheck } from './fast-object.js';
import { normaliseTag, vocabularies } from '../vocabulary/index.js';

/** Vocabulary answers already found valid (see `CACHE_LIMIT`). */
const tagCache = new Map<string, string>();
const categoryCache = new Map<string, string>();

/** A `TagSchema` tag, its normal form cached. */
function tag(value: unknown): string | undefined {
  const t = text(value, 80);
  if (t === undefined) return undefined;
  let normal = tagCache.get(t);
  if (normal === undefined) {
    normal = normaliseTag(t);
    if (normal === '') return undefined;
    if (tagCache.size < CACHE_LIMIT) tagCache.set(t, normal);
  }
  return normal;
}

/** The `conditions` object: two condition lists (vocabulary terms, cached), each defaulting to empty. */
const conditions = objectCheck(() => ActivitySchema.shape.conditions.unwrap(), { designedFor: conditionList, unsuitableFor: conditionList });

/** `ActivitySchema`: every field's check compiled from the schema but for these (see the module note). */
const activity = objectCheck(() => ActivitySchema, {
  category: (value) => term(value, vocabularies.categories, categoryCache),
  tags: (value) => uniqueList(value, tag),
  sessions: (value) => windowList(value, 200),
  conditions,
  needs: needList,
  lastVerified: isoDate,
});

/**
 * Validates one activity record without zod when it can: returns exactly what
 * `ActivitySchema.parse(input)` would (same values, same own keys in the same order, defaults
 * filled, vocabulary terms canonicalised), deep-frozen, or `undefined` when the record is
 * invalid or of a shape the fast path leaves to zod. On `undefined`, run
 * `ActivitySchema.safeParse(input)` for the verdict and the error messages.
 *
 * Never throws and never mutates `input`. Internal (for the catalogue loader): not exported from
 * the package.
 *
 * @example
 * ```ts
 * const record = { id: 'walk-1', name: ' Health walk ', category: 'exercise', location: { kind: 'venue', lat: 53.38, lon: -1.47 } };
 * const activity = fastParseActivity(record) ?? ActivitySchema.parse(record);
 * activity.name;            // 'Health walk'
 * activity.category;        // 'physical-activity'
 * activity.timeZone;        // 'Europe/London'
 * Object.isFrozen(activity); // true
 * fastParseActivity({ ...record, lat: 1 }); // undefined (unknown key: zod reports it)
 * ```
 */
export function fastParseActivity(input: unknown): Activity | undefined {
  try {
    return activity(input) as Activity | undefined;
  } catch {
    return undefined;
  }
}
