/**
 * Specification of the ranking metrics, checked against values published in the reference
 * tools' own test suites (each case names its source). Cases without a published value say
 * "hand-computed" and show the arithmetic.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  averagePrecision,
  catalogueCoverage,
  countRelevant,
  dcgAt,
  exposure,
  exposureByGroup,
  exposureByProvider,
  hitRateAt,
  intraListDiversity,
  meanOver,
  ndcgAt,
  novelty,
  precisionAt,
  rankByScore,
  recallAt,
  reciprocalRank,
  successAt,
} from '../../src/evaluate/metrics.js';
import type { DcgOptions, Judgements, RankedInput, ScoredItem } from '../../src/evaluate/metrics.js';
import { errorOf } from '../helpers.js';

type Qrels = Record<string, number>;

/** trec_eval `-l level`: grades ≥ level count as relevant (binarised to 1), others not. */
function atLevel(qrels: Qrels, level: number): Qrels {
  return Object.fromEntries(Object.entries(qrels).map(([id, grade]) => [id, grade >= level ? 1 : 0]));
}

/** Scored items from a `{ id: score }` run, the form pytrec_eval and ir_measures take. */
function run(scores: Record<string, number>): ScoredItem[] {
  return Object.entries(scores).map(([id, score]) => ({ id, score }));
}

/** A list whose items have the given grades, in order: ids g0, g1, … */
function graded(grades: readonly number[]): { ranked: string[]; qrels: Qrels } {
  const ranked = grades.map((_, i) => `g${i}`);
  return { ranked, qrels: Object.fromEntries(ranked.map((id, i) => [id, grades[i] ?? 0])) };
}

/** Mean over clients, counting clients with nothing relevant as `undefined`. */
function meanOfClients(values: readonly number[], qrels: readonly Judgements[], empty: 'skip' | 'zero'): number | undefined {
  return meanOver(
    values.map((v, i) => (countRelevant(qrels[i] ?? {}) === 0 ? undefined : v)),
    { empty },
  );
}

// ---------------------------------------------------------------------------------------------
// Shared fixtures from published test suites
// ---------------------------------------------------------------------------------------------

// terrierteam/ir_measures test/test_ranx.py (and test/test_measures.py): one query. The run's
// rank column (D0 1, D2 2, D1 3, D3 4, D4 5) is ignored; by score the order is D0 D2 D3 D1 D4.
const IRM_QRELS: Qrels = { D0: 0, D1: 1, D2: 1, D3: 2, D4: 0 };
const IRM_RUN = run({ D0: 0.8, D2: 0.7, D1: 0.3, D3: 0.4, D4: 0.1 });

// terrierteam/ir_measures test/test_pytrec_eval.py (test_infAP): two queries with -1 grades
// (judged "unjudged in pool" by trec_eval, never relevant).
const IRM_AP_QRELS: Qrels[] = [
  { D0: 1, D1: -1, D2: 0, D3: 2, D4: 0 },
  { D0: 1, D3: 2, D4: -1, D5: 0 },
];
const IRM_AP_RUNS = [
  run({ D0: 0.8, D2: 0.7, D1: 0.3, D3: 0.4, D4: 0.1 }),
  run({ D1: 0.8, D4: 0.7, D3: 0.3, D2: 0.4 }),
];

// cvangysel/pytrec_eval tests/pytrec_eval_tests.py (test_ndcg, test_ndcg_cut): query q1.
const PTE_QRELS: Qrels = { d1: 0, d2: 1, d3: 0 };
const PTE_D2_THIRD = run({ d1: 1.0, d2: 0.0, d3: 1.5 });
const PTE_D2_FIRST = run({ d1: 1.0, d2: 2.0, d3: 1.5 });
const PTE_D2_SECOND = run({ d1: 4.0, d2: 2.0, d3: 1.5 });

// apache/spark mllib/src/test/scala/org/apache/spark/mllib/evaluation/RankingMetricsSuite.scala
// ("Ranking metrics: MAP, NDCG, Recall"). The third user has no relevant items; Spark counts it
// as 0 in every mean, i.e. meanOver(…, { empty: 'zero' }).
const SPARK_RANKED = [
  ['1', '6', '2', '7', '8', '3', '9', '10', '4', '5'],
  ['4', '1', '5', '6', '2', '7', '3', '8', '9', '10'],
  ['1', '2', '3', '4', '5'],
];
const SPARK_QRELS: Qrels[] = [{ 1: 1, 2: 1, 3: 1, 4: 1, 5: 1 }, { 1: 1, 2: 1, 3: 1 }, {}];
// Same suite, "NDCG with relevance": grades per label (Spark uses gain 2^rel − 1).
const SPARK_GRADED: Qrels[] = [{ 1: 3, 2: 2, 3: 1, 4: 1, 5: 1 }, { 1: 2, 2: 0, 3: 0 }, {}];

function sparkMean(metric: (ranked: RankedInput, qrels: Judgements) => number, qrels = SPARK_QRELS): number | undefined {
  return meanOfClients(
    SPARK_RANKED.map((ranked, i) => metric(ranked, qrels[i] ?? {})),
    qrels,
    'zero',
  );
}

// RUCAIBox/RecBole tests/metrics/test_topk_metrics.py: pos_idx marks which of each user's top 3
// are relevant; pos_len is the user's number of relevant items (some never recommended).
const RECBOLE_USERS = [
  { hits: [0, 0, 0], posLen: 1 },
  { hits: [1, 1, 1], posLen: 3 },
  { hits: [1, 0, 1], posLen: 4 },
  { hits: [0, 0, 1], posLen: 2 },
].map(({ hits, posLen }) => {
  const ranked = hits.map((hit, i) => (hit ? `rel${i}` : `miss${i}`));
  const qrels: Qrels = {};
  for (const id of ranked) if (id.startsWith('rel')) qrels[id] = 1;
  for (let j = 0; Object.keys(qrels).length < posLen; j++) qrels[`unretrieved${j}`] = 1;
  return { ranked, qrels };
});

/** Flattens RecBole's expected [user][k − 1] matrix into it.each rows (users numbered from 1). */
function recboleCases(expected: readonly (readonly number[])[]): { user: number; k: number; expected: number }[] {
  return expected.flatMap((row, u) => row.map((value, i) => ({ user: u + 1, k: i + 1, expected: value })));
}

function recboleUser(user: number): { ranked: string[]; qrels: Qrels } {
  return RECBOLE_USERS[user - 1] ?? { ranked: [], qrels: {} };
}

// ---------------------------------------------------------------------------------------------
// Ranking input
// ---------------------------------------------------------------------------------------------

