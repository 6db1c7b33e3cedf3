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
 * - The activity's fields, their order, whether each is required, optional or defaulted, and
 *   the defaults are read from `ActivitySchema.shape` once, on first use; only the check of each
 *   field's value is written here (`CHECKS`, typed by the schema's shape, so a field added to the
 *   schema does not compile until it has a check). The fields are then checked by straight-line
 *   code generated from that list, or by a loop where generating code is forbidden.
 * - Unknown keys are found with `for...in`, as zod's strict objects find them, and values are
 *   read and tested for presence (`key in object`) as zod reads them, so keys inherited from
 *   `Object.prototype` behave the same. The sub-objects' keys (cost, eligibility, capacity,
 *   accessibility, service areas) are still listed here, and a test pins those lists.
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
import { z } from 'zod';
import { ActivityLocationSchema, ActivitySchema, AudienceSchema, COST_LEVELS, GENDERS, GROUP_SIZES, INTENSITIES, InferredSchema, REFERRAL_ROUTES, ServiceAreaSchema, SourceSchema } from './activity.js';
import type { Activity } from './activity.js';
import { isTimeZone } from './common.js';
import { CACHE_LIMIT, conditionList, EMPTY_LIST, exactList, freeze, includes, isIntIn, isNumberIn, isoDate, isPlainArray, isPlainObject, languageList, needList, term, text, windowList } from './fast-common.js';
import type { Obj } from './fast-common.js';
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

/** `ServiceAreaSchema` in its common form, a centre and radius; names and districts go to zod. */
function serviceArea(value: unknown): Obj | undefined {
  if (!isPlainObject(value)) return undefined;
  for (const k in value) if (k !== 'lat' && k !== 'lon' && k !== 'radiusKm') return delegated(ServiceAreaSchema, value) as Obj | undefined;
  const lat = value.lat;
  const lon = value.lon;
  const radiusKm = value.radiusKm;
  if (!isNumberIn(lat, -90, 90) || !isNumberIn(lon, -180, 180) || !isNumberIn(radiusKm, 0, 1000) || radiusKm <= 0) return undefined;
  return freeze({ lat, lon, radiusKm });
}

/**
 * `ActivityLocationSchema`: venue, home, phone or online. A venue with a known position and no
 * area is restated here; a venue without a position or with an area (imported directory records)
 * goes through the schema itself.
 */
function location(value: unknown): Obj | undefined {
  if (!isPlainObject(value)) return undefined;
  const kind = value.kind;
  if (kind === 'venue') {
    if (value.lat === undefined || value.lon === undefined || 'area' in value) return delegated(ActivityLocationSchema, value) as Obj | undefined;
    for (const k in value) if (k !== 'kind' && k !== 'lat' && k !== 'lon' && k !== 'venue' && k !== 'address' && k !== 'postcode') return undefined;
    const lat = value.lat;
    const lon = value.lon;
    if (!isNumberIn(lat, -90, 90) || !isNumberIn(lon, -180, 180)) return undefined;
    const out: Obj = { kind, lat, lon };
    const venue = value.venue;
    if (venue !== undefined) {
      const t = text(venue, 200);
      if (t === undefined) return undefined;
      out.venue = t;
    } else if ('venue' in value) out.venue = undefined;
    const address = value.address;
    if (address !== undefined) {
      const t = text(address, 500);
      if (t === undefined) return undefined;
      out.address = t;
    } else if ('address' in value) out.address = undefined;
    const postcode = value.postcode;
    if (postcode !== undefined) {
      const t = text(postcode, 10);
      if (t === undefined) return undefined;
      out.postcode = t;
    } else if ('postcode' in value) out.postcode = undefined;
    return freeze(out);
  }
  if (kind !== 'home' && kind !== 'phone' && kind !== 'online') return undefined;
  for (const k in value) if (k !== 'kind' && k !== 'area') return undefined;
  const area = value.area;
  if (area === undefined) return freeze('area' in value ? { kind, area: undefined } : { kind });
  const a = serviceArea(area);
  return a === undefined ? undefined : freeze({ kind, area: a });
}

