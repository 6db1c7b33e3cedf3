import { rankKey } from './score.js';

/** A kept candidate: its position, fit level (see `fitLevel`) and score. */
export interface Ranked {
  readonly position: number;
  readonly fit: number;
  readonly score: number;
}

/**
 * A bounded heap that keeps the `k` best positions by fit, then score, ties broken by id
 * (ascending). Its contents equal the first `k` of a full sort with the same order, ties
 * included: an item enters only when it beats the current worst under that total order.
 */
export class TopK {
  readonly #fits: Uint8Array;
  readonly #scores: Float64Array;
  readonly #positions: Int32Array;
  readonly #idAt: (p: number) => string;
  #size = 0;
  /** The worst kept item's rank key once the heap is full, else −Infinity (kept up to date by `push`). */
  #threshold = -Infinity;

  /** `idAt` gives the id of a position, for the tie-break. */
  constructor(
    readonly k: number,
    idAt: (p: number) => string,
  ) {
    this.#fits = new Uint8Array(k);
    this.#scores = new Float64Array(k);
    this.#positions = new Int32Array(k);
    this.#idAt = idAt;
  }

  /**
   * The worst kept item's `rankKey` (−Infinity until the heap is full): a bound of `rankKey`
   * strictly below it cannot enter (see `rankKey` for why this is exact).
   */
  get threshold(): number {
    return this.#threshold;
  }

  /** Whether (fit, score, position) ranks below the other: lower fit, or equal fit and lower score, or equal both and a later id. */
  #worse(fit: number, score: number, p: number, otherFit: number, otherScore: number, other: number): boolean {
    return fit < otherFit || (fit === otherFit && (score < otherScore || (score === otherScore && this.#idAt(p) > this.#idAt(other))));
  }

  #worseAt(i: number, j: number): boolean {
    return this.#worse(this.#fits[i] as number, this.#scores[i] as number, this.#positions[i] as number, this.#fits[j] as number, this.#scores[j] as number, this.#positions[j] as number);
  }

  #set(i: number, fit: number, score: number, p: number): void {
    this.#fits[i] = fit;
    this.#scores[i] = score;
    this.#positions[i] = p;
  }

  #move(to: number, from: number): void {
    this.#set(to, this.#fits[from] as number, this.#scores[from] as number, this.#positions[from] as number);
  }

  /** Offers a candidate; keeps it when it is among the best `k` so far. */
  push(fit: number, score: number, p: number): void {
    if (this.#size < this.k) {
      // Sift up: the root holds the worst item.
      let i = this.#size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.#worse(fit, score, p, this.#fits[parent] as number, this.#scores[parent] as number, this.#positions[parent] as number)) break;
        this.#move(i, parent);
        i = parent;
      }
      this.#set(i, fit, score, p);
      if (this.#size === this.k) this.#threshold = rankKey(this.#fits[0] as number, this.#scores[0] as number);
      return;
    }
    if (!this.#worse(this.#fits[0] as number, this.#scores[0] as number, this.#positions[0] as number, fit, score, p)) return;
    // Replace the root and sift down.
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.k) break;
      const right = left + 1;
      const child = right < this.k && this.#worseAt(right, left) ? right : left;
      if (!this.#worse(this.#fits[child] as number, this.#scores[child] as number, this.#positions[child] as number, fit, score, p)) break;
      this.#move(i, child);
      i = child;
    }
    this.#set(i, fit, score, p);
    this.#threshold = rankKey(this.#fits[0] as number, this.#scores[0] as number);
  }

  /** The kept items, best first. */
  sorted(): Ranked[] {
    const items = Array.from({ length: this.#size }, (_, i) => ({ position: this.#positions[i] as number, fit: this.#fits[i] as number, score: this.#scores[i] as number }));
    return items.sort((a, b) => b.fit - a.fit || b.score - a.score || (this.#idAt(a.position) < this.#idAt(b.position) ? -1 : 1));
  }
}
