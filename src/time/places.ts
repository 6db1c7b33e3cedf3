/**
 * What places left and waiting lists (after HSDS 3.1 `service_capacity`) mean for a referral.
 * The capacity schema is in `src/schema/capacity.ts`.
 *
 * @module
 */
import { CapacitySchema } from '../schema/capacity.js';
import type { Capacity } from '../schema/capacity.js';
import { parseOrThrowOnce } from '../validate.js';
import { guard } from '../guard.js';

/** What capacity means for a referral. */
export interface CapacityStatus {
  /** True only when full with no waiting list (`placesLeft: 0` and `waitingList: false`). */
  excluded: boolean;
  /** Expected wait in weeks: `usualWaitWeeks`, or 0 when places are left and no wait is recorded. */
  waitWeeks?: number;
  /** Plain-English reason, e.g. "full; waiting list, usually a 3-week wait". */
  reason: string;
}

/**
 * Reads capacity for the matcher. Only a recorded "full, no waiting list" excludes; unknown
 * fields never exclude (missing data is neutral), but the reason says what is unknown.
 * `capacity` is checked against {@link CapacitySchema} (undefined means not recorded): anything
 * else throws `ActivityMatchError` (`INVALID_ACTIVITY`, path such as `capacity.placesLeft`).
 *
 * @example
 * ```ts
 * capacityStatus({ placesLeft: 0, waitingList: false });  // { excluded: true, reason: 'full, no waiting list' }
 * capacityStatus({ placesLeft: 0, waitingList: true, usualWaitWeeks: 3 });
 * // { excluded: false, waitWeeks: 3, reason: 'full; waiting list, usually a 3-week wait' }
 * capacityStatus({ placesLeft: 4 });                      // { excluded: false, waitWeeks: 0, reason: '4 places left' }
 * ```
 */
export function capacityStatus(capacity: Capacity | undefined): CapacityStatus {
  return guard([{ code: 'INVALID_ACTIVITY', path: 'capacity', value: capacity, fields: [CapacitySchema] }], () => capacityStatusUnguarded(capacity));
}

function capacityStatusUnguarded(capacity: Capacity | undefined): CapacityStatus {
  if (capacity !== undefined) capacity = parseOrThrowOnce(CapacitySchema, capacity, 'INVALID_ACTIVITY', 'capacity');
  const { placesLeft, waitingList, usualWaitWeeks } = capacity ?? {};
  const { excluded, waitWeeks } = capacityFacts(capacity);
  const wait = usualWaitWeeks === undefined ? undefined : usualWaitWeeks === 0 ? 'usually no wait' : `usually a ${usualWaitWeeks}-week wait`;
  let reason: string;
  if (placesLeft === 0) {
    if (waitingList === false) reason = 'full, no waiting list';
    else if (waitingList === true) reason = `full; waiting list, ${wait ?? 'usual wait not recorded'}`;
    else reason = `full; ask whether there is a waiting list${wait ? ` (${wait})` : ''}`;
  } else if (placesLeft !== undefined) {
    const places = `${placesLeft} ${placesLeft === 1 ? 'place' : 'places'} left`;
    reason = wait && usualWaitWeeks ? `${places}; ${wait}` : places;
  } else if (waitingList === true) reason = `waiting list, ${wait ?? 'usual wait not recorded'}`;
  else reason = wait ?? 'capacity not recorded';
  return waitWeeks === undefined ? { excluded, reason } : { excluded, waitWeeks, reason };
}

/**
 * The two facts the scoring pass reads from capacity, without the wording: whether it excludes
 * (full with no waiting list) and the expected wait in weeks (`usualWaitWeeks`, or 0 when places
 * are left and no wait is recorded; undefined when unknown). {@link capacityStatus} reports the same.
 *
 * @example
 * ```ts
 * capacityFacts({ placesLeft: 0, waitingList: false }); // { excluded: true, waitWeeks: undefined }
 * capacityFacts({ placesLeft: 4 });                     // { excluded: false, waitWeeks: 0 }
 * ```
 */
export function capacityFacts(capacity: Capacity | undefined): { excluded: boolean; waitWeeks: number | undefined } {
  if (capacity === undefined) return { excluded: false, waitWeeks: undefined };
  const { placesLeft, waitingList, usualWaitWeeks } = capacity;
  if (placesLeft === 0 && waitingList === false) return { excluded: true, waitWeeks: undefined };
  return { excluded: false, waitWeeks: placesLeft !== undefined && placesLeft !== 0 ? (usualWaitWeeks ?? 0) : usualWaitWeeks };
}
