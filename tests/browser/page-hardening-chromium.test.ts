/**
 * The page cannot see, steer or switch off the extension (real Chromium, the built extension loaded): a page
 * script cannot read the card or put its own content into it; the content script tells the page nothing when it
 * starts and does not stop for anything the page sends; a page that defines custom element names first still gets
 * its marks and cards.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromiumWithExtension, type ChromiumWithExtension } from '../../scripts/harness/chromium';
import { openChromiumSite, type ChromiumSite } from '../../scripts/harness/chromium-site';
import type { StaticServer } from '../../scripts/harness/static-server.mjs';
import { COPY_HIJACKER, page as html } from '../helpers/pages';
import { card, clearStorage, clickInCard, highlighted, hover, inCard, waitForCard, waitForMarks } from '../helpers/card';
import { translatorFrom } from '../../lib/i18n/t';
import viMessages from '../../public/_locales/vi/messages.json';
import enMessages from '../../public/_locales/en/messages.json';

const HOST = 'baotest.vn';
/** Said only by the bundled dataset (the page does not say it): seen only when the card is really open. */
const TITLE_WORDS = 'Ban Bí thư khóa XIV';
const PLAIN = '<p>Theo Kế hoạch số 17-KH/TW ngày 7-7-2023 của Bộ Chính trị, các cấp ủy rà soát quy hoạch.</p>';

/** A page script that records everything the page could see of a content script starting (before it starts). */
const LISTENER = `<script>
  window.seen = [];
  const id = location.hash.slice(1);
  addEventListener('message', (e) => window.seen.push('message:' + JSON.stringify(e.data)));
  for (const type of [id + ':content:wxt:content-script-started', 'wxt:content-script-started']) {
    document.addEventListener(type, (e) => window.seen.push('event:' + e.type + ':' + JSON.stringify(e.detail)));
  }
</script>`;
/** A page that defines, before any content script runs, the name the card used to have, and every name it tries. */
const DEFINER = `<script>
  window.constructed = [];
  class Trap extends HTMLElement {
    static disabledFeatures = ['shadow'];
    constructor() { super(); window.constructed.push(this.localName); throw new Error('page trap'); }
  }
  for (const name of ['vanban-lens-card', 'vbl-card', 'vanban-card']) customElements.define(name, class extends Trap {});
</script>`;

const routes: Record<string, string> = {
  '/plain.html': html('Tin', PLAIN),
  '/hijack.html': html('Tin', PLAIN, COPY_HIJACKER),
  '/blank-for-clipboard': html('Trống', '<p>Trống.</p>'),
  '/listen.html': html('Tin', PLAIN, LISTENER),
  '/defined.html': html('Tin', PLAIN, DEFINER),
};

let site: ChromiumSite;
let server: StaticServer;
let chrome: ChromiumWithExtension;
let extensionDir: string;

const open = (pathname: string) => site.open(pathname);

beforeAll(async () => {
  site = await openChromiumSite({ routes });
  ({ server, chrome, extensionDir } = site);
});

afterEach(async () => {
  if (chrome) await clearStorage(await chrome.serviceWorker());
});

afterAll(async () => {
  await site?.close();
});

/**
 * What a page script can do to find and read the card, and to put a link into it: every element that is not the
 * page's own (under <html> beside <head> and <body>, or at the card's place on screen), through shadowRoot,
 * attachShadow, getHTML with shadow roots, innerText, the composed path of events from inside the card, and
 * appending a link to the host. Returns what it read.
 */
function pageAttack(page: Page, at: { x: number; y: number }) {
  return page.evaluate(({ x, y }) => {
    const found: string[] = [];
    const suspects = new Set<Element>([...document.documentElement.children].filter((e) => e !== document.head && e !== document.body));
    const under = document.elementFromPoint(x, y);
    if (under) suspects.add(under);
    for (const el of suspects) {
      const root = el.shadowRoot;
      if (root) {
        found.push(`shadowRoot:${root.textContent ?? ''}`);
        const a = document.createElement('a');
        a.href = 'https://evil.example/';
        a.textContent = 'EVIL LINK';
        root.querySelector('[role="dialog"]')?.append(a);
        root.append(a.cloneNode(true));
      }
      try {
        el.attachShadow({ mode: 'open' });
        found.push('attachShadow:ok');
      } catch {
        // Already has a root: the page gets no second one.
      }
      found.push(`innerText:${(el as HTMLElement).innerText ?? ''}`);
      found.push(`getHTML:${(el as any).getHTML?.({ serializableShadowRoots: true }) ?? ''}`);
      const link = document.createElement('a');
      link.href = 'https://evil.example/';
      link.textContent = 'EVIL LINK';
      link.id = 'evil-light';
      el.append(link);
      el.insertAdjacentHTML('afterbegin', '<a id="evil-html" href="https://evil.example/">EVIL LINK</a>');
    }
    found.push(`html:${(document.documentElement as any).getHTML?.({ serializableShadowRoots: true }) ?? ''}`);
    found.push(`body:${document.body.innerText}`);
    return { found: found.join('\n'), suspects: suspects.size };
  }, at);
}

