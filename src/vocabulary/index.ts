import { AUDIENCE_GROUPS, CATEGORIES, CONDITIONS, NEEDS, TAGS } from './terms.js';
import { createVocabulary, slugify } from './normalise.js';

export { AUDIENCE_GROUPS, CATEGORIES, CONDITIONS, NEEDS, TAGS } from './terms.js';
export type { AudienceGroup, Category, Condition, Need, Term } from './terms.js';
export { createVocabulary, foldText, slugify } from './normalise.js';
export type { Vocabulary } from './normalise.js';

/**
 * The built-in vocabularies, compiled once.
 *
 * @example
 * ```ts
 * vocabularies.conditions.lookup('Emphysema');   // 'copd'
 * vocabularies.needs.lookup('Universal Credit'); // 'benefits'
 * vocabularies.categories.match('excercise');    // 'physical-activity'  (fuzzy)
 * vocabularies.tags.lookup('pétanque');          // undefined  (not a known tag)
 * ```
 */
export const vocabularies = {
  categories: createVocabulary(CATEGORIES),
  conditions: createVocabulary(CONDITIONS),
  needs: createVocabulary(NEEDS),
  tags: createVocabulary(TAGS),
  groups: createVocabulary(AUDIENCE_GROUPS),
} as const;

/**
 * Canonical tag for a directory or client keyword: a known tag id when the text is one of
 * its forms, else the text as a slug. Tags are an open vocabulary.
 *
 * @example
 * ```ts
 * normaliseTag('Bee Keeping'); // 'beekeeping'
 * normaliseTag('Pétanque');    // 'petanque'
 * ```
 */
export function normaliseTag(text: string): string {
  return vocabularies.tags.lookup(text) ?? slugify(text);
}