describe('rankByScore', () => {
  it.each([
    {
      rule: 'sorts by score, highest first',
      items: run({ a: 1, b: 3, c: 2 }),
      expected: ['b', 'c', 'a'],
    },
    {
      // usnistgov/trec_eval form_res_rels.c, comp_sim_docno: ties go to strcmp(p2->docno, p1->docno),
      // i.e. id descending.
      rule: 'breaks ties by id descending, as trec_eval does',
      items: run({ a: 1, c: 1, b: 1, z: 2 }),
      expected: ['z', 'c', 'b', 'a'],
    },
    {
      // terrierteam/ir_measures test/test_ranx.py: the run lists D1 (0.3) before D3 (0.4).
      rule: 'ignores input order (the rank column of a TREC run)',
      items: IRM_RUN,
      expected: ['D0', 'D2', 'D3', 'D1', 'D4'],
    },
    {
      rule: 'keeps the best-ranked copy of a repeated id',
      items: [
        { id: 'a', score: 1 },
        { id: 'b', score: 2 },
        { id: 'a', score: 3 },
      ],
      expected: ['a', 'b'],
    },
    {
      rule: 'treats 0 and -0 as the same score',
      items: [
        { id: 'a', score: 0 },
        { id: 'b', score: -0 },
      ],
      expected: ['b', 'a'],
    },
    {
      // Hand-computed: strcmp sees UTF-8 bytes, i.e. code points; U+1F600 > U+FF5E although its
      // first UTF-16 unit (0xD83D) is smaller.
      rule: 'compares ids by code point, like strcmp on UTF-8',
      items: run({ '\uFF5E': 1, '\u{1F600}': 1 }),
      expected: ['\u{1F600}', '\uFF5E'],
    },
    { rule: 'returns an empty list for no items', items: [], expected: [] },
  ])('$rule', ({ items, expected }) => {
    expect(rankByScore(items)).toEqual(expected);
  });

  it("breaks ties by id ascending with { ties: 'id-ascending' }", () => {
    expect(rankByScore(run({ b: 1, a: 1, c: 2 }), { ties: 'id-ascending' })).toEqual(['c', 'a', 'b']);
  });

  it('gives the same order for any input order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ id: fc.string({ maxLength: 3 }), score: fc.integer({ min: -2, max: 2 }) }), {
          selector: (item) => item.id,
          maxLength: 12,
        }),
        (items) => {
          expect(rankByScore([...items].reverse())).toEqual(rankByScore(items));
        },
      ),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Accuracy metrics
// ---------------------------------------------------------------------------------------------

describe('precisionAt', () => {
  it.each([
    // terrierteam/ir_measures test/test_ranx.py: P@5 = 0.6, P(rel=2)@5 = 0.2.
    { source: 'ir_measures P@5', ranked: IRM_RUN, qrels: IRM_QRELS, k: 5, expected: 0.6 },
    { source: 'ir_measures P(rel=2)@5', ranked: IRM_RUN, qrels: atLevel(IRM_QRELS, 2), k: 5, expected: 0.2 },
    // terrierteam/ir_measures test/test_pytrec_eval.py (test_SetP): SetP = P@k with k = number retrieved.
    { source: 'ir_measures SetP q0', ranked: IRM_AP_RUNS[0] ?? [], qrels: { D0: 0, D1: 1, D2: 2, D3: 2, D4: 0 }, k: 5, expected: 0.6 },
    { source: 'ir_measures SetP q1', ranked: IRM_AP_RUNS[1] ?? [], qrels: { D0: 1, D3: 2, D5: 0 }, k: 4, expected: 0.25 },
    // usnistgov/trec_eval m_P.c help text: "retrieves 15 docs of which 4 are relevant, then P20 is 0.2".
    {
      source: 'trec_eval P_20 with 15 retrieved',
      ranked: Array.from({ length: 15 }, (_, i) => `d${i}`),
      qrels: { d0: 1, d4: 1, d9: 1, d14: 1 },
      k: 20,
      expected: 0.2,
    },
    // Hand-computed edge cases.
    { source: 'hand: empty list', ranked: [], qrels: { a: 1 }, k: 3, expected: 0 },
    { source: 'hand: nothing relevant', ranked: ['a', 'b'], qrels: { a: 0 }, k: 2, expected: 0 },
    { source: 'hand: a repeated id is dropped and later items move up', ranked: ['a', 'a', 'b'], qrels: { b: 1 }, k: 2, expected: 0.5 },
  ])('$source → $expected', ({ ranked, qrels, k, expected }) => {
    expect(precisionAt(ranked, qrels, k)).toBeCloseTo(expected, 12);
  });

  // RUCAIBox/RecBole tests/metrics/test_topk_metrics.py test_precision.
  it.each(recboleCases([[0, 0, 0], [1, 1, 1], [1, 1 / 2, 2 / 3], [0, 0, 1 / 3]]))(
    'RecBole precision user $user @$k → $expected',
    ({ user, k, expected }) => {
      const { ranked, qrels } = recboleUser(user);
      expect(precisionAt(ranked, qrels, k)).toBeCloseTo(expected, 12);
    },
  );

  // apache/spark RankingMetricsSuite.scala: precisionAt(k), averaged over 3 users.
  it.each([
    { k: 1, expected: 1 / 3 },
    { k: 2, expected: 1 / 3 },
    { k: 3, expected: 1 / 3 },
    { k: 4, expected: 0.75 / 3 },
    { k: 5, expected: 0.8 / 3 },
    { k: 10, expected: 0.8 / 3 },
    { k: 15, expected: 8 / 45 },
  ])('Spark precisionAt($k) → $expected', ({ k, expected }) => {
    expect(sparkMean((r, q) => precisionAt(r, q, k))).toBeCloseTo(expected, 5);
  });
});

describe('recallAt', () => {
  it.each([
    // terrierteam/ir_measures test/test_ranx.py: R@5 = 1, R(rel=2)@5 = 1, R@2 = 1/3, R(rel=2)@2 = 0.
    { source: 'ir_measures R@5', qrels: IRM_QRELS, k: 5, expected: 1 },
    { source: 'ir_measures R(rel=2)@5', qrels: atLevel(IRM_QRELS, 2), k: 5, expected: 1 },
    { source: 'ir_measures R@2', qrels: IRM_QRELS, k: 2, expected: 1 / 3 },
    { source: 'ir_measures R(rel=2)@2', qrels: atLevel(IRM_QRELS, 2), k: 2, expected: 0 },
  ])('$source → $expected', ({ qrels, k, expected }) => {
    expect(recallAt(IRM_RUN, qrels, k)).toBeCloseTo(expected, 12);
  });

  it.each([
    // terrierteam/ir_measures test/test_pytrec_eval.py (test_SetR): D0 is relevant for q1 but never
    // retrieved, so recall is 0.5.
    { source: 'ir_measures SetR q0', ranked: IRM_AP_RUNS[0] ?? [], qrels: { D0: 0, D1: 1, D2: 2, D3: 2, D4: 0 }, k: 5, expected: 1 },
    { source: 'ir_measures SetR q1', ranked: IRM_AP_RUNS[1] ?? [], qrels: { D0: 1, D3: 2, D5: 0 }, k: 4, expected: 0.5 },
    // Hand-computed edge cases.
    { source: 'hand: empty list', ranked: [], qrels: { a: 1 }, k: 3, expected: 0 },
    { source: 'hand: no relevant items gives 0 (trec_eval)', ranked: ['a'], qrels: { a: 0 }, k: 1, expected: 0 },
    { source: 'hand: k beyond the list', ranked: ['a'], qrels: { a: 1, b: 1 }, k: 50, expected: 0.5 },
  ])('$source → $expected', ({ ranked, qrels, k, expected }) => {
    expect(recallAt(ranked, qrels, k)).toBeCloseTo(expected, 12);
  });

  // RUCAIBox/RecBole tests/metrics/test_topk_metrics.py test_recall.
  it.each(recboleCases([[0, 0, 0], [1 / 3, 2 / 3, 1], [1 / 4, 1 / 4, 2 / 4], [0, 0, 1 / 2]]))(
    'RecBole recall user $user @$k → $expected',
    ({ user, k, expected }) => {
      const { ranked, qrels } = recboleUser(user);
      expect(recallAt(ranked, qrels, k)).toBeCloseTo(expected, 12);
    },
  );

  // apache/spark RankingMetricsSuite.scala: recallAt(k), averaged over 3 users.
  it.each([
    { k: 1, expected: 1 / 15 },
    { k: 2, expected: 8 / 45 },
    { k: 3, expected: 11 / 45 },
    { k: 4, expected: 11 / 45 },
    { k: 5, expected: 16 / 45 },
    { k: 10, expected: 2 / 3 },
    { k: 15, expected: 2 / 3 },
  ])('Spark recallAt($k) → $expected', ({ k, expected }) => {
    expect(sparkMean((r, q) => recallAt(r, q, k))).toBeCloseTo(expected, 5);
  });
});

