import { beforeAll, describe, expect, it } from 'vitest';
import catalogue from '../../fixtures/catalogue.json';
import history from '../../fixtures/referrals/history.json';
import { HIDDEN_PREFERENCES } from '../../fixtures/referrals/generate.js';
import { createMatcher, DEFAULT_RULES, FACTORS, MatchingRulesSchema } from '../../src/index.js';
import { createRandom, fitWeights } from '../../src/evaluate/index.js';
import type { FitWeightsResult } from '../../src/evaluate/index.js';
import { fitConditionalLogit, fitLogistic } from '../../src/evaluate/logistic.js';
import { spearman } from './spearman.js';
import { errorOf } from '../helpers.js';

const matcher = createMatcher(catalogue);
const sumOf = (w: Readonly<Record<string, number>>) => Object.values(w).reduce((a, b) => a + b, 0);
const topOf = (w: Readonly<Record<string, number>>) => [...FACTORS].sort((a, b) => (w[b] ?? 0) - (w[a] ?? 0))[0];

describe('fitLogistic', () => {
  // 4,000 draws from P(y = 1) = σ(−1 + 2x₁ − 0.5x₂).
  const random = createRandom(9);
  const rows = Array.from({ length: 4000 }, () => [1, random.next(), random.next()]);
  const labels = rows.map(([, x1, x2]) => (random.next() < 1 / (1 + Math.exp(-(-1 + 2 * (x1 as number) - 0.5 * (x2 as number)))) ? 1 : 0));
  const options = { l2: 0, unpenalized: 1, maxIterations: 50, tolerance: 1e-10 };

  it('recovers the coefficients of a known logistic model within two standard errors', () => {
    const fit = fitLogistic(rows, labels, options);
    expect(fit.converged).toBe(true);
    [-1, 2, -0.5].forEach((truth, j) => expect(Math.abs((fit.coefficients[j] as number) - truth)).toBeLessThan(2 * (fit.standardErrors[j] as number)));
  });

  it('shrinks the penalised coefficients towards 0 as λ grows, but not the intercept column', () => {
    const loose = fitLogistic(rows, labels, options);
    const tight = fitLogistic(rows, labels, { ...options, l2: 500 });
    expect(Math.abs(tight.coefficients[1] as number)).toBeLessThan(Math.abs(loose.coefficients[1] as number));
    expect(tight.objective).toBeLessThan(loose.objective);
  });
});

describe('fitConditionalLogit', () => {
  it('recovers the coefficients of a known choice model from which alternative was chosen', () => {
    const random = createRandom(4);
    const beta = [3, 1, 0];
    const groups = Array.from({ length: 1500 }, () => {
      const alternatives = Array.from({ length: 4 }, () => [random.next(), random.next(), random.next()]);
      const utilities = alternatives.map((x) => Math.exp(x.reduce((s, v, k) => s + v * (beta[k] as number), 0)));
      let u = random.next() * utilities.reduce((a, b) => a + b, 0);
      const chosen = utilities.findIndex((w) => (u -= w) < 0);
      return { rows: alternatives, chosen };
    });
    const fit = fitConditionalLogit(groups, { l2: 0, unpenalized: 0, maxIterations: 50, tolerance: 1e-10 });
    beta.forEach((truth, j) => expect(Math.abs((fit.coefficients[j] as number) - truth)).toBeLessThan(2.5 * (fit.standardErrors[j] as number)));
  });
});

