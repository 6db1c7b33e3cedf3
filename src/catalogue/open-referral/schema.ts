/**
 * The activity an import produces: `ActivitySchema` plus where it came from (`source`) and
 * which of its fields were inferred from text (`inferred`).
 *
 * @module
 */
import { z } from 'zod';
import { ActivitySchema } from '../../schema/activity.js';

export { INFERABLE_FIELDS, InferredSchema, SourceSchema } from '../../schema/activity.js';
export type { InferableField } from '../../schema/activity.js';

/**
 * The schema imported activities are validated with: `ActivitySchema` itself, which carries
 * `inferred` and `source`. Kept as a name so the importer reads as it did.
 */
export const ImportedActivitySchema = ActivitySchema;

/** An imported activity in input form: it validates against `ActivitySchema` and can be written to a catalogue file. */
export type ImportedActivity = z.input<typeof ImportedActivitySchema>;
