/**
 * The public, typed `createMatcher`. It checks at compile time what the matcher checks again at
 * run time: a catalogue of activity records as written (`ActivityInput`), or, for a lenient load,
 * data of any shape (a JSON file, a feed), whose bad records end up in `matcher.rejected`. The
 * library's own modules call the implementation in `matcher.ts`, which takes `unknown`.
 *
 * @module
 */
import { createMatcher as compileMatcher } from './matcher.js';
import type { Matcher, MatcherOptions } from './matcher.js';
import type { DeepReadonly } from './inputs.js';
import type { ActivityInput } from './schema/activity.js';

/**
 * Validates and compiles a catalogue once, and returns a {@link Matcher}. TypeScript checks the
 * records against `ActivityInput`; with `{ lenient: true }` anything is accepted (bad records are
 * reported in `matcher.rejected`), for data read from outside.
 *
 * @throws {ActivityMatchError} `INVALID_CATALOGUE` or `DUPLICATE_ID` (strict mode), `INVALID_RULES`, `INVALID_OPTIONS`.
 * @example
 * ```ts
 * const matcher = createMatcher([
 *   { id: 'walk', name: 'Health walk', category: 'physical-activity', location: { kind: 'venue', lat: 53.38, lon: -1.47 } },
 * ]);
 * const [first] = matcher.recommend({ age: 67, activation: 2, home: { lat: 53.38, lon: -1.47 } }, { at: new Date() });
 * first?.id; // 'walk'
 * createMatcher(JSON.parse(text) as unknown, { lenient: true }).rejected; // records left out, with every reason
 * ```
 */
export function createMatcher(activities: readonly DeepReadonly<ActivityInput>[], options?: MatcherOptions): Matcher;
export function createMatcher(activities: unknown, options: MatcherOptions & { readonly lenient: true }): Matcher;
export function createMatcher(activities: unknown, options?: MatcherOptions): Matcher {
  return compileMatcher(activities, options);
}
