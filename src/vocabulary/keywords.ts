/**
 * Directory words onto the vocabularies: the keyword and fuzzy mapping the importer uses for
 * taxonomy terms and free text (and that client interests can share).
 *
 * Two entry points:
 * - {@link resolveKeyword} for a short keyword (a taxonomy term such as "Health > Lung
 *   conditions"): exact look-up in every vocabulary, then the extra keywords below, then
 *   known phrases inside it, then a fuzzy match (fuse.js) onto conditions, needs and tags.
 *   Categories are never matched fuzzily (too many near misses: "reading" is not "befriending").
 * - {@link scanText} for prose: every known phrase of conditions, needs and tags, longest
 *   first, word-aligned, without fuzziness, skipping the {@link AMBIGUOUS} forms that mean
 *   something else in a sentence ("a short walk from the station", "weight-bearing", "tablets").
 *
 * @module
 */
import Fuse from 'fuse.js';
import { ActivityMatchError } from '../errors.js';
import { foldText, FUZZY_TEXT_LIMIT } from './normalise.js';
import { vocabularies } from './index.js';

/**
 * Longest keyword {@link resolveKeyword} reads, in characters: a longer one (a broken feed's
 * taxonomy term, a pasted paragraph) is read up to here, cut back to the last whole word.
 * Taxonomy terms are a few words; fuzzy matching costs time in proportion to the text's length.
 *
 * @example
 * ```ts
 * resolveKeyword(`Walking groups ${'x'.repeat(1_000_000)}`); // reads 'Walking groups' and the first letters of the rest, at once
 * ```
 */
export const KEYWORD_LIMIT = 200;

/**
 * The first {@link KEYWORD_LIMIT} characters of a keyword, cut back to the last whole word when
 * the cut falls inside one (unless the keyword is one long word); the keyword itself when shorter.
 *
 * @example
 * ```ts
 * keywordPart('Health > Lung conditions'); // 'Health > Lung conditions'
 * ```
 */
export function keywordPart(keyword: string): string {
  if (keyword.length <= KEYWORD_LIMIT) return keyword;
  const head = keyword.slice(0, KEYWORD_LIMIT);
  if (/[\p{L}\p{N}]/u.test(keyword.charAt(KEYWORD_LIMIT))) {
    const space = head.search(/\s\S*$/);
    if (space > 0) return head.slice(0, space);
  }
  return head;
}

/** The vocabularies a keyword can land in. */
export type VocabularyName = 'categories' | 'conditions' | 'needs' | 'tags';

/** One vocabulary term a keyword or phrase stands for. */
export interface KeywordHit {
  readonly vocabulary: VocabularyName;
  readonly id: string;
  /** How it was found: exact form, a phrase inside the keyword, or fuzzy. */
  readonly via: 'exact' | 'phrase' | 'fuzzy';
}

/**
 * Phrases the vocabularies lack, as directories write them. Candidates for vocabulary synonyms.
 */
export const EXTRA_KEYWORDS: Readonly<Record<VocabularyName, Readonly<Record<string, readonly string[]>>>> = {
  categories: {
    'physical-activity': ['physical activity', 'sport and leisure', 'sports and leisure', 'leisure', 'active lifestyles', 'health and fitness'],
    social: ['community groups', 'social groups', 'social clubs', 'lunch clubs', 'older people s groups', 'friendship groups'],
    creative: ['arts and culture', 'arts crafts and creative', 'music', 'creative activities'],
    nature: ['parks and open spaces', 'outdoor activities', 'gardening', 'nature and environment'],
    learning: ['learning and skills', 'adult education and learning', 'libraries'],
    'health-education': ['health education', 'self management courses', 'expert patients'],
    befriending: ['befriending services'],
    'practical-support': ['advice and guidance', 'money and debt', 'benefits and money', 'housing support', 'food banks'],
    'mental-wellbeing': ['mental health and wellbeing', 'counselling', 'talking therapies', 'emotional wellbeing'],
  },
  conditions: {
    // "Diabetes" with no type is either type: a diabetes service serves both.
    'type-1-diabetes': ['diabetes'],
    'type-2-diabetes': ['diabetes', 'prediabetes', 'pre diabetes'],
    copd: ['lung condition', 'lung conditions', 'lung disease', 'respiratory condition', 'respiratory conditions', 'breathing problems'],
    asthma: ['lung condition', 'lung conditions', 'respiratory condition', 'respiratory conditions', 'breathing problems'],
    'heart-disease': ['heart condition', 'heart conditions', 'heart problems', 'heart attack', 'heart attacks'],
    dementia: ['memory problems'],
    'chronic-pain': ['pain management'],
  },
  needs: {
    loneliness: ['meet new people', 'make friends', 'making friends', 'meet others', 'social contact', 'feeling alone', 'friendship'],
    financial: ['money advice', 'budgeting', 'money management'],
    employment: ['back to work', 'job search', 'job club', 'finding work'],
    'physical-activity': ['physical activity', 'get active', 'getting active', 'keep active', 'stay active'],
    'mental-wellbeing': ['mental health'],
    food: ['foodbank', 'food pantry', 'pantry'],
    'digital-skills': ['get online', 'digital support'],
  },
  tags: {
    walking: ['health walk', 'guided walk', 'guided walks', 'walk and talk', 'nordic walking'],
    // Open-vocabulary tags, so the phrase is not read as the tag inside it.
    'walking-football': ['walking football'],
    'walking-netball': ['walking netball'],
    'peer-support': ['support groups', 'peer support group'],
    'strength-and-balance': ['falls prevention classes'],
    conservation: ['conservation volunteering'],
  },
};

