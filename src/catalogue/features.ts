import type { Activity } from '../schema/activity.js';
import { DAYS, parseClock } from '../schema/common.js';
import { activityDemand, COST_CODES, GROUP_CODES, INTENSITY_CODES } from '../signals/factors.js';
import type { Category, Condition, Need } from '../vocabulary/index.js';

/** A weekly session in minutes: day 0 = Monday, start and end in minutes after midnight. */
export interface MinuteWindow {
  readonly day: number;
  readonly start: number;
  readonly end: number;
}

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
  readonly sessions: readonly MinuteWindow[];
  /** Days since 1970-01-01 (UTC) of the last verification, NaN when never verified. */
  readonly verifiedDay: number;
}

const MS_PER_DAY = 86_400_000;

/** Days since the epoch of a `YYYY-MM-DD` date. */
export function epochDay(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / MS_PER_DAY);
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

/** Converts validated weekly windows to minute windows. */
export function toMinuteWindows(windows: readonly { day: (typeof DAYS)[number]; start: string; end: string }[]): MinuteWindow[] {
  return windows.map((w) => ({ day: DAYS.indexOf(w.day), start: parseClock(w.start) ?? 0, end: parseClock(w.end) ?? 0 }));
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
    sessions: toMinuteWindows(activity.sessions),
    verifiedDay: activity.lastVerified === undefined ? NaN : epochDay(activity.lastVerified),
  };
}