describe('successAt and hitRateAt', () => {
  it.each([
    // terrierteam/ir_measures test/test_ranx.py: Success@10 = 1, Success(rel=2)@10 = 1,
    // Success@2 = 1, Success(rel=2)@2 = 0.
    { source: 'ir_measures Success@10', ranked: IRM_RUN, qrels: IRM_QRELS, k: 10, expected: 1 },
    { source: 'ir_measures Success(rel=2)@10', ranked: IRM_RUN, qrels: atLevel(IRM_QRELS, 2), k: 10, expected: 1 },
    { source: 'ir_measures Success@2', ranked: IRM_RUN, qrels: IRM_QRELS, k: 2, expected: 1 },
    { source: 'ir_measures Success(rel=2)@2', ranked: IRM_RUN, qrels: atLevel(IRM_QRELS, 2), k: 2, expected: 0 },
    // terrierteam/ir_measures test/test_pytrec_eval.py (test_Success): q1 has no relevant item in
    // its top 2 (D1, D4).
    { source: 'ir_measures Success@2 q1', ranked: IRM_AP_RUNS[1] ?? [], qrels: { D0: 1, D3: 2, D5: 0 }, k: 2, expected: 0 },
    // Hand-computed edge cases.
    { source: 'hand: empty list', ranked: [], qrels: { a: 1 }, k: 5, expected: 0 },
    { source: 'hand: no relevant items', ranked: ['a'], qrels: {}, k: 5, expected: 0 },
  ])('$source → $expected', ({ ranked, qrels, k, expected }) => {
    expect(successAt(ranked, qrels, k)).toBe(expected);
    expect(hitRateAt(ranked, qrels, k)).toBe(expected);
  });

  // RUCAIBox/RecBole tests/metrics/test_topk_metrics.py test_hit.
  it.each(recboleCases([[0, 0, 0], [1, 1, 1], [1, 1, 1], [0, 0, 1]]))('RecBole hit user $user @$k → $expected', ({ user, k, expected }) => {
    const { ranked, qrels } = recboleUser(user);
    expect(hitRateAt(ranked, qrels, k)).toBe(expected);
  });

  it('averages to the published mean: ir_measures test_Success, Success@2 = 0.5', () => {
    // terrierteam/ir_measures test/test_pytrec_eval.py (test_Success), aggregate 0.5.
    const qrels = [{ D0: 0, D1: 1, D2: 2, D3: 2, D4: 0 }, { D0: 1, D3: 2, D5: 0 }];
    const values = IRM_AP_RUNS.map((r, i) => successAt(r, qrels[i] ?? {}, 2));
    expect(meanOver(values, { empty: 'skip' })).toBe(0.5);
  });
});

describe('reciprocalRank', () => {
  it.each([
    // terrierteam/ir_measures test/test_ranx.py: RR = 0.5, RR(rel=2) = 1/3, RR@10 = 0.5,
    // RR(rel=2)@10 = 1/3, RR@2 = 0.5, RR(rel=2)@2 = 0.
    { source: 'ir_measures RR', qrels: IRM_QRELS, options: {}, expected: 0.5 },
    { source: 'ir_measures RR(rel=2)', qrels: atLevel(IRM_QRELS, 2), options: {}, expected: 1 / 3 },
    { source: 'ir_measures RR@10', qrels: IRM_QRELS, options: { k: 10 }, expected: 0.5 },
    { source: 'ir_measures RR(rel=2)@10', qrels: atLevel(IRM_QRELS, 2), options: { k: 10 }, expected: 1 / 3 },
    { source: 'ir_measures RR@2', qrels: IRM_QRELS, options: { k: 2 }, expected: 0.5 },
    { source: 'ir_measures RR(rel=2)@2', qrels: atLevel(IRM_QRELS, 2), options: { k: 2 }, expected: 0 },
  ])('$source → $expected', ({ qrels, options, expected }) => {
    expect(reciprocalRank(IRM_RUN, qrels, options)).toBeCloseTo(expected, 12);
  });

  // RUCAIBox/RecBole tests/metrics/test_topk_metrics.py test_mrr (MRR@k per user).
  it.each(recboleCases([[0, 0, 0], [1, 1, 1], [1, 1, 1], [0, 0, 1 / 3]]))('RecBole mrr user $user @$k → $expected', ({ user, k, expected }) => {
    const { ranked, qrels } = recboleUser(user);
    expect(reciprocalRank(ranked, qrels, { k })).toBeCloseTo(expected, 12);
  });

  it.each([
    // Hand-computed edge cases.
    { rule: 'empty list gives 0', ranked: [], qrels: { a: 1 }, expected: 0 },
    { rule: 'no relevant items gives 0', ranked: ['a', 'b'], qrels: { a: 0 }, expected: 0 },
    { rule: 'a repeated non-relevant id is dropped before ranking', ranked: ['x', 'x', 'a'], qrels: { a: 1 }, expected: 0.5 },
  ])('$rule', ({ ranked, qrels, expected }) => {
    expect(reciprocalRank(ranked, qrels)).toBe(expected);
  });
});