describe('the card is closed to the page', () => {
  it('a page script can neither read the card nor insert a link into it; the host has no stable name', async () => {
    const page = await open('/plain.html');
    // The page listens to events from inside the card: their composed path stops at the host.
    await page.evaluate(() => {
      (window as any).paths = [] as string[];
      for (const type of ['pointermove', 'pointerover', 'click', 'focusin']) {
        document.addEventListener(type, (e) => (window as any).paths.push(e.composedPath().map((n: any) => n.nodeName ?? String(n)).join('>')), true);
      }
    });
    await waitForMarks(page, 1);
    await hover(page, '17-KH/TW');
    const opened = await waitForCard(page, (c) => c.open && (c.text ?? '').includes(TITLE_WORDS), 20_000);
    const center = { x: opened.box!.x + opened.box!.width / 2, y: opened.box!.y + 20 };
    await page.mouse.move(center.x, center.y, { steps: 3 });

    const attack = await pageAttack(page, center);
    expect(attack.suspects).toBeGreaterThan(0);
    expect(attack.found).not.toContain(TITLE_WORDS);
    expect(attack.found).not.toContain('attachShadow:ok');
    expect(attack.found).not.toContain('shadowRoot:');
    // The events the page saw never named a node inside the card.
    const paths: string[] = await page.evaluate(() => (window as any).paths);
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.join('\n')).not.toMatch(/#document-fragment|DIALOG|\bDIV>.*#document-fragment/);
    expect(paths.filter((p) => p.includes('#document-fragment'))).toEqual([]);

    // The card is as it was: still open, with no link of the page's in it, and the page's links are not shown.
    const after = await card(page);
    expect(after.open).toBe(true);
    expect(after.text).toContain(TITLE_WORDS);
    expect(after.text).not.toContain('EVIL');
    const inside = await inCard(page, (root) => ({
      evil: [...root!.querySelectorAll('a')].filter((a) => a.href.includes('evil')).length,
      lightShown: [...root!.host.querySelectorAll('a')].map((a) => a.getClientRects().length),
      name: root!.host.localName,
      attributes: [...root!.host.attributes].map((a) => a.name),
    }));
    expect(inside.evil).toBe(0);
    expect(inside.lightShown.every((n) => n === 0)).toBe(true); // no slot: light DOM children are never rendered
    expect(inside.name).not.toMatch(/vanban|vbl|lens|card/i);
    expect(inside.attributes).toEqual([]);
    await page.close();

    // Another page load: another host name.
    const again = await open('/plain.html');
    await waitForMarks(again, 1);
    await hover(again, '17-KH/TW');
    await waitForCard(again, (c) => c.open);
    const name2 = await inCard(again, (root) => root!.host.localName);
    expect(name2).not.toBe(inside.name);
    await again.close();
  });
});

describe('the content script neither tells the page it started nor stops for the page', () => {
  it('posts nothing to the page when it starts (no message, no event named with the extension id)', async () => {
    const page = await chrome.context.newPage();
    await page.goto(`${server.url('/listen.html', HOST)}#${chrome.extensionId}`);
    await waitForMarks(page, 1);
    await page.waitForTimeout(300);
    const seen: string[] = await page.evaluate(() => (window as any).seen);
    expect(seen).toEqual([]);
    await page.close();
  });

  it('a page that replays the framework’s “content script started” message does not switch it off', async () => {
    const page = await open('/plain.html');
    await waitForMarks(page, 1);
    await page.evaluate((id) => {
      const names = [`${id}:content:wxt:content-script-started`, 'wxt:content-script-started'];
      for (const type of names) {
        const detail = { contentScriptName: 'content', messageId: 'from-the-page' };
        document.dispatchEvent(new CustomEvent(type, { detail }));
        window.postMessage({ type, ...detail }, '*');
      }
    }, chrome.extensionId);
    await page.waitForTimeout(1000);
    expect(await waitForMarks(page, 1)).toContain('17-KH/TW');
    await hover(page, '17-KH/TW');
    const opened = await waitForCard(page, (c) => c.open && (c.text ?? '').includes(TITLE_WORDS), 20_000);
    expect(opened.heading).toBe('Kế hoạch số 17-KH/TW');
    await page.close();
  });

  it('a page that defines custom element names before the content script starts still gets its marks and cards', async () => {
    const page = await open('/defined.html');
    expect(await page.evaluate(() => customElements.get('vanban-lens-card') !== undefined)).toBe(true);
    expect(await waitForMarks(page, 1)).toContain('17-KH/TW');
    await hover(page, '17-KH/TW');
    const opened = await waitForCard(page, (c) => c.open && (c.text ?? '').includes(TITLE_WORDS), 20_000);
    expect(opened.heading).toBe('Kế hoạch số 17-KH/TW');
    expect(await page.evaluate(() => (window as any).constructed)).toEqual([]);
    await page.close();
  });
});

