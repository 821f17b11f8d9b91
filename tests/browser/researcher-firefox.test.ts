/**
 * The search page in real Firefox (firefox-esr over WebDriver BiDi, the Firefox build installed as a temporary
 * add-on): a code typed in a variant finds its documents, filters go into the address, arrow keys and Enter open
 * a record; the context menu's lookup answers from the loaded dataset.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { FirefoxWithExtension } from '../../scripts/harness/firefox';
import { openFirefoxSite, type FirefoxSite } from '../../scripts/harness/firefox-site';
import { LOOKUP_CHANNEL } from '../../lib/lookup/messages';
import { page as html } from '../helpers/pages';
import { poll as pollFor } from '../helpers/poll';

let site: FirefoxSite;
let ff: FirefoxWithExtension;
const url = (p: string) => site.url(p);

const poll = <T>(probe: () => Promise<T>, ok: (value: T) => boolean, timeout = 15_000) => pollFor(probe, ok, timeout);

const codes = (page: Page) => page.evaluate(() => [...document.querySelectorAll('.results .code')].map((e) => e.textContent ?? ''));

beforeAll(async () => {
  site = await openFirefoxSite({ routes: { '/blank.html': html('Trống', '<p>Trang trống.</p>') }, extensionPages: ['popup.html', 'search.html'] });
  ff = site.firefox;
});

afterAll(() => site?.close());

describe('Firefox search page', () => {
  it('finds a code however written, keeps filters in the address, and opens a result with the keyboard', async () => {
    const page = await ff.extensionPage('search.html?q=35+CT+TW', url('/blank.html'));
    try {
      // The dataset loads on install: the page waits for it and then answers.
      expect((await poll(() => codes(page), (c) => c.length >= 3, 60_000)).slice(0, 3)).toEqual(['35-CT/TW', '35-CT/TW', '35-CT/TW']);
      await page.select('select[name="term"]', 'XII');
      await poll(() => page.evaluate(() => location.search), (s) => s.includes('term=XII'));
      expect(await poll(() => codes(page), (c) => c.length === 1)).toEqual(['35-CT/TW']);
      await page.focus('#q');
      await page.keyboard.press('ArrowDown');
      const href = await page.evaluate(() => document.activeElement?.getAttribute('href'));
      expect(href).toBe(`record.html?id=${encodeURIComponent('35-CT/TW@2019-05-30')}`);
      await page.keyboard.press('Enter');
      const at = () => page.evaluate(() => location.pathname + location.search).catch(() => '');
      expect(await poll(at, (where) => where.includes('record.html'))).toBe(`/${href}`);
    } finally {
      await page.close();
    }
  });

  it('answers the context menu lookup', async () => {
    const page = await ff.extensionPage('search.html', url('/blank.html'));
    try {
      const answer = await page.evaluate(
        (channel) => (globalThis as any).browser.runtime.sendMessage({ channel, request: { op: 'selectionTarget', text: 'Chỉ thị số 35-CT/TW' } }),
        LOOKUP_CHANNEL,
      );
      expect(answer).toEqual({ ok: true, value: { kind: 'code', code: '35-CT/TW' } });
    } finally {
      await page.close();
    }
  });
});
