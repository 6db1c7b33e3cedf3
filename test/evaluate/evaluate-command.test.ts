import { describe, expect, it } from 'vitest';
import catalogue from '../../fixtures/catalogue.json';
import history from '../../fixtures/referrals/history.json';
import { DEFAULT_RULES } from '../../src/index.js';
import { runEvaluateCommand } from '../../src/evaluate/index.js';

const referrals = history.slice(0, 60);
const edited = { weights: { interests: 5, distance: 3 } };

describe('runEvaluateCommand', () => {
  it('prints a metric table for the default rules: one line per metric with n, mean and a 95% interval', () => {
    const text = runEvaluateCommand({ referrals, json: false, catalogue });
    const lines = text.split('\n');
    expect(lines[0]).toBe('Evaluating defaults on 60 referrals');
    expect(text).toMatch(/^metric\s+n\s+mean\s+95% CI$/m);
    for (const metric of ['ndcg@5', 'hit@1', 'hit@3', 'mrr']) expect(text).toMatch(new RegExp(`^${metric}\\s+\\d+\\s+\\d\\.\\d{3}\\s+\\[\\d\\.\\d{3}, \\d\\.\\d{3}\\]$`, 'm'));
  });

  it('compares two rule sets side by side with the paired difference B − A', () => {
    const text = runEvaluateCommand({ referrals, rules: DEFAULT_RULES, compare: edited, json: false, catalogue });
    expect(text.split('\n')[0]).toBe('Comparing rules (A) with compare (B) on 60 referrals');
    expect(text).toMatch(/^metric\s+n\s+rules\s+compare\s+B − A\s+95% CI$/m);
    expect(text).toMatch(/^ndcg@5\s+\d+\s+\d\.\d{3}\s+\d\.\d{3}\s+[+-]\d\.\d{3}\s+\[[+-]\d\.\d{3}, [+-]\d\.\d{3}\]$/m);
  });

  it('labels the rule sets as asked, e.g. by file name', () => {
    const text = runEvaluateCommand({ referrals, compare: edited, labels: { a: 'default.json', b: 'edited.json' }, json: false, catalogue });
    expect(text.split('\n')[0]).toBe('Comparing default.json (A) with edited.json (B) on 60 referrals');
  });

  it('prints the same summary as JSON with --json', () => {
    const parsed = JSON.parse(runEvaluateCommand({ referrals, compare: edited, json: true, catalogue })) as { labels: unknown; summary: { metric: string }[]; settings: { relevance: string } };
    expect(parsed.labels).toEqual({ a: 'defaults', b: 'compare' });
    expect(parsed.summary.map((r) => r.metric)).toEqual(['ndcg@5', 'hit@1', 'hit@3', 'mrr']);
    expect(parsed.settings.relevance).toBe('taken-up');
    expect(JSON.parse(runEvaluateCommand({ referrals, json: true, catalogue })).summary).toHaveLength(4);
  });

  it('throws the library error, naming the file’s field path, for a bad rules or referrals file', () => {
    expect(() => runEvaluateCommand({ referrals, rules: { weights: { cost: -2 } }, json: false, catalogue })).toThrow(expect.objectContaining({ code: 'INVALID_RULES', issues: [expect.objectContaining({ path: 'rules.weights.cost' })] }));
    expect(() => runEvaluateCommand({ referrals: [{ ...referrals[0], date: 'yesterday' }], json: false, catalogue })).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ path: 'referrals[0].date' })] }));
  });
});
