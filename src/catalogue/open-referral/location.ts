/**
 * Where a service happens: an HSDS location to a venue (with its position when the feed gives
 * one), or online.
 *
 * - `location_type` `physical` (or absent) → a venue: name, first physical address, postcode,
 *   and latitude and longitude when usable. Without usable coordinates the venue is kept with
 *   its position unknown (no geocoding is done), with a warning.
 * - `virtual` → online.
 * - `postal` → not where the service runs; ignored with a warning.
 *
 * How a service without a location is delivered (phone, online, home, a venue whose position is
 * unknown) is read in `delivery.ts`; {@link remoteModeOf} is its short form for one text.
 *
 * @module
 */
import type { ValidationIssue } from '../../errors.js';
import type { ActivityInput } from '../../schema/activity.js';
import { attendingModes, remoteModesInText } from './delivery.js';
import type { DeliveryMode } from './delivery.js';
import { fit, isObject, join, listOf, numberOf, textOf } from './fields.js';
import type { JsonObject } from './fields.js';

/** The activity's location, as input. */
export type LocationInput = ActivityInput['location'];
/** How someone attends without going to a venue. */
export type RemoteMode = Exclude<DeliveryMode, 'venue'>;

/**
 * The remote way of attending that a text describes, or `undefined`: an attending type
 * ("Online", "Phone", "Home visit") or a description, read by `delivery.ts` (contact channels
 * such as "Telephone: 0117 …" or "fill in the online form" are not ways of attending).
 *
 * @example
 * ```ts
 * remoteModeOf('You can attend this service in-person or remotely via video conferencing'); // 'online'
 * remoteModeOf('A volunteer phones you once a week');                                      // 'phone'
 * remoteModeOf('Drop in at the hall');                                                     // undefined
 * ```
 */
export function remoteModeOf(text: string): RemoteMode | undefined {
  // Short terms ("Phone, Online", "Home visits across Sheffield") are an attending type; longer text is a description.
  const terms = text.split(/[,;/|]/);
  if (terms.every((t) => t.trim().length <= 30)) {
    const listed = attendingModes(text);
    if (listed.length > 0) return listed.find((m): m is RemoteMode => m !== 'venue');
  }
  return remoteModesInText(text)[0];
}

/** A mapped location: a usable one (a venue perhaps without its position), or the reason there is none. */
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
  const venue: Extract<LocationInput, { kind: 'venue' }> = { kind: 'venue' };
  if (lat === undefined || lon === undefined || Math.abs(lat) > 90 || Math.abs(lon) > 180 || (lat === 0 && lon === 0)) {
    const given = [location.latitude, location.longitude].some((v) => v !== undefined && v !== null && v !== '');
    const field = lat === undefined || Math.abs(lat) > 90 || (lat === 0 && lon === 0) ? 'latitude' : 'longitude';
    issues.push({ path: join(path, field), message: given ? 'expected latitude (-90 to 90) and longitude (-180 to 180): kept as a venue whose position is unknown' : 'no latitude and longitude: kept as a venue whose position is unknown (no geocoding is done)' });
  } else {
    venue.lat = lat;
    venue.lon = lon;
  }
  const name = textOf(location.name);
  if (name !== undefined) venue.venue = fit(name, 200, join(path, 'name'), issues);
  const { address, postcode } = addressOf(location);
  if (address !== undefined) venue.address = fit(address, 500, join(path, 'addresses'), issues);
  if (postcode !== undefined) venue.postcode = postcode;
  return { kind: 'location', location: venue };
}
