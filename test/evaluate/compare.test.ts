import { describe, expect, it } from 'vitest';
import catalogue from '../../fixtures/catalogue.json';
import history from '../../fixtures/referrals/history.json';
import { HIDDEN_PREFERENCES } from '../../fixtures/referrals/generate.js';
import { createMatcher, DEFAULT_RULES } from '../../src/index.js';
import { compareRules } from '../../src/evaluate/index.js';

const SAMPLE = history.slice(0, 300);
const matcher = createMatcher(catalogue);
const quick = { bootstrap: { resamples: 500 } };

describe('compareRules', () => {
  it('gives a paired difference of exactly 0, with the interval [0, 0], for identical rules', () => {
    const result = compareRules(DEFAULT_RULES, { ...DEFAULT_RULES }, SAMPLE.slice(0, 80), { catalogue, ...quick });
    for (const row of result.summary) {
      expect(row).toMatchObject({ difference: 0, lower: 0, upper: 0 });
      expect(row.a).toBe(row.b);
    }
    expect(result.a.map((s) => ({ ...s, rules: '' }))).toEqual(result.b.map((s) => ({ ...s, rules: '' })));
  });

  const edited = { ...DEFAULT_RULES, weights: { ...HIDDEN_PREFERENCES } };
  const result = compareRules(matcher, edited, SAMPLE, { labels: { a: 'defaults', b: 'hidden' }, ...quick });

  it('returns tidy rows for both rule sets, labelled, and one summary row per metric', () => {
    expect(result.labels).toEqual({ a: 'defaults', b: 'hidden' });
    expect(result.rows).toHaveLength(2 * SAMPLE.length * 4);
    expect(new Set(result.rows.map((r) => r.rules))).toEqual(new Set(['defaults', 'hidden']));
    expect(result.summary.map((r) => r.metric)).toEqual(['ndcg@5', 'hit@1', 'hit@3', 'mrr']);
    expect(Object.keys(result.summary[0] ?? {})).toEqual(['metric', 'n', 'a', 'aLower', 'aUpper', 'b', 'bLower', 'bUpper', 'difference', 'lower', 'upper']);
  });

  it('reports the difference as the mean over referrals of b − a, inside its own interval', () => {
    for (const row of result.summary) {
      const a = result.rows.filter((r) => r.rules === 'defaults' && r.metric === row.metric && r.value !== null);
      const b = result.rows.filter((r) => r.rules === 'hidden' && r.metric === row.metric && r.value !== null);
      const diff = b.reduce((s, r, i) => s + (r.value as number) - (a[i]?.value as number), 0) / b.length;
      expect(row.n).toBe(b.length);
      expect(row.difference).toBeCloseTo(diff, 12);
      expect(row.lower as number).toBeLessThanOrEqual(row.difference as number);
      expect(row.upper as number).toBeGreaterThanOrEqual(row.difference as number);
    }
  });

  it('shows the synthetic history follows its hidden preferences: used as weights, they beat the defaults clearly', () => {
    const ndcg = result.summary.find((r) => r.metric === 'ndcg@5');
    expect(ndcg?.lower as number).toBeGreaterThan(0);
  });

  it('is deterministic: the same call gives the same intervals', () => {
    const again = compareRules(matcher, edited, SAMPLE, { labels: { a: 'defaults', b: 'hidden' }, ...quick });
    expect(again.summary).toEqual(result.summary);
  });

  it('names the side whose rules are invalid', () => {
    expect(() => compareRules({}, { weights: { cost: 'high' } } as never, SAMPLE, { catalogue })).toThrow(expect.objectContaining({ code: 'INVALID_RULES', issues: [expect.objectContaining({ path: 'b.weights.cost' })] }));
  });
});
