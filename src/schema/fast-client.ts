/**
 * The validation fast path for `ClientProfileSchema` (./client.ts), under the same contract as
 * the catalogue's (./fast-activity.ts): it only ever *accepts*, with exactly zod's output (values,
 * own keys and their order, defaults written), deep-frozen; anything invalid or unfamiliar comes
 * back `undefined`, and the caller runs zod for the verdict and the error messages.
 *
 * Why a profile needs one: every `recommend` validates its profile, and after a search over a
 * large catalogue zod's schema walk runs on cold caches. At 1M activities it cost 64–143 µs a
 * query in one process (13.6 µs when timed alone, warm); this path, 28–34 µs in the same
 * setting. Paired runs (BENCHMARKS.md): recommend 0.93–0.94×, recommendMany 0.91×.
 *
 * Profiles are health data. The shared caches keep only spellings of condition and need names
 * that the vocabulary accepts and "HH:MM" times, bounded, never linked to a profile; dates,
 * texts and numbers are checked without caches, so no date of birth or date away is kept.
 *
 * It is compiled from the schema (./fast-object.ts, ./fast-compile.ts): every field and
 * sub-object (home, local area, travel, accessibility, dates away), their order, presence,
 * defaults, rules and refinements. Written here are only the cached vocabulary lists and the
 * weekly windows, each a call of the shared rule the schema calls.
 *
 * The tests (test/schema/fast-client.test.ts) pin this module to zod: the bundled personas,
 * random profiles, every single edit of a full profile, and random mutations must give zod's
 * exact output or `undefined`.
 *
 * @module
 */
import { ClientProfileSchema } from './client.js';
import type { ClientProfile } from './client.js';
import { conditionList, groupList, needList, windowList } from './fast-common.js';
import { objectCheck } from './fast-object.js';

/**
 * `ClientProfileSchema`: every field's check compiled from the schema, but for the vocabulary
 * lists (cached) and the weekly windows (cached clock times).
 */
const profile = objectCheck(() => ClientProfileSchema, {
  conditions: conditionList,
  needs: needList,
  groups: groupList,
  availability: (v) => windowList(v, 100),
});

/**
 * Validates a client profile without zod when it can: returns exactly what
 * `ClientProfileSchema.parse(input)` would, deep-frozen, or `undefined` when the profile is
 * invalid or of a shape left to zod; then run `ClientProfileSchema.safeParse(input)` for the
 * verdict and the error messages. Never throws, never mutates or keeps `input`, never logs.
 * Internal: not exported from the package.
 *
 * @example
 * ```ts
 * const profile = fastParseClient({ age: 72, activation: 2, conditions: ['emphysema'] });
 * profile?.conditions; // ['copd']
 * profile?.budget;     // 'any'
 * fastParseClient({ activation: 2 }); // undefined (no age: zod writes the error)
 * ```
 */
export function fastParseClient(input: unknown): ClientProfile | undefined {
  try {
    return profile(input) as ClientProfile | undefined;
  } catch {
    return undefined;
  }
}
