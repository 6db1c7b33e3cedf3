/**
 * Inclusive ranges of calendar dates (closures, dates away): the type and its schema.
 *
 * @module
 */
import { z } from 'zod';
import { IsoDateSchema, text } from './common.js';

/**
 * An inclusive range of calendar dates, e.g. a half-term closure or a holiday away.
 *
 * @example
 * ```ts
 * const halfTerm: DateRange = { from: '2026-10-26', to: '2026-10-30', reason: 'half term' };
 * ```
 */
export interface DateRange {
  /** First date, "YYYY-MM-DD". */
  from: string;
  /** Last date, "YYYY-MM-DD", inclusive; equal to `from` for a single day. */
  to: string;
  /** Why, e.g. "Easter bank holiday". */
  reason?: string | undefined;
}

const RANGE_ERROR = 'expected a date YYYY-MM-DD or a range {from, to}';

/**
 * A single date "YYYY-MM-DD" or an inclusive range `{ from, to, reason? }`; a single
 * date is output as a one-day range, so every output is a {@link DateRange}.
 *
 * @example
 * ```ts
 * DateRangeSchema.parse('2026-12-25');                           // { from: '2026-12-25', to: '2026-12-25' }
 * DateRangeSchema.parse({ from: '2026-10-26', to: '2026-10-30' }); // half term
 * ```
 */
export const DateRangeSchema = z.preprocess(
  (value) => (typeof value === 'string' ? { from: value, to: value } : value),
  z
    .strictObject(
      {
        from: IsoDateSchema,
        to: IsoDateSchema,
        reason: text(200, 'a reason').optional(),
      },
      { error: RANGE_ERROR },
    )
    .refine((r) => r.to >= r.from, { error: 'expected to on or after from', path: ['to'] }),
);
