/**
 * Directory records that are not services a person can be referred to: web pages of resources
 * for clinicians, council information pages, one-off ticketed shows and fundraising days,
 * commercial firms, lists of other organisations' helplines, job vacancies, room hire, grant
 * schemes, annual reports, forms for professionals and publishers' test records. They go to the
 * import's `skipped` list with the reason, never into the catalogue.
 *
 * Each cue in {@link NOT_A_SERVICE_CUES} reads the folded name (`name`) or name and description
 * (`text`); `alone` cues decide by themselves, the others only for a record with no regular
 * sessions (no weekly or monthly times found in its schedules or text), so that a real group
 * whose description mentions a leaflet to download or a fundraising raffle is kept. A dated,
 * one-off event is a record whose text names a specific date ("Saturday 12 December 2026") and
 * no regular sessions (a course "starting Tuesday 2 February 2027" with weekly times is kept).
 *
 * @module
 */
import { foldText } from '../../vocabulary/index.js';

/** One way of telling that a record is not a service. */
export interface NotAServiceCue {
  /** Why, in words for the import report: "a job vacancy". */
  readonly reason: string;
  /** What is read: the name only, or name and description. */
  readonly where: 'name' | 'text';
  /** Folded text cue. */
  readonly cue: RegExp;
  /** A second cue the same text must also hold (two tests instead of one pattern with `.*`, which backtracks). */
  readonly and?: RegExp;
  /** Decides alone; otherwise only for a record with no regular sessions. */
  readonly alone: boolean;
}

/** The cues, checked in this order; the first that applies gives the reason. */
export const NOT_A_SERVICE_CUES: readonly NotAServiceCue[] = [
  { reason: 'a test record', where: 'name', cue: /\b(test service|test record|do not publish|dummy|lorem ipsum)\b|^test\b/, alone: true },
  { reason: 'a job vacancy', where: 'text', cue: /\b(vacancy|vacancies|we are recruiting|we re recruiting|job description|application pack|closing date|pro rata|salary|hours a week \w+ money)\b/, alone: false },
  { reason: 'a job vacancy', where: 'name', cue: /^(vacancy|vacancies|job vacancy|jobs? (opportunity|advert|vacancy)|we are recruiting|recruiting)\b/, alone: true },
  { reason: 'a page for professionals', where: 'text', cue: /\b(resources|information|guidance|toolkit|a form) for (gps|clinicians|professionals|practitioners|practice staff|health professionals|referrers)\b|\bfor (gps|clinicians|professionals|practitioners) (and|to)\b|\bnetwork meeting for\b|\bpractitioners forum\b|\b(download the|the) referral form\b/, alone: false },
  { reason: 'a page for organisations', where: 'text', cue: /\b(are you a|for) (community group|community groups|charity|charities|organisations|voluntary groups)\b/, and: /\b(list|update|apply|grant|grants|funding)\b/, alone: false },
  { reason: 'a page for organisations', where: 'text', cue: /\bgrants? of up to\b|\bapply for (a )?grant\b|\bhow to (list|add|update) your (service|activities|organisation)\b/, alone: false },
  { reason: 'a list of other services', where: 'text', cue: /\b(a list of|list of useful|useful) (helplines|contacts|numbers|links|organisations|services)\b|^useful (helplines|contacts|numbers|links)\b|\bsearch the list\b|\bdownload the map\b/, alone: false },
  { reason: 'an information page', where: 'text', cue: /\bthis page (explains|tells you|gives|has)\b|\bfind out (how to (apply|get|claim|renew|report)|who can (get|apply))\b|\bhow to apply\b|\bannual (review|report)\b/, alone: false },
  { reason: 'room hire', where: 'text', cue: /\b(room|rooms|hall|halls|space|spaces) (available )?(for|to) hire\b|\broom hire\b|\bhire (a|our|the) (room|hall)\b/, alone: false },
  { reason: 'a commercial business', where: 'name', cue: /\b(ltd|limited|plc)\b/, alone: false },
  { reason: 'a commercial business', where: 'text', cue: /\bfree quote\b|\bfully insured\b|\bprices? (start )?from money\b|\bfrom money per hour\b|\bour shop\b/, alone: false },
  { reason: 'a one-off event', where: 'text', cue: /\b(one night only|one day only|one off event|fun day|in aid of|fundraising (event|day)|tickets money|buy (your )?tickets|gala|pantomime)\b/, alone: false },
];

/**
 * Why a record is not a service, or `undefined` for a service. `regular`: regular sessions were
 * found (schedules or text times); `dates`: specific dates its text names.
 *
 * @example
 * ```ts
 * notAService('Vacancy: Community Connector', 'We are recruiting … Closing date 15 January 2027.', { regular: false, dates: ['date 15 january 2027'] }); // 'a job vacancy'
 * notAService('Cinderella – one night only!', 'Saturday 12 December 2026 at 7pm. Tickets £15.', { regular: false, dates: ['saturday 12 december 2026'] }); // 'a one-off event'
 * notAService('Walking for Health', 'Friendly, free led walks.', { regular: true, dates: [] }); // undefined
 * ```
 */
export function notAService(name: string, description: string, facts: { readonly regular: boolean; readonly dates: readonly string[] }): string | undefined {
  const foldedName = foldText(name.slice(0, 300));
  const foldedText = `${foldedName} ${foldText(description.slice(0, 20_000).replace(/£\s?\d[\d,.]*/g, ' money '))}`;
  for (const { reason, where, cue, and, alone } of NOT_A_SERVICE_CUES) {
    if (!alone && facts.regular) continue;
    const text = where === 'name' ? foldedName : foldedText;
    if (cue.test(text) && (and === undefined || and.test(text))) return reason;
  }
  if (!facts.regular && facts.dates.length > 0) return `a one-off event (${facts.dates[0]})`;
  return undefined;
}
