/**
 * Plain text from directory HTML in time proportional to its length: the public `stripHtml`,
 * the importer's own (`open-referral/html.ts`) with its argument checked.
 *
 * @module
 */
import { ActivityMatchError } from '../errors.js';
import { stripHtml as stripCheckedHtml } from './open-referral/html.js';

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
  return stripCheckedHtml(html);
}
