/**
 * Where a service happens: an HSDS location to a venue, and attending-type text to
 * `online` or `home`.
 *
 * - `location_type` `physical` (or absent) with latitude and longitude → a venue (name,
 *   first physical address, postcode). Without usable coordinates the location cannot be a
 *   venue: no geocoding is done.
 * - `virtual` → online.
 * - `postal` → not where the service runs; ignored with a warning.
 *
 * Attendance cues (folded text) decide online or at home for services with no location, and
 * add a remote option to venue services whose attending type offers one:
 *
 * | mode | cues |
 * |---|---|
 * | online | online, Zoom, Teams, video call, video conferencing, virtual, webinar, webchat, remote(ly), live stream, Skype, FaceTime |
 * | home | home visit, visits you, in your (own) home, telephone, by phone, over the phone, phone calls, helpline, housebound |
 *
 * @module
 */
import type { ValidationIssue } from '../../errors.js';
import type { ActivityInput } from '../../schema/activity.js';
import { foldText } from '../../vocabulary/index.js';
import { fit, isObject, join, listOf, numberOf, textOf } from './fields.js';
import type { JsonObject } from './fields.js';

/** The activity's location, as input. */
export type LocationInput = ActivityInput['location'];
/** How someone attends without going to a venue. */
export type RemoteMode = 'online' | 'home';

const ONLINE = /\b(online|zoom|video (call|calls|chat|conferenc\w*|link)|microsoft teams|(on|via) teams|virtual(ly)?|webinars?|web ?chat|remote(ly)?|live ?stream\w*|facetime|skype)\b/;
const HOME = /\b(home visits?|home visiting|visits? you|in your (own )?home|at your (own )?home|telephone|by phone|over the phone|phone calls?|phone line|helpline|housebound)\b/;

/**
 * The remote way of attending that a text describes, online first, or `undefined`.
 *
 * @example
 * ```ts
 * remoteModeOf('You can attend this service in-person or remotely via video conferencing'); // 'online'
 * remoteModeOf('A volunteer phones you once a week');                                      // 'home'
 * remoteModeOf('Drop in at the hall');                                                     // undefined
 * ```
 */
export function remoteModeOf(text: string): RemoteMode | undefined {
  const folded = foldText(text);
  if (ONLINE.test(folded)) return 'online';
  if (HOME.test(folded) || /\b(phones?|calls?|rings?) you\b/.test(folded)) return 'home';
  return undefined;
}

/** A mapped location: a usable one, or the reason there is none. */
export type MappedLocation =
  | { readonly kind: 'location'; readonly location: LocationInput }
  | { readonly kind: 'postal' }
  | { readonly kind: 'unusable' };

function addressOf(location: JsonObject): { address?: string; postcode?: string } {
  const rows = listOf(location.addresses ?? location.physical_addresses).filter(isObject);
  const row = rows.find((a) => textOf(a.address_type)?.toLowerCase() === 'physical') ?? rows.find((a) => textOf(a.address_type)?.toLowerCase() !== 'postal') ?? rows[0];
  if (row === undefined) return {};
  const parts = [row.address_1, row.address_2, row.address_3, row.address_4, row.city].map(textOf).filter((t): t is string => t !== undefined);
  const out: { address?: string; postcode?: string } = {};
  if (parts.length > 0) out.address = parts.join(', ');
  const postcode = textOf(row.postal_code);
  if (postcode !== undefined && postcode.length <= 10) out.postcode = postcode;
  return out;
}

/**
 * Maps an HSDS location found at `path`. Problems are pushed onto `issues`.
 *
 * @example
 * ```ts
 * const issues: ValidationIssue[] = [];
 * mapLocation({ id: 'l1', location_type: 'physical', name: 'Heeley Hall', latitude: 53.36, longitude: -1.47,
 *   addresses: [{ address_1: '1 Gleadless Rd', city: 'Sheffield', postal_code: 'S2 3AA', address_type: 'physical' }] }, 'contents[0].service_at_locations[0].location', issues);
 * // { kind: 'location', location: { kind: 'venue', lat: 53.36, lon: -1.47, venue: 'Heeley Hall', address: '1 Gleadless Rd, Sheffield', postcode: 'S2 3AA' } }
 * mapLocation({ id: 'l2', location_type: 'virtual', url: 'https://example.org/zoom' }, 'x', issues); // { kind: 'location', location: { kind: 'online' } }
 * ```
 */
export function mapLocation(location: unknown, path: string, issues: ValidationIssue[]): MappedLocation {
  if (!isObject(location)) {
    issues.push({ path, message: 'expected the nested location object (a location_id alone cannot be resolved)' });
    return { kind: 'unusable' };
  }
  const type = textOf(location.location_type)?.toLowerCase();
  if (type === 'virtual') return { kind: 'location', location: { kind: 'online' } };
  if (type === 'postal') {
    issues.push({ path: join(path, 'location_type'), message: 'a postal address is not where the service runs: location ignored' });
    return { kind: 'postal' };
  }
  if (type !== undefined && type !== 'physical') issues.push({ path: join(path, 'location_type'), message: "expected 'physical', 'postal' or 'virtual': read as physical" });
  const lat = numberOf(location.latitude);
  const lon = numberOf(location.longitude);
  if (lat === undefined || lon === undefined || Math.abs(lat) > 90 || Math.abs(lon) > 180 || (lat === 0 && lon === 0)) {
    const field = lat === undefined || Math.abs(lat) > 90 || (lat === 0 && lon === 0) ? 'latitude' : 'longitude';
    issues.push({ path: join(path, field), message: 'expected latitude (-90 to 90) and longitude (-180 to 180) for a venue; no geocoding is done' });
    return { kind: 'unusable' };
  }
  const venue: Extract<LocationInput, { kind: 'venue' }> = { kind: 'venue', lat, lon };
  const name = textOf(location.name);
  if (name !== undefined) venue.venue = fit(name, 200, join(path, 'name'), issues);
  const { address, postcode } = addressOf(location);
  if (address !== undefined) venue.address = fit(address, 500, join(path, 'addresses'), issues);
  if (postcode !== undefined) venue.postcode = postcode;
  return { kind: 'location', location: venue };
}
