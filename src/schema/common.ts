import { z } from 'zod';
import { vocabularies, normaliseTag } from '../vocabulary/index.js';
import { CLINICAL_VOCABULARIES } from '../vocabulary/snomed.js';
import { postcodeDistrict } from '../signals/areas.js';
import type { AudienceGroup, Category, Condition, Need, Vocabulary } from '../vocabulary/index.js';

/**
 * Days of the week, Monday first, as used in sessions and availability.
 *
 * @example
 * ```ts
 * DAYS[0];             // 'mon'
 * DAYS.indexOf('sat'); // 5
 * ```
 */
export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
/** A day of the week. */
export type Day = (typeof DAYS)[number];

/** Parses "HH:MM" (24-hour clock) into minutes after midnight; undefined when malformed. */
export function parseClock(text: string): number | undefined {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

/** A wall-clock time "HH:MM" on the 24-hour clock. */
export const ClockTimeSchema = z.string({ error: 'expected HH:MM' }).refine((s) => parseClock(s) !== undefined, { error: 'expected HH:MM' });

/**
 * A calendar date "YYYY-MM-DD" that exists (2026-02-30 does not), in the years 1900 to 2999 like
 * `at`: outside them no timetable, verification or referral makes sense, and a recurrence
 * counted from year 1 would take seconds to walk.
 */
export const IsoDateSchema = z
  .string({ error: 'expected a date YYYY-MM-DD between 1900 and 2999' })
  .refine(isIsoDate, { error: 'expected a date YYYY-MM-DD between 1900 and 2999' });

/**
 * The rule of {@link IsoDateSchema}: a calendar date "YYYY-MM-DD" that exists, in the years 1900
 * to 2999 (shared with the catalogue fast path's cached date check, so the rule is stated once).
 *
 * @example
 * ```ts
 * isIsoDate('2026-02-28'); // true
 * isIsoDate('2026-02-30'); // false (no such day)
 * isIsoDate('1899-12-31'); // false (before 1900)
 * ```
 */
export function isIsoDate(s: string): boolean {
  return isCalendarDate(s) && s >= '1900' && s < '3000';
}

/** A date of birth "YYYY-MM-DD": a real calendar date from 1850 (ages go up to 130). */
export const BirthDateSchema = z.string({ error: 'expected a date YYYY-MM-DD' }).refine(isBirthDate, { error: 'expected a date of birth YYYY-MM-DD from 1850' });

/** The rule of {@link BirthDateSchema} (the client fast path runs it through the schema's refinement): a real calendar date from 1850 to 2999. */
export function isBirthDate(s: string): boolean {
  return isCalendarDate(s) && s >= '1850' && s < '3000';
}

function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d); // Date.UTC would read years 0–99 as 1900–1999

  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const INSTANT_ERROR = 'expected a valid Date or an ISO 8601 date-time with offset, between 1900 and 2999';
const MIN_INSTANT = Date.UTC(1900, 0, 1);
const MAX_INSTANT = Date.UTC(3000, 0, 1);
const IsoDateTime = z.iso.datetime({ offset: true });

/** Milliseconds of a real Date or an ISO 8601 date-time string; undefined for anything else (fake or proxied Dates included). */
function instantMs(value: unknown): number | undefined {
  if (typeof value === 'string') return IsoDateTime.safeParse(value).success ? Date.parse(value) : undefined;
  if (!(value instanceof Date)) return undefined;
  try {
    return Date.prototype.getTime.call(value); // throws for objects that only pretend to be Dates
  } catch {
    return undefined;
  }
}

/**
 * An instant: a valid `Date` or an ISO 8601 date-time with an offset, between the years 1900 and
 * 2999 (outside that, calendar arithmetic on real timetables means nothing). Outputs a new `Date`.
 */
export const InstantSchema = z.unknown().transform((value, ctx) => {
  const ms = instantMs(value);
  if (ms === undefined || Number.isNaN(ms) || ms < MIN_INSTANT || ms >= MAX_INSTANT) {
    ctx.addIssue({ code: 'custom', message: INSTANT_ERROR });
    return z.NEVER;
  }
  return new Date(ms);
});

/** Latitude in degrees, −90 to 90. */
export const LatitudeSchema = z.number({ error: 'expected latitude in degrees (-90 to 90)' }).min(-90, { error: 'expected latitude in degrees (-90 to 90)' }).max(90, { error: 'expected latitude in degrees (-90 to 90)' });
/** Longitude in degrees, −180 to 180. */
export const LongitudeSchema = z.number({ error: 'expected longitude in degrees (-180 to 180)' }).min(-180, { error: 'expected longitude in degrees (-180 to 180)' }).max(180, { error: 'expected longitude in degrees (-180 to 180)' });

/** Zones already found valid: checking one builds an `Intl.DateTimeFormat` (about 0.1 ms), too slow per activity. */
const knownZones = new Set<string>();

/** Whether this runtime knows the IANA zone; valid answers are cached. */
export function isTimeZone(zone: string): boolean {
  if (knownZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
  } catch {
    return false;
  }
  if (knownZones.size < 10_000) knownZones.add(zone);
  return true;
}

