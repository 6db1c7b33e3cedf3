import { describe, expect, it } from 'vitest';
import type { ValidationIssue } from '../../../src/errors.js';
import { mapAges } from '../../../src/catalogue/open-referral/age.js';
import { dateOf, fit, listOf, numberOf, textOf } from '../../../src/catalogue/open-referral/fields.js';
import { decodeEntities, stripHtml } from '../../../src/catalogue/open-referral/html.js';
import { languageCode, mapLanguages } from '../../../src/catalogue/open-referral/languages.js';
import { lastVerifiedOf, statusOf } from '../../../src/catalogue/open-referral/status.js';

describe('stripHtml', () => {
  it.each([
    ['keeps plain text, tidying spaces', '  Gentle   walk\t around the park ', 'Gentle walk around the park'],
    ['drops inline tags', 'A <strong>gentle</strong> <em>walk</em>', 'A gentle walk'],
    ['turns paragraphs and breaks into lines', '<p>One</p><p>Two<br/>Three</p>', 'One\nTwo\nThree'],
    ['turns list items into bullets', '<ul><li>Free</li><li>Tea &amp; chat</li></ul>', '• Free\n• Tea & chat'],
    ['removes scripts, styles and comments', 'Hi<script>alert(1)</script><style>p{}</style><!-- note --> there', 'Hi there'],
    ['decodes named, decimal and hex entities', '&pound;2 &ndash; &#163;3 &#xA3;4 &nbsp;&hellip;', '£2 – £3 £4 …'],
    ['keeps a stray < that opens no tag', 'Costs < £5', 'Costs < £5'],
    ['drops an unclosed tag at the end', 'Walk <span', 'Walk'],
    ['removes blank lines', '<div><h3>Title</h3>\n\n<p></p><p>Body</p></div>', 'Title\nBody'],
  ])('%s', (_name, html, text) => {
    expect(stripHtml(html)).toBe(text);
  });

  it('leaves unknown entities as written', () => {
    expect(decodeEntities('&bogus; &amp;')).toBe('&bogus; &');
  });
});

describe('field readers', () => {
  it.each([
    [' Walk ', 'Walk'],
    ['null', undefined],
    ['', undefined],
    [12, '12'],
    [Number.NaN, undefined],
    [null, undefined],
    [{}, undefined],
  ])('textOf(%j) is %j', (value, text) => {
    expect(textOf(value)).toBe(text);
  });

  it.each([
    [12, 12],
    ['-1', -1],
    [' 3.50 ', 3.5],
    ['free', undefined],
    ['12 years', undefined],
    [Infinity, undefined],
  ])('numberOf(%j) is %j', (value, n) => {
    expect(numberOf(value)).toBe(n);
  });

  it.each([
    ['2025-01-07', '2025-01-07'],
    ['2023-03-15T10:30:45.123Z', '2023-03-15'],
    ['2025-04-30 00:00:00', '2025-04-30'],
    ['2023-02-30', undefined],
    ['15/03/2023', undefined],
    [20230315, undefined],
  ])('dateOf(%j) is %j', (value, date) => {
    expect(dateOf(value)).toBe(date);
  });

  it('reads a single object as a list of one, and null as none', () => {
    expect(listOf({ id: 'a' })).toEqual([{ id: 'a' }]);
    expect(listOf(null)).toEqual([]);
    expect(listOf('text')).toEqual([]);
  });

  it('shortens over-long text and says so, naming the path', () => {
    const issues: ValidationIssue[] = [];
    expect(fit('abcdefghij', 5, 'contents[0].name', issues)).toBe('abcd…');
    expect(fit('abc', 5, 'x', issues)).toBe('abc');
    expect(issues).toEqual([{ path: 'contents[0].name', message: 'shortened to 5 characters' }]);
  });
});

