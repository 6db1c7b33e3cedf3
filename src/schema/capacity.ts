/**
 * Places left and waiting lists (after HSDS 3.1 `service_capacity`): the schema. What they mean
 * for a referral is worked out in `src/time/places.ts`.
 *
 * @module
 */
import { z } from 'zod';
import { IsoDateSchema, text } from './common.js';

const count = (what: string, max: number) =>
  z.number({ error: `expected ${what}` }).int({ error: `expected ${what}` }).min(0, { error: `expected ${what}` }).max(max, { error: `expected ${what} of at most ${max}` });

/**
 * How full an activity is. Every field is optional: absent means not recorded.
 *
 * @example
 * ```ts
 * CapacitySchema.parse({ placesLeft: 0, waitingList: true, usualWaitWeeks: 3, updated: '2026-02-01' });
 * ```
 */
export const CapacitySchema = z.strictObject(
  {
    /** Places free now (0 = full). */
    placesLeft: count('a whole number of places', 100_000).optional(),
    /** Whether a waiting list is kept when full. */
    waitingList: z.boolean({ error: 'expected true or false' }).optional(),
    /** Usual wait for a place, in whole weeks. */
    usualWaitWeeks: count('a whole number of weeks', 520).optional(),
    /** When the figures were last updated. */
    updated: IsoDateSchema.optional(),
    /** The provider's words, e.g. "spaces usually free in September". */
    description: text(500, 'a description').optional(),
  },
  { error: 'expected capacity {placesLeft?, waitingList?, usualWaitWeeks?}' },
);

/** Validated capacity. */
export type Capacity = z.output<typeof CapacitySchema>;
