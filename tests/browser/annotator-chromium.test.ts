/**
 * The annotator in real Chromium: lib/annotator and the detector bundled into one script and run on pages of
 * the project's own writing (tests/fixtures/pages), served from 127.0.0.1. The content script (another part)
 * wires the same API; here the page calls it directly and records every callback.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { bundleAnnotator } from '../../scripts/harness/annotator-bundle';
import { launchChromium } from '../../scripts/harness/chromium';
import { serveStatic, type StaticServer } from '../../scripts/harness/static-server.mjs';

const ROOT = path.resolve(__dirname, '../..');
const PAGES = path.join(ROOT, 'tests/fixtures/pages');

let browser: Browser;
let server: StaticServer;
let bundle = '';

beforeAll(async () => {
  bundle = await bundleAnnotator('chrome120');
  // SPA routes (/spa/a, /spa/b) serve the same page, as a server behind a client-side router does.
  const spa = await readFile(path.join(PAGES, 'spa.html'), 'utf8');
  server = await serveStatic({ root: PAGES, routes: { '/spa/a': spa, '/spa/b': spa } });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

type Mode = 'highlight' | 'inline';

async function open(file: string, width = 900, height = 700): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto(server.url(file));
  await page.addScriptTag({ content: bundle });
  // Page-side helpers: a snapshot of every node (identity and text) and a recorder of DOM mutations.
  await page.evaluate(() => {
    const w = window as any;
    w.__snapshot = () => {
      const out: Array<[Node, string | null]> = [];
      const walk = (n: Node) => {
        out.push([n, n.nodeType === 3 ? (n as Text).data : null]);
        n.childNodes.forEach(walk);
      };
      walk(document.documentElement);
      return out;
    };
    w.__sameAs = (before: Array<[Node, string | null]>) => {
      const after = w.__snapshot() as Array<[Node, string | null]>;
      if (after.length !== before.length) return `node count ${before.length} → ${after.length}`;
      for (let i = 0; i < after.length; i++) {
        if (after[i]![0] !== before[i]![0]) return `node ${i} replaced`;
        if (after[i]![1] !== before[i]![1]) return `text of node ${i}: ${before[i]![1]} → ${after[i]![1]}`;
      }
      return 'same';
    };
  });
  return page;
}

async function start(page: Page, mode: Mode, dwellMs = 300): Promise<void> {
  await page.evaluate(
    ({ mode, dwellMs }) => {
      const w = window as any;
      const events: any[] = (w.__events = []);
      w.__ctrl = new AbortController();
      w.__ann = w.__vbl.annotate({
        root: document,
        mode,
        dwellMs,
        signal: w.__ctrl.signal,
        detect: w.__vbl.detect,
        onFound: (b: any[]) => events.push({ type: 'found', codes: b.map((m) => m.ref.code ?? m.ref.raw) }),
        onActivate: (m: any, cause: string, anchor: any) =>
          events.push({ type: 'activate', code: m.ref.code, cause, anchor: anchor instanceof Range ? 'range' : anchor.localName }),
        onDeactivate: (m: any, cause: string) => events.push({ type: 'deactivate', code: m.ref.code, cause }),
      });
      return w.__ann.idle();
    },
    { mode, dwellMs },
  );
}

const codes = (page: Page) =>
  page.evaluate(() => [...(window as any).__ann.references.values()].map((m: any) => m.ref.code).sort());
const events = (page: Page, type?: string) =>
  page.evaluate((type) => (window as any).__events.filter((e: any) => !type || e.type === type), type);

/** Viewport centre of a marked reference's text. */
async function centreOf(page: Page, code: string) {
  await page.evaluate((code) => {
    const m = [...(window as any).__ann.references.values()].find((m: any) => m.ref.code === code);
    (m.element ?? m.range.startContainer.parentElement).scrollIntoView({ block: 'center' });
  }, code);
  await page.waitForTimeout(50);
  return page.evaluate((code) => {
    const m = [...(window as any).__ann.references.values()].find((m: any) => m.ref.code === code);
    const r = m.range.getClientRects()[0] as DOMRect;
    return { x: r.left + r.width / 2, y: r.top + r.height / 2, width: r.width };
  }, code);
}

