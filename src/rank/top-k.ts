import type { Columns } from '../catalogue/columns.js';

/**
 * A bounded heap that keeps the `k` best positions by score, ties broken by id (ascending).
 * Its contents equal the first `k` of a full sort with the same order, ties included: an item
 * enters only when it beats the current worst under that total order.
 */
export class TopK {
  readonly #scores: Float64Array;
  readonly #positions: Int32Array;
  readonly #idAt: (p: number) => string;
  #size = 0;

  constructor(
    readonly k: number,
    columns: Columns,
  ) {
    this.#scores = new Float64Array(k);
    this.#positions = new Int32Array(k);
    this.#idAt = columns.idAt;
  }

  /** The worst score kept (−Infinity until the heap is full). */
  get threshold(): number {
    return this.#size < this.k ? -Infinity : (this.#scores[0] as number);
  }

  /** Whether (score, position) ranks below (other score, other position): lower score, or equal score and later id. */
  #worse(score: number, p: number, otherScore: number, other: number): boolean {
    return score < otherScore || (score === otherScore && this.#idAt(p) > this.#idAt(other));
  }

  /** Offers a candidate; keeps it when it is among the best `k` so far. */
  push(score: number, p: number): void {
    const scores = this.#scores;
    const positions = this.#positions;
    if (this.#size < this.k) {
      // Sift up: the root holds the worst item.
      let i = this.#size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.#worse(score, p, scores[parent] as number, positions[parent] as number)) break;
        scores[i] = scores[parent] as number;
        positions[i] = positions[parent] as number;
        i = parent;
      }
      scores[i] = score;
      positions[i] = p;
      return;
    }
    if (!this.#worse(scores[0] as number, positions[0] as number, score, p)) return;
    // Replace the root and sift down.
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.k) break;
      const right = left + 1;
      let child = left;
      if (right < this.k && this.#worse(scores[right] as number, positions[right] as number, scores[left] as number, positions[left] as number)) child = right;
      if (!this.#worse(scores[child] as number, positions[child] as number, score, p)) break;
      scores[i] = scores[child] as number;
      positions[i] = positions[child] as number;
      i = child;
    }
    scores[i] = score;
    positions[i] = p;
  }

  /** The kept items, best first. */
  sorted(): { position: number; score: number }[] {
    const items = Array.from({ length: this.#size }, (_, i) => ({ position: this.#positions[i] as number, score: this.#scores[i] as number }));
    return items.sort((a, b) => b.score - a.score || (this.#idAt(a.position) < this.#idAt(b.position) ? -1 : 1));
  }
}
