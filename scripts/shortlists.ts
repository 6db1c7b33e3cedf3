// Prints every bundled persona's shortlist in one compact view, for reviewing rule changes.
// Usage: npx tsx scripts/shortlists.ts [limit] [rules.json]
import { readFileSync } from 'node:fs';
import catalogue from '../fixtures/catalogue.json';
import personas from '../fixtures/personas.json';
import { createMatcher } from '../src/index.js';

const limit = Number(process.argv[2] ?? 5);
const rules = process.argv[3] ? (JSON.parse(readFileSync(process.argv[3], 'utf8')) as object) : undefined;
const matcher = createMatcher(catalogue, rules ? { rules } : {});
for (const persona of personas) {
  const items = matcher.recommend(persona.profile, { at: '2026-11-23T09:00:00Z', limit });
  process.stdout.write(`${persona.id}\n`);
  for (const item of items) process.stdout.write(`  ${item.rank}. ${item.score.toFixed(3)} ${item.id} [${item.activity.category}]\n`);
}
