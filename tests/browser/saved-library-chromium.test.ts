/**
 * The library page in real Chromium with the built extension, what the first flows left out: a malformed import
 * file is refused naming the item and field and leaves the library (the page, storage.local and storage.sync)
 * exactly as it was; and the library used by keyboard alone (filter, edit a note, delete, undo).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { snapshotBuild } from '../../scripts/harness/build-copy';
import { launchChromiumWithExtension, type ChromiumWithExtension } from '../../scripts/harness/chromium';
import { realisticLibrary } from '../../scripts/harness/saved-library';
import { exportAs } from '../../lib/sync/export';
import { exportItem } from '../../lib/sync/export/export-item';
import { referenceKey } from '../../lib/sync/identity';
import vi from '../../public/_locales/vi/messages.json';
import en from '../../public/_locales/en/messages.json';

const TMP = path.resolve('.tmp/saved-library-chromium');
let chrome: ChromiumWithExtension;
let extensionDir: string;

beforeAll(async () => {
  mkdirSync(TMP, { recursive: true });
  extensionDir = await snapshotBuild('.output/chrome-mv3', 'vbl-saved-library-');
  chrome = await launchChromiumWithExtension({ extensionPath: extensionDir, args: ['--lang=vi'] });
});
afterAll(async () => {
  await chrome?.close();
  if (extensionDir) await rm(extensionDir, { recursive: true, force: true });
  await rm(TMP, { recursive: true, force: true });
});

/** Everything the saved references keep: storage.local's saved:* keys and all of storage.sync (not the time of the last sync read). */
const snapshot = (sw: Worker) =>
  sw.evaluate(async () => {
    const storage = (globalThis as any).chrome.storage;
    const local = Object.fromEntries(Object.entries(await storage.local.get(null)).filter(([k]) => k.startsWith('saved:')));
    // When storage.sync was last read is not the library's content.
    if (local['saved:status']) delete (local['saved:status'] as Record<string, unknown>).lastSyncedAt;
    return JSON.stringify({ local, sync: await storage.sync.get(null) });
  });
const settled = (sw: Worker) =>
  sw.evaluate(async () => {
    const status = (await (globalThis as any).chrome.storage.local.get('saved:status'))['saved:status'];
    return !!status && Object.keys(status.notSynced).length === 0 ? status.saved : -1;
  });
const rows = (page: Page) => page.locator('li.item').allTextContents();
/** Presses Tab until the focused element answers true (bounded). */
async function tabTo(page: Page, test: string, max = 60) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((t) => new Function('el', `return ${t}`)(document.activeElement), test)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`never focused: ${test}`);
}
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

function writeCsl(name: string, items: unknown[]): string {
  const file = path.join(TMP, name);
  writeFileSync(file, JSON.stringify(items));
  return file;
}

