import { describe, expect, it } from 'vitest';
import { ActivityMatchError, ActivitySchema } from '../../src/index.js';
import { runImportCommand } from '../../src/catalogue/import-command.js';
import { readFixture } from './fixtures.js';

describe('runImportCommand', () => {
  const page1 = runImportCommand(readFixture('uk-feeds/sheffield-v3-page-1.json'), { feed: 'sheffield-v3-page-1.json', at: '2026-01-15' });

  it('outputs the catalogue as a JSON array of activities that validate (once inferred and source are in the schema)', () => {
    const activities = JSON.parse(page1.output) as Record<string, unknown>[];
    expect(activities).toHaveLength(8);
    for (const { inferred: _i, source: _s, ...a } of activities) expect(ActivitySchema.safeParse(a).success).toBe(true);
    expect(page1.output.endsWith('\n')).toBe(true);
  });

  it('summarises on stderr, then lists every rejected, partly mapped and skipped service by position, id and path', () => {
    expect(page1.stderr).toEqual([
      'imported 8 activities from 10 services (UK v3 page 1 of 2): 2 rejected, 2 with warnings, 2 skipped',
      "rejected #7 (shf-svc-0808): contents[7].name: expected a service name; contents[7].status: expected status 'active', 'inactive', 'defunct' or 'temporarily closed'",
      'rejected #8: contents[8]: expected a service object',
      expect.stringMatching(/^warning #2 \(shf-svc-0303\): contents\[2\]\.assured_date: last checked more than 365 days before the import: re-check with the provider; contents\[2\]\.service_at_locations\[0\]\.schedules\[1\]\.opens_at: expected a time/),
      'warning #9 (shf-svc-1010): contents[9].service_at_locations[1].location.location_type: a postal address is not where the service runs: location ignored',
      'skipped #5 (shf-svc-0606): contents[5].status: status defunct: not recommended',
      'skipped #6 (shf-svc-0707): contents[6].status: status temporarily closed: not recommended',
      'note: this is page 1 of 2; import the other pages too',
    ]);
    expect(page1.counts).toEqual({ services: 10, activities: 8, rejected: 2, warnings: 2, skipped: 2 });
  });

  it('says nothing more than the summary for a clean last page', () => {
    const page2 = runImportCommand(readFixture('uk-feeds/sheffield-v3-page-2.json'));
    expect(page2.stderr).toEqual(['imported 2 activities from 2 services (UK v3 page 2 of 2): 0 rejected, 0 with warnings, 0 skipped']);
  });

  it('names the shape of a single service', () => {
    expect(runImportCommand(readFixture('hsds-3.0/service_full.json')).stderr[0]).toBe('imported 2 activities from 1 service (one service): 0 rejected, 1 with warnings, 0 skipped');
  });

  it('throws ActivityMatchError for a document that is not a feed, and in strict mode at the first problem', () => {
    expect(() => runImportCommand({ hello: 'world' })).toThrow(ActivityMatchError);
    expect(() => runImportCommand(readFixture('uk-feeds/sheffield-v3-page-1.json'), { strict: true })).toThrow(ActivityMatchError);
  });
});
