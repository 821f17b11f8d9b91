/**
 * The researcher's tools in real Chromium with the built extension (.output/chrome-mv3) and its bundled dataset:
 * the search page (accent-free words and code variants, filters in the address, Back/Forward, arrow keys and
 * Enter), with axe-core checks in light and dark.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { snapshotBuild } from '../../scripts/harness/build-copy';
import { launchChromiumWithExtension, type ChromiumWithExtension } from '../../scripts/harness/chromium';
import { sendLookup, waitForDataset } from '../../scripts/harness/lookup';
import { serveStatic, type StaticServer } from '../../scripts/harness/static-server.mjs';
import { page as html } from '../helpers/pages';
import { card, clearStorage, highlighted, hover, inCard, inlineMarked, waitForCard } from '../helpers/card';
import { translatorFrom, type Translate } from '../../lib/i18n/t';
import viMessages from '../../public/_locales/vi/messages.json';
import enMessages from '../../public/_locales/en/messages.json';

const HOST = 'baotest.vn';
/** .tmp/screenshots on a test run; `npm run screenshots` sets VBL_SCREENSHOTS=docs/screenshots for the README. */
const SCREENSHOTS = path.resolve(process.env.VBL_SCREENSHOTS ?? '.tmp/screenshots');
const spacer = '<div style="height:2400px"></div>';
const routes: Record<string, string> = {
  '/article.html': html(
    'Tin',
    `<h1>Các đảng bộ chuẩn bị đại hội</h1>${spacer}
     <p id="first">Thực hiện Chỉ thị số 35-CT/TW của Bộ Chính trị, các đảng bộ chuẩn bị đại hội.</p>
     <p>Theo Kế hoạch số 17-KH/TW ngày 7-7-2023 của Bộ Chính trị, các cấp ủy rà soát quy hoạch.</p>${spacer}
     <p>Chỉ thị số 35-CT/TW nêu rõ yêu cầu về nhân sự.</p>`,
    '<meta property="article:published_time" content="2020-03-01T08:00:00+07:00">',
  ),
  '/both.html': html(
    'Tin',
    `<p>Thực hiện Kế hoạch số 17-KH/TW ngày 7-7-2023 của Bộ Chính trị và Nghị định 100/2019/NĐ-CP của Chính phủ.</p>`,
    '<meta property="article:published_time" content="2024-03-01T08:00:00+07:00">',
  ),
};
let server: StaticServer;
let ext: string;
let chromium: ChromiumWithExtension;
/** The extension's strings in the language the browser gave it (Vietnamese where Chromium has that locale). */
let t: Translate;
/** A label's text as a pattern matching it at the start. */
const label = (key: string) => new RegExp(`^${t(key).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

beforeAll(async () => {
  server = await serveStatic({ routes });
  ext = await snapshotBuild('.output/chrome-mv3', 'vbl-researcher-');
  process.env.LANGUAGE = 'vi'; // Chromium's UI language on Linux, which browser.i18n follows
  chromium = await launchChromiumWithExtension({ extensionPath: ext, hostMap: ['*.vn'], args: ['--lang=vi'] });
  const page = await chromium.openExtensionPage('search.html');
  await waitForDataset(page);
  t = translatorFrom((await page.evaluate(() => (globalThis as any).chrome.i18n.getMessage('lang'))) === 'en' ? enMessages : viMessages);
  await page.close();
});
afterAll(async () => {
  await chromium?.close();
  await server?.close();
  if (ext) await rm(ext, { recursive: true, force: true });
});

/** Codes of the results shown, in order. */
const shownCodes = (page: Page) => page.locator('.results .code').allTextContents();
const shownLinks = (page: Page) => page.locator('.results a.result-link').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')));

async function typeQuery(page: Page, text: string) {
  const box = page.getByRole('searchbox');
  await box.fill('');
  await box.pressSequentially(text, { delay: 5 });
}

async function waitForCount(page: Page) {
  await page.waitForFunction(() => /\d/.test(document.querySelector('.status')?.textContent ?? '') || document.querySelector('.empty'));
}

/** axe-core on the page as it is, then in the other colour scheme: no serious or critical violations in either. */
export async function expectAccessible(page: Page) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const { violations } = await new AxeBuilder({ page }).analyze();
    const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${scheme}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(bad).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: null });
}

describe('search page', () => {
  it('finds a code however it is written, and by accent-free words of its title', async () => {
    const page = await chromium.openExtensionPage('search.html');
    try {
      for (const variant of ['35-CT/TW', '35/CT-TW', '35 CT TW', '35-ct/tư']) {
        await typeQuery(page, variant);
        await page.waitForFunction(() => document.querySelectorAll('.results .code').length > 0);
        await expect.poll(async () => (await shownCodes(page)).slice(0, 3), { timeout: 5000 }).toEqual(['35-CT/TW', '35-CT/TW', '35-CT/TW']);
      }
      // The three documents share a code: the list of all of them is offered.
      await expect(page.getByRole('link', { name: /35-CT\/TW/ }).first()).toBeTruthy();
      expect(await page.locator('.code-all a').getAttribute('href')).toBe('record.html?code=35-CT%2FTW');

      await typeQuery(page, 'tiep cong dan khieu nai to cao');
      await expect.poll(async () => (await shownLinks(page))[0], { timeout: 5000 }).toBe(`record.html?id=${encodeURIComponent('35-CT/TW@2014-05-26')}`);
      // The address carries the query as typed.
      expect(new URL(page.url()).searchParams.get('q')).toBe('tiep cong dan khieu nai to cao');
    } finally {
      await page.close();
    }
  });

  it('reflects filters in the address, restores them from it, and Back/Forward return to earlier searches', async () => {
    const page = await chromium.openExtensionPage('search.html?q=chi+thi+35');
    try {
      await page.waitForFunction(() => document.querySelectorAll('.results .code').length >= 3);
      const before = await shownLinks(page);
      expect(before.slice(0, 3).sort()).toEqual(['35-CT/TW@2014-05-26', '35-CT/TW@2019-05-30', '35-CT/TW@2024-06-14'].map((id) => `record.html?id=${encodeURIComponent(id)}`).sort());

      await page.getByLabel(label('search_term')).selectOption('XII');
      await page.waitForURL(/term=XII/);
      await expect.poll(() => shownCodes(page)).toEqual(['35-CT/TW']);
      await page.getByLabel(t('search_cited')).check();
      await page.waitForURL(/cited=1/);
      await page.getByLabel(t('search_yearFrom')).fill('2019');
      await page.getByLabel(t('search_yearFrom')).press('Tab');
      await page.waitForURL(/from=2019/);
      const filtered = new URL(page.url());
      expect(Object.fromEntries(filtered.searchParams)).toEqual({ q: 'chi thi 35', term: 'XII', from: '2019', cited: '1' });
      await expect.poll(() => shownLinks(page)).toEqual([`record.html?id=${encodeURIComponent('35-CT/TW@2019-05-30')}`]);

      // A shared address opens the same search.
      const shared = await chromium.openExtensionPage(`search.html${filtered.search}`);
      await shared.waitForFunction(() => document.querySelectorAll('.results .code').length > 0);
      expect(await shownLinks(shared)).toEqual([`record.html?id=${encodeURIComponent('35-CT/TW@2019-05-30')}`]);
      expect(await shared.getByLabel(label('search_term')).inputValue()).toBe('XII');
      expect(await shared.getByLabel(t('search_cited')).isChecked()).toBe(true);
      await shared.close();

      // Back: the filters come off one by one; Forward puts them back.
      await page.goBack();
      await page.waitForURL((u) => !u.searchParams.has('from'));
      expect(await page.getByLabel(t('search_yearFrom')).inputValue()).toBe('');
      await page.goBack();
      await page.goBack();
      await page.waitForURL((u) => !u.searchParams.has('term'));
      await expect.poll(async () => (await shownCodes(page)).length).toBeGreaterThanOrEqual(3);
      expect(await page.getByLabel(label('search_term')).inputValue()).toBe('');
      await page.goForward();
      await page.waitForURL(/term=XII/);
      await expect.poll(() => shownCodes(page)).toEqual(['35-CT/TW']);
    } finally {
      await page.close();
    }
  });

  it('moves through the results with the arrow keys and opens one with Enter', async () => {
    const page = await chromium.openExtensionPage('search.html');
    try {
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('q');
      await page.keyboard.type('chi thi 35');
      await page.waitForFunction(() => document.querySelectorAll('.results a.result-link').length >= 3);
      const links = await shownLinks(page);
      await page.keyboard.press('ArrowDown');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(links[0]);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(links[2]);
      await page.keyboard.press('ArrowUp');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(links[1]);
      await page.keyboard.press('Home');
      await page.keyboard.press('ArrowUp');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await Promise.all([page.waitForURL(/record\.html\?id=/), page.keyboard.press('Enter')]);
      expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(`/${links[1]}`);
    } finally {
      await page.close();
    }
  });

  it('says what to try when empty and when nothing is found', async () => {
    const page = await chromium.openExtensionPage('search.html');
    try {
      await expect(page.locator('.empty').textContent()).resolves.toContain(t('search_emptyTry'));
      expect(await page.locator('.examples a').count()).toBeGreaterThan(1);
      await expectAccessible(page);
      await typeQuery(page, 'xyzzy qwerty');
      await page.waitForFunction((text) => (document.querySelector(".status")?.textContent ?? "").includes(text), t("search_none", "xyzzy qwerty"));
      const advice = await page.locator('.empty').textContent();
      expect(advice).toContain(t('search_noneFewerWords'));
      expect(advice).toContain('35-CT/TW');
      await expectAccessible(page);
    } finally {
      await page.close();
    }
  });

  it('passes axe-core with results and filters shown, in light and dark', async () => {
    const page = await chromium.openExtensionPage('search.html?q=chi+thi+35&family=party');
    try {
      await page.waitForFunction(() => document.querySelectorAll('.results .code').length > 0);
      await waitForCount(page);
      await expectAccessible(page);
    } finally {
      await page.close();
    }
  });
});

describe('popup', () => {
  it('lists the page\'s references grouped by document with counts; choosing one scrolls to the first and opens its card', async () => {
    const article = await chromium.context.newPage();
    await article.goto(server.url('/article.html', HOST));
    const popup = await chromium.openExtensionPage('popup.html');
    try {
      // The popup reads the active tab: make the article active, then let the popup read again.
      await popup.evaluate(async (url) => {
        const api = (globalThis as any).chrome;
        const [tab] = await api.tabs.query({ url });
        await api.tabs.update(tab.id, { active: true });
      }, server.url('/article.html', HOST));
      // The page is read and resolved meanwhile: the popup, opened again, lists what the page has found so far.
      await expect.poll(async () => {
        await popup.reload();
        await popup.waitForSelector('#refs-h', { timeout: 3000 }).catch(() => {});
        return popup.locator('.ref-group .ref-title').evaluateAll((ts) => ts.length > 0 && ts.every((t) => !t.textContent?.includes('…')));
      }, { timeout: 15_000 }).toBe(true);
      await expect.poll(async () => popup.locator('.ref-group').evaluateAll((bs) => bs.map((b) => [b.querySelector('.ref-code')?.textContent, b.querySelector('.ref-count')?.textContent]))).toEqual([
        ['35-CT/TW', '×2'],
        ['17-KH/TW', '×1'],
      ]);
      expect(await popup.locator('#refs-h').textContent()).toContain('2');
      expect(await article.evaluate(() => scrollY)).toBe(0);
      await expectAccessible(popup);
      // The popup closes once the page has gone to the reference (its work is done there).
      const closed = popup.waitForEvent('close');
      await popup.locator('.ref-group').first().click({ noWaitAfter: true }).catch(() => {});
      await closed;
      const shown = await waitForCard(article);
      expect(shown.heading ?? shown.text).toContain('35-CT/TW');
      // Scrolled to the first of the two, which is now on screen.
      const top = await article.evaluate(() => document.getElementById('first')!.getBoundingClientRect().top);
      expect(await article.evaluate(() => scrollY)).toBeGreaterThan(1000);
      expect(top).toBeGreaterThanOrEqual(0);
      expect(top).toBeLessThan(await article.evaluate(() => innerHeight));
      expect((await card(article)).open).toBe(true);
    } finally {
      await popup.close().catch(() => {});
      await article.close();
    }
  });

  it('its search box opens the search page with the query', async () => {
    const popup = await chromium.openExtensionPage('popup.html');
    try {
      const opened = chromium.context.waitForEvent('page');
      await popup.getByRole('searchbox').fill('35 CT TW');
      const closed = popup.waitForEvent('close');
      await popup.getByRole('searchbox').press('Enter', { noWaitAfter: true }).catch(() => {});
      const search = await opened;
      await closed;
      await search.waitForURL(/search\.html/);
      expect(new URL(search.url()).searchParams.get('q')).toBe('35 CT TW');
      await search.waitForFunction(() => document.querySelectorAll('.results .code').length > 0);
      expect((await shownCodes(search))[0]).toBe('35-CT/TW');
      await search.close();
    } finally {
      await popup.close().catch(() => {});
    }
  });
});

describe('context menu', () => {
  it('is registered on selected text, and its lookup answers from the loaded dataset', async () => {
    const sw = await chromium.serviceWorker();
    // update() succeeds only for an item that exists: the menu was registered by the background.
    const updated = await sw.evaluate(() => new Promise<string>((resolve) => (globalThis as any).chrome.contextMenus.update('vanban-lens-lookup', {}, () => resolve((globalThis as any).chrome.runtime.lastError?.message ?? 'ok'))));
    expect(updated).toBe('ok');
    const manifest = await sw.evaluate(() => (globalThis as any).chrome.runtime.getManifest());
    expect(manifest.permissions).toContain('contextMenus');

    const page = await chromium.openExtensionPage('search.html');
    try {
      const ask = async (text: string) => {
        const r = await sendLookup(page, { op: 'selectionTarget', text });
        if (!r.ok) throw new Error(JSON.stringify(r.error));
        return r.value;
      };
      expect(await ask('Thực hiện Chỉ thị số 35-CT/TW của Bộ Chính trị')).toEqual({ kind: 'code', code: '35-CT/TW' });
      expect(await ask('35 CT TW')).toEqual({ kind: 'code', code: '35-CT/TW' });
      const one = await ask('Nghị quyết số 57-NQ/TW');
      expect(one).toMatchObject({ kind: 'record' });
      expect((one as { id: string }).id.startsWith('57-NQ/TW@')).toBe(true);
      expect(await ask('đổi mới sáng tạo')).toEqual({ kind: 'search', q: 'đổi mới sáng tạo' });
      // Where each leads: the record page and the search page open with them.
      await page.goto(`chrome-extension://${chromium.extensionId}/record.html?code=35-CT%2FTW`);
      await page.waitForFunction(() => document.body.textContent?.includes('35-CT/TW@') || document.querySelectorAll('a[href*="record.html?id="]').length >= 3);
    } finally {
      await page.close();
    }
  });
});

