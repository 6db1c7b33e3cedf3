// Issue #16: relevance apart from practicality, no padding, services aimed at someone else left
// out, diversity that never lifts an unrelated option, remote services, and next sessions that
// are true.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateCatalogue } from '../../fixtures/generate/catalogue.js';
import bundled from '../../fixtures/catalogue.json';
import personas from '../../fixtures/personas.json';
import { CONDITIONS, createMatcher, DEFAULT_RULES, FACTORS, NEEDS, PRACTICAL_FACTORS, RELEVANCE_FACTORS } from '../../src/index.js';
import type { ActivityInput, ClientProfileInput, Recommendation } from '../../src/index.js';
import { activity, AT, client } from '../helpers.js';
import { CENTRE, clientArb } from './arbitraries.js';

function ids(items: readonly { id: string }[]): string[] {
  return items.map((i) => i.id);
}

function persona(id: string): ClientProfileInput {
  const found = personas.find((p) => p.id === id);
  if (found === undefined) throw new Error(`no persona ${id}`);
  return found.profile as ClientProfileInput;
}

const catalogue = generateCatalogue({ seed: 16, count: 600, spread: 'city' });
const matcher = createMatcher(catalogue);

describe('services aimed at someone else', () => {
  it('are never shortlisted, however near, free and fresh: adding one for a condition or need the client does not have changes nothing', () => {
    let compared = 0;
    fc.assert(
      fc.property(
        clientArb,
        fc.subarray(
          CONDITIONS.map((c) => c.id),
          { minLength: 1, maxLength: 3 },
        ),
        fc.subarray(
          NEEDS.map((n) => n.id).filter((n) => n !== 'loneliness'),
          { minLength: 1, maxLength: 3 },
        ),
        fc.boolean(),
        (input, conditions, needs, byNeed) => {
          // Aimed only at conditions (or needs) the client does not have.
          const client = { ...input, conditions: CONDITIONS.map((c) => c.id).filter((c) => !conditions.includes(c)).slice(0, 2), needs: (input.needs ?? []).filter((n) => !needs.includes(n as never) && n !== 'loneliness') };
          const aimed: ActivityInput = {
            ...activity('zz-aimed-elsewhere', { location: { kind: 'venue', lat: input.home?.lat ?? CENTRE.lat, lon: input.home?.lon ?? CENTRE.lon }, sessions: [] }),
            category: byNeed ? 'practical-support' : 'health-education',
            conditions: { designedFor: byNeed ? [] : conditions },
            needs: byNeed ? needs : [],
            audience: byNeed ? { needs } : { conditions },
            eligibility: {},
          };
          const options = { at: AT, limit: 8 };
          const before = matcher.recommend(client, options);
          const after = createMatcher([...catalogue, aimed]).recommend(client, options);
          expect(ids(after)).toEqual(ids(before));
          compared++;
        },
      ),
      { numRuns: 60, seed: 16 },
    );
    expect(compared).toBe(60);
  }, 60_000);

  const audiences: [ActivityInput['audience'], string][] = [
    [{ conditions: ['copd', 'asthma'] }, 'Aimed at people with COPD or asthma'],
    [{ needs: ['carers'] }, 'Aimed at carers'],
    [{ conditions: ['dementia'], needs: ['carers'] }, 'Aimed at people with dementia, or at carers'],
    [{ groups: ['lgbtq'] }, 'Aimed at LGBTQ+ people'],
  ];
  it.each(audiences)('explain() says who %j is for', (audience, reason) => {
    const m = createMatcher([activity('x', { audience })]);
    const e = m.explain(client({ conditions: ['arthritis'] }), 'x', { at: AT });
    expect(e.exclusions).toEqual([{ rule: 'audience', reason }]);
  });

  it('are offered to the people they are for: by condition, by need (loneliness from the loneliness answer too) and by stated group', () => {
    const m = createMatcher([
      activity('lungs', { audience: { conditions: ['copd'] } }),
      activity('befriend', { audience: { needs: ['loneliness'] } }),
      activity('lgbt', { audience: { groups: ['lgbtq'] } }),
    ]);
    const all = { at: AT, limit: 10, rules: { relevance: { minimum: 0 } } };
    expect(ids(m.recommend(client({ conditions: ['emphysema'] }), all))).toEqual(['lungs']);
    expect(ids(m.recommend(client({ loneliness: 'often-or-always' }), all))).toEqual(['befriend']);
    expect(ids(m.recommend(client({ loneliness: 'never', needs: ['lonely'] }), all))).toEqual(['befriend']);
    expect(ids(m.recommend(client({ groups: ['LGBT'] }), all))).toEqual(['lgbt']);
    expect(ids(m.recommend(client(), all))).toEqual([]);
  });
});

