/**
 * The search box's index of one catalogue part (issue #20), in arrays a snapshot can hold:
 * the distinct folded words, sorted; for each word the documents that have it and the best
 * field it has there (postings in CSR form); and for each tag the documents that carry it.
 * Highlights are not stored: the few activities a search returns are split into words again.
 *
 * **Typo look-up without scanning every word.** A query word stands for catalogue words that
 * begin with it, that it begins with, and typos of about its length (`wordSimilarity`). The
 * first two are ranges and look-ups in the sorted words. Typos are still scored by fuse.js, but
 * only over the words that can pass its threshold: a word within fuse's `k = ⌊0.25·m⌋` edits of
 * an m-letter query word shares at least `m − 1 − 2k` of its letter pairs (the q-gram lemma),
 * so an index of letter pairs to words gives every such word and few others. Before, fuse
 * scanned every distinct word for every query word: 42 ms a word at 100,000 activities, whose
 * generated names carry 100,000 distinct numbers.
 *
 * @module
 */
import Fuse from 'fuse.js';
import type { Activity } from '../schema/activity.js';
import { MIN_STEM, tagLabel, wordSimilarity, wordsOf } from './search-words.js';

/** Fuse threshold per word: about one typo in four letters. */
export const WORD_THRESHOLD = 0.25;

/** A part's word index. Documents are numbered by the caller (positions of a compiled part, or rows). */
export interface WordIndex {
  /** Distinct folded words, sorted (JavaScript string order). */
  readonly words: readonly string[];
  /** Postings: documents of word `w` are `docs[start[w] .. start[w + 1])`, each with its best field code in `fields`. */
  readonly postStart: Uint32Array;
  readonly postDocs: Uint32Array;
  readonly postFields: Uint8Array;
  /** Tags carried by some document, sorted, and their documents in CSR form. */
  readonly tags: readonly string[];
  readonly tagStart: Uint32Array;
  readonly tagDocs: Uint32Array;
  /** The letter pairs of the words (see {@link PairIndex}). */
  readonly pairs: PairIndex;
}

/** The texts of an activity's searchable fields, by field code (name, tags, provider, description). */
export function fieldTexts(activity: Activity): string[][] {
  return [[activity.name], activity.tags.map(tagLabel), activity.provider === undefined ? [] : [activity.provider], activity.description === undefined ? [] : [activity.description]];
}

/** Builds the word index of `n` documents (`activityAt(d)` reads one), skipping documents marked in `skip`. */
export function buildWordIndex(n: number, activityAt: (d: number) => Activity, skip?: Uint8Array): WordIndex {
  const postings = new Map<string, { docs: number[]; fields: number[] }>();
  const byTag = new Map<string, number[]>();
  for (let d = 0; d < n; d++) {
    if (skip !== undefined && skip[d] === 1) continue;
    const activity = activityAt(d);
    for (const tag of activity.tags) {
      const list = byTag.get(tag);
      if (list === undefined) byTag.set(tag, [d]);
      else if (list[list.length - 1] !== d) list.push(d);
    }
    const best = new Map<string, number>();
    fieldTexts(activity).forEach((texts, field) => {
      for (const text of texts) for (const { word } of wordsOf(text)) if (!best.has(word)) best.set(word, field);
    });
    for (const [word, field] of best) {
      const posting = postings.get(word);
      if (posting === undefined) postings.set(word, { docs: [d], fields: [field] });
      else {
        posting.docs.push(d);
        posting.fields.push(field);
      }
    }
  }
  const words = [...postings.keys()].sort();
  const postStart = new Uint32Array(words.length + 1);
  let total = 0;
  words.forEach((word, w) => {
    postStart[w] = total;
    total += (postings.get(word) as { docs: number[] }).docs.length;
  });
  postStart[words.length] = total;
  const postDocs = new Uint32Array(total);
  const postFields = new Uint8Array(total);
  words.forEach((word, w) => {
    const { docs, fields } = postings.get(word) as { docs: number[]; fields: number[] };
    postDocs.set(docs, postStart[w] as number);
    postFields.set(fields, postStart[w] as number);
  });
  const tags = [...byTag.keys()].sort();
  const tagStart = new Uint32Array(tags.length + 1);
  let tagTotal = 0;
  tags.forEach((tag, t) => {
    tagStart[t] = tagTotal;
    tagTotal += (byTag.get(tag) as number[]).length;
  });
  tagStart[tags.length] = tagTotal;
  const tagDocs = new Uint32Array(tagTotal);
  tags.forEach((tag, t) => tagDocs.set(byTag.get(tag) as number[], tagStart[t] as number));
  return { words, postStart, postDocs, postFields, tags, tagStart, tagDocs, pairs: buildPairIndex(words) };
}

