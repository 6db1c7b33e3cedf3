// Imports the built ESM and runs one recommendation; prints the first id (used by test/runtime/package.test.ts).
import { createMatcher } from '../../dist/index.js';
const matcher = createMatcher([
  { id: 'walk', name: 'Health walk', category: 'physical-activity', location: { kind: 'venue', lat: 53.38, lon: -1.47 }, sessions: [{ day: 'wed', start: '10:00', end: '11:00' }], cost: { level: 'free' } },
]);
const [first] = matcher.recommend({ age: 60, activation: 2, home: { lat: 53.38, lon: -1.47 } }, { at: '2026-11-23T09:00:00Z' });
if (first?.id !== 'walk' || !first.reasons.includes('Next session Wed 10:00')) throw new Error('unexpected result');
globalThis.process?.stdout?.write ? process.stdout.write('ok walk\n') : Deno.stdout.writeSync(new TextEncoder().encode('ok walk\n'));
