import type { Activity } from '../schema/activity.js';
import type { WeeklyWindow } from '../schema/common.js';
import { inDayRanges, weekdayOfDay, ymdFromDay } from '../time/dates.js';
import { occurrencesFrom } from '../time/occurrences.js';
import type { Occurrence } from '../time/occurrences.js';
import type { ClientContext } from './client-context.js';
import { overlapWithDay } from './measure.js';
import { localDayAndMinutes } from '../time/zoned.js';

import type { Schedule } from '../time/schedule.js';

/** A dated session, with its zone, a short label and whether the client can go. */
export interface SessionTime {
  readonly start: Date;
  readonly end: Date;
  /** IANA zone of the activity's wall-clock times. */
  readonly timeZone: string;
  /** Local day and time: "Wed 13:30" within the coming week, else "Sat 5 Dec 10:00". */
  readonly label: string;
  /** Inside the client's availability (at least the rules' minimum overlap) and not on a date away. */
  readonly fitsClient: boolean;
}

/** How many upcoming sessions each result carries. */
export const UPCOMING_SESSIONS = 3;
/** How far ahead to look for a session the client can attend. */
const SEARCH_OCCURRENCES = 12;
const WEEK_MS = 6.5 * 86_400_000;

/** A simple weekly session as the equivalent validated HSDS schedule. */
export function weeklySchedule(session: WeeklyWindow): Schedule {
  return {
    freq: 'WEEKLY',
    interval: 1,
    byday: [{ day: session.day }],
    bymonthday: [],
    wkst: 'mon',
    opensAt: session.start,
    closesAt: session.end,
    closures: [],
    extraSessions: [],
  };
}

/** Every timetable of an activity as schedules: its weekly sessions, then its HSDS schedules. */
export function schedulesOf(activity: Activity): Schedule[] {
  return [...activity.sessions.map(weeklySchedule), ...activity.schedules];
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** "Wed 13:30" within the coming week, else "Sat 5 Dec 10:00", in the activity's zone. */
function label(start: Date, at: Date, timeZone: string): string {
  const { day, minutes } = localDayAndMinutes(start, timeZone);
  const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  const weekday = WEEKDAYS[weekdayOfDay(day)] as string;
  if (start.getTime() - at.getTime() < WEEK_MS) return `${weekday} ${time}`;
  const { month, day: dom } = ymdFromDay(day);
  return `${weekday} ${dom} ${MONTHS[month - 1] as string} ${time}`;
}

/**
 * The next sessions of an activity after `at` (in its zone, correct across clock changes), each
 * marked with whether the client can attend it (not on a date away, and at least `minOverlap`
 * of it inside their availability, measured by the same `overlapWithDay` as the schedule rule),
 * and the first one they can attend. Looks at the first {@link UPCOMING_SESSIONS} occurrences,
 * and further only when none of those fits.
 */
export function upcomingSessions(ctx: ClientContext, activity: Activity, minOverlap: number): { upcoming: SessionTime[]; next: SessionTime | undefined } {
  const schedules = schedulesOf(activity);
  const timeZone = activity.timeZone;
  const toTime = (o: Occurrence): SessionTime => {
    const { day, minutes } = localDayAndMinutes(o.start, timeZone);
    let fits = !inDayRanges(day, ctx.datesAway);
    if (fits && ctx.availability !== undefined) {
      const length = Math.round((o.end.getTime() - o.start.getTime()) / 60_000);
      const end = Math.min(1440, minutes + length);
      fits = end > minutes && overlapWithDay(minutes, end, ctx.availability[weekdayOfDay(day)] ?? []) / (end - minutes) >= minOverlap;
    }
    return { start: o.start, end: o.end, timeZone, label: label(o.start, ctx.at, timeZone), fitsClient: fits };
  };
  const first = occurrencesFrom(schedules, ctx.at, timeZone, UPCOMING_SESSIONS).map(toTime);
  let next = first.find((t) => t.fitsClient);
  if (next === undefined && first.length === UPCOMING_SESSIONS) {
    next = occurrencesFrom(schedules, ctx.at, timeZone, SEARCH_OCCURRENCES).slice(UPCOMING_SESSIONS).map(toTime).find((t) => t.fitsClient);
  }
  return { upcoming: first, next: next ?? first[0] };
}
