/**
 * Local areas: UK postcode districts and local authority names, as directories write them and
 * as the area rule compares them. Pure functions over short strings.
 */
import { ActivityMatchError } from '../errors.js';
import { fold } from './fold.js';

/** A postcode as written: outward code, optional space, inward code ("S5 7HQ", "bs345lp"). */
const POSTCODE = /^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$/;
/** An outward code ("S5", "BS34", "EC1A") or a postcode area ("BS"). */
const DISTRICT = /^[A-Z]{1,2}(?:[0-9][A-Z0-9]?)?$/;

function compact(text: string): string {
  return text.trim().toUpperCase().replace(/\s+/g, ' ');
}

/**
 * The postcode district (outward code) of a full UK postcode, or undefined when the text is not
 * one. Case and spacing do not matter.
 *
 * @example
 * ```ts
 * postcodeDistrictOf('S5 7HQ');   // 'S5'
 * postcodeDistrictOf('bs345lp');  // 'BS34'
 * postcodeDistrictOf('Sheffield'); // undefined
 * ```
 */
export function postcodeDistrictOf(postcode: string): string | undefined {
  expectText(postcode, 'postcode');
  if (postcode.length > 10) return undefined;
  return POSTCODE.exec(compact(postcode))?.[1];
}

/**
 * A postcode district ("S5", "BS34") or postcode area ("BS") in canonical form (upper case, no
 * spaces), or undefined when the text is neither.
 *
 * @example
 * ```ts
 * postcodeDistrict(' bs34 '); // 'BS34'
 * postcodeDistrict('BS');     // 'BS' (a postcode area: every BS district)
 * postcodeDistrict('BS34 5'); // undefined
 * ```
 */
export function postcodeDistrict(text: string): string | undefined {
  expectText(text, 'text');
  if (text.length > 10) return undefined;
  const code = text.trim().toUpperCase();
  return DISTRICT.test(code) ? code : undefined;
}

/**
 * The postcode area (the letters) of a district: "BS34" → "BS".
 *
 * @example
 * ```ts
 * postcodeAreaOf('BS34'); // 'BS'
 * postcodeAreaOf('S5');   // 'S'
 * ```
 */
export function postcodeAreaOf(district: string): string {
  const digit = district.search(/[0-9]/);
  return digit < 0 ? district : district.slice(0, digit);
}

/** Anything but a string throws `INVALID_OPTIONS` at the argument (these are exported). */
function expectText(value: unknown, path: string): asserts value is string {
  if (typeof value !== 'string') throw new ActivityMatchError('INVALID_OPTIONS', [{ path, message: 'expected text (a string)' }]);
}

/** Words that name the kind of council or place rather than the place. */
const PREFIXES = ['royal borough of ', 'london borough of ', 'metropolitan borough of ', 'borough of ', 'city and county of ', 'county of ', 'city of '];
const SUFFIXES = [' metropolitan borough council', ' borough council', ' district council', ' county council', ' city council', ' council', ' city of', ' county borough'];

/**
 * A local area's name as the area rule compares it: folded (case, accents, punctuation and
 * spacing ignored) and without the words that name the kind of council ("Bristol City
 * Council", "City of Bristol" and "Bristol, City of" are all "bristol"). The City of London
 * keeps its name. Best effort over how directories write names; it knows no geography.
 *
 * @example
 * ```ts
 * areaKey('Bristol, City of');              // 'bristol'
 * areaKey('South Gloucestershire Council'); // 'south gloucestershire'
 * areaKey('City of London');                // 'city of london'
 * ```
 */
export function areaKey(name: string): string {
  expectText(name, 'name');
  let key = fold(name.slice(0, 200));
  if (key === 'city of london' || key === 'london city of') return 'city of london';
  for (const prefix of PREFIXES) if (key.startsWith(prefix) && key.length > prefix.length) key = key.slice(prefix.length);
  for (const suffix of SUFFIXES) if (key.endsWith(suffix) && key.length > suffix.length) key = key.slice(0, -suffix.length);
  return key;
}

/** Where a client lives, as the area rule reads it. */
export interface ClientArea {
  /** `areaKey` of their local authority, when given. */
  readonly authority: string | undefined;
  /** Their postcode district ("S5"), from `localArea` or their home postcode, when known. */
  readonly district: string | undefined;
}

/**
 * A client's area from their profile: the local authority they gave, and the postcode district
 * they gave or, failing that, their home postcode's.
 *
 * @example
 * ```ts
 * clientAreaOf({ localArea: { localAuthority: 'Bristol City Council' }, home: { lat: 51.5, lon: -2.6, postcode: 'BS34 5LP' } });
 * // { authority: 'bristol', district: 'BS34' }
 * ```
 */
export function clientAreaOf(profile: { readonly localArea?: { readonly localAuthority?: string | undefined; readonly postcodeDistrict?: string | undefined } | undefined; readonly home?: { readonly postcode?: string | undefined } | undefined }): ClientArea {
  const authority = profile.localArea?.localAuthority;
  const postcode = profile.home?.postcode;
  return {
    authority: authority === undefined ? undefined : areaKey(authority),
    district: profile.localArea?.postcodeDistrict ?? (postcode === undefined ? undefined : postcodeDistrictOf(postcode)),
  };
}

/**
 * Whether a client lives in an area given by names and postcode districts: `true` inside,
 * `false` outside, `undefined` when their profile cannot tell (it gives no local authority for
 * an area given by names, and no postcode for one given by districts). Each form the area uses
 * and the client can be compared on decides; being inside any one is enough.
 *
 * @param hasNames - the area lists names; `nameMatch`: one of them is the client's local authority
 * @param hasDistricts - the area lists districts; `districtMatch`: one is the client's district or its postcode area
 * @example
 * ```ts
 * areaVerdict(true, false, false, false, true, false);  // false  (Bristol only, client in Leeds)
 * areaVerdict(true, false, false, false, false, true);  // undefined (by name, client gave only a postcode)
 * areaVerdict(true, false, true, true, true, true);     // true   (not by name, but their district is listed)
 * ```
 */
export function areaVerdict(hasNames: boolean, nameMatch: boolean, hasDistricts: boolean, districtMatch: boolean, clientHasAuthority: boolean, clientHasDistrict: boolean): boolean | undefined {
  const byName = hasNames && clientHasAuthority;
  const byDistrict = hasDistricts && clientHasDistrict;
  if ((byName && nameMatch) || (byDistrict && districtMatch)) return true;
  return byName || byDistrict ? false : undefined;
}
