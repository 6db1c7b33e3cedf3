/**
 * Where a service meets, from its description: UK postcodes ("drop in at 23 The Parade,
 * Patchway, BS34 5LP"), the address and venue written before the first one, and postcode
 * districts a service says it covers ("covering BS34, BS35 and BS36").
 *
 * - A postcode is an outward code and an inward code in capitals, with or without the space
 *   ("BS34 5PE", "NE62AR"); it is kept as written with one space. No lookup is done: a
 *   postcode gives no coordinates here.
 * - The address is the run of comma-separated parts just before the postcode in its sentence
 *   that look like an address (words in capitals, house numbers, "upon", "of", "the"…); the
 *   first part that does not ("Drop in at Patchway Community Centre") gives its trailing
 *   words in capitals ("Patchway Community Centre") and ends the run. The venue is the first part.
 * - Districts ("BS34") count only in a sentence about coverage (cover, covering, postcodes,
 *   districts, areas): "M5" or "A1" elsewhere are roads.
 *
 * Text is cut to {@link MAX_PLACE_TEXT} characters before it is scanned.
 *
 * @module
 */

/** Text beyond this many characters is not scanned for postcodes. */
export const MAX_PLACE_TEXT = 20_000;

const POSTCODE = /\b([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][ABD-HJLNP-UW-Z]{2})\b/g;
const DISTRICT = /\b([A-Z]{1,2}[0-9][A-Z0-9]?)\b/g;
const COVERAGE = /\b(cover|covers|covering|postcodes?|districts?|areas?|wards?)\b/i;
/** Lower-case words an address part may hold. */
const CONNECTORS = new Set(['upon', 'on', 'the', 'of', 'and', 'in', 'le', 'la', 'de', 'by', 'under', 'next', 'to', '&']);
/** A part that is a street, not a venue. */
const STREET = /\b(road|street|lane|way|drive|avenue|walk|close|place|crescent|terrace|grove|row|hill|square|parade)$/i;
/** A part holding a time or a weekday is not an address ("Tuesdays 10am-1pm"). */
const NOT_ADDRESS = /\d\s?(am|pm)\b|\d[.:]\d{2}\b|\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b|\b(when|where|cost|who)\?/i;

/** A postcode found in text. */
export interface TextPostcode {
  /** As written, upper case with one space: "BS34 5PE". */
  readonly postcode: string;
  /** Its outward code (postcode district): "BS34". */
  readonly district: string;
  readonly index: number;
}

/**
 * Every UK postcode in a text, in order, each once.
 *
 * @example
 * ```ts
 * postcodesIn('Drop in at Patchway Community Centre, Rodway Road, Patchway, BS34 5PE.'); // [{ postcode: 'BS34 5PE', district: 'BS34', index: 62 }]
 * postcodesIn('Take the number 16 bus, or the M5.'); // []
 * ```
 */
export function postcodesIn(text: string): TextPostcode[] {
  const out: TextPostcode[] = [];
  for (const m of text.slice(0, MAX_PLACE_TEXT).matchAll(POSTCODE)) {
    const postcode = `${m[1]} ${m[2]}`;
    if (!out.some((p) => p.postcode === postcode)) out.push({ postcode, district: m[1] as string, index: m.index });
  }
  return out;
}

function isAddressWord(word: string): boolean {
  if (word === '') return true;
  if (CONNECTORS.has(word)) return true;
  if (/^\d{1,4}[a-zA-Z]?$/.test(word) || /^\d{1,4}-\d{1,4}$/.test(word)) return true;
  return /^[A-Z'‘’(]/.test(word);
}

/** The trailing words in capitals of a phrase ("Drop in at Patchway Community Centre" → "Patchway Community Centre"). */
function trailingName(part: string): string {
  const words = part.split(/\s+/);
  let k = words.length;
  // Up to two lower-case words after a name ("The Castle School sports hall", "Nunsmoor Park pitches").
  let tail = 0;
  while (tail < 2 && k - tail > 1 && /^[a-z]+$/.test(words[k - tail - 1] as string) && !CONNECTORS.has(words[k - tail - 1] as string)) tail += 1;
  if (tail > 0 && /^[A-Z]/.test(words[k - tail - 1] as string)) k -= tail;
  while (k > 0 && isAddressWord(words[k - 1] as string)) k -= 1;
  const run = words.slice(k);
  while (run.length > 0 && CONNECTORS.has(run[0] as string)) run.shift();
  return run.join(' ');
}

/**
 * The venue and address a text gives before its first postcode, and that postcode (see the
 * module notes). Only what is found is returned.
 *
 * @example
 * ```ts
 * placeFromText('Drop in at Patchway Community Centre, Rodway Road, Patchway, BS34 5PE.');
 * // { venue: 'Patchway Community Centre', address: 'Patchway Community Centre, Rodway Road, Patchway', postcode: 'BS34 5PE' }
 * placeFromText('Meet at the orchard gate, Three Brooks Nature Reserve, Bradley Stoke, BS32 8BS.');
 * // { venue: 'Three Brooks Nature Reserve', address: 'Three Brooks Nature Reserve, Bradley Stoke', postcode: 'BS32 8BS' }
 * placeFromText('Meet at Yate Shopping Centre bus station.'); // {}
 * ```
 */
export function placeFromText(text: string): { venue?: string; address?: string; postcode?: string } {
  const cut = text.slice(0, MAX_PLACE_TEXT);
  const first = postcodesIn(cut)[0];
  if (first === undefined) return {};
  // The sentence (or line) the postcode ends.
  const before = cut.slice(0, first.index);
  let start = 0;
  for (const m of before.matchAll(/[.!?](?=\s)|\n/g)) start = m.index + 1;
  const phrase = before.slice(start).replace(/\([^()]*\)/g, ' ');
  const parts = phrase.split(',').map((p) => p.replace(/\s+/g, ' ').trim());
  const kept: string[] = [];
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i] as string;
    if (part === '') continue;
    const words = part.split(/\s+/);
    if (!NOT_ADDRESS.test(part) && words.every(isAddressWord)) {
      kept.unshift(part);
      continue;
    }
    const name = NOT_ADDRESS.test(trailingName(part)) ? '' : trailingName(part);
    if (name !== '') kept.unshift(name);
    break;
  }
  const out: { venue?: string; address?: string; postcode?: string } = { postcode: first.postcode };
  const address = kept.join(', ').slice(0, 500);
  if (address !== '') out.address = address;
  if (kept[0] !== undefined && kept[0].length <= 200 && /[A-Za-z]/.test(kept[0]) && !/^\d/.test(kept[0]) && !STREET.test(kept[0])) out.venue = kept[0];
  return out;
}

/**
 * Postcode districts a text says a service covers ("covering BS34, BS35 and BS36"), upper case,
 * each once; at most 50.
 *
 * @example
 * ```ts
 * districtsIn('We cover BS34, BS35 and BS36.'); // ['BS34', 'BS35', 'BS36']
 * districtsIn('Just off the M5 at junction 16.'); // []
 * ```
 */
export function districtsIn(text: string): string[] {
  const out: string[] = [];
  for (const sentence of text.slice(0, MAX_PLACE_TEXT).split(/[.!?\n]+/)) {
    if (!COVERAGE.test(sentence)) continue;
    const withoutPostcodes = sentence.replace(POSTCODE, ' ');
    for (const m of withoutPostcodes.matchAll(DISTRICT)) if (!out.includes(m[1] as string) && out.length < 50) out.push(m[1] as string);
  }
  return out;
}
