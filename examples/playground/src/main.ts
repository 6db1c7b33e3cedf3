/**
 * The playground: a persona or an edited profile in, the shortlist with its reasons and a map out.
 * Built on the browser bundle of the package (examples/playground/build.mjs).
 */
import { createMatcher, DEFAULT_RULES } from 'activity-match';
import type { ClientProfileInput, Recommendation } from 'activity-match';
import { catalogue, personas } from 'activity-match/sample';
import { drawMap } from './map.js';
import type { Venue } from './map.js';

const matcher = createMatcher(catalogue);
const $ = <T extends Element>(selector: string) => document.querySelector(selector) as T;
const personaSelect = $<HTMLSelectElement>('#persona');
const profileInput = $<HTMLTextAreaElement>('#profile');
const atInput = $<HTMLInputElement>('#at');
const limitInput = $<HTMLInputElement>('#limit');
const problems = $<HTMLUListElement>('#problems');
const status = $<HTMLParagraphElement>('#status');
const shortlist = $<HTMLOListElement>('#shortlist');
const shorter = $<HTMLParagraphElement>('#shorter');
const summary = $<HTMLParagraphElement>('#summary');
const map = $<SVGSVGElement>('#map');
const mapNote = $<HTMLParagraphElement>('#map-note');

const EDITED = '(edited)';
const HEADINGS = { 'practical-first': 'Practical help first', 'for-them': 'Chosen for them', 'open-to-all': 'Also open to them' } as const;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function line(label: string, parts: readonly string[], className = ''): HTMLParagraphElement {
  const p = el('p', className);
  p.append(el('span', 'label', `${label}: `), document.createTextNode(parts.join(' · ')));
  return p;
}

function renderShortlist(items: readonly Recommendation[]): void {
  shortlist.replaceChildren();
  const mixed = new Set(items.map((i) => i.fit)).size > 1;
  let fit: Recommendation['fit'] | undefined;
  for (const item of items) {
    if (mixed && item.fit !== fit) shortlist.append(el('li', 'heading', HEADINGS[item.fit]));
    fit = item.fit;
    const li = el('li', 'item');
    li.dataset.id = item.id;
    const title = el('div', 'title');
    title.append(el('span', 'rank', String(item.rank)), el('span', 'name', item.activity.name));
    if (item.activity.provider) title.append(el('span', 'provider', item.activity.provider));
    title.append(el('span', 'score', item.score.toFixed(2)));
    li.append(title);
    if (item.whyThem.length > 0) li.append(line('Why', item.whyThem));
    if (item.canTheyGo.length > 0) li.append(line('Going', item.canTheyGo));
    if (item.cautions.length > 0) li.append(line('Check', item.cautions, 'check'));
    if (item.placement !== undefined) li.append(line('Note', [item.placement]));
    shortlist.append(li);
  }
}

function renderMap(profile: ClientProfileInput, items: readonly Recommendation[]): void {
  const ranks = new Map(items.map((i) => [i.id, i.rank]));
  const venues: Venue[] = [];
  for (const activity of matcher.activities) {
    const location = activity.location;
    if (location.kind !== 'venue' || location.lat === undefined || location.lon === undefined) continue;
    const rank = ranks.get(activity.id);
    venues.push({ id: activity.id, name: activity.name, lat: location.lat, lon: location.lon, ...(rank === undefined ? {} : { rank }) });
  }
  const housebound = profile.housebound === true;
  const travelKm = housebound ? undefined : (profile.travel?.maxKm ?? DEFAULT_RULES.distance.defaultMaxKm);
  drawMap(map, { venues, ...(profile.home ? { home: profile.home } : {}), ...(travelKm === undefined ? {} : { travelKm }) });
  const remote = items.filter((i) => i.activity.location.kind !== 'venue').length;
  const notes = [
    profile.home ? (housebound ? 'Housebound: no venue is within reach; home visits, phone and online services are.' : `The dashed circle is their travel limit, ${travelKm} km${profile.travel?.maxKm === undefined ? ' (the default)' : ''}.`) : 'No home location: distances are unknown.',
    remote > 0 ? `${remote} of the shortlist need${remote === 1 ? 's' : ''} no travel (home visits, phone or online).` : '',
  ];
  mapNote.textContent = notes.filter((n) => n !== '').join(' ');
}

/** The `at` input as an ISO date-time in UTC (the fixed default when it is cleared). */
function at(): string {
  const value = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(atInput.value) ? atInput.value : '2026-11-23T09:00';
  return `${value.length === 16 ? `${value}:00` : value}Z`;
}

function show(label: string): void {
  problems.replaceChildren();
  let profile: ClientProfileInput;
  try {
    profile = JSON.parse(profileInput.value) as ClientProfileInput;
  } catch {
    problems.append(el('li', '', 'The profile is not valid JSON: check the quotes, commas and brackets.'));
    status.textContent = 'No shortlist: fix the profile.';
    status.dataset.ready = 'error';
    return;
  }
  const limit = Math.min(20, Math.max(1, Number(limitInput.value) || 5));
  const result = matcher.safeRecommend(profile, { at: at(), limit });
  if (!result.ok) {
    for (const issue of result.error.issues) problems.append(el('li', '', `${issue.path}: ${issue.message}`));
    status.textContent = 'No shortlist: the profile has problems (below the profile).';
    status.dataset.ready = 'error';
    return;
  }
  renderShortlist(result.value);
  renderMap(profile, result.value);
  status.textContent = `${result.value.length} ${result.value.length === 1 ? 'activity' : 'activities'} for ${label}, at ${at()}, from ${matcher.activities.length}`;
  shorter.textContent = result.value.length < limit ? `Only ${result.value.length} fit them well (relevance at least ${DEFAULT_RULES.relevance.minimum}); the list is never padded with weak fits.` : '';
  status.dataset.ready = 'true';
  status.dataset.persona = label;
}

function choose(id: string): void {
  const persona = personas.find((p) => p.id === id);
  if (persona === undefined) return;
  summary.textContent = persona.summary;
  profileInput.value = JSON.stringify(persona.profile, null, 2);
  show(persona.id);
}

for (const persona of personas) personaSelect.append(new Option(persona.id, persona.id));
personaSelect.append(new Option('Your own profile (edited)', EDITED));
personaSelect.addEventListener('change', () => {
  if (personaSelect.value === EDITED) show('the edited profile');
  else choose(personaSelect.value);
});
let timer: ReturnType<typeof setTimeout> | undefined;
profileInput.addEventListener('input', () => {
  personaSelect.value = EDITED;
  summary.textContent = 'Your own profile: it stays in this page.';
  clearTimeout(timer);
  timer = setTimeout(() => show('the edited profile'), 250);
});
atInput.addEventListener('change', () => show(personaSelect.value === EDITED ? 'the edited profile' : personaSelect.value));
limitInput.addEventListener('change', () => show(personaSelect.value === EDITED ? 'the edited profile' : personaSelect.value));
choose(personas[0]?.id ?? '');
