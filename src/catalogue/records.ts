/**
 * The validated activities behind a compiled catalogue, read by row: the objects themselves
 * for a catalogue compiled in this process ({@link recordsOf}), or records decoded from a
 * snapshot's bytes on first use (`src/snapshot/`), so a loaded matcher's heap holds only the
 * activities its queries have returned.
 *
 * @module
 */
import type { Activity } from '../schema/activity.js';

/** The validated activities of a compiled catalogue, by row (input order). */
export interface ActivityRecords {
  readonly length: number;
  /** The validated, deeply frozen activity of a row. */
  at(row: number): Activity;
  /** Its id (without building the activity, where the records allow). */
  idAt(row: number): string;
}

/** Records over an array of validated activities. */
export function recordsOf(activities: readonly Activity[]): ActivityRecords {
  return {
    length: activities.length,
    at: (row) => activities[row] as Activity,
    idAt: (row) => (activities[row] as Activity).id,
  };
}
