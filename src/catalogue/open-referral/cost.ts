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
  ['session', /\b(per|a|an|each|every)\s+(\d+\s*(hours?|hrs?|minutes?|mins?)\s+)?(session|class|visit|lesson|hour|meeting|game)s?\b/i],
  ['week', /\b((per|a|each)\s+week|weekly)\b/i],
  ['month', /\b((per|a|each)\s+(calendar\s+)?month|monthly)\b/i],
  ['course', /\b((per|for the|whole|full)\s+(course|programme|program|term|block))\b/i],
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
const FREE_TEXT = /\b(free( of charge)?|no (charge|cost|fee)s?|costs? nothing|at no cost)\b/i;
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
export function costFromText(text: string): CostInput | undefined {
  const amounts = [...text.matchAll(/£\s?(\d{1,5}(?:\.\d{1,2})?)|(\d{1,3})p\b/gi)].map((m) => (m[1] !== undefined ? Number(m[1]) : Number(m[2]) / 100));
  const priced = amounts.filter((a) => a > 0);
  const description = text.slice(0, 500);
  if (priced.length > 0) {
    const amountGBP = Math.min(...priced);
    const per = perOf(text);
    const cost: CostInput = { level: levelOf(amountGBP, per), amountGBP, description };
    if (per !== undefined) cost.per = per;
    const freePeriod = freePeriodOf(text);
    if (freePeriod !== undefined) cost.freePeriod = freePeriod;
    return cost;
  }
  return FREE_TEXT.test(text.replace(NOT_PRICE, ' ')) || amounts.includes(0) ? { level: 'free', description } : undefined;
}

interface Option {
  readonly amount: number;
  readonly gbp: boolean;
  readonly per: Per | undefined;
  readonly label: string;
}

/**
 * The cost of a service, and whether it was inferred from text. Problems (negative amounts,
 * another currency, fees text that says nothing about price) are pushed onto `issues`.
 *
 * @example
 * ```ts
 * const issues: ValidationIssue[] = [];
 * mapCost({ cost_options: [{ id: 'c1', option: 'Under 18s and Over 60s', amount: 35, amount_description: 'per 1 hour session' }] }, 'contents[0]', issues);
 * // { cost: { level: 'paid', amountGBP: 35, per: 'session', description: 'Under 18s and Over 60s: £35 per 1 hour session' }, inferred: false }
 * ```
 */
export function mapCost(service: JsonObject, path: string, issues: ValidationIssue[]): { cost?: CostInput; inferred: boolean } {
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
  if (fees === undefined || fees === '') return { inferred: false };
  const cost = costFromText(fees);
  const feesPath = join(path, textOf(service.fees_description) !== undefined ? 'fees_description' : 'fees');
  if (cost === undefined) {
    issues.push({ path: feesPath, message: 'could not tell the price from the text: cost left unrecorded' });
    return { inferred: false };
  }
  if (fees.length > 500) issues.push({ path: feesPath, message: 'shortened to 500 characters' });
  return { cost, inferred: true };
}
