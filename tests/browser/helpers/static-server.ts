/**
 * A static HTTP server on 127.0.0.1 (random port) for real-browser tests: serves files from a folder and/or
 * fixed routes, as UTF-8. No other host is ever contacted.
 *
 *   const server = await serveStatic({ root: 'tests/browser/pages', routes: { '/': '<!doctype html>…' } });
 *   await page.goto(server.url('/article.html'));    // http://127.0.0.1:PORT/article.html
 *   await server.close();
 *
 * With Chromium's host map (chromium.ts `hostMap: ['*.vn']`), `server.url('/', 'baotest.vn')` gives
 * http://baotest.vn:PORT/, still served from here.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface StaticServer {
  port: number;
  url(pathname?: string, host?: string): string;
  close(): Promise<void>;
}

export async function serveStatic(options: { root?: string; routes?: Record<string, string> } = {}): Promise<StaticServer> {
  const root = options.root ? path.resolve(options.root) : undefined;
  const server: Server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const route = options.routes?.[pathname];
    if (route !== undefined) {
      res.writeHead(200, { 'content-type': TYPES[path.extname(pathname)] ?? TYPES['.html']! });
      res.end(route);
      return;
    }
    const file = root ? path.join(root, pathname.endsWith('/') ? `${pathname}index.html` : pathname) : undefined;
    if (!file || !root || !file.startsWith(root + path.sep)) {
      res.writeHead(404, { 'content-type': TYPES['.txt']! }).end('not found');
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': TYPES['.txt']! }).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    url: (pathname = '/', host = '127.0.0.1') => `http://${host}:${port}${pathname.startsWith('/') ? pathname : `/${pathname}`}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
