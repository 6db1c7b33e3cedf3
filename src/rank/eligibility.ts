import type { ActivityFeatures } from '../catalogue/features.js';
import type { MatchingRules } from '../schema/rules.js';
import { isAffordable } from '../signals/factors.js';
import type { ClientContext } from './client-context.js';
import type { Measurements } from './measure.js';

/** The hard eligibility rules, in the order they are checked and reported. */
export const ELIGIBILITY_RULES = ['age', 'gender', 'unsuitable-condition', 'accessibility', 'travel', 'schedule', 'ended', 'programme', 'capacity', 'cost', 'language', 'gym-activation'] as const;
/** A hard eligibility rule id. */
export type EligibilityRule = (typeof ELIGIBILITY_RULES)[number];

/**
 * Each rule as one pure predicate: true when the activity passes. `explain` and the scoring
 * pass both call these.
 */
export const RULE_PASSES: Record<EligibilityRule, (ctx: ClientContext, f: ActivityFeatures, m: Measurements, rules: MatchingRules) => boolean> = {
  /** The client's age is inside the activity's age range. */
  age: (ctx, f) => ctx.age >= f.minAge && ctx.age <= f.maxAge,
  /** Gender-specific sessions take only the genders they list (a client whose gender is not recorded is not placed in them). */
  gender: (ctx, f) => f.genders === null || (ctx.gender !== undefined && f.genders.has(ctx.gender)),
  /** The activity is not listed as unsuitable for any of the client's conditions. */
  'unsuitable-condition': (ctx, f) => {
    for (const c of ctx.conditions) if (f.unsuitableFor.has(c)) return false;
    return true;
  },
  /**
   * A wheelchair user goes only to venues known to be wheelchair accessible; someone who
   * needs step-free access only to venues known to be step-free. Unknown counts as no:
   * a wasted journey is worse than a shorter list. Home and online activities pass.
   */
  accessibility: (ctx, f) => f.locationKind !== 0 || ((!ctx.wheelchair || f.wheelchair === 1) && (!ctx.stepFree || f.stepFree === 1)),
  /** Venues beyond the travel limit, and all venues for a housebound client, are excluded; unknown distance passes. */
  travel: (ctx, f, m) => f.locationKind !== 0 || (!ctx.housebound && !(m.km > ctx.limitKm)),
  /** At least one session has `rules.schedule.minOverlap` of its length inside the availability (> 0 when minOverlap is 0). */
  schedule: (_ctx, _f, m, rules) => Number.isNaN(m.bestFraction) || (m.bestFraction > 0 && m.bestFraction >= rules.schedule.minOverlap),
  /** The series has not ended: its last session day (`until`, a one-off's date) is today or later. */
  ended: (_ctx, f, m) => m.today <= f.lastSessionDay,
  /** A fixed-cohort programme can still be joined now, or has a later intake (consistent with `canJoin`). */
  programme: (_ctx, f, m) => m.today <= f.lastJoinDay,
  /** Not recorded as full with no waiting list. */
  capacity: (_ctx, f) => !f.full,
  /** The client can pay (see `isAffordable`). */
  cost: (ctx, f) => isAffordable(ctx.budgetCode, f.costCode),
  /** The activity runs in a language the client speaks. */
  language: (ctx, f) => {
    for (const l of ctx.languages) if (f.languages.has(l)) return true;
    return false;
  },
  /** Gym-based activities need activation level `rules.activation.minLevelForGym` or above. */
  'gym-activation': (ctx, f, _m, rules) => !f.gym || ctx.activation >= rules.activation.minLevelForGym,
};

/** Whether the activity passes every rule; stops at the first failure. */
export function isEligible(ctx: ClientContext, f: ActivityFeatures, m: Measurements, rules: MatchingRules): boolean {
  for (const rule of ELIGIBILITY_RULES) if (!RULE_PASSES[rule](ctx, f, m, rules)) return false;
  return true;
}

/** Every rule the activity breaks, in {@link ELIGIBILITY_RULES} order. */
export function brokenRules(ctx: ClientContext, f: ActivityFeatures, m: Measurements, rules: MatchingRules): EligibilityRule[] {
  return ELIGIBILITY_RULES.filter((rule) => !RULE_PASSES[rule](ctx, f, m, rules));
}
