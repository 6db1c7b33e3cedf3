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
 * The cues, by kind (the table below holds the patterns):
 *
 * | kind | cues | decides |
 * |---|---|---|
 * | test record | "test service", "do not publish", a name starting "Test" | alone |
 * | closed | the description says the service itself has closed, although `status` is active: "this group closed in March 2026", "the club has now closed", "is no longer running", "permanently closed"; not when it says it reopens, resumes or now meets elsewhere | alone (a closed group's old times are still in its text) |
 * | job vacancy | "vacancy", "we are recruiting", "closing date", "salary", "pro rata", "job pack"; a name starting "Vacancy" | text: no sessions; name: alone |
 * | page for professionals | resources, guidance or a toolkit "for GPs / clinicians / professionals / practice staff", a referral form to download, a practitioners' forum | no sessions |
 * | page for organisations | grants, how to list a service in the directory | no sessions |
 * | list of other services | "a list of helplines", "useful contacts", "use the map", "find your nearest", "search the list" | no sessions |
 * | information page | "this page explains", "find out how to apply", "how to apply", "apply or renew", annual reports | no sessions |
 * | consultation | "have your say", "we are consulting", "complete the survey" | no sessions |
 * | room hire | rooms or halls "to hire", "room hire" | no sessions |
 * | commercial business | "Ltd" in the name; "free quote(s)", "fully insured", "trusted trader", "trading standards", "family-run business", prices "from £…" an hour | no sessions |
 * | one-off event | "one night/day only", "fun day", "in aid of", tickets, a gala or pantomime; a specific date | no sessions |
 *
 * The UK `deliverable_type` says the same in the publisher's own words
 * ({@link DELIVERABLE_NOT_A_SERVICE}), for a record with no regular sessions: "Event" is a one-off
 * event; "Trader", "Business" or "Commercial" a business; "Vacancy" or "Job" a vacancy; and a
 * record whose only deliverable type is "Information" and that gives no way of attending but
 * online (no venue, phone line or home visit in `attending_type`) is an information page.
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
  /** When the same text also holds this, the cue does not apply (a closure that ends: "reopens in March"). */
  readonly unless?: RegExp;
}

/** The cues, checked in this order; the first that applies gives the reason. */
export const NOT_A_SERVICE_CUES: readonly NotAServiceCue[] = [
  { reason: 'a test record', where: 'name', cue: /\b(test service|test record|do not publish|dummy|lorem ipsum)\b|^test\b/, alone: true },
  {
    reason: 'a service that has closed (its description says so; its status is still active)',
    where: 'text',
    cue: /\b(group|club|service|cafe|project|class|charity|scheme|centre|we|it) (has|have) (now )?(closed|closed down|ceased|stopped running|stopped meeting|folded)\b|\b(group|club|service|cafe|project|class|charity|scheme|centre) (closed|ceased|stopped running|stopped meeting|ended|finished|folded) (in|on|at the end of)\b|\b(is|are) no longer (running|meeting|operating|taking place)\b(?! (on|at|in|from|every)\b)|\bpermanently closed\b|\b(closed down|closed for good)\b/,
    unless: /\b(reopen\w*|re open\w*|resum\w*|now (meets|meeting|runs|running|held)|moved to|instead)\b/,
    alone: true,
  },
  { reason: 'a job vacancy', where: 'text', cue: /\b(vacancy|vacancies|we are recruiting|we re recruiting|job description|application pack|job pack|closing date|pro rata|salary|hours a week \w+ money)\b/, alone: false },
  { reason: 'a job vacancy', where: 'name', cue: /^(vacancy|vacancies|job vacancy|jobs? (opportunity|advert|vacancy)|we are recruiting|recruiting)\b/, alone: true },
  { reason: 'a page for professionals', where: 'text', cue: /\b(resources?|information|guidance|toolkit|a form) for (gps|gp practices|clinicians|professionals|practitioners|practice staff|health professionals|referrers)\b|\bfor (gps|clinicians|professionals|practitioners) (and|to)\b|\bnetwork meeting for\b|\bpractitioners forum\b|\b(download the|the) referral form\b/, alone: false },
  { reason: 'a page for organisations', where: 'text', cue: /\b(are you a|for) (community group|community groups|charity|charities|organisations|voluntary groups)\b/, and: /\b(list|update|apply|grant|grants|funding)\b/, alone: false },
  { reason: 'a page for organisations', where: 'text', cue: /\bgrants? of up to\b|\bapply for (a )?grant\b|\bhow to (list|add|update) your (service|activities|organisation)\b/, alone: false },
  { reason: 'a list of other services', where: 'text', cue: /\b(a list of|list of useful|useful) (helplines|contacts|numbers|links|organisations|services)\b|^useful (helplines|contacts|numbers|links)\b|\bsearch the list\b|\b(use|see|search|view|download|check) (the|our) (interactive )?map\b|\bfind (one|the nearest( one)?) near (you|to you)\b|\bfind (your|the) nearest\b/, alone: false },
  { reason: 'an information page', where: 'text', cue: /\bthis page (explains|tells you|gives|has)\b|\bfind out (how to (apply|get|claim|renew|report)|who can (get|apply))\b|\bhow to apply\b|\bapply (or|and) renew\b|\bannual (review|report)\b/, alone: false },
  { reason: 'a consultation', where: 'text', cue: /\b(have your say|we are consulting|we re consulting|public consultation|consultation (closes|ends|runs|period)|(complete|fill in|take) (the|our) (online )?(survey|questionnaire))\b/, alone: false },
  { reason: 'room hire', where: 'text', cue: /\b(room|rooms|hall|halls|space|spaces) (available )?(for|to) hire\b|\broom hire\b|\bhire (a|our|the) (room|hall)\b/, alone: false },
  { reason: 'a commercial business', where: 'name', cue: /\b(ltd|limited|plc)\b/, alone: false },
  { reason: 'a commercial business', where: 'text', cue: /\bfree quotes?\b|\bfully insured\b|\btrusted trader\b|\btrading standards\b|\bfamily run business\b|\bprices? (start )?from money\b|\bfrom money per hour\b|\bour shop\b/, alone: false },
  { reason: 'a one-off event', where: 'text', cue: /\b(one night only|one day only|one off event|fun day|in aid of|fundraising (event|day)|tickets money|buy (your )?tickets|gala|pantomime)\b/, alone: false },
];

