// The search skips a block, or a run of a block, when its bound is below the k-th best rank key
// (fit, then score) found; that is exact only if no eligible, relevant-enough activity inside
// has a higher key than the bound.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateCatalogue } from '../../fixtures/generate/catalogue.js';
import { compileCatalogue } from '../../src/catalogue/compile.js';
import { groupOf, RUN, RUNS_PER_BLOCK } from '../../src/catalogue/grid.js';
import { parseCatalogue } from '../../src/catalogue/load.js';
import { blockBound, blockMinKm, boundContext, runBound } from '../../src/rank/bounds.js';
import { clientContext } from '../../src/rank/client-context.js';
import { rankKey, relevanceShares, weightShares } from '../../src/rank/score.js';
import { ClientProfileSchema, DEFAULT_RULES, FACTORS } from '../../src/index.js';
import { referenceEligible, referenceFactors, referenceFit, referenceRelevance, referenceScore } from '../reference/matcher.js';
import { clientArb } from './arbitraries.js';
import { runs } from '../runs.js';

const AT = new Date('2026-11-23T09:00:00Z');

describe('score bounds', () => {
  const { activities } = parseCatalogue(generateCatalogue({ seed: 5, count: 2000, spread: 'city' }));
  const cat = compileCatalogue(activities);
  const { columns: c, grid: g } = cat;
  const shares = weightShares(DEFAULT_RULES);

  it('bound the fit and score of every eligible, relevant-enough activity of a block, and of each of its runs, from above; a run is never bounded above its block', () => {
    let checked = 0;
    fc.assert(
      fc.property(clientArb, (input) => {
        const profile = ClientProfileSchema.parse(input);
        const ctx = clientContext(profile, AT, DEFAULT_RULES, c);
        const bc = boundContext(ctx, relevanceShares(DEFAULT_RULES), DEFAULT_RULES.relevance.minimum);
        const values = new Float64Array(FACTORS.length);
        for (let b = 0; b + 1 < g.blockStart.length; b++) {
          const start = g.blockStart[b] as number;
          const end = g.blockStart[b + 1] as number;
          const group = groupOf(c.kind[start] as number, c.lat[start] as number);
          const bound = blockBound(ctx, bc, g.blocks, b, group, blockMinKm(ctx, g.blocks, b, group), DEFAULT_RULES, shares, values);
          for (let j = 0; j < RUNS_PER_BLOCK && start + j * RUN < end; j++) {
            // -Infinity: no activity of the block can be eligible, and runBound is never asked.
            const run = bound === -Infinity ? -Infinity : runBound(ctx, bc, g.runs, b * RUNS_PER_BLOCK + j, shares, Float64Array.from(values));
            expect(run).toBeLessThanOrEqual(bound);
            for (let p = start + j * RUN; p < Math.min(end, start + (j + 1) * RUN); p++) {
              const activity = activities[c.activityIndex[p] as number]!;
              if (!referenceEligible(activity, profile, AT, DEFAULT_RULES)) continue;
              const values = referenceFactors(activity, profile, AT, DEFAULT_RULES);
              if (referenceRelevance(values, DEFAULT_RULES) < DEFAULT_RULES.relevance.minimum) continue;
              expect(rankKey(referenceFit(activity, profile, DEFAULT_RULES), referenceScore(values, DEFAULT_RULES))).toBeLessThanOrEqual(run + 1e-12);
              checked++;
            }
          }
        }
      }),
      { numRuns: runs(60), seed: 20261121 },
    );
    expect(checked).toBeGreaterThan(runs(3_000));
  }, 120_000);
});
