/**
 * What a service is, from its taxonomy terms and its words: category, tags, intensity, group
 * size, supported start, conditions it is designed for or unsuitable for, and needs it meets.
 *
 * | field | from taxonomy terms ({@link resolveKeyword}) | from text (name, description, eligibility description) |
 * |---|---|---|
 * | category | a term naming a category (exact or phrase) wins; several are ranked by the text | highest {@link CATEGORY_CUES} score (each cue once per text, {@link NOT_CATEGORY_PHRASES} taken out first), name ×3, plus the UK `deliverable_type`'s {@link DELIVERABLE_CUES} (each term, and each part of a term joined by 'and', '&' or '/', once), ties by {@link CATEGORY_PRIORITY}; none → `social` with a warning |
 * | tags | terms naming tags; unresolved terms kept as open tags | tag phrases in name and description ({@link scanText}) |
 * | intensity | – | physical activity and nature: first of {@link INTENSITY_CUES} once negated phrases are removed; other categories `none`, or `light` when the name has a cue |
 * | groupSize | – | a stated number of places (≤1, ≤8, ≤20, more), else {@link GROUP_CUES}; befriending is one-to-one |
 * | supported | – | {@link SUPPORTED_CUE} (never inferred false) |
 * | conditions.designedFor | terms naming conditions | conditions in the name, or in a sentence with {@link DESIGNED_CUE} |
 * | conditions.unsuitableFor | – | conditions in a sentence with {@link UNSUITABLE_CUE}; one also designed for stays designed for (a warning) |
 * | needs | terms naming needs | need phrases anywhere |
 *
 * A field is listed in `inferred` when any of its values came from text or from a fuzzy
 * match of a taxonomy term; exact taxonomy matches are data, not inference.
 *
 * @module
 */
import type { ValidationIssue } from '../../errors.js';
import type { GroupSize, Intensity } from '../../schema/activity.js';
import { foldText, normaliseTag } from '../../vocabulary/index.js';
import type { Category, Condition, Need } from '../../vocabulary/index.js';
import { CATEGORY_CUES, CATEGORY_PRIORITY, DELIVERABLE_CUES, DESIGNED_CUE, FALLBACK_CATEGORY, GROUP_CUES, GROUP_NUMBER, INTENSITY_CUES, NEGATED, NOT_CATEGORY_PHRASES, RESTING_CATEGORIES, SUPPORTED_CUE, UNSUITABLE_CUE } from './cues.js';
import { KEYWORD_LIMIT, resolveKeyword, scanText, sentencesOf } from '../../vocabulary/keywords.js';
import type { VocabularyName } from '../../vocabulary/keywords.js';
import { INFERABLE_FIELDS } from './schema.js';
import type { InferableField } from './schema.js';
import { textOf } from './fields.js';
import type { JsonObject } from './fields.js';

/** The words of a service the inference reads (plain text, HTML already stripped). */
export interface TextSources {
  readonly name: string;
  readonly description?: string | undefined;
  readonly eligibility?: string | undefined;
  /** UK `deliverable_type` terms ("Physical activity", "Advice"): a weak category cue ({@link DELIVERABLE_CUES}). */
  readonly deliverable?: readonly string[] | undefined;
}

/**
 * The UK `deliverable_type` terms of a service: a comma-separated string or a list, each term
 * trimmed, at most 10.
 *
 * @example
 * ```ts
 * deliverableTypes({ deliverable_type: '1 to 1 support, Course' }); // ['1 to 1 support', 'Course']
 * ```
 */
export function deliverableTypes(service: JsonObject): string[] {
  const raw = Array.isArray(service.deliverable_type) ? service.deliverable_type.slice(0, 10) : [service.deliverable_type];
  const out: string[] = [];
  for (const value of raw) {
    const text = textOf(value);
    if (text === undefined) continue;
    for (const term of text.slice(0, 500).split(/[,;|]/)) if (term.trim() !== '' && out.length < 10) out.push(term.trim());
  }
  return out;
}

/** The inferred fields, ready for the activity. */
export interface InferredFields {
  category: Category;
  tags: string[];
  intensity?: Intensity;
  groupSize?: GroupSize;
  supported?: boolean;
  designedFor: Condition[];
  unsuitableFor: Condition[];
  needs: Need[];
  /** Activity field paths with values from text or fuzzy matches, e.g. `conditions.designedFor`. */
  inferred: InferableField[];
}

const MAX_TAXONOMY_TAGS = 20;
/** The activity field a taxonomy term lands in, by vocabulary. */
const FIELD_OF: Readonly<Record<VocabularyName, InferableField>> = { categories: 'category', tags: 'tags', conditions: 'conditions.designedFor', needs: 'needs' };
let cueMap: Map<string, [Category, number][]> | undefined;

function categoryCues(): Map<string, [Category, number][]> {
  if (cueMap) return cueMap;
  cueMap = new Map();
  for (const [category, cues] of Object.entries(CATEGORY_CUES) as [Category, Record<string, number>][]) {
    for (const [phrase, weight] of Object.entries(cues)) cueMap.set(phrase, [...(cueMap.get(phrase) ?? []), [category, weight]]);
  }
  return cueMap;
}

