/**
 * Saved references in real Chromium with the built extension (.output/chrome-mv3): save from a card, the other
 * tab's open card follows at once, the library lists it, edit its note, delete and undo, export a file and read
 * it back, save and unsave from the record page's slot; import 1,000 references from a CSL-JSON file, storage.sync's real quota holds them
 * (chrome.storage.sync.getBytesInUse), and a second fresh profile given only the storage.sync items (what sync
 * would deliver) lists the same 1,000.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { Cite } from '@citation-js/core';
import { AxeBuilder } from '@axe-core/playwright';
import '@citation-js/plugin-ris';
import { snapshotBuild } from '../../scripts/harness/build-copy';
import { launchChromiumWithExtension, type ChromiumWithExtension } from '../../scripts/harness/chromium';
import { serveStatic, type StaticServer } from '../../scripts/harness/static-server.mjs';
import { realisticLibrary } from '../../scripts/harness/saved-library';
import { page as html } from '../helpers/pages';
import { hover, inCard, clickInCard, waitForCard, waitForMarks } from '../helpers/card';
import { exportAs } from '../../lib/sync/export';
import { exportItem } from '../../lib/sync/export/export-item';
import { referenceKey } from '../../lib/sync/identity';

const HOST = 'baotest.vn';
const TMP = path.resolve('.tmp/saved-chromium');
const routes = {
  '/tin.html': html('Tin thử nghiệm về cán bộ', '<p>Theo Kế hoạch số 17-KH/TW ngày 7-7-2023 của Bộ Chính trị, các cấp ủy rà soát quy hoạch.</p>'),
};

let server: StaticServer;
let chrome: ChromiumWithExtension;
let extensionDir: string;

const savePressed = (page: Page) => inCard(page, (root) => root?.querySelector('button.save')?.getAttribute('aria-pressed') ?? null);
async function waitPressed(page: Page, value: 'true' | 'false', timeout = 5000) {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    if ((await savePressed(page)) === value) return;
    await page.waitForTimeout(50);
  }
  throw new Error(`save button never aria-pressed=${value} (is ${await savePressed(page)})`);
}
async function openCard(page: Page) {
  await waitForMarks(page, 1);
  await hover(page, '17-KH/TW');
  await waitForCard(page, (c) => c.open && (c.text ?? '').includes('Bộ Chính trị'), 15_000);
}
/** The saved store's status as the background wrote it to storage.local. */
const localStatus = (sw: Worker) => sw.evaluate(async () => (await (globalThis as any).chrome.storage.local.get('saved:status'))['saved:status']);

beforeAll(async () => {
  mkdirSync(TMP, { recursive: true });
  server = await serveStatic({ routes });
  extensionDir = await snapshotBuild('.output/chrome-mv3');
  chrome = await launchChromiumWithExtension({ extensionPath: extensionDir, hostMap: ['*.vn'], args: ['--lang=vi'] });
});
afterAll(async () => {
  await chrome?.close();
  await server?.close();
  if (extensionDir) await rm(extensionDir, { recursive: true, force: true });
  await rm(TMP, { recursive: true, force: true });
});