describe('options page', () => {
  it('changes the mode and the families on an open page at once, and its language and theme', async () => {
    const article = await chromium.context.newPage();
    const options = await chromium.openExtensionPage('options.html');
    try {
      await article.goto(server.url('/both.html', HOST));
      await expect.poll(async () => (await highlighted(article)).sort(), { timeout: 10_000 }).toEqual(['100/2019/NĐ-CP', '17-KH/TW']);
      await options.waitForSelector('input[name="mode"]');
      await expectAccessible(options);

      // Inline mode: the open page re-marks with wrappers.
      await options.locator('input[name="mode"][value="inline"]').check();
      await expect.poll(async () => (await inlineMarked(article)).sort(), { timeout: 10_000 }).toEqual(['100/2019/NĐ-CP', '17-KH/TW']);
      // State documents off: only the Party code stays marked.
      await options.locator('input[name="state"]').uncheck();
      await expect.poll(() => inlineMarked(article), { timeout: 10_000 }).toEqual(['17-KH/TW']);
      await options.locator('input[name="mode"][value="highlight"]').check();
      await expect.poll(() => highlighted(article), { timeout: 10_000 }).toEqual(['17-KH/TW']);
      expect(await inlineMarked(article)).toEqual([]);

      // Language: Vietnamese whatever the browser's language, on the options page and the search page.
      await options.locator('select[name="language"]').selectOption('vi');
      await expect.poll(() => options.locator('h1').textContent()).toBe('Tùy chọn');
      await options.locator('select[name="language"]').selectOption('en');
      await expect.poll(() => options.locator('h1').textContent()).toBe('Options');
      const search = await chromium.openExtensionPage('search.html');
      await expect.poll(() => search.locator('h1').textContent()).toBe('Find a document');
      await search.close();

      // Theme: dark on the options and search pages, whatever the system's scheme.
      await options.locator('select[name="theme"]').selectOption('dark');
      await expect.poll(() => options.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      const dark = await chromium.openExtensionPage('search.html');
      await dark.emulateMedia({ colorScheme: 'light' });
      await expect.poll(() => dark.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(30, 35, 41)');
      await expectAccessible(dark);
      await dark.close();
      // The card on the open page takes the theme too (its reader starts afresh with it).
      await article.emulateMedia({ colorScheme: 'light' });
      await expect.poll(() => highlighted(article), { timeout: 10_000 }).toEqual(['17-KH/TW']);
      await expect.poll(async () => {
        await hover(article, '17-KH/TW');
        return (await card(article)).open;
      }, { timeout: 10_000 }).toBe(true);
      expect(await inCard(article, (root) => getComputedStyle(root!.querySelector('.card')!).backgroundColor)).toBe('rgb(30, 35, 41)');
      await expectAccessible(options);
    } finally {
      await article.close();
      await options.close();
      await clearStorage(await chromium.serviceWorker());
    }
  });

  it('runs only on the sites listed (the open page stops and starts again at once)', async () => {
    const article = await chromium.context.newPage();
    const options = await chromium.openExtensionPage('options.html');
    try {
      await article.goto(server.url('/both.html', HOST));
      await expect.poll(async () => (await highlighted(article)).length, { timeout: 10_000 }).toBe(2);
      await options.locator('input[name="where"][value="only"]').check();
      await options.locator('#sites').fill('other.vn\nexample.com');
      await options.getByRole('button', { name: t('options_sitesSave') }).click();
      // Not listed: the open page stops (its marks go).
      await expect.poll(() => highlighted(article), { timeout: 10_000 }).toEqual([]);
      await options.locator('#sites').fill(`other.vn\n${HOST}`);
      await options.getByRole('button', { name: t('options_sitesSave') }).click();
      await expect.poll(async () => (await highlighted(article)).length, { timeout: 10_000 }).toBe(2);
      expect((await sendLookup(options, { op: 'status' })).ok).toBe(true);
      const stored = await (await chromium.serviceWorker()).evaluate(() => (globalThis as any).chrome.storage.sync.get('settings'));
      expect(stored.settings).toMatchObject({ where: 'only', sites: ['other.vn', HOST] });
      await expectAccessible(options);
    } finally {
      await article.close();
      await options.close();
      await clearStorage(await chromium.serviceWorker());
    }
  });

  it('shows what is stored and clears it after a confirmation, loading the bundled dataset again', async () => {
    const options = await chromium.openExtensionPage('options.html');
    try {
      await expect.poll(() => options.locator('dd[data-name="documents"]').textContent(), { timeout: 10_000 }).toMatch(/\d/);
      const documents = await options.locator('dd[data-name="documents"]').textContent();
      expect(await options.locator('dd[data-name="bytes"]').textContent()).toMatch(/MB/);
      // A first click only asks.
      await options.locator('button.danger').click();
      expect(await options.locator('.confirm').count()).toBe(1);
      await expectAccessible(options);
      await options.locator('.confirm button:not(.danger)').click();
      expect(await options.locator('.confirm').count()).toBe(0);
      // Confirmed: the database is deleted and loaded again; lookups answer from the new load.
      const before = await sendLookup(options, { op: 'status' });
      await options.locator('button.danger').click();
      await options.locator('.confirm button.danger').click();
      await expect.poll(() => options.locator('.status').textContent(), { timeout: 60_000 }).toBe(t('options_clearDone'));
      const after = await sendLookup(options, { op: 'status' });
      expect(after.ok && before.ok).toBe(true);
      if (after.ok && before.ok) {
        expect((after.value as { version: string }).version).toBe((before.value as { version: string }).version);
        expect((after.value as { loadedAt: string }).loadedAt).not.toBe((before.value as { loadedAt: string }).loadedAt);
      }
      expect(await options.locator('dd[data-name="documents"]').textContent()).toBe(documents);
      const found = await sendLookup(options, { op: 'find', q: '35 CT TW', filters: {}, offset: 0, limit: 5 });
      expect(found.ok && (found.value as { items: Array<{ document: { code: string } }> }).items[0]?.document.code).toBe('35-CT/TW');
    } finally {
      await options.close();
    }
  });
});

describe('screenshots', () => {
  it('of the search page, the popup and the options page, in Vietnamese', async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    const sw = await chromium.serviceWorker();
    await sw.evaluate(() => (globalThis as any).chrome.storage.sync.set({ settings: { language: 'vi', theme: 'light' } }));
    const shoot = async (pagePath: string, file: string, ready: (p: Page) => Promise<unknown>, size = { width: 1000, height: 760 }) => {
      const page = await chromium.context.newPage();
      await page.setViewportSize(size);
      await page.goto(`chrome-extension://${chromium.extensionId}/${pagePath}`);
      await ready(page);
      await page.screenshot({ path: path.join(SCREENSHOTS, file) });
      return page;
    };
    try {
      const search = await shoot('search.html?q=chi+thi+35&family=party', 'search.png', (p) => p.waitForFunction(() => document.querySelectorAll('.results .code').length >= 3));
      expect(await search.locator('h1').textContent()).toBe('Tìm văn bản');
      await search.close();
      const options = await shoot('options.html', 'options.png', (p) => p.waitForFunction(() => /\d/.test(document.querySelector('dd[data-name="documents"]')?.textContent ?? '')), { width: 820, height: 1080 });
      expect(await options.locator('h1').textContent()).toBe('Tùy chọn');
      await options.close();
      // The popup as it shows for an article: the page's references grouped by document.
      const article = await chromium.context.newPage();
      await article.goto(server.url('/article.html', HOST));
      const popup = await shoot('popup.html', 'popup.png', async (p) => {
        await p.evaluate(async (url) => {
          const api = (globalThis as any).chrome;
          const [tab] = await api.tabs.query({ url });
          await api.tabs.update(tab.id, { active: true });
        }, server.url('/article.html', HOST));
        await expect.poll(async () => {
          await p.reload();
          await p.waitForSelector('#refs-h', { timeout: 3000 }).catch(() => {});
          return p.locator('.ref-group .ref-title').evaluateAll((ts) => ts.length >= 2 && ts.every((t) => !t.textContent?.includes('…')));
        }, { timeout: 15_000 }).toBe(true);
      }, { width: 380, height: 640 });
      await popup.close();
      await article.close();
    } finally {
      await clearStorage(sw);
    }
  });
});