/** `CapacitySchema`. */
function capacity(value: unknown): Obj | undefined {
  if (!isPlainObject(value)) return undefined;
  for (const k in value) if (k !== 'placesLeft' && k !== 'waitingList' && k !== 'usualWaitWeeks' && k !== 'updated' && k !== 'description') return undefined;
  const out: Obj = {};
  const placesLeft = value.placesLeft;
  if (placesLeft !== undefined) {
    if (!isIntIn(placesLeft, 0, 100_000)) return undefined;
    out.placesLeft = placesLeft;
  } else if ('placesLeft' in value) out.placesLeft = undefined;
  const waitingList = value.waitingList;
  if (waitingList !== undefined) {
    if (typeof waitingList !== 'boolean') return undefined;
    out.waitingList = waitingList;
  } else if ('waitingList' in value) out.waitingList = undefined;
  const usualWaitWeeks = value.usualWaitWeeks;
  if (usualWaitWeeks !== undefined) {
    if (!isIntIn(usualWaitWeeks, 0, 520)) return undefined;
    out.usualWaitWeeks = usualWaitWeeks;
  } else if ('usualWaitWeeks' in value) out.usualWaitWeeks = undefined;
  const updated = value.updated;
  if (updated !== undefined) {
    const d = isoDate(updated);
    if (d === undefined) return undefined;
    out.updated = d;
  } else if ('updated' in value) out.updated = undefined;
  const description = value.description;
  if (description !== undefined) {
    const t = text(description, 500);
    if (t === undefined) return undefined;
    out.description = t;
  } else if ('description' in value) out.description = undefined;
  return freeze(out);
}

/** `CostSchema.freePeriod`. */
function freePeriod(value: unknown): Obj | undefined {
  if (!isPlainObject(value)) return undefined;
  for (const k in value) if (k !== 'weeks' && k !== 'sessionsPerWeek') return undefined;
  const weeks = value.weeks;
  if (!isIntIn(weeks, 1, 520)) return undefined;
  const sessionsPerWeek = value.sessionsPerWeek;
  if (sessionsPerWeek !== undefined) return isIntIn(sessionsPerWeek, 0, 14) ? freeze({ weeks, sessionsPerWeek }) : undefined;
  return freeze('sessionsPerWeek' in value ? { weeks, sessionsPerWeek: undefined } : { weeks });
}

/** `CostSchema`. */
function cost(value: unknown): Obj | undefined {
  if (!isPlainObject(value)) return undefined;
  for (const k in value) if (k !== 'level' && k !== 'amountGBP' && k !== 'per' && k !== 'freePeriod' && k !== 'description') return undefined;
  const level = value.level;
  if (typeof level !== 'string' || !COST_LEVEL_SET.has(level)) return undefined;
  const out: Obj = { level };
  const amountGBP = value.amountGBP;
  if (amountGBP !== undefined) {
    if (!isNumberIn(amountGBP, 0, 100_000)) return undefined;
    out.amountGBP = amountGBP;
  } else if ('amountGBP' in value) out.amountGBP = undefined;
  const per = value.per;
  if (per !== undefined) {
    if (typeof per !== 'string' || !PER_SET.has(per)) return undefined;
    out.per = per;
  } else if ('per' in value) out.per = undefined;
  const free = value.freePeriod;
  if (free !== undefined) {
    const f = freePeriod(free);
    if (f === undefined) return undefined;
    out.freePeriod = f;
  } else if ('freePeriod' in value) out.freePeriod = undefined;
  const description = value.description;
  if (description !== undefined) {
    const t = text(description, 500);
    if (t === undefined) return undefined;
    out.description = t;
  } else if ('description' in value) out.description = undefined;
  return freeze(out);
}

/** `EligibilitySchema`, including its minAge ≤ maxAge refinement. */
function eligibility(value: unknown): Obj | undefined {
  if (!isPlainObject(value)) return undefined;
  for (const k in value) if (k !== 'minAge' && k !== 'maxAge' && k !== 'genders' && k !== 'referralRoutes') return undefined;
  const out: Obj = {};
  const minAge = value.minAge;
  if (minAge !== undefined) {
    if (!isIntIn(minAge, 0, 130)) return undefined;
    out.minAge = minAge;
  } else if ('minAge' in value) out.minAge = undefined;
  const maxAge = value.maxAge;
  if (maxAge !== undefined) {
    if (!isIntIn(maxAge, 0, 130)) return undefined;
    if (minAge !== undefined && (minAge as number) > maxAge) return undefined;
    out.maxAge = maxAge;
  } else if ('maxAge' in value) out.maxAge = undefined;
  const genders = value.genders;
  if (genders !== undefined) {
    const g = enumList(genders, GENDER_SET);
    if (g === undefined) return undefined;
    out.genders = g;
  } else if ('genders' in value) out.genders = undefined;
  const routes = value.referralRoutes;
  if (routes !== undefined) {
    const r = enumList(routes, ROUTE_SET);
    if (r === undefined) return undefined;
    out.referralRoutes = r;
  } else if ('referralRoutes' in value) out.referralRoutes = undefined;
  return freeze(out);
}

