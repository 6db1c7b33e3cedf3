/**
 * `matcher.update({ upsert, remove })` (issue #20): a new list of parts (see `parts.ts`) from the
 * old one, leaving the old parts untouched. The changed and removed activities are marked dead
 * in the parts that hold them (a copy of that part's dead marks, one byte per position), and
 * the upserted ones are compiled into a new part that extends the last part's dictionaries.
 *
 * **Why the cost grows with the change.** A new part holds the upserts, and the live activities
 * of any later parts no more than four times its size, merged in (the levels of a log-structured
 * merge tree): every activity is recompiled a logarithmic number of times over a sequence of
 * updates, and a part of size s is rebuilt only when updates totalling about s/4 arrive after
 * it. The whole catalogue is recompiled only when the changes come to a quarter of it. Queries
 * search every part into one heap, so a matcher answers exactly as one built from scratch on
 * the same activities (`test/catalogue/update.test.ts`).
 *
 * @module
 */
import { z } from 'zod';
import { ActivityMatchError } from '../errors.js';
import type { ValidationIssue } from '../errors.js';
import type { DeepReadonly } from '../inputs.js';
import type { Activity, ActivityInput } from '../schema/activity.js';
import { parseOrThrow } from '../validate.js';
import { compileCatalogue } from './compile.js';
import { parseCatalogueEach } from './load.js';
import type { RejectedRecord } from './load.js';
import { globalPositionOf, liveActivities, partIndexAt, partsOf } from './parts.js';
import type { Part } from './parts.js';
import { RowWriter } from './row-writer.js';
import type { Dictionaries } from './columns.js';

/** What `update` changes: activities to add or replace (by id), and ids to remove. */
export interface CatalogueChanges {
  readonly upsert?: readonly DeepReadonly<ActivityInput>[];
  readonly remove?: readonly string[];
}

/** Options of `update`. */
export interface UpdateOptions {
  /** Apply the good changes and report the bad ones in the new matcher's `rejected` instead of throwing. Default false. */
  readonly lenient?: boolean;
}

/** @internal */
export const UpdateOptionsSchema = z.strictObject({ lenient: z.boolean({ error: 'expected true or false' }).optional() }, { error: 'expected options { lenient? }' });

const ChangesSchema = z.strictObject(
  {
    upsert: z.array(z.unknown(), { error: 'expected an array of activities' }).optional(),
    remove: z.array(z.unknown(), { error: 'expected an array of activity ids' }).optional(),
  },
  { error: 'expected changes { upsert?, remove? }' },
);

/** A new part is merged with later parts of at most this many times its size. */
const MERGE_RATIO = 4;

/** The parts after `changes`, and the changes left out (lenient) with every reason. */
export function applyChanges(parts: readonly Part[], changes: unknown, options: unknown = {}): { parts: Part[]; rejected: RejectedRecord[] } {
  const { lenient = false } = parseOrThrow(UpdateOptionsSchema, options ?? {}, 'INVALID_OPTIONS', 'options');
  const { upsert = [], remove = [] } = parseOrThrow(ChangesSchema, changes, 'INVALID_CATALOGUE', 'changes');
  const parsed = parseCatalogueEach(upsert, { lenient: true }, undefined);
  const rejected: RejectedRecord[] = parsed.rejected.map((r) => ({ ...r, issues: r.issues.map((issue) => ({ ...issue, path: `changes.upsert${issue.path.slice('activities'.length)}` })) }));
  const upserts = parsed.activities;
  const upsertIds = new Set(upserts.map((a) => a.id));
  const removed = new Set<string>();
  remove.forEach((id, index) => {
    const path = `changes.remove[${index}]`;
    let issue: ValidationIssue | undefined;
    if (typeof id !== 'string') issue = { path, message: 'expected an activity id (string)' };
    else if (upsertIds.has(id)) issue = { path, message: 'expected an id that is not also in upsert' };
    else if (removed.has(id)) issue = { path, message: 'expected each id once (an earlier entry removes it)' };
    else if (globalPositionOf(parts, id) < 0) issue = { path, message: 'expected the id of an activity in the catalogue' };
    if (issue === undefined) removed.add(id as string);
    else rejected.push({ index, id: typeof id === 'string' && id.length <= 200 ? id : undefined, issues: [issue] });
  });
  if (!lenient && rejected.length > 0) throw new ActivityMatchError(errorCode(rejected), rejected.flatMap((r) => r.issues));
  return { parts: applyValid(parts, upserts, removed), rejected };
}

