/**
 * A hand-written fast path for `ActivitySchema` (./activity.ts), for loading big catalogues.
 *
 * `ActivitySchema.safeParse` costs tens of microseconds per record; a million-record catalogue
 * needs validation an order of magnitude cheaper. This module restates the schema's rules as
 * plain loops and comparisons, but zod stays the single source of truth: the fast path only
 * ever *accepts*, it never explains. Anything it does not recognise, and anything invalid, it
 * hands back to zod, which decides and writes the error messages.
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
 * - Every object's fields (the activity's and its sub-objects': location, service area, cost,
 *   eligibility, conditions, capacity, accessibility), their order, whether each is required,
 *   optional or defaulted, and the defaults are read from the schemas' shapes by `objectCheck`
 *   (./fast-object.ts); only the check of each field's value is written here, in tables typed by
 *   the shapes, so a field added to a schema does not compile until it has a check.
 * - Unknown keys are found with `for...in`, as zod's strict objects find them, and values are
 *   read and tested for presence (`key in object`) as zod reads them, so keys inherited from
 *   `Object.prototype` behave the same.
 * - It defers on objects whose prototype is not `Object.prototype` or `null`, on arrays that are
 *   not plain arrays, and on holes (an element read as `undefined` is invalid in every list).
 * - The rare fields `schedules` (when non-empty), `programme`, `audience`, `inferred` and `source` go
 *   through their own zod schemas (`ScheduleSchema`, `ProgrammeSchema`, …), whose output is
 *   then frozen.
 * - Rules that the schemas only state inline in a zod chain (text trimming and lengths, number
 *   bounds, enum lists, the language pattern) are restated; shared rules are imported
 *   (`isIsoDate`, `parseClock`, `isTimeZone`, the vocabularies, `normaliseTag`, the enum
 *   lists). Restatements shared with the client profile's fast path (texts, numbers, dates,
 *   vocabulary lists, languages, weekly windows) live in ./fast-common.ts.
 *
 * The tests (test/schema/fast-activity.test.ts) pin this module to zod: every fixture and
 * generated record, every single edit of a full record, and random mutations of valid records
 * must give zod's exact output or `undefined`.
 *
 * Size: over 300 lines: it still restates the rules of each field's value (issue #19 asks for
 * one source of truth for validation; the field list already comes from the schema).
 *
 * @module
 */
import { ActivityAccessibilitySchema, ActivityLocationSchema, ActivitySchema, AudienceSchema, CostSchema, EligibilitySchema, COST_LEVELS, GENDERS, GROUP_SIZES, INTENSITIES, InferredSchema, REFERRAL_ROUTES, ServiceAreaSchema, SourceSchema } from './activity.js';
import type { Activity } from './activity.js';
import { isTimeZone } from './common.js';
import { CACHE_LIMIT, conditionList, EMPTY_LIST, exactList, freeze, includes, isIntIn, isNumberIn, isoDate, isPlainArray, isPlainObject, languageList, needList, term, text, windowList } from './fast-common.js';
import type { Obj } from './fast-common.js';
import { objectCheck } from './fast-object.js';
import { CapacitySchema } from './capacity.js';
import { ProgrammeSchema } from './programme.js';
import { ScheduleSchema } from './schedule.js';
import { normaliseTag, vocabularies } from '../vocabulary/index.js';

const INTENSITY_SET: ReadonlySet<string> = new Set(INTENSITIES);
const GROUP_SIZE_SET: ReadonlySet<string> = new Set(GROUP_SIZES);
const COST_LEVEL_SET: ReadonlySet<string> = new Set(COST_LEVELS);
const GENDER_SET: ReadonlySet<string> = new Set(GENDERS);
const ROUTE_SET: ReadonlySet<string> = new Set(REFERRAL_ROUTES);
/** `CostSchema.per` (stated inline in the schema). */
const PER_SET: ReadonlySet<string> = new Set(['session', 'week', 'month', 'course', 'year']);

const isBoolean = (value: unknown) => (typeof value === 'boolean' ? value : undefined);

/** Vocabulary answers already found valid (see `CACHE_LIMIT`). */
const tagCache = new Map<string, string>();
const categoryCache = new Map<string, string>();

