/**
 * Weekdays and times written in a description ("Tuesdays 2pm – 4.30pm", "every other Monday
 * 10-12", "Mon–Fri 9–4.30", "first Saturday of the month", "10.30am to 12noon") to HSDS
 * schedule rows (`ScheduleSchema` input: `freq` WEEKLY or MONTHLY, `byday` such as `TU,TH` or
 * `1SA,-1FR`, `opensAt`/`closesAt`), each with the words it came from as its `description`.
 *
 * Read one sentence at a time (sentences end at ". ", "!", "?", ";" or a line break), as
 * tokens: numbers, words and separators, found by one linear regular expression over text
 * that is cut to {@link MAX_SCHEDULE_TEXT} characters first, so megabytes of text cost a bounded
 * time. A sentence's day phrases are paired with the times that follow them (or, failing
 * that, precede them).
 *
 * | phrase | read as |
 * |---|---|
 * | a weekday, plural or not ("Tuesdays", "every Tuesday", "Thursday evenings") | weekly on that day |
 * | lists and ranges ("Tuesdays and Fridays", "Mon–Fri", "Monday to Thursday") | weekly on each day |
 * | "weekdays", "every weekday" · "daily", "every day", "every night", "7 days a week" · "weekends" | Monday to Friday · every day · Saturday and Sunday |
 * | an ordinal and a weekday with "month" in the sentence ("first Friday of the month", "second and fourth Thursday", "last Sunday") | monthly, `1FR`, `2TH,4TH`, `-1SU` |
 * | "every other Monday", "alternate Mondays", "fortnightly on Sundays", "every two weeks" | weekly, with a warning: HSDS needs a start date to say which weeks, and none is given |
 * | abbreviations ("Mon", "Sat", "Sun") | only next to another day or a time ("Sat 10am"; "in the sun" is no day) |
 * | "most", "some", "various", "selected" before a day | no schedule ("open most weekdays") |
 * | a day with a date ("Saturday 12 December 2026 at 7pm") | a dated session, not a weekly day (see {@link TextSchedules.dates}) |
 * | "starting Tuesday 2 February 2027" | `dtstart` of the sentence's rows |
 *
 * Times: "2pm", "10.30am", "14:00", "12noon"/"noon"/"midday" (12:00), "midnight"; ranges with
 * "-", "to", "till", "until" or "between … and …"; "until 7pm" after a day already timed moves
 * that day's end ("Mon–Fri 9am–5pm, late line on Wednesdays until 7pm"). Without am or pm
 * (documented readings, as directories write them):
 * - an end marked pm makes the start pm too when that keeps it before the end ("1-3pm" is
 *   13:00–15:00, "10-2pm" is 10:00–14:00);
 * - an unmarked hour from 1 to 6 is afternoon or evening ("Tuesdays 1.30-3.30" is 13:30–15:30,
 *   "Mondays 5–6" is 17:00–18:00); 7 to 11 is morning; an end not after its start is
 *   afternoon ("9–4.30" is 09:00–16:30);
 * - an end after midnight ("6pm-2am") becomes two rows: to 24:00, and from 00:00 the next day.
 * A start with no end ("Saturdays at 9am", "10am start") lasts the duration the text states
 * ("lasts about an hour", "for 45 minutes"), else {@link DEFAULT_SESSION_MINUTES}, with a
 * warning. A day with only a part of the day ("Thursday afternoon") takes {@link DAY_PARTS},
 * with a warning. A day with no time at all gives a described-only row (no sessions).
 *
 * Not read as times: numbers next to ages, money, counts and units ("aged 11-16", "£3",
 * "3–5 miles", "over 60 members", "number 16 bus", "2 hours", "12 months", "Level 2"), and
 * sentences about an office, bookings or contacting the provider ("Contact the bookings office
 * Monday to Friday 9am–1pm"), which are not when the service runs.
 *
 * Size: over 500 lines: one tokenizer and grammar for day and time phrases; its parts (days,
 * times, ordinals, ranges, pairing) depend on each other's tokens, and the hostile-text corpus
 * bounds it as a whole.
 *
 * @module
 */
import type { ScheduleInput } from '../../schema/schedule.js';

