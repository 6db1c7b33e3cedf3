// Regenerates the bundled synthetic referral history from the bundled catalogue and personas.
// Usage: npx tsx scripts/generate-referrals.ts   (about 15 s; same output every run)
import { writeFileSync } from 'node:fs';
import catalogue from '../fixtures/catalogue.json';
import personas from '../fixtures/personas.json';
import { CALIBRATION_TARGETS, generateReferralHistory, HIDDEN_PREFERENCES } from '../fixtures/referrals/generate.js';

/** The seed, size and end date of the bundled history. */
const BUNDLED = { seed: 20261123, count: 2000, at: '2026-11-23' } as const;

const { referrals, calibration } = generateReferralHistory({ ...BUNDLED, catalogue, personas });
// One referral per line: small diffs when the generator changes, and under 2 MB.
writeFileSync(new URL('../fixtures/referrals/history.json', import.meta.url), `[\n${referrals.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`);
writeFileSync(
  new URL('../fixtures/referrals/hidden-preferences.json', import.meta.url),
  `${JSON.stringify({ ...BUNDLED, preferences: HIDDEN_PREFERENCES, targets: CALIBRATION_TARGETS, calibration }, null, 2)}\n`,
);
process.stdout.write(`wrote ${referrals.length} referrals to fixtures/referrals/history.json\n`);
