/**
 * Opening and closing times as HSDS writes them: "HH:MM" or "HH:MM:SS", optionally
 * with a zone suffix ("Z", "+01:00", "-0500").
 *
 * **The zone suffix is validated and then ignored**: times are wall-clock times in the
 * activity's IANA zone (Europe/London by default). The HSDS field guidance writes
 * "09:00:00Z" for "Monday to Thursday, 9am to 12pm", and UK feeds write "Z" all year
 * round; reading it as UTC would put every British Summer Time session an hour late, and
 * a fixed offset cannot follow the clock changes anyway. The output drops the suffix.
 *
 * @module
 */
import { z } from 'zod';

const CLOCK = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * Minutes after midnight of an HSDS time ("09:30", "09:30:00", "09:30:00Z", "09:30+01:00"),
 * ignoring seconds and any zone suffix; `undefined` when malformed. "24:00" (end of day)
 * is accepted only when `allowEndOfDay` is set.
 *
 * @example
 * ```ts
 * clockMinutes('09:30:00Z');          // 570
 * clockMinutes('25:00');              // undefined
 * clockMinutes('24:00', true);        // 1440
 * ```
 */
export function clockMinutes(text: string, allowEndOfDay = false): number | undefined {
  if (text.length === 5 && text.charCodeAt(2) === 58) {
    // The common "HH:MM" without a regular expression (compiling a catalogue reads millions).
    const hh = digit(text, 0) * 10 + digit(text, 1);
    const mm = digit(text, 3) * 10 + digit(text, 4);
    if (hh === 24 && mm === 0 && allowEndOfDay) return 1440;
    return hh <= 23 && mm <= 59 ? hh * 60 + mm : undefined; // NaN (a non-digit) fails both tests
  }
  const m = CLOCK.exec(text);
  if (!m) return undefined;
  const [hh, mm, ss] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  if (!validSuffix(m[4])) return undefined;
  if (hh === 24 && mm === 0 && ss === 0 && allowEndOfDay) return 1440;
  if (hh > 23 || mm > 59 || ss > 59) return undefined;
  return hh * 60 + mm;
}

/** The digit at `i`, or NaN. */
function digit(text: string, i: number): number {
  const d = text.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : NaN;
}

function validSuffix(suffix: string | undefined): boolean {
  if (suffix === undefined || suffix.toUpperCase() === 'Z') return true;
  const digits = suffix.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  return minutes <= 59 && hours * 60 + minutes <= 14 * 60;
}

/** "HH:MM" of minutes after midnight (1440 gives "24:00"). */
export function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

const CLOCK_ERROR = 'expected a time HH:MM or HH:MM:SS (00:00 to 23:59), optionally with a zone suffix such as Z or +01:00';

/** Zod schema of an opening time; outputs "HH:MM" without seconds or zone suffix. */
export function openingTimeSchema(allowEndOfDay: boolean) {
  const message = allowEndOfDay ? `${CLOCK_ERROR}, or 24:00 for midnight` : CLOCK_ERROR;
  return z.string({ error: message }).transform((value, ctx) => {
    const minutes = clockMinutes(value.trim(), allowEndOfDay);
    if (minutes === undefined) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return formatClock(minutes);
  });
}