describe('averagePrecision', () => {
  it.each([
    // terrierteam/ir_measures test/test_ranx.py: AP = 0.6388…, AP(rel=2) = 1/3, AP@10 = AP,
    // AP@2 = 1/6 (trec_eval map_cut divides by R = 3), AP(rel=2)@2 = 0.
    { source: 'ir_measures AP', qrels: IRM_QRELS, options: {}, expected: 0.6388888888888888 },
    { source: 'ir_measures AP(rel=2)', qrels: atLevel(IRM_QRELS, 2), options: {}, expected: 1 / 3 },
    { source: 'ir_measures AP@10', qrels: IRM_QRELS, options: { k: 10 }, expected: 0.6388888888888888 },
    { source: 'ir_measures AP(rel=2)@10', qrels: atLevel(IRM_QRELS, 2), options: { k: 10 }, expected: 1 / 3 },
    { source: 'ir_measures AP@2', qrels: IRM_QRELS, options: { k: 2 }, expected: 0.16666666666666666 },
    { source: 'ir_measures AP(rel=2)@2', qrels: atLevel(IRM_QRELS, 2), options: { k: 2 }, expected: 0 },
    // Hand-computed from the same run: the RecBole/Spark denominator min(R, k) = 2 gives (1/2) / 2.
    { source: "hand: AP@2 with denominator 'min-r-k'", qrels: IRM_QRELS, options: { k: 2, denominator: 'min-r-k' as const }, expected: 0.25 },
    { source: "hand: 'min-r-k' without k equals 'relevant'", qrels: IRM_QRELS, options: { denominator: 'min-r-k' as const }, expected: 0.6388888888888888 },
  ])('$source → $expected', ({ qrels, options, expected }) => {
    expect(averagePrecision(IRM_RUN, qrels, options)).toBeCloseTo(expected, 12);
  });

  it.each([
    // terrierteam/ir_measures test/test_pytrec_eval.py (test_infAP): AP q0 = 0.8333, q1 = 0.125;
    // AP(rel=2) q0 = 0.33333, q1 = 0.25. Grade -1 is never relevant.
    { source: 'ir_measures AP q0', query: 0, level: 1, expected: 0.8333333333333333 },
    { source: 'ir_measures AP q1', query: 1, level: 1, expected: 0.125 },
    { source: 'ir_measures AP(rel=2) q0', query: 0, level: 2, expected: 1 / 3 },
    { source: 'ir_measures AP(rel=2) q1', query: 1, level: 2, expected: 0.25 },
  ])('$source → $expected', ({ query, level, expected }) => {
    const qrels = atLevel(IRM_AP_QRELS[query] ?? {}, level);
    expect(averagePrecision(IRM_AP_RUNS[query] ?? [], qrels)).toBeCloseTo(expected, 12);
  });

  it('averages to the published MAP: ir_measures test_infAP, AP = 0.47916666666666663', () => {
    const values = IRM_AP_RUNS.map((r, i) => averagePrecision(r, IRM_AP_QRELS[i] ?? {}));
    expect(meanOver(values, { empty: 'skip' })).toBeCloseTo(0.47916666666666663, 12);
  });

  // RUCAIBox/RecBole tests/metrics/test_topk_metrics.py test_map: RecBole divides by min(R, k).
  it.each(
    recboleCases([
      [0, 0, 0],
      [1, 1, 1],
      [1, 1 / 2, (1 / 3) * (1 / 1 + 2 / 3)],
      [0, 0, (1 / 3) * (1 / 2)],
    ]),
  )("RecBole map user $user @$k (denominator 'min-r-k') → $expected", ({ user, k, expected }) => {
    const { ranked, qrels } = recboleUser(user);
    expect(averagePrecision(ranked, qrels, { k, denominator: 'min-r-k' })).toBeCloseTo(expected, 12);
  });

  // apache/spark RankingMetricsSuite.scala: meanAveragePrecision = 0.355026 and
  // meanAveragePrecisionAt(k) with denominator min(R, k).
  it.each([
    { metric: 'meanAveragePrecision', options: {}, expected: 0.355026 },
    { metric: 'meanAveragePrecisionAt(1)', options: { k: 1, denominator: 'min-r-k' as const }, expected: 0.333334 },
    { metric: 'meanAveragePrecisionAt(2)', options: { k: 2, denominator: 'min-r-k' as const }, expected: 0.25 },
    { metric: 'meanAveragePrecisionAt(3)', options: { k: 3, denominator: 'min-r-k' as const }, expected: 0.24074 },
  ])('Spark $metric → $expected', ({ options, expected }) => {
    expect(Math.abs((sparkMean((r, q) => averagePrecision(r, q, options)) ?? NaN) - expected)).toBeLessThan(1e-5);
  });

  it.each([
    // Hand-computed edge cases.
    { rule: 'empty list gives 0', ranked: [], qrels: { a: 1 }, expected: 0 },
    { rule: 'no relevant items gives 0 (trec_eval)', ranked: ['a'], qrels: { a: 0 }, expected: 0 },
    { rule: 'relevant items never recommended count as 0: (1/1) / 4', ranked: ['a', 'x'], qrels: { a: 1, b: 1, c: 1, d: 1 }, expected: 0.25 },
    { rule: 'a repeated relevant id counts once: (1 + 2/2) / 2', ranked: ['a', 'a', 'b'], qrels: { a: 1, b: 1 }, expected: 1 },
  ])('$rule', ({ ranked, qrels, expected }) => {
    expect(averagePrecision(ranked, qrels)).toBeCloseTo(expected, 12);
  });
});

// ---------------------------------------------------------------------------------------------
// DCG and nDCG
// ---------------------------------------------------------------------------------------------

