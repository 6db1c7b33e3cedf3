/**
 * Plain text from the HTML that UK directory feeds put in descriptions.
 *
 * Not an HTML parser: enough for the markup directory editors produce (paragraphs, line
 * breaks, lists, links, emphasis, entities), and safe on malformed markup (an unclosed tag
 * is dropped, a stray "<" that opens no tag is kept).
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

const BLOCK = /<\s*\/?\s*(p|div|br|li|ul|ol|h[1-6]|tr|table|section|article|blockquote|hr)\b[^>]*>/gi;

/**
 * Plain text of an HTML fragment: `script` and `style` contents and comments removed, block
 * elements and `<br>` turned into line breaks, list items into "• " lines, every other tag
 * dropped, entities decoded, runs of spaces collapsed and blank lines removed. Text without
 * markup comes back with only its whitespace tidied.
 *
 * @example
 * ```ts
 * stripHtml('<p>Gentle <b>chair-based</b> exercise.</p><ul><li>Free</li><li>Tea &amp; chat</li></ul>');
 * // 'Gentle chair-based exercise.\n• Free\n• Tea & chat'
 * ```
 */
export function stripHtml(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?(-->|$)/g, ' ')
    .replace(/<\s*(script|style)\b[^>]*>[\s\S]*?(<\s*\/\s*\1\s*>|$)/gi, ' ')
    .replace(/<\s*li\b[^>]*>/gi, '\n• ')
    .replace(BLOCK, '\n')
    .replace(/<\/?[a-z][^<>]*>/gi, '')
    .replace(/<\/?[a-z][^<>]*$/i, '');
  return decodeEntities(text)
    .replace(/[\t\f\v\r\u00a0 ]+/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && line !== '•')
    .join('\n');
}