/** Text beyond this many characters is not read for schedules. */
export const MAX_SCHEDULE_TEXT = 20_000;
/** At most this many schedule rows are read from one text. */
export const MAX_TEXT_SCHEDULES = 20;
/** How long a session with a start and no end or stated duration is taken to last. */
export const DEFAULT_SESSION_MINUTES = 60;
/** Windows for a day with only a part of the day ("Thursday afternoon"): a typical two-hour session. */
export const DAY_PARTS: Readonly<Record<'morning' | 'afternoon' | 'evening', readonly [number, number]>> = Object.freeze({ morning: [600, 720], afternoon: [840, 960], evening: [1140, 1260] });

const DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
/** Abbreviations, read as days only next to another day or a time. */
const DAY_ABBREVIATIONS: Readonly<Record<string, number>> = { mon: 0, tue: 1, tues: 1, wed: 2, weds: 2, thu: 3, thur: 3, thurs: 3, fri: 4, sat: 5, sun: 6 };
const ORDINALS: Readonly<Record<string, number>> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, last: -1, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4, '5th': 5 };
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_ABBREVIATIONS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** Words before a number that make it something other than a time. */
const NOT_TIME_BEFORE = new Set(['aged', 'age', 'ages', 'over', 'under', 'level', 'number', 'no', 'bus', 'route', 'unit', 'room', 'year', 'years', 'gbp', 'only', 'about', 'around', 'up', 'of', 'bmi', 'than', 'plus']);
/** Words after a number that make it a count or a measure. */
const NOT_TIME_AFTER = new Set([
  'mile', 'miles', 'km', 'k', 'kilometres', 'metres', 'm', 'week', 'weeks', 'hour', 'hours', 'hr', 'hrs', 'minute', 'minutes', 'min', 'mins', 'year', 'years', 'yr', 'yrs', 'month', 'months',
  'people', 'members', 'volunteers', 's', 'places', 'spaces', 'sessions', 'session', 'percent', 'day', 'days', 'st', 'nd', 'rd', 'th', 'p', 'pence', 'pounds', 'seats', 'children', 'adults', 'course',
]);
/** A sentence about contacting the provider: its days and times are office hours, not sessions. */
const CONTACT_SENTENCE = /\b(office|offices|reception|enquiries|bookings|booking line|call us|phone us|ring us|contact us|contact the|calls answered|to book)\b/;
/** Words before a day that make the day vague ("open most weekdays"). */
const VAGUE = new Set(['most', 'some', 'various', 'selected', 'occasional', 'certain']);
const DURATION = /\b(?:lasts?|for|takes?)\s+(?:about|around|roughly|approximately|up to\s+)?(an|one|1|two|2|1\.5|90|75|60|45|30|half an)\s*(hour|hours|hr|hrs|minutes|mins)\b|\b(90|75|60|45|30|120)[- ]?minute\b/;
const WORD_NUMBER: Readonly<Record<string, number>> = { an: 1, one: 1, two: 2, 'half an': 0.5 };

/** Schedules read from text, with what was assumed. */
export interface TextSchedules {
  /** Timed rows, then (only when there is none) described-only rows for days with no time. */
  readonly schedules: ScheduleInput[];
  /** What was assumed or read loosely, for the import's warnings. */
  readonly notes: string[];
  /** Dated sessions the text names, a date with a time ("Saturday 12 December 2026 at 7pm"), as the date is written, lower case. */
  readonly dates: string[];
}

interface Token {
  readonly kind: 'num' | 'word' | 'sep';
  readonly text: string;
  readonly suffix?: 'am' | 'pm';
}

interface Clock {
  readonly minutes: number;
  /** Hour and minutes as written, without am/pm ("4.30" → 4, 30). */
  readonly hour: number;
  readonly suffix: 'am' | 'pm' | undefined;
  readonly minutePart: boolean;
}

interface DayItem {
  readonly kind: 'days';
  readonly days: number[];
  readonly ordinals: number[];
  readonly fortnightly: boolean;
  part: keyof typeof DAY_PARTS | undefined;
}

interface TimeItem {
  readonly kind: 'time';
  readonly start?: Clock;
  readonly end?: Clock;
}

type Item = DayItem | TimeItem;