describe('fitWeights on the bundled synthetic history (2,000 referrals)', () => {
  let fit: FitWeightsResult;
  beforeAll(() => {
    fit = fitWeights(history, matcher, { seed: 1 });
  }, 60_000);

  it('holds out 30% of referrals, split by referral', () => {
    expect(fit.split).toMatchObject({ train: 1400, test: 600 });
    expect(fit.converged).toBe(true);
  });

  it('recovers the hidden preferences’ ordering: the same top factor and a Spearman correlation of at least 0.8', () => {
    expect(topOf(fit.coefficients)).toBe(topOf(HIDDEN_PREFERENCES));
    expect(spearman(fit.coefficients, HIDDEN_PREFERENCES)).toBeGreaterThanOrEqual(0.8);
    expect(spearman(fit.rules.weights, DEFAULT_RULES.weights)).toBeLessThan(spearman(fit.rules.weights, HIDDEN_PREFERENCES));
  });

  it('beats the default rules on the held-out referrals, with paired intervals above 0', () => {
    for (const metric of ['ndcg@5', 'hit@1', 'mrr']) {
      const row = fit.comparison.find((r) => r.metric === metric);
      expect(row?.lower as number).toBeGreaterThan(0);
    }
    expect(fit.before.map((s) => s.rules)).toEqual(['before', 'before', 'before', 'before']);
    expect(fit.after[0]?.mean as number).toBeGreaterThan(fit.before[0]?.mean as number);
  });

  it('returns rules that feed straight back into the matcher: non-negative weights adding up to the defaults’ sum', () => {
    expect(MatchingRulesSchema.parse(fit.rules)).toEqual(fit.rules);
    expect(Object.values(fit.rules.weights).every((w) => w >= 0)).toBe(true);
    expect(sumOf(fit.rules.weights)).toBeCloseTo(sumOf(DEFAULT_RULES.weights), 9);
    const fitted = createMatcher(catalogue, { rules: fit.rules });
    const client = { age: 60, activation: 3, interests: ['singing'] } as const;
    const list = fitted.recommend(client, { at: '2026-11-23T12:00:00Z' });
    expect(list.length).toBeGreaterThan(0);
    for (const item of list) for (const f of item.factors) expect(f.weight).toBe(fit.rules.weights[f.factor]);
    // Shorter than 5 only because the list is never padded with weak fits.
    expect(fitted.recommend(client, { at: '2026-11-23T12:00:00Z', rules: { ...fit.rules, relevance: { ...fit.rules.relevance, minimum: 0 } } })).toHaveLength(5);
  });

  it('maps coefficients to weights by clipping negatives to 0 and rescaling', () => {
    const positive = FACTORS.filter((f) => fit.coefficients[f] > 0);
    const scale = sumOf(DEFAULT_RULES.weights) / positive.reduce((s, f) => s + fit.coefficients[f], 0);
    for (const f of FACTORS) expect(fit.rules.weights[f]).toBeCloseTo(Math.max(0, fit.coefficients[f]) * scale, 9);
  });
});

