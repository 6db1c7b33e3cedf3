// syncFeed against a real HTTP server on 127.0.0.1 serving the fixture feeds in fixtures/sync/.
// Backoff never really sleeps: every test injects a sleep that records the wait and returns.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActivityMatchError } from '../../src/index.js';
import { parseSyncState, syncFeed } from '../../src/sync/index.js';
import type { SyncOptions, SyncState } from '../../src/sync/index.js';
import { detailPath, fixture, fixtureFeed, fixtureText, pageUrl, startFeedServer } from './server.js';
import type { FeedServer, Reply, Route } from './server.js';

const SUMMARY_IDS = ['syn-walk-01', 'syn-choir-02', 'syn-garden-03', 'syn-cafe-04', 'syn-chair-05'];
const ACTIVITY_IDS = ['syn-chair-05@syn-loc-5', 'syn-choir-02@syn-loc-2', 'syn-garden-03@syn-loc-3', 'syn-walk-01@syn-loc-1'];

let server: FeedServer | undefined;
/** Every backoff the crawler asked to sleep in the current test. */
let waits: number[] = [];
beforeEach(() => {
  waits = [];
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(route: Route): Promise<FeedServer> {
  server = await startFeedServer(route);
  return server;
}

/** Options for a fast, deterministic run: sleeping only records the wait in `waits`. */
function quick(extra: SyncOptions = {}): SyncOptions {
  return {
    sleep: async (ms) => {
      waits.push(ms);
    },
    random: () => 0.5,
    now: () => new Date('2026-02-01T00:00:00Z'),
    timeoutMs: 2000,
    ...extra,
  };
}

const summaries = fixtureFeed('v3-summaries');
const ids = (activities: readonly { id: string }[]) => activities.map((a) => a.id).sort();
const edited = <T>(value: unknown, change: (v: T) => void): unknown => {
  change(value as T);
  return value;
};
interface V3Page {
  total_pages: number;
  last_page: boolean;
  contents: Record<string, unknown>[];
}

describe('paging a UK v3 feed of summaries', () => {
  it('reads every page, fetches each summary’s full record once, and imports them', async () => {
    const s = await serve(summaries);
    const { activities, report, state } = await syncFeed(s.base, quick());
    expect(ids(activities)).toEqual(ACTIVITY_IDS);
    expect(s.hits.filter((h) => h.startsWith('/api/services?'))).toEqual([pageUrl(1), pageUrl(2), pageUrl(3)]);
    for (const id of SUMMARY_IDS) expect(s.count(detailPath(id))).toBe(1);
    expect(s.hits).toHaveLength(8);
    expect(report).toMatchObject({ format: 'uk-v3', mode: 'full', finished: true, complete: true, pages: 3, services: 6, fetched: { pages: 3, details: 5, requests: 8, retries: 0 }, imported: { services: 4, activities: 4 } });
    expect(report.failed).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(state.finished).toBe(true);
    expect(state.records.map((r) => r.source)).toEqual(['fetched', 'fetched', 'fetched', 'fetched', 'fetched', 'listed']);
  });

  it('reports what the importer skipped and rejected, with reasons, naming the service and its page', async () => {
    const s = await serve(summaries);
    const { report } = await syncFeed(s.base, quick());
    expect(report.skipped).toEqual([{ id: 'syn-cafe-04', page: 2, status: 'temporarily closed', reason: 'status temporarily closed: not recommended' }]);
    // The listed item with no id cannot be fetched in full; the importer rejects it, and says why.
    expect(report.rejected).toEqual([{ page: 3, reason: '[5].id: expected a service id', issues: [{ path: '[5].id', message: 'expected a service id' }] }]);
  });

  it('never has more requests in flight than the concurrency allows', async () => {
    const s = await serve((r) => ({ ...summaries(r), delayMs: r.id === undefined ? 0 : 40 }));
    await syncFeed(s.base, quick({ concurrency: 2 }));
    expect(s.maxInFlight()).toBe(2);
  });

  it('keeps a base URL’s query (an API key) on every request', async () => {
    const s = await serve(summaries);
    await syncFeed(`${s.base}/services?key=abc`, quick());
    expect(s.hits.every((h) => h.includes('key=abc'))).toBe(true);
    expect(s.hits[0]).toBe('/api/services?key=abc&page=1&per_page=50&number=1&size=50');
  });
});

describe('paging a UK v1 feed', () => {
  const expected = ['syn1-choir-02@syn1-loc-2', 'syn1-garden-03@syn1-loc-3', 'syn1-walk-01@syn1-loc-1'];

  it('finds that a Spring-style feed numbers its pages from 0, and reads page 0 too', async () => {
    const s = await serve(fixtureFeed('v1'));
    const { activities, report } = await syncFeed(s.base, quick());
    expect(ids(activities)).toEqual(expected);
    expect(s.hits).toEqual([pageUrl(1), pageUrl(0)]);
    expect(report).toMatchObject({ format: 'uk-v1', complete: true, pages: 2, services: 3 });
    expect(report.warnings).toEqual([]);
  });

  it('reads a feed whose page parameter counts from 1 (and still reports number from 0)', async () => {
    const s = await serve(fixtureFeed('v1', { pageOffset: -1 }));
    const { activities, report } = await syncFeed(s.base, quick());
    expect(ids(activities)).toEqual(expected);
    expect(s.hits).toEqual([pageUrl(1), pageUrl(2)]);
    expect(report.warnings).toEqual([]);
  });

  it('reads a feed that pages with number=N&size=M', async () => {
    const s = await serve(fixtureFeed('v1', { pageParam: 'number' }));
    const { activities } = await syncFeed(s.base, quick({ perPage: 2 }));
    expect(ids(activities)).toEqual(expected);
    expect(s.hits).toEqual([pageUrl(1, 2), pageUrl(0, 2)]);
  });
});

describe('not trusting total_pages', () => {
  it('goes on past a total_pages that is too small, keeps one copy of a service listed twice and reports it', async () => {
    // v3-full: full records in the list; total_pages 1 on every page, last_page false, page 3 empty.
    const s = await serve(fixtureFeed('v3-full'));
    const { activities, report } = await syncFeed(s.base, quick());
    expect(ids(activities)).toEqual(['syn-choir-02@syn-loc-2', 'syn-garden-03@syn-loc-3', 'syn-walk-01@syn-loc-1']);
    expect(s.hits).toEqual([pageUrl(1), pageUrl(2), pageUrl(3)]); // full records: no detail requests
    expect(report.duplicates).toEqual([{ id: 'syn-choir-02', pages: [1, 2], reason: 'listed 2 times (pages 1, 2): kept the record read first' }]);
    expect(report.warnings).toEqual([
      { reason: 'the feed counts 2 services (total_items) but listed 3 in 4 entries' },
      { reason: 'the feed said 1 pages (total_pages); 2 held services' },
    ]);
    expect(report.complete).toBe(true);
  });

  it('stops at the page marked last even when total_pages promises many more, inventing nothing', async () => {
    const s = await serve(fixtureFeed('v3-summaries', { edit: (v, r) => (r.id === undefined ? edited<V3Page>(v, (p) => (p.total_pages = 40)) : v) }));
    const { activities, report } = await syncFeed(s.base, quick());
    expect(ids(activities)).toEqual(ACTIVITY_IDS);
    expect(s.count(pageUrl(4))).toBe(0);
    expect(report.warnings).toEqual([{ reason: 'the feed said 40 pages (total_pages); 3 held services' }]);
  });

  it('asks for one more page when a page claims to be the last but total_items counts more services', async () => {
    // A feed that works out last_page from a stale total_pages of 2.
    const s = await serve(fixtureFeed('v3-summaries', { edit: (v, r) => (r.page === 2 ? edited<V3Page>(v, (p) => ((p.total_pages = 2), (p.last_page = true))) : v) }));
    const { activities, report } = await syncFeed(s.base, quick());
    expect(ids(activities)).toEqual(ACTIVITY_IDS);
    expect(s.count(pageUrl(3))).toBe(1);
    expect(report.warnings[0]?.reason).toBe('page 2 says it is the last, but the feed counts 6 services and 4 are listed: asking for page 3 too');
  });

  it('on a feed that does not mark its last page, reads until an empty page, and takes a 404 past total_pages as the end', async () => {
    const unmarked = (v: unknown) => edited<Omit<V3Page, 'last_page'> & { last_page?: boolean }>(v, (p) => delete p.last_page);
    const s = await serve(fixtureFeed('v3-summaries', { edit: (v, r) => (r.id === undefined ? unmarked(v) : v) }));
    const { activities, report } = await syncFeed(s.base, quick());
    expect(ids(activities)).toEqual(ACTIVITY_IDS);
    expect(s.count(pageUrl(4))).toBe(1); // the fixture server answers 404 for page 4
    expect(report.failed).toEqual([]);
    expect(report.warnings).toEqual([{ url: `${s.base}/services?page=4&per_page=50&number=4&size=50`, reason: 'page 4 could not be read (HTTP 404 Not Found): taken as the end of the list' }]);
    expect(report.complete).toBe(true);
  });

  it('stops at maxPages with a warning, and says the result is incomplete', async () => {
    const s = await serve(summaries);
    const { report } = await syncFeed(s.base, quick({ maxPages: 2 }));
    expect(s.count(pageUrl(3))).toBe(0);
    expect(report.warnings).toContainEqual({ url: `${s.base}/services?page=3&per_page=50&number=3&size=50`, reason: 'stopped after 2 pages (maxPages): the feed may list more services' });
    expect(report).toMatchObject({ complete: false, services: 4 });
  });

  it('stops when the feed ignores the page parameter and sends the same page again', async () => {
    const s = await serve((r) => summaries(r.id === undefined ? { ...r, query: new URLSearchParams('page=1') } : r));
    const { report } = await syncFeed(s.base, quick());
    expect(s.hits.filter((h) => h.startsWith('/api/services?'))).toEqual([pageUrl(1), pageUrl(2)]);
    expect(report.services).toBe(2);
    expect(report.duplicates).toEqual([]);
    expect(report.warnings).toContainEqual({ url: `${s.base}/services?page=2&per_page=50&number=2&size=50`, reason: 'page 2 lists the same services as the page before: the feed seems to ignore the page parameter, so the listing stopped' });
    expect(report.complete).toBe(false);
  });
});

describe('retries', () => {
  it('retries 500s with exponential backoff and jitter, and loses nothing', async () => {
    const s = await serve((r) => (r.page === 2 && r.count <= 2 ? { status: 500 } : r.id === 'syn-walk-01' && r.count === 1 ? { status: 503 } : summaries(r)));
    const { activities, report } = await syncFeed(s.base, quick());
    expect(ids(activities)).toEqual(ACTIVITY_IDS);
    expect(s.count(pageUrl(2))).toBe(3);
    // backoff 500 ms doubled per retry; equal jitter with random() = 0.5 takes a quarter off.
    expect(waits.sort((a, b) => a - b)).toEqual([375, 375, 750]);
    expect(report.fetched.retries).toBe(3);
    expect(report.failed).toEqual([]);
    expect(report.complete).toBe(true);
  });

  it('gives up after the retries, reports the page with its last reason, and reads the pages after it', async () => {
    const s = await serve((r) => (r.page === 2 ? { status: 500 } : summaries(r)));
    const { activities, report } = await syncFeed(s.base, quick({ retries: 2 }));
    expect(s.count(pageUrl(2))).toBe(3);
    expect(report.failed).toEqual([{ kind: 'page', url: `${s.base}/services?page=2&per_page=50&number=2&size=50`, reason: 'HTTP 500 Internal Server Error (3 attempts)', status: 500, attempts: 3 }]);
    expect(ids(activities)).toEqual(['syn-chair-05@syn-loc-5', 'syn-choir-02@syn-loc-2', 'syn-walk-01@syn-loc-1']);
    expect(report).toMatchObject({ finished: true, complete: false, pages: 2 });
  });

  it('goes on past failed pages while total_pages says there are more, but stops after three in a row', async () => {
    const s = await serve((r) => (r.page !== undefined && r.page >= 2 ? { status: 502 } : summaries(r)));
    const { report, state } = await syncFeed(s.base, quick({ retries: 0 }));
    expect(s.hits.filter((h) => h.startsWith('/api/services?'))).toEqual([pageUrl(1), pageUrl(2), pageUrl(3)]);
    expect(report.warnings).toEqual([{ url: `${s.base}/services?page=3&per_page=50&number=3&size=50`, reason: 'stopped listing: page 3 failed and the feed counts no pages after it; resume with the state to try again and go on' }]);
    // A resume asks for pages 2 and 3 again, in sequence.
    expect(state.listing).toMatchObject({ next: 2, failed: [], stopped: 'failures' });
    s.reset();
    const huge = await startFeedServer((r) => (r.page !== undefined && r.page >= 2 ? { status: 502 } : fixtureFeed('v3-summaries', { edit: (v) => edited<V3Page>(v, (p) => (p.total_pages = 99)) })(r)));
    try {
      const { report: many } = await syncFeed(huge.base, quick({ retries: 0 }));
      expect(many.failed.map((f) => f.url.slice(huge.base.length))).toEqual([2, 3, 4].map((n) => `/services?page=${n}&per_page=50&number=${n}&size=50`));
      expect(many.warnings.at(-1)?.reason).toBe('stopped listing after 3 pages in a row failed: resume with the state to try again and go on');
    } finally {
      await huge.close();
    }
  });

  it('does not retry a 4xx other than 408 and 429, and retries those two', async () => {
    const s = await serve((r) => (r.page === 2 ? { status: 403 } : r.page === 3 && r.count === 1 ? { status: 408 } : summaries(r)));
    const { report } = await syncFeed(s.base, quick());
    expect(s.count(pageUrl(2))).toBe(1);
    expect(s.count(pageUrl(3))).toBe(2);
    expect(report.failed.map((f) => [f.reason, f.attempts])).toEqual([['HTTP 403 Forbidden', 1]]);
  });

  it('honours Retry-After in seconds and as an HTTP date, capped at maxRetryAfterMs', async () => {
    const s = await serve((r) => {
      if (r.page === 1 && r.count === 1) return { status: 429, headers: { 'retry-after': '7' } };
      if (r.id === 'syn-walk-01' && r.count === 1) return { status: 429, headers: { 'retry-after': 'Sun, 01 Feb 2026 00:00:30 GMT' } };
      if (r.id === 'syn-choir-02' && r.count === 1) return { status: 503, headers: { 'retry-after': '3600' } };
      return summaries(r);
    });
    const { report } = await syncFeed(s.base, quick({ maxRetryAfterMs: 60_000 }));
    expect(waits.sort((a, b) => a - b)).toEqual([7000, 30_000, 60_000]);
    expect(report.failed).toEqual([]);
    expect(report.fetched.retries).toBe(3);
  });

  it('times out a slow response and retries it', async () => {
    const s = await serve((r) => (r.page === 2 && r.count === 1 ? { ...summaries(r), delayMs: 5000 } : summaries(r)));
    const { activities, report } = await syncFeed(s.base, quick({ timeoutMs: 150 }));
    expect(ids(activities)).toEqual(ACTIVITY_IDS);
    expect(s.count(pageUrl(2))).toBe(2);
    expect(report.fetched.retries).toBe(1);
    expect(report.failed).toEqual([]);
  });

  it('reports a detail that never answers in time, and imports its summary instead', async () => {
    const s = await serve((r) => (r.id === 'syn-garden-03' ? { ...summaries(r), delayMs: 5000 } : summaries(r)));
    const { report } = await syncFeed(s.base, quick({ timeoutMs: 100, retries: 1 }));
    expect(report.failed).toEqual([{ kind: 'detail', url: `${s.base}/services/syn-garden-03`, id: 'syn-garden-03', reason: 'timed out: no complete response within 100 ms (2 attempts)', attempts: 2 }]);
    expect(report.warnings).toContainEqual({ id: 'syn-garden-03', url: `${s.base}/services/syn-garden-03`, reason: 'imported from the list summary: its full record could not be fetched' });
  });

  it('reports a feed that cannot be reached at all, without throwing', async () => {
    const s = await serve(summaries);
    const base = s.base;
    await s.close();
    server = undefined;
    const { activities, report, state } = await syncFeed(base, quick({ retries: 1 }));
    expect(activities).toEqual([]);
    expect(report.pages).toBe(0);
    expect(report.failed).toEqual([{ kind: 'page', url: `${base}/services?page=1&per_page=50&number=1&size=50`, reason: 'network error: ECONNREFUSED (2 attempts)', attempts: 2 }]);
    expect(report.warnings).toEqual([{ url: `${base}/services?page=1&per_page=50&number=1&size=50`, reason: 'stopped listing: page 1 failed and the feed counts no pages after it; resume with the state to try again and go on' }]);
    expect(state.listing).toMatchObject({ next: 1, failed: [], stopped: 'failures' });
  });
});

describe('bodies that are not a page', () => {
  const page2 = (reply: () => Reply): Route => (r) => (r.page === 2 ? reply() : summaries(r));

  it.each([
    ['truncated JSON', () => ({ json: fixture('v3-summaries/page-2.json'), truncate: 200 }), 'truncated JSON: the body (200 bytes) ends mid-document'],
    ['an HTML error page with status 200', () => ({ text: fixtureText('error-page.html') }), 'expected JSON, got an HTML page (text/html)'],
    ['an array', () => ({ json: [] }), 'expected a page object ({ contents: [...] } for UK v3, { content: [...] } for UK v1), got an array'],
    ['a string', () => ({ json: 'maintenance' }), 'expected a page object ({ contents: [...] } for UK v3, { content: [...] } for UK v1), got a string'],
    ['an object that is not a page', () => ({ json: { error: 'rate limited' } }), 'expected a UK v3 page ({ total_items, contents: [...] }) or a UK v1 page ({ totalElements, content: [...] })'],
    ['contents that is not a list', () => ({ json: { total_items: 6, contents: 'none' } }), 'expected contents to be an array of services'],
  ])('reports %s with the URL and reason, not retried, and reads the next page', async (_name, reply, reason) => {
    const s = await serve(page2(reply));
    const { report } = await syncFeed(s.base, quick());
    expect(report.failed).toEqual([expect.objectContaining({ kind: 'page', url: `${s.base}/services?page=2&per_page=50&number=2&size=50`, reason, attempts: 1 })]);
    expect(s.count(pageUrl(2))).toBe(1);
    expect(s.count(pageUrl(3))).toBe(1);
    expect(report.services).toBe(4);
  });

  it('falls back to the summary when a detail is a 404, an HTML page or another service, reporting each', async () => {
    const s = await serve((r) => {
      if (r.id === 'syn-garden-03') return { status: 404, json: { error: 'not found' } };
      if (r.id === 'syn-walk-01') return { status: 200, text: fixtureText('error-page.html') };
      if (r.id === 'syn-choir-02') return { json: fixture('details/syn-chair-05.json') };
      return summaries(r);
    });
    const { activities, report } = await syncFeed(s.base, quick());
    expect(report.failed.map((f) => [f.id, f.reason, f.attempts])).toEqual(
      expect.arrayContaining([
        ['syn-garden-03', 'HTTP 404 Not Found', 1],
        ['syn-walk-01', 'expected JSON, got an HTML page (text/html)', 1],
        ['syn-choir-02', 'expected the service asked for, got a record with another id', 1],
      ]),
    );
    expect(report.failed).toHaveLength(3);
    expect(report.warnings.map((w) => w.id).sort()).toEqual(['syn-choir-02', 'syn-garden-03', 'syn-walk-01']);
    // The summaries have no locations, so the importer rejects them, and the report says why.
    expect(report.rejected.map((r) => r.id).sort()).toEqual(['syn-choir-02', 'syn-garden-03', 'syn-walk-01', undefined]); // and the listing with no id
    expect(ids(activities)).toEqual(['syn-chair-05@syn-loc-5']);
  });
});

describe('resuming an interrupted run', () => {
  it('continues from the saved state without fetching anything twice, and loses nothing', async () => {
    const s = await serve((r) => ({ ...summaries(r), delayMs: r.id === undefined ? 0 : 10 }));
    const whole = await syncFeed(s.base, quick());
    s.reset();

    const controller = new AbortController();
    let saved: string | undefined;
    const first = await syncFeed(
      s.base,
      quick({
        signal: controller.signal,
        onState: (state) => {
          saved = JSON.stringify(state); // what the CLI writes to the state file
          if (state.listing.done.length === 2) controller.abort();
        },
      }),
    );
    expect(first.report.finished).toBe(false);
    expect(first.state.finished).toBe(false);
    expect(s.count(pageUrl(3))).toBe(0);
    // The state saved at the end of the interrupted run is the last one written.
    expect(JSON.parse(saved as string)).toEqual(first.state);

    const second = await syncFeed(s.base, quick({ resume: parseSyncState(JSON.parse(saved as string)) }));
    expect(second.report).toMatchObject({ resumed: true, finished: true, complete: true, pages: 3, services: 6 });
    expect(second.activities).toEqual(whole.activities);
    const twice = [...new Set(s.hits)].filter((h) => s.count(h) > 1);
    expect(twice).toEqual([]);
    expect(s.hits).toHaveLength(8);
  });

  it('on an abort lets requests in flight finish but starts no new one', async () => {
    const controller = new AbortController();
    const s = await serve((r) => {
      if (r.id === 'syn-walk-01') controller.abort(); // interrupted while this request is being answered
      return { ...summaries(r), delayMs: r.id === undefined ? 0 : 20 };
    });
    const { state, report } = await syncFeed(s.base, quick({ concurrency: 1, signal: controller.signal }));
    // List pages go before full records, so the listing was done when the first full record was asked for.
    expect(s.hits).toEqual([pageUrl(1), pageUrl(2), pageUrl(3), detailPath('syn-walk-01')]);
    expect(state.records.map((r) => [r.key, r.source])).toEqual([
      ['syn-walk-01', 'fetched'],
      ['syn-choir-02', 'pending'],
      ['syn-garden-03', 'pending'],
      ['syn-cafe-04', 'pending'],
      ['syn-chair-05', 'pending'],
      ['#3:1', 'listed'],
    ]);
    expect(report).toMatchObject({ finished: false, complete: false });
  });

  it('asks again for the pages and full records that failed, and only those', async () => {
    let broken = true;
    const s = await serve((r) => (broken && (r.page === 2 || r.id === 'syn-walk-01') ? { status: 500 } : summaries(r)));
    const first = await syncFeed(s.base, quick({ retries: 0 }));
    expect(first.report.failed.map((f) => `${f.kind} ${f.url.slice(s.base.length)}`).sort()).toEqual(['detail /services/syn-walk-01', 'page /services?page=2&per_page=50&number=2&size=50']);
    expect(first.state.listing.failed).toEqual([2]);
    broken = false;
    s.reset();
    const second = await syncFeed(s.base, quick({ resume: first.state }));
    expect(s.hits.sort()).toEqual([detailPath('syn-cafe-04'), detailPath('syn-garden-03'), detailPath('syn-walk-01'), pageUrl(2)].sort());
    expect(ids(second.activities)).toEqual(ACTIVITY_IDS);
    expect(second.report).toMatchObject({ complete: true, failed: [] });
  });

  it('refuses the state of another feed, and a malformed state, naming the path', async () => {
    const s = await serve(summaries);
    const { state } = await syncFeed(s.base, quick());
    await expect(syncFeed('https://example.org/other', quick({ resume: state }))).rejects.toMatchObject({ code: 'INVALID_OPTIONS', issues: [{ path: 'options.resume.base' }] });
    const broken = { ...state, listing: { ...state.listing, next: 'two' } } as unknown as SyncState;
    await expect(syncFeed(s.base, quick({ resume: broken }))).rejects.toMatchObject({ issues: [{ path: 'options.resume.listing.next', message: 'expected a page number' }] });
  });
});

describe('incremental sync', () => {
  type Service = Record<string, unknown> & { last_modified?: string; name?: string };
  /** The feed a week later: syn-walk-01 renamed (and dated after the first sync), syn-chair-05 gone. */
  const later: Route = fixtureFeed('v3-summaries', {
    edit: (value, r) => {
      if (r.id === 'syn-walk-01') return edited<Service>(value, (v) => ((v.last_modified = '2026-02-05T10:00:00Z'), (v.name = 'Riverside health walk (new route)')));
      if (r.id !== undefined) return value;
      return edited<V3Page>(value, (p) => {
        for (const item of p.contents) if (item.id === 'syn-walk-01') Object.assign(item, { last_modified: '2026-02-05T10:00:00Z', name: 'Riverside health walk (new route)' });
        p.contents = p.contents.filter((item) => item.id !== 'syn-chair-05');
      });
    },
  });

  /** A server whose route the test can switch between syncs. */
  let route: Route = summaries;
  beforeEach(() => {
    route = summaries;
  });
  const switchable = () => serve((r) => route(r));

  it('fetches again only services changed since the last sync, keeps the others and reports the removed', async () => {
    const s = await switchable();
    const before = await syncFeed(s.base, quick());
    route = later;
    s.reset();
    const after = await syncFeed(s.base, quick({ previous: before.state, now: () => new Date('2026-02-08T00:00:00Z') }));
    expect(s.hits.filter((h) => !h.startsWith('/api/services?'))).toEqual([detailPath('syn-walk-01')]);
    expect(after.report).toMatchObject({ mode: 'incremental', since: '2026-02-01T00:00:00.000Z', kept: 3, complete: true, fetched: { details: 1 } });
    expect(after.report.removed).toEqual([{ id: 'syn-chair-05', reason: 'in the previous sync, no longer listed' }]);
    expect(ids(after.activities)).toEqual(['syn-choir-02@syn-loc-2', 'syn-garden-03@syn-loc-3', 'syn-walk-01@syn-loc-1']);
    expect(after.activities.find((a) => a.id === 'syn-walk-01@syn-loc-1')?.name).toBe('Riverside health walk (new route)');
    // Kept records are the full ones from the previous sync, so they import exactly as before.
    expect(after.activities.find((a) => a.id === 'syn-choir-02@syn-loc-2')).toEqual(before.activities.find((a) => a.id === 'syn-choir-02@syn-loc-2'));
    expect(after.state.removed).toEqual(['syn-chair-05']);
    expect(after.state.previous).toBeUndefined();
  });

  it('for a service the previous listing gave no date for, goes by the previous sync’s start', async () => {
    const undated = (v: unknown, r: { page?: number }) => (r.page === 1 ? edited<V3Page>(v, (p) => p.contents.forEach((c) => delete c.last_modified)) : v);
    const s = await switchable();
    route = fixtureFeed('v3-summaries', { edit: undated });
    const { state } = await syncFeed(s.base, quick()); // started 2026-02-01T00:00Z
    route = fixtureFeed('v3-summaries', {
      edit: (v, r) => (r.page === 1 ? edited<V3Page>(v, (p) => ((p.contents[0] as Service).last_modified = '2026-01-31T23:00:00Z', (p.contents[1] as Service).last_modified = '2026-02-01T01:00:00Z')) : v),
    });
    s.reset();
    const after = await syncFeed(s.base, quick({ previous: state }));
    expect(s.hits.filter((h) => !h.startsWith('/api/services?'))).toEqual([detailPath('syn-choir-02')]);
    expect(after.report.kept).toBe(4);
  });

  it('fetches again a service the listing gives no modification date for', async () => {
    const s = await switchable();
    const { state } = await syncFeed(s.base, quick());
    route = fixtureFeed('v3-summaries', { edit: (v, r) => (r.page === 1 ? edited<V3Page>(v, (p) => delete p.contents[1]?.last_modified) : v) });
    s.reset();
    const after = await syncFeed(s.base, quick({ previous: state }));
    expect(s.hits.filter((h) => !h.startsWith('/api/services?'))).toEqual([detailPath('syn-choir-02')]);
    expect(after.report.kept).toBe(4);
  });

  it('reports nothing removed when the listing is incomplete, and keeps the previous records of services it did not see', async () => {
    const s = await switchable();
    const { state } = await syncFeed(s.base, quick());
    route = (r) => (r.page === 3 ? { status: 500 } : summaries(r));
    const after = await syncFeed(s.base, quick({ retries: 0, previous: state }));
    expect(after.report.removed).toEqual([]);
    expect(after.report.warnings).toContainEqual({ id: 'syn-chair-05', reason: 'not in this listing, which is incomplete: kept from the previous sync' });
    expect(ids(after.activities)).toEqual(ACTIVITY_IDS);
  });

  it('needs a finished previous sync', async () => {
    const s = await serve(summaries);
    const { state } = await syncFeed(s.base, quick());
    await expect(syncFeed(s.base, quick({ previous: { ...state, finished: false } }))).rejects.toMatchObject({ issues: [{ path: 'options.previous.finished' }] });
  });
});

describe('options and callbacks', () => {
  it.each([
    ['ftp://example.org', {}, 'base'],
    ['not a url', {}, 'base'],
    ['https://example.org', { concurrency: 0 }, 'options.concurrency'],
    ['https://example.org', { details: 'sometimes' }, 'options.details'],
    ['https://example.org', { retries: 1.5 }, 'options.retries'],
    ['https://example.org', { import: { timeZone: 'Mars/Olympus' } }, 'options.import.timeZone'],
    ['https://example.org', { bogus: true }, 'options'],
  ])('%s with %j is refused with INVALID_OPTIONS at %s before anything is fetched', async (base, options, path) => {
    let calls = 0;
    const fetch = async () => {
      calls += 1;
      return new Response('{}');
    };
    const error = await syncFeed(base, { fetch, ...(options as SyncOptions) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActivityMatchError);
    expect((error as ActivityMatchError).code).toBe('INVALID_OPTIONS');
    expect((error as ActivityMatchError).issues[0]?.path).toBe(path);
    expect(calls).toBe(0);
  });

  it('reports progress after each page and full record', async () => {
    const s = await serve(summaries);
    const seen: string[] = [];
    await syncFeed(s.base, quick({ concurrency: 1, onProgress: (p) => seen.push(`${p.pages}/${p.totalPages} ${p.services} ${p.details}+${p.pendingDetails} ${p.failed}`) }));
    expect(seen[0]).toBe('1/3 2 0+2 0');
    expect(seen.at(-1)).toBe('3/3 6 5+0 0');
    expect(seen).toHaveLength(8);
  });

  it('with details: "always" fetches every listed service in full, with "never" none', async () => {
    const s = await serve(fixtureFeed('v3-full'));
    await syncFeed(s.base, quick({ details: 'always' }));
    expect(s.hits.filter((h) => !h.startsWith('/api/services?')).sort()).toEqual([detailPath('syn-choir-02'), detailPath('syn-garden-03'), detailPath('syn-walk-01')]);
    s.reset();
    const { report } = await syncFeed(s.base, quick({ details: 'never' }));
    expect(s.hits.every((h) => h.startsWith('/api/services?'))).toBe(true);
    expect(report.fetched.details).toBe(0);
  });

  it('stops when onState throws, lets requests in flight finish, and rejects with that error', async () => {
    const s = await serve(summaries);
    const failure = new Error('disk full');
    await expect(
      syncFeed(
        s.base,
        quick({
          onState: () => {
            throw failure;
          },
        }),
      ),
    ).rejects.toBe(failure);
    expect(s.count(pageUrl(2))).toBe(0);
  });
});