async function until(page: Page, fn: string, timeout = 5000) {
  await page.waitForFunction(fn, undefined, { timeout, polling: 50 });
}

const ARTICLE_CODES = ['100/2019/NĐ-CP', '17-KH/TW', '17-KH/TW', '21-KL/TW', '22-QĐ/TW', '26-HD/BTCTW', '35-CT/TW'];

describe('marking the page', () => {
  it('highlight mode marks every code, joining codes split across elements, and does not change the DOM', async () => {
    const page = await open('article.html');
    await page.evaluate(() => {
      const w = window as any;
      w.__before = w.__snapshot();
      w.__mutations = 0;
      new MutationObserver((r) => (w.__mutations += r.length)).observe(document, {
        subtree: true, childList: true, characterData: true, attributes: true,
      });
    });
    await start(page, 'highlight');
    expect(await page.evaluate(() => (window as any).__ann.mode)).toBe('highlight');
    expect(await codes(page)).toEqual(ARTICLE_CODES);
    const raws = await page.evaluate(() =>
      [...(window as any).__ann.references.values()].map((m: any) => m.range.toString().replace(/\s+/g, ' ')),
    );
    expect(raws).toContain('17-KH/TW'); // "<b>17-KH</b>/TW" as one range
    expect(raws).toContain('35-CT/TW'); // "35-<wbr>CT/TW"
    expect(raws).toContain('26-HD/ BTCTW'); // broken by a line break in the source
    // Painted where the reader is: the code far below the fold joins the highlight when scrolled to.
    const painted = `[...CSS.highlights.get('vbl-ref')].map((r) => r.startContainer.data.slice(r.startOffset, r.endContainer === r.startContainer ? r.endOffset : undefined)).join(',')`;
    await until(page, "CSS.highlights.get('vbl-ref').size === 6");
    expect(await page.evaluate(painted)).not.toContain('22-QĐ/TW');
    await page.evaluate(() => document.getElementById('p-far')!.scrollIntoView());
    await until(page, `${painted}.includes('22-QĐ/TW')`);
    await page.evaluate(() => window.scrollTo(0, 0));
    await until(page, "CSS.highlights.get('vbl-ref').size === 6");
    await page.waitForTimeout(100);
    expect(await page.evaluate(() => (window as any).__mutations)).toBe(0);
    expect(await page.evaluate(() => (window as any).__sameAs((window as any).__before))).toBe('same');
    // Nothing marked in code, pre, form fields, a button or the editor.
    const inside = await page.evaluate(() =>
      [...(window as any).__ann.references.values()].filter((m: any) =>
        m.range.startContainer.parentElement.closest('code,pre,textarea,input,button,[contenteditable]'),
      ).length,
    );
    expect(inside).toBe(0);
    await page.evaluate(() => (window as any).__ctrl.abort());
    expect(await page.evaluate(() => (CSS as any).highlights.has('vbl-ref'))).toBe(false);
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
    await page.close();
  });

  it('inline mode wraps each code in one <vbl-ref>, without moving layout; destroy restores the DOM exactly', async () => {
    const page = await open('article.html');
    const layout = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('p, h1, li, textarea, #editor')].map((e) => {
          const r = e.getBoundingClientRect();
          return [Math.round(r.top), Math.round(r.height), Math.round(r.width)];
        }),
      );
    const before = await layout();
    await page.evaluate(() => ((window as any).__before = (window as any).__snapshot()));
    await start(page, 'inline');
    expect(await codes(page)).toEqual(ARTICLE_CODES);
    const wrappers = await page.evaluate(() =>
      [...document.querySelectorAll('vbl-ref')].map((e) => ({
        text: e.textContent!.replace(/\s+/g, ' '),
        tab: e.getAttribute('tabindex'),
        role: e.getAttribute('role'),
        popup: e.getAttribute('aria-haspopup'),
        code: e.getAttribute('data-code'),
      })),
    );
    expect(wrappers).toHaveLength(7);
    expect(wrappers.every((w) => w.tab === '0' && w.role === 'button' && w.popup === 'dialog')).toBe(true);
    expect(wrappers.map((w) => w.text)).toContain('17-KH/TW');
    expect(await page.evaluate(() => document.querySelector('vbl-ref b')?.textContent)).toBe('17-KH');
    expect(await page.evaluate(() => document.querySelector('#editor vbl-ref, textarea vbl-ref, code vbl-ref'))).toBeNull();
    expect(await layout()).toEqual(before);
    // The page's own click handling still sees its link.
    await page.evaluate(() => {
      (window as any).__clicked = '';
      document.getElementById('kl-link')!.addEventListener('click', (e) => {
        e.preventDefault();
        (window as any).__clicked = (e.currentTarget as Element).id;
      });
    });
    await page.click('vbl-ref[data-code="21-KL/TW"]');
    expect(await page.evaluate(() => (window as any).__clicked)).toBe('kl-link');
    await page.evaluate(() => (window as any).__ann.destroy());
    expect(await page.evaluate(() => (window as any).__sameAs((window as any).__before))).toBe('same');
    expect(await page.evaluate(() => document.querySelectorAll('vbl-ref').length)).toBe(0);
    await page.close();
  });

  it('switches modes in place (same ids) and leaving inline restores the DOM exactly', async () => {
    const page = await open('article.html');
    await page.evaluate(() => ((window as any).__before = (window as any).__snapshot()));
    await start(page, 'highlight');
    const ids = await page.evaluate(() => [...(window as any).__ann.references.keys()].sort());
    await page.evaluate(() => (window as any).__ann.setMode('inline'));
    expect(await page.evaluate(() => document.querySelectorAll('vbl-ref[tabindex]').length)).toBe(7);
    expect(await page.evaluate(() => (CSS as any).highlights.has('vbl-ref'))).toBe(false);
    expect(await page.evaluate(() => [...(window as any).__ann.references.keys()].sort())).toEqual(ids);
    await page.evaluate(() => (window as any).__ann.setMode('highlight'));
    expect(await page.evaluate(() => (window as any).__sameAs((window as any).__before))).toBe('same');
    await until(page, "CSS.highlights.get('vbl-ref').size === 6"); // all but the one below the fold
    expect(await page.evaluate(() => [...(window as any).__ann.references.keys()].sort())).toEqual(ids);
    const texts = await page.evaluate(() =>
      [...(window as any).__ann.references.values()].map((m: any) => m.range.toString().replace(/\s+/g, '')),
    );
    expect(texts.sort()).toEqual(ARTICLE_CODES.map((c) => c).sort());
    await page.close();
  });

  for (const mode of ['highlight', 'inline'] as const) {
    it(`${mode}: content added after load is marked once; rewritten text is re-read`, async () => {
      const page = await open('dynamic.html');
      await start(page, mode);
      expect(await codes(page)).toEqual(['35-CT/TW']);
      await page.evaluate(() => {
        const w = window as any;
        w.addEntry('08:05', 'Đại biểu dẫn Kế hoạch số <b>17-KH</b>/TW.');
        w.addEntry('08:10', 'Bộ trưởng nhắc Nghị định 100/2019/NĐ-CP.');
      });
      await until(page, '(window).__ann.references.size === 3');
      await page.evaluate(() => (window as any).__ann.idle());
      await page.waitForTimeout(300);
      expect(await codes(page)).toEqual(['100/2019/NĐ-CP', '17-KH/TW', '35-CT/TW']);
      const found = (await events(page, 'found')).flatMap((e: any) => e.codes);
      expect(found.sort()).toEqual(['100/2019/NĐ-CP', '17-KH/TW', '35-CT/TW']);
      // The page rewrites an entry's text.
      await page.evaluate(() => {
        document.querySelector('#feed li:last-child p')!.textContent = '08:10 — (đính chính) Nghị định 15/2020/NĐ-CP.';
      });
      await until(page, "[...(window).__ann.references.values()].some((m) => m.ref.code === '15/2020/NĐ-CP')");
      await page.evaluate(() => (window as any).__ann.idle());
      expect(await codes(page)).toEqual(['15/2020/NĐ-CP', '17-KH/TW', '35-CT/TW']);
      if (mode === 'inline') expect(await page.evaluate(() => document.querySelectorAll('vbl-ref').length)).toBe(3);
      else await until(page, "CSS.highlights.get('vbl-ref').size === 3");
      await page.close();
    });

    it(`${mode}: an SPA route change drops the old view's marks and marks the new view`, async () => {
      const page = await open('spa.html');
      await start(page, mode);
      expect(await codes(page)).toEqual(['17-KH/TW', '26-HD/BTCTW']);
      await page.click('#to-b');
      await until(page, "[...(window).__ann.references.values()].some((m) => m.ref.code === '21-KL/TW')");
      await page.evaluate(() => (window as any).__ann.idle());
      expect(await codes(page)).toEqual(['100/2019/NĐ-CP', '21-KL/TW']);
      expect(page.url()).toMatch(/\/spa\/b$/);
      await page.click('#to-a');
      await until(page, "[...(window).__ann.references.values()].some((m) => m.ref.code === '17-KH/TW')");
      await page.evaluate(() => (window as any).__ann.idle());
      expect(await codes(page)).toEqual(['17-KH/TW', '26-HD/BTCTW']);
      await page.close();
    });

    it(`${mode}: editable fields are left untouched while the user types codes into them`, async () => {
      const page = await open('article.html');
      await start(page, mode);
      const n = (await codes(page)).length;
      await page.click('#comment');
      await page.keyboard.press('End');
      await page.keyboard.type(' và Kết luận 21-KL/TW');
      await page.click('#editor p');
      await page.keyboard.press('End');
      await page.keyboard.type(' và 17-KH/TW');
      await page.waitForTimeout(400);
      expect(await page.inputValue('#comment')).toBe('Tôi muốn hỏi về 35-CT/TW và Kết luận 21-KL/TW');
      expect(await page.textContent('#editor')).toBe('Bản nháp: Chỉ thị 35-CT/TW và 17-KH/TW');
      expect(await page.evaluate(() => document.querySelectorAll('#editor *').length)).toBe(1);
      expect((await codes(page)).length).toBe(n);
      await page.close();
    });
  }
});

