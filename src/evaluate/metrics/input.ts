/**
 * Input shapes, validation and ranking for the evaluation metrics.
 *
 * Every metric accepts a ranked list in one of two forms and normalises it here, so the rules
 * about ties and duplicates live in one place:
 *
 * - `readonly string[]`: item ids already in rank order, best first.
 * - `readonly ScoredItem[]`: items with scores in any order, ranked with {@link rankByScore}.
 *
 * Duplicates: trec_eval refuses a run that lists the same document twice for a query
 * (`form_res_rels.c`, "duplicate docs"). We do not throw; we keep the first (best-ranked)
 * occurrence and drop later ones, so the items after a duplicate move up one place.
 *
 * Errors are `ActivityMatchError` with code `INVALID_OPTIONS`, like everywhere else in the
 * library: each issue's path names the argument (`k`, `ranked[2].score`, `options.gain`) and its
 * message the expected form, never the input value or an id (ids may identify clients). A
 * caller's look-up function or predicate that throws is reported at its argument's path, with
 * the original as the error's `cause`.
 */
import { ActivityMatchError } from '../../errors.js';
import { callCaller } from '../../guard.js';
import { guard } from '../../guard.js';

/** Throws `ActivityMatchError` (`INVALID_OPTIONS`) at `path` (internal). */
export function invalid(path: string, message: string): never {
  throw new ActivityMatchError('INVALID_OPTIONS', [{ path, message }]);
}

/** One recommended item and the score the ranker gave it (higher is better). */
export interface ScoredItem {
  readonly id: string;
  readonly score: number;
}

/** A ranked list: item ids in rank order (best first), or scored items in any order. */
export type RankedInput = readonly string[] | readonly ScoredItem[];

/**
 * Graded relevance judgements for one client: item id → grade. A grade above 0 is relevant
 * (trec_eval's default relevance level 1 for integer grades); 0 or below, or an item missing
 * from the judgements, is not relevant.
 */
export type Judgements = ReadonlyMap<string, number> | Readonly<Record<string, number>>;

/** A per-item lookup: a Map, a plain object, or a function returning `undefined` when unknown. */
export type Lookup<T> = ReadonlyMap<string, T> | Readonly<Record<string, T>> | ((id: string) => T | undefined);

/**
 * How {@link rankByScore} orders items with equal scores.
 *
 * - `'trec_eval'` (default): id **descending**, exactly as trec_eval's `comp_sim_docno`
 *   (`strcmp(p2->docno, p1->docno)`), so results agree with trec_eval and pytrec_eval.
 * - `'id-ascending'`: id ascending, the more intuitive reading of "break ties by id".
 *
 * Ids compare by Unicode code point, which is the byte order `strcmp` sees for UTF-8 text.
 */
export type TieBreak = 'trec_eval' | 'id-ascending';

/** Options for {@link rankByScore}. */
export interface RankByScoreOptions {
  /** Tie rule for equal scores; default `'trec_eval'` (id descending). */
  readonly ties?: TieBreak;
}

/**
 * Ranks scored items: score descending, ties broken by id (descending by default, as
 * trec_eval does), duplicates of an id dropped after their best-ranked occurrence.
 *
 * @param items - Scored items in any order. Scores must be finite numbers.
 * @param options - `ties`: `'trec_eval'` (default, id descending) or `'id-ascending'`.
 * @returns Item ids in rank order, best first.
 * @throws {ActivityMatchError} `INVALID_OPTIONS` if an item is not `{ id: string; score: number }`
 *   with a finite score (path `items[3].score`), or `ties` is unknown.
 *
 * @example
 * ```ts
 * rankByScore([{ id: 'a', score: 1 }, { id: 'c', score: 2 }, { id: 'b', score: 1 }]);
 * // ['c', 'b', 'a']  (b and a tie; trec_eval puts the larger id first)
 * rankByScore([{ id: 'a', score: 1 }, { id: 'b', score: 1 }], { ties: 'id-ascending' });
 * // ['a', 'b']
 * ```
 */
export function rankByScore(items: readonly ScoredItem[], options: RankByScoreOptions = {}): string[] {
  return guard([{ code: 'INVALID_OPTIONS', path: 'items', value: items }, { code: 'INVALID_OPTIONS', path: 'options', value: options }], () => rankByScoreUnguarded(items, options));
}

function rankByScoreUnguarded(items: readonly ScoredItem[], options: RankByScoreOptions = {}): string[] {
  if (!Array.isArray(items)) invalid('items', 'expected a list of { id, score }');
  const ties = optionsOf(options).ties ?? 'trec_eval';
  if (ties !== 'trec_eval' && ties !== 'id-ascending') invalid('options.ties', "expected 'trec_eval' or 'id-ascending'");
  return rankScored(items, 'items', ties);
}

/** An options argument: an object or undefined (then `{}`), else `INVALID_OPTIONS` at `options` (internal). */
export function optionsOf<T extends object>(options: T | undefined | null): Partial<T> {
  if (options === undefined) return {};
  if (options === null || typeof options !== 'object' || Array.isArray(options)) invalid('options', 'expected an options object');
  return options;
}

