// Issue #21: the entry points at the edges of the public surface — text and vocabulary
// helpers, the low-level time helpers, the metrics, fitWeights' options and degenerate
// histories, and the exported factor functions — and the invariants of their normal returns.
import { expect } from 'vitest';
import {
  activationFactor,
  activityDemand,
  averagePrecision,
  canJoin,
  capacityFactor,
  capacityStatus,
  conditionFactor,
  countRelevant,
  createMatcher,
  costFactor,
  createVocabulary,
  distanceFactor,
  exposure,
  fitWeights,
  foldText,
  freshnessFactor,
  fromHsdsSchedule,
  interestFactor,
  intraListDiversity,
  maskOverlapMinutes,
  ndcgAt,
  needsFactor,
  normaliseTag,
  novelty,
  precisionAt,
  reciprocalRank,
  resolveKeyword,
  scheduleFactor,
  sessionFit,
  slugify,
  stripHtml,
  vocabularies,
  weeklySlotMask,
} from '../../src/index.js';
import type { CapacityStatus, FitWeightsResult, JoinStatus, Matcher, SessionFit } from '../../src/index.js';
import { AT, history, smallCatalogue } from './corpus.js';
import type { Outcome } from './corpus.js';
import type { Call } from './runners.js';

const AT_DATE = new Date(AT);
const SUSPICIOUS_TEXT = /NaN|undefined|Infinity|\[object/;

/** A call whose normal return is checked by `verify`; its data is the result. */
const call = (label: string, run: (input: unknown) => unknown, verify: (r: unknown) => void = () => {}, translate?: Call['translate']): Call => ({ label, run, verify, data: (r) => (r === undefined ? null : r instanceof Uint32Array ? [...r] : r), ...(translate === undefined ? {} : { translate }) });

/** Outcomes written with the path `from` (`text` by default) become this call's own argument path. */
const argument =
  (path: string, from = 'text') =>
  (outcome: Outcome): Outcome =>
    typeof outcome === 'object' && 'code' in outcome && outcome.paths !== undefined ? { ...outcome, paths: outcome.paths.map((p) => (p === from ? path : p.startsWith(`${from}[`) || p.startsWith(`${from}.`) ? path + p.slice(from.length) : p)) } : outcome;

const isText = (r: unknown) => expect(typeof r).toBe('string');
const isTermId = (r: unknown) => expect(r === undefined || (typeof r === 'string' && /^[a-z0-9-]+$/.test(r))).toBe(true);
const isUnit = (r: unknown) => expect(typeof r === 'number' && r >= 0 && r <= 1).toBe(true);
const isFiniteNumber = (r: unknown) => expect(typeof r === 'number' && Number.isFinite(r)).toBe(true);

const RANKED = ['a', 'x', 'b', 'y', 'c'];
const QRELS = { a: 1, b: 2, c: 0, z: 3 };
const CATEGORIES = { a: 'walk', b: 'walk', c: 'art', x: 'art', y: 'music' };
const POPULARITY = { a: 6, b: 1, c: 1, x: 2 };
const WINDOW = { day: 'tue', start: '10:00', end: '12:00' } as const;
const AVAILABILITY = { windows: [{ day: 'tue', start: '10:00', end: '11:00' }] } as const;
const MASK = weeklySlotMask([{ day: 'mon', start: '09:00', end: '12:00' }]);

/** Each exported factor function with an argument list (the input), in its order of parameters. */
const FACTORS: readonly [string, (...args: never[]) => unknown][] = [
  ['distanceFactor', distanceFactor],
  ['conditionFactor', conditionFactor],
  ['activityDemand', activityDemand],
  ['activationFactor', activationFactor],
  ['needsFactor', needsFactor],
  ['interestFactor', interestFactor],
  ['costFactor', costFactor],
  ['scheduleFactor', scheduleFactor],
  ['capacityFactor', capacityFactor],
  ['freshnessFactor', freshnessFactor],
];

export const HELPER_RUNNERS = {
  /** A text argument (paths written `text`). */
  text: [
    call('foldText(input)', (i) => foldText(i as never), isText),
    call('slugify(input)', (i) => slugify(i as never), (r) => expect(r as string).toMatch(/^[a-z0-9-]*$/)),
    call('normaliseTag(input)', (i) => normaliseTag(i as never), isText),
    call('resolveKeyword(input)', (i) => resolveKeyword(i as never), (r) => expect(Array.isArray(r)).toBe(true), argument('keyword')),
    call('stripHtml(input)', (i) => stripHtml(i as never), (r) => expect((r as string).includes('<script')).toBe(false), argument('html')),
    ...(['conditions', 'tags'] as const).flatMap((v) => [call(`vocabularies.${v}.lookup(input)`, (i) => vocabularies[v].lookup(i as never), isTermId), call(`vocabularies.${v}.match(input)`, (i) => vocabularies[v].match(i as never), isTermId)]),
  ],
  /** A vocabulary's terms: `createVocabulary(input)`, then a look-up and a match. */
  terms: [call('createVocabulary(input)', (i) => { const v = createVocabulary(i as never); return [v.lookup('x'), v.match('xxxx')]; })],
  /** An activity's capacity: `capacityStatus(input)`. Paths `capacity…`. */
  capacity: [
    call('capacityStatus(input)', (i) => capacityStatus(i as never), (r) => {
      const s = r as CapacityStatus;
      expect(SUSPICIOUS_TEXT.test(s.reason), `reason ${s.reason} reads as words`).toBe(false);
      if (s.waitWeeks !== undefined) isFiniteNumber(s.waitWeeks);
    }),
  ],
  /** A programme: `canJoin(input, at)`. Paths `programme…`. */
  programme: [
    call('canJoin(input, at)', (i) => canJoin(i as never, AT_DATE), (r) => {
      const j = r as JoinStatus;
      expect(typeof j.canJoin).toBe('boolean');
      expect(SUSPICIOUS_TEXT.test(j.reason), `reason ${j.reason} reads as words`).toBe(false);
    }),
  ],
  /** A session: `sessionFit(input, availability)`. Paths `session…`. */
  session: [call('sessionFit(input, AVAILABILITY)', (i) => sessionFit(i as never, AVAILABILITY), (r) => isUnit((r as SessionFit).fraction))],
  /** An availability: `sessionFit(window, input)`. Paths `availability…`. */
  availability: [call('sessionFit(WINDOW, input)', (i) => sessionFit(WINDOW, i as never), (r) => isUnit((r as SessionFit).fraction))],
  /** Weekly windows: `weeklySlotMask(input)` and its overlap with a mask. Paths `windows…`. */
  windows: [call('maskOverlapMinutes(weeklySlotMask(input), MASK)', (i) => maskOverlapMinutes(weeklySlotMask(i as never), MASK), isFiniteNumber)],
  /** An HSDS schedule row: `fromHsdsSchedule(input)`. Path `schedule`. */
  'hsds-schedule': [call('fromHsdsSchedule(input)', (i) => fromHsdsSchedule(i as never), (r) => expect(typeof r).toBe('object'))],
  /** A ranked list given to the metrics. Paths `ranked…` (or `list…`). */
  ranked: [
    call('precisionAt(input, QRELS, 3)', (i) => precisionAt(i as never, QRELS, 3), isUnit),
    call('ndcgAt(input, QRELS, 3)', (i) => ndcgAt(i as never, QRELS, 3), isUnit),
    call('reciprocalRank(input, QRELS)', (i) => reciprocalRank(i as never, QRELS), isUnit),
    call('averagePrecision(input, QRELS, { k: 3 })', (i) => averagePrecision(i as never, QRELS, { k: 3 }), isUnit),
    call('intraListDiversity(input, CATEGORIES)', (i) => intraListDiversity(i as never, CATEGORIES), isUnit, argument('list', 'ranked')),
    call('novelty(input, POPULARITY)', (i) => novelty(i as never, POPULARITY), isFiniteNumber, argument('list', 'ranked')),
  ],
  /** Judgements given to the metrics. Path `qrels`. */
  qrels: [
    call('precisionAt(RANKED, input, 3)', (i) => precisionAt(RANKED, i as never, 3), isUnit),
    call('ndcgAt(RANKED, input, 5)', (i) => ndcgAt(RANKED, i as never, 5), isUnit),
    call('countRelevant(input)', (i) => countRelevant(i as never), isFiniteNumber),
  ],
  /** A cut-off or rank given to the metrics. Paths `k` (written as `k`). */
  'metric-k': [
    call('precisionAt(RANKED, QRELS, input)', (i) => precisionAt(RANKED, QRELS, i as never), isUnit),
    call('ndcgAt(RANKED, QRELS, input)', (i) => ndcgAt(RANKED, QRELS, i as never), isUnit),
    call('exposure(input)', (i) => exposure(i as never), isUnit, argument('rank', 'k')),
  ],
  /** fitWeights' options on the small history (paths `options…`). */
  'fit-options': [call('fitWeights(HISTORY, SMALL_CATALOGUE, input)', (i) => fitWeights(history(), smallCatalogueMatcher(), i as never), (r) => verifyFit(r as FitWeightsResult))],
  /** A history fitted with no penalty (`l2: 0`): fitted, or refused at `referrals`. */
  'fit-no-penalty': [call('fitWeights(input, SMALL_CATALOGUE, { l2: 0 })', (i) => fitWeights(i, smallCatalogueMatcher(), { l2: 0, bootstrap: { resamples: 100 } }), (r) => verifyFit(r as FitWeightsResult))],
  /** An argument list given to every exported factor function: a value in [0, 1], never NaN, or INVALID_OPTIONS. */
  'factor-args': FACTORS.map(([name, fn]) => call(`${name}(...input)`, (i) => fn(...((Array.isArray(i) ? i : [i]) as never[])), isUnit, () => [{ code: 'INVALID_OPTIONS' as const }, 'ok'])),
} satisfies Record<string, readonly Call[]>;

let small: Matcher | undefined;
/** The ten-activity matcher of the referral cases, built on first use. */
function smallCatalogueMatcher(): Matcher {
  small ??= createMatcher(smallCatalogue());
  return small;
}

function verifyFit(f: FitWeightsResult): void {
  for (const value of Object.values(f.coefficients)) isFiniteNumber(value);
  expect(Object.values(f.rules.weights).every((w) => Number.isFinite(w) && w >= 0)).toBe(true);
}
