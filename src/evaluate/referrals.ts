/**
 * Historical referrals: what was offered to whom, and what happened. The input of
 * `evaluate`, `compareRules` and `fitWeights`.
 *
 * Like every schema in activity-match, objects are strict (a misspelt field is an error) and
 * error messages name the field path, never the value: a referral carries health data.
 */
import { z } from 'zod';
import { ActivityMatchError } from '../errors.js';
import { ClientProfileSchema } from '../schema/client.js';
import { parseOrThrow } from '../validate.js';
import { IsoDateSchema, text } from '../schema/common.js';
import { guard } from '../guard.js';

const ActivityIdSchema = text(200, 'an activity id');

const score = (min: number, max: number, integer: boolean, what: string) => {
  const expected = `expected ${integer ? 'a whole number' : 'a number'} from ${min} to ${max} (${what})`;
  const base = z.number({ error: expected }).min(min, { error: expected }).max(max, { error: expected });
  return integer ? base.int({ error: expected }) : base;
};

/** The four ONS personal wellbeing questions, each answered 0 (not at all) to 10 (completely). */
const Ons4Schema = (min: number, what: string) =>
  z.strictObject({
    /** "Overall, how satisfied are you with your life nowadays?" */
    lifeSatisfaction: score(min, 10, true, what),
    /** "Overall, to what extent do you feel the things you do in your life are worthwhile?" */
    worthwhile: score(min, 10, true, what),
    /** "Overall, how happy did you feel yesterday?" */
    happiness: score(min, 10, true, what),
    /** "Overall, how anxious did you feel yesterday?" (higher is worse) */
    anxiety: score(min, 10, true, what),
  });

/**
 * A wellbeing measure before and after, by scale:
 * - `WEMWBS` (Warwick-Edinburgh, 14 items scored 1–5): a whole number from 14 to 70; change −56 to 56.
 *   A change of 3 or more is usually read as meaningful.
 * - `SWEMWBS` (short, 7 items): the metric score from 7 to 35 (decimals allowed after the
 *   Rasch conversion); change −28 to 28.
 * - `ONS4` (ONS personal wellbeing): four answers 0–10 each; change −10 to 10 per question.
 *
 * Any of `before`, `after` and `change` may be missing (follow-up is often incomplete); when
 * all three are given, `change` must equal `after − before`.
 *
 * @example
 * ```ts
 * WellbeingSchema.parse({ scale: 'WEMWBS', before: 38, after: 43, change: 5 });
 * WellbeingSchema.safeParse({ scale: 'WEMWBS', before: 13 }).success; // false: WEMWBS runs from 14
 * ```
 */
export const WellbeingSchema = z
  .discriminatedUnion(
    'scale',
    [
      z.strictObject({
        scale: z.literal('WEMWBS'),
        before: score(14, 70, true, 'WEMWBS').optional(),
        after: score(14, 70, true, 'WEMWBS').optional(),
        change: score(-56, 56, true, 'WEMWBS change').optional(),
      }),
      z.strictObject({
        scale: z.literal('SWEMWBS'),
        before: score(7, 35, false, 'SWEMWBS').optional(),
        after: score(7, 35, false, 'SWEMWBS').optional(),
        change: score(-28, 28, false, 'SWEMWBS change').optional(),
      }),
      z.strictObject({
        scale: z.literal('ONS4'),
        before: Ons4Schema(0, 'ONS4 answer').optional(),
        after: Ons4Schema(0, 'ONS4 answer').optional(),
        change: Ons4Schema(-10, 'ONS4 change').optional(),
      }),
    ],
    { error: "expected a wellbeing measure with scale 'WEMWBS', 'SWEMWBS' or 'ONS4'" },
  )
  .refine(changeAgrees, { error: 'expected change to equal after minus before', path: ['change'] });

function changeAgrees(w: { scale: string; before?: unknown; after?: unknown; change?: unknown }): boolean {
  const { before, after, change } = w;
  if (before === undefined || after === undefined || change === undefined) return true;
  if (typeof before === 'number' && typeof after === 'number' && typeof change === 'number') return Math.abs(after - before - change) < 1e-6;
  const b = before as Record<string, number>;
  const a = after as Record<string, number>;
  const c = change as Record<string, number>;
  return Object.keys(c).every((key) => (a[key] ?? 0) - (b[key] ?? 0) === c[key]);
}

