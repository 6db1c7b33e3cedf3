// Issue #2's acceptance criteria, run on the bundled catalogue and personas.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import catalogue from '../fixtures/catalogue.json';
import personas from '../fixtures/personas.json';
import { createMatcher } from '../src/index.js';
import type { ClientProfileInput, Recommendation } from '../src/index.js';
import { AT } from './helpers.js';

const matcher = createMatcher(catalogue);

function persona(id: string): ClientProfileInput {
  const found = personas.find((p) => p.id === id);
  if (!found) throw new Error(`no persona ${id}`);
  return found.profile;
}

function top(id: string, limit: number): string[] {
  return matcher.recommend(persona(id), { at: AT, limit }).map((r) => r.id);
}

describe('the bundled catalogue', () => {
  it('loads strictly, with nothing rejected', () => {
    expect(matcher.activities).toHaveLength(catalogue.length);
    expect(matcher.rejected).toEqual([]);
  });
});

describe('acceptance on the bundled data', () => {
  it('COPD at activation level 2: the Healthy Lungs course is in the top 3', () => {
    expect(top('copd-activation-2', 3)).toContain('healthy-lungs-course');
  });

  it('activation level 1 with debt and housing worries and no money: practical advice in the top 3, not the gym scheme, nothing paid in the top 5', () => {
    const top3 = matcher.recommend(persona('debt-housing-activation-1'), { at: AT, limit: 3 });
    expect(top3.some((r) => r.activity.category === 'practical-support')).toBe(true);
    const top5 = matcher.recommend(persona('debt-housing-activation-1'), { at: AT, limit: 5 });
    expect(top5.map((r) => r.id)).not.toContain('ers-leisure-centre-gym');
    for (const r of top5) expect(r.activity.cost?.level === 'free' || r.activity.cost?.freePeriod !== undefined).toBe(true);
    expect(top5.filter((r) => r.activity.cost?.level !== 'free')).toEqual([]);
  });

  it('activation level 4 with type 2 diabetes who wants to get fit: the exercise-on-referral gym scheme is in the top 3', () => {
    expect(top('diabetes-get-fit-activation-4', 3)).toContain('ers-leisure-centre-gym');
  });

  it('anxious and intimidated by gyms: the smaller exercise setting ranks above the leisure-centre gym', () => {
    const all = matcher.recommend(persona('anxious-gym-averse'), { at: AT, limit: 100, rules: { diversity: { enabled: false } } }).map((r) => r.id);
    const gentle = all.indexOf('gentle-move-studio');
    const gym = all.indexOf('ers-leisure-centre-gym');
    expect(gentle).toBeGreaterThanOrEqual(0);
    expect(gym === -1 || gentle < gym).toBe(true);
    const explainGym = matcher.explain(persona('anxious-gym-averse'), 'ers-leisure-centre-gym', { at: AT });
    expect(matcher.explain(persona('anxious-gym-averse'), 'gentle-move-studio', { at: AT }).score).toBeGreaterThan(explainGym.score);
  });

  it('wheelchair user: no inaccessible venue appears at all', () => {
    const items = matcher.recommend(persona('wheelchair-user'), { at: AT, limit: 100 });
    expect(items.length).toBeGreaterThan(5);
    for (const item of items) {
      if (item.activity.location.kind === 'venue') expect(item.activity.accessibility.wheelchair).toBe(true);
    }
  });

  it('heart disease: nothing listing heart disease as unsuitable appears', () => {
    const items = matcher.recommend(persona('heart-disease'), { at: AT, limit: 100 });
    expect(catalogue.some((a) => (a.conditions?.unsuitableFor as readonly string[] | undefined)?.includes('heart-disease'))).toBe(true);
    for (const item of items) expect(item.activity.conditions.unsuitableFor).not.toContain('heart-disease');
  });

  it('housebound and often lonely: befriending comes first, and only home or online activities appear', () => {
    const items = matcher.recommend(persona('housebound-lonely'), { at: AT, limit: 100 });
    expect(items[0]?.activity.category).toBe('befriending');
    for (const item of items) expect(item.activity.location.kind).not.toBe('venue');
  });

  it('evening-only availability: every suggestion with sessions has one in the evening', () => {
    for (const item of matcher.recommend(persona('asthma-evening-only'), { at: AT, limit: 100 })) {
      if (item.activity.sessions.length > 0) expect(item.activity.sessions.some((s) => s.end > '18:00')).toBe(true);
    }
  });

  it('beekeeping interest written as "bee keeping": the beekeeping group comes first', () => {
    expect(top('depression-beekeeping', 1)).toEqual(['beekeeping-heeley']);
  });
});

describe('every persona', () => {
  const all = personas.map((p) => [p.id, p.profile] as const);

  it.each(all)('%s: scores in [0, 1], contributions add up, nothing breaks a rule', (_id, profile) => {
    const items: Recommendation[] = matcher.recommend(profile, { at: AT, limit: 10 });
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(item.score).toBeGreaterThanOrEqual(0);
      expect(item.score).toBeLessThanOrEqual(1);
      expect(Math.abs(item.factors.reduce((s, f) => s + f.contribution, 0) - item.score)).toBeLessThan(1e-12);
      expect(item.eligible).toBe(true);
      expect(item.reasons.length).toBeGreaterThan(0);
    }
  });

  it('gets the same shortlist whatever the catalogue order', () => {
    const expected = new Map(all.map(([id, profile]) => [id, matcher.recommend(profile, { at: AT, limit: 5 })]));
    fc.assert(
      fc.property(fc.shuffledSubarray(catalogue, { minLength: catalogue.length, maxLength: catalogue.length }), (shuffled) => {
        const m = createMatcher(shuffled);
        for (const [id, profile] of all) expect(m.recommend(profile, { at: AT, limit: 5 })).toEqual(expected.get(id));
      }),
      { numRuns: 10 },
    );
  });
});
