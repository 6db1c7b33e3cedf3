/**
 * The soft factors: one small pure function each, over plain numbers and booleans, returning
 * a value in [0, 1]. The scoring pass and the explanations both call these and nothing else,
 * so there is one source of truth for every rule. Each formula is in the function's TSDoc.
 *
 * Size: over 300 lines on purpose: every soft factor in one file, each a few lines with its
 * formula in its TSDoc, so the whole scoring rule reads in one place.
 */

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/**
 * Distance factor: linear decay from 1 at the door to 0 at the travel limit.
 * `f = 1 − km / limitKm` (clamped to [0, 1]); a limit of 0 gives 1 at 0 km and 0 beyond.
 * Home visits, phone and online services are not scored with it: they take the rules'
 * documented `distance.remote` value (0.7 by default), so a venue near the client still ranks
 * above an otherwise equal service that needs no travel.
 *
 * @example
 * ```ts
 * distanceFactor(2, 8);  // 0.75
 * distanceFactor(0, 0);  // 1
 * ```
 */
export function distanceFactor(km: number, limitKm: number): number {
  if (limitKm <= 0) return km <= 0 ? 1 : 0;
  return clamp01(1 - km / limitKm);
}

/**
 * Condition fit. With `m` of the client's `n` conditions among the `d` the activity is designed for:
 * `f = 0.75 + 0.25·m/n` when m > 0; `0.5` for a general activity (d = 0); `0.25` when it is
 * designed for other conditions only.
 *
 * @example
 * ```ts
 * conditionFactor(1, 1, 2); // 1     (designed for their only condition)
 * conditionFactor(0, 2, 0); // 0.5   (a general activity)
 * conditionFactor(0, 1, 2); // 0.25  (designed for other conditions)
 * ```
 */
export function conditionFactor(matched: number, clientCount: number, designedCount: number): number {
  if (matched > 0 && clientCount > 0) return 0.75 + (0.25 * matched) / clientCount;
  return designedCount === 0 ? 0.5 : 0.25;
}

/** Intensity codes, in the order of {@link INTENSITY_DEMAND}. */
export const INTENSITY_CODES = ['none', 'light', 'moderate', 'vigorous'] as const;
/** Group size codes, in the order of {@link GROUP_DEMAND}. */
export const GROUP_CODES = ['one-to-one', 'small', 'medium', 'large'] as const;
/** Demand each intensity places on a person; index 4 is "not recorded". */
export const INTENSITY_DEMAND = [0, 0.25, 0.55, 0.85, 0.4] as const;
/** Demand each group size places on a person (walking into a big group is harder); index 4 is "not recorded". */
export const GROUP_DEMAND = [0, 0.05, 0.1, 0.15, 0.1] as const;

/**
 * How much an activity asks of a person, in [0, 1]: intensity demand + group demand, plus 0.15
 * for a gym setting, minus 0.15 where staff give a supported, gentle start.
 * Codes index {@link INTENSITY_DEMAND} and {@link GROUP_DEMAND} (4 = not recorded).
 *
 * @example
 * ```ts
 * activityDemand(3, 3, true, false); // 1   (vigorous, large group, gym: clamped)
 * activityDemand(0, 0, false, true); // 0   (one-to-one advice with support)
 * ```
 */
export function activityDemand(intensityCode: number, groupCode: number, gym: boolean, supported: boolean): number {
  const demand = (INTENSITY_DEMAND[intensityCode] ?? 0.4) + (GROUP_DEMAND[groupCode] ?? 0.1) + (gym ? 0.15 : 0) - (supported ? 0.15 : 0);
  return clamp01(demand);
}

/** What each Patient Activation Measure level can take on, from level 1 (index 0) to 4. */
export const ACTIVATION_CAPACITY = [0.2, 0.45, 0.7, 1] as const;

/**
 * Activation fit: how well the activity's demand suits the client's activation level.
 * With capacity `c` for the level (0.2, 0.45, 0.7, 1) and demand `d`:
 * `f = 1 − 2·max(0, d − c) − 0.4·max(0, c − d)`, clamped. Asking too much is penalised five
 * times as hard as asking too little: a low-activation client must not be pushed, while a
 * highly activated client merely needs less hand-holding.
 *
 * @example
 * ```ts
 * activationFactor(1, 0.9); // 0     (a gym for someone at level 1)
 * activationFactor(4, 0.8); // 0.92  (a gym for someone at level 4)
 * ```
 */
export function activationFactor(level: number, demand: number): number {
  const capacity = ACTIVATION_CAPACITY[level - 1] ?? 0.2;
  return clamp01(1 - 2 * Math.max(0, demand - capacity) - 0.4 * Math.max(0, capacity - demand));
}

/** Loneliness levels used by {@link needsFactor}: 0 not lonely, 1 lonely, 2 most isolated. */
export type LonelinessLevel = 0 | 1 | 2;

