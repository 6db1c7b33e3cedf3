/**
 * Typo-tolerant search over a catalogue, for the search box of a referral app: "walkin grup",
 * "bee keeping", "helthy lungs".
 *
 * **How.** The index is built once (`word-index.ts`): every word of every activity's name,
 * tags, provider and description (folded: lower case, no accents), with the best field it
 * occurs in. A query is split into words; each stands for the catalogue's words it is the same
 * as, begins, is begun by, or is a typo of (fuse.js scores typos, over the words a letter-pair
 * index says can match),
 * and each activity scores, per query word, its best `field weight × word similarity`:
 *
 * `score = Σ_terms max_{field, word} (weightᶠ · simₜ,w) / number of terms`, in [0, 1].
 *
 * | field | weight |
 * |---|---|
 * | name | 1 |
 * | tags | 0.8 |
 * | provider | 0.6 |
 * | description | 0.4 |
 *
 * Word similarity is 1 for the same word, high for a word being typed ("walki"), and
 * `1 − fuse score` scaled by length for a typo ("helthy"); see `wordSimilarity`. Two query words that
 * make one catalogue word count as it ("bee keeping" is "beekeeping"). The whole query is also
 * resolved onto the tag vocabulary (the importer's `resolveKeyword`): "helthy lungs" finds
 * activities tagged `pulmonary-rehab` even when no word matches. Results below
 * {@link MIN_SEARCH_SCORE} are dropped.
 *
 * **Why not fuse.js over whole documents?** It rescans every text for every query: 0.3 to 2
 * seconds a query on 10,000 activities (see `bench/search.bench.ts`). Matching fuse.js against
 * the distinct words keeps its typo tolerance at a few milliseconds.
 *
 * Deterministic: scores do not depend on catalogue order; ties go to the smaller id.
 *
 * A catalogue may be searched as several sources at once (`searchSources`: the parts of an
 * updated matcher, each with its own word index and dead marks), with the same results as one
 * index of all their live activities.
 *
 * Size: over 300 lines: the public types and options, and `searchSources`, one function over
 * the query's words, the sources' postings and the ranking; the index is in `word-index.ts`,
 * the word helpers in `search-words.ts`.
 *
 * @module
 */
import { z } from 'zod';
import type { Activity } from '../schema/activity.js';
import { categoryTerm, LatitudeSchema, LongitudeSchema } from '../schema/common.js';
import { haversineKm } from '../signals/geo.js';
import { ActivityMatchError } from '../errors.js';
import { parseOrThrow } from '../validate.js';
import { resolveKeyword } from '../vocabulary/keywords.js';
import { guard } from '../guard.js';
import { ActivitySchema } from '../schema/activity.js';
import { STOP_WORDS, mergeRanges, wordsOf } from './search-words.js';
import { Candidates } from './search-candidates.js';
import { buildWordIndex, candidateWords, fieldTexts, find } from './word-index.js';
import type { WordIndex } from './word-index.js';

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
/** Weight of each field code. */
const FIELD_WEIGHTS = SEARCH_FIELDS.map((field) => SEARCH_WEIGHTS[field]);
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

/**
 * One part of a searched catalogue: its word index, and how to read its documents (positions of
 * a compiled part, or rows of a list of activities). Documents marked `dead` are skipped.
 * @internal
 */
export interface SearchSource {
  readonly index: WordIndex;
  /** Documents are numbered from 0 to size − 1. */
  readonly size: number;
  readonly dead: Uint8Array | undefined;
  idAt(d: number): string;
  categoryAt(d: number): string;
  /** A venue's latitude and longitude, NaN for anything else (or a venue without a position). */
  latAt(d: number): number;
  lonAt(d: number): number;
  activityAt(d: number): Activity;
}

/** Whether a word has a live document in a source. */
function liveWord(source: SearchSource, w: number): boolean {
  const { postStart, postDocs } = source.index;
  const dead = source.dead;
  if (dead === undefined) return (postStart[w + 1] as number) > (postStart[w] as number);
  for (let k = postStart[w] as number; k < (postStart[w + 1] as number); k++) if (dead[postDocs[k] as number] !== 1) return true;
  return false;
}

