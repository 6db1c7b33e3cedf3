/**
 * Ranking metrics for evaluating matching rules against historical referral outcomes.
 *
 * Accuracy metrics follow trec_eval (https://github.com/usnistgov/trec_eval) so that results
 * can be checked against trec_eval, pytrec_eval and ir_measures; options reproduce the
 * recommender-toolkit variants (RecBole, Spark) where those differ. Beyond-accuracy metrics
 * cover catalogue coverage, intra-list diversity, novelty and exposure fairness.
 *
 * All functions are pure. Bad input throws `ActivityMatchError` (`INVALID_OPTIONS`), the one
 * error class of the library, whose issue path names the argument (`k`, `ranked[2].score`,
 * `options.gain`) and whose message never echoes input values or ids.
 *
 * Shared rules (details in each function's documentation):
 * - Ranked lists are item ids in rank order, or `{ id, score }` items ranked by
 *   {@link rankByScore}: score descending, ties by id descending (trec_eval's rule).
 * - A repeated id is ignored after its first (best-ranked) occurrence; trec_eval rejects such
 *   runs outright.
 * - Judgements map item id → grade; grade > 0 is relevant.
 * - Per-list metrics return 0 when nothing is relevant (trec_eval); use {@link meanOver} with
 *   `undefined` entries to skip such clients instead.
 */
export { rankByScore, countRelevant } from './metrics/input.js';
export type { ScoredItem, RankedInput, Judgements, Lookup, TieBreak, RankByScoreOptions } from './metrics/input.js';
export { precisionAt, recallAt, successAt, hitRateAt, reciprocalRank, averagePrecision } from './metrics/accuracy.js';
export type { ReciprocalRankOptions, AveragePrecisionOptions } from './metrics/accuracy.js';
export { dcgAt, ndcgAt } from './metrics/ndcg.js';
export type { Gain, Discount, DcgOptions } from './metrics/ndcg.js';
export { meanOver } from './metrics/aggregate.js';
export type { EmptyPolicy, MeanOverOptions } from './metrics/aggregate.js';
export { catalogueCoverage, intraListDiversity, novelty } from './metrics/beyond.js';
export type { CutOffOptions, NoveltyOptions } from './metrics/beyond.js';
export { exposure, exposureByGroup, exposureByProvider } from './metrics/exposure.js';
export type { GroupedList, ExposureByGroupOptions, GroupExposure, ExposureByGroupResult, ProviderExposure } from './metrics/exposure.js';