describe('ndcgAt', () => {
  it.each([
    // terrierteam/ir_measures test/test_ranx.py: nDCG = nDCG@5 = 0.6584645692843067,
    // nDCG@2 = 0.23981246656813146, exp-log2 gain: 0.6201040599710453 and 0.17376534287144002.
    // nDCG without a cut-off is trec_eval's ndcg, reproduced here with a cut-off past the list.
    { source: 'ir_measures nDCG', k: 1000, options: {}, expected: 0.6584645692843067 },
    { source: 'ir_measures nDCG@5', k: 5, options: {}, expected: 0.6584645692843067 },
    { source: 'ir_measures nDCG@2', k: 2, options: {}, expected: 0.23981246656813146 },
    { source: "ir_measures nDCG(dcg='exp-log2')@5", k: 5, options: { gain: 'exponential' as const }, expected: 0.6201040599710453 },
    { source: "ir_measures nDCG(dcg='exp-log2')@2", k: 2, options: { gain: 'exponential' as const }, expected: 0.17376534287144002 },
  ])('$source → $expected', ({ k, options, expected }) => {
    expect(ndcgAt(IRM_RUN, IRM_QRELS, k, options)).toBeCloseTo(expected, 12);
  });

  it.each([
    // cvangysel/pytrec_eval tests/pytrec_eval_tests.py test_ndcg and test_ndcg_cut.
    { source: 'pytrec_eval ndcg, d2 at rank 3', ranked: PTE_D2_THIRD, k: 1000, expected: 0.5 },
    { source: 'pytrec_eval ndcg, d2 at rank 1', ranked: PTE_D2_FIRST, k: 1000, expected: 1 },
    { source: 'pytrec_eval ndcg, d2 at rank 2', ranked: PTE_D2_SECOND, k: 1000, expected: 0.6309297535714575 },
    { source: 'pytrec_eval ndcg_cut_3', ranked: PTE_D2_THIRD, k: 3, expected: 0.5 },
    { source: 'pytrec_eval ndcg_cut_2', ranked: PTE_D2_THIRD, k: 2, expected: 0 },
    { source: 'pytrec_eval ndcg_cut_1', ranked: PTE_D2_THIRD, k: 1, expected: 0 },
    { source: 'pytrec_eval ndcg_cut_1 (d2 first)', ranked: PTE_D2_FIRST, k: 1, expected: 1 },
    { source: 'pytrec_eval ndcg_cut_1000', ranked: PTE_D2_THIRD, k: 1000, expected: 0.5 },
  ])('$source → $expected', ({ ranked, k, expected }) => {
    expect(ndcgAt(ranked, PTE_QRELS, k)).toBeCloseTo(expected, 12);
  });

  // RUCAIBox/RecBole tests/metrics/test_topk_metrics.py test_ndcg: the ideal ranking holds
  // min(pos_len, k) relevant items, including ones never recommended.
  it.each(
    recboleCases([
      [0, 0, 0],
      [1, 1, 1],
      [1, 1 / Math.log2(2) / (1 / Math.log2(2) + 1 / Math.log2(3)), (1 / Math.log2(2) + 1 / Math.log2(4)) / (1 / Math.log2(2) + 1 / Math.log2(3) + 1 / Math.log2(4))],
      [0, 0, 1 / Math.log2(4) / (1 / Math.log2(2) + 1 / Math.log2(3))],
    ]),
  )('RecBole ndcg user $user @$k → $expected', ({ user, k, expected }) => {
    const { ranked, qrels } = recboleUser(user);
    expect(ndcgAt(ranked, qrels, k)).toBeCloseTo(expected, 12);
  });

  // apache/spark RankingMetricsSuite.scala: binary ndcgAt (first test) and graded ndcgAt with
  // gain 2^rel − 1 ("NDCG with relevance"), each averaged over 3 users.
  it.each([
    { metric: 'ndcgAt(3)', qrels: SPARK_QRELS, k: 3, gain: 'linear' as const, expected: 1 / 3 },
    { metric: 'ndcgAt(5)', qrels: SPARK_QRELS, k: 5, gain: 'linear' as const, expected: 0.328788 },
    { metric: 'ndcgAt(10)', qrels: SPARK_QRELS, k: 10, gain: 'linear' as const, expected: 0.487913 },
    { metric: 'ndcgAt(15)', qrels: SPARK_QRELS, k: 15, gain: 'linear' as const, expected: 0.487913 },
    { metric: 'graded ndcgAt(3)', qrels: SPARK_GRADED, k: 3, gain: 'exponential' as const, expected: 0.511959 },
    { metric: 'graded ndcgAt(5)', qrels: SPARK_GRADED, k: 5, gain: 'exponential' as const, expected: 0.487806 },
    { metric: 'graded ndcgAt(10)', qrels: SPARK_GRADED, k: 10, gain: 'exponential' as const, expected: 0.5187 },
    { metric: 'graded ndcgAt(15)', qrels: SPARK_GRADED, k: 15, gain: 'exponential' as const, expected: 0.5187 },
  ])('Spark $metric → $expected', ({ qrels, k, gain, expected }) => {
    expect(Math.abs((sparkMean((r, q) => ndcgAt(r, q, k, { gain }), qrels) ?? NaN) - expected)).toBeLessThan(1e-5);
  });

  // apache/spark RankingMetricsSuite.scala "MAP, NDCG, Recall with few predictions (SPARK-14886)":
  // one short list and one empty list.
  it.each([
    { metric: 'precisionAt(1)', value: (r: RankedInput, q: Judgements) => precisionAt(r, q, 1), expected: 0.5 },
    { metric: 'precisionAt(2)', value: (r: RankedInput, q: Judgements) => precisionAt(r, q, 2), expected: 0.25 },
    { metric: 'ndcgAt(1)', value: (r: RankedInput, q: Judgements) => ndcgAt(r, q, 1), expected: 0.5 },
    { metric: 'ndcgAt(2)', value: (r: RankedInput, q: Judgements) => ndcgAt(r, q, 2), expected: 0.30657 },
    { metric: 'recallAt(1)', value: (r: RankedInput, q: Judgements) => recallAt(r, q, 1), expected: 0.1 },
    { metric: 'recallAt(2)', value: (r: RankedInput, q: Judgements) => recallAt(r, q, 2), expected: 0.1 },
  ])('Spark few predictions $metric → $expected', ({ value, expected }) => {
    const lists = [['1', '6', '2'], []];
    const qrels = [{ 1: 1, 2: 1, 3: 1, 4: 1, 5: 1 }, { 1: 1, 2: 1, 3: 1 }];
    const mean = meanOver(
      lists.map((r, i) => value(r, qrels[i] ?? {})),
      { empty: 'zero' },
    );
    expect(Math.abs((mean ?? NaN) - expected)).toBeLessThan(1e-5);
  });

  // Doctests of rank_metrics.py (gist bwhite/3726239, example from Stanford CS276), where the
  // ideal ranking is the retrieved grades sorted: here the judgements hold exactly those items.
  // method=0 is the Järvelin & Kekäläinen discount, method=1 is log2(rank + 1).
  it.each([
    { source: 'ndcg_at_k(r, 1)', grades: [3, 2, 3, 0, 0, 1, 2, 2, 3, 0], k: 1, options: { discount: 'log2(max(rank,2))' as const }, expected: 1 },
    { source: 'ndcg_at_k([2, 1, 2, 0], 4)', grades: [2, 1, 2, 0], k: 4, options: { discount: 'log2(max(rank,2))' as const }, expected: 0.9203032077642922 },
    { source: 'ndcg_at_k([2, 1, 2, 0], 4, method=1)', grades: [2, 1, 2, 0], k: 4, options: {}, expected: 0.96519546960144276 },
    { source: 'ndcg_at_k([0], 1)', grades: [0], k: 1, options: {}, expected: 0 },
    { source: 'ndcg_at_k([1], 2)', grades: [1], k: 2, options: {}, expected: 1 },
  ])('rank_metrics.py $source → $expected', ({ grades, k, options, expected }) => {
    const { ranked, qrels } = graded(grades);
    expect(ndcgAt(ranked, qrels, k, options)).toBeCloseTo(expected, 12);
  });

  // Järvelin & Kekäläinen 2002 example G' = <3, 2, 3, 0, 0, 1, 2, 2, 3, 0> with the discount
  // b = 2, normalised by the perfect ordering of the same documents, as in Croft, Metzler &
  // Strohman, "Search Engines: IR in Practice", ch. 8 slides (values to 2 dp; the slides print
  // 0.76 at rank 4 where 6.89 / 8.89 = 0.775, so 0.78 is used, hand-checked).
  it.each([1, 0.83, 0.87, 0.78, 0.71, 0.69, 0.73, 0.8, 0.88, 0.88].map((expected, i) => ({ k: i + 1, expected })))(
    'J&K 2002 example, nDCG@$k → $expected',
    ({ k, expected }) => {
      const { ranked, qrels } = graded([3, 2, 3, 0, 0, 1, 2, 2, 3, 0]);
      expect(ndcgAt(ranked, qrels, k, { discount: 'log2(max(rank,2))' })).toBeCloseTo(expected, 2);
    },
  );

  it.each([
    // Hand-computed edge cases.
    { rule: 'empty list gives 0', ranked: [], qrels: { a: 1 }, k: 3, expected: 0 },
    { rule: 'ideal DCG 0 (no relevant items) gives 0', ranked: ['a', 'b'], qrels: { a: 0, b: -1 }, k: 3, expected: 0 },
    { rule: 'unretrieved relevant items lower the score: 1 / (1 + 1/log2 3)', ranked: ['a'], qrels: { a: 1, b: 1 }, k: 5, expected: 1 / (1 + 1 / Math.log2(3)) },
    { rule: 'a repeated id earns gain once: (1 + 1/log2 3) / (1 + 1/log2 3)', ranked: ['a', 'a', 'b'], qrels: { a: 1, b: 1 }, k: 2, expected: 1 },
  ])('$rule', ({ ranked, qrels, k, expected }) => {
    expect(ndcgAt(ranked, qrels, k)).toBeCloseTo(expected, 12);
  });

  it('is 1 for any ideal ordering of the judgements', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 10 }), (grades) => {
        const { ranked, qrels } = graded([...grades].sort((a, b) => b - a));
        const expected = grades.some((g) => g > 0) ? 1 : 0;
        for (const options of [{}, { gain: 'exponential' }, { discount: 'log2(max(rank,2))' }] as DcgOptions[]) {
          expect(ndcgAt(ranked, qrels, grades.length, options)).toBeCloseTo(expected, 12);
        }
      }),
    );
  });
});

describe('dcgAt', () => {
  // Doctests of rank_metrics.py (gist bwhite/3726239, copied in hpclab/rankeval
  // rankeval/core/metrics/dcg.py) for r = [3, 2, 3, 0, 0, 1, 2, 2, 3, 0]; method=0 is the
  // Järvelin & Kekäläinen 2002 discount, method=1 is log2(rank + 1).
  it.each([
    { source: 'dcg_at_k(r, 1)', k: 1, discount: 'log2(max(rank,2))' as const, expected: 3 },
    { source: 'dcg_at_k(r, 1, method=1)', k: 1, discount: 'log2(rank+1)' as const, expected: 3 },
    { source: 'dcg_at_k(r, 2)', k: 2, discount: 'log2(max(rank,2))' as const, expected: 5 },
    { source: 'dcg_at_k(r, 2, method=1)', k: 2, discount: 'log2(rank+1)' as const, expected: 4.2618595071429155 },
    { source: 'dcg_at_k(r, 10)', k: 10, discount: 'log2(max(rank,2))' as const, expected: 9.6051177391888114 },
    { source: 'dcg_at_k(r, 11)', k: 11, discount: 'log2(max(rank,2))' as const, expected: 9.6051177391888114 },
  ])('rank_metrics.py $source → $expected', ({ k, discount, expected }) => {
    const { ranked, qrels } = graded([3, 2, 3, 0, 0, 1, 2, 2, 3, 0]);
    expect(dcgAt(ranked, qrels, k, { discount })).toBeCloseTo(expected, 12);
  });

  // Järvelin & Kekäläinen 2002 DCG vector for G' with b = 2, as quoted in Croft et al.'s slides
  // and the Stanford CS276 handout: <3, 5, 6.89, 6.89, 6.89, 7.28, 7.99, 8.66, 9.61, 9.61>.
  it.each([3, 5, 6.89, 6.89, 6.89, 7.28, 7.99, 8.66, 9.61, 9.61].map((expected, i) => ({ k: i + 1, expected })))(
    'J&K 2002 example, DCG@$k → $expected',
    ({ k, expected }) => {
      const { ranked, qrels } = graded([3, 2, 3, 0, 0, 1, 2, 2, 3, 0]);
      expect(dcgAt(ranked, qrels, k, { discount: 'log2(max(rank,2))' })).toBeCloseTo(expected, 2);
    },
  );

  it('uses exponential gain 2^grade − 1 on request (hand-computed: 7 + 3/log2 3 = 8.8928)', () => {
    expect(dcgAt(['a', 'b'], { a: 3, b: 2 }, 2, { gain: 'exponential' })).toBeCloseTo(7 + 3 / Math.log2(3), 12);
  });
});

