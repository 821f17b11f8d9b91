// The one static server of the tests, the benchmarks and `npm start` (scripts/harness/static-server.mjs).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../../../scripts/harness/static-server.mjs';

let server: StaticServer;
const root = mkdtempSync(join(tmpdir(), 'vbl-static-'));
writeFileSync(join(root, 'page.html'), '<p>Kế hoạch 17-KH/TW</p>');
writeFileSync(join(root, 'index.html'), 'index');

beforeAll(async () => {
  server = await serveStatic({ root, routes: { '/': 'demo', '/spa/a': Buffer.from('spa') } });
});
afterAll(() => server.close());

const get = async (p: string) => {
  const r = await fetch(`http://127.0.0.1:${server.port}${p}`);
  return { status: r.status, type: r.headers.get('content-type'), body: await r.text() };
};

describe('static server', () => {
  it('listens on 127.0.0.1 and builds URLs for mapped host names', () => {
    expect(server.url('/x.html')).toBe(`http://127.0.0.1:${server.port}/x.html`);
    expect(server.url('x.html', 'baotest.vn')).toBe(`http://baotest.vn:${server.port}/x.html`);
  });

  it('serves routes first (as HTML when the path has no extension), query strings included', async () => {
    expect(await get('/')).toEqual({ status: 200, type: 'text/html; charset=utf-8', body: 'demo' });
    expect(await get('/?lang=vi')).toMatchObject({ status: 200, body: 'demo' });
    expect(await get('/spa/a')).toMatchObject({ status: 200, body: 'spa' });
  });

  it('serves files from the root as UTF-8', async () => {
    expect(await get('/page.html')).toEqual({ status: 200, type: 'text/html; charset=utf-8', body: '<p>Kế hoạch 17-KH/TW</p>' });
    expect(await get('/%70age.html')).toMatchObject({ status: 200 });
  });

  it('answers 404 outside the root, for missing files and for malformed paths', async () => {
    for (const p of ['/missing.html', '/../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/%E0%A4%A']) {
      expect(await get(p), p).toEqual({ status: 404, type: 'text/plain; charset=utf-8', body: 'not found' });
    }
  });
});
