import { describe, expect, it } from 'vitest';
import bundled from '../../fixtures/catalogue.json';
import { extractRows, RowWriter } from '../../src/catalogue/row-writer.js';
import { parseCatalogue } from '../../src/catalogue/load.js';

const activities = parseCatalogue(bundled).activities;

describe('RowWriter (rows extracted as records are validated)', () => {
  it('with room to spare (records a lenient load rejected) gives exactly the rows of the records it was given', () => {
    const writer = new RowWriter(activities.length + 7);
    for (const activity of activities) writer.add(activity);
    const spare = writer.finish();
    const exact = extractRows(activities);
    expect(spare.n).toBe(activities.length);
    expect(spare.tagStart).toHaveLength(activities.length + 1);
    expect(spare.windowStart).toHaveLength(activities.length + 1);
    expect(spare).toEqual(exact);
  });

  it('refuses more rows than its capacity rather than dropping one', () => {
    const writer = new RowWriter(1);
    writer.add(activities[0]!);
    expect(() => writer.add(activities[1]!)).toThrow(/full/);
  });
});
