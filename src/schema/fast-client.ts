/**
 * A hand-written fast path for `ClientProfileSchema` (./client.ts), under the same contract as
 * the catalogue's (./fast-activity.ts): it only ever *accepts*, with exactly zod's output (values,
 * own keys and their order, defaults written), deep-frozen; anything invalid or unfamiliar comes
 * back `undefined`, and the caller runs zod for the verdict and the error messages.
 *
 * Why a profile needs one: every `recommend` validates its profile, and after a search over a
 * large catalogue zod's schema walk runs on cold caches. At 1M activities it cost 64–143 µs a
 * query in one process (13.6 µs when timed alone, warm); this path, 28–34 µs in the same
 * setting. Paired runs (BENCHMARKS.md): recommend 0.93–0.94×, recommendMany 0.91×.
 *
 * Profiles are health data. The shared caches keep only spellings of condition and need names
 * that the vocabulary accepts and "HH:MM" times, bounded, never linked to a profile; dates,
 * texts and numbers are checked without caches, so no date of birth or date away is kept.
 *
 * The tests (test/schema/fast-client.test.ts) pin this module to zod: the bundled personas,
 * random profiles, every single edit of a full profile, and random mutations must give zod's
 * exact output or `undefined`.
 *
 * @module
 */
import { GENDERS, REFERRAL_ROUTES } from './activity.js';
import { BUDGETS, LONELINESS, TRAVEL_MODES } from './client.js';
import type { ClientProfile } from './client.js';
import { isBirthDate, isIsoDate } from './common.js';
import { postcodeDistrict } from '../signals/areas.js';
import { conditionList, DEFAULT_LANGUAGES, EMPTY_LIST, exactList, freeze, groupList, isIntIn, isNumberIn, isPlainArray, isPlainObject, languageList, needList, text, windowList } from './fast-common.js';
import type { Obj } from './fast-common.js';

const GENDER_SET: ReadonlySet<string> = new Set(GENDERS);
const LONELINESS_SET: ReadonlySet<string> = new Set(LONELINESS);
const BUDGET_SET: ReadonlySet<string> = new Set(BUDGETS);
const TRAVEL_MODE_SET: ReadonlySet<string> = new Set(TRAVEL_MODES);
const REFERRED_BY_SET: ReadonlySet<string> = new Set([...REFERRAL_ROUTES, 'other']);
const DEFAULT_ACCESS: Obj = freeze({ wheelchair: false, stepFree: false, hearingLoop: false });

/** A value of the enum, or undefined. */
function oneOf(value: unknown, allowed: ReadonlySet<string>): string | undefined {
  return typeof value === 'string' && allowed.has(value) ? value : undefined;
}

/**
 * Writes an optional key as zod 4 does: absent stays absent, present with the value `undefined`
 * stays present; otherwise `check` gives the output value or `undefined` for invalid.
 * Returns false when the value is invalid.
 */
function optional(o: Obj, out: Obj, key: string, check: (value: unknown) => unknown): boolean {
  const value = o[key];
  if (value === undefined) {
    if (key in o) out[key] = undefined;
    return true;
  }
  const checked = check(value);
  out[key] = checked;
  return checked !== undefined;
}

/** `home`: `{ lat, lon, postcode? }`. */
function home(value: unknown): Obj | undefined {
  if (!isPlainObject(value)) return undefined;
  for (const k in value) if (k !== 'lat' && k !== 'lon' && k !== 'postcode') return undefined;
  const lat = value.lat;
  const lon = value.lon;
  if (!isNumberIn(lat, -90, 90) || !isNumberIn(lon, -180, 180)) return undefined;
  const out: Obj = { lat, lon };
  return optional(value, out, 'postcode', (p) => text(p, 10)) ? freeze(out) : undefined;
}

