// Must compile under tsc --strict. Each @ts-expect-error line must be an error.
import { createMatcher, isActivityMatchError, safeCreateMatcher } from 'activity-match';
import type { ActivityInput, ClientProfileInput, Recommendation, SafeResult, Matcher } from 'activity-match';
import { haversineKm } from 'activity-match/factors';
import { nextOccurrences } from 'activity-match/time';
import { fromOpenReferral } from 'activity-match/open-referral';
import { evaluate } from 'activity-match/evaluate';
import { syncFeed } from 'activity-match/sync';
import type { SyncOptions } from 'activity-match/sync';
import { catalogue, personas } from 'activity-match/sample';

const walk: ActivityInput = { id: 'walk', name: 'Health walk', category: 'physical-activity', location: { kind: 'venue', lat: 53.38, lon: -1.47 } };
const client: ClientProfileInput = { age: 67, activation: 2, conditions: ['COPD'], home: { lat: 53.41, lon: -1.46 } };
const matcher: Matcher = createMatcher([...catalogue, walk]);
const list: Recommendation[] = matcher.recommend(client, { at: new Date(), limit: 5 });
const frozen = { age: 70, activation: 3, interests: ['singing'] } as const;
matcher.recommend(frozen, { at: '2026-11-23T09:00:00Z' });
matcher.explain(personas[0]!.profile, 'walk', { at: '2026-11-23T09:00:00Z' });
const result: SafeResult<Matcher> = safeCreateMatcher(JSON.parse('[]') as unknown, { lenient: true });
if (!result.ok && isActivityMatchError(result.error)) result.error.issues.map((i) => i.path);
const km: number = haversineKm(53.38, -1.47, 51.5, -0.12);
const options: SyncOptions = { concurrency: 2 };
export { list, km, options, nextOccurrences, fromOpenReferral, evaluate, syncFeed };

// @ts-expect-error: an age is a number, and 'activaton' is misspelt
matcher.recommend({ age: 'sixty', activaton: 2 }, { at: new Date() });
// @ts-expect-error: `at` is a Date or an ISO string
matcher.recommend(client, { at: 12345 });
// @ts-expect-error: a name alone is not an activity
createMatcher([{ id: 'a1', name: 'Walk' }]);
// @ts-expect-error: unchecked data needs { lenient: true }
createMatcher(JSON.parse('[]') as unknown);
