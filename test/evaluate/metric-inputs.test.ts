// What every metric says about its own arguments: each argument, when it is not the expected
// form or when reading it throws (a caller's getter), gives ActivityMatchError INVALID_OPTIONS
// whose path starts with that argument's name. The mutation run found these paths and checks
// unpinned by the metric tests themselves.
import { describe, expect, it } from 'vitest';
import {
  averagePrecision,
  catalogueCoverage,
  countRelevant,
  dcgAt,
  exposureByGroup,
  exposureByProvider,
  hitRateAt,
  intraListDiversity,
  meanOver,
  ndcgAt,
  novelty,
  precisionAt,
  rankByScore,
  recallAt,
  reciprocalRank,
  successAt,
} from '../../src/index.js';
import { errorOf } from '../helpers.js';

/** A list whose first element cannot be read. */
function unreadableList(): unknown[] {
  const list: unknown[] = ['a', 'b'];
  Object.defineProperty(list, 0, { get: () => { throw new Error('caller bug'); }, enumerable: true });
  return list;
}

/** An object whose `field` cannot be read. */
function unreadableObject(field: string, rest: Record<string, unknown> = {}): Record<string, unknown> {
  const value: Record<string, unknown> = { ...rest };
  Object.defineProperty(value, field, { get: () => { throw new Error('caller bug'); }, enumerable: true });
  return value;
}

type Call = (args: unknown[]) => unknown;
interface Metric {
  name: string;
  call: Call;
  /** Valid arguments, in order. */
  args: unknown[];
  /** Per argument: its name (the path the error must start with), a value of the wrong form, and one that throws when read; undefined for an argument not checked this way. */
  checks: Array<{ path: string; wrong: unknown; unreadable: () => unknown } | undefined>;
}

const ranked = { path: 'ranked', wrong: 42, unreadable: unreadableList };
const qrels = { path: 'qrels', wrong: 'a', unreadable: () => unreadableObject('a') };
const options = { path: 'options', wrong: 7, unreadable: () => unreadableObject('k') };
const list = { path: 'list', wrong: 42, unreadable: unreadableList };
const lists = { path: 'lists', wrong: 42, unreadable: () => [unreadableList()] };

const METRICS: Metric[] = [
  { name: 'precisionAt', call: (a) => precisionAt(...(a as Parameters<typeof precisionAt>)), args: [['a', 'b'], { a: 1 }, 2], checks: [ranked, qrels] },
  { name: 'recallAt', call: (a) => recallAt(...(a as Parameters<typeof recallAt>)), args: [['a', 'b'], { a: 1 }, 2], checks: [ranked, qrels] },
  { name: 'successAt', call: (a) => successAt(...(a as Parameters<typeof successAt>)), args: [['a', 'b'], { a: 1 }, 2], checks: [ranked, qrels] },
  { name: 'hitRateAt', call: (a) => hitRateAt(...(a as Parameters<typeof hitRateAt>)), args: [['a', 'b'], { a: 1 }, 2], checks: [ranked, qrels] },
  { name: 'reciprocalRank', call: (a) => reciprocalRank(...(a as Parameters<typeof reciprocalRank>)), args: [['a', 'b'], { a: 1 }, {}], checks: [ranked, qrels, options] },
  { name: 'averagePrecision', call: (a) => averagePrecision(...(a as Parameters<typeof averagePrecision>)), args: [['a', 'b'], { a: 1 }, {}], checks: [ranked, qrels, options] },
  { name: 'dcgAt', call: (a) => dcgAt(...(a as Parameters<typeof dcgAt>)), args: [['a', 'b'], { a: 1 }, 2, {}], checks: [ranked, qrels, undefined, { ...options, unreadable: () => unreadableObject('gain') }] },
  { name: 'ndcgAt', call: (a) => ndcgAt(...(a as Parameters<typeof ndcgAt>)), args: [['a', 'b'], { a: 1 }, 2, {}], checks: [ranked, qrels, undefined, { ...options, unreadable: () => unreadableObject('gain') }] },
  { name: 'meanOver', call: (a) => meanOver(...(a as Parameters<typeof meanOver>)), args: [[0.5, undefined], { empty: 'skip' }], checks: [{ path: 'perClient', wrong: 42, unreadable: unreadableList }, { ...options, unreadable: () => unreadableObject('empty') }] },
  { name: 'catalogueCoverage', call: (a) => catalogueCoverage(...(a as Parameters<typeof catalogueCoverage>)), args: [[['a', 'b']], 10, {}], checks: [lists, undefined, options] },
  { name: 'intraListDiversity', call: (a) => intraListDiversity(...(a as Parameters<typeof intraListDiversity>)), args: [['a', 'b'], { a: 'x', b: 'y' }, {}], checks: [list, { path: 'categoryOf', wrong: 42, unreadable: () => unreadableObject('a', { b: 'y' }) }, options] },
  { name: 'novelty', call: (a) => novelty(...(a as Parameters<typeof novelty>)), args: [['a', 'b'], { a: 1, b: 2 }, {}], checks: [list, { path: 'popularity', wrong: 42, unreadable: () => unreadableObject('a', { b: 2 }) }, options] },
  { name: 'exposureByGroup', call: (a) => exposureByGroup(...(a as Parameters<typeof exposureByGroup>)), args: [[{ group: 'g', ranked: ['a'] }], { target: ['a'] }], checks: [{ path: 'rows', wrong: 42, unreadable: () => [unreadableObject('group', { ranked: ['a'] })] }, { ...options, unreadable: () => unreadableObject('target') }] },
  { name: 'exposureByProvider', call: (a) => exposureByProvider(...(a as Parameters<typeof exposureByProvider>)), args: [[['a', 'b']], { a: 'p', b: 'q' }, {}], checks: [lists, { path: 'providerOf', wrong: 42, unreadable: () => unreadableObject('a', { b: 'q' }) }, options] },
  { name: 'rankByScore', call: (a) => rankByScore(...(a as Parameters<typeof rankByScore>)), args: [[{ id: 'a', score: 1 }], {}], checks: [{ path: 'items', wrong: 42, unreadable: () => [unreadableObject('id', { score: 1 })] }, { ...options, unreadable: () => unreadableObject('ties') }] },
  { name: 'countRelevant', call: (a) => countRelevant(...(a as Parameters<typeof countRelevant>)), args: [{ a: 1 }], checks: [qrels] },
];

const startsWithName = (path: string, name: string) => path === name || path.startsWith(`${name}[`) || path.startsWith(`${name}.`);

describe.each(METRICS)('$name', ({ call, args, checks }) => {
  it('answers the valid arguments', () => {
    expect(() => call(args)).not.toThrow();
  });

  checks.forEach((check, position) => {
    if (check === undefined) return;
    it(`names ${check.path} when it is not the expected form`, () => {
      const error = errorOf(() => call(args.map((a, i) => (i === position ? check.wrong : a))));
      expect(error.code).toBe('INVALID_OPTIONS');
      expect(error.issues.some((issue) => startsWithName(issue.path, check.path))).toBe(true);
    });

    it(`names ${check.path} when reading it throws, keeping the caller's error as the cause`, () => {
      const error = errorOf(() => call(args.map((a, i) => (i === position ? check.unreadable() : a))));
      expect(error.code).toBe('INVALID_OPTIONS');
      expect(error.issues.map((issue) => issue.path).every((path) => startsWithName(path, check.path))).toBe(true);
      expect((error.cause as Error | undefined)?.message ?? '').not.toBe('');
    });
  });
});
