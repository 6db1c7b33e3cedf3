import { TZDate } from '@date-fns/tz';
import type { MinuteWindow } from '../catalogue/features.js';

/** The next session of an activity, as instants, with the zone and a short label ("Wed 13:30"). */
export interface NextSession {
  readonly start: Date;
  readonly end: Date;
  readonly timeZone: string;
  /** Day and local start time, e.g. "Wed 13:30". */
  readonly label: string;
}

const DAY_LABELS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * The first weekly session that starts after `at`, in the activity's zone (wall-clock times,
 * so correct across clock changes). Looks 8 days ahead at most; undefined without sessions.
 */
export function nextWeeklySession(sessions: readonly MinuteWindow[], at: Date, timeZone: string): NextSession | undefined {
  if (sessions.length === 0) return undefined;
  const local = new TZDate(at.getTime(), timeZone);
  let best: NextSession | undefined;
  for (let offset = 0; offset <= 7 && best === undefined; offset++) {
    const day = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + offset, 12, 0, timeZone);
    const dayIndex = (day.getDay() + 6) % 7; // Monday = 0
    for (const s of sessions) {
      if (s.day !== dayIndex) continue;
      const start = new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), Math.floor(s.start / 60), s.start % 60, timeZone);
      if (start.getTime() <= at.getTime()) continue;
      if (best !== undefined && best.start.getTime() <= start.getTime()) continue;
      const end = new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), Math.floor(s.end / 60), s.end % 60, timeZone);
      best = {
        start: new Date(start.getTime()),
        end: new Date(end.getTime()),
        timeZone,
        label: `${DAY_LABELS[dayIndex] ?? ''} ${pad(Math.floor(s.start / 60))}:${pad(s.start % 60)}`,
      };
    }
  }
  return best;
}
