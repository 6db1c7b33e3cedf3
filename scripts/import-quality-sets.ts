/**
 * The labelled sets of feed-like Open Referral UK records that `npm run import-quality` and the
 * labelled-set tests read, and how their labels are read.
 *
 * | set | folder (under fixtures/open-referral/) | role |
 * |---|---|---|
 * | `labelled` | `labelled/` | tuning set of round 1 (135 records; labels written before tuning) |
 * | `labelled-2` | `labelled-2/` | tuning set of round 2 (74 records): written held out, measured once held out at 0d033c5 (BENCHMARKS.md), then tuned on |
 * | `held-out-2` | `held-out-2/` | held-out set of round 2, written by someone who read neither the importer nor the tuning sets; never tuned against |
 *
 * A set is its `page-N.json` files (UK v3 pages, read in page order) and `labels.json`
 * (`{ labels: { "<id>": label } }`). The tuning set of round 1 gives age and gender limits inside
 * `audience`; the later sets give them as top-level `minAge`, `maxAge` and `genders` beside it,
 * which are folded into `audience` here so every set is measured the same way.
 *
 * @module
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Label } from './import-quality-metrics.js';

/** The sets, by name, and their folders relative to the repository root. */
export const LABELLED_SETS = {
  labelled: 'fixtures/open-referral/labelled',
  'labelled-2': 'fixtures/open-referral/labelled-2',
  'held-out-2': 'fixtures/open-referral/held-out-2',
} as const;

/** A set's name. */
export type LabelledSetName = keyof typeof LABELLED_SETS;

/** The sets the importer is tuned on: the default run reports and checks both. */
export const TUNING_SETS: readonly LabelledSetName[] = ['labelled', 'labelled-2'];

/** Is `name` one of the sets? */
export function isLabelledSetName(name: string): name is LabelledSetName {
  return Object.hasOwn(LABELLED_SETS, name);
}

/** A label as a set's file gives it: age and gender limits may sit beside `audience`. */
export type FileLabel = Label & { readonly minAge?: number; readonly maxAge?: number; readonly genders?: readonly string[] };

/**
 * Folds top-level `minAge`, `maxAge` and `genders` into `audience` (made when absent); a label
 * without them is returned unchanged.
 */
export function foldLabel(label: FileLabel): Label {
  const { minAge, maxAge, genders, ...rest } = label;
  if (minAge === undefined && maxAge === undefined && genders === undefined) return rest;
  return {
    ...rest,
    audience: {
      ...(rest.audience ?? {}),
      ...(minAge === undefined ? {} : { minAge }),
      ...(maxAge === undefined ? {} : { maxAge }),
      ...(genders === undefined ? {} : { genders }),
    },
  };
}

/** One set as read: labels (folded), the pages in order with their file names, and the records by id. */
export interface LabelledSet {
  readonly name: LabelledSetName;
  readonly dir: string;
  readonly labels: Record<string, Label>;
  readonly pages: readonly { readonly file: string; readonly page: { readonly contents: readonly Record<string, unknown>[] } }[];
  readonly records: ReadonlyMap<string, Record<string, unknown>>;
}

/** Reads set `name` from the repository at `root`. */
export function readLabelledSet(root: string, name: LabelledSetName): LabelledSet {
  const dir = LABELLED_SETS[name];
  const read = (file: string): unknown => JSON.parse(readFileSync(resolve(root, dir, file), 'utf8'));
  const fileLabels = (read('labels.json') as { labels: Record<string, FileLabel> }).labels;
  const labels = Object.fromEntries(Object.entries(fileLabels).map(([id, label]) => [id, foldLabel(label)]));
  const numbers = readdirSync(resolve(root, dir))
    .flatMap((f) => (/^page-\d+\.json$/.test(f) ? [Number(f.slice(5, -5))] : []))
    .sort((a, b) => a - b);
  const pages = numbers.map((n) => ({ file: `page-${n}.json`, page: read(`page-${n}.json`) as { contents: Record<string, unknown>[] } }));
  const records = new Map<string, Record<string, unknown>>();
  for (const { page } of pages) for (const r of page.contents) records.set(String(r['id']), r);
  return { name, dir, labels, pages, records };
}
