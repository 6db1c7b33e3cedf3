import type { ClientProfile } from '../schema/client.js';
import type { MatchingRules } from '../schema/rules.js';
import type { LonelinessLevel } from '../signals/factors.js';
import { BUDGET_CODES } from '../signals/factors.js';
import { windowsByDay } from '../time/availability.js';
import type { Availability, MinuteRange } from '../time/availability.js';
import { dayRanges } from '../time/dates.js';
import { localDay } from '../time/zoned.js';
import { foldText, slugify, vocabularies } from '../vocabulary/index.js';
import type { Condition, Need } from '../vocabulary/index.js';

/** A client's free-text interest or avoidance resolved onto the vocabularies. */
export interface ResolvedTerm {
  /** Readable vocabulary labels used in explanations (never the client's own words). */
  readonly label: string;
  /** Tag ids it matches: known tags found in the text, plus the whole text as a slug. */
  readonly tags: readonly string[];
  /** Category id it matches, when the text names a category exactly. */
  readonly category: string | undefined;
}

/**
 * Everything the rules read about a client for one query, worked out once per query:
 * age at the query time, travel limit, resolved interests and availability in minutes.
 */
export interface ClientContext {
  readonly activation: number;
  readonly age: number;
  readonly gender: string | undefined;
  readonly home: { readonly lat: number; readonly lon: number } | undefined;
  readonly limitKm: number;
  readonly housebound: boolean;
  readonly conditions: ReadonlySet<Condition>;
  /** Needs other than loneliness (loneliness is scored through `loneliness`). */
  readonly needs: ReadonlySet<Need>;
  readonly loneliness: LonelinessLevel;
  readonly interests: readonly ResolvedTerm[];
  readonly avoid: readonly ResolvedTerm[];
  /** Merged availability windows per day (index 0 = Monday); undefined means any time. */
  readonly availability: readonly (readonly MinuteRange[])[] | undefined;
  /** The availability as given, with the dates away, for dated questions (`sessionFit`). */
  readonly availabilityInput: Availability | undefined;
  readonly budgetCode: number;
  readonly wheelchair: boolean;
  readonly stepFree: boolean;
  readonly languages: ReadonlySet<string>;
  readonly referredBy: string | undefined;
  /** Dates away as day ranges (days since 1970-01-01, inclusive). */
  readonly datesAway: ReadonlyArray<readonly [number, number]>;
  /** The query time. */
  readonly at: Date;
  /** The local calendar day of `at` in a zone (days since 1970-01-01), memoised per zone. */
  dayIn(timeZone: string): number;
}

/** Age in whole years on the UTC date of `at`. */
export function ageAt(profile: Pick<ClientProfile, 'age' | 'dateOfBirth'>, at: Date): number {
  if (profile.age !== undefined) return profile.age;
  const [y, m, d] = (profile.dateOfBirth ?? '').split('-').map(Number) as [number, number, number];
  const years = at.getUTCFullYear() - y;
  const beforeBirthday = at.getUTCMonth() + 1 < m || (at.getUTCMonth() + 1 === m && at.getUTCDate() < d);
  return beforeBirthday ? years - 1 : years;
}

const STOP_WORDS = new Set(['a', 'an', 'and', 'the', 'to', 'in', 'of', 'on', 'at', 'for', 'with', 'my', 'i', 'used', 'love', 'like', 'likes', 'enjoy', 'enjoys', 'doing', 'going', 'some', 'any', 'more', 'again', 'would', 'want', 'wants']);

/**
 * Resolves a free-text interest or avoidance onto the vocabularies, in order:
 * 1. the whole text as a known tag or category (exact, folded: "Bee-Keeping", "getting fit");
 * 2. known tags among its word pairs and words ("used to love dancing" → dancing);
 * 3. a fuzzy match of the whole text onto the tags ("walkin grup" → walking).
 * Categories are matched exactly only: fuzzy category matches proved wrong too often
 * ("reading" came out as befriending). The text's own slug is always kept as a tag, so an
 * open-vocabulary tag such as `fishing` still matches.
 *
 * @example
 * ```ts
 * resolveTerm('singing in a choir'); // { label: 'singing', tags: ['singing', 'singing-in-a-choir'], category: undefined }
 * ```
 */
export function resolveTerm(text: string): ResolvedTerm {
  const slug = slugify(text);
  const category = vocabularies.categories.lookup(text);
  const found = new Set<string>();
  const whole = vocabularies.tags.lookup(text);
  if (whole !== undefined) found.add(whole);
  if (whole === undefined && category === undefined) {
    const words = foldText(text).split(' ').filter((w) => w !== '' && !STOP_WORDS.has(w));
    for (let i = 0; i + 1 < words.length; i++) {
      const pair = vocabularies.tags.lookup(`${words[i]} ${words[i + 1]}`);
      if (pair !== undefined) found.add(pair);
    }
    for (const word of words) {
      const tag = vocabularies.tags.lookup(word);
      if (tag !== undefined) found.add(tag);
    }
    if (found.size === 0) {
      const fuzzy = vocabularies.tags.match(text);
      if (fuzzy !== undefined) found.add(fuzzy);
    }
  }
  const labels = [...found].map((id) => labelOf(vocabularies.tags.terms, id));
  if (labels.length === 0 && category !== undefined) labels.push(labelOf(vocabularies.categories.terms, category).toLowerCase());
  found.add(slug);
  return { label: labels.length > 0 ? labels.join(', ') : slug.replace(/-/g, ' '), tags: [...found], category };
}

function labelOf(terms: readonly { id: string; label: string }[], id: string): string {
  return terms.find((t) => t.id === id)?.label ?? id;
}

function lonelinessLevel(profile: ClientProfile): LonelinessLevel {
  const lonely = profile.needs.includes('loneliness') || profile.loneliness === 'some-of-the-time' || profile.loneliness === 'often-or-always';
  if (profile.loneliness === 'often-or-always' || (lonely && profile.housebound)) return 2;
  return lonely ? 1 : 0;
}

/** Builds the per-query context of a validated profile. */
export function clientContext(profile: ClientProfile, at: Date, rules: MatchingRules): ClientContext {
  const days = new Map<string, number>();
  return {
    activation: profile.activation,
    age: ageAt(profile, at),
    gender: profile.gender,
    home: profile.home ? { lat: profile.home.lat, lon: profile.home.lon } : undefined,
    limitKm: profile.housebound ? 0 : (profile.travel?.maxKm ?? rules.distance.defaultMaxKm),
    housebound: profile.housebound,
    conditions: new Set(profile.conditions),
    needs: new Set(profile.needs.filter((n) => n !== 'loneliness')),
    loneliness: lonelinessLevel(profile),
    interests: profile.interests.map(resolveTerm),
    avoid: profile.avoid.map(resolveTerm),
    availability: profile.availability ? windowsByDay(profile.availability) : undefined,
    availabilityInput: profile.availability ? { windows: profile.availability, datesAway: profile.datesAway } : undefined,
    budgetCode: BUDGET_CODES.indexOf(profile.budget),
    wheelchair: profile.accessibility.wheelchair,
    stepFree: profile.accessibility.stepFree || profile.accessibility.wheelchair,
    languages: new Set(profile.languages),
    referredBy: profile.referredBy,
    datesAway: dayRanges(profile.datesAway),
    at,
    dayIn(timeZone) {
      let day = days.get(timeZone);
      if (day === undefined) days.set(timeZone, (day = localDay(at, timeZone)));
      return day;
    },
  };
}
