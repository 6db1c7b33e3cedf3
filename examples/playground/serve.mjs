// Builds the playground and serves it on http://127.0.0.1:5173 (ES modules do not load from file://).
//   npm run playground
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

await import('./build.mjs');
const site = join(fileURLToPath(new URL('.', import.meta.url)), 'dist');
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json', '.png': 'image/png' };
const port = Number(process.env.PORT ?? 5173);
createServer((request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname)).replace(/^[/\\]+/, '') || 'index.html';
  const file = join(site, path);
  if (!file.startsWith(site) || !existsSync(file)) return void response.writeHead(404).end();
  response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
}).listen(port, '127.0.0.1', () => process.stdout.write(`playground: http://127.0.0.1:${port}/\n`));
