// Issue #17's acceptance targets on the labelled feed-like records (fixtures/open-referral/labelled/,
// labels written before any tuning). `npm run import-quality` prints the same measure
// (scripts/import-quality-metrics.ts), so the test and the script cannot drift.
import { describe, expect, it } from 'vitest';
import { fromOpenReferral } from '../../../src/index.js';
import { fraction, IMPORT_TARGETS, measureImport, missedTargets } from '../../../scripts/import-quality-metrics.js';
import type { ImportResult, Label } from '../../../scripts/import-quality-metrics.js';
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
