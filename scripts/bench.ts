// Runs every benchmark workload of issue #4 on this machine and prints one comparison table
// (markdown) with the machine and date. Usage: npm run bench (after npm install); about 10 minutes.
// `npm run bench` compiles this script, the library and the reference with tsup (esbuild, as the
// published build is made) and runs the output: running the TypeScript through tsx instead adds
// its keep-names wrapper to every closure created, which slowed some hot paths several times.
// Set BENCH_QUICK=1 to skip the million-activity rows.
import { cpus, totalmem } from 'node:os';
import { generateCatalogue } from '../fixtures/generate/catalogue.js';
import { ClientProfileSchema, createMatcher, DEFAULT_RULES } from '../src/index.js';
import type { Matcher } from '../src/index.js';
import { referenceRank } from '../test/reference/matcher.js';
import { AT, benchClients } from '../bench/workloads.js';

const quick = process.env.BENCH_QUICK === '1';
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
      rows.push(['createMatcher, 1M national (validation included)', `${seconds.toFixed(1)} s`, '', '', '']);
      rows.push(['compiled index, 1M', `${(matcher.stats.indexBytes / 1e6).toFixed(1)} MB`, `${(matcher.stats.indexBytes / matcher.stats.activities).toFixed(1)} B/activity`, '', '']);
    }
  }
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
process.stdout.write(`Machine: ${cpu}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n\n`);
process.stdout.write('| workload | fast p50 | fast p95 | naive p50 | speed-up |\n|---|---|---|---|---|\n');
for (const row of rows) process.stdout.write(`| ${row.join(' | ')} |\n`);
