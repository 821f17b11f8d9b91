/**
 * Hardening in real Firefox (firefox-esr over WebDriver BiDi, the Firefox build installed as a temporary add-on):
 * Copy citation goes through the extension's own context, never through a copy event the page sees; codes in the
 * page's open shadow roots are marked and open a card; removing the add-on with a page open leaves the page's DOM
 * as it was, and installing it again marks it once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { FirefoxWithExtension } from '../../scripts/harness/firefox';
import { openFirefoxSite, type FirefoxSite } from '../../scripts/harness/firefox-site';
import { evaluateInCardFirefox } from '../../scripts/harness/card-root.mjs';
import { COPY_HIJACKER, page as html, shadowArticlePage } from '../helpers/pages';
import { poll } from '../helpers/poll';
import { hoverText as hover, marks } from '../helpers/firefox-page';
import { translatorFrom } from '../../lib/i18n/t';
import viMessages from '../../public/_locales/vi/messages.json';
import enMessages from '../../public/_locales/en/messages.json';

const TITLE_WORDS = 'Ban Bí thư khóa XIV';
const PLAIN = '<p>Theo Kế hoạch số 17-KH/TW ngày 7-7-2023 của Bộ Chính trị, các cấp ủy rà soát quy hoạch.</p>';
const routes: Record<string, string> = {
  '/plain.html': html('Tin', PLAIN),
  '/hijack.html': html('Tin', PLAIN, COPY_HIJACKER),
  '/paste.html': html('Dán', '<textarea id="paste" rows="3" cols="80"></textarea>'),
  '/blank.html': html('Trống', '<p>Trang trống.</p>'),
  '/shadow.html': shadowArticlePage('Theo Kế hoạch số 17-KH/TW ngày 7-7-2023 của Bộ Chính trị, các cấp ủy rà soát quy hoạch.'),
};
/** The card's words in either language the browser may give it. */
const both = (key: string) => [translatorFrom(viMessages)(key), translatorFrom(enMessages)(key)];
const says = (text: string, key: string) => both(key).some((w) => text.includes(w));

let site: FirefoxSite;
let ff: FirefoxWithExtension;
const open = (pathname: string) => site.open(pathname);

function card(page: Page) {
  return evaluateInCardFirefox(page, (root) => {
    const host = root?.host;
    const el = root?.querySelector('[role="dialog"]');
    if (!root || !host || host.hasAttribute('hidden') || !el) return { open: false, text: '', host: !!host };
    return { open: getComputedStyle(el).opacity !== '0', text: el.textContent ?? '', host: true };
  });
}

beforeAll(async () => {
  site = await openFirefoxSite({ routes });
  ff = site.firefox;
});

afterAll(() => site?.close());

describe('Firefox: Copy citation', () => {
  it('copies the citation through the card’s button without a copy event the page sees; the card says Copied', async () => {
    const page = await open('/hijack.html');
    expect(await page.evaluate(() => isSecureContext)).toBe(false);
    await poll(() => marks(page), (m) => m.length > 0);
    await hover(page, '17-KH/TW');
    await poll(() => card(page), (c) => c.open && c.text.includes(TITLE_WORDS), 20_000);
    const button = await evaluateInCardFirefox(page, (root) => {
      const el = root?.querySelector<HTMLElement>('.copy');
      if (!el) return null;
      el.scrollIntoView({ block: 'nearest' });
      const r = el.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2, citation: root!.querySelector('.citation')?.textContent ?? '' };
    });
    expect(button).not.toBeNull();
    expect(button!.citation).toMatch(/^Kế hoạch số 17-KH\/TW/);
    await page.mouse.move(button!.x, button!.y, { steps: 4 });
    await page.mouse.click(button!.x, button!.y);
    const after = await poll(() => card(page), (c) => says(c.text, 'cardCopied') || says(c.text, 'cardCopyFailed'));
    expect({ copied: says(after.text, 'cardCopied'), failed: says(after.text, 'cardCopyFailed') }).toEqual({ copied: true, failed: false });
    expect(await page.evaluate(() => (window as any).copies)).toBe(0);
    // What is on the clipboard: pasted into a text field of another page.
    const paste = await open('/paste.html');
    await paste.click('#paste');
    await paste.keyboard.down('Control');
    await paste.keyboard.press('v');
    await paste.keyboard.up('Control');
    expect(await poll(() => paste.$eval('#paste', (el) => (el as HTMLTextAreaElement).value), (v) => v.length > 0, 3000)).toBe(button!.citation);
    await paste.close();
    await page.close();
  }, 90_000);
});

