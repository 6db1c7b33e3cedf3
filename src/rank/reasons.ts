import type { Columns } from '../catalogue/columns.js';
import { demandAt, FLAG, KIND } from '../catalogue/columns.js';
import type { Activity } from '../schema/activity.js';
import type { MatchingRules } from '../schema/rules.js';
import { CONDITIONS, NEEDS } from '../vocabulary/index.js';
import type { ClientContext } from './client-context.js';
import type { EligibilityRule } from './eligibility.js';
import { termBitsAt } from './measure.js';
import type { Measurements } from './measure.js';
import { canJoin } from '../time/programme.js';
import { capacityStatus } from '../time/capacity.js';
import { isoFromDay } from '../time/dates.js';
import { lastSessionDayOf } from '../time/pattern.js';
import type { SessionTime } from './sessions.js';

/**
 * Reasons a link worker can read out, and cautions to check before referring. Built only for
 * the activities that are returned, from the same measurements the score used.
 */
export interface ReasonSet {
  readonly reasons: string[];
  readonly cautions: string[];
}

const conditionLabel = new Map<string, string>(CONDITIONS.map((c) => [c.id, c.label]));
const needLabel = new Map<string, string>(NEEDS.map((n) => [n.id, n.label]));

/** "a", "a and b", "a, b and c". */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/** Distance as people say it: "400 m away", "1.2 km away", "12 km away". */
export function distanceText(km: number): string {
  if (km < 1) return `${Math.max(100, Math.round(km * 10) * 100)} m away`;
  return `${km < 10 ? km.toFixed(1) : Math.round(km)} km away`;
}

function money(amount: number): string {
  return Number.isInteger(amount) ? `£${amount}` : `£${amount.toFixed(2)}`;
}

/** "Free", "Free for 10 weeks (2 sessions a week), then £15 a month", "£3 a session". */
export function costText(activity: Activity): string | undefined {
  const cost = activity.cost;
  if (cost === undefined) return undefined;
  if (cost.level === 'free') return 'Free';
  const price = cost.amountGBP === undefined ? (cost.level === 'low' ? 'low cost' : 'paid') : `${money(cost.amountGBP)}${cost.per ? ` a ${cost.per}` : ''}`;
  if (cost.freePeriod) {
    const perWeek = cost.freePeriod.sessionsPerWeek ? ` (${cost.freePeriod.sessionsPerWeek} sessions a week)` : '';
    return `Free for ${cost.freePeriod.weeks} weeks${perWeek}, then ${price}`;
  }
  return cost.level === 'low' ? `Low cost: ${price}` : `Costs ${price}`;
}

