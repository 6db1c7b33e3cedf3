// The public stripHtml (linear time) against the importer's own (src/catalogue/open-referral/html.ts):
// the same text for any markup built from the pieces directory editors and broken feeds write.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stripHtml as importerStripHtml } from '../../src/catalogue/open-referral/html.js';
import { stripHtml } from '../../src/index.js';
import { errorOf } from '../helpers.js';

const PIECES = [
  '<p>', '</p>', '<li>', '<li', '<br/>', '< p >', '</ p>', '< / div >', '<script>', '</script>', '<style x>', '</STYLE>', '<SCRIPT', '<!--', '-->',
  '<b>', '</b', '&amp;', '&#163;', '&nbsp;', '<', '>', ' ', '\n', 'a', 'word', '•', '<h1>', '<table', '<a href="x">', '<<', '>>', '\t', '&lt;p&gt;', 'p', '/',
];

describe('stripHtml (public, linear time)', () => {
  it('gives the importer’s text for any markup of these pieces', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(stripHtml(text)).toBe(importerStripHtml(text));
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