describe('saving in Chromium', () => {
  it('saves from the card; another tab follows live; the library lists, edits, deletes and undoes, and exports', async () => {
    const url = server.url('/tin.html', HOST);
    const one = await chrome.context.newPage();
    await one.goto(url);
    const two = await chrome.context.newPage();
    await two.goto(url);
    await openCard(two);
    await waitPressed(two, 'false');
    await openCard(one);
    await clickInCard(one, 'button.save');
    await waitPressed(one, 'true');
    // The other tab's open card shows it saved, without reopening.
    await waitPressed(two, 'true');

    const library = await chrome.openExtensionPage('library.html');
    const item = library.locator('li.item').filter({ hasText: '17-KH/TW' });
    await item.waitFor({ timeout: 10_000 });
    expect(await item.locator('a[href^="http"]').getAttribute('href')).toBe(url);
    await expect.poll(() => library.locator('.counts').textContent()).toContain('1');

    // No accessibility violations axe can find, in light and dark.
    for (const colorScheme of ['light', 'dark'] as const) {
      await library.emulateMedia({ colorScheme });
      const axe = await new AxeBuilder({ page: library as never }).analyze();
      expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    }

    // Edit the note.
    await item.getByRole('button', { name: /Sửa ghi chú|Edit note/ }).click();
    await library.locator('textarea').fill('Đọc lại mục quy hoạch cán bộ');
    await library.getByRole('button', { name: /Lưu thay đổi|Save changes/ }).click();
    await expect.poll(() => item.locator('.user-note').textContent(), { timeout: 5000 }).toBe('Đọc lại mục quy hoạch cán bộ');

    // Delete, then undo.
    await item.getByRole('button', { name: /Xoá|Delete/ }).click();
    await expect.poll(() => library.locator('li.item').count(), { timeout: 5000 }).toBe(0);
    await waitPressed(one, 'false');
    await library.getByRole('button', { name: /Hoàn tác|Undo/ }).click();
    await expect.poll(() => library.locator('li.item .user-note').textContent(), { timeout: 5000 }).toBe('Đọc lại mục quy hoạch cán bộ');
    await waitPressed(one, 'true');

    // Export as RIS: a file the independent parser reads, Vietnamese intact.
    const download = library.waitForEvent('download');
    await library.locator('.export select').selectOption('ris');
    const file = path.join(TMP, 'export.ris');
    await (await download).saveAs(file);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('TY  - GOVDOC');
    const parsed = (await Cite.async(text, { forceType: '@ris/file' })).data as Array<Record<string, unknown>>;
    expect(parsed).toHaveLength(1);
    expect(parsed[0]).toMatchObject({ number: '17-KH/TW', note: 'Đọc lại mục quy hoạch cán bộ', URL: url });

    // Search results mark the saved document.
    const search = await chrome.openExtensionPage('search.html?q=17-KH%2FTW');
    const hit = search.locator('li.result').filter({ hasText: '17-KH/TW' }).first();
    await hit.waitFor({ timeout: 15_000 });
    await expect.poll(() => hit.locator('[data-saved]').count(), { timeout: 5000 }).toBe(1);
    await search.close();

    // The record page's save slot: the document itself, saved without a page; the library then lists two.
    const sw = await chrome.serviceWorker();
    const docId = await sw.evaluate(async () => {
      const all = await (globalThis as any).chrome.storage.local.get(null);
      return (Object.entries(all).find(([k]) => k.startsWith('saved:e:'))?.[1] as any)?.ref?.docId as string;
    });
    expect(docId).toMatch(/^17-KH\/TW/);
    const record = await chrome.openExtensionPage(`record.html?id=${encodeURIComponent(docId)}`);
    const slot = record.locator('.save-slot button.save');
    await slot.waitFor({ timeout: 15_000 });
    expect(await slot.getAttribute('aria-pressed')).toBe('false');
    await slot.click();
    await expect.poll(() => slot.getAttribute('aria-pressed'), { timeout: 5000 }).toBe('true');
    await expect.poll(() => library.locator('li.item').count(), { timeout: 5000 }).toBe(2);
    await record.locator('.save-slot button.save').click();
    await expect.poll(() => library.locator('li.item').count(), { timeout: 5000 }).toBe(1);
    for (const p of [one, two, library, record]) await p.close();
  });

  it('imports 1,000 references within storage.sync quota, and a fresh profile given the sync items has all 1,000', async () => {
    const items = realisticLibrary(1000).map((input) => exportItem({ ...input, key: referenceKey(input), note: input.note ?? '', tags: input.tags ?? [] }));
    const file = path.join(TMP, 'thu-vien-1000.csl.json');
    writeFileSync(file, exportAs('csl', items, Date.now()));
    const library = await chrome.openExtensionPage('library.html');
    await library.locator('.library').waitFor();
    await library.locator('input[type="file"]').first().setInputFiles(file);
    await expect.poll(() => library.locator('.notice').textContent(), { timeout: 20_000 }).toMatch(/Đã nhập|Imported/);
    const sw = await chrome.serviceWorker();
    // Written to storage.sync (after the store's write delay), every reference synced.
    await expect
      .poll(async () => {
        const status = await localStatus(sw);
        return status && status.saved >= 1000 && Object.keys(status.notSynced).length === 0;
      }, { timeout: 30_000, interval: 500 })
      .toBe(true);
    const saved = (await localStatus(sw)).saved as number;
    const used = await sw.evaluate(() => (globalThis as any).chrome.storage.sync.getBytesInUse(null));
    console.log(`storage.sync bytes in use with ${saved} saved references: ${used} of 102400`);
    expect(used).toBeLessThanOrEqual(102_400);
    const syncItems = await sw.evaluate(() => (globalThis as any).chrome.storage.sync.get(null));

    // A second, fresh profile: what sync would deliver is only the storage.sync items.
    const second = await launchChromiumWithExtension({ extensionPath: extensionDir, args: ['--lang=vi'] });
    try {
      const sw2 = await second.serviceWorker();
      await sw2.evaluate((all) => (globalThis as any).chrome.storage.sync.set(all), syncItems);
      const lib2 = await second.openExtensionPage('library.html');
      await expect.poll(() => lib2.locator('.counts').textContent(), { timeout: 30_000, interval: 500 }).toContain(String(saved));
      expect((await localStatus(sw2)).saved).toBe(saved);
      await expect.poll(() => lib2.locator('li.item').count(), { timeout: 10_000 }).toBe(saved);
    } finally {
      await second.close();
    }
    await library.close();
  });
});