// ---------------------------------------------------------------------------------------------
// Aggregation
// ---------------------------------------------------------------------------------------------

describe('meanOver', () => {
  it.each([
    // Hand-computed.
    { rule: "'skip' leaves undefined out", values: [1, 0.5, undefined], empty: 'skip' as const, expected: 0.75 },
    { rule: "'zero' counts undefined as 0", values: [1, 0.5, undefined], empty: 'zero' as const, expected: 0.5 },
    { rule: 'nothing to average gives undefined', values: [], empty: 'zero' as const, expected: undefined },
    { rule: "all undefined under 'skip' gives undefined", values: [undefined, undefined], empty: 'skip' as const, expected: undefined },
    { rule: "all undefined under 'zero' gives 0", values: [undefined, undefined], empty: 'zero' as const, expected: 0 },
  ])('$rule', ({ values, empty, expected }) => {
    expect(meanOver(values, { empty })).toBe(expected);
  });

  it('reproduces Spark by counting the user without relevant items as 0, and trec_eval-style by skipping it', () => {
    // apache/spark RankingMetricsSuite.scala: meanAveragePrecision = 0.355026 over 3 users.
    const values = SPARK_RANKED.map((r, i) => averagePrecision(r, SPARK_QRELS[i] ?? {}));
    expect(meanOfClients(values, SPARK_QRELS, 'zero')).toBeCloseTo(0.355026, 5);
    // Hand-computed: the same two scorable users averaged alone, (0.622222 + 0.442857) / 2.
    expect(meanOfClients(values, SPARK_QRELS, 'skip')).toBeCloseTo((0.622222 + 0.442857) / 2, 5);
  });
});

// ---------------------------------------------------------------------------------------------
// Beyond accuracy
// ---------------------------------------------------------------------------------------------

describe('catalogueCoverage', () => {
  it.each([
    // RUCAIBox/RecBole tests/metrics/test_topk_metrics.py test_itemcoverage: 7 of 8 items.
    {
      source: 'RecBole itemcoverage',
      lists: [[5, 7, 3], [4, 5, 2], [2, 3, 5], [1, 4, 6], [5, 3, 7]].map((l) => l.map(String)),
      size: 8,
      options: {},
      expected: 7 / 8,
    },
    // takuti/Recommendation.jl test/metrics/test_intra_list.jl: Coverage of [1, 2, 3] over catalogue [1, 2, 3, 4].
    { source: 'Recommendation.jl Coverage', lists: [['1', '2', '3']], size: 4, options: {}, expected: 0.75 },
    // Hand-computed.
    { source: 'hand: top 1 only covers a and b', lists: [['a', 'b'], ['b', 'c']], size: 10, options: { k: 1 }, expected: 0.2 },
    { source: 'hand: no lists', lists: [], size: 10, options: {}, expected: 0 },
    { source: 'hand: empty and scored lists', lists: [[], run({ a: 1, b: 2 })], size: 4, options: {}, expected: 0.5 },
  ])('$source → $expected', ({ lists, size, options, expected }) => {
    expect(catalogueCoverage(lists, size, options)).toBeCloseTo(expected, 12);
  });
});

describe('intraListDiversity', () => {
  // LienM/recpack recpack/tests/test_metrics/conftest.py and test_diversity.py: items 0..4 in
  // categories [0, 1, 0, 1, 0]; user 0 scores {0: .3, 2: .2, 3: .1}, user 2 {1: .23, 3: .3, 4: .5}.
  const recpackCategory = { 0: 'c0', 1: 'c1', 2: 'c0', 3: 'c1', 4: 'c0' };
  const recpackUser0 = run({ 0: 0.3, 2: 0.2, 3: 0.1 });
  const recpackUser2 = run({ 1: 0.23, 3: 0.3, 4: 0.5 });

  it.each([
    { source: 'recpack ILD@2 user 0 (items 0, 2: same category)', list: recpackUser0, expected: 0 },
    { source: 'recpack ILD@2 user 2 (items 4, 3: different)', list: recpackUser2, expected: 1 },
  ])('$source → $expected', ({ list, expected }) => {
    expect(intraListDiversity(list, recpackCategory, { k: 2 })).toBe(expected);
  });

  it.each([
    // LienM/recpack test_diversity.py: test_ildK → 1/2 over users 0 and 2; test_ildK_empty_reco
    // adds a user with no recommendations, which recpack counts as 0 → 1/3.
    { source: 'recpack test_ildK', lists: [recpackUser0, recpackUser2], expected: 1 / 2 },
    { source: 'recpack test_ildK_empty_reco', lists: [recpackUser0, recpackUser2, []], expected: 1 / 3 },
  ])('$source → mean $expected', ({ lists, expected }) => {
    const perUser = lists.map((list) => (list.length === 0 ? undefined : intraListDiversity(list, recpackCategory, { k: 2 })));
    expect(meanOver(perUser, { empty: 'zero' })).toBeCloseTo(expected, 12);
  });

  const categoryOf = new Map([
    ['walk', 'physical'],
    ['swim', 'physical'],
    ['choir', 'arts'],
    ['pottery', 'arts'],
    ['debt', 'advice'],
  ]);
  it.each([
    // MobileTeleSystems/RecTools tests/metrics/test_diversity.py: a one-item list (u3) scores 0.
    { source: 'RecTools: one item has no pairs', list: ['walk'], expected: 0 },
    // Hand-computed.
    { source: 'hand: empty list', list: [], expected: 0 },
    { source: 'hand: 2 of 3 pairs differ', list: ['walk', 'swim', 'choir'], expected: 2 / 3 },
    { source: 'hand: all one category', list: ['walk', 'swim'], expected: 0 },
    { source: 'hand: all different', list: ['walk', 'choir', 'debt'], expected: 1 },
    { source: 'hand: 4 of 6 pairs differ', list: ['walk', 'swim', 'choir', 'pottery'], expected: 4 / 6 },
    { source: 'hand: a repeated id is dropped', list: ['walk', 'walk', 'choir'], expected: 1 },
  ])('$source → $expected', ({ list, expected }) => {
    expect(intraListDiversity(list, categoryOf)).toBeCloseTo(expected, 12);
    expect(intraListDiversity(list, (id) => categoryOf.get(id))).toBeCloseTo(expected, 12);
  });
});

