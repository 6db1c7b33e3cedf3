/**
 * The words of the search box: folding (lower case, no accents, cached), splitting text into
 * words with their character ranges, the similarity of two words, and merging highlighted
 * ranges. Used by the index in `text-search.ts`.
 *
 * @module
 */
import { foldText, vocabularies } from '../vocabulary/index.js';

/** Words a query may hold that say nothing about what is wanted. */
export const STOP_WORDS = new Set(['a', 'an', 'and', 'the', 'to', 'in', 'of', 'on', 'at', 'for', 'with', 'or', 'by', 'my', 'near', 'me']);

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

/** Shortest catalogue word a longer query word may stand for by beginning with it. */
export const MIN_STEM = 4;

/** The label of a tag id, for highlighting (its words as written in the vocabulary). */
export function tagLabel(tag: string): string {
  return vocabularies.tags.terms.find((t) => t.id === tag)?.label ?? tag.replace(/-/g, ' ');
}

/** Folded forms of raw words, shared by every index: folding (Unicode normalisation) dominates the build otherwise. */
const folded = new Map<string, string>();
const FOLD_CACHE_LIMIT = 100_000;

function foldWord(raw: string): string {
  let word = folded.get(raw);
  if (word === undefined) {
    word = foldText(raw).replace(/ /g, '');
    if (folded.size < FOLD_CACHE_LIMIT) folded.set(raw, word);
  }
  return word;
}

/** The folded words of a text, as a search key ("Men's" → "mens"). */
export function wordsOf(text: string): { word: string; start: number; end: number }[] {
  const out: { word: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(WORD)) {
    const word = foldWord(m[0]);
    if (word !== '') out.push({ word, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * Similarity of a query word and a catalogue word that fuse.js matched with `fuseScore`:
 * 1 when equal; `0.6 + 0.4 · ratio` when the word begins with the query word (typing in
 * progress: "walki" → "walking"); `0.5 + 0.4 · ratio` when the query word begins with a word
 * of 4 letters or more ("walkin", "walks" → "walk"); `(1 − fuseScore) · ratio` for a typo of
 * about the same length ("helthy" → "healthy"); 0 otherwise (a short word inside a long one:
 * "knit" is not "community"). `ratio` is shorter length / longer length.
 */
export function wordSimilarity(term: string, word: string, fuseScore: number): number {
  if (term === word) return 1;
  const ratio = Math.min(term.length, word.length) / Math.max(term.length, word.length);
  if (word.startsWith(term)) return 0.6 + 0.4 * ratio;
  if (word.length >= MIN_STEM && term.startsWith(word)) return 0.5 + 0.4 * ratio;
  return Math.abs(word.length - term.length) <= Math.max(1, Math.floor(term.length / 4)) ? (1 - fuseScore) * ratio : 0;
}

export function mergeRanges(ranges: [number, number][]): [number, number][] {
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last !== undefined && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}
