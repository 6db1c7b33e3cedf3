import { CATEGORY_IDS, popcount } from '../catalogue/codes.js';
import { BLOCK, GROUP } from '../catalogue/grid.js';
import type { RangeAggregates, RunMasks } from '../catalogue/grid.js';
import type { MatchingRules } from '../schema/rules.js';
import {
  ACTIVATION_CAPACITY,
  activationFactor,
  capacityFactor,
  conditionFactor,
  costFactor,
  distanceFactor,
  fitLevel,
  freshnessFactor,
  interestFactor,
  isAffordable,
  needsFactor,
} from '../signals/factors.js';
import { minDistanceToBoxKm } from '../signals/geo.js';
import type { ClientContext } from './client-context.js';
import { rankKey, relevanceOf, weightedScore } from './score.js';

/** Per-query data for block bounds: each interest's tag bloom bits and category bits, and the relevance rule. */
export interface BoundContext {
  readonly termBloom: Uint32Array;
  readonly termCategories: Uint32Array;
  /** `relevanceShares(rules)`, and the least relevance the shortlist takes. */
  readonly relevanceShares: Float64Array | undefined;
  readonly minRelevance: number;
}

const PRACTICAL_SUPPORT_BIT = 1 << CATEGORY_IDS.indexOf('practical-support');

/** Precomputes the per-interest bits the bounds need. */
export function boundContext(ctx: ClientContext, relevanceShares: Float64Array | undefined, minRelevance: number): BoundContext {
  const n = ctx.interests.length;
  const termBloom = new Uint32Array(n);
  const termCategories = new Uint32Array(n);
  for (let tag = 0; tag < ctx.interestBitsByTag.length; tag++) {
    const bits = ctx.interestBitsByTag[tag] as number;
    for (let i = 0; i < n; i++) if ((bits >>> i) & 1) termBloom[i] = ((termBloom[i] as number) | (1 << (tag & 31))) >>> 0;
  }
  for (let cat = 0; cat < ctx.interestBitsByCategory.length; cat++) {
    const bits = ctx.interestBitsByCategory[cat] as number;
    for (let i = 0; i < n; i++) if ((bits >>> i) & 1) termCategories[i] = ((termCategories[i] as number) | (1 << cat)) >>> 0;
  }
  return { termBloom, termCategories, relevanceShares, minRelevance };
}

/**
 * The least travel distance (the `km` measurement) of any activity in block `b`: for venues a
 * lower bound of the distance to the block's bounding box (NaN when the client has no home
 * location, as `measureDistance` gives); 0 for home and online services, which need no travel.
 */
export function blockMinKm(ctx: ClientContext, g: RangeAggregates, b: number, group: number): number {
  if (group !== GROUP.venue) return 0;
  if (ctx.home === undefined) return NaN;
  return minDistanceToBoxKm(ctx.home.lat, ctx.home.lon, g.minLat[b] as number, g.maxLat[b] as number, g.minLon[b] as number, g.maxLon[b] as number);
}

/**
 * Writes the bounds of the three factors that read client-specific masks (conditions, needs,
 * interests) over a range whose activities have, between them, the given masks and
 * {@link BLOCK} flags: each factor function called on the best matches the masks allow.
 * Returns the bound of their fit (`fitLevel` on the same best matches).
 */
function maskFactorsInto(ctx: ClientContext, bc: BoundContext, designedOr: number, needsOr: number, categories: number, bloom: number, flags: number, values: Float64Array): number {
  const conditionMatches = popcount(designedOr & ctx.conditionMask);
  const needMatches = popcount(needsOr & ctx.needMask);
  const social = (flags & BLOCK.social) !== 0;
  values[1] = conditionMatches > 0 ? conditionFactor(conditionMatches, ctx.conditionCount, 1) : conditionFactor(0, ctx.conditionCount, (flags & BLOCK.general) !== 0 ? 0 : 1);
  values[3] = needsFactor(needMatches, ctx.needCount, ctx.loneliness, social, (flags & BLOCK.befriending) !== 0);
  // An interest can match only if one of its tags may be in the range or it names a category present.
  let interestMatches = 0;
  for (let i = 0; i < ctx.interests.length; i++) if (((bc.termBloom[i] as number) & bloom) !== 0 || ((bc.termCategories[i] as number) & categories) !== 0) interestMatches++;
  values[4] = interestFactor(interestMatches, ctx.interests.length);
  const urgentHelp = (needsOr & ctx.urgentNeedMask) !== 0 && (categories & PRACTICAL_SUPPORT_BIT) !== 0;
  return fitLevel(conditionMatches, needMatches, interestMatches, ctx.loneliness > 0 && social, urgentHelp);
}

/**
 * Whether every activity of range `b` covers an area by name or postcode that the client's
 * profile shows they live outside (`area` rule): each activity is decided by names or by
 * districts, and neither bloom holds the client's authority or district. Sufficient, never
 * necessary: an activity the profile cannot place, or one without a named area, keeps the range.
 */
