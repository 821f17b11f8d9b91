/**
 * The researcher's path in real Chromium with the built extension: from a code on a page (127.0.0.1 under a *.vn
 * name) to its card, its record, a related document's record, an article citing it (the article's address is
 * answered locally, nothing leaves the machine) and Back, with the mouse only and with the keyboard only; the
 * `?code=` list for a reused and an unknown code; a click on a node of the neighbourhood graph; axe-core in light
 * and dark.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { snapshotBuild } from '../../scripts/harness/build-copy';
import { rm } from 'node:fs/promises';
import { launchChromiumWithExtension, type ChromiumWithExtension } from '../../scripts/harness/chromium';
import { openChromiumSite, type ChromiumSite } from '../../scripts/harness/chromium-site';
import type { StaticServer } from '../../scripts/harness/static-server.mjs';
import { page as html } from '../helpers/pages';
import { clearStorage, clickInCard, hover, inCard, setStorage, waitForCard, waitForMarks } from '../helpers/card';
import { translatorFrom, type Translate } from '../../lib/i18n/t';
import viMessages from '../../public/_locales/vi/messages.json';
import enMessages from '../../public/_locales/en/messages.json';

const HOST = 'baotest.vn';
/** .tmp/screenshots on a test run; `npm run screenshots:record` sets VBL_SCREENSHOTS=docs/screenshots for the README. */
const SCREENSHOTS = path.resolve(process.env.VBL_SCREENSHOTS ?? '.tmp/screenshots');
const CT05 = '05-CT/TW@2016-05-15';
const routes: Record<string, string> = {
  '/ct05.html': html(
    'Tin',
    '<p>Thực hiện Chỉ thị số 05-CT/TW ngày 15-5-2016 của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, chi bộ tổ chức sinh hoạt chuyên đề.</p><p><a href="#cuoi">Cuối trang</a></p>',
  ),
};

let site: ChromiumSite;
let server: StaticServer;
/** The extension's strings in the language the browser gave it (Vietnamese where Chromium has its locale). */
let t: Translate;
let chrome: ChromiumWithExtension;
let extensionDir: string;
/** Article addresses the record page linked to and the browser asked for (answered here, never on the network). */
const articlesServed: string[] = [];

beforeAll(async () => {
  site = await openChromiumSite({ routes });
  ({ server, chrome, extensionDir } = site);
  const lang = await site.language();
  t = translatorFrom(lang === 'en' ? enMessages : viMessages);
  // A citing article's address (a news site) is answered locally: the test never reaches the network.
  await chrome.context.route(
    (url) => /^https?:$/.test(url.protocol) && url.hostname !== '127.0.0.1' && url.hostname !== HOST,
    (route) => {
      articlesServed.push(route.request().url());
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html('Bài báo', '<h1>Bài báo (bản thử)</h1><p>Nội dung thử.</p>') });
    },
  );
});

afterAll(async () => {
  await site?.close();
});

const recordUrl = (search: string) => `chrome-extension://${chrome.extensionId}/record.html${search}`;
const idOf = (url: string) => new URL(url).searchParams.get('id');

async function openRecord(search: string): Promise<Page> {
  const page = await chrome.context.newPage();
  await page.goto(recordUrl(search));
  await page.waitForSelector('main h1');
  return page;
}

/** The page the extension opens in a new tab, once it shows its heading. */
async function nextTab(action: () => Promise<void>): Promise<Page> {
  const [tab] = await Promise.all([chrome.context.waitForEvent('page', { timeout: 10_000 }), action()]);
  await tab.waitForSelector('main h1', { timeout: 10_000 });
  return tab;
}

