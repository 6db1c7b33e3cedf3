/**
 * Text helpers for the command line: "did you mean", safe quoting of what the user typed, and
 * wrapping to the terminal width. No Node APIs: the CLI's io is injected (see `src/cli.ts`).
 *
 * @module
 */

/** Longest piece of user input an error message quotes. */
const QUOTE_LIMIT = 60;

/**
 * What the user typed, safe to print in a message: control characters (a terminal would act on
 * escape sequences) and bidirectional overrides become `?`, and long text is cut at 60
 * characters. Never used on the contents of a client file, only on arguments.
 *
 * @example
 * ```ts
 * shown('recomend');        // 'recomend'
 * shown('\u001b[2Jboom');   // '?[2Jboom'
 * ```
 */
export function shown(text: string): string {
  // eslint-disable-next-line no-control-regex
  const safe = text.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '?');
  const chars = [...safe];
  return chars.length > QUOTE_LIMIT ? `${chars.slice(0, QUOTE_LIMIT).join('')}…` : safe;
}

/** Control characters but tab and newline, and bidirectional overrides. */
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text safe to print on a terminal: control characters (but tab and newline) and bidirectional
 * overrides become `?`, so names in a hostile catalogue or feed cannot move the cursor, clear
 * the screen or reorder what is shown.
 *
 * @example
 * ```ts
 * printable('Walk\u001b[2J group\nnext line'); // 'Walk?[2J group\nnext line'
 * ```
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, '?');
}

/** Optimal string alignment distance (Levenshtein with adjacent transpositions), stopping early past `max`. */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1).fill(0);
    current[0] = i;
    let best = current[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (before[j - 2] as number) + 1);
      current[j] = d;
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length] as number;
}

/**
 * The known name closest to a misspelt one, if any is close enough: within a third of its
 * length in edits (at least 2; 1 for names of up to 3 characters), or the only name it starts
 * (3 characters or more). Case and
 * leading dashes are ignored when comparing.
 *
 * @example
 * ```ts
 * didYouMean('recomend', ['recommend', 'explain']);       // 'recommend'
 * didYouMean('--catalog', ['--catalogue', '--client']);   // '--catalogue'
 * didYouMean('frobnicate', ['recommend', 'explain']);     // undefined
 * ```
 */
export function didYouMean(typed: string, known: readonly string[]): string | undefined {
  const key = (s: string) => s.replace(/^-+/, '').toLowerCase();
  const want = key(typed);
  if (want === '' || want.length > 200) return undefined;
  const max = want.length <= 3 ? 1 : Math.max(2, Math.floor(want.length / 3));
  let best: string | undefined;
  let bestDistance = max + 1;
  for (const name of known) {
    const d = editDistance(want, key(name), max);
    if (d < bestDistance || (d === bestDistance && best !== undefined && name < best)) {
      best = name;
      bestDistance = d;
    }
  }
  if (best !== undefined && bestDistance <= max) return best;
  const starting = want.length >= 3 ? known.filter((name) => key(name).startsWith(want)) : [];
  return starting.length === 1 ? starting[0] : undefined;
}

/** " (did you mean 'x'?)" or nothing. */
export function suggestion(typed: string, known: readonly string[]): string {
  const best = didYouMean(typed, known);
  return best === undefined ? '' : ` (did you mean '${best}'?)`;
}

/** Width the CLI wraps to: the terminal's, kept between 40 and 120 columns; 80 when not a terminal. */
export function outputWidth(columns: number | undefined): number {
  if (columns === undefined || !Number.isFinite(columns) || columns <= 0) return 80;
  return Math.min(120, Math.max(40, Math.floor(columns)));
}

/**
 * Wraps `text` into lines of at most `width` characters, the first starting with `first` and
 * the rest with `rest` (a hanging indent). A word longer than a line gets a line of its own.
 *
 * @example
 * ```ts
 * wrap('Why: Designed for people with COPD · Free', 20, '  ', '       ');
 * // ['  Why: Designed for', '       people with', '       COPD · Free']
 * ```
 */
export function wrap(text: string, width: number, first = '', rest = first): string[] {
  const lines: string[] = [];
  let indent = first;
  let line = '';
  // Words keep the spaces after them, so "name  (provider)" keeps its two spaces.
  for (const token of text.match(/\S+\s*/g) ?? []) {
    const word = token.trimEnd();
    if (line !== '' && indent.length + line.length + word.length > width) {
      lines.push(indent + line.trimEnd());
      indent = rest;
      line = token;
    } else line += token;
  }
  lines.push(indent + line.trimEnd());
  return lines;
}

/** Each paragraph of `text` (split on newlines) wrapped to `width`. */
export function wrapLines(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((paragraph) => (paragraph === '' ? [''] : wrap(paragraph, width, /^ */.exec(paragraph)?.[0] ?? '')))
    .join('\n');
}