describe('novelty', () => {
  // MobileTeleSystems/RecTools tests/metrics/test_novelty.py (MeanInvUserFreq): 3 users; i1 was
  // seen by all 3, i2 by 1, i3 by none (scored as if seen by 1). Counts are distinct users per
  // item and total is the number of users.
  const usersPerItem = { i1: 3, i2: 1 };
  it.each([
    { source: 'RecTools MIUF@1 u1', list: ['i3'], k: 1, expected: -Math.log2(1 / 3) },
    { source: 'RecTools MIUF@1 u2', list: ['i2', 'i3'], k: 1, expected: -Math.log2(1 / 3) },
    { source: 'RecTools MIUF@1 u3', list: ['i1', 'i2'], k: 1, expected: 0 },
    { source: 'RecTools MIUF@2 u1', list: ['i3'], k: 2, expected: -Math.log2(1 / 3) },
    { source: 'RecTools MIUF@2 u2', list: ['i2', 'i3'], k: 2, expected: -Math.log2(1 / 3) },
    { source: 'RecTools MIUF@2 u3', list: ['i1', 'i2'], k: 2, expected: -Math.log2(1 / 3) / 2 },
  ])('$source → $expected', ({ list, k, expected }) => {
    expect(novelty(list, usersPerItem, { total: 3, k })).toBeCloseTo(expected, 12);
  });

  const referrals = new Map([
    ['walk', 6],
    ['choir', 1],
    ['swim', 1],
  ]);
  it.each([
    // Hand-computed; default total = 6 + 1 + 1 = 8 referrals.
    { rule: 'mean of −log2(share): (log2(8/6) + 3) / 2', list: ['walk', 'choir'], expected: (Math.log2(8 / 6) + 3) / 2 },
    { rule: 'an unseen item is treated as seen once: log2 8', list: ['new-group'], expected: 3 },
    { rule: 'an item with count 0 is treated as seen once', list: ['zero'], expected: 3 },
    { rule: 'empty list gives 0', list: [], expected: 0 },
    { rule: 'a repeated id counts once', list: ['choir', 'choir'], expected: 3 },
  ])('$rule', ({ list, expected }) => {
    expect(novelty(list, new Map([...referrals, ['zero', 0]]))).toBeCloseTo(expected, 12);
  });
});

describe('exposure', () => {
  it.each([
    // Hand-computed from 1 / log2(1 + r) (Singh & Joachims 2018; KCachel/fairranktune
    // FairRankTune/Metrics/EXP.py exp_at_position_array).
    { rank: 1, expected: 1 },
    { rank: 2, expected: 1 / Math.log2(3) },
    { rank: 3, expected: 0.5 },
    { rank: 7, expected: 1 / 3 },
  ])('rank $rank → $expected', ({ rank, expected }) => {
    expect(exposure(rank)).toBeCloseTo(expected, 12);
  });
});

describe('exposureByGroup', () => {
  const free = new Set(['walk', 'choir']);

  it('gives each group the mean exposure of the target items and the max/min ratio', () => {
    // Hand-computed: decile 1-2 = (1/log2 3 + 0) / 2 = 0.31546; decile 9-10 = 1 + 1/log2 3 = 1.63093.
    const result = exposureByGroup(
      [
        { group: 'decile 9-10', ranked: ['walk', 'choir'] },
        { group: 'decile 1-2', ranked: ['gym', 'walk'] },
        { group: 'decile 1-2', ranked: ['gym', 'spa'] },
      ],
      { target: free },
    );
    const low = 1 / Math.log2(3) / 2;
    const high = 1 + 1 / Math.log2(3);
    expect(result.groups.map((g) => g.group)).toEqual(['decile 1-2', 'decile 9-10']);
    expect(result.groups.map((g) => g.clients)).toEqual([2, 1]);
    expect(result.groups[0]?.meanExposure).toBeCloseTo(low, 12);
    expect(result.groups[1]?.meanExposure).toBeCloseTo(high, 12);
    expect(result.disparityRatio).toBeCloseTo(high / low, 12);
  });

  it.each([
    // Hand-computed.
    {
      rule: 'parity gives ratio 1',
      rows: [
        { group: 'under 25', ranked: ['walk'] },
        { group: '65+', ranked: ['choir'] },
      ],
      options: { target: free },
      expected: 1,
    },
    {
      rule: 'no group sees the target: ratio 1',
      rows: [
        { group: 'a', ranked: ['gym'] },
        { group: 'b', ranked: [] },
      ],
      options: { target: free },
      expected: 1,
    },
    {
      rule: 'one group never sees the target: ratio Infinity',
      rows: [
        { group: 'a', ranked: ['walk'] },
        { group: 'b', ranked: ['gym'] },
      ],
      options: { target: free },
      expected: Infinity,
    },
    {
      rule: 'k cuts lists before measuring: (1) vs (1/log2 3 cut away → 0)',
      rows: [
        { group: 'a', ranked: ['walk'] },
        { group: 'b', ranked: ['gym', 'walk'] },
      ],
      options: { target: ['walk'], k: 1 },
      expected: Infinity,
    },
    {
      rule: 'a predicate target and a single group',
      rows: [{ group: 'copd', ranked: ['walk', 'swim'] }],
      options: { target: (id: string) => id.startsWith('w') },
      expected: 1,
    },
  ])('$rule', ({ rows, options, expected }) => {
    expect(exposureByGroup(rows, options).disparityRatio).toBe(expected);
  });
});

describe('exposureByProvider', () => {
  it('shares exposure between providers, largest first', () => {
    // Hand-computed: charity = 1/log2 3 + 1 = 1.63093, council = 1, total 2.63093.
    const result = exposureByProvider([['walk', 'choir'], ['choir']], { walk: 'council', choir: 'charity' });
    const charity = 1 + 1 / Math.log2(3);
    expect(result.map((p) => p.provider)).toEqual(['charity', 'council']);
    expect(result[0]?.exposure).toBeCloseTo(charity, 12);
    expect(result[0]?.share).toBeCloseTo(charity / (charity + 1), 12);
    expect(result[1]?.share).toBeCloseTo(1 / (charity + 1), 12);
  });

  it.each([
    // Hand-computed.
    { rule: 'equal shares are ordered by provider id', lists: [['b1'], ['a1']], k: undefined, expected: ['a', 'b'] },
    { rule: 'k = 1 counts only the first item', lists: [['a1', 'b1']], k: 1, expected: ['a'] },
    { rule: 'nothing recommended gives no providers', lists: [[], []], k: undefined, expected: [] },
  ])('$rule', ({ lists, k, expected }) => {
    const result = exposureByProvider(lists, (id) => id.slice(0, 1), k === undefined ? {} : { k });
    expect(result.map((p) => p.provider)).toEqual(expected);
    if (result.length > 0) expect(result.reduce((s, p) => s + p.share, 0)).toBeCloseTo(1, 12);
  });
});

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