/** Presses Tab until `match` holds for the focused element (in the page, or inside the card when inCardRoot). */
async function tabTo(page: Page, match: string, where: 'page' | 'card' = 'page', limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    const ok =
      where === 'card'
        ? await inCard(page, (root, sel) => Boolean(root?.activeElement?.matches(sel as string)), match)
        : await page.evaluate((sel) => Boolean(document.activeElement?.matches(sel)), match);
    if (ok) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${match}`);
}

describe('from a code on a page to its record and on', () => {
  it('mouse only: card → full record → a related document’s record → a citing article → Back', async () => {
    const page = await chrome.context.newPage();
    await page.goto(server.url('/ct05.html', HOST));
    await waitForMarks(page, 1);
    await hover(page, '05-CT/TW');
    const opened = await waitForCard(page, (c) => c.open && (c.text ?? '').includes(t('record_fullRecord')));
    expect(opened.heading).toBe('Chỉ thị số 05-CT/TW');

    const record = await nextTab(() => clickInCard(page, 'a.full-record'));
    expect(idOf(record.url())).toBe(CT05);
    expect(await record.textContent('main h1')).toBe('Chỉ thị số 05-CT/TW');
    expect(await record.textContent('[data-field="issuer"] dd')).toContain('Bộ Chính trị');
    expect(await record.textContent('.citation')).toBe('Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh');

    // A related document (an explicit relation or a co-cited one) whose record has linked citing articles.
    const related = await record.$$eval('.doc-links a', (links) => links.map((a) => (a as HTMLAnchorElement).href));
    expect(related.length).toBeGreaterThan(1);
    const target = record.locator('section[aria-labelledby="rec-cocited"] .doc-links a').first();
    const targetId = idOf(await target.evaluate((a) => (a as HTMLAnchorElement).href));
    await target.click();
    await record.waitForURL((u) => idOf(u.toString()) === targetId);
    await record.waitForSelector('.article');
    const heading = await record.textContent('main h1');
    expect(heading).not.toBe('Chỉ thị số 05-CT/TW');

    const article = record.locator('.articles a').first();
    const articleUrl = await article.getAttribute('href');
    expect(articleUrl).toMatch(/^https?:\/\//);
    await article.click();
    await record.waitForURL(articleUrl!);
    expect(await record.textContent('h1')).toBe('Bài báo (bản thử)');
    expect(articlesServed).toContain(articleUrl);

    await record.goBack();
    await record.waitForSelector('main h1');
    expect(idOf(record.url())).toBe(targetId);
    expect(await record.textContent('main h1')).toBe(heading);
    await record.close();
    await page.close();
  });

  it('keyboard only: Tab to the reference, into the card, to its links (Escape still returns), Enter through record, related record, article, Back', async () => {
    const sw = await chrome.serviceWorker();
    await setStorage(sw, { [`site:${HOST}`]: { mode: 'inline' } });
    const page = await chrome.context.newPage();
    await page.goto(server.url('/ct05.html', HOST));
    await waitForMarks(page, 1, 'inline');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('VBL-REF');
    await waitForCard(page, (c) => c.open && (c.text ?? '').includes(t('record_fullRecord')));
    await page.keyboard.press('Enter');
    await waitForCard(page, (c) => c.open && c.focusInside);
    // Tab reaches the links inside the card; Escape still returns focus to the reference.
    await tabTo(page, 'a.full-record', 'card', 10);
    await page.keyboard.press('Escape');
    await waitForCard(page, (c) => !c.open);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('VBL-REF');
    await page.keyboard.press('Enter');
    await waitForCard(page, (c) => c.open && c.focusInside);
    await tabTo(page, 'a.full-record', 'card', 10);
    const record = await nextTab(() => page.keyboard.press('Enter'));
    expect(idOf(record.url())).toBe(CT05);

    await tabTo(record, 'section[aria-labelledby="rec-cocited"] .doc-links a');
    const targetId = idOf(await record.evaluate(() => (document.activeElement as HTMLAnchorElement).href));
    await record.keyboard.press('Enter');
    await record.waitForURL((u) => idOf(u.toString()) === targetId);
    await record.waitForSelector('.article a');
    const heading = await record.textContent('main h1');

    await tabTo(record, '.articles a');
    const articleUrl = await record.evaluate(() => (document.activeElement as HTMLAnchorElement).href);
    await record.keyboard.press('Enter');
    await record.waitForURL(articleUrl);
    // Back: Alt+Left is the browser's own shortcut, which keys sent through the DevTools protocol never reach
    // (they go to the page); the browser's Back itself, then.
    await record.goBack();
    await record.waitForURL((u) => u.protocol === 'chrome-extension:');
    await record.waitForSelector('main h1');
    expect(idOf(record.url())).toBe(targetId);
    expect(await record.textContent('main h1')).toBe(heading);
    await clearStorage(sw);
    await record.close();
    await page.close();
  });

  it('?code= lists every document of a reused code, each opening its record', async () => {
    const page = await openRecord('?code=35-CT%2FTW');
    expect(await page.textContent('main h1')).toBe(t('record_codeTitle', '35-CT/TW'));
    const links = await page.$$eval('.doc-links a', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).searchParams.get('id')));
    expect(links).toEqual(expect.arrayContaining(['35-CT/TW@2014-05-26', '35-CT/TW@2019-05-30', '35-CT/TW@2024-06-14']));
    await page.locator('.doc-links a', { hasText: 'Chỉ thị số 35-CT/TW' }).last().click();
    await page.waitForURL((u) => u.searchParams.has('id'));
    expect(await page.textContent('main h1')).toBe('Chỉ thị số 35-CT/TW');
    await page.close();
  });

  it('an unknown code says so and offers a search for it', async () => {
    const page = await openRecord('?code=999-CT%2FTW');
    expect(await page.textContent('main')).toContain(t('record_codeUnknown', '999-CT/TW'));
    const search = await page.locator('main a').first().getAttribute('href');
    expect(search).toBe('search.html?q=999-CT%2FTW');
    await page.close();
  });

  it('filters the citing articles by year (and outlet) in the address; Back and Forward move between filters', async () => {
    // Cited by three articles of two outlets and two years (most corpus articles carry no date).
    const id = '77/2014/NQ-CP@2014-10-24~news';
    const page = await openRecord(`?id=${encodeURIComponent(id)}`);
    await page.waitForSelector('.article');
    const all = await page.locator('.article').count();
    const yearSelect = '.filters label:nth-of-type(2) select';
    const years = await page.$$eval(`${yearSelect} option`, (os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(years.length).toBeGreaterThan(1);
    const year = years[0]!;
    await page.focus(yearSelect);
    await page.selectOption(yearSelect, year);
    await page.waitForURL((u) => u.searchParams.get('year') === year);
    await expect.poll(() => page.$$eval('.article > .meta', (ms) => ms.map((m) => m.textContent ?? ''))).toSatisfy((metas: string[]) => metas.length > 0 && metas.every((m) => m.includes(year)));
    const filtered = await page.locator('.article').count();
    expect(filtered).toBeLessThan(all);
    await page.goBack();
    await page.waitForURL((u) => !u.searchParams.has('year'));
    await expect.poll(() => page.locator('.article').count()).toBe(all);
    expect(await page.inputValue(yearSelect)).toBe('');
    await page.goForward();
    await page.waitForURL((u) => u.searchParams.get('year') === year);
    await expect.poll(() => page.locator('.article').count()).toBe(filtered);
    // The outlet filter is in the address too: an address naming one opens filtered.
    const outlets = await page.$$eval('.filters label:nth-of-type(1) select option', (os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(outlets.length).toBeGreaterThan(1);
    for (const outlet of outlets) {
      await page.goto(recordUrl(`?id=${encodeURIComponent(id)}&outlet=${encodeURIComponent(outlet)}`));
      await page.waitForSelector('.article');
      expect(await page.inputValue('.filters label:nth-of-type(1) select')).toBe(outlet);
      expect(await page.$$eval('.article > .meta', (ms) => ms.map((m) => m.textContent ?? ''))).toSatisfy((metas: string[]) => metas.every((m) => m.includes(outlet)));
      expect(await page.locator('.article').count()).toBeLessThan(all);
    }
    await page.close();
  });

  it('a click on a node of the neighbourhood graph opens that document’s record', async () => {
    const page = await openRecord(`?id=${encodeURIComponent(CT05)}`);
    await page.waitForSelector('.graph-canvas[data-ready="true"]');
    const ids = await page.$$eval('.graph-list a', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).searchParams.get('id')));
    expect(ids.length).toBeGreaterThan(1);
    // Node i sits where circleLayout puts it: on a circle around the centre, from the top, in the list's order.
    await page.locator('.graph-canvas').scrollIntoViewIfNeeded();
    const box = (await page.locator('.graph-canvas').boundingBox())!;
    const at = (i: number) => {
      const radius = Math.max(40, Math.min(box.width - 2, box.height - 2) / 2 - 44);
      const angle = -Math.PI / 2 + (2 * Math.PI * i) / ids.length;
      return { x: box.x + 1 + (box.width - 2) / 2 + radius * Math.cos(angle), y: box.y + 1 + (box.height - 2) / 2 + radius * Math.sin(angle) };
    };
    const i = Math.min(1, ids.length - 1);
    await page.mouse.move(at(i).x, at(i).y, { steps: 3 });
    await page.mouse.click(at(i).x, at(i).y);
    await page.waitForURL((u) => u.searchParams.get('id') === ids[i], { timeout: 5000 });
    await page.waitForSelector('main h1');
    await page.close();
  });
});

describe('the options\' theme and language', () => {
  it('the record page and the code list follow them, whatever the browser\'s language and colour scheme', async () => {
    const sw = await chrome.serviceWorker();
    const background = async (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    try {
      for (const [settings, scheme, messages, bg] of [
        [{ theme: 'dark', language: 'vi' }, 'light', viMessages, 'rgb(30, 35, 41)'],
        [{ theme: 'light', language: 'en' }, 'dark', enMessages, 'rgb(255, 255, 255)'],
      ] as const) {
        await setStorage(sw, { settings });
        const page = await chrome.context.newPage();
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(recordUrl(`?id=${encodeURIComponent(CT05)}`));
        await page.waitForSelector('main h1');
        expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dataset.theme])).toEqual([settings.language, settings.theme]);
        expect(await page.textContent('#rec-fields')).toBe(messages.record_fields.message);
        expect(await background(page)).toBe(bg);
        await page.waitForSelector('.graph-canvas[data-ready="true"]');
        // The graph takes the page's palette too: its canvas is drawn on the same background.
        expect(await page.evaluate(() => getComputedStyle(document.querySelector('.graph-canvas')!).backgroundColor)).toBe(bg);
        const result = await new AxeBuilder({ page }).analyze();
        expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
        await page.goto(recordUrl('?code=35-CT%2FTW'));
        await page.waitForSelector('.doc-links a');
        expect(await page.textContent('main h1')).toBe(translatorFrom(messages)('record_codeTitle', '35-CT/TW'));
        expect(await background(page)).toBe(bg);
        await page.close();
      }
    } finally {
      await clearStorage(sw);
    }
  });
});

describe('network', () => {
  it('the record page and the code list make no request beyond the extension’s own files', async () => {
    const seen: string[] = [];
    const record = (request: { url(): string }) => seen.push(request.url());
    chrome.context.on('request', record);
    try {
      const page = await openRecord(`?id=${encodeURIComponent(CT05)}`);
      await page.waitForSelector('.article');
      await page.waitForSelector('.graph-canvas[data-ready="true"]');
      await page.goto(recordUrl('?code=35-CT%2FTW'));
      await page.waitForSelector('.doc-links a');
      await page.close();
    } finally {
      chrome.context.off('request', record);
    }
    expect(seen.length).toBeGreaterThan(2); // the recorder sees the pages' own files
    expect(seen.filter((u) => !u.startsWith(`chrome-extension://${chrome.extensionId}/`))).toEqual([]);
  });
});

