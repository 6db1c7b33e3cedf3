import type { Columns } from '../catalogue/columns.js';
import { ACCESS, FLAG, KIND } from '../catalogue/codes.js';
import type { MatchingRules } from '../schema/rules.js';
import { isAffordable } from '../signals/factors.js';
import type { ClientContext } from './client-context.js';
import { namedAreaVerdict } from './client-context.js';
import { bestSessionFraction, measureDay, measureDistance } from './measure.js';
import type { Measurements } from './measure.js';

/**
 * The hard eligibility rules, in the order they are checked and reported.
 *
 * @example
 * ```ts
 * ELIGIBILITY_RULES.length;      // 14
 * ELIGIBILITY_RULES.slice(0, 3); // ['audience', 'age', 'gender']
 * ```
 */
export const ELIGIBILITY_RULES = ['audience', 'age', 'gender', 'unsuitable-condition', 'accessibility', 'travel', 'area', 'schedule', 'ended', 'programme', 'capacity', 'cost', 'language', 'gym-activation'] as const;
/** A hard eligibility rule id. */
export type EligibilityRule = (typeof ELIGIBILITY_RULES)[number];

type Rule = (ctx: ClientContext, c: Columns, p: number, m: Measurements, rules: MatchingRules) => boolean;

/** A service only for some people (its `audience`) is offered only to them (see `inAudience`). */
function audience(ctx: ClientContext, c: Columns, p: number): boolean {
  return (ctx.audienceOk[c.peopleSet[p] as number] as number) === 1;
}
/** The client's age is inside the activity's age range. */
function age(ctx: ClientContext, c: Columns, p: number): boolean {
  return ctx.age >= (c.minAge[p] as number) && ((c.maxAge[p] as number) === 255 || ctx.age <= (c.maxAge[p] as number));
}
/** Gender-specific sessions take only the genders they list (a client whose gender is not recorded is not placed in them). */
function gender(ctx: ClientContext, c: Columns, p: number): boolean {
  return (c.genders[p] as number) === 0 || ((c.genders[p] as number) & ctx.genderBit) !== 0;
}
/** The activity is not listed as unsuitable for any of the client's conditions. */
function unsuitable(ctx: ClientContext, c: Columns, p: number): boolean {
  return ((c.unsuitableFor[p] as number) & ctx.conditionMask) === 0;
}
/**
 * A wheelchair user goes only to venues known to be wheelchair accessible; someone who needs
 * step-free access only to venues known to be step-free. Unknown counts as no: a wasted
 * journey is worse than a shorter list. Home and online activities pass.
 */
function accessibility(ctx: ClientContext, c: Columns, p: number): boolean {
  if ((c.kind[p] as number) !== KIND.venue) return true;
  const access = c.access[p] as number;
  return (!ctx.wheelchair || (access & 3) === ACCESS.yes) && (!ctx.stepFree || ((access >> 2) & 3) === ACCESS.yes);
}
/**
 * Venues within the travel limit (not at all for a housebound client); home and online
 * services with an area only for clients inside it. An unknown distance passes.
 */
function travel(ctx: ClientContext, c: Columns, p: number, m: Measurements): boolean {
  return (c.kind[p] as number) === KIND.venue ? !ctx.housebound && !(m.km > ctx.limitKm) : !(m.toAreaKm > (c.areaKm[p] as number));
}
/**
 * A service covering an area by name or postcode takes clients who live there; a client whose
 * profile cannot tell (no local authority or postcode) is not excluded (the explanation asks
 * to check). See `namedAreaVerdict`.
 */
