import type { Activity } from '../schema/activity.js';
import { activityDemand, COST_CODES, GROUP_CODES, INTENSITY_CODES } from '../signals/factors.js';
import { capacityStatus } from '../time/capacity.js';
import { dayFromIso } from '../time/dates.js';
import { expiryDayOf, lastJoinDayOf, lastSessionDayOf, minuteWindowsOf, weeklyWindowsOf } from '../time/pattern.js';
import type { MinuteWindow } from '../time/pattern.js';
import type { Category, Condition, Need } from '../vocabulary/index.js';

export type { MinuteWindow } from '../time/pattern.js';

/** Location kinds, as codes. */
export const LOCATION_KINDS = ['venue', 'home', 'online'] as const;

/** Three-valued fact: 1 known yes, 0 known no, −1 not recorded. */
export type Tristate = 1 | 0 | -1;

/**
 * Everything the rules read about an activity, precomputed once when the catalogue is
 * compiled: codes and sets instead of strings and nested objects, so scoring does no parsing.
 */
export interface ActivityFeatures {
  readonly index: number;
  readonly id: string;
  readonly locationKind: 0 | 1 | 2;
  readonly lat: number;
  readonly lon: number;
  readonly intensityCode: number;
  readonly groupCode: number;
  readonly gym: boolean;
  readonly supported: boolean;
  readonly demand: number;
  readonly category: Category;
  /** Tags, plus the derived `large-group` tag for large groups. */
  readonly tags: ReadonlySet<string>;
  readonly designedFor: ReadonlySet<Condition>;
  readonly unsuitableFor: ReadonlySet<Condition>;
  readonly needs: ReadonlySet<Need>;
  /** People meet other people there (a group, a social or befriending activity). */
  readonly social: boolean;
  readonly befriending: boolean;
  readonly costCode: number;
  readonly wheelchair: Tristate;
  readonly stepFree: Tristate;
  readonly minAge: number;
  readonly maxAge: number;
  readonly genders: ReadonlySet<string> | null;
  readonly languages: ReadonlySet<string>;
  /** Weekly windows its sessions can fall in: `sessions` plus every schedule's pattern. */
  readonly sessions: readonly MinuteWindow[];
  /** Days since 1970-01-01 of the last verification, NaN when never verified. */
  readonly verifiedDay: number;
  /** Last day a session can happen (Infinity when open-ended or by appointment). */
  readonly lastSessionDay: number;
  /** Last day a newcomer can join its programme (Infinity without a fixed cohort). */
  readonly lastJoinDay: number;
  /** Earliest schedule `validTo` (information expires, re-check), NaN when none. */
  readonly expiryDay: number;
  /** Recorded as full with no waiting list. */
  readonly full: boolean;
  /** Usual wait in weeks, NaN when not recorded. */
  readonly waitWeeks: number;
  readonly timeZone: string;
}

function tristate(value: boolean | undefined): Tristate {
  return value === undefined ? -1 : value ? 1 : 0;
}

/** The cost code of an activity (see `COST_CODES`). */
export function costCodeOf(activity: Activity): number {
  const cost = activity.cost;
  if (cost === undefined) return COST_CODES.indexOf('unknown');
  if (cost.level === 'free') return COST_CODES.indexOf('free');
  if (cost.freePeriod !== undefined) return COST_CODES.indexOf(cost.level === 'low' ? 'free-then-low' : 'free-then-paid');
  return COST_CODES.indexOf(cost.level);
}

/** Precomputes the features of one validated activity. */
export function activityFeatures(activity: Activity, index: number): ActivityFeatures {
  const intensityCode = activity.intensity === undefined ? 4 : INTENSITY_CODES.indexOf(activity.intensity);
  const groupCode = activity.groupSize === undefined ? 4 : GROUP_CODES.indexOf(activity.groupSize);
  const tags = new Set(activity.tags);
  if (activity.groupSize === 'large') tags.add('large-group');
  const gym = tags.has('gym');
  const supported = activity.supported === true;
  const location = activity.location;
  const befriending = activity.category === 'befriending';
  const capacity = capacityStatus(activity.capacity);
  return {
    index,
    id: activity.id,
    locationKind: location.kind === 'venue' ? 0 : location.kind === 'home' ? 1 : 2,
    lat: location.kind === 'venue' ? location.lat : NaN,
    lon: location.kind === 'venue' ? location.lon : NaN,
    intensityCode,
    groupCode,
    gym,
    supported,
    demand: activityDemand(intensityCode, groupCode, gym, supported),
    category: activity.category,
    tags,
    designedFor: new Set(activity.conditions.designedFor),
    unsuitableFor: new Set(activity.conditions.unsuitableFor),
    needs: new Set(activity.needs),
    social:
      befriending ||
      activity.category === 'social' ||
      activity.needs.includes('loneliness') ||
      activity.groupSize === 'small' ||
      activity.groupSize === 'medium' ||
      activity.groupSize === 'large',
    befriending,
    costCode: costCodeOf(activity),
    wheelchair: tristate(activity.accessibility.wheelchair),
    stepFree: tristate(activity.accessibility.stepFree ?? (activity.accessibility.wheelchair === true ? true : undefined)),
    minAge: activity.eligibility.minAge ?? -Infinity,
    maxAge: activity.eligibility.maxAge ?? Infinity,
    genders: activity.eligibility.genders ? new Set(activity.eligibility.genders) : null,
    languages: new Set(activity.languages),
    sessions: [...minuteWindowsOf(activity.sessions), ...activity.schedules.flatMap(weeklyWindowsOf)],
    verifiedDay: activity.lastVerified === undefined ? NaN : dayFromIso(activity.lastVerified),
    lastSessionDay: activity.sessions.length > 0 || activity.schedules.length === 0 ? Infinity : Math.max(...activity.schedules.map(lastSessionDayOf)),
    lastJoinDay: lastJoinDayOf(activity.programme),
    expiryDay: expiryDayOf(activity.schedules),
    full: capacity.excluded,
    waitWeeks: capacity.waitWeeks ?? NaN,
    timeZone: activity.timeZone,
  };
}
