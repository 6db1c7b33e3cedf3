// stripHtml (linear time; the public one checks its argument, the importer's is the same function)
// against its first definition as plain regular expressions: the same text for any markup built
// from the pieces directory editors and broken feeds write. That definition backtracked over the
// rest of the text from every '<p' with no '>' after it, so it lives here as the reference only.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeEntities, stripHtml as importerStripHtml } from '../../src/catalogue/open-referral/html.js';
import { stripHtml } from '../../src/index.js';
import { errorOf } from '../helpers.js';

const BLOCK = /<\s*\/?\s*(p|div|br|li|ul|ol|h[1-6]|tr|table|section|article|blockquote|hr)\b[^>]*>/gi;

/** The first stripHtml, regular expressions only: right, but quadratic on unclosed tags. */
function referenceStripHtml(html: string): string {
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

const PIECES = [
  '<p>', '</p>', '<li>', '<li', '<br/>', '< p >', '</ p>', '< / div >', '<script>', '</script>', '<style x>', '</STYLE>', '<SCRIPT', '<!--', '-->',
  '<b>', '</b', '&amp;', '&#163;', '&nbsp;', '<', '>', ' ', '\n', 'a', 'word', '•', '<h1>', '<table', '<a href="x">', '<<', '>>', '\t', '&lt;p&gt;', 'p', '/',
];

describe('stripHtml (linear time)', () => {
  it('gives the reference definition’s text for any markup of these pieces, public and importer’s alike', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const expected = referenceStripHtml(text);
        expect(stripHtml(text)).toBe(expected);
        expect(importerStripHtml(text)).toBe(expected);
      }),
      { numRuns: 5000, seed: 21 },
    );
  });

  it('keeps the documented examples', () => {
    expect(stripHtml('<p>Gentle <b>chair-based</b> exercise.</p><ul><li>Free</li><li>Tea &amp; chat</li></ul>')).toBe('Gentle chair-based exercise.\n• Free\n• Tea & chat');
    expect(stripHtml('a < b')).toBe('a < b');
    expect(stripHtml('<script>alert(1)</script>Hello')).toBe('Hello');
  });

  it('refuses anything but a string, and text over 10,000,000 characters, with INVALID_OPTIONS at html', () => {
    for (const value of [null, undefined, 42, {}, ['<p>']]) expect(errorOf(() => stripHtml(value as never)).issues).toEqual([{ path: 'html', message: 'expected text (a string)' }]);
    expect(errorOf(() => stripHtml(' '.repeat(10_000_001))).issues[0]?.path).toBe('html');
  });
});
