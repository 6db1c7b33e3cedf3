/**
 * npm run quality [-- --json] [-- --src <dir> --catalogue <file>]
 *
 * How the shortlists read against the judged relevance set (fixtures/relevance/): for every
 * judged persona, the top 5 at the judgments' date, its nDCG@5 against the graded judgments,
 * and how many of the five a link worker flagged as aimed at someone else. Then the named
 * acceptance cases of issue #16. Exits 1 when any top 5 holds a service aimed at someone else,
 * when mean nDCG@5 falls below the floor, or when an acceptance case fails.
 *
 * It uses only the public API (createMatcher, recommend, ndcgAt), so the same script measures an
 * older version of src/ and its catalogue (`--src <dir> --catalogue <file>`, as BENCHMARKS.md's
 * "before" figure was taken).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { qualityCases, QUALITY_FLOOR } from './quality-cases.js';
import type { Api, JudgedPersona } from './quality-cases.js';

const root = resolve(import.meta.dirname, '..');

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(resolve(root, path), 'utf8')) as T;
}

interface Judgment {
  readonly grade: number;
  readonly aimedElsewhere: boolean;
  readonly reason: string;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { json: { type: 'boolean', default: false }, src: { type: 'string' }, catalogue: { type: 'string' } } });
  const api = (await import(pathToFileURL(resolve(values.src ?? resolve(root, 'src'), 'index.ts')).href)) as Api;
  const catalogue = readJson<unknown[]>(values.catalogue ?? 'fixtures/catalogue.json');
  const personas = [...readJson<JudgedPersona[]>('fixtures/personas.json'), ...readJson<JudgedPersona[]>('fixtures/relevance/personas.json')];
  const judged = readJson<{ at: string; personas: { persona: string; judgments: Record<string, Judgment> }[] }>('fixtures/relevance/judgments.json');
  const matcher = api.createMatcher(catalogue);
  const at = judged.at;

  const rows = judged.personas.map(({ persona, judgments }) => {
    const profile = personas.find((p) => p.id === persona)?.profile;
    if (profile === undefined) throw new Error(`judged persona ${persona} is not in the persona files`);
    const top = matcher.recommend(profile, { at, limit: 5 });
    const grades = Object.fromEntries(Object.entries(judgments).map(([id, j]) => [id, j.grade]));
    const relevant = Object.values(grades).some((g) => g > 0);
    return {
      persona,
      ndcg5: relevant ? api.ndcgAt(top.map((r) => r.id), grades, 5) : null,
      aimedElsewhere: top.filter((r) => judgments[r.id]?.aimedElsewhere === true).map((r) => r.id),
      gradeZero: top.filter((r) => (judgments[r.id]?.grade ?? 0) === 0).map((r) => r.id),
      top: top.map((r) => ({ id: r.id, score: r.score, grade: judgments[r.id]?.grade ?? 0, aimedElsewhere: judgments[r.id]?.aimedElsewhere ?? false })),
    };
  });
  const scored = rows.flatMap((r) => (r.ndcg5 === null ? [] : [r.ndcg5]));
  const meanNdcg5 = scored.reduce((s, x) => s + x, 0) / scored.length;
  const aimed = rows.reduce((s, r) => s + r.aimedElsewhere.length, 0);
  const zeros = rows.reduce((s, r) => s + r.gradeZero.length, 0);
  const cases = qualityCases(api, matcher, personas).map((c) => ({ name: c.name, failures: c.failures() }));
  const failed = aimed > 0 || meanNdcg5 < QUALITY_FLOOR || cases.some((c) => c.failures.length > 0);

  if (values.json) {
    process.stdout.write(`${JSON.stringify({ at, meanNdcg5, floor: QUALITY_FLOOR, personas: rows.length, scoredPersonas: scored.length, aimedElsewhereInTop5: aimed, gradeZeroInTop5: zeros, rows, cases }, null, 2)}\n`);
    return failed ? 1 : 0;
  }
  const out: string[] = [`Shortlists against the judged relevance set (${rows.length} personas, top 5 at ${at})`, ''];
  out.push(`${'persona'.padEnd(32)} nDCG@5  aimed elsewhere  grade 0  top 5 (grade)`);
  for (const r of rows) {
    const top = r.top.map((t) => `${t.id}(${t.grade}${t.aimedElsewhere ? '!' : ''})`).join(' ');
    out.push(`${r.persona.padEnd(32)} ${r.ndcg5 === null ? '   -  ' : r.ndcg5.toFixed(3).padStart(6)}  ${String(r.aimedElsewhere.length).padStart(15)}  ${String(r.gradeZero.length).padStart(7)}  ${top}`);
  }
  out.push('');
  out.push(`mean nDCG@5 ${meanNdcg5.toFixed(3)} over ${scored.length} personas with a relevant activity (floor ${QUALITY_FLOOR})`);
  out.push(`services aimed at someone else in a top 5: ${aimed}   activities judged 0 in a top 5: ${zeros}`);
  out.push('', 'Acceptance cases (issue #16):');
  for (const c of cases) {
    const shown = c.failures.slice(0, 3).join('; ') + (c.failures.length > 3 ? `; and ${c.failures.length - 3} more` : '');
    out.push(`  ${c.failures.length === 0 ? 'pass' : 'FAIL'}  ${c.name}${c.failures.length === 0 ? '' : `: ${shown}`}`);
  }
  out.push('', failed ? 'quality: FAILED' : 'quality: ok');
  process.stdout.write(`${out.join('\n')}\n`);
  return failed ? 1 : 0;
}

process.exitCode = await main();
