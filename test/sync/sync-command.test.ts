// `activity-match sync` through the CLI's main(), with an injected io (in-memory files, no
// console) against a real HTTP server on 127.0.0.1.
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import type { CliIo } from '../../src/cli.js';
import { parseSyncArgs } from '../../src/sync/sync-command.js';
import { parseSyncState } from '../../src/sync/index.js';
import type { SyncReport } from '../../src/sync/index.js';
import { fixtureFeed, pageUrl, startFeedServer } from './server.js';
import type { FeedServer, Route } from './server.js';

let server: FeedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(route: Route = fixtureFeed('v3-summaries')): Promise<FeedServer> {
  server = await startFeedServer(route);
  return server;
}

/** Runs the CLI with in-memory files; `tty` adds the progress writer a terminal gets. */
async function run(argv: string[], files: Map<string, string> = new Map(), tty = false) {
  const out: string[] = [];
  const err: string[] = [];
  const progress: string[] = [];
  const io: CliIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    readFile: (path) => {
      const text = files.get(path);
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return text;
    },
    writeFile: (path, text) => {
      files.set(path, text);
    },
    now: () => new Date('2026-02-01T00:00:00Z'),
    sleep: async () => undefined,
    ...(tty ? { progress: (line: string) => progress.push(line) } : {}),
  };
  const code = await main(['sync', ...argv], io);
  return { code, out: out.join('\n'), err: err.join('\n'), progress, files };
}

