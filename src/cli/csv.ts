/**
 * `evaluate --csv`: the evaluation summary as CSV (RFC 4180 quoting, lines ending in LF) for spreadsheets. One row per metric,
 * numbers at full precision, an empty cell where there is no value (a metric no referral could
 * measure).
 *
 * @module
 */

type Row = Readonly<Record<string, unknown>>;

/** A cell: numbers as they are, text quoted when it holds a comma, quote or line break, and never read as a formula. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = String(value);
  // A spreadsheet would run text starting with = + - @ as a formula (CSV injection): keep it text.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Rows as CSV: a header of `titles` (or the keys), then each row's values in the order of the keys
 * first seen across the rows, and the `extra` columns (the same value on every row).
 *
 * @example
 * ```ts
 * toCsv([{ metric: 'ndcg@5', n: 35, mean: 0.44 }]); // 'metric,n,mean\nndcg@5,35,0.44\n'
 * ```
 */
export function toCsv(rows: readonly Row[], titles: Readonly<Record<string, string>> = {}, extra: Readonly<Record<string, unknown>> = {}): string {
  const keys: string[] = [];
  for (const row of rows) for (const key of Object.keys(row)) if (!keys.includes(key)) keys.push(key);
  const extraKeys = Object.keys(extra);
  const lines = [[...keys, ...extraKeys].map((k) => cell(titles[k] ?? k)).join(',')];
  for (const row of rows) lines.push([...keys.map((k) => cell(row[k])), ...extraKeys.map((k) => cell(extra[k]))].join(','));
  return `${lines.join('\n')}\n`;
}

interface Summary {
  readonly label?: string;
  readonly labels?: { readonly a: string; readonly b: string };
  readonly settings?: { readonly bootstrap?: { readonly level?: number } };
  readonly summary: readonly Row[];
}

/**
 * The summary `runEvaluateCommand` gives as JSON, as CSV. A comparison's columns are named after
 * the two rule sets (`defaults`, `defaults lower`, …, `difference (B - A)`), and every row carries
 * the confidence level of its intervals.
 */
export function evaluationCsv(summaryJson: string): string {
  const parsed = JSON.parse(summaryJson) as Summary;
  const level = parsed.settings?.bootstrap?.level;
  const extra = level === undefined ? {} : { level };
  if (parsed.labels === undefined) return toCsv(parsed.summary, {}, extra);
  const { a, b } = parsed.labels;
  const titles = { a, aLower: `${a} lower`, aUpper: `${a} upper`, b, bLower: `${b} lower`, bUpper: `${b} upper`, difference: 'difference (B - A)', lower: 'difference lower', upper: 'difference upper' };
  return toCsv(parsed.summary, titles, extra);
}
