// Type tests (vitest typecheck; also checked by `npm run typecheck`): the public inputs are typed,
// so tsc rejects what the run-time checks would reject, and accepts what they accept. An expected
// error that stops being one (an unused ts-expect-error directive) fails the check.
import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { ActivityMatchError, ClientProfileSchema, createMatcher, isActivityMatchError, safeCreateMatcher } from '../../src/index.js';
import type { ActivityInput, ClientProfileInput, DeepReadonly, Explanation, ExplainOptions, Instant, Matcher, RecommendOptions, Recommendation, SafeResult } from '../../src/index.js';

declare const matcher: Matcher;
declare const unknownData: unknown;
const at = '2026-11-23T09:00:00Z';
const walk = { id: 'walk', name: 'Health walk', category: 'physical-activity', location: { kind: 'venue', lat: 53.38, lon: -1.47 } } as const;

describe('createMatcher', () => {
  it('takes activity records as written, as const or not', () => {
    expectTypeOf(createMatcher([walk])).toEqualTypeOf<Matcher>();
    const records: ActivityInput[] = [{ id: 'a1', name: 'Walk', category: 'physical-activity', location: { kind: 'online' } }];
    expectTypeOf(createMatcher(records, { rules: { weights: { distance: 2 } } })).toEqualTypeOf<Matcher>();
  });

  it('rejects records missing what every activity needs, or with a wrong field', () => {
    // @ts-expect-error: a name alone is not an activity (no category, no location)
    createMatcher([{ id: 'a1', name: 'Walk' }]);
    // @ts-expect-error: 'venu' is not a location kind
    createMatcher([{ ...walk, location: { kind: 'venu', lat: 53.38, lon: -1.47 } }]);
    // @ts-expect-error: latitude is a number
    createMatcher([{ ...walk, location: { kind: 'venue', lat: '53.38', lon: -1.47 } }]);
    // @ts-expect-error: a misspelt field
    createMatcher([{ ...walk, sesions: [] }]);
    // @ts-expect-error: the catalogue is an array
    createMatcher(walk);
  });

  it('takes data of unknown shape only for a lenient load', () => {
    expectTypeOf(createMatcher(unknownData, { lenient: true })).toEqualTypeOf<Matcher>();
    // @ts-expect-error: unchecked data needs { lenient: true }, or a type assertion after checking it
    createMatcher(unknownData);
    // @ts-expect-error: options are checked too
    createMatcher([walk], { lenient: 'yes' });
    // @ts-expect-error: an unknown option
    createMatcher([walk], { strict: true });
  });

  it('safeCreateMatcher takes the same and returns a result', () => {
    expectTypeOf(safeCreateMatcher([walk])).toEqualTypeOf<SafeResult<Matcher>>();
    expectTypeOf(safeCreateMatcher(unknownData, { lenient: true })).toEqualTypeOf<SafeResult<Matcher>>();
    // @ts-expect-error: as createMatcher
    safeCreateMatcher([{ id: 'a1', name: 'Walk' }]);
  });
});

describe('recommend, recommendMany and explain', () => {
  it('take a client profile as written, and options whose `at` is a Date or an ISO string', () => {
    expectTypeOf(matcher.recommend({ age: 67, activation: 2, conditions: ['COPD'] }, { at })).toEqualTypeOf<Recommendation[]>();
    expectTypeOf(matcher.recommend({ dateOfBirth: '1959-04-01', activation: 4 }, { at: new Date(), limit: 10 })).toEqualTypeOf<Recommendation[]>();
    expectTypeOf(matcher.explain({ age: 67, activation: 2 }, 'walk', { at })).toEqualTypeOf<Explanation>();
    expectTypeOf(matcher.recommendMany([{ age: 67, activation: 2 }], { at })).toEqualTypeOf<Recommendation[][]>();
    const frozen = { age: 67, activation: 2, conditions: ['COPD'], home: { lat: 53.41, lon: -1.46 } } as const;
    expectTypeOf(matcher.recommend(frozen, { at })).toEqualTypeOf<Recommendation[]>();
    expectTypeOf<RecommendOptions['at']>().toEqualTypeOf<Instant>();
    expectTypeOf<Instant>().toEqualTypeOf<Date | string>();
    expectTypeOf<ExplainOptions['at']>().toEqualTypeOf<Date | string>();
  });

  it('reject the mistakes tsc used to let through', () => {
    // @ts-expect-error: an age is a number; 'activaton' is misspelt
    matcher.recommend({ age: 'sixty', activaton: 2 }, { at });
    // @ts-expect-error: activation levels are 1 to 4
    matcher.recommend({ age: 60, activation: 5 }, { at });
    // @ts-expect-error: activation is required
    matcher.recommend({ age: 60 }, { at });
    // @ts-expect-error: `at` is a Date or an ISO string, not a number
    matcher.recommend({ age: 60, activation: 2 }, { at: 12345 });
    // @ts-expect-error: `at` is required
    matcher.recommend({ age: 60, activation: 2 }, { limit: 5 });
    // @ts-expect-error: a limit is a number
    matcher.recommend({ age: 60, activation: 2 }, { at, limit: '5' });
    // @ts-expect-error: an unknown weight
    matcher.recommend({ age: 60, activation: 2 }, { at, rules: { weights: { distanse: 2 } } });
    // @ts-expect-error: explain has no limit
    matcher.explain({ age: 60, activation: 2 }, 'walk', { at, limit: 3 });
    // @ts-expect-error: an activity id is a string
    matcher.explain({ age: 60, activation: 2 }, 7, { at });
    // @ts-expect-error: a caseload is an array of profiles
    matcher.recommendMany({ age: 60, activation: 2 }, { at });
    // @ts-expect-error: unchecked data is not a profile (check it with ClientProfileSchema first, or assert its type)
    matcher.recommend(unknownData, { at });
  });

  it('the safe variants take the same and narrow on ok', () => {
    const result = matcher.safeRecommend({ age: 67, activation: 2 }, { at });
    expectTypeOf(result).toEqualTypeOf<SafeResult<Recommendation[]>>();
    if (result.ok) expectTypeOf(result.value).toEqualTypeOf<Recommendation[]>();
    else expectTypeOf(result.error).toEqualTypeOf<ActivityMatchError>();
    expectTypeOf(matcher.safeExplain({ age: 67, activation: 2 }, 'walk', { at })).toEqualTypeOf<SafeResult<Explanation>>();
    expectTypeOf(matcher.safeRecommendMany([{ age: 67, activation: 2 }], { at })).toEqualTypeOf<SafeResult<Recommendation[][]>>();
    // @ts-expect-error: as recommend
    matcher.safeRecommend({ age: 'sixty', activation: 2 }, { at });
  });
});

describe('the input types follow the schemas', () => {
  it('ClientProfileInput is what ClientProfileSchema takes', () => {
    expectTypeOf<ClientProfileInput>().toEqualTypeOf<z.input<typeof ClientProfileSchema>>();
    expectTypeOf(matcher.recommend).parameter(0).toEqualTypeOf<DeepReadonly<ClientProfileInput>>();
  });

  it('isActivityMatchError narrows', () => {
    const caught: unknown = new Error('x');
    if (isActivityMatchError(caught)) expectTypeOf(caught).toEqualTypeOf<ActivityMatchError>();
  });
});
