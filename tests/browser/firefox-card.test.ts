/**
 * The core scenarios in real Firefox (firefox-esr over WebDriver BiDi, the Firefox build installed as a
 * temporary add-on): seed pages marked, a card opened by hover and by keyboard, a site turned off.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { FirefoxWithExtension } from '../../scripts/harness/firefox';
import { openFirefoxSite, type FirefoxSite } from '../../scripts/harness/firefox-site';
import { evaluateInCardFirefox } from '../../scripts/harness/card-root.mjs';
import { page as html, seedPages } from '../helpers/pages';
import { SEED_FILES } from '../helpers/seeds';
import { poll } from '../helpers/poll';
import { hoverText, marks } from '../helpers/firefox-page';

const seeds = seedPages();
const routes: Record<string, string> = {
  '/plain.html': html('Tin', '<p>Theo Kế hoạch số 17-KH/TW ngày 7-7-2023 của Bộ Chính trị, các cấp ủy rà soát quy hoạch.</p>'),
  '/blank.html': html('Trống', '<p>Trang trống.</p>'),
};
for (const seed of seeds) routes[`/seed-${seed.name}.html`] = seed.html;

let site: FirefoxSite;
let ff: FirefoxWithExtension;
let settings: Page;
const url = (p: string) => site.url(p);
const open = (pathname: string) => site.open(pathname);

/** The card, read through WebDriver BiDi (its shadow root is closed: no page script reaches it). */
function card(page: Page) {
  return evaluateInCardFirefox(page, (root) => {
    const host = root?.host;
    const el = root?.querySelector('[role="dialog"]');
    if (!root || !host || host.hasAttribute('hidden') || !el) return { open: false, heading: '', text: '', focusInside: false };
    return {
      open: getComputedStyle(el).opacity !== '0',
      heading: el.querySelector('h2')?.textContent ?? '',
      text: el.textContent ?? '',
      focusInside: root.activeElement !== null,
    };
  });
}

/**
 * Writes the site's settings as another browser (or an older version) would, plainly into storage.sync, and waits
 * until the background has merged the change (stamped it, or removed this device's copy): each step of a test is a
 * change of its own, not one racing the merge of the last (that race is tests/unit/settings/settings-sync.test.ts's).
 */
async function setSite(value: Record<string, unknown> | null) {
  await settings.evaluate(async (v) => {
    const api = (globalThis as any).browser;
    if (v) await api.storage.sync.set({ 'site:baotest.vn': v });
    else await api.storage.sync.remove('site:baotest.vn');
  }, value);
  const merged = await poll(
    () => settings.evaluate(async () => {
      const api = (globalThis as any).browser;
      const [synced, local] = [(await api.storage.sync.get('site:baotest.vn'))['site:baotest.vn'], (await api.storage.local.get('site:baotest.vn'))['site:baotest.vn']];
      return { synced: synced ?? null, local: local ?? null };
    }),
    ({ synced, local }) => (value ? Boolean(synced?._hlc && local?._hlc) : synced === null && local === null),
  );
  expect(value ? Boolean(merged.synced?._hlc && merged.local?._hlc) : merged).toEqual(value ? true : { synced: null, local: null });
}

beforeAll(async () => {
  site = await openFirefoxSite({ routes });
  ff = site.firefox;
  settings = await ff.extensionPage('popup.html', url('/blank.html'));
});

afterAll(() => site?.close());

