// A browser app: bundled by esbuild (platform browser) and run with no Node globals.
import { createMatcher, isActivityMatchError } from 'activity-match';
import { haversineKm } from 'activity-match/factors';
import { catalogue, personas } from 'activity-match/sample';

const matcher = createMatcher(catalogue);
const shortlists = personas.map((p) => matcher.recommend(p.profile, { at: new Date('2026-11-23T09:00:00Z'), limit: 3 }).map((r) => r.id));
let code = null;
try {
  matcher.recommend({ age: 'sixty', activaton: 2 }, { at: '2026-11-23T09:00:00Z' });
} catch (error) {
  code = isActivityMatchError(error) ? error.code : 'other';
}
globalThis.result = { shortlists, code, km: Math.round(haversineKm(53.38, -1.47, 51.5, -0.12)) };
