/**
 * Plain text from directory HTML in time proportional to its length: the public `stripHtml`.
 *
 * The same rules as the importer's `stripHtml` (`open-referral/html.ts`), written so that no
 * regular expression backtracks over the rest of the text from every `<`: there, a tag pattern
 * `<\s*\/?\s*p\b[^>]*>` tried at each of 50,000 `<p` with no `>` after them read the rest of
 * the text each time (11 s for 100,000 characters; `<` and 100,000 spaces, 27 s). Here a tag
 * that has no `>` after it stops the scan at once (none after it can close either), and the
 * optional slash is matched without two competing runs of spaces. A property test checks that
 * both give the same text on generated markup.
 *
 * @module
 */
import { ActivityMatchError } from '../errors.js';
import { decodeEntities } from './open-referral/html.js';

/**
 * Longest text {@link stripHtml} takes, in characters (10 MB of text; larger is refused with
 * `INVALID_OPTIONS`): it works in time proportional to the length, about 100 ms a megabyte.
 *
 * @example
 * ```ts
 * STRIP_HTML_LIMIT; // 10000000
 * ```
 */
export const STRIP_HTML_LIMIT = 10_000_000;

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
 * markup comes back with only its whitespace tidied. Not an HTML parser, but safe on malformed
 * markup (an unclosed tag is dropped, a stray "<" that opens no tag is kept), in time
 * proportional to the text's length. Anything but a string, or text longer than
 * {@link STRIP_HTML_LIMIT}, throws `ActivityMatchError` (`INVALID_OPTIONS`, path `html`).
 *
 * @example
 * ```ts
 * stripHtml('<p>Gentle <b>chair-based</b> exercise.</p><ul><li>Free</li><li>Tea &amp; chat</li></ul>');
 * // 'Gentle chair-based exercise.\n• Free\n• Tea & chat'
 * ```
 */
export function stripHtml(html: string): string {
  if (typeof html !== 'string') throw new ActivityMatchError('INVALID_OPTIONS', [{ path: 'html', message: 'expected text (a string)' }]);
  if (html.length > STRIP_HTML_LIMIT) throw new ActivityMatchError('INVALID_OPTIONS', [{ path: 'html', message: `expected text of at most ${STRIP_HTML_LIMIT.toLocaleString('en-GB')} characters` }]);
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