function settingText(activity: Activity, c: Columns, p: number): string | undefined {
  const size = { 'one-to-one': 'One-to-one', small: 'Small group', medium: 'Medium-sized group', large: 'Large group' }[activity.groupSize ?? 'medium'];
  const supported = ((c.flags[p] as number) & FLAG.supported) !== 0;
  if (activity.groupSize === undefined && !supported) return undefined;
  const demand = demandAt(c, p);
  const pace = demand <= 0.35 ? 'a gentle start' : demand >= 0.7 ? 'a good workout' : undefined;
  const support = supported ? 'with support from staff' : undefined;
  const base = activity.groupSize === undefined ? 'Supported' : size;
  const parts = [pace, support && pace === undefined ? support : undefined].filter((p): p is string => p !== undefined);
  return parts.length > 0 ? `${base}, ${parts.join(', ')}` : base;
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Builds the reasons and cautions for one activity. */
export function buildReasons(ctx: ClientContext, activity: Activity, c: Columns, p: number, m: Measurements, rules: MatchingRules, next: SessionTime | undefined, upcomingCount: number): ReasonSet {
  const reasons: string[] = [];
  const cautions: string[] = [];
  const flags = c.flags[p] as number;

  const designed = ctx.conditions.filter((id) => activity.conditions.designedFor.includes(id as never)).map((id) => conditionLabel.get(id) ?? id);
  const inferred = new Set<string>(activity.inferred ?? []);
  const fromText = (field: string) => (inferred.has(field) ? ' (inferred from the description)' : '');
  if (designed.length > 0) reasons.push(`Designed for people with ${listText(designed)}${fromText('conditions.designedFor')}`);

  const helped = ctx.needs.filter((id) => activity.needs.includes(id as never)).map((id) => needLabel.get(id) ?? id);
  if (helped.length > 0) reasons.push(`Helps with ${listText(helped)}${fromText('needs')}`);
  if (ctx.loneliness === 2 && (flags & FLAG.befriending) !== 0) reasons.push('Regular contact with a befriender');
  else if (ctx.loneliness > 0 && (flags & FLAG.social) !== 0) reasons.push('A chance to meet people');

  const interestBits = termBitsAt(ctx.interestBitsByTag, ctx.interestBitsByCategory, c, p);
  const interests = ctx.interests.filter((_t, i) => (interestBits >>> i) & 1).map((t) => t.label);
  if (interests.length > 0) reasons.push(`Matches their interest in ${listText([...new Set(interests)])}`);

  if (activity.location.kind === 'home') reasons.push('Comes to them: at home or by phone');
  else if (activity.location.kind === 'online') reasons.push('Online');
  else if (!Number.isNaN(m.km)) reasons.push(distanceText(m.km));
  else cautions.push('Distance unknown: no home location recorded');

  const setting = settingText(activity, c, p);
  if (setting !== undefined) reasons.push(setting);

  const cost = costText(activity);
  if (cost !== undefined) reasons.push(cost);
  else cautions.push('Cost not recorded: check before referring');

  if (activity.programme) {
    reasons.push(`${activity.programme.weeks}-week programme`);
    const join = canJoin(activity.programme, ctx.at, activity.timeZone);
    if (activity.programme.startDate !== undefined) (join.canJoin && join.nextIntake === undefined ? reasons : cautions).push(sentence(join.reason));
  }
  if (next !== undefined) reasons.push(`Next session ${next.label}${next.fitsClient ? '' : ' (outside their availability or on a date away)'}`);
  else if (c.windowStart[p] === c.windowStart[p + 1]) reasons.push('By appointment or arrangement');
  else if (upcomingCount === 0) cautions.push('No upcoming session found in the next two years: check the timetable');
  if (activity.capacity !== undefined) {
    const capacity = capacityStatus(activity.capacity);
    (capacity.waitWeeks !== undefined && capacity.waitWeeks > 0 ? cautions : reasons).push(sentence(capacity.reason));
  }
  const guessed = [...inferred].filter((f) => f !== 'conditions.designedFor' && f !== 'needs');
  if (guessed.length > 0) cautions.push(`Inferred from the directory's text, not stated: ${listText(guessed)}`);
  if (m.daysExpired >= 1) cautions.push(`Timetable information expired on ${isoFromDay(c.expiryDay[p] as number)}: re-check with the provider`);
  if (!Number.isNaN(m.bestFraction) && ctx.availability !== undefined && m.bestFraction < 1) {
    cautions.push(`Only ${Math.round(m.bestFraction * 100)}% of the best-fitting session falls inside their availability`);
  }

  const avoidBits = termBitsAt(ctx.avoidBitsByTag, ctx.avoidBitsByCategory, c, p);
  if (m.avoidHits > 0) cautions.push(`Includes something they want to avoid (${listText(ctx.avoid.filter((_t, i) => (avoidBits >>> i) & 1).map((t) => t.label))})`);
  if (Number.isNaN(m.ageDays)) cautions.push('Details never verified: confirm with the provider');
  else if (m.ageDays > rules.freshness.freshDays) cautions.push(`Details last verified ${Math.floor(m.ageDays / 30.44)} months ago: confirm with the provider`);
  if ((c.kind[p] as number) === KIND.venue && !ctx.wheelchair && activity.accessibility.wheelchair === false) cautions.push('Not wheelchair accessible');
  const routes = activity.eligibility.referralRoutes;
  if (routes && !routes.includes('link-worker') && !(ctx.referredBy !== undefined && (routes as readonly string[]).includes(ctx.referredBy))) {
    cautions.push(`Accepts referrals only via ${listText(routes.map((r) => (r === 'gp' ? 'a GP' : 'self-referral')))}`);
  }
  return { reasons, cautions };
}

/** Why a rule excludes an activity, in words a link worker can pass on. */
export function exclusionText(rule: EligibilityRule, ctx: ClientContext, activity: Activity, m: Measurements, rules: MatchingRules): string {
  switch (rule) {
    case 'age': {
      const { minAge, maxAge } = activity.eligibility;
      const range = minAge !== undefined && maxAge !== undefined ? `${minAge} to ${maxAge}` : minAge !== undefined ? `${minAge} and over` : `up to ${maxAge ?? ''}`;
      return `For people aged ${range}`;
    }
    case 'gender':
      return ctx.gender === undefined ? 'Gender-specific sessions, and the client’s gender is not recorded' : `Only for ${listText(activity.eligibility.genders ?? [])} participants`;
    case 'unsuitable-condition': {
      const hit = ctx.conditions.filter((id) => activity.conditions.unsuitableFor.includes(id as never)).map((id) => conditionLabel.get(id) ?? id);
      return `Unsuitable for people with ${listText(hit)}`;
    }
    case 'accessibility':
      if (ctx.wheelchair && activity.accessibility.wheelchair !== true) return activity.accessibility.wheelchair === false ? 'Venue is not wheelchair accessible' : 'Wheelchair access at the venue is not confirmed';
      return activity.accessibility.stepFree === false ? 'Venue is not step-free' : 'Step-free access at the venue is not confirmed';
    case 'travel':
      if (activity.location.kind !== 'venue') return `The client lives ${distanceText(m.toAreaKm).replace(' away', '')} from the centre of its ${activity.location.area?.radiusKm ?? ''} km service area`;
      return ctx.housebound ? 'Held at a venue, and the client is housebound' : `${distanceText(m.km).replace(' away', '')} away, beyond the ${ctx.limitKm} km travel limit`;
    case 'schedule':
      return m.bestFraction === 0
        ? 'No session falls inside the client’s availability'
        : `At most ${Math.round(m.bestFraction * 100)}% of any session falls inside the client’s availability (the rule needs ${Math.round(rules.schedule.minOverlap * 100)}%)`;
    case 'ended':
      return `The last session was on ${isoFromDay(Math.max(...activity.schedules.map(lastSessionDayOf)))}`;
    case 'programme':
      return sentence(activity.programme ? canJoin(activity.programme, ctx.at, activity.timeZone).reason : 'Programme closed to newcomers');
    case 'capacity':
      return 'Full, with no waiting list';
    case 'cost':
      return `${costText(activity) ?? 'Paid'}: more than the client can pay`;
    case 'language':
      return `Run in ${listText(activity.languages)} only`;
    case 'gym-activation':
      return `A gym setting, not suggested below activation level ${rules.activation.minLevelForGym}`;
  }
}