/** Catalogue words a query word stands for, with their similarity, best first: over every source, live words only. */
function expand(sources: readonly SearchSource[], term: string): [string, number][] {
  const found = new Map<string, number>();
  for (const source of sources) for (const [word, sim] of candidateWords(source.index, term)) if (sim > (found.get(word) ?? 0)) found.set(word, sim);
  const sorted = [...found].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const out: [string, number][] = [];
  for (const entry of sorted) {
    if (out.length === MAX_WORDS_PER_TERM) break;
    if (sources.some((source) => {
      const w = find(source.index.words, entry[0]);
      return w >= 0 && liveWord(source, w);
    })) out.push(entry);
  }
  return out;
}

const slotTables = new WeakMap<WordIndex, Int32Array>();

/** A table of −1 per document of a source, for a query's candidate slots (cleared again after each query). */
function slotTable(source: SearchSource): Int32Array {
  let table = slotTables.get(source.index);
  if (table === undefined) {
    table = new Int32Array(source.size).fill(-1);
    slotTables.set(source.index, table);
  }
  return table;
}

/**
 * Searches several sources as one catalogue (see the module notes); equal to searching one index
 * of all their live documents. Options are validated here.
 * @internal
 */
export function searchSources(sources: readonly SearchSource[], text: unknown, options: unknown = {}): SearchHit[] {
  if (typeof text !== 'string') throw new ActivityMatchError('INVALID_OPTIONS', [{ path: 'text', message: 'expected the text to search for (a string)' }]);
  const opts = parseOrThrow(OptionsSchema, options, 'INVALID_OPTIONS', 'options');
  // Bounded before any fuzzy or prefix work (see SEARCH_TEXT_LIMITS).
  const bounded = text.slice(0, SEARCH_TEXT_LIMITS.characters);
  const all = wordsOf(bounded).map((w) => w.word.slice(0, SEARCH_TEXT_LIMITS.wordLetters));
  const content = all.filter((w) => !STOP_WORDS.has(w));
  const terms = [...new Set(content.length > 0 ? content : all)].slice(0, MAX_TERMS);
  if (terms.length === 0) return [];
  // What each query word stands for, over every source (the same words whichever part holds them):
  // catalogue word `word` credited to query words `first..last`.
  const credits: { first: number; last: number; word: string; sim: number }[] = [];
  terms.forEach((term, i) => {
    for (const [word, sim] of expand(sources, term)) credits.push({ first: i, last: i, word, sim });
    const next = terms[i + 1];
    // "bee keeping" → "beekeeping": two query words joined count for both.
    if (next !== undefined) credits.push({ first: i, last: i + 1, word: term + next, sim: 1 });
  });
  const tagCredits = resolveKeyword(bounded).filter((hit) => hit.vocabulary === 'tags' && hit.via !== 'phrase');
  const categories = opts.categories === undefined ? undefined : new Set<string>(opts.categories);
  const matchedWords = new Set<string>();
  // Hits as parallel lists (source number, document, score, tag credit, km or NaN); objects are
  // made only for the few that can be returned.
  const hitSource: number[] = [];
  const hitDoc: number[] = [];
  const hitScore: number[] = [];
  const hitTag: number[] = [];
  const hitKm: number[] = [];
  sources.forEach((source, sourceNumber) => {
    const { index, dead } = source;
    const touched = new Candidates(slotTable(source), terms.length);
    for (const credit of credits) {
      const w = find(index.words, credit.word);
      if (w < 0) continue;
      matchedWords.add(credit.word);
      touched.addWord(index, w, credit.sim, credit.first, credit.last, dead, FIELD_WEIGHTS);
    }
    tagCredits.forEach((hit, credit) => {
      const t = find(index.tags, hit.id);
      if (t >= 0) touched.addTag(index, t, EXPANSION_SIMILARITY[hit.via] * SEARCH_WEIGHTS.tags, credit, dead);
    });
    touched.release();
    for (let s = 0; s < touched.count; s++) {
      const d = touched.docs[s] as number;
      const score = touched.score(s);
      if (score < MIN_SEARCH_SCORE) continue;
      if (categories !== undefined && !categories.has(source.categoryAt(d))) continue;
      const lat = source.latAt(d);
      let km = NaN;
      if (opts.near !== undefined && !Number.isNaN(lat)) {
        km = haversineKm(opts.near.lat, opts.near.lon, lat, source.lonAt(d));
        if (!(km <= opts.near.maxKm)) continue;
      }
      hitSource.push(sourceNumber);
      hitDoc.push(d);
      hitScore.push(score);
      hitTag.push(touched.tag[s] as number);
      hitKm.push(km);
    }
  });
  // The hits that can be returned: the best `limit` and any tied with the last of them (the
  // `limit`-th best score, read off a sorted copy of the scores). Ids, which a loaded matcher
  // decodes, are read for these only; ties go to the smaller id.
  const n = hitScore.length;
  const cut = n > opts.limit ? (Float64Array.from(hitScore).sort()[n - opts.limit] as number) : -Infinity;
  const top: { source: SearchSource; d: number; score: number; tag: string | undefined; km: number; id: string }[] = [];
  for (let h = 0; h < n; h++) {
    const score = hitScore[h] as number;
    if (score < cut) continue;
    const source = sources[hitSource[h] as number] as SearchSource;
    const d = hitDoc[h] as number;
    top.push({ source, d, score, tag: tagCredits[hitTag[h] as number]?.id, km: hitKm[h] as number, id: source.idAt(d) });
  }
  top.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return top.slice(0, opts.limit).map((h) => ({
    id: h.id,
    score: Math.min(1, h.score),
    matches: matchesOf(h.source.activityAt(h.d), matchedWords, h.tag),
    ...(Number.isNaN(h.km) ? {} : { distanceKm: h.km }),
  }));
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
  const sources = [activitiesSource(activities)];
  return { size: activities.length, search: (text, options) => searchSources(sources, text, options) };
}