/** An IANA time zone name that this runtime knows, e.g. "Europe/London". */
export const TimeZoneSchema = z.string({ error: 'expected an IANA time zone such as Europe/London' }).refine(isTimeZone, { error: 'expected an IANA time zone such as Europe/London' });

/** A weekly window: a day with a start and an end on the same day (end after start). */
export const WeeklyWindowSchema = z
  .strictObject({
    day: z.enum(DAYS, { error: 'expected a day: mon, tue, wed, thu, fri, sat or sun' }),
    start: ClockTimeSchema,
    end: ClockTimeSchema,
  })
  .refine(
    (w) => {
      const start = parseClock(w.start);
      const end = parseClock(w.end);
      // A malformed time is already reported by its own field; only compare two good ones.
      return start === undefined || end === undefined || end > start;
    },
    { error: 'expected end after start', path: ['end'] },
  );
/** A weekly window. */
export type WeeklyWindow = z.infer<typeof WeeklyWindowSchema>;

/** A short non-empty text, trimmed, at most `max` characters. */
export function text(max: number, what = 'text'): z.ZodString {
  return z
    .string({ error: `expected ${what}` })
    .trim()
    .min(1, { error: `expected non-empty ${what}` })
    .max(max, { error: `expected ${what} of at most ${max} characters` });
}

/**
 * A term from a controlled vocabulary: accepts the id, the label or any synonym
 * (case and punctuation folded) and outputs the canonical id.
 */
export function termSchema<Id extends string = string>(vocabulary: Vocabulary, what: string) {
  const expected = `expected a ${what} from the vocabulary (e.g. ${vocabulary.terms
    .slice(0, 2)
    .map((t) => `'${t.id}'`)
    .join(', ')})`;
  // The length check runs first so megabytes of text are rejected before any folding.
  return z.string({ error: expected }).max(200, { error: expected }).transform((value, ctx) => {
    const id = vocabulary.lookup(value);
    if (id === undefined) {
      ctx.addIssue({ code: 'custom', message: expected });
      return z.NEVER;
    }
    return id as Id;
  });
}

/** A list of vocabulary terms, canonicalised and de-duplicated, in first-seen order. */
export function termListSchema<Id extends string = string>(vocabulary: Vocabulary, what: string, max = 100) {
  return z
    .array(termSchema<Id>(vocabulary, what), { error: `expected a list of ${what}s` })
    .max(max, { error: `expected at most ${max} ${what}s` })
    .transform(unique);
}

/** A tag (open vocabulary): a known tag id or the text as a slug. */
export const TagSchema = text(80, 'tag').transform((value, ctx) => {
  const tag = normaliseTag(value);
  if (tag === '') {
    ctx.addIssue({ code: 'custom', message: 'expected a tag with letters or digits' });
    return z.NEVER;
  }
  return tag;
});

/** ISO 639-1 language code such as "en" or "pl". */
export const LanguageSchema = z
  .string({ error: 'expected an ISO 639-1 language code such as en' })
  .regex(/^[a-zA-Z]{2,3}(-[A-Za-z0-9]{2,8})?$/, { error: 'expected an ISO 639-1 language code such as en' })
  .transform((s) => s.slice(0, s.includes('-') ? s.indexOf('-') : s.length).toLowerCase());

/** A non-empty list of language codes, de-duplicated (an empty list would silently match nobody). */
export const LanguageListSchema = z
  .array(LanguageSchema, { error: 'expected a list of language codes' })
  .min(1, { error: 'expected at least one language code, or omit the field for English' })
  .max(50, { error: 'expected at most 50 languages' })
  .transform(unique);

/** Accessibility features (of a venue) or needs (of a client). */
export const ACCESS_FEATURES = ['wheelchair', 'stepFree', 'hearingLoop', 'accessibleToilet'] as const;

/** A list of condition ids (synonyms and the SNOMED CT concept ids of `SNOMED_CT` accepted). */
export const conditionList = () => termListSchema<Condition>(CLINICAL_VOCABULARIES.conditions, 'condition');
/** A list of need ids (synonyms and the SNOMED CT concept ids of `SNOMED_CT` accepted). */
export const needList = () => termListSchema<Need>(CLINICAL_VOCABULARIES.needs, 'need');
/**
 * A UK postcode district ("S5", "BS34") or postcode area ("BS"), in any case and spacing; output
 * in canonical form (upper case, no spaces).
 */
export const PostcodeDistrictSchema = z
  .string({ error: 'expected a postcode district such as BS34, or a postcode area such as BS' })
  .max(10, { error: 'expected a postcode district such as BS34, or a postcode area such as BS' })
  .transform((value, ctx) => {
    const district = postcodeDistrict(value);
    if (district === undefined) {
      ctx.addIssue({ code: 'custom', message: 'expected a postcode district such as BS34, or a postcode area such as BS' });
      return z.NEVER;
    }
    return district;
  });

/** A list of audience group ids (synonyms accepted): LGBTQ+ people, veterans, … */
export const groupList = () => termListSchema<AudienceGroup>(vocabularies.groups, 'group');
/** A category id (synonyms accepted). */
export const categoryTerm = () => termSchema<Category>(vocabularies.categories, 'category');

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
