/**
 * The taxonomy terms of a service, wherever the feed keeps them:
 * - HSDS 3.0 `attributes[].taxonomy_term.name` (UK v3 also `.term`);
 * - a flat `taxonomy_terms[].name` (some v3 APIs);
 * - UK v1 `service_taxonomys[].taxonomy.name`.
 *
 * @module
 */
import { stripHtml } from './html.js';
import { isObject, listOf, textOf } from './fields.js';
import type { JsonObject } from './fields.js';

function termText(term: unknown): string | undefined {
  if (!isObject(term)) return undefined;
  const text = textOf(term.name) ?? textOf(term.term);
  return text === undefined ? undefined : stripHtml(text);
}

/**
 * The taxonomy term names of a service, de-duplicated, in feed order.
 *
 * @example
 * ```ts
 * taxonomyTerms({
 *   attributes: [{ id: 'a1', taxonomy_term: { id: 't1', name: 'Physical activity' } }],
 *   service_taxonomys: [{ id: 'x', taxonomy: { id: 't2', name: 'Older people', vocabulary: 'Audience' } }],
 * }); // ['Physical activity', 'Older people']
 * ```
 */
export function taxonomyTerms(service: JsonObject): string[] {
  const terms: (string | undefined)[] = [];
  for (const attribute of listOf(service.attributes)) if (isObject(attribute)) terms.push(termText(attribute.taxonomy_term));
  for (const term of listOf(service.taxonomy_terms)) terms.push(termText(term));
  for (const link of listOf(service.service_taxonomys)) if (isObject(link)) terms.push(termText(link.taxonomy));
  return [...new Set(terms.filter((t): t is string => t !== undefined && t !== ''))];
}