describe('input validation', () => {
  const bad = (value: unknown): never => value as never;
  it.each([
    { call: 'precisionAt k = 0', run: () => precisionAt(['a'], {}, 0), path: 'k', message: /expected a whole number of at least 1/ },
    { call: 'recallAt k = 1.5', run: () => recallAt(['a'], {}, 1.5), path: 'k', message: /whole number/ },
    { call: 'successAt k = NaN', run: () => successAt(['a'], {}, NaN), path: 'k', message: /whole number/ },
    { call: 'hitRateAt k = Infinity', run: () => hitRateAt(['a'], {}, Infinity), path: 'k', message: /whole number/ },
    { call: 'ndcgAt k = -1', run: () => ndcgAt(['a'], {}, -1), path: 'k', message: /whole number/ },
    { call: 'dcgAt k as a string', run: () => dcgAt(['a'], {}, bad('3')), path: 'k', message: /whole number/ },
    { call: 'reciprocalRank options.k = 0', run: () => reciprocalRank(['a'], {}, { k: 0 }), path: 'options.k', message: /whole number/ },
    { call: 'reciprocalRank options null', run: () => reciprocalRank(['a'], {}, bad(null)), path: 'options', message: /options object/ },
    { call: 'averagePrecision unknown denominator', run: () => averagePrecision(['a'], {}, { denominator: bad('r') }), path: 'options.denominator', message: /'relevant' or 'min-r-k'/ },
    { call: 'ndcgAt unknown gain', run: () => ndcgAt(['a'], {}, 1, { gain: bad('log') }), path: 'options.gain', message: /'linear' or 'exponential'/ },
    { call: 'ndcgAt unknown discount', run: () => ndcgAt(['a'], {}, 1, { discount: bad('ln') }), path: 'options.discount', message: /log2/ },
    { call: 'score NaN', run: () => precisionAt([{ id: 'a', score: NaN }], {}, 1), path: 'ranked[0].score', message: /finite number/ },
    { call: 'score Infinity', run: () => rankByScore([{ id: 'a', score: Infinity }]), path: 'items[0].score', message: /finite number/ },
    { call: 'score as a string', run: () => rankByScore([{ id: 'a', score: bad('1') }]), path: 'items[0].score', message: /finite number/ },
    { call: 'ties unknown', run: () => rankByScore([], { ties: bad('random') }), path: 'options.ties', message: /trec_eval/ },
    { call: 'mixed list', run: () => precisionAt(bad(['a', { id: 'b', score: 1 }]), {}, 1), path: 'ranked[1]', message: /an id \(text\)/ },
    { call: 'ranked not an array', run: () => precisionAt(bad('abc'), {}, 1), path: 'ranked', message: /list of ids/ },
    { call: 'qrels not an object', run: () => precisionAt(['a'], bad(null), 1), path: 'qrels', message: /Map or a plain object/ },
    { call: 'qrels grade NaN', run: () => ndcgAt(['a'], { a: NaN }, 1), path: 'qrels', message: /finite number \(the 1st is not\)/ },
    { call: 'qrels grade Infinity, second', run: () => ndcgAt(['a'], { a: 1, b: -Infinity }, 1), path: 'qrels', message: /the 2nd is not/ },
    { call: 'qrels grade as a string', run: () => ndcgAt(['a'], bad({ a: '1' }), 1), path: 'qrels', message: /finite number/ },
    { call: 'meanOver without a policy', run: () => meanOver([1], bad({})), path: 'options.empty', message: /'skip' or 'zero'/ },
    { call: 'meanOver NaN', run: () => meanOver([NaN], { empty: 'skip' }), path: 'perClient[0]', message: /finite number or undefined/ },
    { call: 'meanOver null', run: () => meanOver(bad([null]), { empty: 'skip' }), path: 'perClient[0]', message: /finite number or undefined/ },
    { call: 'catalogueSize 0', run: () => catalogueCoverage([], 0), path: 'catalogueSize', message: /whole number/ },
    { call: 'catalogue too small', run: () => catalogueCoverage([['a', 'b']], 1), path: 'catalogueSize', message: /distinct ids/ },
    { call: 'missing category', run: () => intraListDiversity(['a', 'b'], { a: 'x' }), path: 'categoryOf', message: /item at rank 2/ },
    { call: 'negative popularity', run: () => novelty(['a'], { a: -1 }), path: 'popularity', message: /not negative/ },
    { call: 'popularity Infinity', run: () => novelty(['a'], { a: Infinity }), path: 'popularity', message: /finite number/ },
    { call: 'empty popularity', run: () => novelty(['a'], {}), path: 'popularity', message: /above 0/ },
    { call: 'total NaN', run: () => novelty(['a'], { a: 1 }, { total: NaN }), path: 'options.total', message: /above 0/ },
    { call: 'count above total', run: () => novelty(['a'], { a: 5 }, { total: 2 }), path: 'options.total', message: /every item's count/ },
    { call: 'exposure rank 0', run: () => exposure(0), path: 'rank', message: /whole number/ },
    { call: 'exposureByGroup no rows', run: () => exposureByGroup([], { target: [] }), path: 'rows', message: /at least one client/ },
    { call: 'exposureByGroup no target', run: () => exposureByGroup([{ group: 'a', ranked: [] }], bad({})), path: 'options.target', message: /Set, a list of ids or a predicate/ },
    { call: 'exposureByGroup without options', run: () => exposureByGroup([{ group: 'a', ranked: [] }], bad(undefined)), path: 'options.target', message: /predicate/ },
    { call: 'exposureByGroup bad group', run: () => exposureByGroup([bad({ group: 1, ranked: [] })], { target: [] }), path: 'rows[0]', message: /group: string/ },
    { call: 'missing provider', run: () => exposureByProvider([['a']], new Map()), path: 'providerOf', message: /item at rank 1 of lists\[0\]/ },
    { call: 'a provider function that returns nothing', run: () => exposureByProvider([['a', 'b']], bad(() => undefined)), path: 'providerOf', message: /item at rank 1 of lists\[0\]/ },
  ])('$call throws ActivityMatchError at $path', ({ run: call, path, message }) => {
    const error = errorOf(call);
    expect(error.code).toBe('INVALID_OPTIONS');
    expect(error.issues.map((i) => i.path)).toEqual([path]);
    expect(error.issues[0]?.message).toMatch(message);
  });

  it('reports a look-up function or predicate that throws at its argument, keeping the exception as the cause', () => {
    const planted = new Error('the caller\'s own');
    const throwing = () => {
      throw planted;
    };
    for (const call of [() => exposureByProvider([['a']], throwing), () => intraListDiversity(['a'], throwing), () => exposureByGroup([{ group: 'g', ranked: ['a'] }], { target: throwing })]) {
      const error = errorOf(call);
      expect(error.code).toBe('INVALID_OPTIONS');
      expect(error.cause).toBe(planted);
      expect(error.message).not.toContain('caller');
    }
  });

  it('never echoes input values in messages (ids may identify clients)', () => {
    const secret = 'NHS-943-476-5919';
    const calls = [
      () => intraListDiversity([secret, 'b'], {}),
      () => exposureByProvider([[secret]], {}),
      () => precisionAt([{ id: secret, score: NaN }], {}, 1),
      () => ndcgAt([secret], { [secret]: NaN }, 1),
      () => novelty([secret], { [secret]: -1 }),
    ];
    for (const call of calls) {
      const error = errorOf(call);
      expect(error.message).not.toContain(secret);
      expect(JSON.stringify(error.issues)).not.toContain(secret);
    }
  });

  it('ignores inherited keys of plain-object judgements', () => {
    expect(precisionAt(['toString', 'constructor'], {}, 2)).toBe(0);
    expect(intraListDiversity(['a'], { a: 'x' })).toBe(0);
    expect(errorOf(() => intraListDiversity(['a', 'toString'], { a: 'x' })).issues[0]?.path).toBe('categoryOf');
  });
});

describe('range properties', () => {
  it('accuracy metrics stay within [0, 1] for any list and judgements', () => {
    const id = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
    fc.assert(
      fc.property(
        fc.array(id, { maxLength: 8 }),
        fc.dictionary(id, fc.integer({ min: -1, max: 3 })),
        fc.integer({ min: 1, max: 10 }),
        (ranked, qrels, k) => {
          const values = [
            precisionAt(ranked, qrels, k),
            recallAt(ranked, qrels, k),
            successAt(ranked, qrels, k),
            reciprocalRank(ranked, qrels, { k }),
            averagePrecision(ranked, qrels, { k }),
            averagePrecision(ranked, qrels, { k, denominator: 'min-r-k' }),
            ndcgAt(ranked, qrels, k),
            ndcgAt(ranked, qrels, k, { gain: 'exponential' }),
            ndcgAt(ranked, qrels, k, { discount: 'log2(max(rank,2))' }),
          ];
          for (const v of values) {
            expect(v).toBeGreaterThanOrEqual(0);
            expect(v).toBeLessThanOrEqual(1 + 1e-12);
          }
        },
      ),
    );
  });
});
