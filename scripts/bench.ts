// Runs every benchmark workload of issue #4 on this machine and prints one comparison table
// (markdown) with the machine and date. Usage: npm run bench (after npm install); about 10 minutes.
// `npm run bench` compiles this script, the library and the reference with tsup (esbuild, as the
// published build is made) and runs the output: running the TypeScript through tsx instead adds
// its keep-names wrapper to every closure created, which slowed some hot paths several times.
// Set BENCH_QUICK=1 to skip the million-activity rows.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { generateCatalogue } from '../fixtures/generate/catalogue.js';
import { ClientProfileSchema, createMatcher, DEFAULT_RULES, loadMatcher } from '../src/index.js';
import type { ActivityInput, Matcher } from '../src/index.js';
import type * as PoolEntry from '../src/pool/index.js';
import { referenceRank } from '../test/reference/matcher.js';
import { AT, SEARCH_QUERIES, benchClients } from '../bench/workloads.js';

/** Typo and plain queries for the search box (issue #20). */

/**
 * 1,000 changes to a generated catalogue (seed 1): 500 activities replaced, 250 added, 250
 * removed. Ids are made as the generator makes them, so a loaded matcher decodes no records.
 */
function thousandChanges(matcher: Matcher, round: number): { upsert: ActivityInput[]; remove: string[] } {
  const n = matcher.stats.activities;
  const step = Math.floor(n / 1000);
  const ids = (offset: number, count: number) => Array.from({ length: count }, (_, i) => `g1-${((i * step * 2 + offset) % n).toString(36).padStart(5, '0')}`);
  const fresh = generateCatalogue({ seed: 100 + round, count: 750, spread: 'national' });
  const replaced = ids(round, 500);
  return { upsert: fresh.map((a, i) => (i < 500 ? { ...a, id: replaced[i] as string } : { ...a, id: `bench-new-${round}-${i}` })), remove: ids(round + step, 250) };
}

/**
 * The measurements of a matcher loaded from a snapshot file, in a process of its own (so its heap
 * holds no million activity objects): load, first search, search, recommend, caseload, update.
 */
function measureLoaded(file: string, spread: 'national' | 'city', withSearch: boolean): Record<string, number> {
  const bytes = new Uint8Array(readFileSync(file));
  let start = performance.now();
  const matcher = loadMatcher(bytes);
  const out: Record<string, number> = { load: performance.now() - start };
  if (withSearch) {
    start = performance.now();
    matcher.search('helthy lungs', { limit: 10 });
    out.firstSearch = performance.now() - start;
    const search = timeQueries((i) => matcher.search(SEARCH_QUERIES[i % SEARCH_QUERIES.length] as string, { limit: 10 }), 400);
    out.searchP50 = search.p50;
    out.searchP95 = search.p95;
  }
  const clients = benchClients(200, spread);
  const one = timeQueries((i) => matcher.recommend(clients[i % clients.length]!, { at: AT, limit: 10 }), 1000);
  out.recommendP50 = one.p50;
  out.recommendP95 = one.p95;
  const caseload = benchClients(90, spread);
  out.recommendMany = timeQueries(() => matcher.recommendMany(caseload, { at: AT, limit: 10 }), 15).p50;
  const updates: number[] = [];
  for (let round = 0; round < 7; round++) {
    const changes = thousandChanges(matcher, round);
    start = performance.now();
    matcher.update(changes);
    updates.push(performance.now() - start);
  }
  out.update = percentile(updates.sort((a, b) => a - b), 0.5);
  return out;
}

/** The pool's entry as built (worker threads run JavaScript files). */
async function poolEntry(): Promise<typeof PoolEntry> {
  return (await import(new URL('../dist/pool.js', import.meta.url).href)) as typeof PoolEntry;
}

if (process.argv[2] === '--pool-rss') {
  // A process's resident memory with a pool of N workers over a snapshot file, after 4 caseloads each.
  const { createMatcherPool } = await poolEntry();
  const bytes = new Uint8Array(readFileSync(process.argv[3] as string));
  const pool = createMatcherPool(bytes, { workers: Number(process.argv[4]), workerUrl: new URL('../dist/pool-worker.js', import.meta.url) });
  const caseload = benchClients(90, 'national');
  for (let i = 0; i < 4; i++) await Promise.all([pool.recommendMany(caseload, { at: AT, limit: 10 }), pool.recommendMany(caseload, { at: AT, limit: 10 })]);
  process.stdout.write(String(process.memoryUsage().rss));
  await pool.close();
  process.exit(0);
}

if (process.argv[2] === '--loaded') {
  process.stdout.write(JSON.stringify(measureLoaded(process.argv[3] as string, process.argv[4] as 'national' | 'city', process.argv[5] === 'search')));
  process.exit(0);
}

