// The search box as it was before issue #20: fuse.js over every distinct word of the catalogue,
// every query word. Kept as the reference the compact word index (src/catalogue/word-index.ts),
// with its letter-pair filter, parts and dead marks, must equal (test/catalogue/search-parts.test.ts).
// Unchanged from src/catalogue/text-search.ts at cfb0134 but for the import paths.
import Fuse from 'fuse.js';
import { z } from 'zod';
import type { Activity } from '../../src/schema/activity.js';
import { categoryTerm, LatitudeSchema, LongitudeSchema } from '../../src/schema/common.js';
import { haversineKm } from '../../src/signals/geo.js';
import { ActivityMatchError } from '../../src/errors.js';
import { parseOrThrow } from '../../src/validate.js';
import { resolveKeyword } from '../../src/vocabulary/keywords.js';
import { guard } from '../../src/guard.js';
import { ActivitySchema } from '../../src/schema/activity.js';
import { MIN_STEM, STOP_WORDS, mergeRanges, tagLabel, wordSimilarity, wordsOf } from '../../src/catalogue/search-words.js';

/**
 * The searchable fields, in order of weight.
 *
 * @example
 * ```ts
 * SEARCH_FIELDS; // ['name', 'tags', 'provider', 'description']
 * ```
 */
export const SEARCH_FIELDS = ['name', 'tags', 'provider', 'description'] as const;
/** A searchable field. */
export type SearchField = (typeof SEARCH_FIELDS)[number];
/**
 * Weight of a match in each field (see the module table).
 *
 * @example
 * ```ts
 * SEARCH_WEIGHTS.tags;             // 0.8
 * Object.isFrozen(SEARCH_WEIGHTS); // true
 * ```
 */
export const SEARCH_WEIGHTS: Readonly<Record<SearchField, number>> = Object.freeze({ name: 1, tags: 0.8, provider: 0.6, description: 0.4 });
/** Results scoring below this are not returned. */
export const MIN_SEARCH_SCORE = 0.2;

/**
 * Options of `search`.
 *
 * @example
 * ```ts
 * const options: SearchOptions = { categories: ['physical-activity', 'nature'], near: { lat: 53.38, lon: -1.47, maxKm: 5 }, limit: 10 };
 * ```
 */
export interface SearchOptions {
  /** Only these categories (ids or synonyms). */
  readonly categories?: readonly string[];
  /** Only venues within `maxKm` of a point; home and online activities always pass. */
  readonly near?: { readonly lat: number; readonly lon: number; readonly maxKm: number };
  /** At most this many results, 1 to 1000 (default 20). */
  readonly limit?: number;
}

/** Where a result matched: ranges `[start, end)` (end exclusive, like `slice`) in one field's text. */
export interface SearchMatch {
  readonly field: SearchField;
  /** For tags: the tag id. */
  readonly tag?: string;
  /** The text the ranges refer to: the activity's name, provider or description, or the tag's label. */
  readonly value: string;
  readonly ranges: readonly (readonly [number, number])[];
}

/**
 * One search result.
 *
 * @example
 * ```ts
 * const hit: SearchHit = { id: 'knit-and-natter', score: 1, matches: [{ field: 'name', value: 'Knit and natter', ranges: [[0, 4]] }] };
 * hit.matches[0]?.value.slice(...hit.matches[0].ranges[0]!); // 'Knit'
 * ```
 */
export interface SearchHit {
  readonly id: string;
  /** Match score in [0, 1]: 1 when every query word is found exactly in the name. */
  readonly score: number;
  readonly matches: readonly SearchMatch[];
  /** Distance from `near`, for venues when `near` is given. */
  readonly distanceKm?: number;
}

/**
 * A search index over a catalogue, built once by {@link createSearchIndex}.
 *
 * @example
 * ```ts
 * const index: SearchIndex = createSearchIndex(activities);
 * index.size;                           // 57
 * index.search('helthy lungs')[0]?.id;  // 'healthy-lungs-course'
 * ```
 */
export interface SearchIndex {
  /** Number of activities indexed. */
  readonly size: number;
  /**
   * Activities matching `text`, best first (score, then id). Reads the first 1,000 characters of
   * `text` and 12 words, each matched by its first 40 letters ({@link SEARCH_TEXT_LIMITS}), so any
   * text takes bounded time.
   * @throws {ActivityMatchError} `INVALID_OPTIONS` for text that is not a string (path `text`) or bad options.
   */
  search(text: string, options?: SearchOptions): SearchHit[];
}

