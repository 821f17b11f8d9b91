/**
 * Saving in real Firefox (firefox-esr over WebDriver BiDi, the Firefox build as a temporary add-on): save from a
 * card, the button pressed, the reference written to storage.sync (read back with the extension's own decoder),
 * listed by the library page, its note edited, deleted and put back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { FirefoxWithExtension } from '../../scripts/harness/firefox';
import { openFirefoxSite, type FirefoxSite } from '../../scripts/harness/firefox-site';
import { evaluateInCardFirefox } from '../../scripts/harness/card-root.mjs';
import { page as html } from '../helpers/pages';
import { readItems } from '../../lib/sync/sync-items';

const routes: Record<string, string> = {
  '/plain.html': html('Tin về quy hoạch cán bộ', '<p>Theo Kế hoạch số 17-KH/TW ngày 7-7-2023 của Bộ Chính trị, các cấp ủy rà soát quy hoạch.</p>'),
  '/blank.html': html('Trống', '<p>Trang trống.</p>'),
};

let site: FirefoxSite;
let ff: FirefoxWithExtension;
const url = (p: string) => site.url(p);

async function poll<T>(probe: () => Promise<T>, ok: (value: T) => boolean, timeout = 8000): Promise<T> {
  const until = Date.now() + timeout;
  let value = await probe();
  while (!ok(value) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    value = await probe();
  }
  return value;
}

const saveButton = (page: Page) =>
  evaluateInCardFirefox(page, (root) => {
    const b = root?.querySelector('button.save');
    return b ? { pressed: b.getAttribute('aria-pressed'), name: b.textContent } : null;
  });

beforeAll(async () => {
  site = await openFirefoxSite({ routes, extensionPages: ['popup.html', 'library.html'] });
  ff = site.firefox;
});

afterAll(() => site?.close());

describe('saving in Firefox', () => {
  it('saves from the card into storage.sync; the library lists it, edits its note, deletes and undoes', async () => {
    const page = await ff.browser.newPage();
    await page.goto(url('/plain.html'));
    const p = await poll(
      () =>
        page.evaluate(() => {
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          let node: Node | null;
          while ((node = walker.nextNode())) {
            const at = (node.textContent ?? '').indexOf('17-KH/TW');
            if (at < 0) continue;
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + 8);
            const b = range.getBoundingClientRect();
            const set = (CSS as any).highlights?.get('vbl-ref') as Set<AbstractRange> | undefined;
            return set?.size ? { x: b.x + b.width / 2, y: b.y + b.height / 2, w: b.width } : null;
          }
          return null;
        }),
      (v) => v !== null,
      10_000,
    );
    expect(p).not.toBeNull();
    await page.mouse.move(Math.max(0, p!.x - p!.w - 20), p!.y);
    await page.mouse.move(p!.x, p!.y, { steps: 3 });
    const before = await poll(() => saveButton(page), (b) => b !== null, 20_000);
    expect(before).toMatchObject({ pressed: 'false' });
    expect(before!.name).toMatch(/Lưu|Save/);
    await evaluateInCardFirefox(page, (root) => (root?.querySelector('button.save') as HTMLButtonElement | null)?.click());
    expect(await poll(() => saveButton(page), (b) => b?.pressed === 'true')).toMatchObject({ pressed: 'true' });

    // storage.sync holds it (after the store's write delay): read with the extension's own decoder.
    const ext = await ff.extensionPage('library.html', url('/blank.html'));
    const synced = await poll(
      async () => readItems(await ext.evaluate(() => (globalThis as any).browser.storage.sync.get(null))).entries,
      (entries) => entries.length > 0,
      15_000,
    );
    expect(synced).toHaveLength(1);
    expect(synced[0]!.ref).toMatchObject({ code: '17-KH/TW', url: url('/plain.html'), pageTitle: 'Tin về quy hoạch cán bộ' });
    expect(synced[0]!.ref!.docId).toMatch(/^17-KH\/TW/);

    const listed = await poll(() => ext.evaluate(() => [...document.querySelectorAll('li.item h2')].map((h) => h.textContent ?? '')), (l) => l.length > 0, 10_000);
    expect(listed.join(' ')).toContain('17-KH/TW');

    // Edit the note, delete, undo: the library's core flow in Firefox.
    await ext.click('li.item .row-actions button:not(.danger)');
    await ext.waitForSelector('li.item textarea');
    await ext.type('li.item textarea', 'Ghi chú từ Firefox');
    await ext.click('li.item form.edit button[type="submit"]');
    const note = await poll(() => ext.evaluate(() => document.querySelector('li.item .user-note')?.textContent ?? ''), (n) => n !== '', 8000);
    expect(note).toBe('Ghi chú từ Firefox');
    await ext.click('li.item button.danger');
    expect(await poll(() => ext.evaluate(() => document.querySelectorAll('li.item').length), (n) => n === 0)).toBe(0);
    await ext.click('.undo button');
    expect(await poll(() => ext.evaluate(() => document.querySelector('li.item .user-note')?.textContent ?? ''), (n) => n !== '')).toBe('Ghi chú từ Firefox');
    await page.close();
    await ext.close();
  });
});
