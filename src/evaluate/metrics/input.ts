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
 * Errors are plain `TypeError` (wrong type) or `RangeError` (right type, bad value). Messages
 * name the function and the argument, never the input value: ids may identify clients.
 */

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
 * @throws TypeError if an item is not `{ id: string; score: number }`.
 * @throws RangeError if a score is NaN or infinite.
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
  const fn = 'rankByScore';
  if (!Array.isArray(items)) throw new TypeError(`${fn}: items must be an array of { id, score }`);
  const ties = options.ties ?? 'trec_eval';
  if (ties !== 'trec_eval' && ties !== 'id-ascending') {
    throw new RangeError(`${fn}: options.ties must be 'trec_eval' or 'id-ascending'`);
  }
  return rankScored(items, fn, 'items', ties);
}

/** Normalises a ranked list to unique ids in rank order (internal). */
export function toRankedIds(ranked: RankedInput, fn: string, name = 'ranked'): string[] {
  if (!Array.isArray(ranked)) throw new TypeError(`${fn}: ${name} must be an array of ids or of { id, score }`);
  if (ranked.length === 0) return [];
  if (typeof ranked[0] === 'string') {
    const seen = new Set<string>();
    const ids: string[] = [];
    (ranked as readonly unknown[]).forEach((id, i) => {
      if (typeof id !== 'string') throw new TypeError(`${fn}: ${name}[${i}] must be a string id like the first entry`);
      if (!seen.has(id)) {
        seen.add(id);
        ids.push(id);
      }
    });
    return ids;
  }
  return rankScored(ranked as readonly ScoredItem[], fn, name, 'trec_eval');
}

/** Normalises judgements to a Map of finite grades (internal). */
export function toJudgements(qrels: Judgements, fn: string): Map<string, number> {
  const entries = entriesOf(qrels, fn, 'qrels');
  const out = new Map<string, number>();
  for (const [id, grade] of entries) {
    if (typeof grade !== 'number') throw new TypeError(`${fn}: every qrels grade must be a number`);
    if (!Number.isFinite(grade)) throw new RangeError(`${fn}: every qrels grade must be finite`);
    out.set(id, grade);
  }
  return out;
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
  let n = 0;
  for (const grade of toJudgements(qrels, 'countRelevant').values()) if (grade > 0) n++;
  return n;
}

/** Throws unless `value` is a positive integer (internal). */
export function assertPositiveInteger(value: unknown, fn: string, name: string): asserts value is number {
  if (typeof value !== 'number') throw new TypeError(`${fn}: ${name} must be a number`);
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${fn}: ${name} must be a positive integer`);
}

/** Reads an optional cut-off `k` from an options object (internal). */
export function optionalK(options: { readonly k?: number }, fn: string): number {
  if (options.k === undefined) return Infinity;
  assertPositiveInteger(options.k, fn, 'options.k');
  return options.k;
}

/** Resolves a {@link Lookup} to a function (internal). */
export function lookupFn<T>(lookup: Lookup<T>, fn: string, name: string): (id: string) => T | undefined {
  if (typeof lookup === 'function') return lookup;
  if (lookup instanceof Map) return (id) => lookup.get(id);
  if (typeof lookup === 'object' && lookup !== null) {
    const record = lookup as Readonly<Record<string, T>>;
    return (id) => (Object.hasOwn(record, id) ? record[id] : undefined);
  }
  throw new TypeError(`${fn}: ${name} must be a Map, a plain object or a function`);
}

/** Own entries of a Map or plain object (internal). */
export function entriesOf<T>(value: ReadonlyMap<string, T> | Readonly<Record<string, T>>, fn: string, name: string): [string, T][] {
  if (value instanceof Map) {
    const out: [string, T][] = [];
    for (const [key, v] of value) {
      if (typeof key !== 'string') throw new TypeError(`${fn}: every ${name} key must be a string id`);
      out.push([key, v]);
    }
    return out;
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return Object.entries(value);
  throw new TypeError(`${fn}: ${name} must be a Map or a plain object`);
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

function rankScored(items: readonly ScoredItem[], fn: string, name: string, ties: TieBreak): string[] {
  items.forEach((item, i) => {
    if (typeof item !== 'object' || item === null || typeof item.id !== 'string') {
      throw new TypeError(`${fn}: ${name}[${i}] must be { id: string; score: number }`);
    }
    if (typeof item.score !== 'number') throw new TypeError(`${fn}: ${name}[${i}].score must be a number`);
    if (!Number.isFinite(item.score)) throw new RangeError(`${fn}: ${name}[${i}].score must be finite`);
  });
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