describe('the page cannot switch marking off', () => {
  it('marks come back when a page clears or replaces the highlight registry (CSS.highlights.clear(), its own Highlight)', async () => {
    const page = await open('/plain.html');
    await waitForMarks(page, 1);
    const painted = () => page.evaluate(() => [...(CSS as any).highlights.values()].reduce((n: number, h: Set<unknown>) => n + h.size, 0));
    const before = await painted();
    expect(before).toBeGreaterThan(0);
    await page.evaluate(() => (CSS as any).highlights.clear());
    expect(await painted()).toBe(0);
    await expect.poll(painted, { timeout: 5000 }).toBe(before);
    // A page library registering its own (empty) highlight under every name it finds.
    await page.evaluate(() => {
      const reg = (CSS as any).highlights;
      for (const name of [...reg.keys()]) reg.set(name, new (window as any).Highlight());
    });
    await expect.poll(painted, { timeout: 5000 }).toBe(before);
    await hover(page, '17-KH/TW');
    await waitForCard(page, (c) => c.open && (c.text ?? '').includes(TITLE_WORDS), 20_000);
    await page.close();
  });
});

describe('Copy citation cannot be hijacked', () => {
  it('on an http page the citation is copied without any copy event the page sees, and the card says Copied', async () => {
    const lang = await site.language();
    const t = translatorFrom(lang === 'vi' ? viMessages : enMessages);
    const page = await open('/hijack.html');
    expect(await page.evaluate(() => isSecureContext)).toBe(false); // http://baotest.vn: no Clipboard API in the page
    await waitForMarks(page, 1);
    await hover(page, '17-KH/TW');
    await waitForCard(page, (c) => c.open && (c.text ?? '').includes(TITLE_WORDS), 20_000);
    const citation = await inCard(page, (root) => root!.querySelector('.citation')?.textContent ?? '');
    expect(citation).toMatch(/^Kế hoạch số 17-KH\/TW/);
    await clickInCard(page, '.copy');
    const after = await waitForCard(page, (c) => (c.text ?? '').includes(t('cardCopied')) || (c.text ?? '').includes(t('cardCopyFailed')));
    expect(after.text).toContain(t('cardCopied'));
    expect(await page.evaluate(() => (window as any).copies)).toBe(0);
    // Read the clipboard back from a page where reading is allowed (127.0.0.1 is a secure context).
    await chrome.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url('/').replace(/\/$/, '') });
    const reader = await chrome.context.newPage();
    await reader.goto(server.url('/blank-for-clipboard'));
    await reader.bringToFront();
    expect(await reader.evaluate(() => navigator.clipboard.readText())).toBe(citation);
    await reader.close();
    await page.close();
  });
});

describe('after the extension is reloaded, an open tab is left clean', () => {
  it('the orphaned content script removes its marks and card and stops: nothing opens, no raw message keys', async () => {
    // A browser of its own: an extension loaded from the command line does not come back after reload() here.
    const own = await launchChromiumWithExtension({ extensionPath: extensionDir, hostMap: ['*.vn'], args: ['--lang=vi'] });
    try {
      const page = await own.context.newPage();
      await page.goto(server.url('/plain.html', HOST));
      const bodyBefore = await page.evaluate(() => document.body.innerHTML);
      await waitForMarks(page, 1);
      await hover(page, '17-KH/TW');
      await waitForCard(page, (c) => c.open && (c.text ?? '').includes(TITLE_WORDS), 20_000);
      const worker = await own.serviceWorker();
      await worker.evaluate(() => (globalThis as any).chrome.runtime.reload()).catch(() => undefined);

      // Within a few seconds: no marks, no card host, the page as it was.
      const until = Date.now() + 5000;
      let state = { marks: ['?'], host: true };
      while (Date.now() < until) {
        state = { marks: await highlighted(page), host: await inCard(page, (root) => root !== null) };
        if (state.marks.length === 0 && !state.host) break;
        await page.waitForTimeout(100);
      }
      expect(state).toEqual({ marks: [], host: false });
      expect(await page.evaluate(() => document.body.innerHTML)).toBe(bodyBefore);

      // Resting on the code again opens nothing: no card of an extension that no longer answers (whose strings
      // would be raw message keys and whose lookups would never come back).
      await page.mouse.move(1, 1);
      await hover(page, '17-KH/TW');
      await page.waitForTimeout(1500);
      const after = await card(page);
      expect(after.open).toBe(false);
      expect(after.text ?? '').not.toMatch(/\b(card|answer|level)[A-Z_]\w*/);
      expect(await highlighted(page)).toEqual([]);
    } finally {
      await own.close();
    }
  });
});