/** Forms left out of prose scanning: in a sentence they usually mean something else. */
export const AMBIGUOUS: ReadonlySet<string> = new Set([
  // needs
  'loss', 'work', 'job', 'jobs', 'law', 'legal', 'money', 'pip', 'caring', 'carer', 'food', 'weight', 'benefits',
  // tags
  'walk', 'pool', 'honey', 'growing', 'band', 'games', 'cards', 'reading', 'volunteer', 'balance', 'breathing', 'outside',
  'park', 'internet', 'camera', 'photos', 'computer', 'history', 'for men', 'for women', 'supported', 'tablets',
  'large group', 'large groups', 'big groups', 'crowds', 'crowded', 'busy places', 'large classes',
  // conditions
  'panic', 'unsteady',
]);

/**
 * Words that name no one term on their own: "games" may be cards, board games, bingo or a quiz,
 * so it is kept as the client's own word (a slug tag) rather than guessed fuzzily.
 */
export const VAGUE: ReadonlySet<string> = new Set(['games', 'game', 'activities', 'activity', 'groups', 'group', 'hobbies', 'hobby', 'classes', 'things', 'clubs']);

const VOCABULARY_NAMES = ['categories', 'conditions', 'needs', 'tags'] as const;
const SCANNED = ['conditions', 'needs', 'tags'] as const;
const MAX_WORDS = 5;
/** Fuse threshold for keywords: about one typo in five letters. */
const FUZZY_THRESHOLD = 0.25;
/** Shorter keywords are never matched fuzzily ("name" is not "games"). */
const FUZZY_MIN_LENGTH = 5;

interface Indexes {
  /** Every form, for short keywords. */
  readonly exact: Map<string, KeywordHit[]>;
  /** Forms safe in prose (conditions, needs, tags only). */
  readonly prose: Map<string, KeywordHit[]>;
  readonly fuzzy: Fuse<{ vocabulary: VocabularyName; id: string; text: string }>;
}

let indexes: Indexes | undefined;

function add(map: Map<string, KeywordHit[]>, form: string, hit: KeywordHit): void {
  const list = map.get(form) ?? [];
  if (!list.some((h) => h.vocabulary === hit.vocabulary && h.id === hit.id)) list.push(hit);
  map.set(form, list);
}

// Built on first use: importing the module costs nothing.
function build(): Indexes {
  const exact = new Map<string, KeywordHit[]>();
  const prose = new Map<string, KeywordHit[]>();
  const entries: { vocabulary: VocabularyName; id: string; text: string }[] = [];
  for (const vocabulary of VOCABULARY_NAMES) {
    const forms: [string, string][] = [];
    for (const term of vocabularies[vocabulary].terms) for (const form of [term.id, term.label, ...term.synonyms]) forms.push([term.id, form]);
    for (const [id, extra] of Object.entries(EXTRA_KEYWORDS[vocabulary])) for (const form of extra) forms.push([id, form]);
    for (const [id, form] of forms) {
      const folded = foldText(form);
      if (folded === '') continue;
      add(exact, folded, { vocabulary, id, via: 'exact' });
      const inProse = (SCANNED as readonly string[]).includes(vocabulary) && !AMBIGUOUS.has(folded) && folded.replace(/ /g, '').length > 3 && folded.split(' ').length <= MAX_WORDS;
      if (inProse) add(prose, folded, { vocabulary, id, via: 'phrase' });
      if (vocabulary !== 'categories') entries.push({ vocabulary, id, text: folded });
    }
  }
  const fuzzy = new Fuse(entries, { keys: ['text'], includeScore: true, threshold: FUZZY_THRESHOLD, ignoreLocation: true });
  return { exact, prose, fuzzy };
}

/** One phrase found in prose. */
export interface TextHit extends KeywordHit {
  /** Index of the sentence it was found in. */
  readonly sentence: number;
}

/**
 * Splits prose into sentences (at . ! ? ; and line breaks).
 *
 * @example
 * ```ts
 * sentencesOf('Gentle exercise. Not suitable for people with unstable angina!'); // ['Gentle exercise', ' Not suitable for people with unstable angina']
 * ```
 */
export function sentencesOf(text: string): string[] {
  return text.split(/[.!?;\n]+/).filter((s) => s.trim() !== '');
}

interface Span {
  readonly start: number;
  readonly end: number;
  readonly hits: readonly KeywordHit[];
}

/**
 * Every known phrase among the words, as spans. A phrase inside a longer phrase of another
 * term of the same vocabulary is dropped: "green gym" is conservation, not a gym.
 */
