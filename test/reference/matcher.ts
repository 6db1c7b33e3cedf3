/**
 * A straightforward reference implementation of the matching rules over plain activity
 * objects: filter, map, sort. No columns, no blocks, no bounds, no heap. The property tests
 * check that the fast path returns exactly what this returns, and the benchmark measures the
 * fast path against it ("naive"). It restates the factor formulas, the cost codes and the
 * timetable rules from their documentation (`formulas.ts`) instead of importing the library's
 * helpers, so the comparison checks those too. It shares with the library only the schemas,
 * the resolution of free-text interests onto the vocabularies (`resolveTerm`, fuzzy matching)
 * and the folding of area names and postcodes (`areaKey`, `postcodeDistrictOf`).
 */
import type { Activity, ClientProfile, MatchingRules } from '../../src/index.js';
import { ActivitySchema, ClientProfileSchema, DEFAULT_RULES, MatchingRulesSchema } from '../../src/index.js';
import { areaKey, postcodeDistrictOf } from '../../src/signals/areas.js';
import { resolveTerm } from '../../src/rank/client-context.js';
import * as f from './formulas.js';

export interface ReferenceItem {
  readonly id: string;
  readonly score: number;
  /** 2 practical help first, 1 meets something of theirs, 0 open to anyone. */
  readonly fit: number;
}

const RELEVANCE = ['conditions', 'activation', 'needs', 'interests', 'avoidances'] as const;

const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

function tagsOf(a: Activity): string[] {
  return a.groupSize === 'large' ? [...a.tags, 'large-group'] : [...a.tags];
}

function isSocial(a: Activity): boolean {
  return a.category === 'befriending' || a.category === 'social' || a.needs.includes('loneliness') || (a.groupSize !== undefined && a.groupSize !== 'one-to-one');
}

function lonelinessLevel(c: ClientProfile): 0 | 1 | 2 {
  const lonely = c.needs.includes('loneliness') || c.loneliness === 'some-of-the-time' || c.loneliness === 'often-or-always';
  if (c.loneliness === 'often-or-always' || (lonely && c.housebound)) return 2;
  return lonely ? 1 : 0;
}

/** Minutes of a session inside the client's availability windows on its day (overlapping windows counted once). */
function minutesInside(day: number, start: number, end: number, availability: readonly { day: string; start: string; end: string }[]): number {
  const spans = availability
    .filter((w) => DAY_NAMES.indexOf(w.day) === day)
    .map((w) => [Math.max(start, f.minutesOf(w.start)), Math.min(end, f.minutesOf(w.end))] as const)
    .filter(([lo, hi]) => hi > lo)
    .sort((x, y) => x[0] - y[0]);
  let covered = 0;
  let reached = start;
  for (const [lo, hi] of spans) {
    if (hi > reached) covered += hi - Math.max(lo, reached);
    reached = Math.max(reached, hi);
  }
  return covered;
}

function bestFraction(a: Activity, c: ClientProfile): number {
  const windows = [...f.sessionWindows(a), ...a.schedules.flatMap(f.scheduleWindows)];
  if (windows.length === 0) return NaN;
  if (c.availability === undefined) return 1;
  return Math.max(...windows.map((w) => minutesInside(w.day, w.start, w.end, c.availability ?? []) / (w.end - w.start)));
}

function matches(term: ReturnType<typeof resolveTerm>, a: Activity): boolean {
  return term.category === a.category || term.tags.some((t) => tagsOf(a).includes(t));
}

/** Open to anyone, or the client has one of its conditions or needs (loneliness counts when lonely), or is in one of its groups. */
function inAudience(a: Activity, c: ClientProfile): boolean {
  if (a.audience === undefined) return true;
  const lonely = lonelinessLevel(c) > 0;
  return (
    (a.audience.conditions ?? []).some((x) => c.conditions.includes(x)) ||
    (a.audience.needs ?? []).some((n) => c.needs.includes(n) || (n === 'loneliness' && lonely)) ||
    (a.audience.groups ?? []).some((g) => c.groups.includes(g))
  );
}

/** km from home to a venue; NaN without a home location or a venue position. */
function venueKm(loc: Activity['location'], c: ClientProfile): number {
  return loc.kind === 'venue' && loc.lat !== undefined && loc.lon !== undefined && c.home ? f.greatCircleKm(c.home.lat, c.home.lon, loc.lat, loc.lon) : NaN;
}

/** Inside an area given by names or postcode districts, or the profile cannot tell. */
function inNamedArea(a: Activity, c: ClientProfile): boolean {
  const area = a.location.area;
  if (area === undefined || (area.names === undefined && area.postcodeDistricts === undefined)) return true;
  const authority = c.localArea?.localAuthority === undefined ? undefined : areaKey(c.localArea.localAuthority);
  const district = c.localArea?.postcodeDistrict ?? (c.home?.postcode === undefined ? undefined : postcodeDistrictOf(c.home.postcode));
  const byName = area.names !== undefined && authority !== undefined;
  const byDistrict = area.postcodeDistricts !== undefined && district !== undefined;
  if (byName && (area.names ?? []).some((n) => areaKey(n) === authority)) return true;
  if (byDistrict && (area.postcodeDistricts ?? []).some((d) => d === district || d === (district ?? '').replace(/[0-9].*$/, ''))) return true;
  return !byName && !byDistrict;
}