describe('Firefox: codes inside the page’s open shadow roots', () => {
  it('are marked, and resting on one opens its card', async () => {
    const page = await open('/shadow.html');
    expect(await poll(() => marks(page), (m) => m.includes('17-KH/TW'))).toEqual(['17-KH/TW']);
    const p = await page.evaluate(() => {
      const root = document.getElementById('host')!.shadowRoot!;
      const text = root.querySelector('p')!.firstChild!;
      const at = text.textContent!.indexOf('17-KH/TW');
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + 8);
      const b = range.getBoundingClientRect();
      return { x: b.x + b.width / 2, y: b.y + b.height / 2, w: b.width };
    });
    await page.mouse.move(Math.max(0, p.x - p.w - 20), p.y);
    await page.mouse.move(p.x, p.y, { steps: 3 });
    const opened = await poll(() => card(page), (c) => c.open && c.text.includes(TITLE_WORDS), 20_000);
    expect(opened.open).toBe(true);
    await page.close();
  });
});

describe('Firefox: the add-on removed with a page open, then installed again', () => {
  /** Elements directly under <html> besides <head> and <body> (card hosts). */
  const hosts = (page: Page) => page.evaluate(() => [...document.documentElement.children].filter((e) => e !== document.head && e !== document.body).length);

  it('removal leaves the page’s DOM as it was (the marks stay drawn: Firefox destroys the script first); installed again, the page is marked once and cards open', async () => {
    const page = await open('/plain.html');
    const before = await page.evaluate(() => document.body.innerHTML);
    await poll(() => marks(page), (m) => m.length > 0);
    await hover(page, '17-KH/TW');
    await poll(() => card(page), (c) => c.open && c.text.includes(TITLE_WORDS), 20_000);
    await page.mouse.move(1, 1);
    expect((await poll(() => card(page), (c) => !c.open, 5000)).open).toBe(false);

    await ff.browser.uninstallExtension(ff.addonId);
    await new Promise((r) => setTimeout(r, 2000));
    // What is true in Firefox: the content script's sandbox is destroyed with the add-on (timers, listeners,
    // ports and all), so it gets no chance to clean up. Highlight mode never changed the page's DOM, so the DOM
    // is as it was; the marks already drawn stay in the page's highlight registry until the page is reloaded,
    // and the card host stays hidden. Resting on a code opens nothing.
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(before);
    expect(await marks(page)).toEqual(['17-KH/TW']);
    await hover(page, '17-KH/TW');
    await new Promise((r) => setTimeout(r, 1500));
    expect((await card(page)).open).toBe(false);
    await page.mouse.move(1, 1);

    // Installed again: Firefox injects the content script into the open tab; the new script's marks take the
    // registry's place (one mark, not two) and its card opens.
    const hostsBefore = await hosts(page);
    await page.evaluate(() => ((window as any).oldHighlight = (CSS as any).highlights.get('vbl-ref')));
    const id = await ff.browser.installExtension(site.build);
    expect(id).toBe(ff.addonId);
    // The new script's highlight takes the old one's place in the registry.
    expect(await poll(() => page.evaluate(() => (CSS as any).highlights.get('vbl-ref') !== (window as any).oldHighlight), (v) => v, 10_000)).toBe(true);
    expect(await poll(() => marks(page), (m) => m.length === 1)).toEqual(['17-KH/TW']);
    await hover(page, '17-KH/TW');
    // (The dataset is loaded again after the new install: the card may wait for it.)
    const reopened = await poll(() => card(page), (c) => c.open && c.text.includes(TITLE_WORDS), 40_000);
    expect(reopened.open).toBe(true);
    expect(await marks(page)).toEqual(['17-KH/TW']);
    expect(await hosts(page)).toBeLessThanOrEqual(hostsBefore + 1);
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(before);
    await page.close();
  }, 90_000);
});
