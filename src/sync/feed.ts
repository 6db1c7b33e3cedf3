/**
 * The shape of a live Open Referral feed, as the crawler sees it: addresses, pages, service
 * ids, which listed services are only summaries, and when a service last changed. Pure
 * functions over parsed JSON; no network.
 *
 * @module
 */

/** The two paged API shapes: UK v3 (HSDS 3.0) and UK v1 (Spring Data pages). */
export type FeedFormat = 'uk-v3' | 'uk-v1';

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The feed's API root as a canonical URL: http or https, no fragment, no trailing slash,
 * and a trailing `/services` taken off (the crawler adds it back). Query parameters such as
 * an API key are kept and sent with every request. `undefined` when `base` is not such a URL.
 *
 * @example
 * ```ts
 * normaliseBase('https://example.org/api/v3/');          // 'https://example.org/api/v3'
 * normaliseBase('https://example.org/api/v3/services');  // 'https://example.org/api/v3'
 * normaliseBase('ftp://example.org');                    // undefined
 * ```
 */
export function normaliseBase(base: string): string | undefined {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.username !== '' || url.password !== '') return undefined;
  const path = url.pathname.replace(/\/+$/, '').replace(/\/services$/, '');
  return `${url.origin}${path}${url.search}`;
}

function withPath(base: string, path: string): URL {
  const url = new URL(base);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}${path}`;
  return url;
}

/**
 * The address of one list page. The page number is sent both as `page` (UK v3, and UK v1
 * feeds that follow the Open Referral UK API) and as `number` (Spring-style UK v1 feeds), and
 * the page size as `per_page` and `size`, so one request works whichever a feed reads; feeds
 * ignore the parameters they do not know.
 *
 * @example
 * ```ts
 * listUrl('https://example.org/api', 2, 50); // 'https://example.org/api/services?page=2&per_page=50&number=2&size=50'
 * ```
 */
export function listUrl(base: string, page: number, perPage: number): string {
  const url = withPath(base, '/services');
  url.searchParams.set('page', String(page));
  url.searchParams.set('per_page', String(perPage));
  url.searchParams.set('number', String(page));
  url.searchParams.set('size', String(perPage));
  return url.href;
}

/**
 * The address of one service's full record, `<base>/services/{id}` (the id URL-encoded).
 *
 * @example
 * ```ts
 * detailUrl('https://example.org/api', 'svc 1/a'); // 'https://example.org/api/services/svc%201%2Fa'
 * ```
 */
export function detailUrl(base: string, id: string): string {
  return withPath(base, `/services/${encodeURIComponent(id)}`).href;
}

/** A list page as read: its services and what it says about the paging. */
export interface ListPage {
  readonly kind: 'page';
  readonly format: FeedFormat;
  /** The services listed (anything that stands in the list, objects or not). */
  readonly items: readonly unknown[];
  /** The page number the feed reports: `page_number` (UK v3, from 1) or `number` (UK v1, from 0). */
  readonly reported?: number;
  /** `last_page` (v3) or `last` (v1), when given as a boolean. */
  readonly last?: boolean;
  /** `empty` (v3), when given as a boolean. */
  readonly empty?: boolean;
  /** `total_pages` / `totalPages`: reported, never trusted. */
  readonly totalPages?: number;
  /** `total_items` / `totalElements`: reported, never trusted. */
  readonly totalItems?: number;
}

/** A response that is not a list page, and why. */
export interface NotAPage {
  readonly kind: 'bad';
  readonly reason: string;
}

const count = (value: unknown): number | undefined => (typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined);
const flag = (value: unknown): boolean | undefined => (typeof value === 'boolean' ? value : undefined);

function page(format: FeedFormat, items: readonly unknown[], fields: { reported: unknown; last: unknown; empty?: unknown; pages: unknown; total: unknown }): ListPage {
  const out: { -readonly [K in keyof ListPage]: ListPage[K] } = { kind: 'page', format, items };
  const reported = count(fields.reported);
  const last = flag(fields.last);
  const empty = flag(fields.empty);
  const totalPages = count(fields.pages);
  const totalItems = count(fields.total);
  if (reported !== undefined) out.reported = reported;
  if (last !== undefined) out.last = last;
  if (empty !== undefined) out.empty = empty;
  if (totalPages !== undefined) out.totalPages = totalPages;
  if (totalItems !== undefined) out.totalItems = totalItems;
  return out;
}

/**
 * Reads a parsed `/services` response as a list page: UK v3 (`{ total_items, total_pages,
 * page_number, size, first_page, last_page, empty, contents }`) or UK v1 (`{ totalElements,
 * totalPages, number, size, first, last, content }`). Anything else is `{ kind: 'bad' }` with
 * the reason, in words for the sync report.
 *
 * @example
 * ```ts
 * readListPage({ page_number: 1, last_page: true, contents: [{ id: 's1' }] }); // { kind: 'page', format: 'uk-v3', items: [{ id: 's1' }], reported: 1, last: true }
 * readListPage('<html>');                                                      // { kind: 'bad', reason: 'expected a page object …' }
 * ```
 */
export function readListPage(body: unknown): ListPage | NotAPage {
  if (!isObject(body)) {
    return { kind: 'bad', reason: `expected a page object ({ contents: [...] } for UK v3, { content: [...] } for UK v1), got ${Array.isArray(body) ? 'an array' : body === null ? 'null' : `a ${typeof body}`}` };
  }
  if ('contents' in body) {
    if (!Array.isArray(body.contents)) return { kind: 'bad', reason: 'expected contents to be an array of services' };
    return page('uk-v3', body.contents, { reported: body.page_number, last: body.last_page, empty: body.empty, pages: body.total_pages, total: body.total_items });
  }
  if ('content' in body) {
    if (!Array.isArray(body.content)) return { kind: 'bad', reason: 'expected content to be an array of services' };
    return page('uk-v1', body.content, { reported: body.number, last: body.last, pages: body.totalPages, total: body.totalElements });
  }
  return { kind: 'bad', reason: 'expected a UK v3 page ({ total_items, contents: [...] }) or a UK v1 page ({ totalElements, content: [...] })' };
}

/**
 * A listed service's id as text: a non-empty string (trimmed) or a whole number; otherwise
 * `undefined` (the service is still imported, and the importer reports what is wrong with it).
 *
 * @example
 * ```ts
 * serviceId({ id: ' shf-1 ' }); // 'shf-1'
 * serviceId({ id: 42 });        // '42'
 * serviceId('a string');        // undefined
 * ```
 */
export function serviceId(record: unknown): string | undefined {
  if (!isObject(record)) return undefined;
  const { id } = record;
  if (typeof id === 'string' && id.trim() !== '' && id.length <= 500) return id.trim();
  if (typeof id === 'number' && Number.isSafeInteger(id)) return String(id);
  return undefined;
}

/** Fewer filled fields than this (besides `id`) make a listed service a summary. */
export const SUMMARY_FIELD_LIMIT = 5;

const filled = (value: unknown): boolean => value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);

/**
 * Whether a listed service is only a summary, so its full record is fetched from
 * `<base>/services/{id}`. The rule: it is an object with an id, and either it has no
 * `service_at_locations` field at all (HSDS 3.0 list endpoints leave out child records such as
 * locations and schedules), or fewer than {@link SUMMARY_FIELD_LIMIT} of its other fields hold
 * a value (not null, empty text or an empty list). A service without locations that really
 * has none costs one extra request; it is never imported from less than the feed offers.
 *
 * @example
 * ```ts
 * isSummary({ id: 's1', name: 'Walk', description: '…', status: 'active', organization: {}, url: '…' }); // true: no service_at_locations
 * isSummary({ id: 's1', name: 'Walk', service_at_locations: [] });                                       // true: two filled fields
 * isSummary({ id: 's1', name: 'Walk', description: '…', status: 'active', organization: {}, service_at_locations: [{}] }); // false
 * ```
 */
export function isSummary(record: unknown): boolean {
  if (!isObject(record) || serviceId(record) === undefined) return false;
  if (!('service_at_locations' in record)) return true;
  let fields = 0;
  for (const [key, value] of Object.entries(record)) if (key !== 'id' && filled(value)) fields += 1;
  return fields < SUMMARY_FIELD_LIMIT;
}

/** A modification date, as the feed wrote it and in milliseconds since the epoch. */
export interface Modified {
  readonly iso: string;
  readonly ms: number;
}

function dateOf(value: unknown): Modified | undefined {
  if (typeof value !== 'string' || value.length > 40 || !/^\d{4}-\d{2}-\d{2}/.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : { iso: value, ms };
}

/**
 * The latest modification date a service gives, from any of: `last_modified` (UK v3),
 * `date_modified`, `pc_metadata.date_modified` (a vendor's metadata) and every
 * `metadata[].last_action_date` (HSDS 3.0 change records). Dates must start `YYYY-MM-DD`;
 * `undefined` when none is usable.
 *
 * @example
 * ```ts
 * modifiedOf({ last_modified: '2025-11-03T09:12:00Z', metadata: [{ last_action_date: '2026-01-02' }] }); // { iso: '2026-01-02', ms: 1767312000000 }
 * modifiedOf({ name: 'No dates' });                                                                     // undefined
 * ```
 */
export function modifiedOf(record: unknown): Modified | undefined {
  if (!isObject(record)) return undefined;
  const candidates: unknown[] = [record.last_modified, record.date_modified];
  if (isObject(record.pc_metadata)) candidates.push(record.pc_metadata.date_modified);
  if (Array.isArray(record.metadata)) for (const entry of record.metadata.slice(0, 1000)) if (isObject(entry)) candidates.push(entry.last_action_date);
  let latest: Modified | undefined;
  for (const candidate of candidates) {
    const date = dateOf(candidate);
    if (date !== undefined && (latest === undefined || date.ms > latest.ms)) latest = date;
  }
  return latest;
}

/**
 * Why a detail response cannot stand for the service asked for, or `undefined` when it can:
 * it must be an object naming the service (`id` or `name`), and an `id`, when given, must be
 * the one asked for.
 *
 * @example
 * ```ts
 * detailProblem({ id: 's1', name: 'Walk' }, 's1'); // undefined
 * detailProblem({ id: 's2', name: 'Other' }, 's1'); // 'expected the service asked for, got a record with another id'
 * ```
 */
export function detailProblem(body: unknown, id: string): string | undefined {
  if (!isObject(body)) return `expected a service object, got ${Array.isArray(body) ? 'an array' : body === null ? 'null' : `a ${typeof body}`}`;
  if (!('id' in body) && !('name' in body)) return 'expected a service object (with an id and a name)';
  if ('id' in body && serviceId(body) !== id) return 'expected the service asked for, got a record with another id';
  return undefined;
}
