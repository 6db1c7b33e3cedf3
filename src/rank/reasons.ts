/**
 * The reasons of an explanation, in words a link worker can read out: why this person (their
 * conditions, needs, interests, activation) and whether they can go (distance, cost, time,
 * places, freshness), each from the same columns and factor functions as the score.
 *
 * Size: just over 300 lines, one reason per rule side by side, so a rule's wording is found next
 * to the others'.
 *
 * @module
 */
import type { Columns } from '../catalogue/columns.js';
import { ACCESS, CONDITION_BITS, FLAG, KIND, NEED_BITS } from '../catalogue/codes.js';
import { demandAt } from '../catalogue/columns.js';
import type { Activity, InferableField } from '../schema/activity.js';
import type { MatchingRules } from '../schema/rules.js';
import { AUDIENCE_GROUPS, CONDITIONS, NEEDS } from '../vocabulary/index.js';
import type { ClientContext } from './client-context.js';
import { namedAreaVerdict } from './client-context.js';
import type { EligibilityRule } from './eligibility.js';
import { termBitsAt } from './measure.js';
import type { Measurements } from './measure.js';
import { canJoin } from '../time/joining.js';
import { capacityStatus } from '../time/places.js';
import { isoFromDay } from '../time/dates.js';
import { lastSessionDayOf } from '../time/pattern.js';
import type { SessionTime } from './sessions.js';
import type { Fit } from '../signals/factors.js';

/**
 * Reasons a link worker can read out, split into *why this person* and *can they go*, and
 * cautions to check before referring. Built only for the activities that are returned, from the
 * same measurements the score used.
 */
export interface ReasonSet {
  readonly whyThem: string[];
  readonly canTheyGo: string[];
  readonly cautions: string[];
}

const conditionLabel = new Map<string, string>(CONDITIONS.map((c) => [c.id, c.label]));
const needLabel = new Map<string, string>(NEEDS.map((n) => [n.id, n.label]));
const groupLabel = new Map<string, string>(AUDIENCE_GROUPS.map((g) => [g.id, g.label]));

/** The people a need-based audience is for, as a link worker would say it. */
const NEED_AUDIENCE: Readonly<Record<string, string>> = {
  loneliness: 'people who feel lonely',
  confidence: 'people building their confidence',
  financial: 'people with money worries',
  debt: 'people in debt',
  benefits: 'people who need help with benefits',
  housing: 'people with housing problems',
  legal: 'people with legal problems',
  employment: 'people looking for work',
  carers: 'carers',
  bereavement: 'bereaved people',
  food: 'people who need food',
  'digital-skills': 'people learning to get online',
  'physical-activity': 'people wanting to get more active',
  weight: 'people managing their weight',
  'mental-wellbeing': 'people looking after their mental wellbeing',
  'healthy-eating': 'people wanting to eat well',
};

/** "Aimed at people with COPD or asthma", "Aimed at carers", "Aimed at people with dementia, or at carers". */
export function audienceText(activity: Activity): string {
  const a = activity.audience;
  const parts: string[] = [];
  if (a?.conditions !== undefined && a.conditions.length > 0) parts.push(`people with ${orText(a.conditions.map((id) => conditionLabel.get(id) ?? id))}`);
  for (const id of a?.needs ?? []) parts.push(NEED_AUDIENCE[id] ?? `people with ${needLabel.get(id) ?? id}`);
  for (const id of a?.groups ?? []) parts.push(groupLabel.get(id) ?? id);
  return `Aimed at ${parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')}, or at ${parts[parts.length - 1] ?? ''}`}`;
}

/** The names and postcode districts an activity's area lists: "Bristol and South Gloucestershire", "BS34 and BS35". */
function areaText(activity: Activity): string {
  const area = activity.location.area;
  return listText([...(area?.names ?? []), ...(area?.postcodeDistricts ?? [])]);
}

/** "a", "a or b", "a, b or c". */
function orText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1] ?? ''}`;
}

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
  const amount = cost.amountGBP === undefined ? undefined : `${money(cost.amountGBP)}${cost.per ? ` a ${cost.per}` : ''}`;
  if (cost.freePeriod) {
    const perWeek = cost.freePeriod.sessionsPerWeek ? ` (${cost.freePeriod.sessionsPerWeek} sessions a week)` : '';
    return `Free for ${cost.freePeriod.weeks} weeks${perWeek}, then ${amount ?? (cost.level === 'low' ? 'low cost' : 'paid: price not given')}`;
  }
  if (cost.level === 'low') return amount === undefined ? 'Low cost' : `Low cost: ${amount}`;
  return amount === undefined ? 'Paid: price not given' : `Costs ${amount}`;
}

const GROUP_SIZE_TEXT = { 'one-to-one': 'One-to-one', small: 'Small group', medium: 'Medium-sized group', large: 'Large group' } as const;