describe('Firefox', () => {
  it('seed articles are the two of ../shared/seeds', () => {
    expect(seeds.map((s) => `${s.name}.txt`)).toEqual([...SEED_FILES]);
  });

  it.each(seeds.map((s) => [s.name, s] as const))('marks every full Party code in seed %s', async (_, seed) => {
    const page = await open(`/seed-${seed.name}.html`);
    const codes = new Set(seed.text.match(/\b\d{1,4}-(?:KH|CT|NQ|QĐ|HD|KL|QC|TB|BC)\/[A-ZĐ]{2,8}\b/gu) ?? []);
    expect(codes.size).toBeGreaterThan(0);
    // Highlight mode paints a window around the viewport: bring each code into view, then look.
    const missing: string[] = [];
    for (const code of codes) {
      await page.evaluate((needle) => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        let node: Node | null;
        while ((node = walker.nextNode())) {
          if ((node.textContent ?? '').includes(needle)) return node.parentElement!.scrollIntoView({ block: 'center' });
        }
      }, code);
      const seen = await poll(() => marks(page), (m) => m.includes(code), 3000);
      if (!seen.includes(code)) missing.push(code);
    }
    expect(missing).toEqual([]);
    await page.close();
  });

  it('opens a card when the pointer rests on a reference', async () => {
    const page = await open('/plain.html');
    await poll(() => marks(page), (m) => m.length > 0);
    await hoverText(page, '17-KH/TW');
    // The title comes only from the bundled dataset (the page does not say it): Firefox's IndexedDB store answers.
    const opened = await poll(() => card(page), (c) => c.open && c.text.includes('Ban Bí thư khóa XIV'), 20_000);
    expect(opened.open).toBe(true);
    expect(opened.heading).toBe('Kế hoạch số 17-KH/TW');
    expect(opened.text).toContain('về xây dựng quy hoạch Ban Chấp hành Trung ương, Bộ Chính trị, Ban Bí thư khóa XIV');
    await page.close();
  });

  it('a page script can neither read the card nor insert a link into it (closed shadow root, random host name)', async () => {
    const page = await open('/plain.html');
    await poll(() => marks(page), (m) => m.length > 0);
    await hoverText(page, '17-KH/TW');
    const opened = await poll(() => card(page), (c) => c.open && c.text.includes('Ban Bí thư khóa XIV'), 20_000);
    expect(opened.open).toBe(true);
    // The page script: every element under <html> beside <head> and <body>.
    const found = await page.evaluate(() => {
      const out: string[] = [];
      for (const el of [...document.documentElement.children].filter((e) => e !== document.head && e !== document.body)) {
        const root = el.shadowRoot;
        if (root) {
          out.push(`shadowRoot:${root.textContent}`);
          const a = document.createElement('a');
          a.href = 'https://evil.example/';
          a.textContent = 'EVIL LINK';
          root.querySelector('[role="dialog"]')?.append(a);
        }
        try {
          el.attachShadow({ mode: 'open' });
          out.push('attachShadow:ok');
        } catch {
          // already has one
        }
        out.push(`name:${el.localName}`, `innerText:${(el as HTMLElement).innerText}`);
        el.insertAdjacentHTML('beforeend', '<a href="https://evil.example/">EVIL LINK</a>');
      }
      out.push(`html:${(document.documentElement as any).getHTML?.({ serializableShadowRoots: true }) ?? document.documentElement.outerHTML}`);
      return out.join('\n');
    });
    expect(found).toContain('name:');
    expect(found).not.toContain('Ban Bí thư khóa XIV');
    expect(found).not.toContain('shadowRoot:');
    expect(found).not.toContain('attachShadow:ok');
    expect(found).not.toMatch(/name:.*(vanban|vbl|lens|card)/i);
    const after = await card(page);
    expect(after.open).toBe(true);
    expect(after.text).toContain('Ban Bí thư khóa XIV');
    expect(after.text).not.toContain('EVIL');
    const shown = await evaluateInCardFirefox(page, (root) => ({
      evil: [...root!.querySelectorAll('a')].filter((a) => a.href.includes('evil')).length,
      light: [...root!.host.querySelectorAll('a')].map((a) => a.getClientRects().length),
    }));
    expect(shown.evil).toBe(0);
    expect(shown.light.length).toBeGreaterThan(0);
    expect(shown.light.every((n) => n === 0)).toBe(true);
    await page.close();
  });

  it('opens a card from the keyboard (inline mode): Tab, Enter into it, Escape back', async () => {
    await setSite({ mode: 'inline' });
    const page = await open('/plain.html');
    await poll(() => marks(page, 'inline'), (m) => m.length > 0);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe('vbl-ref');
    expect((await poll(() => card(page), (c) => c.open)).heading).toBe('Kế hoạch số 17-KH/TW');
    await page.keyboard.press('Enter');
    expect((await poll(() => card(page), (c) => c.focusInside)).focusInside).toBe(true);
    await page.keyboard.press('Escape');
    expect((await poll(() => card(page), (c) => !c.open)).open).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe('vbl-ref');
    await setSite(null);
    await page.close();
  });

  it('turning the site off unmarks its open tabs at once, and on again marks them', async () => {
    const page = await open('/plain.html');
    expect((await poll(() => marks(page), (m) => m.length > 0)).length).toBeGreaterThan(0);
    await setSite({ enabled: false });
    expect(await poll(() => marks(page), (m) => m.length === 0)).toEqual([]);
    expect(await marks(page, 'inline')).toEqual([]);
    await setSite(null);
    expect((await poll(() => marks(page), (m) => m.length > 0)).length).toBeGreaterThan(0);
    await page.close();
  });
});
