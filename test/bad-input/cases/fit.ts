// Issue #21: fitWeights' options, and histories fitted without a penalty. With l2: 0 a history
// that cannot identify the weights (identical referrals; every client taking the first offer)
// is refused at `referrals`, never with ml-matrix's "LU matrix is singular".
import { history, historyWith, MARKER } from '../corpus.js';
import type { BadInputCase } from '../corpus.js';

const invalid = (...paths: string[]) => ({ code: 'INVALID_OPTIONS' as const, paths });
const identical = () => Array.from({ length: 8 }, (_, i) => ({ ...history()[0], id: `same-${i}` }));
const rankOne = () => history().map((r) => ({ ...r, takenUp: ((r['offered'] as { activityId: string }[])[0] as { activityId: string }).activityId }));

export const cases: BadInputCase[] = [
  { name: 'quick defaults', entry: 'fit-options', input: { bootstrap: { resamples: 100 } }, expect: 'ok' },
  { name: 'the binary model, learning from attendance', entry: 'fit-options', input: { model: 'binary', target: 'attended', bootstrap: { resamples: 100 } }, expect: ['ok', invalid('referrals')] },
  { name: 'null', entry: 'fit-options', input: null, expect: invalid('options') },
  { name: 'l2 NaN', entry: 'fit-options', input: { l2: NaN }, expect: invalid('options.l2') },
  { name: 'l2 -1', entry: 'fit-options', input: { l2: -1 }, expect: invalid('options.l2') },
  { name: 'an unknown target', entry: 'fit-options', input: { target: MARKER }, expect: invalid('options.target') },
  { name: 'a misspelt option', entry: 'fit-options', input: { l3: 0.1 }, expect: invalid('options') },
  { name: 'rules that are not rules', entry: 'fit-options', input: { rules: { weights: { distance: -1 } } }, expect: { code: 'INVALID_RULES', paths: ['options.rules.weights.distance'] } },
  { name: 'identical referrals', entry: 'fit-no-penalty', make: identical, expect: invalid('referrals') },
  { name: 'every client taking the first offer', entry: 'fit-no-penalty', make: rankOne, expect: invalid('referrals') },
  { name: 'the small history', entry: 'fit-no-penalty', make: history, expect: ['ok', invalid('referrals')] },
  { name: 'one referral', entry: 'fit-no-penalty', make: () => historyWith(0, {}).slice(0, 1), expect: invalid('referrals') },
];
