/**
 * Benchmark workloads, shared by the vitest bench files and scripts/bench.ts: seeded catalogues
 * (fixtures/generate) and clients built from the bundled personas, moved to town centres for
 * the national spread or kept in Sheffield for the city spread. Full default rules, diversity on.
 */
import personas from '../fixtures/personas.json';
import type { ClientProfileInput } from '../src/index.js';

/** The moment every query is made at. */
export const AT = '2026-11-23T09:00:00Z';

const TOWNS: readonly (readonly [number, number])[] = [
  [51.5074, -0.1278], [52.4862, -1.8904], [53.4808, -2.2426], [53.8008, -1.5491], [53.3811, -1.4701], [55.8642, -4.2518],
  [53.4084, -2.9916], [51.4545, -2.5879], [54.9783, -1.6178], [52.9548, -1.1581], [50.9097, -1.4044], [52.6309, 1.2974],
];

/** `count` clients: the personas in turn, each at a town centre (national) or a point in Sheffield (city), with a 10 km limit. */
export function benchClients(count: number, spread: 'national' | 'city'): ClientProfileInput[] {
  return Array.from({ length: count }, (_, i) => {
    const persona = personas[i % personas.length] as { profile: ClientProfileInput };
    const [lat, lon] = spread === 'national' ? (TOWNS[i % TOWNS.length] as [number, number]) : [53.3811 + ((i % 7) - 3) * 0.01, -1.4701 + ((i % 5) - 2) * 0.015];
    // Housebound personas would skip every venue; keep them, they are part of a real caseload.
    return { ...persona.profile, home: { lat, lon }, travel: { ...(persona.profile.travel ?? {}), maxKm: 10 } } as ClientProfileInput;
  });
}

/** Typed and mistyped queries for the search box, as link workers type them (the bench's search rows and `bench:ab … search`). */
export const SEARCH_QUERIES: readonly string[] = ['walkin grup', 'bee keeping', 'helthy lungs', 'yoga', 'debt advice', 'swiming for women', 'chair', 'knit and natter', 'singing for lung health', 'befriending', 'diabetis', 'gardning', 'art clas', 'benifits advice', 'mens shed', 'tai chi', 'bereavment', 'memory cafe', 'excercise on referal', 'carers suport'];
