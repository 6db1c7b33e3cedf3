import { z } from 'zod';
import { InstantSchema } from './common.js';
import { MatchingRulesSchema } from './rules.js';

/**
 * Options of `recommend`.
 *
 * @example
 * ```ts
 * RecommendOptionsSchema.parse({ at: '2026-03-02T10:00:00Z' }); // { at: new Date('2026-03-02T10:00:00Z'), limit: 5 }
 * RecommendOptionsSchema.safeParse({ at: '2026-03-02T10:00:00Z', limit: 0 }).success; // false
 * ```
 */
export const RecommendOptionsSchema = z.strictObject({
  /** The moment of the recommendation: ages, next sessions and freshness are worked out at it. Required, so results are reproducible. */
  at: InstantSchema,
  /** How many activities to return, 1 to 100 (default 5). */
  limit: z.number({ error: 'expected a whole number from 1 to 100' }).int({ error: 'expected a whole number from 1 to 100' }).min(1, { error: 'expected a whole number from 1 to 100' }).max(100, { error: 'expected a whole number from 1 to 100' }).default(5),
  /** Rules for this call; defaults to the matcher's rules. Missing fields take their defaults. */
  rules: MatchingRulesSchema.optional(),
});

/** Options of `recommend`, as written. */
export type RecommendOptions = z.input<typeof RecommendOptionsSchema>;

/** Options of `explain`, as written. */
export const ExplainOptionsSchema = RecommendOptionsSchema.omit({ limit: true });
/** Options of `explain`, as written. */
export type ExplainOptions = z.input<typeof ExplainOptionsSchema>;