describe('accessibility (axe-core)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`record page, code list and unknown code: no serious or critical violations (${scheme})`, async () => {
      for (const search of [`?id=${encodeURIComponent(CT05)}`, '?code=35-CT%2FTW', '?code=999-CT%2FTW', '?id=nope']) {
        const page = await chrome.context.newPage();
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(recordUrl(search));
        await page.waitForSelector('main h1');
        if (search.startsWith('?id=05')) await page.waitForSelector('.article');
        const result = await new AxeBuilder({ page }).analyze();
        expect(result.passes.length).toBeGreaterThan(10);
        const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect(bad.map((v) => `${search} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
        await page.close();
      }
    });

    it(`the card with its record links: no serious or critical violations (${scheme})`, async () => {
      const page = await chrome.context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(server.url('/ct05.html', HOST));
      await waitForMarks(page, 1);
      await hover(page, '05-CT/TW');
      await waitForCard(page, (c) => c.open && (c.text ?? '').includes(t('record_fullRecord')));
      // axe cannot enter the card's closed shadow root: the card (its stylesheet and content, placed where it is)
      // is copied into an open one, and the original closed, so the copy is what is drawn and checked.
      await inCard(page, (root) => {
        const copy = document.createElement('div');
        copy.id = 'vbl-axe-card';
        const open = copy.attachShadow({ mode: 'open' });
        for (const node of root!.childNodes) open.append(node.cloneNode(true));
        document.documentElement.append(copy);
      });
      await page.keyboard.press('Escape');
      await waitForCard(page, (c) => !c.open);
      const result = await new AxeBuilder({ page }).include('#vbl-axe-card').analyze();
      expect(result.passes.length).toBeGreaterThan(5);
      const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
      await page.close();
    });
  }
});

describe('screenshots', () => {
  it('saves the record page in Vietnamese, light and dark', async () => {
    // This machine's Chromium has only its en-US locale: a copy of the build without the English strings shows the
    // extension as a Vietnamese browser does (default_locale vi).
    const vi = await snapshotBuild(extensionDir, 'vbl-ext-vi-');
    await rm(path.join(vi, '_locales', 'en'), { recursive: true, force: true });
    const browser = await launchChromiumWithExtension({ extensionPath: vi });
    try {
      mkdirSync(SCREENSHOTS, { recursive: true });
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 1100, height: 1500 });
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(`chrome-extension://${browser.extensionId}/record.html?id=${encodeURIComponent(CT05)}`);
        await page.waitForSelector('.article');
        await page.waitForSelector('.graph-canvas[data-ready="true"]');
        expect(await page.textContent('#rec-fields')).toBe(viMessages.record_fields.message);
        await page.screenshot({ path: path.join(SCREENSHOTS, `record-${scheme}.png`) });
      }
      await page.goto(`chrome-extension://${browser.extensionId}/record.html?code=35-CT%2FTW`);
      await page.emulateMedia({ colorScheme: 'light' });
      await page.setViewportSize({ width: 1100, height: 520 });
      await page.waitForSelector('.doc-links a');
      await page.screenshot({ path: path.join(SCREENSHOTS, 'record-code.png') });
      await page.close();
    } finally {
      await browser.close();
      await rm(vi, { recursive: true, force: true });
    }
  });
});
