/**
 * The shapes an Open Referral document comes in, and the services inside each.
 *
 * | shape | recognised by | services at |
 * |---|---|---|
 * | UK v3 API page (HSDS 3.0 `/services`) | `contents` array (`total_items`, `page_number`, …) | `contents[i]` |
 * | UK v1 API page | `content` array (`totalElements`, `number`, …) | `content[i]` |
 * | plain array of services | an array | `[i]` |
 * | `{ services: [...] }` (HSDS field-guidance examples) | `services` array | `services[i]` |
 * | one HSDS 3.0 nested service | an object with `name` | the root |
 * | one service_at_location with its `service` nested | `service` object | `service`, with the root as its one service_at_location |
 *
 * @module
 */
import { ActivityMatchError } from '../../errors.js';
import { isObject, join, numberOf } from './fields.js';
import type { JsonObject } from './fields.js';

/** Which shape a document was read as. */
export type FeedShape = 'uk-v3-page' | 'uk-v1-page' | 'array' | 'services' | 'service' | 'service-at-location';

/** One service found in a document, with where it was found. */
export interface FeedService {
  /** Position in the document's list of services (0 for a single service). */
  readonly index: number;
  /** JSON path of the service, e.g. `contents[3]` (empty for a service at the root). */
  readonly path: string;
  /** The service object, or whatever stood where a service was expected. */
  readonly value: unknown;
  /** True for a service in a paged list, where child records such as locations may be left out. */
  readonly inList?: boolean;
  /** The service's locations when they do not sit in its own `service_at_locations`. */
  readonly serviceAtLocations?: readonly { readonly value: unknown; readonly path: string }[];
}

/** Where a page sits in a paged feed, when the document says. */
export interface PageInfo {
  readonly pageNumber?: number;
  readonly totalPages?: number;
  readonly totalItems?: number;
}

/** A document unwrapped into its services. */
export interface Feed {
  readonly shape: FeedShape;
  readonly services: readonly FeedService[];
  readonly page?: PageInfo;
}

const EXPECTED = 'expected Open Referral services: a UK v3 page ({ total_items, contents: [...] }), a UK v1 page ({ totalElements, content: [...] }), an array of services or one HSDS 3.0 service';

function listAt(list: readonly unknown[], path: string, inList = false): FeedService[] {
  // Array.from, not map: map keeps the holes of a sparse list, and a hole must be a rejected record like any other non-object.
  return Array.from(list, (value, index) => ({ index, path: join(path, index), value, ...(inList ? { inList } : {}) }));
}

function pageInfo(doc: JsonObject, keys: { number: string; pages: string; items: string }): PageInfo {
  const info: { pageNumber?: number; totalPages?: number; totalItems?: number } = {};
  const n = numberOf(doc[keys.number]);
  const pages = numberOf(doc[keys.pages]);
  const items = numberOf(doc[keys.items]);
  if (n !== undefined) info.pageNumber = n;
  if (pages !== undefined) info.totalPages = pages;
  if (items !== undefined) info.totalItems = items;
  return info;
}

/**
 * Finds the services in an Open Referral document (see the table above). Never mutates it.
 *
 * @throws {ActivityMatchError} `INVALID_CATALOGUE` when the document has none of the shapes, or a page's list is not an array.
 * @example
 * ```ts
 * const feed = readFeed({ total_items: 1, page_number: 1, total_pages: 1, contents: [{ id: 's1', name: 'Walk' }] });
 * feed.shape;             // 'uk-v3-page'
 * feed.services[0]?.path; // 'contents[0]'
 * ```
 */
export function readFeed(doc: unknown): Feed {
  if (Array.isArray(doc)) return { shape: 'array', services: listAt(doc, '') };
  if (!isObject(doc)) throw new ActivityMatchError('INVALID_CATALOGUE', [{ path: '(root)', message: EXPECTED }]);
  if ('contents' in doc) {
    if (!Array.isArray(doc.contents)) throw new ActivityMatchError('INVALID_CATALOGUE', [{ path: 'contents', message: 'expected an array of services' }]);
    // UK v3 numbers pages from 1 (HSDS 3.0 API reference).
    return { shape: 'uk-v3-page', services: listAt(doc.contents, 'contents', true), page: pageInfo(doc, { number: 'page_number', pages: 'total_pages', items: 'total_items' }) };
  }
  if ('content' in doc && ('totalElements' in doc || Array.isArray(doc.content))) {
    if (!Array.isArray(doc.content)) throw new ActivityMatchError('INVALID_CATALOGUE', [{ path: 'content', message: 'expected an array of services' }]);
    // UK v1 (Spring Data) numbers pages from 0; reported from 1 like v3.
    const info = pageInfo(doc, { number: 'number', pages: 'totalPages', items: 'totalElements' });
    return { shape: 'uk-v1-page', services: listAt(doc.content, 'content', true), page: info.pageNumber === undefined ? info : { ...info, pageNumber: info.pageNumber + 1 } };
  }
  if (Array.isArray(doc.services)) return { shape: 'services', services: listAt(doc.services, 'services') };
  if (isObject(doc.service)) {
    const { service: _service, ...sal } = doc;
    return { shape: 'service-at-location', services: [{ index: 0, path: 'service', value: doc.service, serviceAtLocations: [{ value: sal, path: '' }] }] };
  }
  if ('location_type' in doc && !('name' in doc && 'status' in doc)) {
    throw new ActivityMatchError('INVALID_CATALOGUE', [{ path: 'location_type', message: `${EXPECTED} (this looks like a location)` }]);
  }
  if ('name' in doc || 'id' in doc) return { shape: 'service', services: [{ index: 0, path: '', value: doc }] };
  throw new ActivityMatchError('INVALID_CATALOGUE', [{ path: '(root)', message: EXPECTED }]);
}
