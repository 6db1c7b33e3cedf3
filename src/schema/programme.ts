/**
 * Courses of fixed length (e.g. a 10-week falls-prevention course): the schema. Whether someone
 * can join one now is worked out in `src/time/joining.ts`.
 *
 * @module
 */
import { z } from 'zod';
import { IsoDateSchema, text } from './common.js';

const weeksError = 'expected a whole number of weeks from 1 to 520';

/**
 * A programme: a fixed cohort that starts together (`rolling: false`, the default), or rolling
 * enrolment where people join any week and each does `weeks` weeks.
 *
 * - `startDate`: the first (or current) cohort's first day.
 * - `latestJoinWeek`: fixed cohorts only; the last week of a cohort in which newcomers are
 *   still taken (default 1: join in the first week only). Not allowed with `rolling: true`.
 * - `intakes`: start dates of later cohorts, output sorted and de-duplicated.
 *
 * @example
 * ```ts
 * ProgrammeSchema.parse({ startDate: '2026-03-02', weeks: 10, latestJoinWeek: 2, intakes: ['2026-06-01'] });
 * ProgrammeSchema.parse({ startDate: '2026-01-05', weeks: 12, rolling: true });
 * ```
 */
export const ProgrammeSchema = z
  .strictObject(
    {
      /** First day of the first (or current) cohort; absent means no fixed dates: join any time. */
      startDate: IsoDateSchema.optional(),
      weeks: z.number({ error: weeksError }).int({ error: weeksError }).min(1, { error: weeksError }).max(520, { error: weeksError }),
      rolling: z.boolean({ error: 'expected true or false' }).default(false),
      latestJoinWeek: z.number({ error: 'expected a week number (a whole number, at least 1)' }).int({ error: 'expected a week number (a whole number, at least 1)' }).min(1, { error: 'expected a week number (a whole number, at least 1)' }).optional(),
      intakes: z
        .array(IsoDateSchema, { error: 'expected a list of dates YYYY-MM-DD' })
        .max(100, { error: 'expected at most 100 intakes' })
        .transform((dates) => [...new Set(dates)].sort())
        .default([]),
      description: text(1000, 'a description').optional(),
    },
    { error: 'expected a programme {startDate, weeks}' },
  )
  .superRefine((p, ctx) => {
    if (p.startDate === undefined && (p.latestJoinWeek !== undefined || p.intakes.length > 0)) ctx.addIssue({ code: 'custom', path: ['startDate'], message: 'expected startDate when latestJoinWeek or intakes are given' });
    if (p.latestJoinWeek !== undefined && p.rolling) ctx.addIssue({ code: 'custom', path: ['latestJoinWeek'], message: 'expected no latestJoinWeek with rolling enrolment (people can join any week)' });
    if (p.latestJoinWeek !== undefined && p.latestJoinWeek > p.weeks) ctx.addIssue({ code: 'custom', path: ['latestJoinWeek'], message: 'expected latestJoinWeek not after the last week (weeks)' });
  });

/** A validated programme. */
export type Programme = z.output<typeof ProgrammeSchema>;
