/**
 * The playground's SVG map: the catalogue's venues, the shortlisted ones numbered by rank, the
 * client's home and their travel limit as a circle. A local equirectangular projection (good to
 * well under 1% over a city), fitted to the venues and the travel circle.
 */

/** A point in degrees. */
export interface Point {
  readonly lat: number;
  readonly lon: number;
}

/** A venue on the map: its position, name, and rank when it is shortlisted. */
export interface Venue extends Point {
  readonly id: string;
  readonly name: string;
  readonly rank?: number;
}

/** What the map shows. */
export interface MapInput {
  readonly venues: readonly Venue[];
  readonly home?: Point;
  /** The travel limit in km, drawn around the home; none for a housebound client. */
  readonly travelKm?: number;
}

const KM_PER_DEGREE = 111.195;
export const WIDTH = 640;
export const HEIGHT = 440;
const PAD = 24;

/** x/y in the SVG for a point, and km to pixels, fitted to everything the map shows. */
export function fitProjection(input: MapInput): { project: (p: Point) => { x: number; y: number }; pxPerKm: number } {
  const points: Point[] = [...input.venues];
  if (input.home) points.push(input.home);
  const lat0 = points.length > 0 ? points.reduce((s, p) => s + p.lat, 0) / points.length : 53.38;
  const lon0 = points.length > 0 ? points.reduce((s, p) => s + p.lon, 0) / points.length : -1.47;
  const kmX = (p: Point) => (p.lon - lon0) * KM_PER_DEGREE * Math.cos((lat0 * Math.PI) / 180);
  const kmY = (p: Point) => (p.lat - lat0) * KM_PER_DEGREE;
  let [minX, maxX, minY, maxY] = [-1, 1, -1, 1];
  for (const p of points) {
    minX = Math.min(minX, kmX(p));
    maxX = Math.max(maxX, kmX(p));
    minY = Math.min(minY, kmY(p));
    maxY = Math.max(maxY, kmY(p));
  }
  if (input.home && input.travelKm !== undefined) {
    const [hx, hy] = [kmX(input.home), kmY(input.home)];
    minX = Math.min(minX, hx - input.travelKm);
    maxX = Math.max(maxX, hx + input.travelKm);
    minY = Math.min(minY, hy - input.travelKm);
    maxY = Math.max(maxY, hy + input.travelKm);
  }
  const pxPerKm = Math.min((WIDTH - 2 * PAD) / (maxX - minX), (HEIGHT - 2 * PAD) / (maxY - minY));
  const offsetX = (WIDTH - (maxX - minX) * pxPerKm) / 2;
  const offsetY = (HEIGHT - (maxY - minY) * pxPerKm) / 2;
  return { project: (p) => ({ x: offsetX + (kmX(p) - minX) * pxPerKm, y: HEIGHT - offsetY - (kmY(p) - minY) * pxPerKm }), pxPerKm };
}

const SVG = 'http://www.w3.org/2000/svg';

function element(doc: Document, name: string, attributes: Record<string, string | number>, text?: string): SVGElement {
  const el = doc.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) el.setAttribute(key, String(value));
  if (text !== undefined) el.textContent = text;
  return el;
}

/** Draws the map into `svg` (its previous content, but the title, is replaced). */
export function drawMap(svg: SVGSVGElement, input: MapInput): void {
  const doc = svg.ownerDocument;
  for (const child of [...svg.children]) if (child.tagName !== 'title') child.remove();
  const { project, pxPerKm } = fitProjection(input);
  if (input.home && input.travelKm !== undefined) {
    const h = project(input.home);
    svg.append(element(doc, 'circle', { class: 'travel-limit', cx: h.x, cy: h.y, r: Math.max(1, input.travelKm * pxPerKm), fill: '#0f766e', 'fill-opacity': 0.08, stroke: '#0f766e', 'stroke-dasharray': '6 4', 'stroke-width': 1.5 }));
  }
  const ordered = [...input.venues].sort((a, b) => (b.rank === undefined ? 1 : 0) - (a.rank === undefined ? 1 : 0) || (b.rank ?? 0) - (a.rank ?? 0));
  for (const venue of ordered) {
    const { x, y } = project(venue);
    const group = element(doc, 'g', { class: venue.rank === undefined ? 'venue' : 'venue shortlisted', 'data-id': venue.id });
    group.append(element(doc, 'title', {}, venue.rank === undefined ? venue.name : `${venue.rank}. ${venue.name}`));
    if (venue.rank === undefined) group.append(element(doc, 'circle', { cx: x, cy: y, r: 3.5, fill: '#8a9a93' }));
    else {
      group.append(element(doc, 'circle', { cx: x, cy: y, r: 10, fill: '#0f766e', stroke: '#fff', 'stroke-width': 2 }));
      group.append(element(doc, 'text', { x, y: y + 4, 'text-anchor': 'middle', 'font-size': 11, 'font-weight': 700, fill: '#fff' }, String(venue.rank)));
    }
    svg.append(group);
  }
  if (input.home) {
    const h = project(input.home);
    const home = element(doc, 'g', { class: 'home' });
    home.append(element(doc, 'title', {}, 'Home'));
    home.append(element(doc, 'rect', { x: h.x - 7, y: h.y - 7, width: 14, height: 14, fill: '#b91c1c', stroke: '#fff', 'stroke-width': 2, transform: `rotate(45 ${h.x} ${h.y})` }));
    svg.append(home);
  }
  const barKm = [0.5, 1, 2, 5, 10, 20, 50].find((km) => km * pxPerKm >= 60) ?? 50;
  const bar = element(doc, 'g', { class: 'scale' });
  bar.append(element(doc, 'line', { x1: 16, y1: HEIGHT - 16, x2: 16 + barKm * pxPerKm, y2: HEIGHT - 16, stroke: '#1d2a33', 'stroke-width': 2 }));
  bar.append(element(doc, 'text', { x: 16, y: HEIGHT - 22, 'font-size': 11, fill: '#1d2a33' }, `${barKm} km`));
  svg.append(bar);
}
