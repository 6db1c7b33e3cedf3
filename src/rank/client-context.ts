import type { Columns } from '../catalogue/columns.js';
import { CATEGORY_IDS, CONDITION_BITS, districtKey, FLAG, GROUP_BITS, maskOf, nameKey, NEED_BITS } from '../catalogue/codes.js';
import type { PeopleSet } from '../catalogue/codes.js';
import { GENDERS } from '../schema/activity.js';
import type { ClientProfile } from '../schema/client.js';
import type { MatchingRules } from '../schema/rules.js';
import { BUDGET_CODES } from '../signals/factors.js';
import { areaVerdict, clientAreaOf, postcodeAreaOf } from '../signals/areas.js';
import type { LonelinessLevel } from '../signals/factors.js';
import { windowsByDay } from '../time/availability.js';
import type { MinuteRange } from '../time/availability.js';
import { dayRanges } from '../time/dates.js';
import { localDay } from '../time/zoned.js';
import { resolveKeyword, scanText } from '../vocabulary/keywords.js';
import { slugify, vocabularies } from '../vocabulary/index.js';

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
 * Everything the rules read about a client for one query against one compiled catalogue,
 * worked out once: masks over the vocabularies, interest bits per tag id, the languages each
 * language set shares with the client, the local day in each zone.
 */
export interface ClientContext {
  readonly activation: number;
  readonly age: number;
  /** Bit of the client's gender in `GENDERS` order, 0 when not recorded. */
  readonly genderBit: number;
  readonly home: { readonly lat: number; readonly lon: number } | undefined;
  readonly limitKm: number;
  readonly housebound: boolean;
  /** The client's conditions and needs (ids), and gender, for the wording of reasons. */
  readonly conditions: readonly string[];
  readonly needs: readonly string[];
  readonly gender: string | undefined;
  readonly conditionMask: number;
  readonly conditionCount: number;
  /** Needs other than loneliness (loneliness is scored through `loneliness`). */
  readonly needMask: number;
  /**
   * The client's needs that put practical help first (`rules.relevance.practicalFirst`), when
   * their activation is low enough; else 0.
   */
  readonly urgentNeedMask: number;
  readonly needCount: number;
  readonly loneliness: LonelinessLevel;
  readonly interests: readonly ResolvedTerm[];
  readonly avoid: readonly ResolvedTerm[];
  /** Per tag id: bit i set when interest i names the tag. */
  readonly interestBitsByTag: Uint32Array;
  /** Per category index: bit i set when interest i names the category. */
  readonly interestBitsByCategory: Uint32Array;
  readonly avoidBitsByTag: Uint32Array;
  readonly avoidBitsByCategory: Uint32Array;
  /** Per people set of the catalogue: 1 when it shares a language with the client. */
  readonly languageOk: Uint8Array;
  /** Per people set of the catalogue: 1 when it is open to anyone or the client is in its audience. */
  readonly audienceOk: Uint8Array;
  /** The client's groups (ids), for the wording of reasons. */
  readonly groups: readonly string[];
  /**
   * Where the client lives, for areas given by name or postcode, as ids into the catalogue's
   * `areaIndex` (−1 when given but held by no activity); `has…` says whether the profile gives it.
   */
  readonly area: ClientAreaIds;
  /** Merged availability windows per day (index 0 = Monday); undefined means any time. */
  readonly availability: readonly (readonly MinuteRange[])[] | undefined;
  /** Dates away as inclusive day ranges (days since 1970-01-01). */
  readonly datesAway: ReadonlyArray<readonly [number, number]>;
  readonly budgetCode: number;
  readonly wheelchair: boolean;
  readonly stepFree: boolean;
  readonly referredBy: string | undefined;
  readonly at: Date;
  /** The local calendar day of `at` in each zone of the catalogue (days since 1970-01-01). */
  readonly todayByZone: Float64Array;
  /** The earliest of those days (the bound uses it: the smallest "today" gives the freshest ages). */
  readonly earliestToday: number;
}

/** A client's local area as ids of one catalogue's area dictionary, and bits for the block blooms. */
export interface ClientAreaIds {
  readonly hasAuthority: boolean;
  readonly authority: number;
  readonly hasDistrict: boolean;
  readonly district: number;
  /** The id of the district's postcode area ("BS" for "BS34"), −1 when none is held. */
  readonly postcodeArea: number;
  /** Bloom bits (id modulo 32) of the authority, and of the district and its postcode area. */
  readonly nameBits: number;
  readonly districtBits: number;
}

function idBit(id: number): number {
  return id < 0 ? 0 : (1 << (id & 31)) >>> 0;
}