describe('relevance apart from practicality', () => {
  it('splits the score into why this person (relevance) and can they go (practicality), which add up to it by their weights', () => {
    const total = FACTORS.reduce((s, f) => s + DEFAULT_RULES.weights[f], 0);
    const share = RELEVANCE_FACTORS.reduce((s, f) => s + DEFAULT_RULES.weights[f], 0) / total;
    expect(PRACTICAL_FACTORS.reduce((s, f) => s + DEFAULT_RULES.weights[f], 0) / total).toBeCloseTo(1 - share, 12);
    for (const p of personas) {
      for (const item of createMatcher(bundled).recommend(p.profile, { at: AT, limit: 5 })) {
        expect(Math.abs(share * item.relevance + (1 - share) * item.practicality - item.score)).toBeLessThan(1e-12);
        expect(item.reasons).toEqual([...item.whyThem, ...item.canTheyGo]);
      }
    }
  });

  it('does not pad the list: fewer than the limit when fewer fit well, and explain() gives the threshold for the rest', () => {
    const m = createMatcher(bundled);
    const cook = persona('type-1-diabetes-cooking');
    const list = m.recommend(cook, { at: AT, limit: 5 });
    expect(list.length).toBeLessThan(5);
    for (const item of list) expect(item.relevance).toBeGreaterThanOrEqual(DEFAULT_RULES.relevance.minimum);
    const weak = m.activities.map((a) => m.explain(cook, a.id, { at: AT })).filter((e) => e.eligible && !e.fitsWell);
    expect(weak.length).toBeGreaterThan(0);
    for (const e of weak) {
      expect(e.relevance).toBeLessThan(e.minRelevance);
      expect(e.cautions.some((c) => c.startsWith('A weak fit for them') && c.includes(String(DEFAULT_RULES.relevance.minimum)))).toBe(true);
    }
    // With no minimum the weak fits come back, after the good ones.
    const everything = m.recommend(cook, { at: AT, limit: 5, rules: { relevance: { minimum: 0 } } });
    expect(everything).toHaveLength(5);
    expect(ids(everything).slice(0, list.length)).toEqual(ids(list));
  });

  it('orders by fit first: practical help first for a client at activation 1 in a debt and housing crisis, then what meets their needs, then what is open to anyone', () => {
    const items = createMatcher(bundled).recommend(persona('debt-housing-activation-1'), { at: AT, limit: 10, rules: { relevance: { minimum: 0 } } });
    const fits = items.map((i) => i.fit);
    expect(fits[0]).toBe('practical-first');
    expect([...fits].sort((a, b) => rank(a) - rank(b))).toEqual(fits);
    for (const item of items.filter((i) => i.fit === 'practical-first')) expect(item.activity.category).toBe('practical-support');
    // Switched off, the same advice competes on score with everything else that meets her needs.
    const off = createMatcher(bundled).recommend(persona('debt-housing-activation-1'), { at: AT, limit: 10, rules: { relevance: { practicalFirst: { maxActivation: 0 } } } });
    expect(off.some((i) => i.fit === 'practical-first')).toBe(false);
  });

  it('with diversity on (any penalty), never places an activity that meets nothing of theirs above one that does, and says why any activity sits below a lower score', () => {
    let lists = 0;
    fc.assert(
      fc.property(clientArb, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 0.7, noNaN: true }), (input, penalty, minimum) => {
        const items = matcher.recommend(input, { at: AT, limit: 10, rules: { diversity: { penalty }, relevance: { minimum } } });
        const firstOpen = items.findIndex((i) => i.fit === 'open-to-all');
        if (firstOpen >= 0) expect(items.slice(firstOpen).every((i) => i.fit === 'open-to-all')).toBe(true);
        items.forEach((item, i) => {
          expect(item.relevance).toBeGreaterThanOrEqual(minimum);
          const passedBy = items.slice(0, i).filter((above) => above.fit === item.fit && above.score < item.score);
          expect(item.placement !== undefined).toBe(passedBy.length > 0);
          if (item.placement !== undefined) for (const above of passedBy) expect(item.placement).toContain(above.activity.name);
        });
        lists++;
      }),
      { numRuns: 80, seed: 1616 },
    );
    expect(lists).toBe(80);
  }, 60_000);

  it('measures redundancy by what two activities share: a second physical activity designed for the same condition stays above unrelated options', () => {
    const m = createMatcher(bundled);
    const items = m.recommend(persona('osteoporosis-dancing'), { at: AT, limit: 5 });
    const designed = items.filter((i) => i.activity.conditions.designedFor.includes('osteoporosis')).map((i) => i.rank);
    expect(designed.length).toBeGreaterThanOrEqual(2);
    // Both osteoporosis classes come before any activity that is merely social or general.
    for (const r of designed) expect(r).toBeLessThanOrEqual(3);
  });
});

