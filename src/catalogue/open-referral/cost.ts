/**
 * HSDS `cost_options` (and, failing those, the free-text `fees_description`) to the
 * activity's `cost`.
 *
 * - **Level** comes from the cheapest option: 0 is `free`; up to the "low" ceiling for its
 *   period (table below) is `low`; above it `paid`. A free or cheap concession therefore
 *   counts, and `description` lists every option with its conditions so the link worker can
 *   check them.
 * - **amountGBP** and **per** come from that option (`amount_description` such as "per 1 hour
 *   session"); an amount in another currency sets the level but is not kept as pounds.
 * - Without usable `cost_options`, the fees text is read: "free", "no charge" → free; "£3 a
 *   session" → the amount; "free for the first 10 weeks" → a free period. A cost read from
 *   text is *inferred*. Text that says neither leaves the cost unrecorded (a warning).
 * - Without either, the description's price sentences are read the same way
 *   ({@link costFromDescription}): a sentence with an amount, or one that says the service
 *   itself is free ({@link SERVICE_FREE}; "plus free courses" or "free creche" are extras, not
 *   the price), costs nothing, is fully funded, or asks for a donation.
 * - Amounts: "£3", "£2.50", "GBP2", "50p", "£1,200". The cheapest amount is the price (as with
 *   options), its period read next to it ("£12 annual membership", "£45 per six-week course",
 *   "£6 per person" is per session). An amount with no period, for a service that meets
 *   regularly (`regular`: a timetable was found), is per session ("Cost £1", "Table money £3").
 *   "under £3" or "from £35" bound the price: they set the level, not an amount.
 * - Donations: "£3 suggested donation" is low with that amount; "pay as you feel", "by
 *   donation" without an amount are low; "Free – donations welcome" is free.
 *
 * | per | "low" up to |
 * |---|---|
 * | session, week, unknown | £5 |
 * | month | £20 |
 * | course | £30 |
 * | year | £50 |
 *
 * @module
 */
import type { ValidationIssue } from '../../errors.js';
import type { ActivityInput } from '../../schema/activity.js';
import { fit, isObject, join, listOf, numberOf, textOf } from './fields.js';
import type { JsonObject } from './fields.js';
import { stripHtml } from './html.js';

/** The activity's cost, as input. */
export type CostInput = NonNullable<ActivityInput['cost']>;
type Per = NonNullable<CostInput['per']>;

/** Most a `low` cost may be, in pounds, per period (see the module table). */
export const LOW_COST_CEILING: Readonly<Record<Per | 'unknown', number>> = Object.freeze({ session: 5, week: 5, unknown: 5, month: 20, course: 30, year: 50 });

const PER_RULES: readonly (readonly [Per, RegExp])[] = [
  ['session', /\b(per|a|an|each|every)\s+(\d+\s*(hours?|hrs?|minutes?|mins?)\s+)?(session|class|visit|lesson|hour|meeting|game|person|head|family|walk|swim|swimmer|player|attendance)s?\b/i],
  ['week', /\b((per|a|each)\s+week|weekly)\b/i],
  ['month', /\b((per|a|each)\s+(calendar\s+)?month|monthly)\b/i],
  ['course', /\b((per|for the|for a|whole|full)\s+(\w+[- ](week|session)s?\s+)?(course|programme|program|term|block))\b/i],
  ['year', /\b((per|a)\s+(year|annum)|annual(ly)?|yearly)\b/i],
];

const WORD_NUMBERS: Readonly<Record<string, number>> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };

/**
 * The period a price is for, read from text such as "per 1 hour session" or "£15 a month".
 *
 * @example
 * ```ts
 * perOf('per 1 hour session'); // 'session'
 * perOf('£15 a month');        // 'month'
 * perOf('see website');        // undefined
 * ```
 */
export function perOf(text: string): Per | undefined {
  return PER_RULES.find(([, re]) => re.test(text))?.[0];
}

/**
 * The cost level of a price in pounds for a period (see {@link LOW_COST_CEILING}).
 *
 * @example
 * ```ts
 * levelOf(0, undefined);  // 'free'
 * levelOf(3, 'session');  // 'low'
 * levelOf(35, 'session'); // 'paid'
 * ```
 */
