import { ActivityMatchError } from '../src/index.js';
import type { ActivityInput, ClientProfileInput } from '../src/index.js';

/** A Monday morning in November 2026, used as the query time throughout. */
export const AT = '2026-11-23T09:00:00Z';

/** Sheffield city centre. */
export const CENTRE = { lat: 53.3811, lon: -1.4701 } as const;

/** A point `km` north of the centre (1° of latitude ≈ 111.2 km). */
export function north(km: number): { lat: number; lon: number } {
  return { lat: CENTRE.lat + km / 111.195, lon: CENTRE.lon };
}

/** A plain, eligible-for-everyone activity at the centre, with overrides. */
export function activity(id: string, overrides: Partial<ActivityInput> = {}): ActivityInput {
  return {
    id,
    name: `Activity ${id}`,
    category: 'social',
    location: { kind: 'venue', ...CENTRE },
    sessions: [{ day: 'wed', start: '13:30', end: '15:00' }],
    cost: { level: 'free' },
    accessibility: { wheelchair: true },
    lastVerified: '2026-10-01',
    ...overrides,
  };
}

/** A client at the centre with few constraints, with overrides. */
export function client(overrides: Partial<ClientProfileInput> = {}): ClientProfileInput {
  return { age: 60, activation: 3, home: { ...CENTRE }, ...overrides };
}

/** The ActivityMatchError `fn` throws; fails if it throws nothing or another kind of error. */
export function errorOf(fn: () => unknown): ActivityMatchError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ActivityMatchError) return error;
    throw error;
  }
  throw new Error('expected an ActivityMatchError');
}