const OptionsSchema = z.strictObject(
  {
    categories: z.array(categoryTerm(), { error: 'expected a list of categories' }).optional(),
    near: z.strictObject({ lat: LatitudeSchema, lon: LongitudeSchema, maxKm: z.number({ error: 'expected a distance in km' }).min(0, { error: 'expected a distance in km' }).max(20000, { error: 'expected a distance in km' }) }, { error: 'expected {lat, lon, maxKm}' }).optional(),
    limit: z.number({ error: 'expected a whole number from 1 to 1000' }).int({ error: 'expected a whole number from 1 to 1000' }).min(1, { error: 'expected a whole number from 1 to 1000' }).max(1000, { error: 'expected a whole number from 1 to 1000' }).default(20),
  },
  { error: 'expected search options {categories?, near?, limit?}' },
);

const FIELD_CODES: Readonly<Record<SearchField, number>> = { name: 0, tags: 1, provider: 2, description: 3 };
/** Fuse threshold per word: about one typo in four letters. */
const WORD_THRESHOLD = 0.25;
/** Most catalogue words one query word may stand for (the closest ones). */
const MAX_WORDS_PER_TERM = 64;
/** Query words read; the rest of a pasted paragraph is ignored. */
const MAX_TERMS = 12;
/**
 * Characters of a query read (the rest of a pasted page is ignored), and letters of a query
 * word matched (a longer word is matched by its beginning): fuzzy and prefix matching cost time
 * in proportion to a word's length, and a 100,000-letter word took 21 s.
 *
 * @example
 * ```ts
 * SEARCH_TEXT_LIMITS; // { characters: 1000, wordLetters: 40 }
 * ```
 */
export const SEARCH_TEXT_LIMITS = Object.freeze({ characters: 1000, wordLetters: 40 });
/** Similarity credited to every query word when the whole query names a tag (exactly or fuzzily). */
const EXPANSION_SIMILARITY = { exact: 0.75, phrase: 0, fuzzy: 0.7 } as const;

/** Where a word occurs: for each activity (dense index) that has it, the best field weight it has there. */
interface Posting {
  readonly docs: number[];
  readonly weights: number[];
}

/** A word's spans in one activity: field code, index of the text in the field, start, end; four numbers each. */
type Spans = number[];

interface Doc {
  readonly activity: Activity;
  /** The texts of each field, by field code (tags: one label per tag). */
  readonly texts: readonly (readonly string[])[];
  /** Each folded word of the activity and its spans, for highlights. */
  readonly words: ReadonlyMap<string, Spans>;
}

function buildDoc(activity: Activity): Doc {
  const texts = [[activity.name], activity.tags.map(tagLabel), activity.provider === undefined ? [] : [activity.provider], activity.description === undefined ? [] : [activity.description]];
  const words = new Map<string, Spans>();
  texts.forEach((list, field) =>
    list.forEach((text, t) => {
      for (const { word, start, end } of wordsOf(text)) {
        const spans = words.get(word);
        if (spans === undefined) words.set(word, [field, t, start, end]);
        else spans.push(field, t, start, end);
      }
    }),
  );
  return { activity, texts, words };
}

/** Throws `INVALID_CATALOGUE` with the path of the first field the index reads that is not what a validated activity has. */
function checkSearchable(activities: unknown): asserts activities is readonly Activity[] {
  const fail = (path: string, message: string): never => {
    throw new ActivityMatchError('INVALID_CATALOGUE', [{ path, message }]);
  };
  if (!Array.isArray(activities)) fail('activities', 'expected a list of validated activities (matcher.activities or parseCatalogue(…).activities)');
  const list = activities as readonly unknown[];
  for (let i = 0; i < list.length; i++) {
    const a = list[i] as Partial<Record<keyof Activity, unknown>> | null | undefined;
    const at = `activities[${i}]`;
    if (a === null || typeof a !== 'object') fail(at, 'expected a validated activity');
    const { id, name, category, tags, provider, description, location } = a as Partial<Record<keyof Activity, unknown>>;
    if (typeof id !== 'string') fail(`${at}.id`, 'expected an id (text)');
    if (typeof name !== 'string') fail(`${at}.name`, 'expected a name (text)');
    if (typeof category !== 'string') fail(`${at}.category`, 'expected a category id');
    if (!Array.isArray(tags) || !tags.every((t) => typeof t === 'string')) fail(`${at}.tags`, 'expected a list of tag ids');
    if (provider !== undefined && typeof provider !== 'string') fail(`${at}.provider`, 'expected text');
    if (description !== undefined && typeof description !== 'string') fail(`${at}.description`, 'expected text');
    const loc = location as { kind?: unknown; lat?: unknown; lon?: unknown } | null | undefined;
    if (loc === null || typeof loc !== 'object' || typeof loc.kind !== 'string') fail(`${at}.location`, 'expected a location { kind, … }');
    const { lat, lon } = loc as { lat?: unknown; lon?: unknown };
    if ((lat !== undefined && typeof lat !== 'number') || (lon !== undefined && typeof lon !== 'number')) fail(`${at}.location`, 'expected a location with numeric lat and lon');
  }
}