/** Every hard rule, in one readable function: true when the activity is eligible. */
export function referenceEligible(a: Activity, c: ClientProfile, at: Date, rules: MatchingRules): boolean {
  const age = f.ageOn(c, at);
  const today = f.localDayIn(at, a.timeZone);
  const km = venueKm(a.location, c);
  const area = a.location.kind === 'venue' ? undefined : a.location.area;
  const toArea = area?.lat !== undefined && area.lon !== undefined && c.home ? f.greatCircleKm(c.home.lat, c.home.lon, area.lat, area.lon) : NaN;
  const limit = c.housebound ? 0 : (c.travel?.maxKm ?? rules.distance.defaultMaxKm);
  const stepFree = a.accessibility.stepFree ?? (a.accessibility.wheelchair === true ? true : undefined);
  const fraction = bestFraction(a, c);
  const lastSession = a.sessions.length > 0 || a.schedules.length === 0 ? Infinity : Math.max(...a.schedules.map(f.lastSessionDay));
  return (
    inAudience(a, c) &&
    age >= (a.eligibility.minAge ?? 0) &&
    age <= (a.eligibility.maxAge ?? Infinity) &&
    (a.eligibility.genders === undefined || (c.gender !== undefined && a.eligibility.genders.includes(c.gender))) &&
    !c.conditions.some((x) => a.conditions.unsuitableFor.includes(x)) &&
    (a.location.kind !== 'venue' || ((!c.accessibility.wheelchair || a.accessibility.wheelchair === true) && (!(c.accessibility.stepFree || c.accessibility.wheelchair) || stepFree === true))) &&
    // Service-area radii are stored at float32 precision (documented on the columns).
    (a.location.kind === 'venue' ? !c.housebound && !(km > limit) : !(toArea > Math.fround(area?.radiusKm ?? 0))) &&
    inNamedArea(a, c) &&
    (Number.isNaN(fraction) || (fraction > 0 && fraction >= rules.schedule.minOverlap)) &&
    today <= lastSession &&
    today <= f.lastJoinDay(a.programme) &&
    !f.full(a) &&
    f.affordable(c.budget, f.costKind(a)) &&
    c.languages.some((l) => a.languages.includes(l)) &&
    (!a.tags.includes('gym') || c.activation >= rules.activation.minLevelForGym)
  );
}

/** The factor values in FACTORS order. */
export function referenceFactors(a: Activity, c: ClientProfile, at: Date, rules: MatchingRules, terms = resolveTerms(c)): number[] {
  const today = f.localDayIn(at, a.timeZone);
  const limit = c.housebound ? 0 : (c.travel?.maxKm ?? rules.distance.defaultMaxKm);
  const loc = a.location;
  const remote = loc.kind !== 'venue';
  const km = loc.kind !== 'venue' ? 0 : venueKm(loc, c);
  const needs = c.needs.filter((n) => n !== 'loneliness');
  const { interests, avoid } = terms;
  const demand = f.demand(a);
  const fraction = bestFraction(a, c);
  const verified = a.lastVerified === undefined ? NaN : f.dayOf(a.lastVerified);
  const validTos = a.schedules.flatMap((s) => (s.validTo === undefined ? [] : [f.dayOf(s.validTo)]));
  const expiry = validTos.length === 0 ? NaN : Math.min(...validTos);
  return [
    remote ? rules.distance.remote : Number.isNaN(km) ? rules.distance.unknown : f.distance(km, limit),
    f.conditions(c.conditions.filter((x) => a.conditions.designedFor.includes(x)).length, c.conditions.length, a.conditions.designedFor.length),
    f.activation(c.activation, demand),
    f.needs(needs.filter((n) => a.needs.includes(n)).length, needs.length, lonelinessLevel(c), isSocial(a), a.category === 'befriending', a.location.kind === 'venue' || a.location.kind === 'home'),
    f.interests(interests.filter((t) => matches(t, a)).length, interests.length),
    f.avoidances(avoid.filter((t) => matches(t, a)).length),
    f.cost(c.budget, f.costKind(a)),
    f.schedule(fraction, !Number.isNaN(fraction), c.availability !== undefined),
    f.capacity(f.waitWeeks(a)),
    f.freshness(today - verified, today - expiry, rules.freshness.freshDays, rules.freshness.staleDays, rules.freshness.unknown),
  ];
}

/** The client's interests and avoidances resolved onto the vocabularies (once per client). */
export function resolveTerms(c: ClientProfile): { interests: ReturnType<typeof resolveTerm>[]; avoid: ReturnType<typeof resolveTerm>[] } {
  return { interests: c.interests.map(resolveTerm), avoid: c.avoid.map(resolveTerm) };
}

