import Fuse from 'fuse.js';
import { z } from 'zod';
import { ActivityMatchError } from '../errors.js';
import { toIssues } from '../validate.js';
import type { Term } from './terms.js';
import { guard } from '../guard.js';
import { fold } from '../signals/fold.js';

/** What a text argument must be (the helpers below throw this for anything but a string). */
function expectText(value: unknown, path: string): asserts value is string {
  if (typeof value !== 'string') throw new ActivityMatchError('INVALID_OPTIONS', [{ path, message: 'expected text (a string)' }]);
}

/**
 * Longest folded text {@link Vocabulary.match} matches fuzzily (longer text is only looked up
 * exactly): no term of a vocabulary is anywhere near as long, and fuzzy matching costs time in
 * proportion to the text's length times the vocabulary's.
 *
 * @example
 * ```ts
 * vocabularies.tags.match('x'.repeat(FUZZY_TEXT_LIMIT + 1)); // undefined at once
 * ```
 */
export const FUZZY_TEXT_LIMIT = 64;

/**
 * Folds text for exact look-up: lower case, accents removed, every run of characters
 * other than letters and digits turned into one space, trimmed. Takes time in proportion to
 * the text's length (no fuzzy or prefix work); anything but a string throws `INVALID_OPTIONS`
 * with path `text`.
 *
 * @example
 * ```ts
 * foldText('  Bee-Keeping! '); // 'bee keeping'
 * ```
 */
export function foldText(text: string): string {
  expectText(text, 'text');
  // Most vocabulary text is already folded ("copd", "type 2 diabetes"); skip the slow path.
  // (A linear check: a nested quantifier here overflowed the stack on megabytes of "a a a".)
  if (/^[a-z0-9 ]*$/.test(text) && !text.startsWith(' ') && !text.endsWith(' ') && !text.includes('  ')) return text;
  return fold(text);
}

/**
 * Turns text into a slug id: the folded text with hyphens for spaces. Like {@link foldText}, it
 * takes time in proportion to the text's length and throws `INVALID_OPTIONS` (path `text`) for
 * anything but a string.
 *
 * @example
 * ```ts
 * slugify("Men's Shed"); // 'mens-shed'
 * ```
 */
export function slugify(text: string): string {
  return foldText(text).replace(/ /g, '-');
}

/**
 * A compiled vocabulary: exact look-up by folded id, label or synonym, plus a fuzzy index.
 * Both methods throw `ActivityMatchError` (`INVALID_OPTIONS`, path `text`) for anything but a string.
 */
export interface Vocabulary {
  readonly terms: readonly Term[];
  /** Canonical id for text that is an id, label or synonym (case, spacing and punctuation folded). Linear in the text's length. */
  lookup(text: string): string | undefined;
  /**
   * Canonical id for free text: exact look-up first, then fuzzy; undefined when nothing is close.
   * Text longer than {@link FUZZY_TEXT_LIMIT} characters once folded is only looked up exactly.
   */
  match(text: string): string | undefined;
}

interface FuzzyEntry {
  readonly id: string;
  readonly text: string;
}

const termText = (what: string) => z.string({ error: `expected ${what} of 1 to 200 characters` }).min(1, { error: `expected ${what} of 1 to 200 characters` }).max(200, { error: `expected ${what} of 1 to 200 characters` });
const TermsSchema = z
  .array(
    z.object(
      {
        id: termText('an id'),
        label: termText('a label'),
        synonyms: z.array(z.string({ error: 'expected a synonym of at most 200 characters' }).max(200, { error: 'expected a synonym of at most 200 characters' }), { error: 'expected a list of synonyms' }).max(200, { error: 'expected at most 200 synonyms' }),
      },
      { error: 'expected a term { id, label, synonyms }' },
    ),
    { error: 'expected a list of terms { id, label, synonyms }' },
  )
  .max(10_000, { error: 'expected at most 10,000 terms' });

/** Fuse threshold for free text: 0 is exact, 1 matches anything; 0.3 tolerates a typo or two. */
const FUZZY_THRESHOLD = 0.3;

/**
 * Compiles a list of terms into a {@link Vocabulary}. Later terms never override earlier ones:
 * the first term claiming a folded form keeps it, so look-ups are deterministic. The terms are
 * checked first: a list of at most 10,000 `{ id, label, synonyms }` with ids and labels of 1 to
 * 200 characters and at most 200 synonyms of up to 200 characters each, or `ActivityMatchError`
 * (`INVALID_OPTIONS`, path such as `terms[3].label`).
 *
 * @example
 * ```ts
 * const conditions = createVocabulary(CONDITIONS);
 * conditions.lookup('Chronic Obstructive Pulmonary Disease'); // 'copd'
 * conditions.match('astma');                                  // 'asthma'
 * ```
 */
export function createVocabulary(terms: readonly Term[]): Vocabulary {
  return guard([{ code: 'INVALID_OPTIONS', path: 'terms', value: terms, fields: [TermsSchema] }], () => createVocabularyUnguarded(terms));
}

function createVocabularyUnguarded(terms: readonly Term[]): Vocabulary {
  const checked = TermsSchema.safeParse(terms);
  if (!checked.success) throw new ActivityMatchError('INVALID_OPTIONS', toIssues('terms', checked.error, TermsSchema, terms));
  const exact = new Map<string, string>();
  const entries: FuzzyEntry[] = [];
  for (const term of terms) {
    for (const form of [term.id, term.label, ...term.synonyms]) {
      const folded = foldText(form);
      if (folded === '') continue;
      if (!exact.has(folded)) exact.set(folded, term.id);
      // Hyphenated and closed-up spellings ("bee-keeping", "beekeeping") fold to the same key.
      const closed = folded.replace(/ /g, '');
      if (!exact.has(closed)) exact.set(closed, term.id);
      entries.push({ id: term.id, text: folded });
    }
  }
  let fuse: Fuse<FuzzyEntry> | undefined;
  const lookup = (text: string): string | undefined => {
    expectText(text, 'text');
    const direct = exact.get(text);
    if (direct !== undefined) return direct;
    const folded = foldText(text);
    return exact.get(folded) ?? exact.get(folded.replace(/ /g, ''));
  };
  return {
    terms,
    lookup,
    match(text) {
      const hit = lookup(text);
      if (hit !== undefined) return hit;
      const folded = foldText(text);
      if (folded.length < 3 || folded.length > FUZZY_TEXT_LIMIT) return undefined;
      // Built on first fuzzy use: validation only ever needs the exact map.
      fuse ??= new Fuse(entries, { keys: ['text'], includeScore: true, threshold: FUZZY_THRESHOLD, ignoreLocation: true });
      const results = fuse.search(folded);
      let best: { id: string; score: number } | undefined;
      for (const r of results) {
        const score = r.score ?? 1;
        // Lowest score wins; equal scores go to the smaller id so the answer never depends on order.
        if (best === undefined || score < best.score || (score === best.score && r.item.id < best.id)) {
          best = { id: r.item.id, score };
        }
      }
      return best?.id;
    },
  };
}