/** Ids of the client's local area in a catalogue's area dictionary. */
export function clientAreaIds(profile: ClientProfile, columns: Columns): ClientAreaIds {
  const { authority, district } = clientAreaOf(profile);
  const idOf = (key: string) => columns.areaIndex.get(key) ?? -1;
  const authorityId = authority === undefined ? -1 : idOf(nameKey(authority));
  const districtId = district === undefined ? -1 : idOf(districtKey(district));
  const areaId = district === undefined ? -1 : idOf(districtKey(postcodeAreaOf(district)));
  return {
    hasAuthority: authority !== undefined,
    authority: authorityId,
    hasDistrict: district !== undefined,
    district: districtId,
    postcodeArea: areaId,
    nameBits: idBit(authorityId),
    districtBits: (idBit(districtId) | idBit(areaId)) >>> 0,
  };
}

/**
 * Whether the client lives in the named area of the activity at position `p` (see
 * `areaVerdict`): `true` inside or when the activity has no named area, `false` outside,
 * `undefined` when the profile cannot tell.
 */
export function namedAreaVerdict(ctx: ClientContext, c: Columns, p: number): boolean | undefined {
  if (((c.flags[p] as number) & FLAG.namedArea) === 0) return true;
  const named = c.namedAreas.get(c.activityIndex[p] as number);
  if (named === undefined) return true;
  const a = ctx.area;
  return areaVerdict(named.names.length > 0, a.authority >= 0 && named.names.includes(a.authority), named.districts.length > 0, (a.district >= 0 && named.districts.includes(a.district)) || (a.postcodeArea >= 0 && named.districts.includes(a.postcodeArea)), a.hasAuthority, a.hasDistrict);
}

/** Age in whole years on the UTC date of `at`. */
export function ageAt(profile: Pick<ClientProfile, 'age' | 'dateOfBirth'>, at: Date): number {
  if (profile.age !== undefined) return profile.age;
  const [y, m, d] = (profile.dateOfBirth ?? '').split('-').map(Number) as [number, number, number];
  const years = at.getUTCFullYear() - y;
  const beforeBirthday = at.getUTCMonth() + 1 < m || (at.getUTCMonth() + 1 === m && at.getUTCDate() < d);
  return beforeBirthday ? years - 1 : years;
}

/**
 * Resolves a free-text interest or avoidance onto the vocabularies with the same machinery that
 * maps directory keywords (`resolveKeyword`: exact forms, phrases inside the text, then fuzzy;
 * never fuzzy for categories): "used to love dancing" → dancing, "walkin grup" → walking. The
 * tags and the category it names are kept; the text's own slug is always kept as a tag too, so
 * an open-vocabulary tag such as `fishing` still matches.
 *
 * @example
 * ```ts
 * resolveTerm('singing in a choir').tags; // ['singing', 'singing-in-a-choir']
 * ```
 */
export function resolveTerm(text: string): ResolvedTerm {
  let resolved = resolvedTerms.get(text);
  if (resolved === undefined) {
    if (resolvedTerms.size >= 10_000) resolvedTerms.clear();
    resolved = resolveUncached(text);
    resolvedTerms.set(text, resolved);
  }
  return resolved;
}

/** Resolutions are a pure function of the text and the built-in vocabularies: cached, bounded. */
const resolvedTerms = new Map<string, ResolvedTerm>();

/** Fuzzy matching (fuse.js's Bitap) slows sharply past 32 characters: longer text is scanned for phrases only. */
const FUZZY_MAX_LENGTH = 32;

function resolveUncached(text: string): ResolvedTerm {
  // Long text (a sentence rather than a keyword) is scanned for known phrases only, as prose is.
  const hits: readonly { vocabulary: string; id: string }[] = text.length <= FUZZY_MAX_LENGTH ? resolveKeyword(text) : scanText(text);
  const tags = [...new Set(hits.filter((h) => h.vocabulary === 'tags').map((h) => h.id))];
  const category = hits.find((h) => h.vocabulary === 'categories')?.id;
  const labels = tags.map((id) => labelOf(vocabularies.tags.terms, id));
  if (labels.length === 0 && category !== undefined) labels.push(labelOf(vocabularies.categories.terms, category).toLowerCase());
  const slug = slugify(text);
  return { label: labels.length > 0 ? labels.join(', ') : slug.replace(/-/g, ' '), tags: [...new Set([...tags, slug])], category };
}

function labelOf(terms: readonly { id: string; label: string }[], id: string): string {
  return terms.find((t) => t.id === id)?.label ?? id;
}