function settingText(activity: Activity, c: Columns, p: number): string | undefined {
  const supported = ((c.flags[p] as number) & FLAG.supported) !== 0;
  if (activity.groupSize === undefined && !supported) return undefined;
  const demand = demandAt(c, p);
  const pace = demand <= 0.35 ? 'a gentle start' : demand >= 0.7 ? 'a good workout' : undefined;
  const base = activity.groupSize === undefined ? 'Supported' : GROUP_SIZE_TEXT[activity.groupSize];
  // The pace when there is one, else the support when there is some.
  if (pace !== undefined) return `${base}, ${pace}`;
  return supported ? `${base}, with support from staff` : base;
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const NO_FIELDS: readonly string[] = [];

/** The labels of the terms whose bit is set in `bits`, in term order, each once ("the gym" and "gym" are both "gym"). */
function termLabels(terms: readonly { readonly label: string }[], bits: number): string[] {
  const labels: string[] = [];
  for (let i = 0; i < terms.length; i++) {
    const label = (terms[i] as { readonly label: string }).label;
    if ((bits >>> i) & 1 && !labels.includes(label)) labels.push(label);
  }
  return labels;
}

/**
 * The labels of the client's ids (conditions or needs) that the activity lists, in the client's
 * order. Read from the activity's vocabulary mask in the columns (`maskOf(listed, bits)`, what
 * the factors count), so the activity's arrays are not walked; an id outside the vocabulary
 * falls back to the list itself.
 */
function sharedLabels(ids: readonly string[], mask: number, bits: ReadonlyMap<string, number>, listed: () => readonly string[], labels: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const id of ids) {
    const bit = bits.get(id);
    if (bit === undefined ? listed().includes(id) : (mask >>> bit) & 1) out.push(labels.get(id) ?? id);
  }
  return out;
}

/** How an inferred field is named to a link worker. */
const INFERRED_WORDS: Readonly<Record<InferableField, string>> = {
  category: 'category',
  tags: 'tags',
  intensity: 'how strenuous it is',
  groupSize: 'group size',
  supported: 'support from staff',
  'conditions.designedFor': 'conditions it suits',
  'conditions.unsuitableFor': 'conditions it does not suit',
  needs: 'needs it meets',
  cost: 'cost',
  location: 'how people attend',
  languages: 'languages',
  'accessibility.wheelchair': 'wheelchair access',
  'accessibility.stepFree': 'step-free access',
  'accessibility.hearingLoop': 'hearing loop',
  'accessibility.accessibleToilet': 'accessible toilet',
  audience: 'who it is for',
  schedules: 'timetable',
  'eligibility.minAge': 'minimum age',
  'eligibility.maxAge': 'maximum age',
  'eligibility.genders': 'who may attend',
  'location.area': 'area covered',
};

/** " (inferred from the description)" when the field was inferred. */
function fromText(inferred: readonly string[], field: string): string {
  return inferred.includes(field) ? ' (inferred from the description)' : '';
}