/** Normalises a ranked list to unique ids in rank order (internal). */
export function toRankedIds(ranked: RankedInput, name = 'ranked'): string[] {
  if (!Array.isArray(ranked)) invalid(name, 'expected a list of ids or of { id, score }');
  if (ranked.length === 0) return [];
  if (typeof ranked[0] === 'string') {
    const seen = new Set<string>();
    const ids: string[] = [];
    // An index loop, not forEach: a hole in a sparse list is an error, not a skipped rank.
    for (let i = 0; i < ranked.length; i++) {
      const id: unknown = ranked[i];
      if (typeof id !== 'string') invalid(`${name}[${i}]`, 'expected an id (text) like the first entry');
      if (!seen.has(id)) {
        seen.add(id);
        ids.push(id);
      }
    }
    return ids;
  }
  return rankScored(ranked as readonly ScoredItem[], name, 'trec_eval');
}

/** Normalises judgements to a Map of finite grades (internal). */
export function toJudgements(qrels: Judgements): Map<string, number> {
  const entries = entriesOf(qrels, 'qrels');
  const out = new Map<string, number>();
  entries.forEach(([id, grade], i) => {
    // Named by position: an id may identify a client.
    if (typeof grade !== 'number' || !Number.isFinite(grade)) invalid('qrels', `expected every grade to be a finite number (the ${ordinal(i + 1)} is not)`);
    out.set(id, grade);
  });
  return out;
}

/** "1st", "2nd", "23rd" (internal). */
export function ordinal(n: number): string {
  const tens = n % 100;
  return `${n}${tens >= 11 && tens <= 13 ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th'}`;
}

/**
 * Counts the relevant items (grade > 0) in a client's judgements. Use it to decide which
 * clients to leave out of an average with {@link meanOver}.
 *
 * @param qrels - Judgements for one client.
 * @returns The number of items with grade above 0.
 *
 * @example
 * ```ts
 * countRelevant({ a: 2, b: 0, c: 1 }); // 2
 * countRelevant(new Map());            // 0
 * ```
 */
export function countRelevant(qrels: Judgements): number {
  return guard([{ code: 'INVALID_OPTIONS', path: 'qrels', value: qrels }], () => countRelevantUnguarded(qrels));
}

function countRelevantUnguarded(qrels: Judgements): number {
  let n = 0;
  for (const grade of toJudgements(qrels).values()) if (grade > 0) n++;
  return n;
}

/** Throws unless `value` is a positive integer (internal). */
export function assertPositiveInteger(value: unknown, name: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) invalid(name, 'expected a whole number of at least 1');
}

/** Reads an optional cut-off `k` from an options object (internal). */
export function optionalK(options: { readonly k?: number } | undefined): number {
  const k = optionsOf(options).k;
  if (k === undefined) return Infinity;
  assertPositiveInteger(k, 'options.k');
  return k;
}

/** Resolves a {@link Lookup} to a function; a caller's function that throws is reported at `name` (internal). */
export function lookupFn<T>(lookup: Lookup<T>, name: string): (id: string) => T | undefined {
  if (typeof lookup === 'function') return (id) => callCaller(name, () => lookup(id));
  if (lookup instanceof Map) return (id) => lookup.get(id);
  if (typeof lookup === 'object' && lookup !== null) {
    const record = lookup as Readonly<Record<string, T>>;
    return (id) => (Object.hasOwn(record, id) ? record[id] : undefined);
  }
  return invalid(name, 'expected a Map, a plain object or a function');
}

/** Own entries of a Map or plain object (internal). */
export function entriesOf<T>(value: ReadonlyMap<string, T> | Readonly<Record<string, T>>, name: string): [string, T][] {
  if (value instanceof Map) {
    const out: [string, T][] = [];
    for (const [key, v] of value) {
      if (typeof key !== 'string') invalid(name, 'expected ids (text) as keys');
      out.push([key, v]);
    }
    return out;
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return Object.entries(value);
  return invalid(name, 'expected a Map or a plain object');
}

/** Compares two strings by Unicode code point, the order strcmp gives UTF-8 bytes (internal). */
export function compareCodePoints(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a.codePointAt(i) ?? 0;
    const y = b.codePointAt(j) ?? 0;
    if (x !== y) return x < y ? -1 : 1;
    i += x > 0xffff ? 2 : 1;
    j += y > 0xffff ? 2 : 1;
  }
  return a.length - i - (b.length - j);
}

function rankScored(items: readonly ScoredItem[], name: string, ties: TieBreak): string[] {
  const checked: ScoredItem[] = [];
  for (let i = 0; i < items.length; i++) {
    const item: unknown = items[i];
    if (typeof item !== 'object' || item === null || typeof (item as ScoredItem).id !== 'string') invalid(`${name}[${i}]`, 'expected { id: string; score: number }');
    const { id, score } = item as ScoredItem;
    if (typeof score !== 'number' || !Number.isFinite(score)) invalid(`${name}[${i}].score`, 'expected a finite number');
    checked.push({ id, score });
  }
  items = checked;
  const sign = ties === 'trec_eval' ? -1 : 1;
  const sorted = [...items].sort((p, q) => (p.score !== q.score ? q.score - p.score : sign * compareCodePoints(p.id, q.id)));
  const seen = new Set<string>();
  const ids: string[] = [];
  for (const { id } of sorted) {
    if (!seen.has(id)) {
      seen.add(id);
      ids.push(id);
    }
  }
  return ids;
}
