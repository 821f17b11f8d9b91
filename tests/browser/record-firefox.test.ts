/**
 * The core of the researcher's path in real Firefox (firefox-esr over WebDriver BiDi, the Firefox build installed
 * as a temporary add-on): a code on a page → its card → the card's Full record link, opened by the background in a
 * new tab (moz-extension://…/record.html?id=…) → a related document's record. The record page is found among the
 * browser's pages by its own location (a new tab's target is first reported as about:blank under BiDi and its
 * address is not updated on the target: asking the page itself is what works).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { ADDON_UUID, type FirefoxWithExtension } from '../../scripts/harness/firefox';
import { openFirefoxSite, type FirefoxSite } from '../../scripts/harness/firefox-site';
import { evaluateInCardFirefox } from '../../scripts/harness/card-root.mjs';
import { page as html } from '../helpers/pages';
import { poll as pollFor } from '../helpers/poll';

const CT05 = '05-CT/TW@2016-05-15';
const routes: Record<string, string> = {
  '/ct05.html': html('Tin', '<p>Thực hiện Chỉ thị số 05-CT/TW ngày 15-5-2016 của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, chi bộ sinh hoạt chuyên đề.</p>'),
  '/blank.html': html('Trống', '<p>Trang trống.</p>'),
};

let site: FirefoxSite;
let ff: FirefoxWithExtension;
const url = (p: string) => site.url(p);

const poll = <T>(probe: () => Promise<T>, ok: (value: T) => boolean, timeout = 10_000) => pollFor(probe, ok, timeout);

/** The open page whose own location is `prefix…` (asked of each page: the targets' urls lag under BiDi). */
async function pageAt(prefix: string, timeout = 10_000): Promise<Page | undefined> {
  const find = async () => {
    for (const p of await ff.browser.pages()) {
      const href = await p.evaluate(() => location.href).catch(() => '');
      if (href.startsWith(prefix)) return p;
    }
    return undefined;
  };
  return poll(find, (p) => p !== undefined, timeout);
}

beforeAll(async () => {
  site = await openFirefoxSite({ routes });
  ff = site.firefox;
  // The dataset loads on install: wait for it from an extension page before the first card.
  const settings = await ff.extensionPage('popup.html', url('/blank.html'));
  await poll(() => settings.evaluate(() => (globalThis as any).browser.runtime.sendMessage({ channel: 'vanban-lens/lookup', request: { op: 'status' } })).catch(() => undefined), (s: any) => Boolean(s?.value?.ready), 60_000);
  await settings.close();
});

afterAll(() => site?.close());

describe('Firefox: from a code on a page to its record', () => {
  it('card → Full record (a new tab the background opens) → a related document’s record', async () => {
    const page = await ff.browser.newPage();
    await page.goto(url('/ct05.html'));
    const p = await poll(
      () =>
        page.evaluate(() => {
          const set = (CSS as any).highlights?.get('vbl-ref') as Set<AbstractRange> | undefined;
          const range = [...(set ?? [])][0];
          if (!range) return null;
          const live = document.createRange();
          live.setStart(range.startContainer, range.startOffset);
          live.setEnd(range.endContainer, range.endOffset);
          const b = live.getBoundingClientRect();
          return { x: b.x + b.width / 2, y: b.y + b.height / 2, w: b.width };
        }),
      (v) => v !== null,
    );
    expect(p).not.toBeNull();
    await page.mouse.move(Math.max(0, p!.x - p!.w - 20), p!.y);
    await page.mouse.move(p!.x, p!.y, { steps: 3 });
    const link = await poll(
      () =>
        evaluateInCardFirefox(page, (root) => {
          const a = root?.querySelector<HTMLAnchorElement>('a.full-record');
          if (!a) return null;
          const b = a.getBoundingClientRect();
          return { x: b.x + b.width / 2, y: b.y + b.height / 2, href: a.href, text: a.textContent };
        }),
      (v) => v !== null,
      20_000,
    );
    expect(link?.href).toBe(`moz-extension://${ADDON_UUID}/record.html?id=${encodeURIComponent(CT05)}`);
    await page.mouse.move(link!.x, link!.y, { steps: 4 });
    await page.mouse.click(link!.x, link!.y);

    const record = await pageAt(`moz-extension://${ADDON_UUID}/record.html`);
    expect(record, 'the record tab').toBeDefined();
    const heading = await poll(() => record!.evaluate(() => document.querySelector('article.record h1')?.textContent ?? '').catch(() => ''), (h) => h !== '');
    expect(heading).toBe('Chỉ thị số 05-CT/TW');
    expect(await record!.evaluate(() => new URLSearchParams(location.search).get('id'))).toBe(CT05);
    // Its citing articles, and the neighbourhood graph drawn (cytoscape loaded by the page in Firefox too).
    expect(await poll(() => record!.evaluate(() => document.querySelectorAll('.article').length), (n) => n > 0)).toBeGreaterThan(0);
    expect(await poll(() => record!.evaluate(() => (document.querySelector('.graph-canvas') as HTMLElement | null)?.dataset.ready ?? ''), (r) => r !== '')).toBe('true');

    // A related (co-cited) document's record, by a click on its link.
    const target = await record!.evaluate(() => {
      const a = document.querySelector<HTMLAnchorElement>('section[aria-labelledby="rec-cocited"] .doc-links a')!;
      a.scrollIntoView({ block: 'center' });
      const b = a.getBoundingClientRect();
      return { x: b.x + b.width / 2, y: b.y + b.height / 2, id: new URL(a.href).searchParams.get('id') };
    });
    await record!.mouse.click(target.x, target.y);
    const now = await poll(() => record!.evaluate(() => new URLSearchParams(location.search).get('id')).catch(() => null), (id) => id === target.id);
    expect(now).toBe(target.id);
    const next = await poll(() => record!.evaluate(() => document.querySelector('article.record h1')?.textContent ?? '').catch(() => ''), (h) => h !== '' && h !== heading);
    expect(next).not.toBe('');
    await page.close();
  });
});
