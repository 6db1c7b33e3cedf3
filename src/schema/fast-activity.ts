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
 * - Unknown keys are found with `for...in`, as zod's strict objects find them, and values are
 *   read and tested for presence (`key in object`) as zod reads them, so keys inherited from
 *   `Object.prototype` behave the same. The known keys are listed here, not read from the
 *   schema: a key added to the schema but not to this file makes the fast path defer instead
 *   of dropping it (a test pins the schemas' key lists).
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
 * Size: over 500 lines: it restates `ActivitySchema` field by field (issue #19 asks for one
 * source of truth for validation; until then this file and its pinning tests are the cost).
 *
 * @module
 */
import { ActivityLocationSchema, AudienceSchema, COST_LEVELS, GENDERS, GROUP_SIZES, INTENSITIES, InferredSchema, REFERRAL_ROUTES, ServiceAreaSchema, SourceSchema } from './activity.js';
import type { Activity } from './activity.js';
import { isTimeZone } from './common.js';
import { CACHE_LIMIT, conditionList, DEFAULT_LANGUAGES, EMPTY_LIST, exactList, freeze, includes, isIntIn, isNumberIn, isoDate, isPlainArray, isPlainObject, languageList, needList, term, text, windowList } from './fast-common.js';
import type { Obj } from './fast-common.js';
import { ProgrammeSchema } from './programme.js';
import { ScheduleSchema } from './schedule.js';
import { normaliseTag, vocabularies } from '../vocabulary/index.js';

const DEFAULT_TIME_ZONE = 'Europe/London';
const EMPTY_OBJECT: Obj = freeze({});
const DEFAULT_CONDITIONS: Obj = freeze({ designedFor: EMPTY_LIST, unsuitableFor: EMPTY_LIST });

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

function parse(input: unknown): Obj | undefined {
  if (!isPlainObject(input)) return undefined;
  const o = input;
  // Strict keys, checked like zod (`for...in`). Listed here rather than read from the schema, so
  // a key added to the schema but not to this file makes the fast path defer, never drop it.
  for (const k in o) {
    switch (k) {
      case 'id': case 'name': case 'provider': case 'description': case 'category': case 'tags': case 'location':
      case 'sessions': case 'schedules': case 'timeZone': case 'programme': case 'capacity': case 'intensity':
      case 'groupSize': case 'supported': case 'cost': case 'eligibility': case 'conditions': case 'needs': case 'audience':
      case 'accessibility': case 'languages': case 'lastVerified': case 'url': case 'inferred': case 'source':
        break;
      default:
        return undefined;
    }
  }

  const id = text(o.id, 200);
  if (id === undefined) return undefined;
  const name = text(o.name, 300);
  if (name === undefined) return undefined;
  const out: Obj = { id, name };

  const provider = o.provider;
  if (provider !== undefined) {
    const t = text(provider, 300);
    if (t === undefined) return undefined;
    out.provider = t;
  } else if ('provider' in o) out.provider = undefined;

  const description = o.description;
  if (description !== undefined) {
    if (typeof description !== 'string' || description.length > 20000) return undefined;
    out.description = description;
  } else if ('description' in o) out.description = undefined;

  const category = term(o.category, vocabularies.categories, categoryCache);
  if (category === undefined) return undefined;
  out.category = category;

  const tagsIn = o.tags;
  const tags = tagsIn === undefined ? EMPTY_LIST : tagList(tagsIn);
  if (tags === undefined) return undefined;
  out.tags = tags;

  const loc = location(o.location);
  if (loc === undefined) return undefined;
  out.location = loc;

  const sessionsIn = o.sessions;
  const sessions = sessionsIn === undefined ? EMPTY_LIST : windowList(sessionsIn, 200);
  if (sessions === undefined) return undefined;
  out.sessions = sessions;

  const schedulesIn = o.schedules;
  const schedules = schedulesIn === undefined ? EMPTY_LIST : scheduleList(schedulesIn);
  if (schedules === undefined) return undefined;
  out.schedules = schedules;

  const zone = o.timeZone;
  if (zone === undefined) out.timeZone = DEFAULT_TIME_ZONE;
  else {
    if (typeof zone !== 'string' || !isTimeZone(zone)) return undefined;
    out.timeZone = zone;
  }

  const programme = o.programme;
  if (programme !== undefined) {
    const p = delegated(ProgrammeSchema, programme);
    if (p === undefined) return undefined;
    out.programme = p;
  } else if ('programme' in o) out.programme = undefined;

  const capacityIn = o.capacity;
  if (capacityIn !== undefined) {
    const c = capacity(capacityIn);
    if (c === undefined) return undefined;
    out.capacity = c;
  } else if ('capacity' in o) out.capacity = undefined;

  const intensity = o.intensity;
  if (intensity !== undefined) {
    if (typeof intensity !== 'string' || !INTENSITY_SET.has(intensity)) return undefined;
    out.intensity = intensity;
  } else if ('intensity' in o) out.intensity = undefined;

  const groupSize = o.groupSize;
  if (groupSize !== undefined) {
    if (typeof groupSize !== 'string' || !GROUP_SIZE_SET.has(groupSize)) return undefined;
    out.groupSize = groupSize;
  } else if ('groupSize' in o) out.groupSize = undefined;

  const supported = o.supported;
  if (supported !== undefined) {
    if (typeof supported !== 'boolean') return undefined;
    out.supported = supported;
  } else if ('supported' in o) out.supported = undefined;

  const costIn = o.cost;
  if (costIn !== undefined) {
    const c = cost(costIn);
    if (c === undefined) return undefined;
    out.cost = c;
  } else if ('cost' in o) out.cost = undefined;

  const eligibilityIn = o.eligibility;
  const elig = eligibilityIn === undefined ? EMPTY_OBJECT : eligibility(eligibilityIn);
  if (elig === undefined) return undefined;
  out.eligibility = elig;

  const conditionsIn = o.conditions;
  const cond = conditionsIn === undefined ? DEFAULT_CONDITIONS : conditions(conditionsIn);
  if (cond === undefined) return undefined;
  out.conditions = cond;

  const needsIn = o.needs;
  const needs = needsIn === undefined ? EMPTY_LIST : needList(needsIn);
  if (needs === undefined) return undefined;
  out.needs = needs;

  const audience = o.audience;
  if (audience !== undefined) {
    const v = delegated(AudienceSchema, audience);
    if (v === undefined) return undefined;
    out.audience = v;
  } else if ('audience' in o) out.audience = undefined;

  const accessIn = o.accessibility;
  const access = accessIn === undefined ? EMPTY_OBJECT : accessibility(accessIn);
  if (access === undefined) return undefined;
  out.accessibility = access;

  const languagesIn = o.languages;
  const languages = languagesIn === undefined ? DEFAULT_LANGUAGES : languageList(languagesIn);
  if (languages === undefined) return undefined;
  out.languages = languages;

  const lastVerified = o.lastVerified;
  if (lastVerified !== undefined) {
    const d = isoDate(lastVerified);
    if (d === undefined) return undefined;
    out.lastVerified = d;
  } else if ('lastVerified' in o) out.lastVerified = undefined;

  const url = o.url;
  if (url !== undefined) {
    if (typeof url !== 'string' || url.length > 2000) return undefined;
    out.url = url;
  } else if ('url' in o) out.url = undefined;

  const inferred = o.inferred;
  if (inferred !== undefined) {
    const v = delegated(InferredSchema, inferred);
    if (v === undefined) return undefined;
    out.inferred = v;
  } else if ('inferred' in o) out.inferred = undefined;

  const source = o.source;
  if (source !== undefined) {
    const v = delegated(SourceSchema, source);
    if (v === undefined) return undefined;
    out.source = v;
  } else if ('source' in o) out.source = undefined;

  return freeze(out);
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
    return parse(input) as Activity | undefined;
  } catch {
    return undefined;
  }
}