/** The `conditions` object: two condition lists, each defaulting to empty. */
function conditions(value: unknown): Obj | undefined {
  if (!isPlainObject(value)) return undefined;
  for (const k in value) if (k !== 'designedFor' && k !== 'unsuitableFor') return undefined;
  const d = value.designedFor;
  const u = value.unsuitableFor;
  const designedFor = d === undefined ? EMPTY_LIST : conditionList(d);
  if (designedFor === undefined) return undefined;
  const unsuitableFor = u === undefined ? EMPTY_LIST : conditionList(u);
  if (unsuitableFor === undefined) return undefined;
  return freeze({ designedFor, unsuitableFor });
}

/** `ActivityAccessibilitySchema`: four optional booleans. */
function accessibility(value: unknown): Obj | undefined {
  if (!isPlainObject(value)) return undefined;
  for (const k in value) if (k !== 'wheelchair' && k !== 'stepFree' && k !== 'hearingLoop' && k !== 'accessibleToilet') return undefined;
  const out: Obj = {};
  const wheelchair = value.wheelchair;
  if (wheelchair !== undefined) {
    if (typeof wheelchair !== 'boolean') return undefined;
    out.wheelchair = wheelchair;
  } else if ('wheelchair' in value) out.wheelchair = undefined;
  const stepFree = value.stepFree;
  if (stepFree !== undefined) {
    if (typeof stepFree !== 'boolean') return undefined;
    out.stepFree = stepFree;
  } else if ('stepFree' in value) out.stepFree = undefined;
  const hearingLoop = value.hearingLoop;
  if (hearingLoop !== undefined) {
    if (typeof hearingLoop !== 'boolean') return undefined;
    out.hearingLoop = hearingLoop;
  } else if ('hearingLoop' in value) out.hearingLoop = undefined;
  const accessibleToilet = value.accessibleToilet;
  if (accessibleToilet !== undefined) {
    if (typeof accessibleToilet !== 'boolean') return undefined;
    out.accessibleToilet = accessibleToilet;
  } else if ('accessibleToilet' in value) out.accessibleToilet = undefined;
  return freeze(out);
}

/** Freezes a value produced by a delegated zod schema (fresh objects, never the input's). */
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

/** How the fast path checks one field's value (never `undefined`): the checked output, or `undefined` to leave the record to zod. */
type Check = (value: unknown) => unknown;

const isDescription = (value: unknown) => (typeof value === 'string' && value.length <= 20000 ? value : undefined);
const isUrl = (value: unknown) => (typeof value === 'string' && value.length <= 2000 ? value : undefined);
const inSet = (allowed: ReadonlySet<string>) => (value: unknown) => (typeof value === 'string' && allowed.has(value) ? value : undefined);

/**
 * The check of every field of `ActivitySchema`. Typed by the schema's shape, so a field added to
 * the schema does not compile until it has a check here; which fields are required, optional or
 * defaulted, their defaults and their order come from the schema itself (`fieldsOf`).
 */
const CHECKS: { readonly [K in keyof typeof ActivitySchema.shape]: Check } = {
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
  supported: (value) => (typeof value === 'boolean' ? value : undefined),
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
};

const REQUIRED = 0;
const OPTIONAL = 1;
const DEFAULTED = 2;

interface Field {
  readonly key: string;
  readonly presence: typeof REQUIRED | typeof OPTIONAL | typeof DEFAULTED;
  /** The schema's default, deep-frozen once and shared by every record that leaves the field out. */
  readonly fallback: unknown;
  readonly check: Check;
}

let fields: readonly Field[] | undefined;

