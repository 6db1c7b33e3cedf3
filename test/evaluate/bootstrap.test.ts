import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bootstrapMean, createRandom, mulberry32, pairedBootstrap } from '../../src/evaluate/index.js';

const values = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 60 });

describe('mulberry32 and createRandom', () => {
  it('give the published mulberry32 stream for a seed', () => {
    const next = mulberry32(42);
    expect(next()).toBe(0.6011037519201636);
  });

  it('give the same numbers for the same seed and different ones for another seed', () => {
    const draw = (seed: number) => {
      const r = createRandom(seed);
      return [r.next(), r.int(10), r.normal(), r.chance(0.5)];
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('stay in range: next in [0, 1), int in [0, n)', () => {
    const r = createRandom(1);
    for (let i = 0; i < 1000; i++) {
      const x = r.next();
      expect(x >= 0 && x < 1).toBe(true);
      const k = r.int(3);
      expect([0, 1, 2]).toContain(k);
    }
  });

  it('shuffle returns a permutation and leaves the input untouched', () => {
    const input = Object.freeze(['a', 'b', 'c', 'd', 'e']);
    const out = createRandom(3).shuffle(input);
    expect([...out].sort()).toEqual([...input]);
    expect(input).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});

describe('bootstrapMean', () => {
  it('returns the sample mean with an interval that contains it', () => {
    fc.assert(
      fc.property(values, fc.integer({ min: 1, max: 1000 }), (xs, seed) => {
        const ci = bootstrapMean(xs, { seed, resamples: 200 });
        const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
        expect(ci.n).toBe(xs.length);
        expect(ci.mean).toBeCloseTo(mean, 12);
        expect(ci.lower as number).toBeLessThanOrEqual((ci.mean as number) + 1e-12);
        expect(ci.upper as number).toBeGreaterThanOrEqual((ci.mean as number) - 1e-12);
      }),
      { numRuns: 100 },
    );
  });

  it('is deterministic: the same seed gives the same interval', () => {
    fc.assert(
      fc.property(values, fc.integer(), (xs, seed) => {
        expect(bootstrapMean(xs, { seed, resamples: 100 })).toEqual(bootstrapMean(xs, { seed, resamples: 100 }));
      }),
      { numRuns: 50 },
    );
  });

  it('gives a different interval for a different seed on varied data', () => {
    const xs = Array.from({ length: 40 }, (_, i) => (i * 7919) % 13 / 13);
    expect(bootstrapMean(xs, { seed: 1 })).not.toEqual(bootstrapMean(xs, { seed: 2 }));
  });

  it('narrows as the sample grows and widens with the level', () => {
    const small = bootstrapMean([0, 1, 0, 1, 1, 0, 1, 0], { seed: 5 });
    const large = bootstrapMean(Array.from({ length: 800 }, (_, i) => i % 2), { seed: 5 });
    const width = (c: typeof small) => (c.upper as number) - (c.lower as number);
    expect(width(large)).toBeLessThan(width(small));
    expect(width(bootstrapMean([0, 1, 0, 1, 1, 0, 1, 0], { seed: 5, level: 0.99 }))).toBeGreaterThan(width(bootstrapMean([0, 1, 0, 1, 1, 0, 1, 0], { seed: 5, level: 0.8 })));
  });

  it('puts about 95% of the bootstrap distribution inside a 95% interval for a known case', () => {
    // Mean of 400 fair coin flips: standard error 0.025, so the interval is about ±0.049.
    const xs = Array.from({ length: 400 }, (_, i) => i % 2);
    const ci = bootstrapMean(xs, { seed: 11, resamples: 4000 });
    expect((ci.upper as number) - 0.5).toBeGreaterThan(0.04);
    expect((ci.upper as number) - 0.5).toBeLessThan(0.058);
  });

  it('returns nulls for no values, and the value itself for one', () => {
    expect(bootstrapMean([])).toEqual({ n: 0, mean: null, lower: null, upper: null });
    expect(bootstrapMean([0.4])).toEqual({ n: 1, mean: 0.4, lower: 0.4, upper: 0.4 });
  });

  it('rejects non-finite values and bad options by path', () => {
    expect(() => bootstrapMean([0.1, Number.NaN])).toThrow(expect.objectContaining({ code: 'INVALID_OPTIONS', issues: [{ path: 'values[1]', message: 'expected a finite number' }] }));
    expect(() => bootstrapMean([0.1], { resamples: 5 })).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ path: 'options.resamples' })] }));
    expect(() => bootstrapMean([0.1], { level: 1.5 })).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ path: 'options.level' })] }));
  });
});

describe('pairedBootstrap', () => {
  it('is exactly 0 with the interval [0, 0] for identical measurements', () => {
    fc.assert(
      fc.property(values, (xs) => {
        expect(pairedBootstrap(xs, [...xs])).toEqual({ n: xs.length, mean: 0, lower: 0, upper: 0 });
      }),
      { numRuns: 50 },
    );
  });

  it('is the mean of b − a, and its interval excludes 0 when b is better for every client', () => {
    const a = Array.from({ length: 50 }, (_, i) => (i % 5) / 10);
    const b = a.map((x, i) => x + 0.05 + (i % 3) / 100);
    const d = pairedBootstrap(a, b, { seed: 3 });
    expect(d.mean).toBeCloseTo(b.reduce((s, x, i) => s + x - (a[i] as number), 0) / 50, 12);
    expect(d.lower as number).toBeGreaterThan(0);
  });

  it('rejects lists of different lengths', () => {
    expect(() => pairedBootstrap([1, 2], [1])).toThrow(expect.objectContaining({ issues: [{ path: 'b', message: 'expected as many values as a (one per client)' }] }));
  });
});