describe('the library in Chromium', () => {
  it('a malformed file is refused naming the item and field, and the library is left exactly as it was', async () => {
    const inputs = realisticLibrary(3, 5);
    const good = JSON.parse(exportAs('csl', inputs.map((x) => exportItem({ ...x, key: referenceKey(x), note: x.note ?? '', tags: x.tags ?? [] })), Date.now())) as Array<Record<string, unknown>>;
    const library = await chrome.openExtensionPage('library.html');
    await library.locator('.library').waitFor();
    await library.locator('input[type="file"]').first().setInputFiles(writeCsl('good.csl.json', good));
    await expect.poll(() => library.locator('.notice').textContent(), { timeout: 15_000 }).toMatch(/Đã nhập|Imported/);
    const sw = await chrome.serviceWorker();
    await expect.poll(() => settled(sw), { timeout: 20_000, interval: 300 }).toBe(3);
    const before = await snapshot(sw);
    // The page shows the settled state too (it follows storage changes a moment later): no row still waiting to sync.
    await expect.poll(async () => (await rows(library)).filter((r) => /waiting to sync|đang chờ đồng bộ/.test(r)).length, { timeout: 10_000 }).toBe(0);
    const shown = await rows(library);
    expect(shown).toHaveLength(3);

    // Two new items that would be saved, then a third whose date is not a CSL date: nothing of the file is taken.
    const fresh = realisticLibrary(6, 9).slice(3).map((x) => exportItem({ ...x, key: referenceKey(x), note: 'mới', tags: [] }));
    const bad = JSON.parse(exportAs('csl', fresh, Date.now())) as Array<Record<string, unknown>>;
    bad[2] = { ...bad[2], issued: '7-7-2023' };
    await library.locator('input[type="file"]').first().setInputFiles(writeCsl('bad.csl.json', bad));
    await expect.poll(() => library.locator('.notice').textContent(), { timeout: 10_000 }).toMatch(/item 3, field "issued"/);
    // Past the store's write delay (2 s): still nothing written anywhere.
    await library.waitForTimeout(3000);
    expect(await snapshot(sw)).toBe(before);
    expect(await rows(library)).toEqual(shown);
    // A file that is not JSON at all: the same.
    const notJson = path.join(TMP, 'not.json');
    writeFileSync(notJson, '[{"title": "Chỉ thị 35-CT/TW",');
    await library.locator('input[type="file"]').first().setInputFiles(notJson);
    await expect.poll(() => library.locator('.notice').textContent(), { timeout: 10_000 }).toMatch(/not JSON/);
    await library.waitForTimeout(3000);
    expect(await snapshot(sw)).toBe(before);
    expect(await rows(library)).toEqual(shown);
    await library.close();
  });

  it('is used by keyboard alone: filter, edit a note, delete and undo', async () => {
    const library = await chrome.openExtensionPage('library.html');
    await library.locator('li.item').first().waitFor({ timeout: 15_000 });
    const total = await library.locator('li.item').count();
    expect(total).toBeGreaterThan(0);

    // The text filter: typed into, every row goes; cleared, they come back.
    await tabTo(library, `el && el.matches('input[type="search"]')`);
    await library.keyboard.type('không-có-văn-bản-nào');
    await expect.poll(() => library.locator('li.item').count()).toBe(0);
    await expect.poll(() => library.locator('.none').count()).toBe(1);
    await library.keyboard.press('Control+A');
    await library.keyboard.press('Backspace');
    await expect.poll(() => library.locator('li.item').count()).toBe(total);

    // Edit the first row's note: its Edit button by Tab, Enter, the note typed, saved with Enter on Save.
    await tabTo(library, `el && el.tagName === 'BUTTON' && /Sửa ghi chú|Edit note/.test(el.textContent) && el.closest('li.item') === document.querySelector('li.item')`);
    await library.keyboard.press('Enter');
    // The form opens with focus in the note.
    await expect.poll(() => library.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await library.keyboard.press('Control+A');
    await library.keyboard.type('Ghi bằng bàn phím: đọc kỹ điều 3');
    await tabTo(library, `el && el.type === 'submit'`, 10);
    await library.keyboard.press('Enter');
    await expect.poll(() => library.locator('li.item').first().locator('.user-note').textContent(), { timeout: 5000 }).toBe('Ghi bằng bàn phím: đọc kỹ điều 3');
    // Focus back on the button that opened the form.
    await expect.poll(() => focusedText(library)).toMatch(/Sửa ghi chú|Edit note/);

    // Delete that row by keyboard; focus goes to Undo; Enter brings the row back with its note.
    await tabTo(library, `el && el.tagName === 'BUTTON' && el.classList.contains('danger') && !!el.closest('li.item')`, 5);
    await library.keyboard.press('Enter');
    await expect.poll(() => library.locator('li.item').count(), { timeout: 5000 }).toBe(total - 1);
    await expect.poll(() => focusedText(library)).toMatch(/Hoàn tác|Undo/);
    await library.keyboard.press('Enter');
    await expect.poll(() => library.locator('li.item').count(), { timeout: 5000 }).toBe(total);
    await expect.poll(() => library.locator('li.item .user-note').allTextContents()).toContain('Ghi bằng bàn phím: đọc kỹ điều 3');
    await library.close();
  });

  it('past the quota each reference that is not synced says so and why, and nothing is lost', async () => {
    const sw = await chrome.serviceWorker();
    const library = await chrome.openExtensionPage('library.html');
    await library.locator('li.item').first().waitFor({ timeout: 15_000 });
    const total = await library.locator('li.item').count();
    // The rest of storage.sync nearly full (what else the extension keeps there counts against the same quota).
    const filler = Object.fromEntries(Array.from({ length: 13 }, (_, i) => [`filler:${i}`, 'x'.repeat(i < 12 ? 7900 : 6000)]));
    await sw.evaluate((items) => (globalThis as any).chrome.storage.sync.set(items), filler);
    try {
      const more = realisticLibrary(12, 13).slice(8).map((x) => exportItem({ ...x, key: referenceKey(x), note: 'Ghi chú dài hơn một chút cho thư viện', tags: ['quá hạn mức'] }));
      await library.locator('input[type="file"]').first().setInputFiles(writeCsl('more.csl.json', JSON.parse(exportAs('csl', more, Date.now()))));
      await expect.poll(() => library.locator('li.item').count(), { timeout: 15_000 }).toBe(total + 4);
      // The rows that did not fit say so ("not synced: storage full"), and the summary at the top counts them.
      await expect.poll(() => library.locator('li.item .not-synced[data-why="quota"]').count(), { timeout: 20_000, interval: 300 }).toBeGreaterThan(0);
      const flagged = await library.locator('li.item .not-synced[data-why="quota"]').count();
      const why = (await library.locator('li.item .not-synced[data-why="quota"]').first().textContent()) ?? '';
      expect([vi.library_rowNotSynced_quota.message, en.library_rowNotSynced_quota.message].some((m) => why.includes(m))).toBe(true);
      expect(await library.locator('header.top').textContent()).toContain(String(flagged));
      // Nothing lost: every reference is in storage.local.
      const kept = await sw.evaluate(async () => ((await (globalThis as any).chrome.storage.local.get('saved:keys'))['saved:keys'] as string[]).length);
      expect(kept).toBe(total + 4);
      const used = await sw.evaluate(() => (globalThis as any).chrome.storage.sync.getBytesInUse(null));
      expect(used).toBeLessThanOrEqual(102_400);
    } finally {
      await sw.evaluate((keys) => (globalThis as any).chrome.storage.sync.remove(keys), Object.keys(filler));
      await library.close();
    }
  });
});