/** The schema's fields in its order (zod writes outputs in this order), read once on first use. */
function fieldsOf(): readonly Field[] {
  if (fields !== undefined) return fields;
  const shape: Readonly<Record<string, z.ZodType>> = ActivitySchema.shape;
  const checks: Readonly<Record<string, Check>> = CHECKS;
  fields = Object.keys(shape).map((key): Field => {
    const schema = shape[key];
    const check = checks[key] as Check;
    if (schema instanceof z.ZodOptional) return { key, presence: OPTIONAL, fallback: undefined, check };
    if (schema instanceof z.ZodDefault) {
      const fallback: unknown = schema.def.defaultValue;
      deepFreeze(fallback);
      return { key, presence: DEFAULTED, fallback, check };
    }
    return { key, presence: REQUIRED, fallback: undefined, check };
  });
  return fields;
}

/** The per-record check: generated once from the field list (see `compileParse`), or the loop when code cannot be generated. */
/** The schema's field names. */
const KNOWN_KEYS: ReadonlySet<string> = new Set(Object.keys(CHECKS));

let parseFields: ((o: Obj) => Obj | undefined) | undefined;

/** The fields, checked in a loop: the same steps as the generated code, for runtimes that forbid generating code. */
function parseFieldsLoop(o: Obj): Obj | undefined {
  const out: Obj = {};
  for (const field of fieldsOf()) {
    const value = o[field.key];
    if (value === undefined) {
      // Absent or undefined: zod writes the default, keeps an optional key that is present, and fails a required one.
      if (field.presence === DEFAULTED) out[field.key] = field.fallback;
      else if (field.presence === OPTIONAL) {
        if (field.key in o) out[field.key] = undefined;
      } else return undefined;
      continue;
    }
    const checked = field.check(value);
    if (checked === undefined) return undefined;
    out[field.key] = checked;
  }
  return out;
}

/**
 * The loop of {@link parseFieldsLoop} unrolled into straight-line code over the schema's field
 * list, so each field is read and written by a constant name (a loop over keys made every read
 * and write a keyed access through V8's megamorphic cache: 1.28× the time per record). The code
 * holds only the field names (from the schema) and indices into the field list; where generating
 * code is forbidden (a content security policy without 'unsafe-eval'), the loop is used.
 */
function compileParse(list: readonly Field[]): (o: Obj) => Obj | undefined {
  const steps = list.map((field, i) => {
    const key = JSON.stringify(field.key);
    const absent =
      field.presence === DEFAULTED ? `out[${key}] = F[${i}].fallback;` : field.presence === OPTIONAL ? `if (${key} in o) out[${key}] = undefined;` : 'return undefined;';
    return `v = o[${key}]; if (v === undefined) { ${absent} } else { c = check${i}(v); if (c === undefined) return undefined; out[${key}] = c; }`;
  });
  // Each check is bound once to a constant of the generated closure, so the optimiser can inline it.
  const checks = list.map((_, i) => `const check${i} = F[${i}].check;`).join('\n');
  try {
    return new Function('F', `${checks}\nreturn function parseFields(o) { const out = {}; let v, c;\n${steps.join('\n')}\nreturn out; };`)(list) as (o: Obj) => Obj | undefined;
  } catch {
    return parseFieldsLoop;
  }
}

function parse(input: unknown, fieldsParser: (o: Obj) => Obj | undefined): Obj | undefined {
  if (!isPlainObject(input)) return undefined;
  const o = input;
  // Strict keys, checked like zod (`for...in`): anything but a field of the schema defers.
  for (const k in o) if (!KNOWN_KEYS.has(k)) return undefined;
  const out = fieldsParser(o);
  return out === undefined ? undefined : freeze(out);
}

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
    parseFields ??= compileParse(fieldsOf());
    return parse(input, parseFields) as Activity | undefined;
  } catch {
    return undefined;
  }
}

/**
 * {@link fastParseActivity} with the fields checked in a loop rather than by generated code:
 * what runs where generating code is forbidden. Internal, so the tests can hold it to zod too.
 */
export function fastParseActivityByLoop(input: unknown): Activity | undefined {
  try {
    return parse(input, parseFieldsLoop) as Activity | undefined;
  } catch {
    return undefined;
  }
}