/**
 * Builds the search index of a validated catalogue, once (see the module notes). The fields the
 * index reads are checked (`INVALID_CATALOGUE` with their path); give it validated activities
 * (`matcher.activities`, `parseCatalogue(…).activities`).
 *
 * @example
 * ```ts
 * const index = createSearchIndex(matcher.activities); // the bundled catalogue
 * index.search('walkin grup', { limit: 1 });
 * // [{ id: 'evening-walk-norfolk-park', score: 0.66, matches: [
 * //   { field: 'name', value: 'Norfolk Park after-work walk', ranges: [[24, 28]] },
 * //   { field: 'tags', tag: 'walking', value: 'walking', ranges: [[0, 7]] }, …] }]
 * index.search('bee keeping', { near: { lat: 53.36, lon: -1.47, maxKm: 3 } })[0];
 * // { id: 'beekeeping-heeley', score: 0.9, matches: […], distanceKm: 0.23 }
 * ```
 */
export function createSearchIndex(activities: readonly Activity[]): SearchIndex {
  return guard([{ code: 'INVALID_CATALOGUE', path: 'activities', value: activities, fields: [ActivitySchema] }], () => createSearchIndexUnguarded(activities));
}

function createSearchIndexUnguarded(activities: readonly Activity[]): SearchIndex {
  checkSearchable(activities);
  const docs = activities.map(buildDoc);
  const postings = new Map<string, Posting>();
  const byTag = new Map<string, number[]>();
  docs.forEach((doc, d) => {
    for (const tag of doc.activity.tags) {
      const list = byTag.get(tag);
      if (list === undefined) byTag.set(tag, [d]);
      else list.push(d);
    }
    for (const [word, spans] of doc.words) {
      let weight = 0;
      for (let s = 0; s < spans.length; s += 4) weight = Math.max(weight, SEARCH_WEIGHTS[SEARCH_FIELDS[spans[s] as number] as SearchField]);
      const posting = postings.get(word);
      if (posting === undefined) postings.set(word, { docs: [d], weights: [weight] });
      else {
        posting.docs.push(d);
        posting.weights.push(weight);
      }
    }
  });
  // Sorted, so fuse's ties (by position) fall in alphabetical order whatever the catalogue order.
  const fuse = new Fuse([...postings.keys()].sort(), { includeScore: true, threshold: WORD_THRESHOLD, ignoreLocation: true, ignoreFieldNorm: true });

  /** Catalogue words a query word stands for, with their similarity, best first. */
  function expand(term: string): [string, number][] {
    const found = new Map<string, number>();
    if (postings.has(term)) found.set(term, 1);
    // Catalogue words the query word begins with ("walkin" → "walk"): fuse.js does not look for a pattern longer than the text.
    for (let k = MIN_STEM; k < term.length; k++) {
      const stem = term.slice(0, k);
      if (postings.has(stem)) found.set(stem, wordSimilarity(term, stem, 1));
    }
    if (term.length >= 3) {
      for (const r of fuse.search(term)) {
        const sim = wordSimilarity(term, r.item, r.score ?? 1);
        if (sim > 0 && sim > (found.get(r.item) ?? 0)) found.set(r.item, sim);
      }
    }
    return [...found].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_WORDS_PER_TERM);
  }

  function search(text: string, options: SearchOptions = {}): SearchHit[] {
    if (typeof text !== 'string') throw new ActivityMatchError('INVALID_OPTIONS', [{ path: 'text', message: 'expected the text to search for (a string)' }]);
    const opts = parseOrThrow(OptionsSchema, options, 'INVALID_OPTIONS', 'options');
    // Bounded before any fuzzy or prefix work (see SEARCH_TEXT_LIMITS).
    text = text.slice(0, SEARCH_TEXT_LIMITS.characters);
    const all = wordsOf(text).map((w) => w.word.slice(0, SEARCH_TEXT_LIMITS.wordLetters));
    const content = all.filter((w) => !STOP_WORDS.has(w));
    const terms = [...new Set(content.length > 0 ? content : all)].slice(0, MAX_TERMS);
    if (terms.length === 0) return [];
    // best[i][d]: query word i's best weighted similarity in activity d. Dense arrays: no allocation per activity.
    const best = terms.map(() => new Float64Array(docs.length));
    const touched = new Uint8Array(docs.length);
    const candidates: number[] = [];
    const matchedWords = new Set<string>();
    const touch = (d: number) => {
      if (touched[d] === 1) return;
      touched[d] = 1;
      candidates.push(d);
    };
    const credit = (termIndexes: readonly number[], word: string, sim: number) => {
      const posting = postings.get(word);
      if (posting === undefined) return;
      matchedWords.add(word);
      for (let k = 0; k < posting.docs.length; k++) {
        const d = posting.docs[k] as number;
        const value = sim * (posting.weights[k] as number);
        for (const i of termIndexes) if (value > (best[i] as Float64Array)[d]!) (best[i] as Float64Array)[d] = value;
        touch(d);
      }
    };
    terms.forEach((term, i) => {
      for (const [word, sim] of expand(term)) credit([i], word, sim);
      const next = terms[i + 1];
      // "bee keeping" → "beekeeping": two query words joined count for both.
      if (next !== undefined) credit([i, i + 1], term + next, 1);
    });
    const tagHits = new Map<number, string>();
    for (const hit of resolveKeyword(text)) {
      if (hit.vocabulary !== 'tags' || hit.via === 'phrase') continue;
      const value = EXPANSION_SIMILARITY[hit.via] * SEARCH_WEIGHTS.tags;
      for (const d of byTag.get(hit.id) ?? []) {
        for (const b of best) if (value > b[d]!) b[d] = value;
        touch(d);
        tagHits.set(d, hit.id);
      }
    }
    const categories = opts.categories === undefined ? undefined : new Set<string>(opts.categories);
    const hits: { d: number; score: number; distanceKm?: number }[] = [];
    for (const d of candidates) {
      let score = 0;
      for (const b of best) score += b[d]! / terms.length;
      if (score < MIN_SEARCH_SCORE) continue;
      const activity = (docs[d] as Doc).activity;
      if (categories !== undefined && !categories.has(activity.category)) continue;
      const { location } = activity;
      if (opts.near === undefined || location.kind !== 'venue' || location.lat === undefined || location.lon === undefined) {
        hits.push({ d, score });
        continue;
      }
      const km = haversineKm(opts.near.lat, opts.near.lon, location.lat, location.lon);
      if (km <= opts.near.maxKm) hits.push({ d, score, distanceKm: km });
    }
    const idOf = (d: number) => (docs[d] as Doc).activity.id;
    hits.sort((a, b) => b.score - a.score || (idOf(a.d) < idOf(b.d) ? -1 : idOf(a.d) > idOf(b.d) ? 1 : 0));
    return hits.slice(0, opts.limit).map(({ d, score, distanceKm }) => ({
      id: idOf(d),
      score: Math.min(1, score),
      matches: matchesOf(docs[d] as Doc, matchedWords, tagHits.get(d)),
      ...(distanceKm === undefined ? {} : { distanceKm }),
    }));
  }

  return { size: docs.length, search };
}