/** A source over a list of validated activities (documents are rows). @internal */
export function activitiesSource(activities: readonly Activity[], index: WordIndex = buildWordIndex(activities.length, (d) => activities[d] as Activity)): SearchSource {
  const venue = (d: number) => {
    const { location } = activities[d] as Activity;
    return location.kind === 'venue' && location.lat !== undefined && location.lon !== undefined ? location : undefined;
  };
  return {
    index,
    size: activities.length,
    dead: undefined,
    idAt: (d) => (activities[d] as Activity).id,
    categoryAt: (d) => (activities[d] as Activity).category,
    latAt: (d) => venue(d)?.lat ?? NaN,
    lonAt: (d) => venue(d)?.lon ?? NaN,
    activityAt: (d) => activities[d] as Activity,
  };
}

/**
 * Highlights of one activity: the spans of the matched words, per field text, plus a tag
 * matched by meaning. The activity's texts are split into words again here (only the few
 * activities returned are), rather than kept for every activity.
 */
function matchesOf(activity: Activity, words: ReadonlySet<string>, tag: string | undefined): SearchMatch[] {
  const texts = fieldTexts(activity);
  const ranges = new Map<string, [number, number][]>();
  const add = (field: number, t: number, span: [number, number]) => {
    const key = `${field}:${t}`;
    const known = ranges.get(key);
    if (known === undefined) ranges.set(key, [span]);
    else known.push(span);
  };
  texts.forEach((list, field) =>
    list.forEach((text, t) => {
      for (const { word, start, end } of wordsOf(text)) if (words.has(word)) add(field, t, [start, end]);
    }),
  );
  if (tag !== undefined) {
    const t = activity.tags.indexOf(tag);
    add(FIELD_CODES.tags, t, [0, texts[FIELD_CODES.tags]?.[t]?.length ?? 0]);
  }
  return [...ranges]
    .map(([key, rs]) => {
      const [field, t] = key.split(':').map(Number) as [number, number];
      const name = SEARCH_FIELDS[field] as SearchField;
      return { field: name, ...(name === 'tags' ? { tag: activity.tags[t] as string } : {}), value: texts[field]?.[t] ?? '', ranges: mergeRanges(rs) };
    })
    .sort((a, b) => FIELD_CODES[a.field] - FIELD_CODES[b.field] || (a.tag ?? '').localeCompare(b.tag ?? ''));
}