describe('mapAges', () => {
  it.each([
    ['-1 is unknown, not a limit', { minimum_age: -1, maximum_age: -1 }, {}],
    ['absent and null are unknown', { maximum_age: null }, {}],
    ['a minimum is kept', { minimum_age: 18 }, { minAge: 18 }],
    ['0 is no minimum', { minimum_age: 0, maximum_age: 25 }, { maxAge: 25 }],
    ['99 and above are no maximum: 99 itself', { minimum_age: 12, maximum_age: 99 }, { minAge: 12 }],
    ['99 and above are no maximum: 100', { minimum_age: 12, maximum_age: 100 }, { minAge: 12 }],
    ['98 is still a maximum (the last one below 99)', { minimum_age: 12, maximum_age: 98 }, { minAge: 12, maxAge: 98 }],
    ['999 is no maximum', { minimum_age: 18, maximum_age: 999 }, { minAge: 18 }],
    ['a maximum of 0 is no maximum', { minimum_age: 50, maximum_age: 0 }, { minAge: 50 }],
    ['numeric text is read', { minimum_age: '50', maximum_age: 'null' }, { minAge: 50 }],
    ['fractions widen the range', { minimum_age: 17.5, maximum_age: 64.5 }, { minAge: 17, maxAge: 65 }],
    ['UK v1 eligibilitys are read when the service has none', { eligibilitys: [{ minimum_age: 50, maximum_age: 0 }] }, { minAge: 50 }],
    ['several v1 rows give the widest range', { eligibilitys: [{ minimum_age: 16, maximum_age: 25 }, { minimum_age: 18, maximum_age: 30 }] }, { minAge: 16, maxAge: 30 }],
  ])('%s', (_name, service, limits) => {
    const issues: ValidationIssue[] = [];
    expect(mapAges(service, 'contents[0]', issues)).toEqual(limits);
    expect(issues).toEqual([]);
  });

  it.each([
    ['text that is not a number', { minimum_age: 'adults' }, {}, 'contents[0].minimum_age', 'expected an age in years (a number); read as no limit'],
    ['a minimum above the maximum', { minimum_age: 65, maximum_age: 18 }, {}, 'contents[0].maximum_age', 'expected maximum_age not below minimum_age; neither limit kept'],
    ['a minimum above 130', { minimum_age: 180 }, {}, 'contents[0].minimum_age', 'expected a minimum age of at most 130; read as no limit'],
  ])('reports %s', (_name, service, limits, path, message) => {
    const issues: ValidationIssue[] = [];
    expect(mapAges(service, 'contents[0]', issues)).toEqual(limits);
    expect(issues).toEqual([{ path, message }]);
  });
});

describe('statusOf', () => {
  it.each([
    ['active', 'active'],
    ['Active', 'active'],
    ['defunct', 'defunct'],
    ['inactive', 'inactive'],
    ['temporarily closed', 'temporarily closed'],
    ['Temporarily_Closed', 'temporarily closed'],
    ['temporarily-closed', 'temporarily closed'],
  ])('reads %j as %j', (status, expected) => {
    const issues: ValidationIssue[] = [];
    expect(statusOf({ status }, 'contents[0]', issues)).toBe(expected);
    expect(issues).toEqual([]);
  });

  it('reads a missing status as active, with a warning', () => {
    const issues: ValidationIssue[] = [];
    expect(statusOf({}, 'contents[1]', issues)).toBe('active');
    expect(issues).toEqual([{ path: 'contents[1].status', message: 'no status: read as active' }]);
  });

  it('gives no status for an unknown word, with an issue', () => {
    const issues: ValidationIssue[] = [];
    expect(statusOf({ status: 'open' }, 'contents[2]', issues)).toBeUndefined();
    expect(issues).toEqual([{ path: 'contents[2].status', message: "expected status 'active', 'inactive', 'defunct' or 'temporarily closed'" }]);
  });
});

describe('lastVerifiedOf', () => {
  it.each([
    ['assured_date wins, even when older than last_modified', { assured_date: '2005-01-01', last_modified: '2023-03-15T10:30:45.123Z' }, { date: '2005-01-01', from: 'assured_date' }],
    ['last_modified is the fallback', { last_modified: '2023-03-15T10:30:45.123Z' }, { date: '2023-03-15', from: 'last_modified' }],
    ['a datetime assured_date is read as its date', { assured_date: '2025-04-30T00:00:00' }, { date: '2025-04-30', from: 'assured_date' }],
    ['nothing gives nothing', {}, undefined],
  ])('%s', (_name, service, expected) => {
    expect(lastVerifiedOf(service, '', [])).toEqual(expected);
  });

  it('reports an unreadable date and falls back', () => {
    const issues: ValidationIssue[] = [];
    expect(lastVerifiedOf({ assured_date: 'last spring', last_modified: '2024-01-02' }, 'contents[0]', issues)).toEqual({ date: '2024-01-02', from: 'last_modified' });
    expect(issues).toEqual([{ path: 'contents[0].assured_date', message: 'expected a date YYYY-MM-DD (or a date-time); ignored' }]);
  });
});

describe('languages', () => {
  it.each([
    ['en', 'en'],
    ['Urdu', 'ur'],
    ['urd', 'ur'],
    ['pol', 'pl'],
    ['Welsh', 'cy'],
    ['British Sign Language', 'bfi'],
    ['pt-BR', 'pt'],
    ['Klingon', undefined],
  ])('languageCode(%j) is %j', (text, code) => {
    expect(languageCode(text)).toBe(code);
  });

  it('reads HSDS 3.0 objects, UK v1 objects and plain text, de-duplicated, reporting what it cannot read', () => {
    const issues: ValidationIssue[] = [];
    const entries = [{ id: 'a', name: 'Urdu', code: 'ur' }, { language: 'Polish' }, 'English', { id: 'b' }, { language: 'Romany' }, { name: 'urdu' }];
    expect(mapLanguages(entries, 'contents[0].languages', issues)).toEqual(['ur', 'pl', 'en']);
    expect(issues).toEqual([{ path: 'contents[0].languages[4]', message: 'expected a language code (ISO 639) or an English language name; ignored' }]);
  });
});
