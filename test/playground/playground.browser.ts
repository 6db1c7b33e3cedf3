// The playground (examples/playground/) in headless Chromium: every bundled persona's shortlist
// renders, with its reasons, the same as the library gives, with the map of venues, home and
// travel limit; an edited profile is checked and explained; nothing is written to the browser's
// console as an error. Saves a screenshot (examples/playground/dist/ is not tracked).
// Run with `npm run test:playground`, which installs Chromium when it is missing and builds the page.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo, Server } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from './chromium.js';
import type { Browser, Page } from './chromium.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const site = join(root, 'examples/playground/dist');
const AT = '2026-11-23T09:00:00Z';
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

interface Persona {
  id: string;
  profile: { home?: { lat: number; lon: number }; housebound?: boolean; travel?: { maxKm: number } };
}
interface Library {
  createMatcher: (catalogue: unknown) => { recommend: (client: unknown, options: { at: string; limit: number }) => { id: string; activity: { location: { kind: string } } }[]; activities: { location: { kind: string; lat?: number } }[] };
}
interface Sample {
  catalogue: unknown[];
  personas: Persona[];
}

let server: Server | undefined;
let browser: Browser | undefined;
let page: Page;
let base = '';
let lib: Library;
let sample: Sample;

function chromium(): string {
  const found = process.env.CHROMIUM ?? spawnSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).stdout.trim();
  if (!found) throw new Error('no chromium: run npm run test:playground, which installs it');
  return found;
}

beforeAll(async () => {
  if (!existsSync(join(site, 'app.js'))) throw new Error('the playground is not built: run npm run test:playground');
  lib = (await import(join(root, 'dist/index.js'))) as Library;
  sample = (await import(join(root, 'dist/sample.js'))) as Sample;
  server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname)).replace(/^[/\\]+/, '') || 'index.html';
    const file = join(site, path);
    if (!file.startsWith(site) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server?.address() as AddressInfo).port}`;
  browser = await launch(chromium());
  page = browser.page;
  await page.send('Emulation.setDeviceMetricsOverride', { width: 1500, height: 1100, deviceScaleFactor: 1, mobile: false });
  await page.send('Page.navigate', { url: `${base}/index.html` });
  await page.waitFor("document.querySelector('#status')?.dataset.ready === 'true'");
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
});

async function choose(id: string): Promise<void> {
  await page.evaluate(`(() => { const s = document.querySelector('#persona'); s.value = ${JSON.stringify(id)}; s.dispatchEvent(new Event('change')); })()`);
  await page.waitFor(`document.querySelector('#status').dataset.persona === ${JSON.stringify(id)} && document.querySelector('#status').dataset.ready === 'true'`);
}

async function edit(text: string): Promise<void> {
  await page.evaluate(`(() => { const t = document.querySelector('#profile'); t.value = ${JSON.stringify(text)}; t.dispatchEvent(new Event('input')); document.querySelector('#status').dataset.ready = 'pending'; })()`);
  await page.waitFor("document.querySelector('#status').dataset.ready !== 'pending'");
}

describe('the playground in headless Chromium', { timeout: 120_000 }, () => {
  it('offers every bundled persona, and an edited profile', async () => {
    const options = await page.evaluate<string[]>("[...document.querySelectorAll('#persona option')].map((o) => o.value)");
    expect(options).toEqual([...sample.personas.map((p) => p.id), '(edited)']);
  });

  it('renders each persona’s shortlist with its reasons, as the library gives it, and maps it', async () => {
    const matcher = lib.createMatcher(sample.catalogue);
    const mapped = matcher.activities.filter((a) => a.location.kind === 'venue' && a.location.lat !== undefined).length;
    for (const persona of sample.personas) {
      await choose(persona.id);
      const shown = await page.evaluate<{ ids: string[]; reasons: boolean[]; venues: number; numbered: string[]; circle: number | null; home: boolean }>(`({
        ids: [...document.querySelectorAll('#shortlist li.item')].map((li) => li.dataset.id),
        reasons: [...document.querySelectorAll('#shortlist li.item')].map((li) => /^(Why|Going): ./m.test(li.innerText)),
        venues: document.querySelectorAll('#map g.venue').length,
        numbered: [...document.querySelectorAll('#map g.shortlisted text')].map((t) => t.textContent),
        circle: document.querySelector('#map circle.travel-limit') ? Number(document.querySelector('#map circle.travel-limit').getAttribute('r')) : null,
        home: document.querySelector('#map g.home') !== null,
      })`);
      const expected = matcher.recommend(persona.profile, { at: AT, limit: 5 });
      expect({ persona: persona.id, ids: shown.ids }).toEqual({ persona: persona.id, ids: expected.map((r) => r.id) });
      expect(shown.ids.length).toBeGreaterThan(0);
      expect(shown.reasons.every(Boolean)).toBe(true);
      expect(shown.venues).toBe(mapped);
      expect(shown.numbered.length).toBe(expected.filter((r) => r.activity.location.kind === 'venue').length);
      expect(shown.home).toBe(persona.profile.home !== undefined);
      if (persona.profile.home !== undefined && persona.profile.housebound !== true) expect(shown.circle).toBeGreaterThan(5);
      else expect(shown.circle).toBeNull();
    }
  });

  it('checks an edited profile and says what is wrong, in the library’s words', async () => {
    await edit('{ "age": 60, "activation": ');
    expect(await page.evaluate<string>("document.querySelector('#problems').innerText")).toContain('not valid JSON');
    await edit(JSON.stringify({ age: 60, activation: 9 }));
    expect(await page.evaluate<string>("document.querySelector('#problems').innerText")).toContain('client.activation: expected an activation level 1, 2, 3 or 4');
    await edit(JSON.stringify({ age: 60, activation: 3, interests: ['gardening'], home: { lat: 53.38, lon: -1.47 }, travel: { maxKm: 2 } }));
    expect(await page.evaluate<string>("document.querySelector('#status').dataset.ready")).toBe('true');
    expect(await page.evaluate<string>("document.querySelector('#map-note').innerText")).toContain('travel limit, 2 km');
    expect(await page.evaluate<number>("document.querySelectorAll('#shortlist li.item').length")).toBeGreaterThan(0);
  });

  it('writes no error to the browser console, and saves a screenshot', async () => {
    await choose(sample.personas[0]?.id ?? '');
    const { data } = (await page.send('Page.captureScreenshot', { format: 'png' })) as { data: string };
    const png = Buffer.from(data, 'base64');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    writeFileSync(process.env.PLAYGROUND_SCREENSHOT ?? join(site, 'screenshot.png'), png);
    expect(page.errors).toEqual([]);
  });
});
