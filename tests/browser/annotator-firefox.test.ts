/**
 * The annotator in real Firefox (Debian's firefox-esr driven by puppeteer-core over WebDriver BiDi): both modes
 * mark the same codes, highlight mode leaves the DOM alone, inline mode restores it exactly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import path from 'node:path';
import { bundleAnnotator } from '../../scripts/harness/annotator-bundle';
import { launchFirefox } from '../../scripts/harness/firefox';
import { serveStatic, type StaticServer } from '../../scripts/harness/static-server.mjs';

const ROOT = path.resolve(__dirname, '../..');
const PAGES = path.join(ROOT, 'tests/fixtures/pages');

let browser: Browser;
let server: StaticServer;
let bundle = '';

beforeAll(async () => {
  bundle = await bundleAnnotator('firefox115');
  server = await serveStatic({ root: PAGES });
  browser = await launchFirefox();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(file: string): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport({ width: 900, height: 700 });
  await page.goto(server.url(file));
  await page.addScriptTag({ content: bundle });
  return page;
}

const start = (page: Page, mode: string) =>
  page.evaluate(async (mode) => {
    const w = window as any;
    const nodes: Array<[Node, string | null]> = [];
    const walk = (n: Node) => {
      nodes.push([n, n.nodeType === 3 ? (n as Text).data : null]);
      n.childNodes.forEach(walk);
    };
    walk(document.documentElement);
    w.__before = nodes;
    w.__sameAs = () => {
      const after: Array<[Node, string | null]> = [];
      const walk2 = (n: Node) => {
        after.push([n, n.nodeType === 3 ? (n as Text).data : null]);
        n.childNodes.forEach(walk2);
      };
      walk2(document.documentElement);
      if (after.length !== nodes.length) return `node count ${nodes.length} → ${after.length}`;
      for (let i = 0; i < after.length; i++) {
        if (after[i]![0] !== nodes[i]![0] || after[i]![1] !== nodes[i]![1]) return `node ${i} differs`;
      }
      return 'same';
    };
    w.__ctrl = new AbortController();
    w.__ann = w.__vbl.annotate({
      root: document,
      mode,
      signal: w.__ctrl.signal,
      detect: w.__vbl.detect,
      onFound: () => {},
      onActivate: () => {},
      onDeactivate: () => {},
    });
    await w.__ann.idle();
    return { mode: w.__ann.mode, codes: [...w.__ann.references.values()].map((m: any) => m.ref.code).sort() };
  }, mode);

const ARTICLE_CODES = ['100/2019/NĐ-CP', '17-KH/TW', '17-KH/TW', '21-KL/TW', '22-QĐ/TW', '26-HD/BTCTW', '35-CT/TW'];

describe('annotator in Firefox', () => {
  it('highlight mode marks every code and leaves the DOM as it was', async () => {
    const page = await open('article.html');
    const r = await start(page, 'highlight');
    expect(r.mode).toBe('highlight');
    expect(r.codes).toEqual(ARTICLE_CODES);
    await page.waitForFunction("CSS.highlights.get('vbl-ref') && CSS.highlights.get('vbl-ref').size === 6", { timeout: 5000 });
    expect(await page.evaluate(() => (window as any).__sameAs())).toBe('same');
    await page.evaluate(() => (window as any).__ctrl.abort());
    expect(await page.evaluate(() => CSS.highlights.has('vbl-ref'))).toBe(false);
    await page.close();
  });

  it('inline mode wraps each code and destroy restores the DOM exactly', async () => {
    const page = await open('article.html');
    const r = await start(page, 'inline');
    expect(r.codes).toEqual(ARTICLE_CODES);
    expect(await page.evaluate(() => document.querySelectorAll('vbl-ref[tabindex="0"]').length)).toBe(7);
    await page.evaluate(() => (window as any).__ann.destroy());
    expect(await page.evaluate(() => (window as any).__sameAs())).toBe('same');
    await page.close();
  });
});