/** Builds the reasons and cautions for one activity. */
export function buildReasons(ctx: ClientContext, activity: Activity, c: Columns, p: number, m: Measurements, rules: MatchingRules, next: SessionTime | undefined, upcomingCount: number, fit: Fit): ReasonSet {
  const whyThem: string[] = [];
  const canTheyGo: string[] = [];
  const cautions: string[] = [];
  if (fit === 'open-to-all') whyThem.push('Open to anyone');
  const flags = c.flags[p] as number;
  const inferred: readonly string[] = activity.inferred ?? NO_FIELDS;

  const designed = sharedLabels(ctx.conditions, c.designedFor[p] as number, CONDITION_BITS, () => activity.conditions.designedFor, conditionLabel);
  if (designed.length > 0) whyThem.push(`Designed for people with ${listText(designed)}${fromText(inferred, 'conditions.designedFor')}`);

  const helped = sharedLabels(ctx.needs, c.needs[p] as number, NEED_BITS, () => activity.needs, needLabel);
  if (helped.length > 0) whyThem.push(`Helps with ${listText(helped)}${fromText(inferred, 'needs')}`);
  if (ctx.loneliness === 2 && (flags & FLAG.befriending) !== 0) whyThem.push('Regular contact with a befriender');
  else if (ctx.loneliness > 0 && (flags & FLAG.social) !== 0) whyThem.push('A chance to meet people');

  if (ctx.interests.length > 0) {
    const interests = termLabels(ctx.interests, termBitsAt(ctx.interestBitsByTag, ctx.interestBitsByCategory, c, p));
    if (interests.length > 0) whyThem.push(`Matches their interest in ${listText(interests)}`);
  }

  const setting = settingText(activity, c, p);
  if (setting !== undefined) whyThem.push(setting);

  const kind = c.kind[p] as number; // KIND[activity.location.kind]
  if (kind === KIND.home) canTheyGo.push('Comes to them: a visit at home');
  else if (kind === KIND.phone) canTheyGo.push('By phone, from home');
  else if (kind === KIND.online) canTheyGo.push('Online, from home');
  else if (!Number.isNaN(m.km)) canTheyGo.push(distanceText(m.km));
  else if (Number.isNaN(c.lat[p] as number)) {
    const loc = activity.location;
    const where = loc.kind === 'venue' ? [loc.venue, loc.address, loc.postcode].filter((x): x is string => x !== undefined) : [];
    if (where.length > 0) {
      canTheyGo.push(`At ${where.join(', ')}`);
      cautions.push('Distance not known: the directory gives no map position');
    } else cautions.push('Where it meets is not given: check with the provider');
  }
  else cautions.push('Distance unknown: no home location recorded');
  if (((c.flags[p] as number) & FLAG.namedArea) !== 0) {
    const verdict = namedAreaVerdict(ctx, c, p);
    if (verdict === true) canTheyGo.push('Covers their area');
    else if (verdict === undefined) cautions.push(`Covers ${areaText(activity)} only: check they live there`);
  }

  const cost = costText(activity);
  if (cost !== undefined) canTheyGo.push(cost);
  else cautions.push('Cost not recorded: check before referring');

  if (activity.programme) {
    canTheyGo.push(`${activity.programme.weeks}-week programme`);
    const join = canJoin(activity.programme, ctx.at, activity.timeZone);
    if (activity.programme.startDate !== undefined) (join.canJoin && join.nextIntake === undefined ? canTheyGo : cautions).push(sentence(join.reason));
  }
  if (next !== undefined) canTheyGo.push(`Next session ${next.label}${next.fitsClient ? '' : ' (outside their availability or on a date away)'}`);
  else if (c.windowStart[p] === c.windowStart[p + 1]) canTheyGo.push('By appointment or arrangement');
  else if (upcomingCount === 0) cautions.push('No upcoming session found in the next two years: check the timetable');
  if (activity.capacity !== undefined) {
    const capacity = capacityStatus(activity.capacity);
    (capacity.waitWeeks !== undefined && capacity.waitWeeks > 0 ? cautions : canTheyGo).push(sentence(capacity.reason));
  }
  if (inferred.length > 0) {
    const guessed: string[] = [];
    for (const f of inferred) {
      const words = INFERRED_WORDS[f as InferableField] ?? f;
      if (f !== 'conditions.designedFor' && f !== 'needs' && !guessed.includes(words)) guessed.push(words);
    }
    if (guessed.length > 0) cautions.push(`Inferred from the directory's text, not stated: ${listText(guessed)}`);
  }
  if (m.daysExpired >= 1) cautions.push(`Timetable information expired on ${isoFromDay(c.expiryDay[p] as number)}: re-check with the provider`);
  if (!Number.isNaN(m.bestFraction) && ctx.availability !== undefined && m.bestFraction < 1) {
    cautions.push(`Only ${Math.round(m.bestFraction * 100)}% of the best-fitting session falls inside their availability`);
  }

  if (m.avoidHits > 0) cautions.push(`Includes something they want to avoid (${listText(termLabels(ctx.avoid, termBitsAt(ctx.avoidBitsByTag, ctx.avoidBitsByCategory, c, p)))})`);
  if (Number.isNaN(m.ageDays)) cautions.push('Details never verified: confirm with the provider');
  else if (m.ageDays > rules.freshness.freshDays) cautions.push(`Details last verified ${Math.floor(m.ageDays / 30.44)} months ago: confirm with the provider`);
  // The wheelchair fact is the low two bits of `access` (ACCESS.no: recorded as not accessible).
  if (kind === KIND.venue && !ctx.wheelchair && ((c.access[p] as number) & 3) === ACCESS.no) cautions.push('Not wheelchair accessible');
  const routes = activity.eligibility.referralRoutes;
  if (routes && !routes.includes('link-worker') && !(ctx.referredBy !== undefined && (routes as readonly string[]).includes(ctx.referredBy))) {
    cautions.push(`Accepts referrals only via ${listText(routes.map((r) => (r === 'gp' ? 'a GP' : 'self-referral')))}`);
  }
  return { whyThem, canTheyGo, cautions };
}

/** Why a rule excludes an activity, in words a link worker can pass on. */
export function exclusionText(rule: EligibilityRule, ctx: ClientContext, activity: Activity, m: Measurements, rules: MatchingRules): string {
  switch (rule) {
    case 'audience':
      return audienceText(activity);
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
    case 'area':
      return `Covers ${areaText(activity)} only, not where they live`;
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
