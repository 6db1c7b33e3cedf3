// The crawler's pure parts: addresses, page shapes, the summary rule, modification dates,
// Retry-After, backoff, body parsing and the concurrency limit.
import { describe, expect, it } from 'vitest';
import { createLimiter } from '../../src/sync/limit.js';
import { backoffDelay, detailUrl, isSummary, listUrl, modifiedOf, normaliseBase, parseJsonBody, readListPage, retryAfterMs, serviceId } from '../../src/sync/index.js';
import { fixture } from './server.js';

describe('feed addresses', () => {
  it.each([
    ['https://example.org/api/v3', 'https://example.org/api/v3'],
    ['https://example.org/api/v3/', 'https://example.org/api/v3'],
    ['https://example.org/api/v3/services', 'https://example.org/api/v3'],
    ['https://example.org/api/v3/services/?key=k', 'https://example.org/api/v3?key=k'],
    ['https://example.org', 'https://example.org'],
    ['http://127.0.0.1:8080/x#frag', 'http://127.0.0.1:8080/x'],
  ])('normalises %s to %s', (given, expected) => {
    expect(normaliseBase(given)).toBe(expected);
  });

  it.each(['ftp://example.org', 'example.org/api', '', 'https://user:secret@example.org/api'])('refuses %j', (given) => {
    expect(normaliseBase(given)).toBeUndefined();
  });

  it('builds list and detail addresses, keeping the base query and encoding ids', () => {
    expect(listUrl('https://example.org/api?key=k', 3, 25)).toBe('https://example.org/api/services?key=k&page=3&per_page=25&number=3&size=25');
    expect(detailUrl('https://example.org', 'a b/c?d')).toBe('https://example.org/services/a%20b%2Fc%3Fd');
  });
});

describe('readListPage', () => {
  it('reads the fixture pages of both versions, with what they say about paging', () => {
    expect(readListPage(fixture('v3-summaries/page-1.json'))).toMatchObject({ kind: 'page', format: 'uk-v3', reported: 1, last: false, empty: false, totalPages: 3, totalItems: 6 });
    expect(readListPage(fixture('v1/page-1.json'))).toMatchObject({ kind: 'page', format: 'uk-v1', reported: 1, last: true, totalPages: 2, totalItems: 3 });
  });

  it('ignores paging fields of the wrong type rather than trusting them', () => {
    const read = readListPage({ contents: [], page_number: '1', last_page: 'yes', total_pages: -2 });
    expect(read).toEqual({ kind: 'page', format: 'uk-v3', items: [] });
  });
});

describe('isSummary: when a listed service is fetched in full', () => {
  it('is a summary without service_at_locations (the HSDS 3.0 list shape)', () => {
    const list = fixture<{ contents: unknown[] }>('../open-referral/hsds-3.0/service_list.json');
    expect(list.contents.every(isSummary)).toBe(true);
  });

  it('is not a summary with service_at_locations and five other filled fields', () => {
    expect(isSummary(fixture('details/syn-walk-01.json'))).toBe(false);
    expect(isSummary({ id: 's', name: 'n', description: 'd', status: 'active', organization: {}, service_at_locations: [{}] })).toBe(false);
  });

  it('is a summary with service_at_locations but fewer than five filled fields (empty ones do not count)', () => {
    expect(isSummary({ id: 's', name: 'n', description: '', status: null, organization: {}, service_at_locations: [] })).toBe(true);
  });

  it('is never a summary without a usable id (it could not be fetched)', () => {
    expect(isSummary({ name: 'No id' })).toBe(false);
    expect(isSummary({ id: '  ', name: 'Blank id' })).toBe(false);
    expect(isSummary('a string')).toBe(false);
  });

  it('takes string and whole-number ids', () => {
    expect([serviceId({ id: ' s1 ' }), serviceId({ id: 7 }), serviceId({ id: 1.5 }), serviceId({ id: {} })]).toEqual(['s1', '7', undefined, undefined]);
  });
});