/**
 * Category scores of a text: the summed weights of the {@link CATEGORY_CUES} in it, times
 * `factor`. Each cue counts once however often the text repeats it, and
 * {@link NOT_CATEGORY_PHRASES} ("learning disabilities", "social care") are taken out first; no
 * cue spans the gap they leave.
 *
 * @example
 * ```ts
 * const scores = new Map();
 * addCategoryScores('Community Counselling', 3, scores); // scores: { 'mental-wellbeing' => 6 }
 * addCategoryScores('Disco for adults with learning disabilities', 1, scores); // adds social 2 (disco), no learning
 * ```
 */
export function addCategoryScores(text: string, factor: number, scores: Map<Category, number>): void {
  const cues = categoryCues();
  // '~' is no word of any cue, so an n-gram that reaches it matches nothing.
  const words = foldText(text).replace(NOT_CATEGORY_PHRASES, '~').split(' ').filter((w) => w !== '');
  const seen = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    for (let n = 1; n <= Math.min(4, words.length - i); n++) {
      const phrase = words.slice(i, i + n).join(' ');
      const hits = cues.get(phrase);
      if (hits === undefined || seen.has(phrase)) continue;
      seen.add(phrase);
      for (const [category, weight] of hits) scores.set(category, (scores.get(category) ?? 0) + weight * factor);
    }
  }
}

/**
 * Category scores of the UK `deliverable_type` terms ({@link DELIVERABLE_CUES}): a term the table
 * names, whole; any other term that joins several with "and", "&" or "/", part by part
 * ("Information and advice" is information and advice); a term or part counts once.
 *
 * @example
 * ```ts
 * const scores = new Map();
 * addDeliverableScores(['Information and advice'], scores); // scores: { 'health-education' => 0.5, 'practical-support' => 3 }
 * ```
 */
export function addDeliverableScores(terms: readonly string[], scores: Map<Category, number>): void {
  const seen = new Set<string>();
  for (const term of terms) {
    const whole = foldText(term.slice(0, 200));
    const phrases = Object.hasOwn(DELIVERABLE_CUES, whole) ? [whole] : term.slice(0, 200).split(/\s*(?:&|\/|\band\b)\s*/i).map((p) => foldText(p));
    for (const phrase of phrases) {
      if (phrase === '' || seen.has(phrase)) continue;
      seen.add(phrase);
      if (!Object.hasOwn(DELIVERABLE_CUES, phrase)) continue;
      for (const [category, weight] of Object.entries(DELIVERABLE_CUES[phrase] ?? {}) as [Category, number][]) scores.set(category, (scores.get(category) ?? 0) + weight);
    }
  }
}

function best(candidates: readonly Category[], scores: ReadonlyMap<Category, number>): Category | undefined {
  let chosen: Category | undefined;
  for (const c of CATEGORY_PRIORITY) {
    if (!candidates.includes(c)) continue;
    if (chosen === undefined || (scores.get(c) ?? 0) > (scores.get(chosen) ?? 0)) chosen = c;
  }
  return chosen;
}

function groupSizeOf(plain: string, folded: string, category: Category): GroupSize | undefined {
  const m = GROUP_NUMBER.exec(plain);
  const n = m === null ? undefined : Number(m[1] ?? m[2]);
  if (n !== undefined && n > 0) return n <= 1 ? 'one-to-one' : n <= 8 ? 'small' : n <= 20 ? 'medium' : 'large';
  const cue = GROUP_CUES.find(([, re]) => re.test(folded));
  if (cue) return cue[0];
  return category === 'befriending' ? 'one-to-one' : undefined;
}

function intensityOf(foldedName: string, foldedAll: string, category: Category): Intensity | undefined {
  const [name, all] = [foldedName, foldedAll].map((t) => t.replace(NEGATED, ' ')) as [string, string];
  if (RESTING_CATEGORIES.has(category)) return INTENSITY_CUES.some(([, re]) => re.test(name)) ? 'light' : 'none';
  return INTENSITY_CUES.find(([, re]) => re.test(all))?.[0];
}

/** Adds a value once; true when it was new. */
function push<T>(list: T[], value: T): boolean {
  if (list.includes(value)) return false;
  list.push(value);
  return true;
}

/**
 * Infers the descriptive fields of an activity from its words and its taxonomy terms
 * (`keywords`; see the module table). Problems (no
 * category found, a condition both designed for and unsuitable) are pushed onto `issues`
 * at `path`.
 *
 * @example
 * ```ts
 * const issues: ValidationIssue[] = [];
 * inferFields({ name: 'Singing for Lung Health', description: 'A small, supported group for people living with COPD. Not suitable for people with unstable angina.' }, [], 'contents[0]', issues);
 * // { category: 'creative', tags: ['pulmonary-rehab'], intensity: 'none', groupSize: 'small', supported: true,
 * //   designedFor: ['copd'], unsuitableFor: ['heart-disease'], needs: [],
 * //   inferred: ['category', 'tags', 'intensity', 'groupSize', 'supported', 'conditions.designedFor', 'conditions.unsuitableFor'] }
 * ```
 */