/**
 * How the referral was made: with a link worker's support, or as a list handed over.
 *
 * @example
 * ```ts
 * REFERRAL_SUPPORT.includes('list-only'); // true
 * ```
 */
export const REFERRAL_SUPPORT = ['link-worker', 'list-only'] as const;

/**
 * One historical referral: the client as they were at the time, the activities offered in the
 * order they were presented, and the outcome.
 *
 * - `offered[].rank` is 1-based and unique within the referral (gaps are allowed).
 * - `takenUp` is the id of the one offered activity the client chose, or `null`.
 * - `attended`: went to the first session (needs `takenUp`).
 * - `completed`: attended at least 75% of a programme, or was still going after 12 weeks for an
 *   open-ended activity (needs `attended`).
 * - `support`: `'link-worker'` (default) when a link worker talked the options through,
 *   `'list-only'` when the client was given a personalised list to follow up alone.
 *
 * @example
 * ```ts
 * ReferralSchema.parse({
 *   id: 'r0001', date: '2026-03-02',
 *   client: { age: 67, activation: 2, conditions: ['COPD'] },
 *   offered: [{ activityId: 'healthy-lungs-course', rank: 1 }, { activityId: 'singing-lung-health', rank: 2 }],
 *   takenUp: 'singing-lung-health', attended: true, completed: false,
 *   wellbeing: { scale: 'WEMWBS', before: 38, after: 43, change: 5 },
 * });
 * ```
 */
export const ReferralSchema = z
  .strictObject({
    /** A pseudonymous referral reference, never a name or NHS number. */
    id: text(100, 'a referral id'),
    /** The day the referral was made. */
    date: IsoDateSchema,
    /** The client profile at the time of the referral. */
    client: ClientProfileSchema,
    support: z.enum(REFERRAL_SUPPORT, { error: "expected 'link-worker' or 'list-only'" }).default('link-worker'),
    offered: z
      .array(
        z.strictObject({
          activityId: ActivityIdSchema,
          rank: z.number({ error: 'expected a rank: a whole number from 1' }).int({ error: 'expected a rank: a whole number from 1' }).min(1, { error: 'expected a rank: a whole number from 1' }).max(1000, { error: 'expected a rank of at most 1000' }),
        }),
        { error: 'expected a list of offered activities' },
      )
      .min(1, { error: 'expected at least one offered activity' })
      .max(100, { error: 'expected at most 100 offered activities' }),
    takenUp: ActivityIdSchema.nullable(),
    attended: z.boolean({ error: 'expected true or false' }),
    completed: z.boolean({ error: 'expected true or false' }),
    wellbeing: WellbeingSchema.optional(),
  })
  .superRefine((r, ctx) => {
    const ids = new Set<string>();
    const ranks = new Set<number>();
    r.offered.forEach((o, i) => {
      if (ids.has(o.activityId)) ctx.addIssue({ code: 'custom', message: 'expected each activity to be offered once', path: ['offered', i, 'activityId'] });
      if (ranks.has(o.rank)) ctx.addIssue({ code: 'custom', message: 'expected ranks to be unique within a referral', path: ['offered', i, 'rank'] });
      ids.add(o.activityId);
      ranks.add(o.rank);
    });
    if (r.takenUp !== null && !ids.has(r.takenUp)) ctx.addIssue({ code: 'custom', message: 'expected the id of one of the offered activities, or null', path: ['takenUp'] });
    if (r.attended && r.takenUp === null) ctx.addIssue({ code: 'custom', message: 'expected attended to be false when nothing was taken up', path: ['attended'] });
    if (r.completed && !r.attended) ctx.addIssue({ code: 'custom', message: 'expected completed to be false when the first session was not attended', path: ['completed'] });
  });

/**
 * A referral history: a list of referrals with unique ids.
 *
 * @example
 * ```ts
 * import history from './fixtures/referrals/history.json';
 * const referrals = ReferralHistorySchema.parse(history);
 * referrals.filter((r) => r.attended).length / referrals.length; // uptake
 * ```
 */
export const ReferralHistorySchema = z
  .array(ReferralSchema, { error: 'expected a list of referrals' })
  .max(1_000_000, { error: 'expected at most 1000000 referrals' })
  .superRefine((referrals, ctx) => {
    const seen = new Set<string>();
    referrals.forEach((r, i) => {
      if (seen.has(r.id)) ctx.addIssue({ code: 'custom', message: 'expected referral ids to be unique', path: [i, 'id'] });
      seen.add(r.id);
    });
  });