/** {@link measureLoaded} in three fresh processes: the median of each figure. */
function loadedRows(file: string, spread: 'national' | 'city', withSearch: boolean): Record<string, number> {
  const runs = [0, 1, 2].map(() => {
    const child = spawnSync(process.execPath, ['--max-old-space-size=16000', process.argv[1] as string, '--loaded', file, spread, withSearch ? 'search' : ''], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (child.status !== 0) throw new Error(`bench child failed: ${child.stderr}`);
    return JSON.parse(child.stdout) as Record<string, number>;
  });
  return Object.fromEntries(Object.keys(runs[0] as object).map((key) => [key, percentile(runs.map((r) => r[key] as number).sort((a, b) => a - b), 0.5)]));
}

const quick = process.env.BENCH_QUICK === '1';
const liveRows: string[][] = [];
const scratch = mkdtempSync(join(tmpdir(), 'activity-match-bench-'));

/** Issue #20's rows for one catalogue size: snapshot, loading, search, updates. */
function liveCatalogueRows(matcher: Matcher, label: string, spread: 'national' | 'city'): void {
  // The snapshot without the search index first (toSnapshot writes the index once it is built).
  const plain = matcher.toSnapshot();
  let start = performance.now();
  const bytes = matcher.toSnapshot({ search: true });
  const write = performance.now() - start;
  const recordBytes = matcher.activities.reduce((sum, a) => sum + Buffer.byteLength(JSON.stringify(Object.assign({ id: a.id }, a))), 0);
  const n = matcher.stats.activities;
  liveRows.push([`toSnapshot (with the search index), ${label}`, `${(write / 1000).toFixed(1)} s`, '']);
  liveRows.push([`snapshot size, ${label}`, `${(bytes.length / 2 ** 20).toFixed(0)} MiB with search, ${(plain.length / 2 ** 20).toFixed(0)} MiB without`, `beyond the records: ${((plain.length - recordBytes) / n).toFixed(1)} B/activity without search, ${((bytes.length - recordBytes) / n).toFixed(1)} with`]);
  const file = join(scratch, `${label}.snapshot`);
  writeFileSync(file, bytes);
  const loaded = loadedRows(file, spread, true);
  liveRows.push([`loadMatcher, ${label} (fresh process, median of 3)`, `${ms(loaded.load as number)} ms`, '']);
  liveRows.push([`first search after loadMatcher, ${label}`, `${ms(loaded.firstSearch as number)} ms`, '']);
  liveRows.push([`search, ${label}, typo queries, limit 10 (loaded)`, `p50 ${ms(loaded.searchP50 as number)} ms`, `p95 ${ms(loaded.searchP95 as number)} ms`]);
  liveRows.push([`recommend, ${label}, loaded from the snapshot`, `p50 ${ms(loaded.recommendP50 as number)} ms`, `p95 ${ms(loaded.recommendP95 as number)} ms`]);
  liveRows.push([`recommendMany, 90 clients × ${label}, loaded`, `${ms(loaded.recommendMany as number)} ms`, '']);
  liveRows.push([`update, 1,000 changes on ${label} (loaded)`, `${ms(loaded.update as number)} ms`, 'median of 7']);
  start = performance.now();
  const updates: number[] = [];
  for (let round = 0; round < 7; round++) {
    const changes = thousandChanges(matcher, round);
    start = performance.now();
    matcher.update(changes);
    updates.push(performance.now() - start);
  }
  liveRows.push([`update, 1,000 changes on ${label} (compiled)`, `${ms(percentile(updates.sort((a, b) => a - b), 0.5))} ms`, 'median of 7']);
}

/** recommendMany through the pool, 1 and 2 workers: caseloads a second, and the process's memory. */
async function poolRows(matcher: Matcher, label: string): Promise<void> {
  const { createMatcherPool } = await poolEntry();
  const bytes = matcher.toSnapshot();
  const file = join(scratch, 'pool.snapshot');
  writeFileSync(file, bytes);
  const caseload = benchClients(90, 'national');
  const throughput: number[] = [];
  for (const workers of [1, 2]) {
    const pool = createMatcherPool(bytes, { workers, workerUrl: new URL('../dist/pool-worker.js', import.meta.url) });
    for (let i = 0; i < 4; i++) await pool.recommendMany(caseload, { at: AT, limit: 10 });
    const rounds = 20;
    const start = performance.now();
    // Several caseloads in flight, as a server with many link workers would have.
    await Promise.all(Array.from({ length: rounds }, () => pool.recommendMany(caseload, { at: AT, limit: 10 })));
    const seconds = (performance.now() - start) / 1000;
    throughput.push(rounds / seconds);
    await pool.close();
    const rss = spawnSync(process.execPath, [process.argv[1] as string, '--pool-rss', file, String(workers)], { encoding: 'utf8' });
    if (rss.status !== 0) throw new Error(`bench child failed: ${rss.stderr}`);
    liveRows.push([`pool, ${workers} worker${workers === 1 ? '' : 's'}, recommendMany 90 × ${label}`, `${(rounds / seconds).toFixed(1)} caseloads/s`, `process RSS ${(Number(rss.stdout) / 2 ** 20).toFixed(0)} MiB (snapshot ${(bytes.length / 2 ** 20).toFixed(0)} MiB, in shared memory once)`]);
  }
  liveRows.push([`pool, 2 workers against 1`, `${((throughput[1] as number) / (throughput[0] as number)).toFixed(2)}×`, `${cpus().length} cores, the main thread included`]);
}
const rows: string[][] = [];

function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

function timeQueries(run: (i: number) => void, count: number): { p50: number; p95: number } {
  for (let i = 0; i < Math.min(50, count); i++) run(i); // warm-up
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    run(i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(2) : x.toFixed(3));

function recommendRow(label: string, matcher: Matcher, spread: 'national' | 'city', naiveQueries: number): void {
  const clients = benchClients(200, spread);
  const fast = timeQueries((i) => matcher.recommend(clients[i % clients.length]!, { at: AT, limit: 10 }), 400);
  const profiles = clients.map((c) => ClientProfileSchema.parse(c));
  const naive = timeQueries((i) => referenceRank(matcher.activities, profiles[i % profiles.length]!, new Date(AT), DEFAULT_RULES, 10), naiveQueries);
  rows.push([label, `${ms(fast.p50)} ms`, `${ms(fast.p95)} ms`, `${ms(naive.p50)} ms`, `${(naive.p50 / fast.p50).toFixed(0)}×`]);
}

function build(count: number, spread: 'national' | 'city'): { matcher: Matcher; seconds: number } {
  const activities = generateCatalogue({ seed: 1, count, spread });
  const start = performance.now();
  const matcher = createMatcher(activities);
  return { matcher, seconds: (performance.now() - start) / 1000 };
}

for (const count of [10_000, 100_000]) {
  const { matcher } = build(count, 'national');
  recommendRow(`recommend, ${count / 1000}k national, 10 km`, matcher, 'national', count === 10_000 ? 50 : 10);
  if (count === 100_000) {
    liveCatalogueRows(matcher, '100k national', 'national');
    await poolRows(matcher, '100k national');
    const caseload = benchClients(90, 'national');
    const profiles = caseload.map((c) => ClientProfileSchema.parse(c));
    const many = timeQueries(() => matcher.recommendMany(caseload, { at: AT, limit: 10 }), 10);
    const naive = timeQueries(() => profiles.forEach((p) => referenceRank(matcher.activities, p, new Date(AT), DEFAULT_RULES, 10)), 2);
    rows.push(['recommendMany, 90 clients × 100k', `${ms(many.p50)} ms`, `${ms(many.p95)} ms`, `${ms(naive.p50)} ms`, `${(naive.p50 / many.p50).toFixed(0)}×`]);
  }
}
if (!quick) {
  for (const spread of ['national', 'city'] as const) {
    const { matcher, seconds } = build(1_000_000, spread);
    recommendRow(`recommend, 1M ${spread}${spread === 'city' ? ' (all within reach)' : ', 10 km'}`, matcher, spread, 3);
    if (spread === 'national') {
      liveCatalogueRows(matcher, '1M national', 'national');
      rows.push(['createMatcher, 1M national (validation included)', `${seconds.toFixed(1)} s`, '', '', '']);
      rows.push(['compiled index, 1M', `${(matcher.stats.indexBytes / 1e6).toFixed(1)} MB`, `${(matcher.stats.indexBytes / matcher.stats.activities).toFixed(1)} B/activity`, '', '']);
    }
  }
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
process.stdout.write(`Machine: ${cpu}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n\n`);
process.stdout.write('| workload | fast p50 | fast p95 | naive p50 | speed-up |\n|---|---|---|---|---|\n');
for (const row of rows) process.stdout.write(`| ${row.join(' | ')} |\n`);
process.stdout.write('\nLive catalogues (issue #20): snapshots, updates, search, the pool\n\n| workload | figure | notes |\n|---|---|---|\n');
for (const row of liveRows) process.stdout.write(`| ${row.join(' | ')} |\n`);
rmSync(scratch, { recursive: true, force: true });