/**
 * UK `deliverable_type` terms (folded, each term whole) that say a record is not a service, for
 * a record with no regular sessions. `only`: the term must be the record's only deliverable
 * type, and the record must give no way of attending but online (a web page).
 */
export const DELIVERABLE_NOT_A_SERVICE: readonly { readonly term: RegExp; readonly reason: string; readonly only?: boolean }[] = [
  { term: /^(event|events|one off event|fundraising event|fundraiser)$/, reason: 'a one-off event' },
  { term: /^(trader|traders|trusted trader|business|commercial|commercial business|tradesperson)$/, reason: 'a commercial business' },
  { term: /^(vacancy|vacancies|job|jobs|job vacancy)$/, reason: 'a job vacancy' },
  { term: /^(information|information page|guidance)$/, reason: 'an information page', only: true },
];

/** What else {@link notAService} reads besides the words. */
export interface NotAServiceFacts {
  /** Regular sessions were found (schedules or text times). */
  readonly regular: boolean;
  /** Specific dates its text names. */
  readonly dates: readonly string[];
  /** The UK `deliverable_type` terms, as given. */
  readonly deliverable?: readonly string[];
  /** The ways of attending `attending_type` names (empty when it names none). */
  readonly attending?: readonly ('venue' | 'phone' | 'online' | 'home')[];
}

/**
 * Why a record is not a service, or `undefined` for a service. `regular`: regular sessions were
 * found (schedules or text times); `dates`: specific dates its text names; `deliverable` and
 * `attending`: the UK profile's terms ({@link DELIVERABLE_NOT_A_SERVICE}).
 *
 * @example
 * ```ts
 * notAService('Vacancy: Community Connector', 'We are recruiting … Closing date 15 January 2027.', { regular: false, dates: ['date 15 january 2027'] }); // 'a job vacancy'
 * notAService('Cinderella – one night only!', 'Saturday 12 December 2026 at 7pm. Tickets £15.', { regular: false, dates: ['saturday 12 december 2026'] }); // 'a one-off event'
 * notAService('Walking for Health', 'Friendly, free led walks.', { regular: true, dates: [] }); // undefined
 * notAService('Blue Badge', 'Who can get one.', { regular: false, dates: [], deliverable: ['Information'], attending: ['online'] }); // 'an information page'
 * ```
 */
export function notAService(name: string, description: string, facts: NotAServiceFacts): string | undefined {
  const foldedName = foldText(name.slice(0, 300));
  const foldedText = `${foldedName} ${foldText(description.slice(0, 20_000).replace(/£\s?\d[\d,.]*/g, ' money '))}`;
  for (const { reason, where, cue, and, alone, unless } of NOT_A_SERVICE_CUES) {
    if (!alone && facts.regular) continue;
    const text = where === 'name' ? foldedName : foldedText;
    if (cue.test(text) && (and === undefined || and.test(text)) && (unless === undefined || !unless.test(text))) return reason;
  }
  if (facts.regular) return undefined;
  if (facts.dates.length > 0) return `a one-off event (${facts.dates[0]})`;
  const terms = (facts.deliverable ?? []).slice(0, 10).map((t) => foldText(t.slice(0, 200)));
  const remoteOnly = (facts.attending ?? []).every((mode) => mode === 'online');
  for (const { term, reason, only } of DELIVERABLE_NOT_A_SERVICE) {
    if (only === true ? terms.length === 1 && term.test(terms[0] ?? '') && remoteOnly : terms.some((t) => term.test(t))) return reason;
  }
  return undefined;
}
