import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import catalogue from '../../fixtures/catalogue.json';
import personas from '../../fixtures/personas.json';
import history from '../../fixtures/referrals/history.json';
import recorded from '../../fixtures/referrals/hidden-preferences.json';
import { CALIBRATION_TARGETS, generateReferralHistory, HIDDEN_PREFERENCES } from '../../fixtures/referrals/generate.js';
import { DEFAULT_RULES, FACTORS } from '../../src/index.js';
import { ReferralHistorySchema } from '../../src/evaluate/index.js';
import type { Referral } from '../../src/evaluate/index.js';
import { spearman } from './spearman.js';

const AT = '2026-11-23';

describe('generateReferralHistory', () => {
  const options = { seed: 42, count: 30, catalogue, personas, at: AT };
  const first = generateReferralHistory(options);

  it('gives the same history for the same seed, and a different one for another seed', () => {
    expect(generateReferralHistory(options)).toEqual(first);
    expect(generateReferralHistory({ ...options, seed: 43 }).referrals).not.toEqual(first.referrals);
  });

  it('writes valid referrals, dated within the year up to `at`, with 1 to 8 activities offered in rank order', () => {
    const parsed = ReferralHistorySchema.parse(first.referrals);
    expect(parsed).toHaveLength(30);
    for (const r of parsed) {
      expect(r.date <= AT && r.date > '2025-11-23').toBe(true);
      expect(r.offered.length).toBeGreaterThanOrEqual(1);
      expect(r.offered.length).toBeLessThanOrEqual(8);
      expect(r.offered.map((o) => o.rank)).toEqual(r.offered.map((_, i) => i + 1));
    }
  });

  it('samples clients without personas too', () => {
    const { referrals } = generateReferralHistory({ seed: 1, count: 10, catalogue, at: AT });
    expect(ReferralHistorySchema.safeParse(referrals).success).toBe(true);
  });
});

describe('the hidden preferences', () => {
  it('weigh every factor, and order them differently from the defaults', () => {
    expect(Object.keys(HIDDEN_PREFERENCES).sort()).toEqual([...FACTORS].sort());
    expect(spearman(HIDDEN_PREFERENCES, DEFAULT_RULES.weights)).toBeLessThan(0.5);
    const top = (w: Readonly<Record<string, number>>) => [...FACTORS].sort((a, b) => (w[b] ?? 0) - (w[a] ?? 0))[0];
    expect(top(HIDDEN_PREFERENCES)).not.toBe(top(DEFAULT_RULES.weights));
  });

  it('are recorded beside the bundled history', () => {
    expect(recorded.preferences).toEqual(HIDDEN_PREFERENCES);
    expect(recorded.count).toBe(2000);
  });
});

describe('the bundled history (fixtures/referrals/history.json)', () => {
  const referrals: Referral[] = ReferralHistorySchema.parse(history);
  const linkWorker = referrals.filter((r) => r.support === 'link-worker');
  const listOnly = referrals.filter((r) => r.support === 'list-only');
  const share = (rs: readonly Referral[], test: (r: Referral) => boolean) => rs.filter(test).length / rs.length;

  it('holds 2,000 valid referrals in under 3 MB', () => {
    expect(referrals).toHaveLength(2000);
    expect(statSync(new URL('../../fixtures/referrals/history.json', import.meta.url)).size).toBeLessThan(3_000_000);
    expect(readFileSync(new URL('../../fixtures/referrals/history.json', import.meta.url), 'utf8')).not.toMatch(/"name"|NHS/);
  });

  it('is calibrated: about 80% take something up and two in three attend a first session (exercise referral uptake, 66%)', () => {
    expect(share(linkWorker, (r) => r.takenUp !== null)).toBeCloseTo(CALIBRATION_TARGETS.takenUp, 1);
    expect(Math.abs(share(linkWorker, (r) => r.attended) - 0.66)).toBeLessThan(0.03);
  });

  it('is calibrated: about one in two who attend complete (adherence, 49%)', () => {
    const adherence = linkWorker.filter((r) => r.completed).length / linkWorker.filter((r) => r.attended).length;
    expect(Math.abs(adherence - 0.5)).toBeLessThan(0.04);
  });

  it('is calibrated: about one in nine given a list only use something on it', () => {
    expect(Math.abs(listOnly.length / referrals.length - CALIBRATION_TARGETS.listOnlyShare)).toBeLessThan(0.03);
    expect(Math.abs(share(listOnly, (r) => r.attended) - 1 / 9)).toBeLessThan(0.035);
  });

  it('records wellbeing for some referrals, improving more for those who completed', () => {
    const wemwbs = referrals.flatMap((r) => (r.wellbeing?.scale === 'WEMWBS' && r.wellbeing.change !== undefined ? [{ r, change: r.wellbeing.change }] : []));
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(wemwbs.length).toBeGreaterThan(300);
    expect(mean(wemwbs.filter((w) => w.r.completed).map((w) => w.change))).toBeGreaterThan(mean(wemwbs.filter((w) => !w.r.attended).map((w) => w.change)) + 1.5);
  });
});
