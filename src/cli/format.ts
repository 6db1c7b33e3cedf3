/**
 * How the CLI prints shortlists and explanations, wrapped to a width (the terminal's, or 80).
 *
 * @module
 */
import type { ClientProfileInput } from '../schema/client.js';
import type { DeepReadonly } from '../inputs.js';
import { ClientProfileSchema } from '../schema/client.js';
import type { EligibilityRule } from '../rank/eligibility.js';
import type { Explanation, Recommendation } from '../rank/explain.js';
import type { Matcher } from '../matcher.js';
import type { MatchingRulesInput } from '../schema/rules.js';
import { wrap } from './text.js';

const FIT_HEADINGS = { 'practical-first': 'Practical help first', 'for-them': 'Chosen for them', 'open-to-all': 'Also open to them' } as const;

/** Indent of the lines under a shortlist row. */
const UNDER = ' '.repeat(11);

/**
 * A readable table of a shortlist: under each row why it suits this person, whether they can
 * go, what to check, and why diversity placed it below a lower score. When the list mixes fits
 * (practical help first, chosen for them, open to anyone), each starts under its heading.
 * Lines are at most `width` characters (a word longer than that gets a line of its own).
 */
export function formatShortlist(items: readonly Recommendation[], width = 80): string {
  if (items.length === 0) return wrap('No activity both fits them well and passes every rule. Use `explain` to see why an activity is left out.', width).join('\n');
  const lines = [' #  score  activity', `──  ─────  ${'─'.repeat(Math.max(8, Math.min(60, width - 11)))}`];
  const mixed = new Set(items.map((i) => i.fit)).size > 1;
  let fit: Recommendation['fit'] | undefined;
  for (const item of items) {
    if (mixed && item.fit !== fit) lines.push(`    ${FIT_HEADINGS[item.fit]}`);
    fit = item.fit;
    const provider = item.activity.provider ? `  (${item.activity.provider})` : '';
    lines.push(...wrap(`${item.activity.name}${provider}`, width, `${String(item.rank).padStart(2)}  ${item.score.toFixed(2).padStart(5)}  `, UNDER));
    if (item.whyThem.length > 0) lines.push(...wrap(`Why: ${item.whyThem.join(' · ')}`, width, UNDER));
    if (item.canTheyGo.length > 0) lines.push(...wrap(`Going: ${item.canTheyGo.join(' · ')}`, width, UNDER));
    if (item.cautions.length > 0) lines.push(...wrap(`Check: ${item.cautions.join(' · ')}`, width, UNDER));
    if (item.placement !== undefined) lines.push(...wrap(`Note: ${item.placement}`, width, UNDER));
  }
  return lines.join('\n');
}

/** Hard rules a link worker can relax, and how to say so. */
const RELAXABLE: Readonly<Partial<Record<EligibilityRule, string>>> = {
  travel: 'a longer travel limit',
  schedule: 'more times they are free',
  cost: 'a bigger budget',
  'gym-activation': 'allowing gym settings at their activation level',
};

/** Beyond this many activities the CLI does not explain each one to say what to relax. */
const RELAX_SCAN_LIMIT = 20_000;

/**
 * Why a list is shorter than asked: how many more activities fit well but break a rule a link
 * worker could relax (a longer travel limit, more free times, a bigger budget), and how many
 * more pass every rule but fit weakly. Explains every activity, so only for catalogues up to
 * 20,000 activities.
 */
export function shortfallText(matcher: Matcher, profile: DeepReadonly<ClientProfileInput>, at: string, rules: MatchingRulesInput | undefined, items: readonly Recommendation[], limit: number): string {
  const minimum = items[0]?.minRelevance ?? matcher.explain(profile, (matcher.activities[0] as { id: string }).id, { at, ...(rules ? { rules } : {}) }).minRelevance;
  const head = `Only ${items.length} ${items.length === 1 ? 'activity fits' : 'activities fit'} them well (relevance at least ${minimum}), so the list is shorter than ${limit}.`;
  if (matcher.activities.length > RELAX_SCAN_LIMIT) return head;
  const listed = new Set(items.map((i) => i.id));
  // A housebound client cannot travel at all: a longer travel limit is no suggestion for them.
  const housebound = ClientProfileSchema.safeParse(profile).data?.housebound === true;
  const broken = new Map<string, number>();
  let weak = 0;
  for (const activity of matcher.activities) {
    if (listed.has(activity.id)) continue;
    const e = matcher.explain(profile, activity.id, { at, ...(rules ? { rules } : {}) });
    if (e.eligible && !e.fitsWell) weak++;
    if (e.eligible || !e.fitsWell) continue;
    for (const x of e.exclusions) {
      const how = x.rule === 'travel' && housebound ? undefined : RELAXABLE[x.rule];
      if (how !== undefined && e.exclusions.length === 1) broken.set(how, (broken.get(how) ?? 0) + 1);
    }
  }
  const hints = [...broken].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([how, n]) => `${how} would add ${n}`);
  if (weak > 0) hints.push(`${weak} more pass every rule but fit weakly (--min-relevance to include them)`);
  return hints.length === 0 ? head : `${head}\nTo see more: ${hints.join('; ')}.`;
}

/** A readable breakdown of one activity: verdict, factors with contributions, reasons; wrapped to `width`. */
export function formatExplanation(e: Explanation, width = 80): string {
  const lines = [...wrap(`${e.activity.name} (${e.id})`, width), e.eligible ? 'Eligible' : 'Excluded:'];
  for (const x of e.exclusions) lines.push(...wrap(`- ${x.reason} [${x.rule}]`, width, '  ', '    '));
  lines.push(
    ...wrap(
      `Fit: ${FIT_HEADINGS[e.fit].toLowerCase()}; relevance ${e.relevance.toFixed(2)} (why this person; the shortlist takes ${e.minRelevance} or more${e.fitsWell ? '' : ': not reached'}), practicality ${e.practicality.toFixed(2)} (can they go)`,
      width,
      '',
      '     ',
    ),
  );
  lines.push(`Score ${e.score.toFixed(3)} = sum of contributions:`);
  for (const f of e.factors) lines.push(`  ${f.factor.padEnd(11)} value ${f.value.toFixed(2)} × weight ${String(f.weight).padEnd(4)} → ${f.contribution.toFixed(3)}`);
  lines.push(...wrap(`Why: ${e.whyThem.join(' · ')}`, width, '', '     '));
  lines.push(...wrap(`Going: ${e.canTheyGo.join(' · ')}`, width, '', '       '));
  if (e.cautions.length > 0) lines.push(...wrap(`Check: ${e.cautions.join(' · ')}`, width, '', '       '));
  return lines.join('\n');
}