/** Highlights of one activity: the spans of the matched words, per field text, plus a tag matched by meaning. */
function matchesOf(doc: Doc, words: ReadonlySet<string>, tag: string | undefined): SearchMatch[] {
  const ranges = new Map<string, [number, number][]>();
  const add = (field: number, t: number, span: [number, number]) => {
    const key = `${field}:${t}`;
    const known = ranges.get(key);
    if (known === undefined) ranges.set(key, [span]);
    else known.push(span);
  };
  for (const word of words) {
    const spans = doc.words.get(word);
    if (spans === undefined) continue;
    for (let s = 0; s < spans.length; s += 4) add(spans[s] as number, spans[s + 1] as number, [spans[s + 2] as number, spans[s + 3] as number]);
  }
  if (tag !== undefined) {
    const t = doc.activity.tags.indexOf(tag);
    add(FIELD_CODES.tags, t, [0, doc.texts[FIELD_CODES.tags]?.[t]?.length ?? 0]);
  }
  return [...ranges]
    .map(([key, rs]) => {
      const [field, t] = key.split(':').map(Number) as [number, number];
      const name = SEARCH_FIELDS[field] as SearchField;
      return { field: name, ...(name === 'tags' ? { tag: doc.activity.tags[t] as string } : {}), value: doc.texts[field]?.[t] ?? '', ranges: mergeRanges(rs) };
    })
    .sort((a, b) => FIELD_CODES[a.field] - FIELD_CODES[b.field] || (a.tag ?? '').localeCompare(b.tag ?? ''));
}