/** `localArea`: `{ localAuthority?, postcodeDistrict? }`, the district in canonical form. Not cached. */
function localArea(value: unknown): Obj | undefined {
  if (!isPlainObject(value)) return undefined;
  for (const k in value) if (k !== 'localAuthority' && k !== 'postcodeDistrict') return undefined;
  const out: Obj = {};
  if (!optional(value, out, 'localAuthority', (v) => text(v, 100))) return undefined;
  if (!optional(value, out, 'postcodeDistrict', (v) => (typeof v === 'string' ? postcodeDistrict(v) : undefined))) return undefined;
  return freeze(out);
}

/** `travel`: `{ maxKm, mode? }`. */
function travel(value: unknown): Obj | undefined {
  if (!isPlainObject(value)) return undefined;
  for (const k in value) if (k !== 'maxKm' && k !== 'mode') return undefined;
  const maxKm = value.maxKm;
  if (!isNumberIn(maxKm, 0, 500)) return undefined;
  const out: Obj = { maxKm };
  return optional(value, out, 'mode', (m) => oneOf(m, TRAVEL_MODE_SET)) ? freeze(out) : undefined;
}

/** `accessibility`: three flags, each defaulting to false. */
function accessibility(value: unknown): Obj | undefined {
  if (!isPlainObject(value)) return undefined;
  for (const k in value) if (k !== 'wheelchair' && k !== 'stepFree' && k !== 'hearingLoop') return undefined;
  const { wheelchair = false, stepFree = false, hearingLoop = false } = value;
  if (typeof wheelchair !== 'boolean' || typeof stepFree !== 'boolean' || typeof hearingLoop !== 'boolean') return undefined;
  return freeze({ wheelchair, stepFree, hearingLoop });
}

/** A list of at most `max` texts of at most 200 characters, each trimmed (interests, avoid). */
function textList(value: unknown, max: number): readonly string[] | undefined {
  if (!isPlainArray(value)) return undefined;
  const n = value.length;
  if (n > max) return undefined;
  if (n === 0) return EMPTY_LIST;
  const out = exactList<string>(n);
  for (let i = 0; i < n; i++) {
    const t = text(value[i], 200);
    if (t === undefined) return undefined;
    out[i] = t;
  }
  return freeze(out);
}

/**
 * `IsoDateSchema`, checked afresh each time: the catalogue's cache of valid dates is not used, so
 * no date of a client's is kept after the call.
 */
function isoDate(value: unknown): string | undefined {
  return typeof value === 'string' && isIsoDate(value) ? value : undefined;
}

/** `DateRangeSchema`: a date, or `{ from, to, reason? }` with `to` on or after `from`. */
function dateRange(value: unknown): Obj | undefined {
  if (typeof value === 'string') {
    const day = isoDate(value);
    return day === undefined ? undefined : freeze({ from: day, to: day });
  }
  if (!isPlainObject(value)) return undefined;
  for (const k in value) if (k !== 'from' && k !== 'to' && k !== 'reason') return undefined;
  const from = isoDate(value.from);
  const to = isoDate(value.to);
  if (from === undefined || to === undefined || to < from) return undefined;
  const out: Obj = { from, to };
  return optional(value, out, 'reason', (r) => text(r, 200)) ? freeze(out) : undefined;
}

/** `datesAway`: at most 500 ranges. */
function dateRangeList(value: unknown): readonly unknown[] | undefined {
  if (!isPlainArray(value)) return undefined;
  const n = value.length;
  if (n > 500) return undefined;
  if (n === 0) return EMPTY_LIST;
  const out = exactList<unknown>(n);
  for (let i = 0; i < n; i++) {
    const range = dateRange(value[i]);
    if (range === undefined) return undefined;
    out[i] = range;
  }
  return freeze(out);
}

/** A defaulted key: `undefined` (absent or present) takes the default, else `check` decides. */
function withDefault(value: unknown, fallback: unknown, check: (value: unknown) => unknown): unknown {
  return value === undefined ? fallback : check(value);
}