describe('fitWeights options and errors', () => {
  const small = history.slice(0, 200);

  it('is deterministic for a seed', () => {
    const options = { seed: 3, bootstrap: { resamples: 100 } };
    expect(fitWeights(small, matcher, options)).toEqual(fitWeights(small, matcher, options));
  });

  describe('the target decides which referrals count as positives, what the model learns from and what the held-out metrics call relevant', () => {
    type Row = (typeof small)[number];
    const options = { seed: 5, bootstrap: { resamples: 100 } } as const;
    // Attendance and completion rewritten so the targets differ in a known way.
    const withOutcomes = (attended: (r: Row, i: number) => boolean, completed: (r: Row, i: number) => boolean) => small.map((r, i) => ({ ...r, attended: r.takenUp !== null && attended(r, i), completed: r.takenUp !== null && attended(r, i) && completed(r, i) }));
    const takenUp = fitWeights(small, matcher, options);

    it('attended = taken up: the same positives, coefficients and comparison as taken-up; completed with nothing completed has no positives', () => {
      const all = withOutcomes(() => true, () => false);
      const attended = fitWeights(all, matcher, { ...options, target: 'attended' });
      expect(attended.split).toEqual(takenUp.split);
      expect(attended.coefficients).toEqual(takenUp.coefficients);
      expect(attended.comparison).toEqual(takenUp.comparison);
      expect(() => fitWeights(all, matcher, { ...options, target: 'completed' })).toThrow(expect.objectContaining({ code: 'INVALID_OPTIONS', issues: [expect.objectContaining({ path: 'referrals' })] }));
    });

    it('splitting who attended between two histories splits the positives between them (the split depends only on the seed and the count)', () => {
      const even = fitWeights(withOutcomes((_, i) => i % 2 === 0, () => true), matcher, { ...options, target: 'attended' });
      const odd = fitWeights(withOutcomes((_, i) => i % 2 === 1, () => true), matcher, { ...options, target: 'attended' });
      expect(even.split.positives + odd.split.positives).toBe(takenUp.split.positives);
      expect(even.split.positives).toBeGreaterThan(0);
      expect(odd.split.positives).toBeGreaterThan(0);
      expect(even.split.rows).toBe(takenUp.split.rows);
      expect(even.coefficients).not.toEqual(takenUp.coefficients);
      expect(even.coefficients).not.toEqual(odd.coefficients);
    });

    it('completed counts only referrals both attended and completed, and the held-out metrics judge by completion', () => {
      const history2 = withOutcomes((_, i) => i % 3 !== 0, (_, i) => i % 2 === 0);
      const attended = fitWeights(history2, matcher, { ...options, target: 'attended' });
      const completed = fitWeights(history2, matcher, { ...options, target: 'completed' });
      expect(completed.split.positives).toBeLessThan(attended.split.positives);
      expect(attended.split.positives).toBeLessThan(takenUp.split.positives);
      // The held-out referrals with a relevant outcome (those averaged) shrink with the target.
      const scored = (f: FitWeightsResult) => f.before.map((m) => m.n);
      expect(new Set(scored(takenUp)).size).toBe(1);
      expect(scored(completed)[0]).toBeLessThan(scored(attended)[0] as number);
      expect(scored(attended)[0]).toBeLessThan(scored(takenUp)[0] as number);
      expect(completed.before.map((m) => m.metric)).toEqual(takenUp.before.map((m) => m.metric));
    });
  });

  it('with l2 0 on a history that cannot identify the weights, says so for the history instead of failing in ml-matrix', () => {
    // Ten copies of one referral: the same choice among the same offers, again and again.
    const identical = Array.from({ length: 10 }, (_, i) => ({ ...(small[0] as (typeof small)[number]), id: `same-${i}` }));
    for (const h of [identical]) {
      for (const model of ['conditional', 'binary'] as const) {
        const error = errorOf(() => fitWeights(h, matcher, { l2: 0, model, bootstrap: { resamples: 100 } }));
        expect(error.code).toBe('INVALID_OPTIONS');
        expect(error.issues).toEqual([{ path: 'referrals', message: expect.stringMatching(/^expected a history that can identify the weights: .*give options\.l2 above 0/) }]);
      }
    }
  });

  it('fitLogistic and fitConditionalLogit check their arguments and report a singular system at options.l2', () => {
    const options = { l2: 0, unpenalized: 0, maxIterations: 20, tolerance: 1e-9 };
    const paths = (run: () => unknown) => errorOf(run).issues.map((i) => i.path);
    expect(paths(() => fitLogistic([[1, 1], [1, 1], [1, 1]], [0, 1, 0], options))).toEqual(['options.l2']);
    expect(paths(() => fitConditionalLogit([{ rows: [[1], [1]], chosen: 0 }], options))).toEqual(['options.l2']);
    expect(paths(() => fitLogistic([[1, NaN]], [0], options))).toEqual(['rows[0][1]']);
    expect(paths(() => fitLogistic([[1]], [2], options))).toEqual(['labels[0]']);
    expect(paths(() => fitLogistic([[1], [2]], [0], options))).toEqual(['labels']);
    expect(paths(() => fitConditionalLogit([{ rows: [[1]], chosen: 3 }], options))).toEqual(['groups[0].chosen']);
    expect(paths(() => fitConditionalLogit([], { ...options, l2: -1 }))).toEqual(['groups', 'options.l2'].slice(0, 1));
  });

  it('can learn from attendance with a binary logistic model, with an intercept per support mode', () => {
    const fit = fitWeights(small, catalogue, { target: 'attended', model: 'binary', bootstrap: { resamples: 100 } });
    expect(Object.keys(fit.intercepts).sort()).toEqual(['link-worker', 'list-only']);
    expect(fit.before[0]?.rules).toBe('before');
  });

  it('rejects too few referrals and bad options by path', () => {
    expect(() => fitWeights(small.slice(0, 1), matcher)).toThrow(expect.objectContaining({ code: 'INVALID_OPTIONS', issues: [expect.objectContaining({ path: 'referrals' })] }));
    expect(() => fitWeights(small, matcher, { testFraction: 0.99 })).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ path: 'options.testFraction' })] }));
    expect(() => fitWeights(small, matcher, { target: 'enjoyed' as never })).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ path: 'options.target' })] }));
    expect(() => fitWeights(small, matcher, { relevance: 'graded' } as never)).toThrow(expect.objectContaining({ code: 'INVALID_OPTIONS' }));
  });
});
