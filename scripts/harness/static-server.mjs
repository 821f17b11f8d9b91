/**
 * The one static HTTP server of the tests, the benchmarks and the demo: 127.0.0.1, a random port; serves files
 * from a folder and/or fixed routes, as UTF-8. No other host is ever contacted.
 *
 *   const server = await serveStatic({ root: 'tests/fixtures/pages', routes: { '/': '<!doctype html>…' } });
 *   await page.goto(server.url('/article.html'));    // http://127.0.0.1:PORT/article.html
 *   await server.close();
 *
 * With Chromium's host map (chromium.ts `hostMap: ['*.vn']`), `server.url('/', 'baotest.vn')` gives
 * http://baotest.vn:PORT/, still served from here. Anything else gets a plain-text 404.
 *
 * Plain JavaScript (types in static-server.d.mts) so that scripts/start.mjs, which `npm start` runs with plain
 * node (no TypeScript loader), uses this same server.
 */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** @type {Record<string, string>} */
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** @param {{ root?: string; routes?: Record<string, string | Buffer> }} [options] */
export async function serveStatic(options = {}) {
  const root = options.root ? path.resolve(options.root) : undefined;
  const server = createServer(async (req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      res.writeHead(404, { 'content-type': TYPES['.txt'] }).end('not found'); // a malformed %-escape
      return;
    }
    const route = options.routes?.[pathname];
    if (route !== undefined) {
      res.writeHead(200, { 'content-type': TYPES[path.extname(pathname)] ?? TYPES['.html'] });
      res.end(route);
      return;
    }
    const file = root ? path.join(root, pathname.endsWith('/') ? `${pathname}index.html` : pathname) : undefined;
    if (!file || !root || !file.startsWith(root + path.sep)) {
      res.writeHead(404, { 'content-type': TYPES['.txt'] }).end('not found');
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': TYPES['.txt'] }).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    /** @param {string} [pathname] @param {string} [host] */
    url: (pathname = '/', host = '127.0.0.1') => `http://${host}:${port}${pathname.startsWith('/') ? pathname : `/${pathname}`}`,
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}