function outsideEveryNamedArea(ctx: ClientContext, g: RangeAggregates, b: number, flags: number): boolean {
  if ((flags & BLOCK.open) !== 0) return false;
  const a = ctx.area;
  const decided = (a.hasAuthority && (flags & BLOCK.noNames) === 0) || (a.hasDistrict && (flags & BLOCK.noDistricts) === 0);
  return decided && (!a.hasAuthority || ((g.nameBloom[b] as number) & a.nameBits) === 0) && (!a.hasDistrict || ((g.districtBloom[b] as number) & a.districtBits) === 0);
}

/**
 * The bound as a `rankKey` of the fit bound and the score bound, or −Infinity when no activity
 * in the range can be relevant enough for the shortlist (the relevance bound, from the same
 * factor bounds, is below `rules.relevance.minimum`).
 */
function keyBound(bc: BoundContext, fit: number, shares: Float64Array, values: Float64Array): number {
  if (relevanceOf(values, bc.relevanceShares) < bc.minRelevance) return -Infinity;
  return rankKey(fit, weightedScore(values, shares));
}

/**
 * An upper bound of the `rankKey` of every eligible, relevant-enough activity in run `r` of a
 * block (see {@link RunMasks}). `values` must hold the factor values {@link blockBound} wrote
 * for that block: the run's own masks replace the block's in the conditions, needs and
 * interests factors, and every other factor keeps the block's bound, which holds for each of
 * its activities.
 */
export function runBound(ctx: ClientContext, bc: BoundContext, runs: RunMasks, r: number, shares: Float64Array, values: Float64Array): number {
  const fit = maskFactorsInto(ctx, bc, runs.designedOr[r] as number, runs.needsOr[r] as number, runs.categoryMask[r] as number, runs.tagBloom[r] as number, runs.flags[r] as number, values);
  return keyBound(bc, fit, shares, values);
}

/**
 * An upper bound of the `rankKey` (fit, then score) of every eligible activity in block `b`
 * relevant enough for the shortlist, or −Infinity when no activity in it can be both. `km` is the block's least travel distance,
 * {@link blockMinKm}`(ctx, g, b, group)`, which the caller keeps for scoring the block. Each factor is bounded by calling the factor function itself
 * on the most favourable inputs the block's aggregates allow; every factor is monotone in those
 * inputs (or, for activation, single-peaked, so the peak or the nearer end is the maximum), and
 * the weighted sum is monotone under rounding, so the bound holds exactly.
 * `values` is scratch of length FACTORS.length.
 */
export function blockBound(
  ctx: ClientContext,
  bc: BoundContext,
  g: RangeAggregates,
  b: number,
  group: number,
  km: number,
  rules: MatchingRules,
  shares: Float64Array,
  values: Float64Array,
): number {
  // distance
  if (group === GROUP.venue) {
    if (km > ctx.limitKm) return -Infinity;
    values[0] = Number.isNaN(km) ? rules.distance.unknown : distanceFactor(km, ctx.limitKm);
  } else {
    if (group === GROUP.area && ctx.home !== undefined) {
      const lb = minDistanceToBoxKm(ctx.home.lat, ctx.home.lon, g.minLat[b] as number, g.maxLat[b] as number, g.minLon[b] as number, g.maxLon[b] as number);
      if (lb > g.maxAreaKm) return -Infinity;
    }
    // Services that need no travel take the remote value; venues whose position is unknown the unknown one.
    values[0] = Math.max(rules.distance.remote, rules.distance.unknown);
  }
  const flags = g.blockFlags[b] as number;
  if (outsideEveryNamedArea(ctx, g, b, flags)) return -Infinity;
  const fit = maskFactorsInto(ctx, bc, g.designedOr[b] as number, g.needsOr[b] as number, g.categoryMask[b] as number, g.tagBloom[b] as number, flags, values);
  // activation: single-peaked at the level's capacity
  const capacity = ACTIVATION_CAPACITY[ctx.activation - 1] ?? 0.2;
  const lo = g.minDemand[b] as number;
  const hi = g.maxDemand[b] as number;
  values[2] = lo <= capacity && capacity <= hi ? 1 : Math.max(activationFactor(ctx.activation, lo), activationFactor(ctx.activation, hi));
  values[5] = 1; // avoidances
  // cost: the best affordable code present
  let cost = -Infinity;
  const costMask = g.costMask[b] as number;
  for (let code = 0; code < 6; code++) if ((costMask >> code) & 1 && isAffordable(ctx.budgetCode, code)) cost = Math.max(cost, costFactor(ctx.budgetCode, code));
  if (cost === -Infinity) return -Infinity;
  values[6] = cost;
  values[7] = 1; // schedule
  values[8] = capacityFactor(g.minWait[b] as number);
  // freshness: the most recently verified record, aged from the earliest local "today"
  const maxVerified = g.maxVerified[b] as number;
  const known = maxVerified === -Infinity ? -Infinity : freshnessFactor(ctx.earliestToday - maxVerified, NaN, rules.freshness.freshDays, rules.freshness.staleDays, rules.freshness.unknown);
  values[9] = Math.max(known, (flags & BLOCK.unverified) !== 0 ? rules.freshness.unknown : -Infinity);
  return keyBound(bc, fit, shares, values);
}
