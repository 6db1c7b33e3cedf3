/**
 * activity-match/sample: the bundled sample data, to start from. A catalogue of 57 fictional
 * Sheffield services modelled on real social prescribing offers, and 14 fictional client
 * personas. Fictional: no real person or service.
 *
 * @module
 */
import catalogueData from '../../fixtures/catalogue.json';
import personaData from '../../fixtures/personas.json';
import type { DeepReadonly } from '../inputs.js';
import type { ActivityInput } from '../schema/activity.js';
import type { ClientProfileInput } from '../schema/client.js';

/** A fictional client: an id for the CLI's `--client`, a one-line summary, and the profile. */
export interface Persona {
  readonly id: string;
  readonly summary: string;
  readonly profile: DeepReadonly<ClientProfileInput>;
}

/**
 * The sample catalogue: 57 fictional Sheffield services, as activity records (valid as they are:
 * `createMatcher(catalogue)` loads them strictly).
 *
 * @example
 * ```ts
 * import { createMatcher } from 'activity-match';
 * import { catalogue, personas } from 'activity-match/sample';
 *
 * const matcher = createMatcher(catalogue);
 * matcher.recommend(personas[0].profile, { at: new Date(), limit: 3 });
 * ```
 */
export const catalogue: readonly DeepReadonly<ActivityInput>[] = catalogueData;

/**
 * The sample personas: 14 fictional clients aged 40 to 74, from "COPD at activation level 2" to
 * "housebound and lonely".
 *
 * @example
 * ```ts
 * personas.map((p) => p.id); // ['copd-activation-2', 'debt-housing-activation-1', …]
 * personas.find((p) => p.id === 'housebound-lonely')?.profile.housebound; // true
 * ```
 */
export const personas: readonly Persona[] = personaData;
