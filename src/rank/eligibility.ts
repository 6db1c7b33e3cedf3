import type { Columns } from '../catalogue/columns.js';
import { ACCESS, FLAG, KIND } from '../catalogue/columns.js';
import type { MatchingRules } from '../schema/rules.js';
import { isAffordable } from '../signals/factors.js';
import type { ClientContext } from './client-context.js';
import type { Measurements } from './measure.js';

/** The hard eligibility rules, in the order they are checked and reported. */
export const ELIGIBILITY_RULES = ['age', 'gender', 'unsuitable-condition', 'accessibility', 'travel', 'schedule', 'ended', 'programme', 'capacity', 'cost', 'language', 'gym-activation'] as const;
/** A hard eligibility rule id. */
export type EligibilityRule = (typeof ELIGIBILITY_RULES)[number];

type Rule = (ctx: ClientContext, c: Columns, p: number, m: Measurements, rules: MatchingRules) => boolean;

/**
 * Each rule as one pure predicate over the compiled columns: true when the activity at position
 * `p` passes. `explain` and the scoring pass both call these. They read only stage-1
 * measurements (`measureForRules`).
 */
export const RULE_PASSES: Readonly<Record<EligibilityRule, Rule>> = {
  /** The client's age is inside the activity's age range. */
  age: (ctx, c, p) => ctx.age >= (c.minAge[p] as number) && ((c.maxAge[p] as number) === 255 || ctx.age <= (c.maxAge[p] as number)),
  /** Gender-specific sessions take only the genders they list (a client whose gender is not recorded is not placed in them). */
  gender: (ctx, c, p) => (c.genders[p] as number) === 0 || ((c.genders[p] as number) & ctx.genderBit) !== 0,
  /** The activity is not listed as unsuitable for any of the client's conditions. */
  'unsuitable-condition': (ctx, c, p) => ((c.unsuitableFor[p] as number) & ctx.conditionMask) === 0,
  /**
   * A wheelchair user goes only to venues known to be wheelchair accessible; someone who needs
   * step-free access only to venues known to be step-free. Unknown counts as no: a wasted
   * journey is worse than a shorter list. Home and online activities pass.
   */
  accessibility: (ctx, c, p) => {
    if ((c.kind[p] as number) !== KIND.venue) return true;
    const access = c.access[p] as number;
    return (!ctx.wheelchair || (access & 3) === ACCESS.yes) && (!ctx.stepFree || ((access >> 2) & 3) === ACCESS.yes);
  },
  /**
   * Venues within the travel limit (not at all for a housebound client); home and online
   * services with an area only for clients inside it. An unknown distance passes.
   */
  travel: (ctx, c, p, m) => ((c.kind[p] as number) === KIND.venue ? !ctx.housebound && !(m.km > ctx.limitKm) : !(m.toAreaKm > (c.areaKm[p] as number))),
  /** At least one session has `rules.schedule.minOverlap` of its length inside the availability (> 0 when minOverlap is 0). */
  schedule: (_ctx, _c, _p, m, rules) => Number.isNaN(m.bestFraction) || (m.bestFraction > 0 && m.bestFraction >= rules.schedule.minOverlap),
  /** The series has not ended: its last session day (`until`, a one-off's date) is today or later. */
  ended: (_ctx, c, p, m) => m.today <= (c.lastSessionDay[p] as number),
  /** A fixed-cohort programme can still be joined now, or has a later intake (consistent with `canJoin`). */
  programme: (_ctx, c, p, m) => m.today <= (c.lastJoinDay[p] as number),
  /** Not recorded as full with no waiting list. */
  capacity: (_ctx, c, p) => ((c.flags[p] as number) & FLAG.full) === 0,
  /** The client can pay (see `isAffordable`). */
  cost: (ctx, c, p) => isAffordable(ctx.budgetCode, c.cost[p] as number),
  /** The activity runs in a language the client speaks. */
  language: (ctx, c, p) => (ctx.languageOk[c.languageSet[p] as number] as number) === 1,
  /** Gym-based activities need activation level `rules.activation.minLevelForGym` or above. */
  'gym-activation': (ctx, c, p, _m, rules) => ((c.flags[p] as number) & FLAG.gym) === 0 || ctx.activation >= rules.activation.minLevelForGym,
};

const PASSES: readonly Rule[] = ELIGIBILITY_RULES.map((rule) => RULE_PASSES[rule]);

/** Whether the activity at `p` passes every rule; stops at the first failure. */
export function isEligible(ctx: ClientContext, c: Columns, p: number, m: Measurements, rules: MatchingRules): boolean {
  for (let r = 0; r < PASSES.length; r++) if (!(PASSES[r] as Rule)(ctx, c, p, m, rules)) return false;
  return true;
}

/** Every rule the activity at `p` breaks, in {@link ELIGIBILITY_RULES} order. */
export function brokenRules(ctx: ClientContext, c: Columns, p: number, m: Measurements, rules: MatchingRules): EligibilityRule[] {
  return ELIGIBILITY_RULES.filter((rule) => !RULE_PASSES[rule](ctx, c, p, m, rules));
}
