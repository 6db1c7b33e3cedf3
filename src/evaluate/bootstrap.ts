/**
 * Seeded percentile bootstrap for means of per-client metric values, and its paired form for
 * comparing two rule sets on the same clients. Deterministic: the same values, seed, number of
 * resamples and level always give the same interval.
 */
import { z } from 'zod';
import { ActivityMatchError } from '../errors.js';
import { parseOrThrow } from '../validate.js';
import { createRandom } from './random.js';
import { guard } from '../guard.js';

/**
 * Bootstrap settings. Every field has a default.
 *
 * @example
 * ```ts
 * BootstrapOptionsSchema.parse({}); // { resamples: 2000, level: 0.95, seed: 1 }
 * ```
 */
export const BootstrapOptionsSchema = z
  .strictObject({
    /** Number of resamples, 100 to 100000 (default 2000). */
    resamples: z.number({ error: 'expected a whole number from 100 to 100000' }).int({ error: 'expected a whole number from 100 to 100000' }).min(100, { error: 'expected a whole number from 100 to 100000' }).max(100000, { error: 'expected a whole number from 100 to 100000' }).default(2000),
    /** Confidence level, 0.5 to 0.999 (default 0.95). */
    level: z.number({ error: 'expected a confidence level from 0.5 to 0.999' }).min(0.5, { error: 'expected a confidence level from 0.5 to 0.999' }).max(0.999, { error: 'expected a confidence level from 0.5 to 0.999' }).default(0.95),
    /** Seed of the resampling stream (default 1). */
    seed: z.number({ error: 'expected a whole number seed' }).int({ error: 'expected a whole number seed' }).default(1),
  })
  .prefault({});

/** Bootstrap settings as written. */
export type BootstrapOptions = z.input<typeof BootstrapOptionsSchema>;
/** Bootstrap settings with defaults filled in. */
export type BootstrapSettings = z.output<typeof BootstrapOptionsSchema>;

/** A mean with its bootstrap confidence interval; all null when there is nothing to average. */
export interface Interval {
  /** How many values were averaged. */
  readonly n: number;
  readonly mean: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
}

/**
 * The mean of `values` with a percentile bootstrap confidence interval: `resamples` samples of
 * size n drawn with replacement from a stream seeded with `seed`; the interval runs between the
 * (1 − level)/2 and (1 + level)/2 quantiles of the resampled means (linear interpolation,
 * Hyndman–Fan type 7). With one value the interval is that value.
 *
 * @throws {ActivityMatchError} `INVALID_OPTIONS` naming `values[i]` or `options.*`.
 * @example
 * ```ts
 * const ci = bootstrapMean([0, 1, 1, 0, 1], { seed: 7 });
 * ci.mean;              // 0.6
 * [ci.lower, ci.upper]; // [0.2, 1], the same on every run
 * ```
 */
export function bootstrapMean(values: readonly number[], options: BootstrapOptions = {}): Interval {
  return guard([{ code: 'INVALID_OPTIONS', path: 'options', value: options, fields: [BootstrapOptionsSchema] }, { code: 'INVALID_OPTIONS', path: 'values', value: values }], () => bootstrapMeanUnguarded(values, options));
}

function bootstrapMeanUnguarded(values: readonly number[], options: BootstrapOptions = {}): Interval {
  const settings = parseOrThrow(BootstrapOptionsSchema, options, 'INVALID_OPTIONS', 'options');
  checkValues(values, 'values');
  return bootstrapOf(values, settings);
}

/**
 * The paired difference `b − a` of two metrics measured on the same clients: the mean of the
 * per-client differences with a percentile bootstrap interval (clients are resampled, so each
 * keeps its pair). Identical inputs give exactly 0 with the interval [0, 0].
 *
 * @throws {ActivityMatchError} `INVALID_OPTIONS` when the lists differ in length or hold a non-finite value.
 * @example
 * ```ts
 * pairedBootstrap([0.5, 0.2, 0.9], [0.7, 0.2, 1]).mean; // ≈ 0.1 (b is better by 0.1 on average)
 * pairedBootstrap([0.5, 0.2], [0.5, 0.2]);              // { n: 2, mean: 0, lower: 0, upper: 0 }
 * ```
 */
export function pairedBootstrap(a: readonly number[], b: readonly number[], options: BootstrapOptions = {}): Interval {
  return guard([{ code: 'INVALID_OPTIONS', path: 'options', value: options, fields: [BootstrapOptionsSchema] }, { code: 'INVALID_OPTIONS', path: 'a', value: a }, { code: 'INVALID_OPTIONS', path: 'b', value: b }], () => pairedBootstrapUnguarded(a, b, options));
}

function pairedBootstrapUnguarded(a: readonly number[], b: readonly number[], options: BootstrapOptions = {}): Interval {
  const settings = parseOrThrow(BootstrapOptionsSchema, options, 'INVALID_OPTIONS', 'options');
  checkValues(a, 'a');
  checkValues(b, 'b');
  if (a.length !== b.length) throw new ActivityMatchError('INVALID_OPTIONS', [{ path: 'b', message: 'expected as many values as a (one per client)' }]);
  return bootstrapOf(
    a.map((x, i) => (b[i] as number) - x),
    settings,
  );
}

/**
 * The bootstrap itself, on values already checked and settings already parsed (internal).
 *
 * @example
 * ```ts
 * bootstrapOf([0, 1, 1], BootstrapOptionsSchema.parse({ seed: 2 })).mean; // 0.6667
 * ```
 */
export function bootstrapOf(values: readonly number[], settings: BootstrapSettings): Interval {
  const n = values.length;
  if (n === 0) return { n: 0, mean: null, lower: null, upper: null };
  const mean = sum(values) / n;
  if (values.every((v) => v === values[0])) return { n, mean, lower: mean, upper: mean };
  const random = createRandom(settings.seed);
  const means = new Float64Array(settings.resamples);
  for (let b = 0; b < settings.resamples; b++) {
    let total = 0;
    for (let i = 0; i < n; i++) total += values[random.int(n)] as number;
    means[b] = total / n;
  }
  means.sort();
  const alpha = (1 - settings.level) / 2;
  return { n, mean, lower: quantile(means, alpha), upper: quantile(means, 1 - alpha) };
}

function quantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  const a = sorted[lo] as number;
  return a + (h - lo) * ((sorted[hi] as number) - a);
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

function checkValues(values: unknown, name: string): asserts values is readonly number[] {
  if (!Array.isArray(values)) throw new ActivityMatchError('INVALID_OPTIONS', [{ path: name, message: 'expected a list of numbers' }]);
  values.forEach((v: unknown, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new ActivityMatchError('INVALID_OPTIONS', [{ path: `${name}[${i}]`, message: 'expected a finite number' }]);
  });
}