function parse(input: unknown): Obj | undefined {
  if (!isPlainObject(input)) return undefined;
  const o = input;
  // Strict keys, checked like zod (`for...in`), listed here so that a key added to the schema
  // but not to this file makes the fast path defer (a test pins the schema's key list).
  for (const k in o) {
    switch (k) {
      case 'id': case 'age': case 'dateOfBirth': case 'gender': case 'home': case 'localArea': case 'conditions': case 'activation':
      case 'needs': case 'loneliness': case 'groups': case 'interests': case 'avoid': case 'availability': case 'datesAway':
      case 'travel': case 'housebound': case 'budget': case 'accessibility': case 'languages': case 'referredBy':
        break;
      default:
        return undefined;
    }
  }
  // Keys are written in the schema's order, as zod writes them.
  const out: Obj = {};
  if (!optional(o, out, 'id', (v) => text(v, 100))) return undefined;
  if (!optional(o, out, 'age', (v) => (isIntIn(v, 0, 130) ? v : undefined))) return undefined;
  if (!optional(o, out, 'dateOfBirth', (v) => (typeof v === 'string' && isBirthDate(v) ? v : undefined))) return undefined;
  if (out.age === undefined && out.dateOfBirth === undefined) return undefined;
  if (!optional(o, out, 'gender', (v) => oneOf(v, GENDER_SET))) return undefined;
  if (!optional(o, out, 'home', home)) return undefined;
  if (!optional(o, out, 'localArea', localArea)) return undefined;
  if ((out.conditions = withDefault(o.conditions, EMPTY_LIST, conditionList)) === undefined) return undefined;
  const activation = o.activation;
  if (!isIntIn(activation, 1, 4)) return undefined;
  out.activation = activation;
  if ((out.needs = withDefault(o.needs, EMPTY_LIST, needList)) === undefined) return undefined;
  if (!optional(o, out, 'loneliness', (v) => oneOf(v, LONELINESS_SET))) return undefined;
  if ((out.groups = withDefault(o.groups, EMPTY_LIST, groupList)) === undefined) return undefined;
  if ((out.interests = withDefault(o.interests, EMPTY_LIST, (v) => textList(v, 32))) === undefined) return undefined;
  if ((out.avoid = withDefault(o.avoid, EMPTY_LIST, (v) => textList(v, 32))) === undefined) return undefined;
  if (!optional(o, out, 'availability', (v) => windowList(v, 100))) return undefined;
  if ((out.datesAway = withDefault(o.datesAway, EMPTY_LIST, dateRangeList)) === undefined) return undefined;
  if (!optional(o, out, 'travel', travel)) return undefined;
  if ((out.housebound = withDefault(o.housebound, false, (v) => (typeof v === 'boolean' ? v : undefined))) === undefined) return undefined;
  if ((out.budget = withDefault(o.budget, 'any', (v) => oneOf(v, BUDGET_SET))) === undefined) return undefined;
  if ((out.accessibility = withDefault(o.accessibility, DEFAULT_ACCESS, accessibility)) === undefined) return undefined;
  if ((out.languages = withDefault(o.languages, DEFAULT_LANGUAGES, languageList)) === undefined) return undefined;
  if (!optional(o, out, 'referredBy', (v) => oneOf(v, REFERRED_BY_SET))) return undefined;
  return freeze(out);
}

/**
 * Validates a client profile without zod when it can: returns exactly what
 * `ClientProfileSchema.parse(input)` would, deep-frozen, or `undefined` when the profile is
 * invalid or of a shape left to zod; then run `ClientProfileSchema.safeParse(input)` for the
 * verdict and the error messages. Never throws, never mutates or keeps `input`, never logs.
 * Internal: not exported from the package.
 *
 * @example
 * ```ts
 * const profile = fastParseClient({ age: 72, activation: 2, conditions: ['emphysema'] });
 * profile?.conditions; // ['copd']
 * profile?.budget;     // 'any'
 * fastParseClient({ activation: 2 }); // undefined (no age: zod writes the error)
 * ```
 */
export function fastParseClient(input: unknown): ClientProfile | undefined {
  try {
    return parse(input) as ClientProfile | undefined;
  } catch {
    return undefined;
  }
}