function lonelinessLevel(profile: ClientProfile): LonelinessLevel {
  const lonely = profile.needs.includes('loneliness') || profile.loneliness === 'some-of-the-time' || profile.loneliness === 'often-or-always';
  if (profile.loneliness === 'often-or-always' || (lonely && profile.housebound)) return 2;
  return lonely ? 1 : 0;
}

/** Bits per tag id and per category for a list of resolved terms (term i sets bit i). */
function termBits(terms: readonly ResolvedTerm[], columns: Columns): { byTag: Uint32Array; byCategory: Uint32Array } {
  const byTag = new Uint32Array(columns.tagNames.length);
  const byCategory = new Uint32Array(CATEGORY_IDS.length);
  terms.forEach((term, i) => {
    const bit = (1 << i) >>> 0;
    for (const tag of term.tags) {
      const id = columns.tagIndex.get(tag);
      if (id !== undefined) byTag[id] = ((byTag[id] as number) | bit) >>> 0;
    }
    if (term.category !== undefined) {
      const c = CATEGORY_IDS.indexOf(term.category);
      byCategory[c] = ((byCategory[c] as number) | bit) >>> 0;
    }
  });
  return { byTag, byCategory };
}

/**
 * Whether a client is in an activity's audience: open to anyone, or the client has one of its
 * conditions, one of its needs (loneliness counts when they are lonely), or is in one of its groups.
 */
export function inAudience(set: PeopleSet, conditionMask: number, needMask: number, groupMask: number): boolean {
  const a = set.audience;
  return a === undefined || (a.conditions & conditionMask) !== 0 || (a.needs & needMask) !== 0 || (a.groups & groupMask) !== 0;
}

const LONELINESS_BIT = 1 << (NEED_BITS.get('loneliness') as number);

/** Builds the per-query context of a validated profile against a compiled catalogue. */
export function clientContext(profile: ClientProfile, at: Date, rules: MatchingRules, columns: Columns): ClientContext {
  const needs = profile.needs.filter((n) => n !== 'loneliness');
  const interests = profile.interests.map(resolveTerm);
  const avoid = profile.avoid.map(resolveTerm);
  const interestBits = termBits(interests, columns);
  const avoidBits = termBits(avoid, columns);
  const languages = new Set(profile.languages);
  const loneliness = lonelinessLevel(profile);
  const conditionMask = maskOf(profile.conditions, CONDITION_BITS);
  const needMask = maskOf(needs, NEED_BITS);
  const audienceNeeds = needMask | (loneliness > 0 ? LONELINESS_BIT : 0);
  const groupMask = maskOf(profile.groups, GROUP_BITS);
  const todayByZone = Float64Array.from(columns.zones, (zone) => localDay(at, zone));
  return {
    activation: profile.activation,
    age: ageAt(profile, at),
    genderBit: profile.gender === undefined ? 0 : 1 << GENDERS.indexOf(profile.gender),
    home: profile.home ? { lat: profile.home.lat, lon: profile.home.lon } : undefined,
    limitKm: profile.housebound ? 0 : (profile.travel?.maxKm ?? rules.distance.defaultMaxKm),
    housebound: profile.housebound,
    conditions: profile.conditions,
    needs,
    gender: profile.gender,
    conditionMask,
    conditionCount: profile.conditions.length,
    needMask,
    urgentNeedMask: profile.activation <= rules.relevance.practicalFirst.maxActivation ? needMask & maskOf(rules.relevance.practicalFirst.needs, NEED_BITS) : 0,
    needCount: needs.length,
    loneliness,
    interests,
    avoid,
    interestBitsByTag: interestBits.byTag,
    interestBitsByCategory: interestBits.byCategory,
    avoidBitsByTag: avoidBits.byTag,
    avoidBitsByCategory: avoidBits.byCategory,
    languageOk: Uint8Array.from(columns.peopleSets, (set) => (set.languages.some((l) => languages.has(l)) ? 1 : 0)),
    audienceOk: Uint8Array.from(columns.peopleSets, (set) => (inAudience(set, conditionMask, audienceNeeds, groupMask) ? 1 : 0)),
    groups: profile.groups,
    area: clientAreaIds(profile, columns),
    availability: profile.availability ? windowsByDay(profile.availability) : undefined,
    datesAway: dayRanges(profile.datesAway),
    budgetCode: BUDGET_CODES.indexOf(profile.budget),
    wheelchair: profile.accessibility.wheelchair,
    stepFree: profile.accessibility.stepFree || profile.accessibility.wheelchair,
    referredBy: profile.referredBy,
    at,
    todayByZone,
    earliestToday: todayByZone.length === 0 ? 0 : Math.min(...todayByZone),
  };
}