function scanWords(words: readonly string[], map: Map<string, KeywordHit[]>): KeywordHit[] {
  const spans: Span[] = [];
  for (let i = 0; i < words.length; i++) {
    for (let n = 1; n <= Math.min(MAX_WORDS, words.length - i); n++) {
      const span = words.slice(i, i + n);
      const hits = map.get(span.join(' ')) ?? (n === 2 ? map.get(span.join('')) : undefined);
      if (hits !== undefined) spans.push({ start: i, end: i + n, hits });
    }
  }
  const out: KeywordHit[] = [];
  for (const s of spans) {
    for (const h of s.hits) {
      const shadowed = spans.some((o) => o !== s && o.start <= s.start && o.end >= s.end && o.end - o.start > s.end - s.start && o.hits.some((g) => g.vocabulary === h.vocabulary && g.id !== h.id));
      if (!shadowed) out.push(h);
    }
  }
  return out;
}

/**
 * Every condition, need and tag phrase in prose, word-aligned, with the sentence it is in.
 * Nested phrases count ("weight loss clinic for people with type 2 diabetes"), except inside
 * a longer phrase of another term of the same vocabulary ("green gym" is not `gym`). Exact after folding
 * ("bee keeping" and "beekeeping" are one form); no fuzziness in prose.
 *
 * @example
 * ```ts
 * new Set(scanText('Singing for lung health. For people with COPD or asthma.').map((h) => `${h.vocabulary}:${h.id}@${h.sentence}`));
 * // ['tags:pulmonary-rehab@0', 'conditions:copd@1', 'conditions:asthma@1'] ("singing" is inside a pulmonary-rehab phrase)
 * ```
 */
export function scanText(text: string): TextHit[] {
  indexes ??= build();
  const hits: TextHit[] = [];
  sentencesOf(text).forEach((sentence, index) => {
    const words = foldText(sentence).split(' ').filter((w) => w !== '');
    for (const h of scanWords(words, (indexes as Indexes).prose)) hits.push({ ...h, sentence: index });
  });
  return hits;
}

/**
 * The vocabulary terms a short directory keyword stands for (see the module notes for the
 * order of attempts). Empty when nothing is close. A keyword longer than {@link KEYWORD_LIMIT}
 * characters is read up to there ({@link keywordPart}), and one longer than
 * {@link FUZZY_TEXT_LIMIT} once folded is never matched fuzzily, so any keyword takes bounded
 * time. Anything but a string throws `ActivityMatchError` (`INVALID_OPTIONS`, path `keyword`).
 *
 * @example
 * ```ts
 * resolveKeyword('Mental Health');            // [{ vocabulary: 'categories', id: 'mental-wellbeing', via: 'exact' }, { vocabulary: 'needs', id: 'mental-wellbeing', via: 'exact' }]
 * resolveKeyword('Health > Lung conditions'); // [{ vocabulary: 'conditions', id: 'copd', via: 'exact' }, { vocabulary: 'conditions', id: 'asthma', via: 'exact' }]
 * resolveKeyword('Beekeping');                // [{ vocabulary: 'tags', id: 'beekeeping', via: 'fuzzy' }]
 * ```
 */
export function resolveKeyword(keyword: string): KeywordHit[] {
  if (typeof keyword !== 'string') throw new ActivityMatchError('INVALID_OPTIONS', [{ path: 'keyword', message: 'expected text (a string)' }]);
  keyword = keywordPart(keyword);
  indexes ??= build();
  const { exact, fuzzy } = indexes;
  const whole = foldText(keyword);
  if (whole === '') return [];
  const direct = exact.get(whole) ?? exact.get(whole.replace(/ /g, ''));
  if (direct !== undefined) return [...direct];
  const parts = keyword.split(/\s*(?:>|\/|\||:|\s-\s)\s*/).map(foldText).filter((p) => p !== '' && p !== whole);
  const fromParts = parts.flatMap((p) => exact.get(p) ?? []);
  if (fromParts.length > 0) return dedupe(fromParts);
  const inside = scanWords(whole.split(' '), exact).map((h) => ({ ...h, via: 'phrase' as const }));
  if (inside.length > 0) return dedupe(inside);
  if (whole.length < FUZZY_MIN_LENGTH || whole.length > FUZZY_TEXT_LIMIT || whole.split(' ').length > 4 || VAGUE.has(whole)) return [];
  let best: { vocabulary: VocabularyName; id: string; score: number } | undefined;
  for (const r of fuzzy.search(whole)) {
    const score = r.score ?? 1;
    // Lowest score wins; ties go to the smaller vocabulary then id, so the answer never depends on order.
    const key = `${r.item.vocabulary}:${r.item.id}`;
    if (best === undefined || score < best.score || (score === best.score && key < `${best.vocabulary}:${best.id}`)) best = { vocabulary: r.item.vocabulary, id: r.item.id, score };
  }
  return best === undefined ? [] : [{ vocabulary: best.vocabulary, id: best.id, via: 'fuzzy' }];
}

function dedupe(hits: readonly KeywordHit[]): KeywordHit[] {
  const seen = new Set<string>();
  return hits.filter((h) => {
    const key = `${h.vocabulary}:${h.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