export function inferFields(text: TextSources, keywords: readonly string[], path: string, issues: ValidationIssue[]): InferredFields {
  const inferred = new Set<InferableField>();
  const body = [text.description, text.eligibility].filter((t): t is string => t !== undefined && t !== '').join('\n');
  const tags: string[] = [];
  const designedFor: Condition[] = [];
  const unsuitableFor: Condition[] = [];
  const needs: Need[] = [];
  const taxonomyCategories: Category[] = [];

  for (const keyword of keywords) {
    // resolveKeyword reads a term up to KEYWORD_LIMIT characters; say so when a feed's term is longer.
    if (keyword.length > KEYWORD_LIMIT) issues.push({ path, message: `a taxonomy term of more than ${KEYWORD_LIMIT} characters was read only up to its ${KEYWORD_LIMIT}th character` });
    const hits = resolveKeyword(keyword);
    const slug = normaliseTag(keyword);
    if (hits.length === 0 && slug !== '' && tags.length < MAX_TAXONOMY_TAGS && keyword.length <= 80) push(tags, slug);
    for (const hit of hits) {
      const field = FIELD_OF[hit.vocabulary];
      if (hit.via === 'fuzzy') inferred.add(field);
      if (hit.vocabulary === 'categories') push(taxonomyCategories, hit.id as Category);
      else if (hit.vocabulary === 'tags') push(tags, hit.id);
      else if (hit.vocabulary === 'conditions') push(designedFor, hit.id as Condition);
      else push(needs, hit.id as Need);
    }
  }

  const scores = new Map<Category, number>();
  addCategoryScores(text.name, 3, scores);
  addCategoryScores(body, 1, scores);
  addDeliverableScores(text.deliverable ?? [], scores);
  let category = best(taxonomyCategories, scores);
  if (category === undefined) {
    category = best([...scores.keys()].filter((c) => (scores.get(c) ?? 0) > 0), scores);
    inferred.add('category');
  }
  if (category === undefined) {
    issues.push({ path, message: `no taxonomy term or words matched a category: category set to '${FALLBACK_CATEGORY}'` });
    category = FALLBACK_CATEGORY;
  }

  const nameHits = scanText(text.name);
  const bodyHits = scanText(body);
  for (const hit of [...nameHits, ...scanText(text.description ?? '')]) {
    if (hit.vocabulary === 'tags' && push(tags, hit.id)) inferred.add('tags');
  }
  const foldedName = foldText(text.name);
  const nameUnsuitable = UNSUITABLE_CUE.test(foldedName);
  const sentences = sentencesOf(body).map(foldText);
  const addCondition = (id: Condition, unsuitable: boolean) => {
    if (push(unsuitable ? unsuitableFor : designedFor, id)) inferred.add(unsuitable ? 'conditions.unsuitableFor' : 'conditions.designedFor');
  };
  const addNeed = (id: Need) => {
    if (push(needs, id)) inferred.add('needs');
  };
  for (const hit of nameHits) if (hit.vocabulary === 'conditions') addCondition(hit.id as Condition, nameUnsuitable);
  for (const hit of bodyHits) {
    if (hit.vocabulary === 'needs') addNeed(hit.id as Need);
    if (hit.vocabulary !== 'conditions') continue;
    const sentence = sentences[hit.sentence] ?? '';
    if (UNSUITABLE_CUE.test(sentence)) addCondition(hit.id as Condition, true);
    else if (DESIGNED_CUE.test(sentence)) addCondition(hit.id as Condition, false);
  }
  for (const hit of nameHits) if (hit.vocabulary === 'needs') addNeed(hit.id as Need);
  const conflicts = unsuitableFor.filter((c) => designedFor.includes(c));
  if (conflicts.length > 0) {
    issues.push({ path, message: `the text says both designed for and unsuitable for ${conflicts.length === 1 ? 'a condition' : `${conflicts.length} conditions`}: kept as designed for; check the description` });
  }

  const plain = `${text.name}. ${text.description ?? ''}`;
  const foldedAll = foldText(plain);
  const result: InferredFields = { category, tags, designedFor, unsuitableFor: unsuitableFor.filter((c) => !conflicts.includes(c)), needs, inferred: [] };
  if (result.unsuitableFor.length === 0) inferred.delete('conditions.unsuitableFor');
  const intensity = intensityOf(foldedName, foldedAll, category);
  if (intensity !== undefined) {
    result.intensity = intensity;
    inferred.add('intensity');
  }
  const groupSize = groupSizeOf(plain, foldedAll, category);
  if (groupSize !== undefined) {
    result.groupSize = groupSize;
    inferred.add('groupSize');
  }
  if (SUPPORTED_CUE.test(foldedAll)) {
    result.supported = true;
    inferred.add('supported');
  }
  result.inferred = INFERABLE_FIELDS.filter((f) => inferred.has(f));
  return result;
}