function rank(fit: Recommendation['fit']): number {
  return fit === 'practical-first' ? 0 : fit === 'for-them' ? 1 : 2;
}

describe('services that need no travel', () => {
  it('take the documented remote distance value, so a near venue still ranks above them', () => {
    const m = createMatcher([activity('venue'), activity('phone', { location: { kind: 'phone' } }), activity('online', { location: { kind: 'online' } }), activity('visit', { location: { kind: 'home' } })]);
    for (const id of ['phone', 'online', 'visit']) {
      const e = m.explain(client(), id, { at: AT });
      expect(e.factors.find((f) => f.factor === 'distance')?.value).toBe(DEFAULT_RULES.distance.remote);
      expect(e.distanceKm).toBe(0);
    }
    expect(m.explain(client(), 'venue', { at: AT }).factors.find((f) => f.factor === 'distance')?.value).toBe(1);
    expect(m.explain(client(), 'phone', { at: AT }).canTheyGo).toContain('By phone, from home');
    expect(m.explain(client(), 'visit', { at: AT }).canTheyGo).toContain('Comes to them: a visit at home');
  });

  it('for a lonely client, an in-person group ranks above an otherwise equal online or phone one, even with no distance to tell them apart', () => {
    const rules = { weights: { distance: 0 } };
    const group: Partial<ActivityInput> = { category: 'social', groupSize: 'small', needs: ['loneliness'] };
    const m = createMatcher([activity('a-online', { ...group, location: { kind: 'online' } }), activity('b-phone', { ...group, location: { kind: 'phone' } }), activity('c-venue', group)]);
    const lonely = client({ loneliness: 'some-of-the-time' });
    expect(ids(m.recommend(lonely, { at: AT, rules })).slice(0, 1)).toEqual(['c-venue']);
    const inPerson = m.explain(lonely, 'c-venue', { at: AT, rules });
    const online = m.explain(lonely, 'a-online', { at: AT, rules });
    expect(inPerson.score).toBeGreaterThan(online.score);
  });
});

describe('what is read out is true', () => {
  it('gives a fixed-cohort course whose joining has closed its next intake as the next session (Healthy Lungs after week 2)', () => {
    const m = createMatcher(bundled);
    const copd = persona('copd-activation-2');
    // Monday 23 November: week 2 of the cohort that started on 10 November, newcomers still taken.
    expect(m.explain(copd, 'healthy-lungs-course', { at: AT }).nextSession?.start.toISOString()).toBe('2026-11-24T13:30:00.000Z');
    // Wednesday 25 November: week 3, joining closed; the next intake is 12 January 2027.
    const closed = m.explain(copd, 'healthy-lungs-course', { at: '2026-11-25T09:00:00Z' });
    expect(closed.nextSession?.start.toISOString()).toBe('2027-01-12T13:30:00.000Z');
    expect(closed.nextSession?.label).toBe('Tue 12 Jan 13:30');
    for (const s of closed.upcomingSessions) expect(s.start.getTime()).toBeGreaterThanOrEqual(Date.parse('2027-01-12T00:00:00Z'));
    expect(closed.cautions.some((c) => c.includes('next intake 12 January 2027'))).toBe(true);
  });

  it('gives no next session for a course that has finished with no further intake', () => {
    const m = createMatcher([activity('done', { programme: { startDate: '2026-09-01', weeks: 6 } })]);
    const e = m.explain(client(), 'done', { at: AT });
    expect(e.eligible).toBe(false);
    expect(e.nextSession).toBeNull();
    expect(e.upcomingSessions).toEqual([]);
  });
});