/** `TagSchema` list (max 100), de-duplicated in first-seen order. */
function tagList(value: unknown): readonly string[] | undefined {
  if (!isPlainArray(value)) return undefined;
  const n = value.length;
  if (n > 100) return undefined;
  if (n === 0) return EMPTY_LIST;
  const out = exactList<string>(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const t = text(value[i], 80);
    if (t === undefined) return undefined;
    let tag = tagCache.get(t);
    if (tag === undefined) {
      tag = normaliseTag(t);
      if (tag === '') return undefined;
      if (tagCache.size < CACHE_LIMIT) tagCache.set(t, tag);
    }
    if (!includes(out, k, tag)) out[k++] = tag;
  }
  if (k < n) out.length = k;
  return freeze(out);
}

/** A list of enum values with at least one entry (eligibility `genders`, `referralRoutes`); not de-duplicated. */
function enumList(value: unknown, allowed: ReadonlySet<string>): readonly string[] | undefined {
  if (!isPlainArray(value)) return undefined;
  const n = value.length;
  if (n < 1) return undefined;
  const out = exactList<string>(n);
  for (let i = 0; i < n; i++) {
    const s = value[i];
    if (typeof s !== 'string' || !allowed.has(s)) return undefined;
    out[i] = s;
  }
  return freeze(out);
}

const latitude = (v: unknown) => (isNumberIn(v, -90, 90) ? v : undefined);
const longitude = (v: unknown) => (isNumberIn(v, -180, 180) ? v : undefined);
/** Leaves a field, when present, to the object's own schema. */
const toSchema = () => undefined;

/** `ServiceAreaSchema` in its common form, a centre and radius; names and districts go to the schema. */
const circle = objectCheck(
  () => ServiceAreaSchema,
  { lat: latitude, lon: longitude, radiusKm: (v) => (isNumberIn(v, 0, 1000) && v > 0 ? v : undefined), names: toSchema, postcodeDistricts: toSchema },
  (a) => a.lat !== undefined && a.lon !== undefined && a.radiusKm !== undefined,
);
const serviceArea = (value: unknown) => circle(value) ?? delegated(ServiceAreaSchema, value);

/** The kind, already matched by `location`. */
const kind = (v: unknown) => v;
/** A venue with a known position and no area; the others (imported directory records) go to the schema. */
const venue = objectCheck(
  () => ActivityLocationSchema.options[0],
  { kind, lat: latitude, lon: longitude, venue: (v) => text(v, 200), address: (v) => text(v, 500), postcode: (v) => text(v, 10), area: toSchema },
  (v) => v.lat !== undefined && v.lon !== undefined,
);
const home = objectCheck(() => ActivityLocationSchema.options[1], { kind, area: serviceArea });
const phone = objectCheck(() => ActivityLocationSchema.options[2], { kind, area: serviceArea });
const online = objectCheck(() => ActivityLocationSchema.options[3], { kind, area: serviceArea });

/** `ActivityLocationSchema`: venue, home, phone or online. */
function location(value: unknown): Obj | undefined {
  if (!isPlainObject(value)) return undefined;
  switch (value.kind) {
    case 'venue':
      return venue(value) ?? (delegated(ActivityLocationSchema, value) as Obj | undefined);
    case 'home':
      return home(value);
    case 'phone':
      return phone(value);
    case 'online':
      return online(value);
    default:
      return undefined;
  }
}

/** `CapacitySchema`. */
const capacity = objectCheck(() => CapacitySchema, {
  placesLeft: (v) => (isIntIn(v, 0, 100_000) ? v : undefined),
  waitingList: isBoolean,
  usualWaitWeeks: (v) => (isIntIn(v, 0, 520) ? v : undefined),
  updated: isoDate,
  description: (v) => text(v, 500),
});

/** `CostSchema.freePeriod`: at least one week, and sessions a week if known. */
const freePeriod = objectCheck(() => CostSchema.shape.freePeriod.unwrap(), {
  weeks: (v) => (isIntIn(v, 1, 520) ? v : undefined),
  sessionsPerWeek: (v) => (isIntIn(v, 0, 14) ? v : undefined),
});