interface Row {
  readonly monthly: boolean;
  readonly ordinals: number[];
  days: number[];
  readonly start: number;
  end: number;
  readonly sentence: string;
  dtstart?: string;
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[’‘]/g, "'")
    .replace(/\ba\.m\.?/g, 'am')
    .replace(/\bp\.m\.?/g, 'pm')
    .replace(/\b12\s?noon\b|\bnoon\b|\bmidday\b/g, '12pm')
    .replace(/\bmidnight\b/g, '12am')
    .replace(/&/g, ' and ');
}

/** Sentences: at ". " (not a decimal point), "!", "?", ";", line breaks and "When?" headings. */
function sentences(text: string): string[] {
  return text.split(/[.!?](?=\s|$)|[\n;]|\bwhen\?/i).map((s) => s.trim()).filter((s) => s !== '');
}

function tokens(sentence: string): Token[] {
  const out: Token[] = [];
  for (const m of sentence.matchAll(/(\d+(?:[.:]\d+)?)(?:\s?(am|pm)\b)?|([a-z]+(?:'s)?)|([-,/£+])/g)) {
    if (m[1] !== undefined) out.push({ kind: 'num', text: m[1], ...(m[2] === undefined ? {} : { suffix: m[2] as 'am' | 'pm' }) });
    else if (m[3] !== undefined) out.push({ kind: 'word', text: m[3] });
    else out.push({ kind: 'sep', text: m[4] as string });
  }
  return out;
}

/** The clock a number token stands for, when it can be a time at all. */
function clockOf(tokens: readonly Token[], i: number): Clock | undefined {
  const t = tokens[i];
  if (t?.kind !== 'num') return undefined;
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  if (before !== undefined && (before.text === '£' || NOT_TIME_BEFORE.has(before.text))) return undefined;
  if (t.suffix === undefined && after !== undefined && (after.text === '+' || NOT_TIME_AFTER.has(after.text))) return undefined;
  const m = /^(\d{1,2})(?:[.:](\d{2}))?$/.exec(t.text);
  if (m === null) return undefined;
  const hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  if (minute > 59 || hour > 24) return undefined;
  if (t.suffix !== undefined) {
    if (hour < 1 || hour > 12) return undefined;
    const h = t.suffix === 'am' ? hour % 12 : (hour % 12) + 12;
    return { minutes: h * 60 + minute, hour, suffix: t.suffix, minutePart: m[2] !== undefined };
  }
  return { minutes: hour * 60 + minute, hour, suffix: undefined, minutePart: m[2] !== undefined };
}

/** An unmarked start on its own: 1 to 6 is afternoon or evening, 7 to 11 morning, 13 and later as written. */
function bareStart(c: Clock): number {
  if (c.suffix !== undefined || c.hour >= 12 || c.hour === 0) return c.minutes;
  return c.hour <= 6 ? c.minutes + 720 : c.minutes;
}

/** Start and end minutes of a range, reading unmarked hours as the module notes say; end may be past midnight (> 1440). */
function resolveRange(s: Clock, e: Clock): [number, number] | undefined {
  let start: number;
  let end: number;
  if (s.suffix !== undefined && e.suffix !== undefined) {
    start = s.minutes;
    end = e.minutes;
  } else if (e.suffix !== undefined) {
    end = e.minutes;
    const pm = s.hour < 12 ? s.minutes + 720 : s.minutes;
    start = e.suffix === 'pm' && pm < end ? pm : s.hour === 12 && e.suffix === 'am' ? s.minutes - 720 : s.minutes;
  } else if (s.suffix !== undefined) {
    start = s.minutes;
    end = e.minutes;
    if (e.hour < 12 && end <= start) end += 720;
  } else {
    start = bareStart(s);
    end = e.minutes;
    if (e.hour < 12 && end <= start) end += 720;
  }
  if (end === 0 && start > 0) end = 1440; // "to midnight"
  if (end <= start) {
    // Past midnight ("6pm-2am"): an evening start and an early-morning end.
    if (start >= 720 && end <= 360) return [start, end + 1440];
    return undefined;
  }
  return start >= 0 && end - start <= 16 * 60 ? [start, end] : undefined;
}

function dayOf(tokens: readonly Token[], i: number): { day: number; strong: boolean } | undefined {
  const t = tokens[i];
  if (t?.kind !== 'word') return undefined;
  const w = t.text.endsWith("'s") ? t.text.slice(0, -2) : t.text;
  const full = DAY_NAMES.findIndex((d) => w === d || w === `${d}s`);
  if (full >= 0) return { day: full, strong: true };
  const short = DAY_ABBREVIATIONS[w];
  return short === undefined ? undefined : { day: short, strong: false };
}

function monthOf(word: string | undefined): number | undefined {
  if (word === undefined) return undefined;
  const i = MONTHS.indexOf(word);
  if (i >= 0) return i;
  const j = MONTH_ABBREVIATIONS.indexOf(word);
  return j >= 0 ? j : undefined;
}

/** A date at `i` ("12 december 2026", "2nd feb", "december 12"): its length in tokens and ISO form when the year is given. */
function dateAt(tokens: readonly Token[], i: number): { length: number; iso?: string } | undefined {
  const a = tokens[i];
  const b = tokens[i + 1];
  if (a === undefined || b === undefined) return undefined;
  let day: number | undefined;
  let month: number | undefined;
  let length = 0;
  if (a.kind === 'num' && /^\d{1,2}$/.test(a.text)) {
    const skip = ['st', 'nd', 'rd', 'th'].includes(tokens[i + 1]?.text ?? '') ? 1 : 0;
    const m = monthOf(tokens[i + 1 + skip]?.text);
    if (m !== undefined) [day, month, length] = [Number(a.text), m, 2 + skip];
  } else if (a.kind === 'word' && monthOf(a.text) !== undefined && b.kind === 'num' && /^\d{1,2}$/.test(b.text)) {
    [day, month, length] = [Number(b.text), monthOf(a.text), 2];
  }
  if (day === undefined || month === undefined || day < 1 || day > 31) return undefined;
  const year = tokens[i + length];
  if (year?.kind === 'num' && /^(19|20)\d{2}$/.test(year.text)) {
    const date = new Date(Date.UTC(Number(year.text), month, day));
    const ok = date.getUTCMonth() === month;
    return { length: length + 1, ...(ok ? { iso: date.toISOString().slice(0, 10) } : {}) };
  }
  return { length };
}

/** A time (marked am or pm, or with minutes) within the next few tokens: the date is a dated session. */
function timedAfter(tokens: readonly Token[], from: number): boolean {
  for (let k = from; k < Math.min(tokens.length, from + 6); k++) {
    const c = clockOf(tokens, k);
    if (c !== undefined && (c.suffix !== undefined || c.minutePart)) return true;
  }
  return false;
}

const isJoin = (t: Token | undefined) => t !== undefined && (t.text === ',' || t.text === 'and' || t.text === '/' || t.text === 'or');
const isRangeWord = (t: Token | undefined) => t !== undefined && (t.text === '-' || t.text === 'to' || t.text === 'till' || t.text === 'until' || t.text === 'through' || t.text === 'thru');

interface Parsed {
  readonly items: Item[];
  readonly dates: string[];
  dtstart?: string;
}

function parseSentence(sentence: string): Parsed {
  const ts = tokens(sentence);
  const items: Item[] = [];
  const dates: string[] = [];
  const monthly = /\bmonth(ly)?\b/.test(sentence);
  let dtstart: string | undefined;
  let i = 0;
  const timeAt = (k: number) => clockOf(ts, k);
  while (i < ts.length) {
    const t = ts[i] as Token;
    const word = t.kind === 'word' ? t.text : '';
    // A date ("12 december 2026", "saturday 18 july"): a start date after "starting", else a dated event.
    const date = dateAt(ts, i);
    if (date !== undefined) {
      const starting = ['starting', 'from', 'beginning', 'begins', 'starts', 'commencing', 'on'].includes(ts[i - 1]?.text ?? '') || ['starting', 'from', 'beginning', 'begins', 'starts', 'commencing'].includes(ts[i - 2]?.text ?? '');
      if (starting && date.iso !== undefined) dtstart = date.iso;
      else if (!starting && timedAfter(ts, i + date.length)) dates.push(ts.slice(Math.max(0, i - 1), i + date.length).map((x) => x.text).join(' '));
      i += date.length;
      continue;
    }
    // Ordinals: "first and third monday (of the month)".
    if (ORDINALS[word] !== undefined || (t.kind === 'num' && ORDINALS[`${t.text}${ts[i + 1]?.text ?? ''}`] !== undefined)) {
      const ordinals: number[] = [];
      let k = i;
      for (;;) {
        const w = ts[k]?.text ?? '';
        const o = ORDINALS[w] ?? (ts[k]?.kind === 'num' ? ORDINALS[`${w}${ts[k + 1]?.text ?? ''}`] : undefined);
        if (o === undefined) break;
        ordinals.push(o);
        k += ORDINALS[w] !== undefined ? 1 : 2;
        if (isJoin(ts[k])) k += 1;
        else break;
      }
      const d = dayOf(ts, k);
      if (d !== undefined && monthly && ordinals.length > 0) {
        items.push({ kind: 'days', days: [d.day], ordinals, fortnightly: false, part: undefined });
        i = k + 1;
        continue;
      }
    }
    // Whole-week words.
    const span = (days: number[], length: number) => {
      items.push({ kind: 'days', days, ordinals: [], fortnightly: false, part: undefined });
      i += length;
    };
    const next = ts[i + 1]?.text;
    if (VAGUE.has(word) && (dayOf(ts, i + 1) !== undefined || next === 'weekdays' || next === 'days' || next === 'evenings')) {
      i += 2;
      continue;
    }
    if (word === 'weekdays' || word === 'weekday') {
      span([0, 1, 2, 3, 4], 1);
      continue;
    }
    if (word === 'weekends' || (word === 'weekend' && ts[i - 1]?.text !== 'the')) {
      span([5, 6], 1);
      continue;
    }
    if (word === 'daily' || word === 'nightly' || (word === 'every' && (next === 'day' || next === 'night' || next === 'evening' || next === 'morning'))) {
      span([0, 1, 2, 3, 4, 5, 6], word === 'every' ? 2 : 1);
      continue;
    }
    if ((word === '7' || t.text === '7' || word === 'seven') && next === 'days' && ts[i + 2]?.text === 'a' && ts[i + 3]?.text === 'week') {
      span([0, 1, 2, 3, 4, 5, 6], 4);
      continue;
    }
    // Day lists and ranges.
    const first = dayOf(ts, i);
    if (first !== undefined) {
      const days: number[] = [];
      let k = i;
      let strong = first.strong;
      let joined = false;
      for (;;) {
        const d = dayOf(ts, k);
        if (d === undefined) break;
        const to = isRangeWord(ts[k + 1]) ? dayOf(ts, k + 2) : undefined;
        if (to !== undefined) {
          for (let x = d.day; ; x = (x + 1) % 7) {
            if (!days.includes(x)) days.push(x);
            if (x === to.day) break;
          }
          joined = true;
          strong ||= to.strong;
          k += 3;
        } else {
          if (!days.includes(d.day)) days.push(d.day);
          strong ||= d.strong;
          k += 1;
        }
        if (isJoin(ts[k]) && dayOf(ts, k + 1) !== undefined) {
          joined = true;
          k += 1;
        } else if (isJoin(ts[k]) && ts[k + 1]?.text === 'and' && dayOf(ts, k + 2) !== undefined) {
          joined = true;
          k += 2;
        } else break;
      }
      const after = dateAt(ts, k);
      if (after !== undefined) {
        const starting = ['starting', 'from', 'beginning', 'begins', 'starts', 'commencing'].includes(ts[i - 1]?.text ?? '');
        if (starting && after.iso !== undefined) dtstart = after.iso;
        else if (!starting && timedAfter(ts, k + after.length)) dates.push(ts.slice(i, k + after.length).map((x) => x.text).join(' '));
        i = k + after.length;
        continue;
      }
      const prev = ts[i - 1]?.text;
      const prev2 = ts[i - 2]?.text;
      if (prev !== undefined && VAGUE.has(prev)) {
        i = k;
        continue;
      }
      // An abbreviation alone ("in the sun", "sat down") is a day only next to a time.
      const timed = timeAt(k) !== undefined || timeAt(k + 1) !== undefined || /^(morning|afternoon|evening)s?$/.test(ts[k]?.text ?? '');
      if (!strong && !joined && !timed) {
        i = k;
        continue;
      }
      const fortnightly =
        (prev === 'other' && prev2 === 'every') || prev === 'alternate' || (prev === 'second' && prev2 === 'every') || prev === 'fortnightly' || (prev === 'on' && prev2 === 'fortnightly') ||
        /\b(fortnightly|every (two|2) weeks|every other week|alternate weeks)\b/.test(sentence);
      const partWord = /^(morning|afternoon|evening)s?$/.exec(ts[k]?.text ?? '');
      items.push({ kind: 'days', days, ordinals: [], fortnightly, part: partWord === null ? undefined : (partWord[1] as keyof typeof DAY_PARTS) });
      i = k + (partWord === null ? 0 : 1);
      continue;
    }
    // Times: "between 9 and 10am", "2pm - 4.30pm", "10.30 to 12noon", "at 2pm", "10am start", "until 7pm".
    if (word === 'between' && timeAt(i + 1) !== undefined && ts[i + 2]?.text === 'and' && timeAt(i + 3) !== undefined) {
      items.push({ kind: 'time', start: timeAt(i + 1) as Clock, end: timeAt(i + 3) as Clock });
      i += 4;
      continue;
    }
    if ((word === 'until' || word === 'till') && timeAt(i + 1) !== undefined) {
      items.push({ kind: 'time', end: timeAt(i + 1) as Clock });
      i += 2;
      continue;
    }
    const clock = timeAt(i);
    if (clock !== undefined) {
      const end = isRangeWord(ts[i + 1]) ? timeAt(i + 2) : undefined;
      if (end !== undefined) {
        items.push({ kind: 'time', start: clock, end });
        i += 3;
        continue;
      }
      // A single time counts when marked ("2pm"), written with minutes ("10.30") or introduced ("at 9", "9 start").
      if (clock.suffix !== undefined || clock.minutePart || ts[i - 1]?.text === 'at' || ts[i + 1]?.text === 'start') items.push({ kind: 'time', start: clock });
    }
    i += 1;
  }
  return { items, dates, ...(dtstart === undefined ? {} : { dtstart }) };
}

function durationOf(text: string): number | undefined {
  const m = DURATION.exec(text);
  if (m === null) return undefined;
  if (m[3] !== undefined) return Number(m[3]);
  const n = WORD_NUMBER[m[1] as string] ?? Number(m[1]);
  const minutes = /^(hour|hours|hr|hrs)$/.test(m[2] as string) ? n * 60 : n;
  return minutes > 0 && minutes <= 240 ? minutes : undefined;
}

const clockText = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

function rowsOfSentence(parsed: Parsed, sentence: string, original: string, textDuration: number | undefined, notes: string[], daysOnly: string[]): Row[] {
  const rows: Row[] = [];
  const groups: { day: DayItem; times: TimeItem[] }[] = [];
  const orphans: TimeItem[] = [];
  for (const item of parsed.items) {
    if (item.kind === 'days') groups.push({ day: item, times: [] });
    else if (groups.length > 0) (groups[groups.length - 1] as { times: TimeItem[] }).times.push(item);
    else orphans.push(item);
  }
  const quote = original.length > 120 ? `${original.slice(0, 119)}…` : original;
  const duration = durationOf(sentence) ?? textDuration;
  for (const [g, { day, times }] of groups.entries()) {
    const own = times.length > 0 ? times : g === 0 ? orphans : [];
    const monthly = day.ordinals.length > 0;
    const add = (start: number, end: number) => {
      if (day.fortnightly) notes.push(`"${quote}": every other week, but no start date says which weeks: read as weekly; check with the provider`);
      rows.push({ monthly, ordinals: day.ordinals, days: [...day.days], start, end, sentence: original });
    };
    if (own.length === 0) {
      if (day.part !== undefined) {
        const [start, end] = DAY_PARTS[day.part];
        notes.push(`"${quote}": no times given: ${day.part} read as ${clockText(start)}–${clockText(end)}`);
        add(start, end);
      } else daysOnly.push(original);
      continue;
    }
    for (const t of own) {
      if (t.start !== undefined && t.end !== undefined) {
        const range = resolveRange(t.start, t.end);
        if (range !== undefined) add(range[0], range[1]);
      } else if (t.start !== undefined) {
        const start = bareStart(t.start);
        const minutes = duration ?? DEFAULT_SESSION_MINUTES;
        if (duration === undefined) notes.push(`"${quote}": no end time given: ${DEFAULT_SESSION_MINUTES} minutes assumed`);
        if (start + minutes <= 1440) add(start, start + minutes);
      } else if (t.end !== undefined) {
        // "Wednesdays until 7pm": the day's earlier row, ending later.
        const end = t.end.suffix === undefined && t.end.hour < 12 ? t.end.minutes + 720 : t.end.minutes;
        for (const d of day.days) {
          const earlier = [...rows].reverse().find((r) => r !== undefined && r.days.includes(d) && !r.monthly);
          if (earlier === undefined || end <= earlier.start) continue;
          earlier.days = earlier.days.filter((x) => x !== d);
          rows.push({ monthly: false, ordinals: [], days: [d], start: earlier.start, end, sentence: original });
        }
      }
    }
  }
  if (parsed.dtstart !== undefined) for (const r of rows) r.dtstart = parsed.dtstart;
  return rows.filter((r) => r.days.length > 0);
}

function toSchedules(rows: readonly Row[]): ScheduleInput[] {
  const out: ScheduleInput[] = [];
  const push = (r: Row, days: readonly number[], start: number, end: number) => {
    const byday = r.monthly ? r.ordinals.flatMap((o) => days.map((d) => `${o}${DAY_CODES[d]}`)).join(',') : [...days].sort((a, b) => a - b).map((d) => DAY_CODES[d]).join(',');
    const description = r.sentence.length > 200 ? `${r.sentence.slice(0, 199)}…` : r.sentence;
    const row: ScheduleInput = { freq: r.monthly ? 'MONTHLY' : 'WEEKLY', byday, opensAt: clockText(start), closesAt: clockText(end), description };
    if (r.dtstart !== undefined) row.dtstart = r.dtstart;
    const same = out.find((o) => o.freq === row.freq && o.byday === row.byday && o.opensAt === row.opensAt && o.closesAt === row.closesAt);
    if (same === undefined) out.push(row);
  };
  for (const r of rows) {
    if (r.end <= 1440) push(r, r.days, r.start, r.end);
    else {
      // Past midnight: to 24:00 on the day, and from 00:00 on the next.
      push(r, r.days, r.start, 1440);
      if (!r.monthly) push(r, r.days.map((d) => (d + 1) % 7), 0, r.end - 1440);
    }
  }
  return out;
}

/**
 * The weekly and monthly sessions a text states (see the module notes for what is read and how).
 *
 * @example
 * ```ts
 * readTextSchedules('Thursdays 1.30pm – 3.30pm. £2 a session.').schedules;
 * // [{ freq: 'WEEKLY', byday: 'TH', opensAt: '13:30', closesAt: '15:30', description: 'Thursdays 1.30pm – 3.30pm' }]
 * readTextSchedules('First Friday of the month, 10am to 12noon.').schedules[0]?.byday; // '1FR'
 * readTextSchedules('Open every night 6pm-2am.').schedules.map((s) => [s.opensAt, s.closesAt]); // [['18:00', '24:00'], ['00:00', '02:00']]
 * readTextSchedules('Contact the bookings office Monday to Friday 9am–1pm.').schedules; // []
 * ```
 */
export function readTextSchedules(text: string): TextSchedules {
  const notes: string[] = [];
  const dates: string[] = [];
  const daysOnly: string[] = [];
  const rows: Row[] = [];
  const cut = text.slice(0, MAX_SCHEDULE_TEXT);
  const textDuration = durationOf(normalise(cut));
  for (const original of sentences(cut)) {
    const sentence = normalise(original);
    const parsed = parseSentence(sentence);
    dates.push(...parsed.dates);
    if (CONTACT_SENTENCE.test(sentence)) continue;
    rows.push(...rowsOfSentence(parsed, sentence, original, textDuration, notes, daysOnly));
    if (rows.length >= MAX_TEXT_SCHEDULES) break;
  }
  let schedules = toSchedules(rows).slice(0, MAX_TEXT_SCHEDULES);
  if (schedules.length === 0) schedules = [...new Set(daysOnly)].slice(0, 5).map((s) => ({ description: s.length > 200 ? `${s.slice(0, 199)}…` : s }));
  else if (daysOnly.length > 0) notes.push(`days without times were not kept as sessions: ${[...new Set(daysOnly)].slice(0, 3).map((s) => `"${s.slice(0, 60)}"`).join(', ')}`);
  return { schedules, notes: [...new Set(notes)], dates };
}
