import { describe, expect, it } from 'vitest';
import catalogue from '../../fixtures/catalogue.json';
import history from '../../fixtures/referrals/history.json';
import { createMatcher, DEFAULT_RULES, MatchingRulesSchema } from '../../src/index.js';
import { evaluate, hitRateAt, referralInstant, ReferralHistorySchema } from '../../src/evaluate/index.js';
import type { ReferralInput } from '../../src/evaluate/index.js';
import { FeatureStore, scoreOffered } from '../../src/evaluate/features.js';
import { activity } from '../helpers.js';

const SAMPLE = history.slice(0, 120) as ReferralInput[];
const matcher = createMatcher(catalogue);
const quick = { bootstrap: { resamples: 200 } };

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

describe('evaluate', () => {
  const result = evaluate(DEFAULT_RULES, SAMPLE, { catalogue, ...quick });

  it('returns tidy rows: one per referral per metric, null where nothing was taken up', () => {
    expect(result.rows).toHaveLength(SAMPLE.length * 4);
    expect(result.rows[0]).toEqual({ rules: 'rules', referral: SAMPLE[0]?.id, client: SAMPLE[0]?.client.id, metric: 'ndcg@5', value: expect.any(Number) });
    const none = SAMPLE.findIndex((r) => r.takenUp === null);
    expect(result.rows.filter((r) => r.referral === SAMPLE[none]?.id).map((r) => r.value)).toEqual([null, null, null, null]);
  });

  it('summarises each metric: n scorable referrals, their mean, and an interval around it', () => {
    const scorable = SAMPLE.filter((r) => r.takenUp !== null).length;
    expect(result.summary.map((s) => s.metric)).toEqual(['ndcg@5', 'hit@1', 'hit@3', 'mrr']);
    for (const s of result.summary) {
      const values = result.rows.filter((r) => r.metric === s.metric && r.value !== null).map((r) => r.value as number);
      expect(s.n).toBe(scorable);
      expect(s.mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 12);
      expect(s.lower as number).toBeLessThanOrEqual(s.mean as number);
      expect(s.upper as number).toBeGreaterThanOrEqual(s.mean as number);
    }
  });

  it('gives hit@1 = 1 exactly when the rules score the taken-up activity highest among those offered', () => {
    const parsed = ReferralHistorySchema.parse(SAMPLE);
    parsed.forEach((r) => {
      if (r.takenUp === null) return;
      const scores = r.offered.map((o) => matcher.explain(r.client, o.activityId, { at: referralInstant(r.date) }));
      const best = [...scores].filter((s) => s.eligible).sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))[0];
      const row = result.rows.find((x) => x.referral === r.id && x.metric === 'hit@1');
      expect(row?.value).toBe(best?.id === r.takenUp ? 1 : 0);
    });
  });

  it('is deterministic, and a matcher gives the same result as its rules on the catalogue', () => {
    expect(evaluate(matcher, SAMPLE, quick)).toEqual(result);
  });

  it('does not mutate the referrals, the rules or the catalogue', () => {
    const frozen = deepFreeze(structuredClone(SAMPLE.slice(0, 10)));
    const rules = deepFreeze(structuredClone(MatchingRulesSchema.parse({ weights: { interests: 4 } })));
    expect(() => evaluate(rules, frozen, { catalogue: deepFreeze(structuredClone(catalogue)), ...quick })).not.toThrow();
  });

  it('scores offered activities exactly as matcher.explain does, for any weights', () => {
    const rules = MatchingRulesSchema.parse({ weights: { interests: 5, distance: 3, needs: 0.2 } });
    const [first] = ReferralHistorySchema.parse(SAMPLE.slice(0, 1));
    if (!first) throw new Error('no referral');
    const features = new FeatureStore().get(matcher, DEFAULT_RULES, { referral: first, index: 0 });
    for (const item of scoreOffered(features, rules)) {
      expect(item.score).toBe(matcher.explain(first.client, item.id, { at: referralInstant(first.date), rules }).score);
    }
  });
});

describe('evaluate on a small handmade history', () => {
  const gym = activity('gym', { tags: ['gym'], intensity: 'moderate' });
  const walk = activity('walk', { tags: ['walking'] });
  const small = [gym, walk];
  const referral = (id: string, takenUp: string | null, extra: Partial<ReferralInput> = {}): ReferralInput => ({
    id,
    date: '2026-05-01',
    client: { id: `c-${id}`, age: 50, activation: 3, interests: ['gym'] },
    offered: [
      { activityId: 'gym', rank: 1 },
      { activityId: 'walk', rank: 2 },
    ],
    takenUp,
    attended: takenUp !== null,
    completed: false,
    ...extra,
  });

  it('leaves out offered activities the rules exclude, so choosing them counts as a miss', () => {
    const h = [referral('r1', 'gym')];
    const open = evaluate({}, h, { catalogue: small, metrics: ['hit@2'], ...quick });
    const noGym = evaluate({ activation: { minLevelForGym: 4 } }, h, { catalogue: small, metrics: ['hit@2'], ...quick });
    expect(open.rows[0]?.value).toBe(1);
    expect(noGym.rows[0]?.value).toBe(0);
  });

  it('can rank the whole catalogue instead, with the matcher’s shortlist', () => {
    const h = [referral('r1', 'walk')];
    const ranked = createMatcher(small).recommend(h[0]!.client, { at: referralInstant('2026-05-01'), limit: 1 }).map((r) => r.id);
    const result = evaluate({}, h, { catalogue: small, candidates: 'catalogue', metrics: ['hit@1'], ...quick });
    expect(result.rows[0]?.value).toBe(hitRateAt(ranked, { walk: 1 }, 1));
  });

  it('counts only completions with relevance "completed", and counts the rest as 0 with empty "zero"', () => {
    const h = [referral('r1', 'gym', { completed: true }), referral('r2', 'walk'), referral('r3', null)];
    const skip = evaluate({}, h, { catalogue: small, relevance: 'completed', metrics: ['hit@2'], ...quick });
    const zero = evaluate({}, h, { catalogue: small, relevance: 'completed', metrics: ['hit@2'], empty: 'zero', ...quick });
    expect(skip.summary[0]).toMatchObject({ n: 1, mean: 1 });
    expect(zero.summary[0]).toMatchObject({ n: 3, mean: 1 / 3 });
  });

  it('needs a catalogue when given rules rather than a matcher', () => {
    expect(() => evaluate({}, [referral('r1', 'gym')])).toThrow(expect.objectContaining({ code: 'INVALID_OPTIONS', issues: [expect.objectContaining({ path: 'options.catalogue' })] }));
  });

  it('rejects unknown metrics and bad rules by path', () => {
    expect(() => evaluate({}, [referral('r1', 'gym')], { catalogue: small, metrics: ['ndcg'] })).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ path: 'options.metrics[0]' })] }));
    expect(() => evaluate({ weights: { distance: -1 } }, [referral('r1', 'gym')], { catalogue: small })).toThrow(expect.objectContaining({ code: 'INVALID_RULES', issues: [expect.objectContaining({ path: 'rules.weights.distance' })] }));
  });
});
