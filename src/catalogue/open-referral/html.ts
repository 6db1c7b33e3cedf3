/**
 * Plain text from the HTML that UK directory feeds put in descriptions.
 *
 * Not an HTML parser: enough for the markup directory editors produce (paragraphs, line
 * breaks, lists, links, emphasis, entities), and safe on malformed markup (an unclosed tag
 * is dropped, a stray "<" that opens no tag is kept), in time proportional to its length: no
 * regular expression backtracks over the rest of the text from every `<`. An earlier version
 * matched `<\s*\/?\s*p\b[^>]*>` at each of 50,000 `<p` with no `>` after them and read the
 * rest of the text each time (11 s for 100,000 characters; 40 s through the importer).
 *
 * @module
 */

const NAMED: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', pound: '£', euro: '€',
  ndash: '–', mdash: '—', hellip: '…', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”',
  bull: '•', middot: '·', copy: '©', reg: '®', trade: '™', eacute: 'é', frac12: '½',
};

/**
 * Decodes HTML character references: the common named ones, decimal (`&#163;`) and hex
 * (`&#xA3;`). Unknown names are left as written.
 *
 * @example
 * ```ts
 * decodeEntities('Tea &amp; cake, &pound;2 &#8211; all welcome'); // 'Tea & cake, £2 – all welcome'
 * ```
 */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z][a-z0-9]{1,9});/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

const BLOCK_NAMES = 'p|div|br|li|ul|ol|h[1-6]|tr|table|section|article|blockquote|hr';

/**
 * Replaces every match of an opening `start` pattern that is closed by the first `>` after it
 * (`start` then `[^>]*>`), as `text.replace(new RegExp(start + '[^>]*>', 'gi'), by)` would,
 * without re-reading the text after a start that no `>` follows.
 */
function replaceTags(text: string, start: RegExp, by: string): string {
  let out = '';
  let from = 0;
  start.lastIndex = 0;
  for (let m = start.exec(text); m !== null; m = start.exec(text)) {
    const close = text.indexOf('>', m.index + m[0].length);
    if (close < 0) break; // no '>' after this start, so none after any later one either
    out += text.slice(from, m.index) + by;
    from = close + 1;
    start.lastIndex = from;
  }
  return out + text.slice(from);
}

/** `script` and `style` elements, contents included (to the end of the text when unclosed). */
function removeScripts(text: string): string {
  const open = /<\s*(script|style)\b/gi;
  let out = '';
  let from = 0;
  for (let m = open.exec(text); m !== null; m = open.exec(text)) {
    const tagEnd = text.indexOf('>', m.index + m[0].length);
    if (tagEnd < 0) break;
    const closing = new RegExp(`<\\s*\\/\\s*${m[1]}\\s*>`, 'gi');
    closing.lastIndex = tagEnd + 1;
    const end = closing.exec(text);
    out += `${text.slice(from, m.index)} `;
    from = end === null ? text.length : end.index + end[0].length;
    open.lastIndex = from;
  }
  return out + text.slice(from);
}

/**
 * Plain text of an HTML fragment: `script` and `style` contents and comments removed, block
 * elements and `<br>` turned into line breaks, list items into "• " lines, every other tag
 * dropped, entities decoded, runs of spaces collapsed and blank lines removed. Text without
 * markup comes back with only its whitespace tidied. In time proportional to the text's length:
 * a tag that has no `>` after it stops the scan at once (none after it can close either). The
 * importer's own, for text it has already checked; the public, checked one is in
 * `src/catalogue/plain-text.ts`.
 *
 * @example
 * ```ts
 * stripHtml('<p>Gentle <b>chair-based</b> exercise.</p><ul><li>Free</li><li>Tea &amp; chat</li></ul>');
 * // 'Gentle chair-based exercise.\n• Free\n• Tea & chat'
 * ```
 */
export function stripHtml(html: string): string {
  let text = html.replace(/<!--[\s\S]*?(-->|$)/g, ' ');
  text = removeScripts(text);
  text = replaceTags(text, /<\s*li\b/gi, '\n• ');
  text = replaceTags(text, new RegExp(`<\\s*(?:\\/\\s*)?(?:${BLOCK_NAMES})\\b`, 'gi'), '\n');
  text = text.replace(/<\/?[a-z][^<>]*>/gi, '').replace(/<\/?[a-z][^<>]*$/i, '');
  return decodeEntities(text)
    .replace(/[\t\f\v\r\u00a0 ]+/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && line !== '•')
    .join('\n');
}