/**
 * Needs fit: practical and social needs met, and social contact for lonely clients.
 * It is the mean of the parts that apply (0.5 when none applies):
 * - practical and other needs (loneliness excluded), `m` of `n` supported: `0.6 + 0.4·m/n` if m > 0, else 0;
 * - lonely (level 1): 0.8 for an activity with a social element met in person (at a venue or a
 *   visit at home), 0.6 by phone or online, else 0.2;
 *   most isolated (level 2): befriending 1 in person and 0.9 by phone or online, another
 *   social activity as for level 1, else 0.2.
 * Company in person counts for more than company by phone or screen: for a lonely client an
 * in-person group ranks above an otherwise equal online one.
 *
 * @example
 * ```ts
 * needsFactor(2, 2, 0, false, false);       // 1    (debt and housing advice for debt and housing worries)
 * needsFactor(0, 0, 2, true, true);         // 1    (befriending visits for the most isolated)
 * needsFactor(0, 0, 1, true, false, false); // 0.6  (an online group for a lonely client)
 * needsFactor(0, 0, 0, true, false);        // 0.5  (no needs recorded: neutral)
 * ```
 */
export function needsFactor(matched: number, needCount: number, loneliness: LonelinessLevel, social: boolean, befriending: boolean, inPerson = true): number {
  let sum = 0;
  let parts = 0;
  if (needCount > 0) {
    sum += matched > 0 ? 0.6 + (0.4 * matched) / needCount : 0;
    parts++;
  }
  if (loneliness > 0) {
    sum += loneliness === 2 && befriending ? (inPerson ? 1 : 0.9) : social ? (inPerson ? 0.8 : 0.6) : 0.2;
    parts++;
  }
  return parts === 0 ? 0.5 : sum / parts;
}

/**
 * How an activity fits what the client came for, best first:
 * - `practical-first`: practical help for a pressing problem of a client at a low activation
 *   level (see `rules.relevance.practicalFirst`): it comes before everything else;
 * - `for-them`: it meets something of theirs: a condition it is designed for, a need, an
 *   interest, or company for a client who is lonely;
 * - `open-to-all`: a general activity open to anyone, mildly relevant at most.
 * The shortlist is ordered by fit, then by score: practical factors order options of the same
 * fit and never lift an activity above one that meets more of what the client came for.
 *
 * @example
 * ```ts
 * FITS; // ['practical-first', 'for-them', 'open-to-all']
 * ```
 */
export const FITS = ['practical-first', 'for-them', 'open-to-all'] as const;
/** How an activity fits what the client came for (see {@link FITS}). */
export type Fit = (typeof FITS)[number];

/**
 * The fit as a level for ordering: 2 practical-first, 1 for-them, 0 open-to-all (see
 * {@link FITS}). It never decreases when any count or flag grows, so calling it on the best
 * inputs a block of activities allows bounds the fit of every activity in the block.
 *
 * @param conditionMatches - the client's conditions the activity is designed for
 * @param needMatches - the client's needs it meets (loneliness excluded)
 * @param interestMatches - the client's interests it matches
 * @param companyForLonely - the client is lonely and the activity has a social element
 * @param urgentHelp - practical support meeting a pressing need of a low-activation client
 * @example
 * ```ts
 * fitLevel(0, 0, 1, false, false); // 1  (matches an interest)
 * fitLevel(0, 0, 0, false, false); // 0  (open to all)
 * fitLevel(0, 2, 0, false, true);  // 2  (debt advice for a client in crisis at activation 1)
 * ```
 */
export function fitLevel(conditionMatches: number, needMatches: number, interestMatches: number, companyForLonely: boolean, urgentHelp: boolean): number {
  if (urgentHelp) return 2;
  return conditionMatches > 0 || needMatches > 0 || interestMatches > 0 || companyForLonely ? 1 : 0;
}

/**
 * The {@link FITS} name of a {@link fitLevel}.
 *
 * @example
 * ```ts
 * fitName(2); // 'practical-first'
 * ```
 */
export function fitName(level: number): Fit {
  return level >= 2 ? 'practical-first' : level === 1 ? 'for-them' : 'open-to-all';
}

/**
 * Interest match: with `m` of the client's `n` interests matched by the activity's tags or
 * category, `f = 0.5 + 0.5·m/n` when m > 0, 0 when none match, and 0.5 when the client gave
 * no interests. Adding a matching interest never lowers the value.
 *
 * @example
 * ```ts
 * interestFactor(1, 2); // 0.75
 * interestFactor(0, 2); // 0
 * interestFactor(0, 0); // 0.5
 * ```
 */
export function interestFactor(matched: number, interestCount: number): number {
  if (interestCount === 0) return 0.5;
  return matched > 0 ? 0.5 + (0.5 * matched) / interestCount : 0;
}

/**
 * Avoidances: 0 when the activity has anything the client wants to avoid (by tag or category),
 * else 1.
 *
 * @example
 * ```ts
 * avoidanceFactor(1); // 0
 * avoidanceFactor(0); // 1
 * ```
 */