export function levelOf(amount: number, per: Per | undefined): CostInput['level'] {
  if (amount === 0) return 'free';
  return amount <= LOW_COST_CEILING[per ?? 'unknown'] ? 'low' : 'paid';
}

const money = (n: number) => `£${Number.isInteger(n) ? n : n.toFixed(2)}`;
const FREE_TEXT = /\b(free( of charge)?|no (charge|cost|fee)s?|costs? (you )?nothing|at no cost|fully funded)\b/i;
/** A donation asked for instead of a price: low, with the amount when one is suggested. */
const DONATION = /\b(suggested donation|donation of|by donation|pay as you feel|pay what you (can|feel)|donations? (requested|suggested|appreciated))\b/i;
/** "free" that is not about the price. */
const NOT_PRICE = /\b(feel free|free (parking|wi-?fi|tea|coffee|refreshments|period)|(gluten|sugar|dairy|alcohol|smoke|step|hands|scent|nut)[- ]free)\b/gi;

function freePeriodOf(text: string): CostInput['freePeriod'] | undefined {
  const m = /\bfree\b[^.£]*?\b(?:for\s+)?(?:the\s+)?(?:first\s+)?(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+weeks?\b/i.exec(text) ?? /\b(?:first\s+)?(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+weeks?\s+(?:are\s+|is\s+)?free\b/i.exec(text);
  const weeks = m?.[1] === undefined ? undefined : (WORD_NUMBERS[m[1].toLowerCase()] ?? Number(m[1]));
  return weeks !== undefined && weeks >= 1 && weeks <= 520 ? { weeks } : undefined;
}

/**
 * Reads a price from free text: free, an amount in pounds with its period, a free period.
 * `undefined` when the text says neither.
 *
 * @example
 * ```ts
 * costFromText('Free for the first 10 weeks, then £15 a month');
 * // { level: 'low', amountGBP: 15, per: 'month', freePeriod: { weeks: 10 }, description: 'Free for the first 10 weeks, then £15 a month' }
 * costFromText('No charge');                      // { level: 'free', description: 'No charge' }
 * ```
 */
export function costFromText(text: string, options: { regular?: boolean } = {}): CostInput | undefined {
  const amounts = amountsIn(text);
  const priced = amounts.filter((a) => a.amount > 0);
  const description = text.length > 500 ? `${text.slice(0, 499)}…` : text;
  const free = FREE_TEXT.test(text.replace(NOT_PRICE, ' ')) || amounts.some((a) => a.amount === 0);
  const donation = DONATION.test(text);
  const exact = priced.filter((a) => !a.bound);
  if (exact.length > 0) {
    // The cheapest amount is the price (ties: the first); its period is read next to it.
    const chosen = exact.reduce((best, a) => (a.amount < best.amount ? a : best));
    const amountGBP = chosen.amount;
    // Its period: the words from the amount before it (at most 30 characters back) to the amount after it (at most 40 on).
    const k = amounts.indexOf(chosen);
    const from = Math.max(chosen.index - 30, amounts[k - 1]?.end ?? 0);
    const to = Math.min(chosen.end + 40, amounts[k + 1]?.index ?? text.length);
    const per = perOf(text.slice(from, to)) ?? (options.regular ? 'session' : undefined);
    const cost: CostInput = { level: donation && !/\bfree\b/i.test(text) ? 'low' : levelOf(amountGBP, per), amountGBP, description };
    if (per !== undefined) cost.per = per;
    const freePeriod = freePeriodOf(text);
    if (freePeriod !== undefined) cost.freePeriod = freePeriod;
    return cost;
  }
  if (free) return { level: 'free', description };
  if (donation) return { level: 'low', description };
  const bound = priced.find((a) => a.bound);
  if (bound !== undefined) return { level: bound.below ? levelOf(bound.amount, options.regular ? 'session' : undefined) : levelOf(bound.amount, perOf(text)), description };
  return undefined;
}

/** An amount of money found in text, where it is, and whether it is a bound ("under £3", "from £35", "up to £5,000"). */
interface Amount {
  readonly amount: number;
  readonly index: number;
  readonly end: number;
  readonly bound: boolean;
  readonly below: boolean;
}

/** Amounts in pounds ("£3", "£ 2.50", "GBP2", "£1,200") and pence ("50p"); text is cut to 2,000 characters first. */
function amountsIn(text: string): Amount[] {
  const out: Amount[] = [];
  for (const m of text.slice(0, 2000).matchAll(/(?:£|\bgbp)\s?(\d{1,3}(?:,\d{3})+|\d{1,5})(\.\d{1,2})?|\b(\d{1,3})p\b/gi)) {
    const amount = m[3] !== undefined ? Number(m[3]) / 100 : Number(`${(m[1] ?? '').replace(/,/g, '')}${m[2] ?? ''}`);
    const before = text.slice(Math.max(0, m.index - 14), m.index).toLowerCase();
    const below = /\b(under|less than|below|up to|max(imum)?)\s*$/.test(before);
    const above = /\b(from|over|more than|at least|starting at)\s*$/.test(before);
    out.push({ amount, index: m.index, end: m.index + m[0].length, bound: below || above, below });
  }
  return out;
}

/**
 * A sentence that says the service itself is free, as opposed to free extras ("plus free
 * courses", "free creche", "many offer free hot drinks"): "Free." or "Cost Free", a sentence
 * starting "Free", "a free course", "is free", "all free", "free to join", "free for residents",
 * "no charge", "costs you nothing", "fully funded".
 */
export const SERVICE_FREE = /^\s*(cost:?\s*)?free\b|\b(a|an|our|this|the|is|are|its|it s|all|completely|totally|entirely|always|cost:?)\s+free\b|\bfree (of charge|to (join|attend|call|use|come|take part|access|everyone|all)|for (all|everyone|anyone|residents|people|adults|members|carers|over|under|the first|\w+ residents))\b|\bno (charge|cost|fee)s?\b|\bcosts? (you )?nothing\b|\bat no cost\b|\bfully funded\b/i;
/** Words around "free" that make it an extra, not the price. */
const FREE_EXTRA = /\b(plus|and|with|including|offer|offers|also)\s+free\b|\bfree\s+\w+\s+(provided|available|included)\b/i;

/**
 * The price a description states, read from its price sentences (see the module notes), or
 * `undefined` when it states none. `regular`: the service meets regularly, so an amount with
 * no period is per session. The cost's `description` is the price sentences.
 *
 * @example
 * ```ts
 * costFromDescription('Drop in at Patchway Community Centre. Thursdays 1.30pm – 3.30pm. £2 a session including tea and cake.');
 * // { level: 'low', amountGBP: 2, per: 'session', description: '£2 a session including tea and cake' }
 * costFromDescription('Help with CVs and job searching, plus free courses to build your skills.'); // undefined
 * costFromDescription('Cost £1', { regular: true });  // { level: 'low', amountGBP: 1, per: 'session', description: 'Cost £1' }
 * ```
 */
export function costFromDescription(text: string, options: { regular?: boolean } = {}): CostInput | undefined {
  const picked: string[] = [];
  for (const raw of text.slice(0, 20_000).split(/(?<=[.!?])\s+|\n+|\s+(?=\b(?:cost|price|fees?)\b\s*[:£\dfF])/i)) {
    const sentence = raw.trim();
    if (sentence === '' || sentence.length > 500) continue;
    const money = /£\s?\d|\bgbp\s?\d|\b\d{1,3}p\b/i.test(sentence);
    const free = SERVICE_FREE.test(sentence.replace(NOT_PRICE, ' ')) && !(FREE_EXTRA.test(sentence) && !/^\s*(cost:?\s*)?free\b|\b(is|are|all)\s+free\b/i.test(sentence));
    if (money || free || DONATION.test(sentence)) picked.push(sentence.replace(/[.!]+$/, ''));
    if (picked.length >= 4) break;
  }
  if (picked.length === 0) return undefined;
  const words = picked.join('. ');
  const cost = costFromText(words, options);
  if (cost === undefined) return undefined;
  // Only the price sentences were read: "free" in one of them now means the price.
  return cost;
}

interface Option {
  readonly amount: number;
  readonly gbp: boolean;
  readonly per: Per | undefined;
  readonly label: string;
}

/**
 * The cost of a service, and whether it was inferred from text: `cost_options`, else the fees
 * text, else the description's price sentences (`text.description`; `text.regular`: the service
 * meets regularly, so an amount with no period is per session). Problems (negative amounts,
 * another currency, fees text that says nothing about price) are pushed onto `issues`.
 *
 * @example
 * ```ts
 * const issues: ValidationIssue[] = [];
 * mapCost({ cost_options: [{ id: 'c1', option: 'Under 18s and Over 60s', amount: 35, amount_description: 'per 1 hour session' }] }, 'contents[0]', issues);
 * // { cost: { level: 'paid', amountGBP: 35, per: 'session', description: 'Under 18s and Over 60s: £35 per 1 hour session' }, inferred: false }
 * ```
 */
export function mapCost(service: JsonObject, path: string, issues: ValidationIssue[], text: { description?: string | undefined; regular?: boolean } = {}): { cost?: CostInput; inferred: boolean } {
  const options: Option[] = [];
  listOf(service.cost_options).forEach((raw, i) => {
    const at = join(join(path, 'cost_options'), i);
    if (!isObject(raw)) {
      issues.push({ path: at, message: 'expected a cost option object; ignored' });
      return;
    }
    const [option, qualifier] = [textOf(raw.option), textOf(raw.amount_description)].map((t) => (t === undefined ? undefined : stripHtml(t)));
    const words = [option, qualifier].filter((t): t is string => t !== undefined).join(' ');
    const amount = numberOf(raw.amount) ?? (FREE_TEXT.test(words.replace(NOT_PRICE, ' ')) ? 0 : undefined);
    if (amount === undefined || amount < 0 || amount > 100000) {
      // Any amount that was given but could not be used is reported (NaN, true and {} were dropped silently).
      if (raw.amount !== undefined && raw.amount !== null) issues.push({ path: join(at, 'amount'), message: 'expected an amount from 0 to 100000; ignored' });
      return;
    }
    const currency = textOf(raw.currency)?.toLowerCase();
    const gbp = currency === undefined || currency === 'gbp' || currency === '£';
    if (!gbp) issues.push({ path: join(at, 'currency'), message: 'expected gbp: the amount sets the cost level but is not kept as pounds' });
    const price = amount === 0 ? 'free' : `${gbp ? money(amount) : `${amount} ${currency?.toUpperCase() ?? ''}`.trim()}${qualifier ? ` ${qualifier}` : ''}`;
    options.push({ amount, gbp, per: perOf(words), label: option ? `${option}: ${price}` : price });
  });
  const feesText = [textOf(service.fees_description), textOf(service.fees)].find((t) => t !== undefined);
  const fees = feesText === undefined ? undefined : stripHtml(feesText);
  if (options.length > 0) {
    // Ties go to the earlier option, so the result never depends on anything but feed order.
    const cheapest = options.reduce((best, o) => (o.amount < best.amount ? o : best));
    const cost: CostInput = { level: levelOf(cheapest.amount, cheapest.per) };
    if (cheapest.amount > 0 && cheapest.gbp) cost.amountGBP = cheapest.amount;
    if (cheapest.amount > 0 && cheapest.per !== undefined) cost.per = cheapest.per;
    const description = [options.map((o) => o.label).join('; '), fees].filter((t) => t !== undefined && t !== '').join('. ');
    if (description !== '') cost.description = fit(description, 500, join(path, 'cost_options'), issues);
    return { cost, inferred: false };
  }
  if (fees === undefined || fees === '') {
    const fromDescription = text.description === undefined ? undefined : costFromDescription(text.description, { regular: text.regular === true });
    return fromDescription === undefined ? { inferred: false } : { cost: fromDescription, inferred: true };
  }
  const cost = costFromText(fees, { regular: text.regular === true });
  const feesPath = join(path, textOf(service.fees_description) !== undefined ? 'fees_description' : 'fees');
  if (cost === undefined) {
    issues.push({ path: feesPath, message: 'could not tell the price from the text: cost left unrecorded' });
    return { inferred: false };
  }
  if (fees.length > 500) issues.push({ path: feesPath, message: 'shortened to 500 characters' });
  return { cost, inferred: true };
}
