// Issue #17's acceptance targets on the labelled feed-like records the importer is tuned on:
// fixtures/open-referral/labelled/ (labels written before any tuning) and, from round 2,
// fixtures/open-referral/labelled-2/ (written held out, measured once held out, then tuned on).
// `npm run import-quality` prints the same measure (scripts/import-quality-metrics.ts), so the
// test and the script cannot drift. The held-out set of round 2 is never read here.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fromOpenReferral } from '../../../src/index.js';
import { fraction, IMPORT_TARGETS, measureImport, missedTargets } from '../../../scripts/import-quality-metrics.js';
import type { ImportResult, Label } from '../../../scripts/import-quality-metrics.js';
import { readLabelledSet } from '../../../scripts/import-quality-sets.js';
import { readFixture } from '../fixtures.js';

const labels = (readFixture('labelled/labels.json') as { labels: Record<string, Label> }).labels;
const pages = [1, 2, 3, 4].map((n) => readFixture(`labelled/page-${n}.json`) as { contents: Record<string, unknown>[] });
const records = new Map(pages.flatMap((p) => p.contents.map((r) => [String(r['id']), r] as const)));
const results: ImportResult[] = pages.map((p, i) => fromOpenReferral(p, { at: '2026-12-04', feed: `page-${i + 1}.json` }));
const q = measureImport(labels, records, results);

describe('the labelled feed-like records (issue #17)', () => {
  it('has a label for every record', () => {
    expect(records.size).toBe(135);
    expect([...records.keys()].filter((id) => labels[id] === undefined)).toEqual([]);
  });

  it('imports at least 95% of referrable records, and no record that is not a service', () => {
    expect(fraction(q.referrableImported)).toBeGreaterThanOrEqual(IMPORT_TARGETS.referrableImported);
    expect(q.nonServicesImported).toEqual([]);
  });

  it('skips every record that is not a service, with a reason', () => {
    const skipped = results.flatMap((r) => r.skipped);
    for (const [id, label] of Object.entries(labels)) {
      if (label.referrable) continue;
      expect(skipped.find((s) => s.id === id)?.reason, id).toMatch(/^(not a service: |status )/);
    }
  });

  it('gets category and delivery mode right for at least 90% of imported records each', () => {
    expect(missedTargets(q)).toEqual([]);
    expect(fraction(q.category)).toBeGreaterThanOrEqual(IMPORT_TARGETS.category);
    expect(fraction(q.deliveryMode)).toBeGreaterThanOrEqual(IMPORT_TARGETS.deliveryMode);
  });

  it('invents no timetable, price, age or gender where the labels state none', () => {
    expect(q.misses.filter((m) => m.expected === null || (m.field === 'schedule' && Array.isArray(m.expected) && m.expected.length === 0))).toEqual([]);
    expect([q.scheduleInvented.hit, q.priceInvented.hit, q.ageInvented.hit, q.genderInvented.hit]).toEqual([0, 0, 0, 0]);
  });

  it('keeps every postcode a record states', () => {
    expect(q.postcode.hit).toBe(q.postcode.of);
  });
});

describe('the second tuning set (labelled-2, round 2)', () => {
  const set = readLabelledSet(fileURLToPath(new URL('../../../', import.meta.url)), 'labelled-2');
  const results2: ImportResult[] = set.pages.map(({ file, page }) => fromOpenReferral(page, { at: '2026-12-04', feed: file }));
  const q2 = measureImport(set.labels, set.records, results2);

  it('has a label for every record, with age and gender limits folded into the audience', () => {
    expect(set.records.size).toBe(74);
    expect([...set.records.keys()].filter((id) => set.labels[id] === undefined)).toEqual([]);
    expect(Object.values(set.labels).some((l) => l.audience?.minAge !== undefined)).toBe(true);
  });

  it('meets every target: referrable imported, no non-service imported, category and delivery mode', () => {
    expect(missedTargets(q2)).toEqual([]);
    expect(q2.nonServicesImported).toEqual([]);
  });

  it('skips every record that is not a service, with a reason', () => {
    const skipped = results2.flatMap((r) => r.skipped);
    for (const [id, label] of Object.entries(set.labels)) {
      if (label.referrable) continue;
      expect(skipped.find((s) => s.id === id)?.reason, id).toMatch(/^(not a service: |status )/);
    }
  });
});