describe('pointer and keyboard', () => {
  for (const mode of ['highlight', 'inline'] as const) {
    it(`${mode}: resting the pointer activates after the dwell, leaving deactivates`, async () => {
      const page = await open('article.html');
      await start(page, mode);
      const c = await centreOf(page, '100/2019/NĐ-CP');
      await page.mouse.move(c.x - 200, c.y + 60);
      await page.mouse.move(c.x, c.y, { steps: 25 }); // about 0.2 px per ms or slower
      await page.waitForTimeout(120);
      expect(await events(page, 'activate')).toEqual([]);
      await page.waitForTimeout(400);
      expect(await events(page, 'activate')).toEqual([
        { type: 'activate', code: '100/2019/NĐ-CP', cause: 'hover', anchor: mode === 'inline' ? 'vbl-ref' : 'range' },
      ]);
      await page.mouse.move(c.x, c.y + 200, { steps: 4 });
      await until(page, "(window).__events.some((e) => e.type === 'deactivate')");
      expect(await events(page, 'deactivate')).toEqual([{ type: 'deactivate', code: '100/2019/NĐ-CP', cause: 'leave' }]);
      await page.close();
    });

    it(`${mode}: a pointer moving fast over a code does not activate it`, async () => {
      const page = await open('article.html');
      await start(page, mode);
      const c = await centreOf(page, '17-KH/TW');
      const half = Math.max(4, c.width / 2 - 4);
      // Sweep back and forth across the code for longer than the dwell, at several px per ms.
      const until0 = Date.now() + 800;
      let side = 1;
      await page.mouse.move(c.x - half, c.y);
      while (Date.now() < until0) {
        await page.mouse.move(c.x + side * half, c.y);
        side = -side;
        await page.waitForTimeout(8);
      }
      expect(await events(page, 'activate')).toEqual([]);
      // Also a fast pass straight across a code, ending off it.
      const d = await centreOf(page, '21-KL/TW');
      await page.mouse.move(d.x - 150, d.y);
      await page.mouse.move(d.x + 150, d.y + 120, { steps: 3 });
      await page.waitForTimeout(500);
      const acts = await events(page, 'activate');
      expect(acts.filter((a: any) => a.code === '21-KL/TW')).toEqual([]);
      // Resting on the first code does activate it (the hit test itself works where the sweep was).
      const c2 = await centreOf(page, '17-KH/TW');
      await page.mouse.move(c2.x, c2.y);
      await page.waitForTimeout(500);
      expect((await events(page, 'activate')).map((a: any) => `${a.cause}:${a.code}`)).toContain('hover:17-KH/TW');
      await page.close();
    });

    it(`${mode}: keyboard next/previous scrolls each reference into view and focuses it`, async () => {
      const page = await open('article.html', 900, 500);
      await start(page, mode);
      const step = (d: 1 | -1) =>
        page.evaluate((d) => {
          const m = (window as any).__ann.move(d);
          return m?.ref.code;
        }, d);
      expect(await step(1)).toBe('17-KH/TW');
      expect(await step(-1)).toBe('22-QĐ/TW'); // wraps to the last, far below the fold
      await page.waitForTimeout(100);
      const seen = await page.evaluate(() => {
        const m = [...(window as any).__ann.references.values()].find((m: any) => m.ref.code === '22-QĐ/TW');
        const r = m.range.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight;
      });
      expect(seen).toBe(true);
      if (mode === 'highlight') {
        const focus = await page.evaluate(() =>
          [...(CSS as any).highlights.get('vbl-ref-focus')].map((r: StaticRange) => {
            const range = document.createRange();
            range.setStart(r.startContainer, r.startOffset);
            range.setEnd(r.endContainer, r.endOffset);
            return range.toString();
          }),
        );
        expect(focus).toEqual(['22-QĐ/TW']);
      } else {
        expect(await page.evaluate(() => document.activeElement?.getAttribute('data-code'))).toBe('22-QĐ/TW');
      }
      expect(await step(1)).toBe('17-KH/TW');
      const acts = (await events(page, 'activate')).map((a: any) => `${a.cause}:${a.code}`);
      expect(acts).toEqual(['keyboard:17-KH/TW', 'keyboard:22-QĐ/TW', 'keyboard:17-KH/TW']);
      // Each move ends the previous one once.
      const ended = (await events(page, 'deactivate')).map((a: any) => `${a.cause}:${a.code}`);
      expect(ended).toEqual(['blur:17-KH/TW', 'blur:22-QĐ/TW']);
      await page.close();
    });
  }

  for (const mode of ['highlight', 'inline'] as const) {
    it(`${mode}: a tap on a touch screen activates the code at once`, async () => {
      const context = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 400, height: 700 } });
      const page = await context.newPage();
      await page.goto(server.url('article.html'));
      await page.addScriptTag({ content: bundle });
      await start(page, mode);
      const c = await centreOf(page, '100/2019/NĐ-CP');
      await page.touchscreen.tap(c.x, c.y);
      await until(page, "(window).__events.some((e) => e.type === 'activate')");
      expect(await events(page, 'activate')).toEqual([
        { type: 'activate', code: '100/2019/NĐ-CP', cause: 'tap', anchor: mode === 'inline' ? 'vbl-ref' : 'range' },
      ]);
      // A tap on plain text activates nothing.
      await page.touchscreen.tap(c.x, c.y + 300);
      await page.waitForTimeout(400);
      expect((await events(page, 'activate')).length).toBe(1);
      await context.close();
    });
  }

  it('inline: Tab reaches each reference (focus), Enter activates it, Tab away blurs it', async () => {
    const page = await open('article.html');
    await start(page, 'inline');
    await page.evaluate(() => (document.querySelector('h1') as HTMLElement).focus());
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      const tag = await page.evaluate(() => document.activeElement?.localName);
      if (tag === 'vbl-ref') break;
    }
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-code'))).toBe('17-KH/TW');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    const log = (await events(page)).filter((e: any) => e.type !== 'found').map((e: any) => `${e.type}:${e.cause}:${e.code}`);
    expect(log.slice(0, 4)).toEqual([
      'activate:focus:17-KH/TW',
      'activate:keyboard:17-KH/TW',
      'deactivate:blur:17-KH/TW',
      'activate:focus:17-KH/TW',
    ]);
    await page.close();
  });
});
