import Fuse from 'fuse.js';
import type { Term } from './terms.js';

/**
 * Folds text for exact look-up: lower case, accents removed, every run of characters
 * other than letters and digits turned into one space, trimmed.
 *
 * @example
 * ```ts
 * foldText('  Bee-Keeping! '); // 'bee keeping'
 * ```
 */
export function foldText(text: string): string {
  // Most vocabulary text is already folded ("copd", "type 2 diabetes"); skip the slow path.
  // (A linear check: a nested quantifier here overflowed the stack on megabytes of "a a a".)
  if (/^[a-z0-9 ]*$/.test(text) && !text.startsWith(' ') && !text.endsWith(' ') && !text.includes('  ')) return text;
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Turns text into a slug id: the folded text with hyphens for spaces.
 *
 * @example
 * ```ts
 * slugify("Men's Shed"); // 'mens-shed'
 * ```
 */
export function slugify(text: string): string {
  return foldText(text).replace(/ /g, '-');
}

/** A compiled vocabulary: exact look-up by folded id, label or synonym, plus a fuzzy index. */
export interface Vocabulary {
  readonly terms: readonly Term[];
  /** Canonical id for text that is an id, label or synonym (case, spacing and punctuation folded). */
  lookup(text: string): string | undefined;
  /** Canonical id for free text: exact look-up first, then fuzzy; undefined when nothing is close. */
  match(text: string): string | undefined;
}

interface FuzzyEntry {
  readonly id: string;
  readonly text: string;
}

/** Fuse threshold for free text: 0 is exact, 1 matches anything; 0.3 tolerates a typo or two. */
const FUZZY_THRESHOLD = 0.3;

/**
 * Compiles a list of terms into a {@link Vocabulary}. Later terms never override earlier ones:
 * the first term claiming a folded form keeps it, so look-ups are deterministic.
 *
 * @example
 * ```ts
 * const conditions = createVocabulary(CONDITIONS);
 * conditions.lookup('Chronic Obstructive Pulmonary Disease'); // 'copd'
 * conditions.match('astma');                                  // 'asthma'
 * ```
 */
export function createVocabulary(terms: readonly Term[]): Vocabulary {
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
      if (folded.length < 3) return undefined;
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
