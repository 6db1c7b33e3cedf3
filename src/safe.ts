/**
 * `safeCreateMatcher`: {@link createMatcher} returning a {@link SafeResult} instead of throwing.
 * The matcher's own non-throwing methods are `safeRecommend`, `safeRecommendMany` and
 * `safeExplain`.
 *
 * @module
 */
import { createMatcher } from './matcher.js';
import type { Matcher, MatcherOptions } from './matcher.js';
import type { DeepReadonly } from './inputs.js';
import { attempt } from './result.js';
import type { SafeResult } from './result.js';
import type { ActivityInput } from './schema/activity.js';

/**
 * {@link createMatcher} without exceptions: `{ ok: true, value: matcher }`, or `{ ok: false,
 * error }` with the `ActivityMatchError` it would have thrown (`INVALID_CATALOGUE`,
 * `DUPLICATE_ID`, `INVALID_RULES`, `INVALID_OPTIONS`). Other errors are thrown as usual.
 *
 * @example
 * ```ts
 * const created = safeCreateMatcher([{ id: 'a1', name: 'Walk' }]);
 * if (!created.ok) {
 *   created.error.code;             // 'INVALID_CATALOGUE'
 *   created.error.issues[0]?.path;  // 'activities[0].category'
 * }
 * ```
 */
export function safeCreateMatcher(activities: readonly DeepReadonly<ActivityInput>[], options?: MatcherOptions): SafeResult<Matcher>;
export function safeCreateMatcher(activities: unknown, options: MatcherOptions & { readonly lenient: true }): SafeResult<Matcher>;
export function safeCreateMatcher(activities: unknown, options?: MatcherOptions): SafeResult<Matcher> {
  return attempt(() => createMatcher(activities, options));
}