/** The index of `key` in a sorted list, or −1. */
export function find(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const value = sorted[mid] as string;
    if (value === key) return mid;
    if (value < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The first index whose word is not below `key`. */
function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The letter pairs of a word as numbers (two UTF-16 units), with repeats. */
function pairsOf(word: string): number[] {
  const out: number[] = [];
  for (let i = 0; i + 1 < word.length; i++) out.push(word.charCodeAt(i) * 65536 + word.charCodeAt(i + 1));
  return out;
}

/**
 * For each letter pair (two UTF-16 units as one number, ascending in `keys`), the words (ids into
 * `words`) that contain it, in CSR form: built with the word index and kept in snapshots.
 */
export interface PairIndex {
  readonly keys: Uint32Array;
  readonly start: Uint32Array;
  readonly words: Uint32Array;
}

export function buildPairIndex(words: readonly string[]): PairIndex {
  const lists = new Map<number, number[]>();
  words.forEach((word, w) => {
    for (const pair of pairsOf(word)) {
      const list = lists.get(pair);
      if (list === undefined) lists.set(pair, [w]);
      else if (list[list.length - 1] !== w) list.push(w);
    }
  });
  const keys = Uint32Array.from(lists.keys()).sort();
  const start = new Uint32Array(keys.length + 1);
  let total = 0;
  keys.forEach((key, i) => {
    start[i] = total;
    total += (lists.get(key) as number[]).length;
  });
  start[keys.length] = total;
  const out = new Uint32Array(total);
  keys.forEach((key, i) => out.set(lists.get(key) as number[], start[i] as number));
  return { keys, start, words: out };
}

/** The index of a pair in `keys`, or −1. */
function findPair(keys: Uint32Array, key: number): number {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const value = keys[mid] as number;
    if (value === key) return mid;
    if (value < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

const FUSE_OPTIONS = { includeScore: true, threshold: WORD_THRESHOLD, ignoreLocation: true, ignoreFieldNorm: true } as const;
/** Patterns fuse.js matches in one piece (longer ones it splits, which the pair filter does not model). */
const FUSE_MAX_BITS = 32;

/**
 * The catalogue words of one part a query word may stand for, with their similarity (> 0):
 * the word itself, words it begins with (4 letters or more), words that begin with it, and
 * typos of about its length scored by fuse.js. Equal to running fuse.js over every word.
 */
export function candidateWords(index: WordIndex, term: string): Map<string, number> {
  const { words } = index;
  const found = new Map<string, number>();
  if (find(words, term) >= 0) found.set(term, 1);
  for (let k = MIN_STEM; k < term.length; k++) {
    const stem = term.slice(0, k);
    if (find(words, stem) >= 0) found.set(stem, wordSimilarity(term, stem, 1));
  }
  if (term.length < 3) return found;
  // Words that begin with the term: fuse.js finds them with no error, and their similarity does not depend on its score.
  for (let w = lowerBound(words, term); w < words.length && (words[w] as string).startsWith(term); w++) {
    const word = words[w] as string;
    const sim = wordSimilarity(term, word, 0);
    if (sim > (found.get(word) ?? 0)) found.set(word, sim);
  }
  // Typos: only words of about the term's length can score above 0 (see wordSimilarity), and fuse.js
  // accepts only those within k errors, which share enough of the term's letter pairs.
  const m = term.length;
  const band = Math.max(1, Math.floor(m / 4));
  const k = Math.floor(WORD_THRESHOLD * m);
  const termPairs = pairsOf(term);
  const distinct = [...new Set(termPairs)];
  const needed = m - 1 - 2 * k - (termPairs.length - distinct.length);
  let pool: string[];
  if (needed <= 0 || m > FUSE_MAX_BITS) {
    pool = words.filter((word) => Math.abs(word.length - m) <= band);
  } else {
    const counts = new Map<number, number>();
    const index2 = index.pairs;
    for (const pair of distinct) {
      const i = findPair(index2.keys, pair);
      if (i < 0) continue;
      for (let k = index2.start[i] as number; k < (index2.start[i + 1] as number); k++) {
        const w = index2.words[k] as number;
        counts.set(w, (counts.get(w) ?? 0) + 1);
      }
    }
    pool = [];
    for (const [w, count] of counts) {
      const word = words[w] as string;
      if (count >= needed && Math.abs(word.length - m) <= band) pool.push(word);
    }
  }
  if (pool.length > 0) {
    for (const r of new Fuse(pool, FUSE_OPTIONS).search(term)) {
      const sim = wordSimilarity(term, r.item, r.score ?? 1);
      if (sim > 0 && sim > (found.get(r.item) ?? 0)) found.set(r.item, sim);
    }
  }
  return found;
}