/** A validated referral. */
export type Referral = z.infer<typeof ReferralSchema>;
/** A referral as written, before validation. */
export type ReferralInput = z.input<typeof ReferralSchema>;
/** A wellbeing measure. */
export type Wellbeing = z.infer<typeof WellbeingSchema>;
/** How a referral was made. */
export type ReferralSupport = (typeof REFERRAL_SUPPORT)[number];

/**
 * The moment a referral is evaluated at. Referrals record a day, not a time, so every one is
 * evaluated (and generated) at 12:00 UTC on its date: ages, next sessions and record freshness
 * are worked out then.
 *
 * @example
 * ```ts
 * referralInstant('2026-03-02'); // '2026-03-02T12:00:00Z'
 * ```
 */
export function referralInstant(date: string): string {
  return `${parseOrThrow(IsoDateSchema, date, 'INVALID_OPTIONS', 'date')}T12:00:00Z`;
}

/** What {@link judgementsFor} reads of a referral. */
const OutcomesSchema = z.object(
  {
    offered: z.array(z.object({ activityId: z.string({ error: 'expected an activity id' }).max(200, { error: 'expected an activity id' }) }, { error: 'expected an offered activity { activityId, … }' }), { error: 'expected a list of offered activities' }),
    takenUp: z.string({ error: 'expected an activity id or null' }).max(200, { error: 'expected an activity id or null' }).nullable(),
    attended: z.boolean({ error: 'expected true or false' }),
    completed: z.boolean({ error: 'expected true or false' }),
  },
  { error: 'expected a referral (ReferralSchema)' },
);

/**
 * Which outcome makes an offered activity relevant in an evaluation (see {@link judgementsFor}).
 *
 * @example
 * ```ts
 * evaluate(DEFAULT_RULES, history, { catalogue, relevance: RELEVANCE[2] }); // 'completed'
 * ```
 */
export const RELEVANCE = ['taken-up', 'attended', 'completed', 'graded'] as const;
/** See {@link RELEVANCE}. */
export type Relevance = (typeof RELEVANCE)[number];

/**
 * The judgements (activity id → grade) one referral gives, for the ranking metrics:
 * - `'taken-up'`: the activity taken up has grade 1;
 * - `'attended'`: grade 1 if its first session was attended;
 * - `'completed'`: grade 1 if it was completed;
 * - `'graded'`: 1 taken up, 2 attended, 3 completed.
 * Everything else offered has grade 0. A referral with no positive grade cannot be scored.
 * The fields read (`offered[].activityId`, `takenUp`, `attended`, `completed`) and `relevance`
 * are checked: anything else throws `INVALID_OPTIONS` with the path.
 *
 * @example
 * ```ts
 * judgementsFor(referral, 'graded'); // { 'singing-lung-health': 2, 'healthy-lungs-course': 0 }
 * ```
 */
export function judgementsFor(referral: Referral, relevance: Relevance): Record<string, number> {
  return guard([{ code: 'INVALID_OPTIONS', path: 'referral', value: referral, fields: [OutcomesSchema] }], () => judgementsForUnguarded(referral, relevance));
}

function judgementsForUnguarded(referral: Referral, relevance: Relevance): Record<string, number> {
  referral = parseOrThrow(OutcomesSchema, referral, 'INVALID_OPTIONS', 'referral') as Referral;
  if (!(RELEVANCE as readonly unknown[]).includes(relevance)) throw new ActivityMatchError('INVALID_OPTIONS', [{ path: 'relevance', message: `expected one of ${RELEVANCE.map((r) => `'${r}'`).join(', ')}` }]);
  const grades: Record<string, number> = {};
  for (const o of referral.offered) grades[o.activityId] = 0;
  const taken = referral.takenUp;
  if (taken === null) return grades;
  const grade =
    relevance === 'taken-up' ? 1
    : relevance === 'attended' ? (referral.attended ? 1 : 0)
    : relevance === 'completed' ? (referral.completed ? 1 : 0)
    : 1 + (referral.attended ? 1 : 0) + (referral.completed ? 1 : 0);
  grades[taken] = grade;
  return grades;
}
