/**
 * A small seeded pseudo-random number generator for the evaluation code (bootstrap resamples,
 * held-out splits, synthetic histories). Never `Math.random`: the same seed gives the same
 * numbers on every platform, so every figure in a report can be reproduced.
 *
 * The generator is mulberry32 (Tommy Ettinger, public domain): 32 bits of state, period 2³²,
 * fast and good enough for resampling and simulation. It is not cryptographic.
 */
import { ActivityMatchError } from '../errors.js';
import { expectNumber } from '../guard.js';

/** A seeded stream of pseudo-random numbers. Each call advances the stream. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n) for a positive integer n. */
  int(n: number): number;
  /** A standard normal deviate (Box–Muller). */
  normal(): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** A uniformly chosen element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** A shuffled copy (Fisher–Yates); the input is not changed. */
  shuffle<T>(items: readonly T[]): T[];
}

/**
 * mulberry32: returns a function giving floats in [0, 1) from a 32-bit seed.
 *
 * @param seed - Any finite number; it is reduced to an unsigned 32-bit integer. Anything else
 *   throws `ActivityMatchError` (`INVALID_OPTIONS`, path `seed`).
 * @example
 * ```ts
 * const next = mulberry32(42);
 * next(); // 0.6011037519201636, the same on every run
 * ```
 */
export function mulberry32(seed: number): () => number {
  expectNumber(seed, 'seed', { min: -Number.MAX_VALUE, max: Number.MAX_VALUE, what: 'a finite number' });
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A {@link Random} stream seeded with `seed` (mulberry32 underneath).
 *
 * @param seed - Any finite number; equal seeds give equal streams.
 * @example
 * ```ts
 * const random = createRandom(7);
 * random.int(6);                 // a die roll, 0 to 5
 * random.shuffle(['a', 'b', 'c']); // a new array; the input is untouched
 * ```
 */
export function createRandom(seed: number): Random {
  const next = mulberry32(seed);
  const random: Random = {
    next,
    int: (n) => {
      expectNumber(n, 'n', { min: 1, max: Number.MAX_SAFE_INTEGER, integer: true });
      return Math.floor(next() * n);
    },
    normal: () => {
      // Box–Muller; 1 − u keeps the logarithm finite.
      const u = 1 - next();
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    chance: (p) => {
      expectNumber(p, 'p', { min: 0, max: 1 });
      return next() < p;
    },
    pick: <T>(items: readonly T[]): T => {
      if (!Array.isArray(items) || items.length === 0) throw new ActivityMatchError('INVALID_OPTIONS', [{ path: 'items', message: 'expected a list with at least one item' }]);
      return items[Math.floor(next() * items.length)] as T;
    },
    shuffle: <T>(items: readonly T[]): T[] => {
      if (!Array.isArray(items)) throw new ActivityMatchError('INVALID_OPTIONS', [{ path: 'items', message: 'expected a list' }]);
      const out = Array.from(items);
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const tmp = out[i] as T;
        out[i] = out[j] as T;
        out[j] = tmp;
      }
      return out;
    },
  };
  return random;
}
