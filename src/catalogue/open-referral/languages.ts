/**
 * HSDS `languages` (service and location) to the activity's `languages` (ISO 639-1 codes
 * where one exists).
 *
 * Read from each entry: `code` (ISO 639-1 kept; ISO 639-2/3 codes of languages common in UK
 * directories mapped to 639-1, others kept as written), else `name` or the UK v1 `language`
 * field (an English language name, mapped through the table below, or a code).
 *
 * **English is assumed** unless `assumeEnglish` is false: HSDS 2 and UK v1 define the
 * list as the languages "other than English" a service is delivered in, and UK v3 feeds
 * keep that habit (the official example lists only Urdu for a service described in English).
 * Adding English is reported as an inference.
 *
 * @module
 */
import type { ValidationIssue } from '../../errors.js';
import { foldText } from '../../vocabulary/index.js';
import { isObject, join, listOf, textOf } from './fields.js';

/** Language names and ISO 639-2/3 codes common in UK directories, to ISO 639-1. */
export const LANGUAGE_CODES: Readonly<Record<string, string>> = {
  english: 'en', eng: 'en', welsh: 'cy', cym: 'cy', wel: 'cy', polish: 'pl', pol: 'pl', urdu: 'ur', urd: 'ur',
  punjabi: 'pa', panjabi: 'pa', pan: 'pa', bengali: 'bn', bangla: 'bn', ben: 'bn', gujarati: 'gu', guj: 'gu',
  arabic: 'ar', ara: 'ar', somali: 'so', som: 'so', french: 'fr', fra: 'fr', fre: 'fr', spanish: 'es', spa: 'es',
  portuguese: 'pt', por: 'pt', romanian: 'ro', ron: 'ro', rum: 'ro', slovak: 'sk', slk: 'sk', slo: 'sk', czech: 'cs', ces: 'cs', cze: 'cs',
  lithuanian: 'lt', lit: 'lt', latvian: 'lv', lav: 'lv', russian: 'ru', rus: 'ru', ukrainian: 'uk', ukr: 'uk',
  turkish: 'tr', tur: 'tr', kurdish: 'ku', kur: 'ku', farsi: 'fa', persian: 'fa', fas: 'fa', per: 'fa', pashto: 'ps', pus: 'ps',
  tamil: 'ta', tam: 'ta', hindi: 'hi', hin: 'hi', chinese: 'zh', mandarin: 'zh', zho: 'zh', chi: 'zh', cantonese: 'yue',
  italian: 'it', ita: 'it', german: 'de', deu: 'de', ger: 'de', tigrinya: 'ti', tir: 'ti', amharic: 'am', amh: 'am',
  gaelic: 'gd', 'scottish gaelic': 'gd', gla: 'gd', irish: 'ga', gle: 'ga', 'british sign language': 'bfi', bsl: 'bfi',
  greek: 'el', ell: 'el', gre: 'el', albanian: 'sq', sqi: 'sq', alb: 'sq', vietnamese: 'vi', vie: 'vi', tagalog: 'tl', tgl: 'tl',
};

/**
 * The language code for a code or an English language name, or `undefined`.
 *
 * @example
 * ```ts
 * languageCode('Urdu'); // 'ur'
 * languageCode('pol');  // 'pl'
 * languageCode('cy');   // 'cy'
 * languageCode('Klingon'); // undefined
 * ```
 */
export function languageCode(text: string): string | undefined {
  const folded = foldText(text);
  const known = LANGUAGE_CODES[folded];
  if (known !== undefined) return known;
  return /^[a-z]{2}$/.test(folded) ? folded : /^[a-z]{2}-[a-z0-9]{2,8}$/i.test(text.trim()) ? text.trim().slice(0, 2).toLowerCase() : undefined;
}

/**
 * The languages of language entries found at `path` (each entry an HSDS `language` object,
 * a UK v1 `{ language }` or plain text). Unreadable entries are reported and skipped.
 *
 * @example
 * ```ts
 * const issues: ValidationIssue[] = [];
 * mapLanguages([{ id: 'l1', name: 'Urdu', code: 'ur' }, { language: 'Polish' }], 'contents[0].languages', issues); // ['ur', 'pl']
 * ```
 */
export function mapLanguages(entries: unknown, path: string, issues: ValidationIssue[]): string[] {
  const codes: string[] = [];
  listOf(entries).forEach((entry, i) => {
    const candidates = isObject(entry) ? [entry.code, entry.name, entry.language] : [entry];
    const texts = candidates.map(textOf).filter((t): t is string => t !== undefined);
    const code = texts.map(languageCode).find((c) => c !== undefined);
    if (code !== undefined) {
      if (!codes.includes(code)) codes.push(code);
    } else if (texts.length > 0) issues.push({ path: join(path, i), message: 'expected a language code (ISO 639) or an English language name; ignored' });
  });
  return codes;
}
