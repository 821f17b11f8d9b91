/**
 * The reader's experience in real Chromium: the built extension (.output/chrome-mv3) loaded, pages served on
 * 127.0.0.1 under *.vn host names. Covers the seed articles, hover / keyboard / tap, edges, a hostile page
 * stylesheet, reused and unknown codes, editable fields, turning a site off, both modes, and the network.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page, Request } from 'playwright-core';
import { rm } from 'node:fs/promises';
import { snapshotBuild } from '../../scripts/harness/build-copy';
import { launchChromiumWithExtension, type ChromiumWithExtension } from '../../scripts/harness/chromium';
import { openChromiumSite, type ChromiumSite } from '../../scripts/harness/chromium-site';
import type { StaticServer } from '../../scripts/harness/static-server.mjs';
import { demoHtml, page as html, seedPages } from '../helpers/pages';
import { SEED_FILES } from '../helpers/seeds';
import { translatorFrom, type Translate } from '../../lib/i18n/t';
import { formatDate } from '../../lib/card/format';
import viMessages from '../../public/_locales/vi/messages.json';
import enMessages from '../../public/_locales/en/messages.json';
import { card, clearStorage, clickInCard, hover, markedInView, setStorage, textPoint, waitForCard, waitForMarks, highlighted, inlineMarked, inCard } from '../helpers/card';

const HOST = 'baotest.vn';
const seeds = seedPages();
/**
 * Where the card's screenshots go: .tmp/screenshots on a test run (a run leaves the work tree as it found it);
 * `npm run screenshots` sets VBL_SCREENSHOTS=docs/screenshots to retake the README's pictures.
 */
const SCREENSHOTS = path.resolve(process.env.VBL_SCREENSHOTS ?? '.tmp/screenshots');

const routes: Record<string, string> = {
  '/': demoHtml(),
  '/blank-for-clipboard': html('Trống', '<p>Trống.</p>'),
  '/plain.html': html('Tin', '<p>Theo Kế hoạch số 17-KH/TW ngày 7-7-2023 của Bộ Chính trị, các cấp ủy rà soát quy hoạch.</p>'),
  '/edge.html': html(
    'Mép',
    `<p style="margin:0;padding:8px">Đầu trang.</p>
     <p style="position:fixed;right:2px;bottom:2px;margin:0;white-space:nowrap">theo Kế hoạch số 17-KH/TW</p>`,
  ),
  '/hostile.html': html(
    'Trang khó',
    `<p>Theo Kế hoạch số 17-KH/TW ngày 7-7-2023 của Bộ Chính trị.</p><h2 id="h">Tiêu đề trang</h2><button id="btn">Nút</button>`,
    `<style>* { all: unset !important; } span { display: none !important; } div, p, h2, a, button, dl, dt, dd { color: red !important; font-size: 40px !important; line-height: 3 !important; background: lime !important; }
     :host { display: none !important; } vanban-lens-card { font-size: 50px; color: red; }</style>`,
  ),
  '/reuse-2020.html': html(
    'Tin 2020',
    '<p>Thực hiện Chỉ thị số 35-CT/TW của Bộ Chính trị, các đảng bộ chuẩn bị đại hội.</p>',
    '<meta property="article:published_time" content="2020-03-01T08:00:00+07:00">',
  ),
  '/reuse-2024.html': html(
    'Tin 2024',
    '<p>Thực hiện Chỉ thị số 35-CT/TW của Bộ Chính trị, các đảng bộ chuẩn bị đại hội.</p>',
    '<meta property="article:published_time" content="2024-09-01T08:00:00+07:00">',
  ),
  '/spa.html': html(
    'Tin 2020',
    '<main id="app"><p>Thực hiện Chỉ thị số 35-CT/TW của Bộ Chính trị, các đảng bộ chuẩn bị đại hội.</p></main>',
    '<meta property="article:published_time" content="2020-03-01T08:00:00+07:00">',
  ),
  // No metadata: the site header shows today's date (and a script holds one); the article's date line is lower.
  '/clock.html': html(
    'Tin không có siêu dữ liệu',
    `<header><span>Thứ Tư, 25/11/2026</span></header>
     <script>window.today = "24/11/2026";</script>
     <h1>Các đảng bộ chuẩn bị đại hội</h1>
     <p>08:02, 05/02/2020</p>
     <p>Thực hiện Chỉ thị số 35-CT/TW của Bộ Chính trị, các đảng bộ chuẩn bị đại hội.</p>`,
  ),
  '/undated.html': html('Tin', '<p>Thực hiện Chỉ thị số 35-CT/TW của Bộ Chính trị, các đảng bộ chuẩn bị đại hội.</p>'),
  '/editable.html': html(
    'Soạn thảo',
    `<p id="plain">Theo Kế hoạch số 17-KH/TW ngày 7-7-2023 của Bộ Chính trị.</p>
     <textarea id="ta">Chỉ thị 35-CT/TW</textarea>
     <input id="in" value="Hướng dẫn 26-HD/BTCTW">
     <div id="ce" contenteditable="true"><p>Nghị định 100/2019/NĐ-CP và <b>17-KH/TW</b></p></div>`,
  ),
};
for (const seed of seeds) routes[`/seed-${seed.name}.html`] = seed.html;

