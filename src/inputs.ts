/**
 * The types of what callers pass in: what TypeScript checks at compile time. The schemas still
 * check everything at run time, for JavaScript callers and data from outside (a JSON file, a
 * request body): these types only stop mistakes that can be seen in the code.
 *
 * @module
 */
import type { z } from 'zod';
import type { ExplainOptionsSchema, RecommendOptionsSchema } from './schema/recommend-options.js';

/**
 * `T` with every array and object read-only, all the way down: what the library accepts, since
 * it never mutates its input (`as const` data is welcome). Dates stay as they are.
 */
export type DeepReadonly<T> = T extends Date ? T : T extends readonly (infer U)[] ? readonly DeepReadonly<U>[] : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;

/** A moment: a `Date`, or an ISO 8601 date-time with an offset (`'2026-11-23T09:00:00Z'`). */
export type Instant = Date | string;

/** Options of `recommend` and `recommendMany`, as written: `at` (required), `limit` (1 to 100, default 5), `rules`. */
export type RecommendOptions = DeepReadonly<Omit<z.input<typeof RecommendOptionsSchema>, 'at'>> & { readonly at: Instant };

/** Options of `explain`, as written: `at` (required) and `rules`. */
export type ExplainOptions = DeepReadonly<Omit<z.input<typeof ExplainOptionsSchema>, 'at'>> & { readonly at: Instant };