/** The weighted mean, summed in factor order (the library documents the same order). */
export function referenceScore(values: readonly number[], rules: MatchingRules): number {
  const weights = [rules.weights.distance, rules.weights.conditions, rules.weights.activation, rules.weights.needs, rules.weights.interests, rules.weights.avoidances, rules.weights.cost, rules.weights.schedule, rules.weights.capacity, rules.weights.freshness];
  const total = weights.reduce((s, w) => s + w, 0);
  let score = 0;
  values.forEach((v, i) => (score += ((weights[i] as number) / total) * v));
  return score;
}

/** The Jaccard index of the two activities' features: category, tags, needs. */
function similarity(a: Activity, b: Activity): number {
  const features = (x: Activity) => new Set([`category:${x.category}`, ...tagsOf(x).map((t) => `tag:${t}`), ...x.needs.map((n) => `need:${n}`)]);
  const fa = features(a);
  const fb = features(b);
  const shared = [...fa].filter((f) => fb.has(f)).length;
  return shared / (fa.size + fb.size - shared);
}

/** Relevance: the weighted mean of the relevance factors (1 when they weigh nothing). */
export function referenceRelevance(values: readonly number[], rules: MatchingRules): number {
  const index = { conditions: 1, activation: 2, needs: 3, interests: 4, avoidances: 5 } as const;
  const total = RELEVANCE.reduce((s, f) => s + rules.weights[f], 0);
  if (total === 0) return 1;
  let relevance = 0;
  for (const f of RELEVANCE) relevance += (rules.weights[f] / total) * (values[index[f]] as number);
  return relevance;
}

/**
 * Fit: 2 when it is practical support meeting a pressing need (rules.relevance.practicalFirst)
 * of a client at a low enough activation level; 1 when it meets a condition, a need (other than
 * loneliness), an interest of theirs, or is social and they are lonely; else 0.
 */
export function referenceFit(a: Activity, c: ClientProfile, rules: MatchingRules, terms = resolveTerms(c)): number {
  const { maxActivation, needs: pressing } = rules.relevance.practicalFirst;
  const needs = c.needs.filter((n) => n !== 'loneliness');
  if (c.activation <= maxActivation && a.category === 'practical-support' && needs.some((n) => pressing.includes(n) && a.needs.includes(n))) return 2;
  const meets =
    c.conditions.some((x) => a.conditions.designedFor.includes(x)) ||
    needs.some((n) => a.needs.includes(n)) ||
    terms.interests.some((t) => matches(t, a)) ||
    (lonelinessLevel(c) > 0 && isSocial(a));
  return meets ? 1 : 0;
}

/**
 * The reference shortlist over validated activities: filter by the hard rules and the
 * relevance minimum, sort by fit, score, then id, and diversify within each fit.
 */
export function referenceRank(activities: readonly Activity[], profile: ClientProfile, at: Date, rules: MatchingRules, limit: number): ReferenceItem[] {
  const terms = resolveTerms(profile);
  const scored = activities
    .filter((a) => referenceEligible(a, profile, at, rules))
    .map((a) => {
      const values = referenceFactors(a, profile, at, rules, terms);
      return { activity: a, score: referenceScore(values, rules), relevance: referenceRelevance(values, rules), fit: referenceFit(a, profile, rules, terms) };
    })
    .filter((s) => s.relevance >= rules.relevance.minimum)
    .sort((x, y) => y.fit - x.fit || y.score - x.score || (x.activity.id < y.activity.id ? -1 : 1));
  const item = (s: (typeof scored)[number]) => ({ id: s.activity.id, score: s.score, fit: s.fit });
  if (!rules.diversity.enabled || rules.diversity.penalty === 0) return scored.slice(0, limit).map(item);
  const pool = scored.slice(0, limit * rules.diversity.poolFactor);
  const chosen: typeof pool = [];
  while (chosen.length < limit && pool.length > 0) {
    const fit = Math.max(...pool.map((s) => s.fit));
    const values = pool.map((s) => (s.fit === fit ? s.score - rules.diversity.penalty * chosen.reduce((sum, t) => sum + similarity(t.activity, s.activity), 0) : -Infinity));
    const best = values.indexOf(Math.max(...values));
    chosen.push(...pool.splice(best, 1));
  }
  return chosen.map(item);
}

/** The reference shortlist from raw inputs: validate, then {@link referenceRank}. */
export function referenceRecommend(catalogue: readonly unknown[], client: unknown, options: { at: string; limit: number; rules?: unknown }): ReferenceItem[] {
  const activities = catalogue.map((a) => ActivitySchema.parse(a));
  const rules = options.rules === undefined ? DEFAULT_RULES : MatchingRulesSchema.parse(options.rules);
  return referenceRank(activities, ClientProfileSchema.parse(client), new Date(options.at), rules, options.limit);
}
