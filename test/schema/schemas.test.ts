import { describe, expect, it } from 'vitest';
import { ActivitySchema, ClientProfileSchema, DEFAULT_RULES, MatchingRulesSchema } from '../../src/index.js';
import { activity, client } from '../helpers.js';

function issuesOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return (result.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('ActivitySchema', () => {
  it('canonicalises vocabulary synonyms and fills defaults', () => {
    const parsed = ActivitySchema.parse(
      activity('a1', {
        category: 'Advice',
        tags: ['Bee-Keeping', 'walking group', 'Pétanque'],
        conditions: { designedFor: ['Chronic Obstructive Pulmonary Disease', 'T2D'] },
        needs: ['Debt advice', 'lonely'],
      }),
    );
    expect(parsed.category).toBe('practical-support');
    expect(parsed.tags).toEqual(['beekeeping', 'walking', 'petanque']);
    expect(parsed.conditions).toEqual({ designedFor: ['copd', 'type-2-diabetes'], unsuitableFor: [] });
    expect(parsed.needs).toEqual(['debt', 'loneliness']);
    expect(parsed.timeZone).toBe('Europe/London');
    expect(parsed.languages).toEqual(['en']);
  });

  it.each([
    ['a session at 25:00', { sessions: [{ day: 'wed', start: '25:00', end: '26:00' }] }, 'sessions.0.start: expected HH:MM'],
    ['a session ending before it starts', { sessions: [{ day: 'wed', start: '15:00', end: '14:00' }] }, 'sessions.0.end: expected end after start'],
    ['an unknown day', { sessions: [{ day: 'funday', start: '10:00', end: '11:00' }] }, 'sessions.0.day: expected a day: mon, tue, wed, thu, fri, sat or sun'],
    ['latitude 200', { location: { kind: 'venue', lat: 200, lon: 0 } }, 'location.lat: expected latitude in degrees (-90 to 90)'],
    ['an unknown condition', { conditions: { unsuitableFor: ['vampirism'] } }, "conditions.unsuitableFor.0: expected a condition from the vocabulary (e.g. 'asthma', 'copd')"],
    ['an impossible date', { lastVerified: '2026-02-30' }, 'lastVerified: expected a date YYYY-MM-DD between 1900 and 2999'],
    ['a zone that does not exist', { timeZone: 'Europe/Atlantis' }, 'timeZone: expected an IANA time zone such as Europe/London'],
    ['minAge above maxAge', { eligibility: { minAge: 60, maxAge: 50 } }, 'eligibility.maxAge: expected minAge not above maxAge'],
    ['a negative price', { cost: { level: 'low', amountGBP: -3 } }, 'cost.amountGBP: expected an amount in pounds'],
    ['an unknown location kind', { location: { kind: 'moon' } }, "location.kind: expected a location with kind 'venue', 'home', 'phone' or 'online'"],
  ])('rejects %s, naming the field and the expected form', (_label, overrides, expected) => {
    expect(issuesOf(ActivitySchema.safeParse(activity('a1', overrides as object)))).toContain(expected);
  });

  it('rejects misspelt fields instead of silently dropping them', () => {
    const result = ActivitySchema.safeParse({ ...activity('a1'), sesions: [] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.code).toBe('unrecognized_keys');
  });
});

describe('ClientProfileSchema', () => {
  it('needs an age or a date of birth', () => {
    expect(issuesOf(ClientProfileSchema.safeParse({ activation: 2 }))).toEqual(['age: expected age or dateOfBirth']);
    expect(ClientProfileSchema.safeParse({ activation: 2, dateOfBirth: '1960-05-01' }).success).toBe(true);
  });

  it('rejects an activation level outside 1 to 4', () => {
    expect(issuesOf(ClientProfileSchema.safeParse(client({ activation: 5 as never })))).toEqual(['activation: expected an activation level 1, 2, 3 or 4']);
  });

  it('fills in defaults: any budget, no access needs, English', () => {
    const parsed = ClientProfileSchema.parse({ age: 50, activation: 3 });
    expect(parsed.budget).toBe('any');
    expect(parsed.accessibility).toEqual({ wheelchair: false, stepFree: false, hearingLoop: false });
    expect(parsed.languages).toEqual(['en']);
    expect(parsed.housebound).toBe(false);
  });

  it('never quotes the client’s values in its messages', () => {
    const result = ClientProfileSchema.safeParse({ age: 'seventy-three', activation: 2, conditions: ['secret-condition-xyz'], gender: 'confidential-xyz' });
    const text = JSON.stringify(result.error?.issues);
    expect(result.success).toBe(false);
    expect(text).not.toContain('seventy-three');
    expect(text).not.toContain('xyz');
  });
});

describe('MatchingRulesSchema and DEFAULT_RULES', () => {
  it('lets a notebook change one weight and keep every other default', () => {
    const rules = MatchingRulesSchema.parse({ weights: { cost: 3 } });
    expect(rules.weights.cost).toBe(3);
    expect({ ...rules.weights, cost: DEFAULT_RULES.weights.cost }).toEqual(DEFAULT_RULES.weights);
    expect(rules.diversity).toEqual(DEFAULT_RULES.diversity);
  });

  it('accepts a JSON round trip of the defaults unchanged', () => {
    expect(MatchingRulesSchema.parse(JSON.parse(JSON.stringify(DEFAULT_RULES)))).toEqual(DEFAULT_RULES);
  });

  it('is frozen all the way down', () => {
    expect(Object.isFrozen(DEFAULT_RULES)).toBe(true);
    expect(Object.isFrozen(DEFAULT_RULES.weights)).toBe(true);
    expect(() => {
      (DEFAULT_RULES.weights as { cost: number }).cost = 9;
    }).toThrow(TypeError);
  });

  it.each([
    ['a negative weight', { weights: { distance: -1 } }, 'weights.distance: expected a finite weight >= 0'],
    ['an infinite weight', { weights: { distance: Infinity } }, 'weights.distance: expected a finite weight >= 0'],
    ['a NaN weight', { weights: { distance: NaN } }, 'weights.distance: expected a finite weight >= 0'],
    ['all weights zero', { weights: { distance: 0, conditions: 0, activation: 0, needs: 0, interests: 0, avoidances: 0, cost: 0, schedule: 0, capacity: 0, freshness: 0 } }, 'weights: expected at least one weight above 0'],
    ['a misspelt weight', { weights: { distanse: 1 } }, 'weights: Unrecognized key: "distanse"'],
    ['staleDays not after freshDays', { freshness: { freshDays: 400, staleDays: 300 } }, 'freshness.staleDays: expected staleDays greater than freshDays'],
  ])('rejects %s', (_label, input, expected) => {
    expect(issuesOf(MatchingRulesSchema.safeParse(input))).toContain(expected);
  });
});

describe('messages for unexpected fields', () => {
  it('quote a key only when it is a likely typo of a field taken there, with the suggestion; any other key is named by its position', async () => {
    const { createMatcher } = await import('../../src/index.js');
    const { errorOf, activity } = await import('../helpers.js');
    // @ts-expect-error: TypeScript catches the typo too; the run-time check is for JavaScript callers
    expect(errorOf(() => createMatcher([{ ...activity('a'), sesions: [] }])).issues[0]?.message).toBe("unexpected field: 'sesions', did you mean 'sessions'?");
    const huge = errorOf(() => createMatcher([{ ...activity('a'), ['k'.repeat(1_000_000)]: 1 }]));
    expect(huge.message.length).toBeLessThan(300);
    expect(huge.issues[0]?.message).toMatch(/^unexpected field: the \d+(st|nd|rd|th) field given here \(a name far from every expected field is not repeated\)$/);
  });
});