describe('activity-match sync', () => {
  it('writes the catalogue, prints the report on stderr and exits 0', async () => {
    const s = await serve();
    const { code, out, err, files } = await run([s.base, '--out', 'catalogue.json']);
    expect(code).toBe(0);
    expect(out).toBe('');
    const catalogue = JSON.parse(files.get('catalogue.json') as string) as { id: string }[];
    expect(catalogue.map((a) => a.id).sort()).toEqual(['syn-chair-05@syn-loc-5', 'syn-choir-02@syn-loc-2', 'syn-garden-03@syn-loc-3', 'syn-walk-01@syn-loc-1']);
    expect(err.split('\n')).toEqual([
      `synced ${s.base} (UK v3): 3 pages, 6 services, 4 activities from 4 services; 0 failed, 0 duplicates, 1 rejected, 1 skipped, 0 partly mapped, 0 warnings`,
      'requests: 8 (3 list pages, 5 full records, 0 retries)',
      'rejected (no id) (page 3): [5].id: expected a service id',
      'skipped syn-cafe-04 (page 2): status temporarily closed: not recommended',
    ]);
  });

  it('prints the report as JSON with --json and writes it with --report', async () => {
    const s = await serve((r) => (r.page === 2 ? { status: 404 } : fixtureFeed('v3-summaries')(r)));
    const { code, out, err, files } = await run([s.base, '--out', 'c.json', '--json', '--report', 'report.json']);
    expect(code).toBe(0);
    const report = JSON.parse(out) as SyncReport;
    expect(report.failed).toEqual([{ kind: 'page', url: `${s.base}/services?page=2&per_page=50&number=2&size=50`, reason: 'HTTP 404 Not Found', status: 404, attempts: 1 }]);
    expect(JSON.parse(files.get('report.json') as string)).toEqual(report);
    expect(err).toContain(`failed page ${s.base}/services?page=2&per_page=50&number=2&size=50: HTTP 404 Not Found`);
  });

  it('shows a progress line only when stderr is a terminal, and clears it at the end', async () => {
    const s = await serve();
    const tty = await run([s.base, '--out', 'c.json', '--concurrency', '1'], new Map(), true);
    expect(tty.progress[0]).toBe('page 1/3 · 2 services · 0 failed · 2 full records to fetch');
    expect(tty.progress).toContain('page 3/3 · 6 services · 0 failed');
    expect(tty.progress.at(-1)).toBe('');
    const piped = await run([s.base, '--out', 'c.json']);
    expect(piped.progress).toEqual([]);
    expect(piped.err).not.toContain('page 1/3');
  });

  it('exits 1 and leaves the catalogue alone when nothing could be fetched', async () => {
    const s = await serve(() => ({ status: 503 }));
    const files = new Map([['catalogue.json', '["the previous catalogue"]']]);
    const { code, err } = await run([s.base, '--out', 'catalogue.json'], files);
    expect(code).toBe(1);
    expect(files.get('catalogue.json')).toBe('["the previous catalogue"]');
    expect(err).toContain(`activity-match: nothing could be fetched from ${s.base}/services; catalogue.json was not written`);
    expect(err).toContain('HTTP 503 Service Unavailable (4 attempts)');
  });

  it.each([
    [[], 'sync needs the feed address'],
    [['https://example.org/api'], '--out <catalogue.json> is required'],
    [['https://example.org/api', '--out'], "option '--out' needs a value"],
    [['https://example.org/api', '--out', 'c.json', '--bogus'], "unknown option '--bogus'"],
    [['https://example.org/api', '--out', 'c.json', '--concurrency', '0'], '--concurrency expects a whole number from 1 to 64'],
    [['https://example.org/api', '--out', 'c.json', '--concurrency', 'lots'], '--concurrency expects a whole number from 1 to 64'],
    [['https://example.org/api', '--out', 'c.json', '--incremental'], '--incremental needs --state <state.json>'],
    [['https://example.org/api', 'https://example.org/other', '--out', 'c.json'], 'sync takes one feed address'],
    [['ftp://example.org/api', '--out', 'c.json'], 'expected the http or https address of the feed'],
  ])('%j exits 2 with a usage message: %s', async (argv, message) => {
    const { code, err, files } = await run(argv);
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(err).toContain('Usage: activity-match sync <base-url>');
    expect(files.size).toBe(0);
  });

  it('prints help with --help and exits 0', async () => {
    const { code, out } = await run(['--help']);
    expect(code).toBe(0);
    expect(out).toContain('--incremental');
  });

  it('saves the state after each page and resumes an unfinished one', async () => {
    const s = await serve((r) => (r.page === 3 ? { status: 500 } : fixtureFeed('v3-summaries')(r)));
    const files = new Map<string, string>();
    const first = await run([s.base, '--out', 'c.json', '--state', 'state.json'], files);
    expect(first.code).toBe(0);
    const state = parseSyncState(JSON.parse(files.get('state.json') as string));
    expect(state.finished).toBe(true);
    expect(state.listing).toMatchObject({ next: 3, failed: [], stopped: 'failures' });

    // A state whose run was cut off after page 1 is resumed, not started again.
    const cut = { ...state, finished: false, listing: { ...state.listing, done: [1], failed: [], next: 2, stopped: undefined }, records: state.records.filter((r) => r.page === 1) };
    files.set('state.json', JSON.stringify(cut));
    s.reset();
    const second = await run([s.base, '--out', 'c.json', '--state', 'state.json'], files);
    expect(second.err).toContain('resuming the unfinished sync in state.json');
    expect(s.count(pageUrl(1))).toBe(0);
    expect(s.count(pageUrl(2))).toBe(1);
  });

  it('with --incremental syncs only what changed since the state file’s sync', async () => {
    const s = await serve();
    const files = new Map<string, string>();
    const none = await run([s.base, '--out', 'c.json', '--state', 'state.json', '--incremental'], files);
    expect(none.err).toContain('note: no state file state.json yet, so this is a full sync');
    s.reset();
    const again = await run([s.base, '--out', 'c.json', '--state', 'state.json', '--incremental'], files);
    expect(again.code).toBe(0);
    expect(s.hits.every((h) => h.startsWith('/api/services?'))).toBe(true); // nothing changed: no full record fetched again
    expect(again.err).toContain('5 unchanged, 0 removed');
    const full = await run([s.base, '--out', 'c.json', '--state', 'state.json'], files);
    expect(full.err).toContain('note: state.json holds a finished sync; this is a full sync (add --incremental to fetch only what changed)');
  });

  it('exits 1 for a state file that is not JSON or not a state, and 2 for the state of another feed', async () => {
    const s = await serve();
    const bad = await run([s.base, '--out', 'c.json', '--state', 's.json'], new Map([['s.json', '{not json']]));
    expect(bad).toMatchObject({ code: 1, err: 'activity-match: the state file s.json is not valid JSON' });
    const wrong = await run([s.base, '--out', 'c.json', '--state', 's.json'], new Map([['s.json', '{"version":1}']]));
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('state.base: expected the feed address');
    const { files } = await run([s.base, '--out', 'c.json', '--state', 's.json']);
    files.delete('c.json');
    const other = await run(['https://example.org/elsewhere', '--out', 'c.json', '--state', 's.json'], files);
    expect(other).toMatchObject({ code: 2, err: 'activity-match: the state file s.json is for another feed; give another --state file' });
    expect(files.has('c.json')).toBe(false);
  });
});

describe('parseSyncArgs', () => {
  it('takes --name value and --name=value', () => {
    expect(parseSyncArgs(['https://example.org/api', '--out=c.json', '--concurrency', '8', '--json'])).toEqual({ url: 'https://example.org/api', out: 'c.json', concurrency: 8, incremental: false, json: true });
  });
});