/** `CostSchema`. */
const cost = objectCheck(() => CostSchema, {
  level: (v) => (typeof v === 'string' && COST_LEVEL_SET.has(v) ? v : undefined),
  amountGBP: (v) => (isNumberIn(v, 0, 100_000) ? v : undefined),
  per: (v) => (typeof v === 'string' && PER_SET.has(v) ? v : undefined),
  freePeriod,
  description: (v) => text(v, 500),
});

/** `EligibilitySchema`, including its minAge ≤ maxAge refinement. */
const eligibility = objectCheck(
  () => EligibilitySchema,
  {
    minAge: (v) => (isIntIn(v, 0, 130) ? v : undefined),
    maxAge: (v) => (isIntIn(v, 0, 130) ? v : undefined),
    genders: (v) => enumList(v, GENDER_SET),
    referralRoutes: (v) => enumList(v, ROUTE_SET),
  },
  (e) => e.minAge === undefined || e.maxAge === undefined || (e.minAge as number) <= (e.maxAge as number),
);

/** The `conditions` object: two condition lists, each defaulting to empty. */
const conditions = objectCheck(() => ActivitySchema.shape.conditions.unwrap(), { designedFor: conditionList, unsuitableFor: conditionList });

/** `ActivityAccessibilitySchema`: four optional booleans. */
const accessibility = objectCheck(() => ActivityAccessibilitySchema, { wheelchair: isBoolean, stepFree: isBoolean, hearingLoop: isBoolean, accessibleToilet: isBoolean });

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  for (const v of Object.values(value)) deepFreeze(v);
  freeze(value);
}

/** `schedules`: each element through `ScheduleSchema` (rare in big catalogues). */
function scheduleList(value: unknown): readonly unknown[] | undefined {
  if (!isPlainArray(value)) return undefined;
  const n = value.length;
  if (n > 100) return undefined;
  if (n === 0) return EMPTY_LIST;
  const out = exactList<unknown>(n);
  for (let i = 0; i < n; i++) {
    const r = ScheduleSchema.safeParse(value[i]);
    if (!r.success) return undefined;
    deepFreeze(r.data);
    out[i] = r.data;
  }
  return freeze(out);
}

/** A rare sub-object validated by its own zod schema; `undefined` when it fails. */
function delegated(schema: { safeParse(input: unknown): { success: boolean; data?: unknown } }, value: unknown): unknown {
  const r = schema.safeParse(value);
  if (!r.success || r.data === undefined) return undefined;
  deepFreeze(r.data);
  return r.data;
}

const isDescription = (value: unknown) => (typeof value === 'string' && value.length <= 20000 ? value : undefined);
const isUrl = (value: unknown) => (typeof value === 'string' && value.length <= 2000 ? value : undefined);
const inSet = (allowed: ReadonlySet<string>) => (value: unknown) => (typeof value === 'string' && allowed.has(value) ? value : undefined);

/** `ActivitySchema`: its fields, order, presence and defaults from the schema; the check of each field's value here. */
const activity = objectCheck(() => ActivitySchema, {
  id: (value) => text(value, 200),
  name: (value) => text(value, 300),
  provider: (value) => text(value, 300),
  description: isDescription,
  category: (value) => term(value, vocabularies.categories, categoryCache),
  tags: tagList,
  location,
  sessions: (value) => windowList(value, 200),
  schedules: scheduleList,
  timeZone: (value) => (typeof value === 'string' && isTimeZone(value) ? value : undefined),
  programme: (value) => delegated(ProgrammeSchema, value),
  capacity,
  intensity: inSet(INTENSITY_SET),
  groupSize: inSet(GROUP_SIZE_SET),
  supported: isBoolean,
  cost,
  eligibility,
  conditions,
  needs: needList,
  audience: (value) => delegated(AudienceSchema, value),
  accessibility,
  languages: languageList,
  lastVerified: isoDate,
  url: isUrl,
  inferred: (value) => delegated(InferredSchema, value),
  source: (value) => delegated(SourceSchema, value),
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
