/**
 * Results instead of exceptions, in the style of zod's `safeParse`, for backends that prefer to
 * branch on a value: `{ ok: true, value }` or `{ ok: false, error }`.
 *
 * @module
 */
import { isActivityMatchError } from './errors.js';
import type { ActivityMatchError } from './errors.js';

/**
 * What a `safe…` function returns: the value, or the {@link ActivityMatchError} the throwing
 * version would have thrown (bad input: a catalogue, a profile, options or rules). Only that
 * error is caught: anything else (a bug, running out of memory) is thrown as usual.
 *
 * @example
 * ```ts
 * const result = matcher.safeRecommend(client, { at });
 * if (result.ok) show(result.value);
 * else respond(422, result.error.toJSON()); // { name, code, message, issues }
 * ```
 */
export type SafeResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ActivityMatchError };

/** Runs `run`; an {@link ActivityMatchError} it throws becomes `{ ok: false, error }`, anything else propagates. */
export function attempt<T>(run: () => T): SafeResult<T> {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    if (isActivityMatchError(error)) return { ok: false, error };
    throw error;
  }
}