function area(ctx: ClientContext, c: Columns, p: number): boolean {
  return namedAreaVerdict(ctx, c, p) !== false;
}
/** At least one session has `rules.schedule.minOverlap` of its length inside the availability (> 0 when minOverlap is 0). */
function schedule(_ctx: ClientContext, _c: Columns, _p: number, m: Measurements, rules: MatchingRules): boolean {
  return Number.isNaN(m.bestFraction) || (m.bestFraction > 0 && m.bestFraction >= rules.schedule.minOverlap);
}
/** The series has not ended: its last session day (`until`, a one-off's date) is today or later. */
function ended(_ctx: ClientContext, c: Columns, p: number, m: Measurements): boolean {
  return m.today <= (c.lastSessionDay[p] as number);
}
/** A fixed-cohort programme can still be joined now, or has a later intake (consistent with `canJoin`). */
function programme(_ctx: ClientContext, c: Columns, p: number, m: Measurements): boolean {
  return m.today <= (c.lastJoinDay[p] as number);
}
/** Not recorded as full with no waiting list. */
function capacity(_ctx: ClientContext, c: Columns, p: number): boolean {
  return ((c.flags[p] as number) & FLAG.full) === 0;
}
/** The client can pay (see `isAffordable`). */
function cost(ctx: ClientContext, c: Columns, p: number): boolean {
  return isAffordable(ctx.budgetCode, c.cost[p] as number);
}
/** The activity runs in a language the client speaks. */
function language(ctx: ClientContext, c: Columns, p: number): boolean {
  return (ctx.languageOk[c.peopleSet[p] as number] as number) === 1;
}
/** Gym-based activities need activation level `rules.activation.minLevelForGym` or above. */
function gymActivation(ctx: ClientContext, c: Columns, p: number, _m: Measurements, rules: MatchingRules): boolean {
  return ((c.flags[p] as number) & FLAG.gym) === 0 || ctx.activation >= rules.activation.minLevelForGym;
}

/**
 * Each rule as one pure predicate over the compiled columns: true when the activity at position
 * `p` passes. `explain` (through {@link brokenRules}) and the scoring pass (through
 * {@link passesColumnRules} and {@link passesPlaceAndTime}) call these same functions. Rules that read measurements need
 * `measureForRules` first.
 */
export const RULE_PASSES: Readonly<Record<EligibilityRule, Rule>> = {
  audience,
  age,
  gender,
  'unsuitable-condition': unsuitable,
  accessibility,
  travel,
  area,
  schedule,
  ended,
  programme,
  capacity,
  cost,
  language,
  'gym-activation': gymActivation,
};

/**
 * The scoring pass checks the rules in two stages, cheapest first (straight-line calls rather
 * than a loop over a table, so the engine can inline them). Stage 1: the rules that read only
 * columns and the local day (measured into `m`). Together with {@link passesPlaceAndTime} this is
 * exactly every rule in {@link RULE_PASSES}.
 */
export function passesColumnRules(ctx: ClientContext, c: Columns, p: number, m: Measurements, rules: MatchingRules): boolean {
  if (!cost(ctx, c, p) || !unsuitable(ctx, c, p) || !audience(ctx, c, p) || !age(ctx, c, p) || !gender(ctx, c, p) || !accessibility(ctx, c, p)) return false;
  if (!capacity(ctx, c, p) || !language(ctx, c, p) || !gymActivation(ctx, c, p, m, rules) || !area(ctx, c, p)) return false;
  measureDay(ctx, c, p, m);
  return ended(ctx, c, p, m) && programme(ctx, c, p, m);
}

/** Stage 2: the rules that need a measurement (distance, session fit), measured into `m`. */
export function passesPlaceAndTime(ctx: ClientContext, c: Columns, p: number, m: Measurements, rules: MatchingRules): boolean {
  measureDistance(ctx, c, p, m);
  if (!travel(ctx, c, p, m)) return false;
  m.bestFraction = bestSessionFraction(c, p, ctx.availability);
  return schedule(ctx, c, p, m, rules);
}

/** Every rule the activity at `p` breaks, in {@link ELIGIBILITY_RULES} order (needs `measureForRules`). */
export function brokenRules(ctx: ClientContext, c: Columns, p: number, m: Measurements, rules: MatchingRules): EligibilityRule[] {
  return ELIGIBILITY_RULES.filter((rule) => !RULE_PASSES[rule](ctx, c, p, m, rules));
}