/** The code of a strict update's error: the one kind of problem there is, or `INVALID_CATALOGUE`. */
function errorCode(rejected: readonly RejectedRecord[]): 'INVALID_CATALOGUE' | 'DUPLICATE_ID' | 'UNKNOWN_ACTIVITY' {
  const issues = rejected.flatMap((r) => r.issues);
  if (issues.every((i) => i.message.startsWith('expected a unique id'))) return 'DUPLICATE_ID';
  if (issues.every((i) => i.message === 'expected the id of an activity in the catalogue')) return 'UNKNOWN_ACTIVITY';
  return 'INVALID_CATALOGUE';
}

function applyValid(parts: readonly Part[], upserts: readonly Activity[], removed: ReadonlySet<string>): Part[] {
  // Mark what changes dead, copying only the dead marks of the parts it touches.
  const dead = parts.map((part) => part.dead);
  const copied = new Set<number>();
  const kill = (id: string) => {
    const g = globalPositionOf(parts, id);
    if (g < 0) return;
    const k = partIndexAt(parts, g);
    const part = parts[k] as Part;
    if (!copied.has(k)) {
      dead[k] = part.dead === undefined ? new Uint8Array(part.cat.columns.n) : part.dead.slice();
      copied.add(k);
    }
    (dead[k] as Uint8Array)[g - part.offset] = 1;
  };
  for (const a of upserts) kill(a.id);
  for (const id of removed) kill(id);
  let kept = partsOf(parts.map((part, k) => ({ cat: part.cat, dead: dead[k] })));
  // Merge later parts no more than MERGE_RATIO times the new part's size into it.
  let pending: Activity[] = [...upserts];
  while (kept.length > 1 && (kept[kept.length - 1] as Part).live <= MERGE_RATIO * Math.max(1, pending.length)) {
    pending = [...liveActivities([kept[kept.length - 1] as Part].map((p) => ({ ...p, offset: 0 }))), ...pending];
    kept = kept.slice(0, -1);
  }
  const base = kept[0] as Part;
  if (kept.length === 1 && base.live <= MERGE_RATIO * pending.length) return rebuild(parts, upserts, removed);
  // Only removals: parts left with nothing live go (the positions of the rest are counted again).
  if (pending.length === 0) return partsOf(kept.filter((part, k) => k === 0 || part.live > 0).map(({ cat, dead }) => ({ cat, dead })));
  const seed = (kept[kept.length - 1] as Part).cat.columns;
  const part = compilePart(pending, seed);
  // A dictionary extended by every earlier part can be full where a fresh one would not be.
  if (part === undefined) return rebuild(parts, upserts, removed);
  return partsOf([...kept, { cat: part, dead: undefined }]);
}

/**
 * The whole catalogue compiled again, in catalogue order: the activities before the change with
 * the removed ones left out and the replaced ones in their place, then the new ones.
 */
function rebuild(parts: readonly Part[], upserts: readonly Activity[], removed: ReadonlySet<string>): Part[] {
  const byId = new Map(upserts.map((a) => [a.id, a]));
  const all: Activity[] = [];
  for (const activity of liveActivities(parts)) {
    if (removed.has(activity.id)) continue;
    const replacement = byId.get(activity.id);
    all.push(replacement ?? activity);
    byId.delete(activity.id);
  }
  all.push(...byId.values());
  const cat = compilePart(all, undefined);
  // Without a seed the only refusals are the ones createMatcher makes, which these activities passed.
  if (cat === undefined) throw new Error('activity-match: a catalogue that compiled before did not compile again');
  return partsOf([{ cat, dead: undefined }]);
}

function compilePart(activities: readonly Activity[], seed: Dictionaries | undefined) {
  const rows = new RowWriter(activities.length, seed);
  for (const activity of activities) if (rows.add(activity) !== undefined) return undefined;
  return compileCatalogue(activities, rows.finish());
}
