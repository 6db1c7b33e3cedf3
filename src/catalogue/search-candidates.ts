/**
 * The documents one query touches in one search source, with each query word's best credit
 * (see `text-search.ts` for the scoring). Plain typed arrays and counted loops, no closures and
 * no iterators: the first query after `loadMatcher` runs before the engine has optimised this
 * code, and there a `for … of` over a posting's query words cost more than the postings.
 *
 * @module
 */
import type { WordIndex } from './word-index.js';

/** Field weight of each field code (name, tags, provider, description). */
type FieldWeights = readonly number[];

/** Documents a query starts with room for (a common word touches thousands). */
const INITIAL_SIZE = 4096;

export class Candidates {
  /** Documents touched, in order of first touch. */
  docs: Int32Array;
  /** `best[s × terms + t]`: the best credit of query word `t` for the document in slot `s`. */
  best: Float64Array;
  /** The tag credit (its number) last given to the document in slot `s`, or −1. */
  tag: Int32Array;
  count = 0;

  /**
   * @param slots a table of −1 per document of the source, kept with it between queries;
   * {@link release} puts it back.
   */
  constructor(
    private readonly slots: Int32Array,
    readonly terms: number,
  ) {
    const size = Math.max(1, Math.min(slots.length, INITIAL_SIZE));
    this.docs = new Int32Array(size);
    this.best = new Float64Array(size * terms);
    this.tag = new Int32Array(size).fill(-1);
  }

  /** The slot of document `d`, taken now if it has none. */
  slot(d: number): number {
    let s = this.slots[d] as number;
    if (s === -1) {
      s = this.count++;
      this.slots[d] = s;
      if (s === this.docs.length) this.grow();
      this.docs[s] = d;
    }
    return s;
  }

  private grow(): void {
    const size = this.docs.length * 2;
    const docs = new Int32Array(size);
    docs.set(this.docs);
    const best = new Float64Array(size * this.terms);
    best.set(this.best);
    const tag = new Int32Array(size).fill(-1);
    tag.set(this.tag);
    this.docs = docs;
    this.best = best;
    this.tag = tag;
  }

  /** Credits catalogue word `w` (similarity `sim`) to query words `first..last` of every live document holding it. */
  addWord(index: WordIndex, w: number, sim: number, first: number, last: number, dead: Uint8Array | undefined, weights: FieldWeights): void {
    const { postDocs, postFields } = index;
    const T = this.terms;
    const end = index.postStart[w + 1] as number;
    for (let k = index.postStart[w] as number; k < end; k++) {
      const d = postDocs[k] as number;
      if (dead !== undefined && dead[d] === 1) continue;
      const value = sim * (weights[postFields[k] as number] as number);
      const base = this.slot(d) * T;
      for (let i = first; i <= last; i++) if (value > (this.best[base + i] as number)) this.best[base + i] = value;
    }
  }

  /** Credits `value` to every query word of every live document carrying tag `t`, and marks it with tag credit `credit`. */
  addTag(index: WordIndex, t: number, value: number, credit: number, dead: Uint8Array | undefined): void {
    const { tagDocs } = index;
    const T = this.terms;
    const end = index.tagStart[t + 1] as number;
    for (let k = index.tagStart[t] as number; k < end; k++) {
      const d = tagDocs[k] as number;
      if (dead !== undefined && dead[d] === 1) continue;
      const s = this.slot(d);
      const base = s * T;
      for (let i = 0; i < T; i++) if (value > (this.best[base + i] as number)) this.best[base + i] = value;
      this.tag[s] = credit;
    }
  }

  /** The score of slot `s`: the mean of its query words' best credits. */
  score(s: number): number {
    const T = this.terms;
    let score = 0;
    for (let i = 0; i < T; i++) score += (this.best[s * T + i] as number) / T;
    return score;
  }

  /** Puts the source's slot table back to −1 for the next query. */
  release(): void {
    for (let s = 0; s < this.count; s++) this.slots[this.docs[s] as number] = -1;
  }
}
