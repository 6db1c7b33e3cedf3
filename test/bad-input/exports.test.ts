// Issue #21: every export, over arbitrary values. Each runtime function of the package entry
// point (and the methods of what they return: a matcher, a search index, a vocabulary, a
// random stream) is called with argument lists of anything fast-check makes, and must return
// or throw ActivityMatchError: never a TypeError, a RangeError or a third-party error, and
// within a bounded time. The exported zod schemas are zod's own API (parse throws ZodError by
// design, safeParse never throws) and are left out. BAD_INPUT_RUNS raises the number of runs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';
import { BASE } from './runners.js';

const RUNS = Number(process.env['BAD_INPUT_RUNS'] ?? 150);
/** A call must take less than this (the hang guard of the whole test is far longer). */
const CALL_BUDGET_MS = 2000;

const value = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withNullPrototype: true,
  withObjectString: true,
  withSet: true,
  withSparseArray: true,
  withTypedArray: true,
  maxDepth: 3,
});
/** Arbitrary values, with the numbers and strings that break arithmetic and text handling more often. */
const arg = fc.oneof(
  { weight: 4, arbitrary: value },
  { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 1, 2, 1e308, -1, 0.5, '', ' ', 'a'.repeat(10_000), '<p'.repeat(5000), '__proto__', 'constructor') },
  { weight: 1, arbitrary: fc.double() },
);
const args = fc.array(arg, { maxLength: 5 });

type Fn = (...a: unknown[]) => unknown;

/** Calls `fn` and fails unless it returned or threw ActivityMatchError, within the budget. */
function check(label: string, fn: Fn, a: readonly unknown[]): void {
  const started = performance.now();
  try {
    fn(...a);
  } catch (error) {
    if (!(error instanceof api.ActivityMatchError)) {
      const what = error instanceof Error ? `${error.name}: ${error.message.slice(0, 200)}` : `a thrown ${typeof error}`;
      expect.fail(`${label} threw ${what}`);
    }
  }
  const elapsed = performance.now() - started;
  expect(elapsed, `${label} took ${elapsed.toFixed(0)} ms`).toBeLessThan(CALL_BUDGET_MS);
}

const exported = Object.entries(api as unknown as Record<string, unknown>).filter(([, v]) => typeof v === 'function');
/** Classes are constructed, not called. */
const CLASSES = new Set(['ActivityMatchError']);
const functions = exported.filter(([name]) => !CLASSES.has(name)).map(([name, fn]) => [name, fn as Fn] as const);

describe('every export, over arbitrary values (issue #21)', () => {
  it('lists the functions it checks (the entry point has them all)', () => {
    expect(functions.length).toBeGreaterThan(60);
    expect(exported.map(([name]) => name)).toEqual(expect.arrayContaining(['createMatcher', 'fitWeights', 'nextOccurrences', 'stripHtml', 'precisionAt', 'distanceFactor']));
  });

  it.each(functions)('%s returns or throws ActivityMatchError', (name, fn) => {
    fc.assert(
      fc.property(args, (a) => check(name, fn, a)),
      { numRuns: RUNS, seed: 2112 },
    );
  }, 120_000);

  it('new ActivityMatchError(…) builds one or throws one', () => {
    fc.assert(
      fc.property(args, (a) => check('new ActivityMatchError', (...b) => new (api.ActivityMatchError as unknown as new (...c: unknown[]) => unknown)(...b), a)),
      { numRuns: RUNS, seed: 2112 },
    );
  });

  const methods: [string, Fn][] = [
    ['matcher.recommend', (...a) => BASE.recommend(a[0] as never, a[1] as never)],
    ['matcher.recommendMany', (...a) => BASE.recommendMany(a[0] as never, a[1] as never)],
    ['matcher.explain', (...a) => BASE.explain(a[0] as never, a[1] as never, a[2] as never)],
    ['matcher.search', (...a) => BASE.search(a[0] as never, a[1] as never)],
    ['matcher.get', (...a) => BASE.get(a[0] as never)],
    ['createSearchIndex(…).search', (...a) => api.createSearchIndex(BASE.activities).search(a[0] as never, a[1] as never)],
    ...Object.entries(api.vocabularies).flatMap(([v, vocabulary]): [string, Fn][] => [
      [`vocabularies.${v}.lookup`, (...a) => vocabulary.lookup(a[0] as never)],
      [`vocabularies.${v}.match`, (...a) => vocabulary.match(a[0] as never)],
    ]),
    ...(['next', 'int', 'normal', 'chance', 'pick', 'shuffle'] as const).map((m): [string, Fn] => [`createRandom(1).${m}`, (...a) => (api.createRandom(1)[m] as Fn)(...a)]),
    ['mulberry32(1)()', () => api.mulberry32(1)()],
  ];

  it.each(methods)('%s returns or throws ActivityMatchError', (label, fn) => {
    fc.assert(
      fc.property(args, (a) => check(label, fn, a)),
      { numRuns: RUNS, seed: 2112 },
    );
  }, 120_000);
});