describe('modifiedOf', () => {
  it('takes the latest of last_modified, date_modified, pc_metadata.date_modified and metadata[].last_action_date', () => {
    expect(modifiedOf({ last_modified: '2026-01-01T00:00:00Z', pc_metadata: { date_modified: '2026-01-03' }, metadata: [{ last_action_date: '2026-01-02' }] })?.iso).toBe('2026-01-03');
    expect(modifiedOf({ date_modified: '2025-05-05' })?.iso).toBe('2025-05-05');
    // The HSDS 3.0 example: last_modified is later than its metadata's 2011 change records.
    expect(modifiedOf(fixture('../open-referral/hsds-3.0/service_full.json'))?.iso).toBe('2023-03-15T10:30:45.123Z');
  });

  it('ignores what is not a date', () => {
    expect(modifiedOf({ last_modified: 'yesterday', metadata: [{ last_action_date: 20260101 }], pc_metadata: 'x' })).toBeUndefined();
    expect(modifiedOf(null)).toBeUndefined();
  });
});

describe('Retry-After and backoff', () => {
  const now = new Date('2026-10-21T07:28:00Z');
  it.each([
    ['3', 3000],
    [' 0 ', 0],
    ['Wed, 21 Oct 2026 07:28:30 GMT', 30_000],
    ['Wed, 21 Oct 2026 07:00:00 GMT', 0],
    ['3600', 60_000],
  ])('Retry-After %j waits %d ms (capped at 60 s)', (header, ms) => {
    expect(retryAfterMs(header, now, 60_000)).toBe(ms);
  });

  it('ignores a missing or unreadable Retry-After', () => {
    expect(retryAfterMs(null, now, 60_000)).toBeUndefined();
    expect(retryAfterMs('soon', now, 60_000)).toBeUndefined();
  });

  it('doubles the backoff each retry up to the cap, keeping between half and all of it', () => {
    const settings = { backoffMs: 500, maxBackoffMs: 4000 };
    expect([1, 2, 3, 4, 5, 40].map((n) => backoffDelay(n, { ...settings, random: () => 0 }))).toEqual([250, 500, 1000, 2000, 2000, 2000]);
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, { ...settings, random: () => 0.999999 }))).toEqual([500, 1000, 2000, 4000, 4000]);
  });
});

describe('parseJsonBody', () => {
  it('parses JSON whatever the content type says', () => {
    expect(parseJsonBody('{"a":1}', 'text/plain')).toEqual({ ok: true, body: { a: 1 } });
  });

  it.each([
    ['', 'application/json', 'expected JSON, got an empty body (application/json)'],
    ['<!DOCTYPE html><html></html>', 'text/html; charset=utf-8', 'expected JSON, got an HTML page (text/html)'],
    ['Service Unavailable', 'text/html', 'expected JSON, got an HTML page (text/html)'],
    ['{"contents":[{"id":"a"', 'application/json', 'truncated JSON: the body (22 bytes) ends mid-document'],
    ['{"a":1}}', null, 'malformed JSON (8 bytes, no content type)'],
    ['{"a":"x\\"', 'application/json', 'truncated JSON: the body (9 bytes) ends mid-document'],
    ['{"a": tru', 'application/json', 'truncated JSON: the body (9 bytes) ends mid-document'],
  ])('says why %j is not JSON', (text, type, reason) => {
    expect(parseJsonBody(text, type)).toEqual({ ok: false, reason });
  });
});

describe('createLimiter', () => {
  it('runs at most `limit` tasks at once, pages before details', async () => {
    const limiter = createLimiter(2);
    const started: string[] = [];
    let active = 0;
    let most = 0;
    const task = (name: string) => async () => {
      started.push(name);
      active += 1;
      most = Math.max(most, active);
      await new Promise((resolve) => setTimeout(resolve, 5));
      active -= 1;
    };
    await Promise.all([limiter.run('detail', task('d1')), limiter.run('detail', task('d2')), limiter.run('detail', task('d3')), limiter.run('page', task('p1'))]);
    expect(most).toBe(2);
    expect(started).toEqual(['d1', 'd2', 'p1', 'd3']);
  });

  it('frees the slot of a task that throws', async () => {
    const limiter = createLimiter(1);
    await expect(
      limiter.run('page', () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await expect(limiter.run('page', async () => 'next')).resolves.toBe('next');
  });
});
