/**
 * How free text is folded before it is compared: the vocabularies' synonyms (`foldText`) and the
 * names of areas (`areaKey`) both fold this way, so "Bee-Keeping!" and "bee keeping", or
 * "Bristol, City of" and "bristol city of", compare equal. Kept in the signals layer, with no
 * imports, so that the `/factors` entry does not pull in the vocabularies and fuse.js.
 *
 * @module
 */

/**
 * Accents removed, lower case, apostrophes dropped, every other run of characters that are not
 * letters or digits a single space, trimmed. Internal: callers check their argument first.
 *
 * @example
 * ```ts
 * fold('  Bee-Keeping! '); // 'bee keeping'
 * fold("Women's Café");    // 'womens cafe'
 * ```
 */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
