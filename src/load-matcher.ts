/**
 * `loadMatcher`: a matcher from the bytes of `matcher.toSnapshot()` (issue #20), without
 * validating or compiling anything again: the snapshot's sections become the index's typed
 * arrays (views of the bytes), and its activity records are decoded when a query first
 * returns them.
 *
 * @module
 */
import { partsOf } from './catalogue/parts.js';
import { guard } from './guard.js';
import { matcherOf } from './matcher.js';
import type { Matcher } from './matcher.js';
import { decodeSnapshot } from './snapshot/decode.js';

/**
 * A matcher from a snapshot (`matcher.toSnapshot()`), answering exactly as the matcher that
 * wrote it. The matcher reads the bytes in place: keep them unchanged while it is in use.
 *
 * @throws {ActivityMatchError} `INVALID_SNAPSHOT` for anything that is not an intact snapshot of this format version.
 * @example
 * ```ts
 * const bytes = createMatcher(catalogue).toSnapshot();
 * const matcher = loadMatcher(bytes); // in another process, or after a restart: no compiling
 * matcher.recommend(client, { at: new Date() });
 * ```
 */
export function loadMatcher(bytes: Uint8Array): Matcher {
  return guard([], () => {
    const decoded = decodeSnapshot(bytes);
    return matcherOf({ parts: partsOf(decoded.parts), rules: decoded.rules, rejected: decoded.rejected, activities: undefined });
  });
}
