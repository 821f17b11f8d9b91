/**
 * The bundled dataset in a real Chromium: the built extension (.output/chrome-mv3; run `npx wxt build` first)
 * loads public/dataset into IndexedDB in its service worker, and lookups answer from an extension page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Dataset, DocumentRecord } from '../../lib/records/schema';
import type { Reference } from '../../lib/detector/types';
import type { Resolution } from '../../lib/resolver/resolve';
import { DEFAULT_EXTENSION, launchChromiumWithExtension, type ChromiumWithExtension } from '../../scripts/harness/chromium';
import { sendLookup, waitForDataset } from '../../scripts/harness/lookup';

const dir = path.join(DEFAULT_EXTENSION, 'dataset');
const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { version: string; file: string; encoding: string };
const raw = readFileSync(path.join(dir, manifest.file));
const bundled = JSON.parse((manifest.encoding === 'gzip' ? gunzipSync(raw) : raw).toString('utf8')) as Dataset;

function refFor(doc: DocumentRecord, more: Partial<Reference> = {}): Reference {
  return {
    raw: doc.code, code: doc.code, start: 0, end: doc.code.length, family: doc.family, number: doc.number,
    type: { abbr: doc.typeAbbr, name: doc.typeName }, issuer: { abbr: doc.issuerAbbr }, inferred: false, ...more,
  };
}

let chromium: ChromiumWithExtension;
let page: Page;

beforeAll(async () => {
  chromium = await launchChromiumWithExtension();
  page = await chromium.openExtensionPage('popup.html');
});
afterAll(async () => {
  await chromium?.close();
});

describe('bundled dataset in Chromium', () => {
  it('loads into IndexedDB with the bundled version and counts', async () => {
    const status = await waitForDataset(page, 30_000);
    expect(status).toMatchObject({
      ready: true,
      version: manifest.version,
      documents: bundled.documents.length,
      articles: bundled.articles.length,
      mentions: bundled.mentions.length,
    });
    expect(status.lastError).toBeUndefined();
  });

  it('answers a resolve round trip for a batch of codes from the dataset', async () => {
    // Documents with a full code and a date: their own code and date single them out.
    const docs = bundled.documents.filter((d) => !d.knownFromNews && /^\d{4}-\d{2}-\d{2}$/.test(d.date ?? '') && !d.place).slice(0, 150);
    expect(docs.length).toBeGreaterThan(10);
    const refs = [...docs.map((d) => refFor(d, { date: d.date })), refFor({ ...docs[0]!, code: '98765-CT/TW', number: '98765' })];
    // No page date: a page dated before a document could not cite it, and the resolver says so.
    const response = await sendLookup(page, { op: 'resolve', refs, page: {} });
    expect(response.ok).toBe(true);
    const out = (response as { value: Resolution[] }).value;
    expect(out).toHaveLength(refs.length);
    docs.forEach((d, i) => expect(out[i]!.candidates.map((c) => c.id), d.id).toContain(d.id));
    expect(out.at(-1)).toMatchObject({ status: 'unresolved', candidates: [] });
  });

  it('answers card data and search, and refuses a malformed message with a typed error', async () => {
    const cited = new Map<string, number>();
    for (const m of bundled.mentions) if (m.documentId) cited.set(m.documentId, (cited.get(m.documentId) ?? 0) + 1);
    const [topId] = [...cited].sort((a, b) => b[1] - a[1])[0]!;
    const top = bundled.documents.find((d) => d.id === topId)!;
    const doc = await sendLookup(page, { op: 'document', id: topId });
    expect(doc).toMatchObject({ ok: true, value: { id: topId, code: top.code } });
    const articles = await sendLookup(page, { op: 'relatedArticles', id: topId, page: 0, pageSize: 5 });
    expect(articles.ok).toBe(true);
    const value = (articles as { value: { items: Array<{ date?: string }>; total: number } }).value;
    expect(value.total).toBeGreaterThan(0);
    const dates = value.items.map((a) => a.date ?? '');
    expect([...dates].sort().reverse()).toEqual(dates);

    const search = await sendLookup(page, { op: 'search', query: `${top.typeName} ${top.number}`, limit: 10 });
    expect(search.ok).toBe(true);
    expect((search as { value: Array<{ document: DocumentRecord }> }).value.map((h) => h.document.code)).toContain(top.code);

    expect(await sendLookup(page, { op: 'resolve', refs: [{ raw: 1 }], page: {} })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await sendLookup(page, { op: 'document', id: 'no such document' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    // Still answering after the bad messages.
    expect((await sendLookup(page, { op: 'status' })).ok).toBe(true);
  });

  it('a web page cannot reach the lookup service', async () => {
    const web = await chromium.context.newPage();
    await web.goto('about:blank');
    const reachable = await web.evaluate(() => {
      const c = (globalThis as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome;
      return typeof c?.runtime?.sendMessage === 'function';
    });
    expect(reachable).toBe(false);
    await web.close();
  });
});
