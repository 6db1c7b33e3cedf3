/**
 * The search box over a matcher's parts (see `parts.ts`): one word index per compiled part,
 * built on the first search (or read from a snapshot) and kept with the part, so an updated
 * matcher reuses the index of every part it shares with the matcher it came from and builds
 * only the new part's. Documents are positions; the columns give the category and the place.
 *
 * @module
 */
import type { CompiledCatalogue } from './compile.js';
import { CATEGORY_IDS, KIND } from './codes.js';
import type { Part } from './parts.js';
import type { SearchSource } from './text-search.js';
import { buildWordIndex } from './word-index.js';
import type { WordIndex } from './word-index.js';

const indexes = new WeakMap<CompiledCatalogue, WordIndex>();

/** The word index of a part, if built or loaded. */
export function builtWordIndex(cat: CompiledCatalogue): WordIndex | undefined {
  return indexes.get(cat);
}

/** Records the word index a snapshot held for a part. */
export function setWordIndex(cat: CompiledCatalogue, index: WordIndex): void {
  indexes.set(cat, index);
}

/** The word index of a part, built now if need be (its documents are positions). */
export function wordIndexOf(cat: CompiledCatalogue): WordIndex {
  let index = indexes.get(cat);
  if (index === undefined) {
    const c = cat.columns;
    index = buildWordIndex(c.n, (p) => cat.records.at(c.activityIndex[p] as number));
    indexes.set(cat, index);
  }
  return index;
}

/** The search sources of a matcher's parts. */
export function partSources(parts: readonly Part[]): SearchSource[] {
  return parts.map(({ cat, dead }) => {
    const c = cat.columns;
    const isVenue = (p: number) => c.kind[p] === KIND.venue;
    return {
      index: wordIndexOf(cat),
      size: c.n,
      dead,
      idAt: c.idAt,
      categoryAt: (p) => CATEGORY_IDS[c.category[p] as number] as string,
      latAt: (p) => (isVenue(p) ? (c.lat[p] as number) : NaN),
      lonAt: (p) => (isVenue(p) ? (c.lon[p] as number) : NaN),
      activityAt: (p) => cat.records.at(c.activityIndex[p] as number),
    };
  });
}