export function avoidanceFactor(hits: number): number {
  return hits > 0 ? 0 : 1;
}

/** Budget codes: what the client can spend. */
export const BUDGET_CODES = ['none', 'low', 'any'] as const;
/**
 * Cost codes: what the activity asks. A free period followed by a charge is its own code,
 * because people on no budget can take the free period.
 */
export const COST_CODES = ['free', 'free-then-low', 'free-then-paid', 'low', 'paid', 'unknown'] as const;

// Rows: budget none, low, any. Columns: COST_CODES. NaN marks a cost the client cannot pay
// (see `isAffordable`), which never reaches scoring.
const COST_TABLE: readonly (readonly number[])[] = [
  [1, 0.6, 0.5, NaN, NaN, 0.5],
  [1, 0.8, 0.6, 0.8, NaN, 0.5],
  [1, 0.9, 0.8, 0.9, 0.7, 0.5],
];

/**
 * Cost factor from the table below (rows budget, columns cost), 0.5 when the cost is not recorded:
 *
 * | budget \ cost | free | free→low | free→paid | low | paid |
 * |---|---|---|---|---|---|
 * | none | 1 | 0.6 | 0.5 | excluded | excluded |
 * | low  | 1 | 0.8 | 0.6 | 0.8 | excluded |
 * | any  | 1 | 0.9 | 0.8 | 0.9 | 0.7 |
 *
 * @example
 * ```ts
 * costFactor(0, 1); // 0.6  (no budget, free for a while then low cost)
 * costFactor(2, 4); // 0.7  (any budget, paid)
 * ```
 */
export function costFactor(budgetCode: number, costCode: number): number {
  const value = COST_TABLE[budgetCode]?.[costCode];
  return value === undefined || Number.isNaN(value) ? 0 : value;
}

/**
 * Whether the client can pay: no budget takes only free activities and free periods; a low
 * budget takes anything but paid without a free period; any budget takes everything. A cost
 * that is not recorded is never excluded (the explanation says to check).
 *
 * @example
 * ```ts
 * isAffordable(0, 1); // true   (free period first)
 * isAffordable(0, 3); // false  (low cost, no free period)
 * ```
 */
export function isAffordable(budgetCode: number, costCode: number): boolean {
  return !Number.isNaN(COST_TABLE[budgetCode]?.[costCode] ?? NaN);
}

/**
 * Schedule convenience: the fraction of the best-fitting session inside the client's
 * availability (0 to 1). Activities by appointment (no sessions) and clients who gave no
 * availability score 1.
 *
 * @example
 * ```ts
 * scheduleFactor(0.5, true, true);  // 0.5  (a 2-hour class, 1 free hour)
 * scheduleFactor(0, false, true);   // 1    (by appointment)
 * ```
 */
export function scheduleFactor(bestFraction: number, hasSessions: boolean, hasAvailability: boolean): number {
  if (!hasSessions || !hasAvailability) return 1;
  return clamp01(bestFraction);
}

/**
 * Freshness of the record: 1 up to `freshDays` since it was verified, falling linearly to 0 at
 * `staleDays`; `unknown` when there is no verification date (`ageDays` is NaN). A timetable
 * whose information has expired (`daysExpired` ≥ 1 days past its `validTo`) is capped at the
 * value of a record `freshDays + daysExpired` old: expiry only ever lowers freshness.
 * A verification date in the future counts as fresh.
 *
 * @example
 * ```ts
 * freshnessFactor(730, NaN, 365, 1095, 0.3); // 0.5
 * freshnessFactor(NaN, NaN, 365, 1095, 0.3); // 0.3
 * freshnessFactor(30, 365, 365, 1095, 0.3);  // 0.5  (verified recently, but the timetable expired a year ago)
 * ```
 */
export function freshnessFactor(ageDays: number, daysExpired: number, freshDays: number, staleDays: number, unknown: number): number {
  const base = Number.isNaN(ageDays) ? unknown : freshnessByAge(ageDays, freshDays, staleDays);
  return daysExpired >= 1 ? Math.min(base, freshnessByAge(freshDays + daysExpired, freshDays, staleDays)) : base;
}

function freshnessByAge(age: number, freshDays: number, staleDays: number): number {
  return age <= freshDays ? 1 : clamp01(1 - (age - freshDays) / (staleDays - freshDays));
}

/**
 * Capacity: how long the usual wait is. `f = 1 / (1 + waitWeeks / 4)`: no wait 1, a four-week
 * wait 0.5; 1 when not recorded (only a recorded wait lowers it).
 *
 * @example
 * ```ts
 * capacityFactor(4);   // 0.5
 * capacityFactor(NaN); // 1
 * ```
 */
export function capacityFactor(waitWeeks: number): number {
  return Number.isNaN(waitWeeks) ? 1 : 1 / (1 + waitWeeks / 4);
}
