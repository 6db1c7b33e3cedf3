// Compares recommend() at two versions of the library in one process: `npm run bench:ab --
// [base-ref] [count] [spread] [rounds] [recommend|caseload|load]` (see scripts/bench-ab.sh, which
// extracts the base's src/ and bundles both). `caseload` times recommendMany over the 90
// clients as one unit, so each round gives one pair; `load` times createMatcher on the whole
// catalogue (validation and compiling), one pair a round. On a shared virtual machine the same code
// can time 1.0 ms in one process and 1.7 ms in the next (heap layout, neighbours), and rounds
// within one process vary by 2×, which hides a 10% change. Timing each client on both versions back to back and taking the
// median of the per-pair ratios cancels most of that. It also
// checks that both versions return the same shortlists, so a speed-up that changes results
// shows up at once.
import { generateCatalogue } from '../fixtures/generate/catalogue.js';
import { AT, SEARCH_QUERIES, benchClients } from '../bench/workloads.js';
import type * as Library from '../src/index.js';

type Version = Pick<typeof Library, 'createMatcher'>;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** What one timing covers: one client's recommend, or recommendMany over a whole caseload. */
type Unit = { client: Library.ClientProfileInput } | { caseload: readonly Library.ClientProfileInput[] } | { load: Version; activities: readonly Library.ActivityInput[] } | { query: string };

/** ms for one unit. */
function time(matcher: Library.Matcher, unit: Unit): number {
  const start = performance.now();
  if ('load' in unit) unit.load.createMatcher(unit.activities);
  else if ('caseload' in unit) matcher.recommendMany(unit.caseload, { at: AT, limit: 10 });
  else if ('query' in unit) matcher.search(unit.query, { limit: 10 });
  else matcher.recommend(unit.client, { at: AT, limit: 10 });
  return performance.now() - start;
}

/**
 * The generated catalogue in the form a base older than the `audience` field and the `phone`
 * kind accepts (BENCH_AB_PORTABLE=1): both versions then load the same records. The shortlists
 * then differ where the newer rules differ, and the timing compares the two engines on one input.
 */
function portable(activities: readonly Library.ActivityInput[]): Library.ActivityInput[] {
  return activities.map(({ audience: _audience, ...a }) => (a.location.kind === 'phone' ? { ...a, location: { ...a.location, kind: 'home' } } : a));
}

export function compare(base: Version, head: Version, options: { baseName: string; count: number; spread: 'national' | 'city'; rounds: number; workload: 'recommend' | 'caseload' | 'load' | 'search' }): void {
  const { count, spread, rounds, workload } = options;
  const generated = generateCatalogue({ seed: 1, count, spread });
  const activities = process.env.BENCH_AB_PORTABLE === '1' ? portable(generated) : generated;
  const matchers = { base: base.createMatcher(activities), head: head.createMatcher(activities) };
  const clients = benchClients(90, spread);
  // The units timed in pairs: each client alone, or the whole caseload at once.
  const units: Unit[] =
    workload === 'caseload' ? [{ caseload: clients }] : workload === 'load' ? [{ load: base, activities }] : workload === 'search' ? SEARCH_QUERIES.map((query) => ({ query })) : clients.map((client) => ({ client }));
  // For `load`, each side builds its own matcher: the unit names the base, and the head's twin is made here.
  const headUnit = (unit: Unit): Unit => ('load' in unit ? { load: head, activities: unit.activities } : unit);

  // The same answers from both versions: shortlists, or search hits for the search workload.
  const answer = (matcher: Library.Matcher, i: number) =>
    JSON.stringify(workload === 'search' ? matcher.search(SEARCH_QUERIES[i] as string, { limit: 10 }) : matcher.recommend(clients[i] as Library.ClientProfileInput, { at: AT, limit: 10 }));
  let differing = -1;
  const answers = workload === 'search' ? SEARCH_QUERIES.length : clients.length;
  for (let i = 0; i < answers && differing < 0; i++) if (answer(matchers.base, i) !== answer(matchers.head, i)) differing = i;

  // Paired timings: each client runs on both versions back to back (which goes first
  // alternates), so a slow spell of the machine slows both sides of a pair alike.
  for (let r = 0; r < 3; r++) {
    for (const unit of units) {
      time(matchers.base, unit); // warm-up
      time(matchers.head, headUnit(unit));
    }
  }
  const times = { base: [] as number[], head: [] as number[] };
  const ratios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    units.forEach((unit, i) => {
      let b: number;
      let h: number;
      if ((r + i) % 2 === 1) {
        h = time(matchers.head, headUnit(unit));
        b = time(matchers.base, unit);
      } else {
        b = time(matchers.base, unit);
        h = time(matchers.head, headUnit(unit));
      }
      times.base.push(b);
      times.head.push(h);
      ratios.push(h / b);
    });
  }
  const sortedRatios = [...ratios].sort((a, b) => a - b);
  const quartile = (q: number) => (sortedRatios[Math.floor(q * (sortedRatios.length - 1))] as number).toFixed(2);
  const fmt = (ms: number) => `${ms.toFixed(3)} ms`;
  const what = workload === 'load' ? 'createMatcher' : workload === 'caseload' ? 'recommendMany' : workload === 'search' ? 'search' : 'recommend';
  const over = workload === 'load' ? '' : workload === 'search' ? `, ${SEARCH_QUERIES.length} typo queries` : `, 90 clients${workload === 'caseload' ? ' at once' : ''}`;
  process.stdout.write(`${what}, ${count.toLocaleString('en-GB')} ${spread} activities${over} × ${rounds} rounds, paired in one process\n\n`);
  process.stdout.write('| version | p50 |\n|---|---|\n');
  process.stdout.write(`| ${options.baseName} | ${fmt(median(times.base))} |\n| working tree | ${fmt(median(times.head))} |\n\n`);
  process.stdout.write(`working tree / base, median of ${ratios.length} paired ratios: ${quartile(0.5)}× (quartiles ${quartile(0.25)}–${quartile(0.75)})\n`);
  const of = workload === 'search' ? ['search hits for every query', 'search hits, first for query'] : ['shortlists for every client', 'shortlists, first for client'];
  process.stdout.write(differing < 0 ? `same ${of[0]}\n` : `DIFFERENT ${of[1]} ${differing}\n`);
}