let site: ChromiumSite;
let server: StaticServer;
/** The language the browser gave the extension (Vietnamese where Chromium has its Vietnamese locale). */
let lang: 'vi' | 'en' = 'vi';
let t: Translate;
const day = (iso: string) => formatDate(iso, lang)!;
let chrome: ChromiumWithExtension;
let extensionDir: string;
const requests: Array<{ url: string; from: string }> = [];
const served: string[] = [];

const open = (pathname: string) => site.open(pathname);

beforeAll(async () => {
  site = await openChromiumSite({ routes });
  ({ server, chrome, extensionDir } = site);
  lang = await site.language();
  t = translatorFrom(lang === 'vi' ? viMessages : enMessages);
  const record = (request: Request) =>
    requests.push({ url: request.url(), from: request.serviceWorker() ? 'service-worker' : request.frame()?.url() ?? '?' });
  chrome.context.on('request', record);
  chrome.context.on('requestfailed', record);
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterEach(async () => {
  // Every test starts from the defaults, whatever the previous one changed.
  if (chrome) await clearStorage(await chrome.serviceWorker());
});

afterAll(async () => {
  await site?.close();
});

describe('seed articles', () => {
  it('are the two seed articles', () => {
    expect(seeds.map((s) => `${s.name}.txt`)).toEqual([...SEED_FILES]);
  });

  it.each(seeds.map((s) => [s.name, s] as const))('marks every full Party code in seed %s', async (_, seed) => {
    const page = await open(`/seed-${seed.name}.html`);
    await waitForMarks(page, 3);
    const codes = new Set(seed.text.match(/\b\d{1,4}-(?:KH|CT|NQ|QĐ|HD|KL|QC|TB|BC)\/[A-ZĐ]{2,8}\b/gu) ?? []);
    expect(codes.size).toBeGreaterThan(0);
    const missing: string[] = [];
    for (const code of codes) if (!(await markedInView(page, code))) missing.push(code);
    expect(missing).toEqual([]);
    // A card opens on the page's first code.
    const first = [...codes][0]!;
    await hover(page, first);
    const opened = await waitForCard(page, (c) => c.open && (c.heading ?? '').includes(first));
    expect(opened.heading).toContain(first);
    await page.close();
  });
});

describe('seed article of 05/02/2020', () => {
  const seed = seeds.find((s) => s.text.includes('05/02/2020') && s.text.includes('35-CT/TW'));
  it('reads the page’s date from its date line and resolves a bare 35-CT/TW to the 2019 directive', async () => {
    expect(seed).toBeDefined();
    const page = await open(`/seed-${seed!.name}.html`);
    await waitForMarks(page, 3);
    await hover(page, '35-CT/TW');
    const opened = await waitForCard(page, (c) => c.open && (c.text ?? '').includes('Bộ Chính trị'));
    expect(opened.heading).toBe('Chỉ thị số 35-CT/TW');
    expect(opened.text).toContain(day('2019-05-30'));
    expect(opened.text).toContain(day('2020-02-05')); // the reason names the page's date
    await page.close();
  });
});

describe('card', () => {
  it('opens after the pointer rests on a reference, stays while the pointer travels into it, closes after', async () => {
    const page = await open('/plain.html');
    await waitForMarks(page, 1);
    await hover(page, '17-KH/TW');
    await page.waitForTimeout(100);
    expect((await card(page)).open).toBe(false); // still within the dwell
    const opened = await waitForCard(page, (c) => c.open && (c.text ?? '').includes('Bộ Chính trị'));
    expect(opened.heading).toBe('Kế hoạch số 17-KH/TW');
    expect(opened.text).toContain(t('cardDate'));
    // Travel into the card: it stays (hoverable).
    const box = opened.box!;
    await page.mouse.move(box.x + box.width / 2, box.y + 12, { steps: 8 });
    await page.waitForTimeout(800);
    expect((await card(page)).open).toBe(true);
    // Leave everything: it closes after the grace period.
    await page.mouse.move(5, opened.viewport.height - 5, { steps: 3 });
    await waitForCard(page, (c) => !c.open, 2000);
    await page.close();
  });

  it('opens by keyboard: Tab to a reference (inline mode), Enter into the card, Escape back', async () => {
    const sw = await chrome.serviceWorker();
    await setStorage(sw, { [`site:${HOST}`]: { mode: 'inline' } });
    const page = await open('/plain.html');
    await waitForMarks(page, 1, 'inline');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('VBL-REF');
    const opened = await waitForCard(page);
    expect(opened.heading).toBe('Kế hoạch số 17-KH/TW');
    expect(opened.focusInside).toBe(false);
    await page.keyboard.press('Enter');
    await waitForCard(page, (c) => c.open && c.focusInside);
    await page.keyboard.press('Tab'); // moves within the card
    expect((await card(page)).focusInside).toBe(true);
    await page.keyboard.press('Escape');
    await waitForCard(page, (c) => !c.open);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('VBL-REF');
    await page.waitForTimeout(400);
    expect((await card(page)).open).toBe(false); // focus handed back does not reopen it
    // Shift+Tab out of the card returns to the reference, closing the card.
    await page.keyboard.press('Enter');
    await waitForCard(page, (c) => c.open && c.focusInside);
    await page.keyboard.press('Shift+Tab');
    await waitForCard(page, (c) => !c.open);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('VBL-REF');
    await clearStorage(sw);
    await page.close();
  });

  it('opens with the next-reference shortcut (command forwarded to the tab), focus in the card', async () => {
    const page = await open('/');
    await waitForMarks(page, 5);
    await page.bringToFront();
    const sw = await chrome.serviceWorker();
    await sw.evaluate(async () => {
      const c = (globalThis as any).chrome;
      const [tab] = await c.tabs.query({ active: true, currentWindow: true });
      await c.tabs.sendMessage(tab.id, { channel: 'vanban-lens/command', command: 'next-reference' }, { frameId: 0 });
    });
    const opened = await waitForCard(page, (c) => c.open && c.focusInside);
    expect(opened.heading).toBe('Kế hoạch số 17-KH/TW');
    await page.keyboard.press('Escape');
    await waitForCard(page, (c) => !c.open);
    await page.close();
  });

  it('opens with a tap on a touch screen', async () => {
    const page = await open('/plain.html');
    await waitForMarks(page, 1);
    const p = await textPoint(page, '17-KH/TW');
    const cdp = await chrome.context.newCDPSession(page);
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: p.x, y: p.y }] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    const opened = await waitForCard(page);
    expect(opened.heading).toBe('Kế hoạch số 17-KH/TW');
    await page.close();
  });

  it('stays inside the viewport at the right and bottom edges', async () => {
    const page = await open('/edge.html');
    await page.setViewportSize({ width: 800, height: 500 });
    await waitForMarks(page, 1);
    const ref = await textPoint(page, '17-KH/TW');
    expect(ref.right).toBeGreaterThan(700);
    expect(ref.bottom).toBeGreaterThan(450);
    await hover(page, '17-KH/TW');
    const opened = await waitForCard(page);
    const b = opened.box!;
    expect(b.x).toBeGreaterThanOrEqual(0);
    expect(b.y).toBeGreaterThanOrEqual(0);
    expect(b.x + b.width).toBeLessThanOrEqual(800);
    expect(b.y + b.height).toBeLessThanOrEqual(500);
    expect(b.y + b.height).toBeLessThanOrEqual(ref.bottom - 8); // flipped above the reference
    await page.close();
  });

  it('stays readable in a small viewport (as at 200% zoom): inside the screen and scrollable', async () => {
    const page = await open('/');
    await page.setViewportSize({ width: 480, height: 360 });
    await waitForMarks(page, 2);
    await hover(page, '35-CT/TW', 0);
    await waitForCard(page, (c) => c.open && (c.text ?? '').includes('Bộ Chính trị'));
    await page.waitForTimeout(300);
    const c = await card(page);
    const b = c.box!;
    expect(b.x).toBeGreaterThanOrEqual(0);
    expect(b.x + b.width).toBeLessThanOrEqual(480);
    expect(b.y).toBeGreaterThanOrEqual(0);
    expect(b.y + b.height).toBeLessThanOrEqual(360);
    const scroll = await inCard(page, (root) => {
      const el = root!.querySelector('[role="dialog"]')!;
      return { overflow: getComputedStyle(el).overflowY, scrollHeight: el.scrollHeight, clientHeight: el.clientHeight, font: getComputedStyle(el).fontSize };
    });
    expect(scroll.overflow).toBe('auto');
    expect(scroll.font).toBe('14px');
    await page.close();
  });

  it('does not run on sites outside the defaults until the user turns them on', async () => {
    const page = await chrome.context.newPage();
    await page.goto(server.url('/plain.html')); // http://127.0.0.1:PORT: not a Vietnamese site
    await page.waitForTimeout(1500);
    expect(await highlighted(page)).toEqual([]);
    expect(await inCard(page, (root) => root !== null)).toBe(false);
    await page.close();
    const manifest = JSON.parse(readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8'));
    expect(manifest.host_permissions).toEqual(['*://*.vn/*', '*://*.vnexpress.net/*', '*://*.baomoi.com/*']);
    expect(manifest.optional_host_permissions).toEqual(['*://*/*']);
    expect(JSON.stringify(manifest.permissions)).not.toMatch(/all_urls|\*:\/\/\*\/\*/);
    expect(Object.keys(manifest.commands)).toEqual(['next-reference', 'previous-reference']);
  });

  it('is untouched by a hostile page stylesheet, and its own styles do not leak', async () => {
    const normal = await open('/plain.html');
    await waitForMarks(normal, 1);
    await hover(normal, '17-KH/TW');
    await waitForCard(normal, (c) => c.open && (c.text ?? '').includes('Bộ Chính trị'));
    await normal.waitForTimeout(600); // related items
    const reference = await card(normal);
    const referenceHeight = await inCard(normal, (root) => root!.querySelector('[role="dialog"]')!.scrollHeight);
    await normal.close();

    const page = await open('/hostile.html');
    await waitForMarks(page, 1);
    const before = await pageStyles(page);
    await hover(page, '17-KH/TW');
    await waitForCard(page, (c) => c.open && (c.text ?? '').includes('Bộ Chính trị'));
    await page.waitForTimeout(600);
    const opened = await card(page);
    expect(opened.text).toBe(reference.text);
    expect(Math.abs(opened.box!.width - reference.box!.width)).toBeLessThan(2);
    // Same content height (the visible height depends on where the reference sits in each page).
    const height = await inCard(page, (root) => root!.querySelector('[role="dialog"]')!.scrollHeight);
    expect(Math.abs(height - referenceHeight)).toBeLessThan(2);
    const inside = await inCard(page, (shadow) => {
      const root = shadow!;
      const h2 = getComputedStyle(root.querySelector('h2')!);
      const dt = getComputedStyle(root.querySelector('dt')!);
      return { h2Size: h2.fontSize, h2Color: h2.color, dtDisplay: dt.display, bg: getComputedStyle(root.querySelector('[role="dialog"]')!).backgroundColor };
    });
    expect(inside.h2Size).toBe('16px');
    expect(inside.h2Color).not.toBe('rgb(255, 0, 0)');
    expect(inside.bg).not.toBe('rgb(0, 255, 0)');
    expect(inside.dtDisplay).not.toBe('none');
    expect(await pageStyles(page)).toEqual(before);
    await page.close();
  });

  it('resolves a reused code by the page’s date, says why, and lets the reader switch', async () => {
    const old = await open('/reuse-2020.html');
    await waitForMarks(old, 1);
    await hover(old, '35-CT/TW');
    const c2020 = await waitForCard(old, (c) => c.open && (c.text ?? '').includes('Bộ Chính trị'));
    expect(c2020.text).toContain(day('2019-05-30'));
    await old.close();

    const page = await open('/reuse-2024.html');
    await waitForMarks(page, 1);
    await hover(page, '35-CT/TW');
    const c2024 = await waitForCard(page, (c) => c.open && (c.text ?? '').includes('Bộ Chính trị'));
    expect(c2024.text).toContain(day('2024-06-14'));
    const pressed = await inCard(page, (root) =>
      [...root!.querySelectorAll('.choice')].map((b) => [b.textContent, b.getAttribute('aria-pressed')]),
    );
    expect(pressed.length).toBeGreaterThanOrEqual(2);
    expect(pressed[0]![0]).toContain('2024');
    expect(pressed[0]![1]).toBe('true');
    const i2019 = pressed.findIndex(([text]) => (text ?? '').includes(day('2019-05-30')));
    expect(i2019).toBeGreaterThan(0);
    await clickInCard(page, '.choice', i2019);
    const switched = await waitForCard(page, (c) => (c.text ?? '').includes('Chỉ thị số 35-CT/TW ngày 30/5/2019 của Bộ Chính trị'));
    expect(switched.open).toBe(true);
    await page.close();
  });

  it('resolves by the new article’s date after a single-page route change', async () => {
    const page = await open('/spa.html');
    await waitForMarks(page, 1);
    await hover(page, '35-CT/TW');
    expect((await waitForCard(page, (c) => c.open && (c.text ?? '').includes(day('2019-05-30')))).open).toBe(true);
    await page.mouse.move(1, 1);
    await waitForCard(page, (c) => !c.open, 3000);
    // The site swaps in its next article (pushState, new metadata, new text) without loading a page.
    await page.evaluate(() => {
      history.pushState({}, '', '/tin-2024');
      document.querySelector('meta[property="article:published_time"]')!.setAttribute('content', '2024-09-01T08:00:00+07:00');
      document.getElementById('app')!.innerHTML = '<p>Quán triệt Chỉ thị số 35-CT/TW của Bộ Chính trị về đại hội đảng bộ các cấp.</p>';
    });
    await page.waitForTimeout(500);
    await waitForMarks(page, 1);
    await hover(page, '35-CT/TW');
    const opened = await waitForCard(page, (c) => c.open && (c.text ?? '').includes('Bộ Chính trị') && !(c.text ?? '').includes(t('cardLoading')));
    expect(opened.text).toContain(day('2024-06-14'));
    await page.close();
  });

  it('takes the article’s date line, not the site header’s clock, and says the date was read from the text', async () => {
    const page = await open('/clock.html');
    await waitForMarks(page, 1);
    await hover(page, '35-CT/TW');
    const opened = await waitForCard(page, (c) => c.open && (c.text ?? '').includes('Bộ Chính trị') && !(c.text ?? '').includes(t('cardLoading')));
    expect(opened.text).toContain(day('2019-05-30'));
    const written = ['reason_onlyBeforeWritten', 'reason_latestBeforeWritten'].map((key) => t(key, day('2020-02-05')).split('(')[0]!.trim());
    expect(written.some((phrase) => (opened.text ?? '').includes(phrase))).toBe(true);
    expect(opened.text).toContain(day('2020-02-05'));
    expect(opened.text).not.toContain(day('2026-11-25'));
    await page.close();
  });

  it('keeps an undecided card to the page’s words: why several, and a citation of what the page says', async () => {
    const page = await open('/undated.html');
    await waitForMarks(page, 1);
    await hover(page, '35-CT/TW');
    const opened = await waitForCard(page, (c) => c.open && (c.text ?? '').includes('Bộ Chính trị') && !(c.text ?? '').includes(t('cardLoading')));
    expect(opened.heading).toBe('Chỉ thị số 35-CT/TW');
    expect(opened.text).toContain(t('cardSeveral_term', '3').split(':')[1]!.split(',')[0]!.trim()); // numbered afresh every term
    expect(opened.text).toContain(t('cardCopyFromPage'));
    const citation = await inCard(page, (root) => root!.querySelector('.citation')?.textContent);
    expect(citation).toBe('Chỉ thị số 35-CT/TW của Bộ Chính trị');
    await page.close();
  });

  it('copies a plain-Vietnamese citation', async () => {
    const page = await open('/plain.html');
    await waitForMarks(page, 1);
    await hover(page, '17-KH/TW');
    await waitForCard(page, (c) => c.open && (c.text ?? '').includes('Bộ Chính trị'));
    await clickInCard(page, '.copy');
    const copied = await waitForCard(page, (c) => (c.text ?? '').includes(t('cardCopied')));
    expect(copied.open).toBe(true);
    // Read the clipboard back from a page where reading is allowed (127.0.0.1 is a secure context).
    await chrome.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url('/').replace(/\/$/, '') });
    const reader = await chrome.context.newPage();
    await reader.goto(server.url('/blank-for-clipboard'));
    await reader.bringToFront();
    const text = await reader.evaluate(() => navigator.clipboard.readText());
    expect(text).toMatch(/^Kế hoạch số 17-KH\/TW (ngày 07\/7\/2023|năm 2023) của Bộ Chính trị$/);
    await reader.close();
    await page.close();
  });

  it('explains an unknown code from the code and the sentence, labelled “from this page”', async () => {
    const page = await open('/');
    await waitForMarks(page, 5);
    await hover(page, '901-KH/TU');
    const opened = await waitForCard(page, (c) => c.open && (c.text ?? '').includes(t('cardFromPage')));
    expect(opened.heading).toBe('Kế hoạch số 901-KH/TU');
    expect(opened.text).toContain(t('cardNotInDataset'));
    expect(opened.text).toContain(day('2025-03-03'));
    expect(opened.text).toContain('Ban Thường vụ Tỉnh ủy Nam Định');
    expect(opened.text).toContain(t('level_provincial_party'));
    // The citation is built from the page's own words, and says so.
    expect(opened.text).toContain('Kế hoạch số 901-KH/TU ngày 03/3/2025 của Ban Thường vụ Tỉnh ủy Nam Định');
    expect(opened.text).toContain(t('cardCopyFromPage'));
    await page.close();
  });

  it('leaves editable fields untouched, in both modes', async () => {
    const page = await open('/editable.html');
    const original = await page.evaluate(() => ({ ce: document.getElementById('ce')!.innerHTML, ta: (document.getElementById('ta') as HTMLTextAreaElement).value, inp: (document.getElementById('in') as HTMLInputElement).value }));
    await waitForMarks(page, 1);
    await page.waitForTimeout(300);
    const marks = await page.evaluate(() => {
      const registry = (CSS as any).highlights.get('vbl-ref') as Set<AbstractRange>;
      return [...registry].map((r) => {
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        return { text: live.toString(), inEditable: !!(r.startContainer.parentElement?.closest('[contenteditable], textarea, input')) };
      });
    });
    expect(marks.map((m) => m.text)).toEqual(['17-KH/TW']);
    expect(marks.every((m) => !m.inEditable)).toBe(true);
    const sw = await chrome.serviceWorker();
    await setStorage(sw, { [`site:${HOST}`]: { mode: 'inline' } });
    await waitForMarks(page, 1, 'inline');
    const now = await page.evaluate(() => ({ ce: document.getElementById('ce')!.innerHTML, ta: (document.getElementById('ta') as HTMLTextAreaElement).value, inp: (document.getElementById('in') as HTMLInputElement).value }));
    expect(now).toEqual(original);
    await clearStorage(sw);
    await page.close();
  });

  it('switches modes and restores the page exactly; turning the site off unmarks open tabs at once', async () => {
    const page = await open('/');
    const original = await page.evaluate(() => document.body.innerHTML);
    const marked = await waitForMarks(page, 5);
    const sw = await chrome.serviceWorker();
    // Highlight mode changes nothing in the DOM.
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(original);
    await setStorage(sw, { [`site:${HOST}`]: { mode: 'inline' } });
    const inline = await waitForMarks(page, marked.length, 'inline');
    expect(inline.length).toBeGreaterThanOrEqual(marked.length); // highlight mode paints near the viewport only
    await setStorage(sw, { [`site:${HOST}`]: { mode: 'highlight' } });
    await waitForMarks(page, marked.length, 'highlight');
    expect(await inlineMarked(page)).toEqual([]);
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(original);
    // Off: marks go without a reload, in every open tab of the site.
    const second = await open('/plain.html');
    await waitForMarks(second, 1);
    await setStorage(sw, { [`site:${HOST}`]: { enabled: false, mode: 'inline' } });
    for (const p of [page, second]) {
      await expect.poll(() => highlighted(p), { timeout: 3000 }).toEqual([]);
      expect(await inlineMarked(p)).toEqual([]);
    }
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(original);
    await hover(second, '17-KH/TW');
    await second.waitForTimeout(800);
    expect((await card(second)).open).toBe(false);
    // On again.
    await setStorage(sw, { [`site:${HOST}`]: { enabled: true } });
    await waitForMarks(second, 1);
    await clearStorage(sw);
    await page.close();
    await second.close();
  });

  it('saves screenshots of the card, light and dark, in Vietnamese', async () => {
    // This machine's Chromium has only its en-US locale: Vietnamese through the options' language setting.
    await setStorage(await chrome.serviceWorker(), { settings: { language: 'vi' } });
    const page = await open('/');
    await page.setViewportSize({ width: 1100, height: 960 });
    await waitForMarks(page, 5);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.mouse.move(1, 1);
      await waitForCard(page, (c) => !c.open, 3000);
      await hover(page, '35-CT/TW', 2);
      await waitForCard(page, (c) => c.open && (c.text ?? '').includes('Bộ Chính trị') && (c.text ?? '').includes(viMessages.record_fullRecord.message));
      await page.waitForTimeout(400); // related items
      const bg = await inCard(page, (root) => getComputedStyle(root!.querySelector('[role="dialog"]')!).backgroundColor);
      expect(bg).toBe(scheme === 'light' ? 'rgb(255, 255, 255)' : 'rgb(30, 35, 41)');
      await page.screenshot({ path: path.join(SCREENSHOTS, `card-${scheme}.png`) });
    }
    await page.close();
  });

  it('makes no network request of its own while pages are marked and cards open', async () => {
    requests.length = 0;
    const sw = await chrome.serviceWorker();
    for (const pathname of ['/', '/plain.html', '/reuse-2024.html']) {
      const page = await open(pathname);
      await waitForMarks(page, 1);
      await hover(page, pathname === '/' ? '17-KH/TW' : pathname === '/plain.html' ? '17-KH/TW' : '35-CT/TW');
      await waitForCard(page, (c) => c.open && (c.text ?? '').includes('Bộ Chính trị'));
      await page.waitForTimeout(400); // related items fetched from the background
      await setStorage(sw, { [`site:${HOST}`]: { mode: 'inline' } });
      await waitForMarks(page, 1, 'inline');
      await page.close();
      await clearStorage(sw);
    }
    const pages = new Set([...Object.keys(routes)].map((p) => server.url(p, HOST)));
    const foreign = requests.filter((r) => !(r.url.startsWith('chrome-extension://') || pages.has(r.url)));
    expect(requests.filter((r) => pages.has(r.url))).toHaveLength(3);
    expect(foreign, JSON.stringify(foreign)).toEqual([]);
    // Calibration: a request the extension's service worker does make is seen by this recorder.
    const probe = server.url('/probe-from-extension', HOST);
    await sw.evaluate((u) => fetch(u).then(() => undefined, () => undefined), probe);
    await expect.poll(() => requests.find((r) => r.url === probe)?.from, { timeout: 3000 }).toBe('service-worker');
  });
});

/** Computed styles of page elements, to show the card's CSS does not leak. */
function pageStyles(page: Page) {
  return page.evaluate(() =>
    ['p', '#h', '#btn'].map((s) => {
      const cs = getComputedStyle(document.querySelector(s)!);
      return [cs.color, cs.fontSize, cs.display, cs.backgroundColor, cs.fontFamily].join(';');
    }),
  );
}

describe('language', () => {
  it('speaks English where the browser does', async () => {
    const previous = process.env.LANGUAGE;
    process.env.LANGUAGE = 'en';
    const englishBuild = await snapshotBuild('.output/chrome-mv3');
    const english = await launchChromiumWithExtension({ extensionPath: englishBuild, hostMap: ['*.vn'], args: ['--lang=en-US'] });
    process.env.LANGUAGE = previous;
    try {
      const page = await english.context.newPage();
      await page.goto(server.url('/plain.html', HOST));
      await waitForMarks(page, 1);
      await hover(page, '17-KH/TW');
      const en = translatorFrom(enMessages);
      // A fresh profile: the dataset may still be loading; the card fills in when it is ready.
      const opened = await waitForCard(page, (c) => c.open && (c.text ?? '').includes(en('cardCopy')), 20_000);
      expect(opened.text).toContain(en('cardIssuer'));
      expect(opened.text).toContain(en('cardCopy'));
      // The citation stays in Vietnamese: it is a Vietnamese citation.
      expect(opened.text).toContain('Kế hoạch số 17-KH/TW');
    } finally {
      await english.close();
      await rm(englishBuild, { recursive: true, force: true });
    }
  });
});
