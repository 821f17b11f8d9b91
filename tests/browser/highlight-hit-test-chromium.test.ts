/**
 * Highlight mode's hit test in real Chromium: highlightedAt (lib/annotator/highlight-hit-test.ts) maps a pointer
 * position to the marked reference under it. happy-dom has no layout and no caret-from-point, so this is its only
 * test that can fail. The page is the project's own (served from 127.0.0.1); the marks are real Mark objects in a
 * real MarkIndex, made over known phrases, so what is checked is the hit test alone (not the detector).
 * Every case runs with both caret APIs: caretPositionFromPoint, and caretRangeFromPoint where it is missing.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { bundleAnnotator } from '../../scripts/harness/annotator-bundle';
import { launchChromium } from '../../scripts/harness/chromium';
import { serveStatic, type StaticServer } from '../../scripts/harness/static-server.mjs';

const PAGE = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>hit test</title>
<style>
  body { margin: 0; padding: 20px; font: 16px/24px monospace; width: 640px; }
  p { margin: 0 0 24px; }
  #wrap { width: 20ch; }
  #box { height: 72px; width: 400px; overflow-y: scroll; }
  #box p { margin: 0; }
  .spacer { height: 2000px; }
</style></head><body>
<p id="one">Theo Nghị định 100/2019/NĐ-CP và Thông tư 15/2020/TT-BTC.</p>
<p id="end">Căn cứ Quyết định 22-QĐ/TW</p>
<p id="wrap">Theo Kế hoạch số 17-KH/TW của Bộ Chính trị</p>
<p id="split">Nghị định <b>100</b>/2019/NĐ-CP nêu rõ</p>
<div id="box"><p>dòng một</p><p>dòng hai</p><p>dòng ba</p><p>dòng bốn</p><p>Chỉ thị 35-CT/TW ở đây</p><p>dòng sáu</p><p>dòng bảy</p><p>dòng tám</p></div>
<div class="spacer"></div>
<p id="far">Kết luận 21-KL/TW cuối trang</p>
<div class="spacer"></div>
</body></html>`;

let browser: Browser;
let server: StaticServer;
let bundle = '';

beforeAll(async () => {
  bundle = await bundleAnnotator('chrome120', {
    expose: {
      highlightedAt: 'lib/annotator/highlight-hit-test.ts',
      MarkIndex: 'lib/annotator/mark-index.ts',
      Mark: 'lib/annotator/mark.ts',
    },
  });
  server = await serveStatic({ routes: { '/hit.html': PAGE } });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The marks of the page: id → [element id, phrase]. */
const MARKS: Record<string, [string, string]> = {
  nd: ['one', '100/2019/NĐ-CP'],
  tt: ['one', '15/2020/TT-BTC'],
  qd: ['end', '22-QĐ/TW'],
  kh: ['wrap', 'Kế hoạch số 17-KH/TW'],
  split: ['split', '100/2019/NĐ-CP'],
  ct: ['box', '35-CT/TW'],
  kl: ['far', '21-KL/TW'],
};

async function open(caretApi: 'caretPositionFromPoint' | 'caretRangeFromPoint'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 900, height: 600 } });
  await page.goto(server.url('/hit.html'));
  await page.addScriptTag({ content: bundle });
  await page.evaluate(
    ({ marks, caretApi }) => {
      const w = window as any;
      if (caretApi === 'caretRangeFromPoint') delete (Document.prototype as any).caretPositionFromPoint;
      /** (node, offset) of each end of the first occurrence of `phrase` in the element's text. */
      const pointsOf = (el: Element, phrase: string) => {
        const nodes: Text[] = [];
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) nodes.push(walker.currentNode as Text);
        const text = nodes.map((n) => n.data).join('');
        const from = text.indexOf(phrase);
        if (from < 0) throw new Error(`no "${phrase}" in #${el.id}`);
        const to = from + phrase.length;
        let start: { node: Text; offset: number } | undefined;
        let end: { node: Text; offset: number } | undefined;
        let at = 0;
        for (const node of nodes) {
          const next = at + node.length;
          if (!start && from < next) start = { node, offset: from - at };
          if (!end && to <= next) end = { node, offset: to - at };
          at = next;
        }
        return { start: start!, end: end! };
      };
      const index = (w.__index = new w.__vbl.MarkIndex());
      const byId: Record<string, any> = (w.__byId = {});
      for (const [id, [elementId, phrase]] of Object.entries(marks)) {
        const { start, end } = pointsOf(document.getElementById(elementId)!, phrase);
        const ref = { raw: phrase, start: 0, end: phrase.length, family: 'state', type: {}, issuer: {}, inferred: false };
        byId[id] = new w.__vbl.Mark(id, ref, start, end);
        index.add(byId[id]);
      }
      const box = (r: DOMRect) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
      w.__hit = (x: number, y: number) => w.__vbl.highlightedAt(document, index, x, y)?.id ?? null;
      w.__rects = (id: string) => [...byId[id].range.getClientRects()].filter((r: DOMRect) => r.width > 0).map(box);
      /** Line boxes of unmarked text: the first occurrence of `phrase` in the element. */
      w.__textRects = (elementId: string, phrase: string) => {
        const { start, end } = pointsOf(document.getElementById(elementId)!, phrase);
        const range = document.createRange();
        range.setStart(start.node, start.offset);
        range.setEnd(end.node, end.offset);
        return [...range.getClientRects()].filter((r) => r.width > 0).map(box);
      };
      /** The text node the caret API gives for a point: the mark's own node when `id`'s start node. */
      w.__caretInMarkNode = (x: number, y: number, id: string) => {
        const d = document as any;
        const node =
          typeof d.caretPositionFromPoint === 'function'
            ? d.caretPositionFromPoint(x, y)?.offsetNode
            : d.caretRangeFromPoint(x, y)?.startContainer;
        return node === byId[id].start.node;
      };
    },
    { marks: MARKS, caretApi },
  );
  return page;
}

const hit = (page: Page, x: number, y: number) => page.evaluate(([x, y]) => (window as any).__hit(x, y) as string | null, [x, y]);
const rects = (page: Page, id: string) => page.evaluate((id) => (window as any).__rects(id) as Box[], id);
const textRects = (page: Page, elementId: string, phrase: string) =>
  page.evaluate(([e, p]) => (window as any).__textRects(e, p) as Box[], [elementId, phrase]);
const caretInMarkNode = (page: Page, x: number, y: number, id: string) =>
  page.evaluate(([x, y, id]) => (window as any).__caretInMarkNode(x, y, id) as boolean, [x, y, id] as const);
const middle = (r: Box) => ({ x: (r.left + r.right) / 2, y: (r.top + r.bottom) / 2 });

describe.each(['caretPositionFromPoint', 'caretRangeFromPoint'] as const)('highlightedAt with %s', (caretApi) => {
  let page: Page;

  beforeAll(async () => {
    page = await open(caretApi);
  });
  afterAll(async () => {
    await page?.close();
  });
  beforeEach(async () => {
    await page.evaluate(() => {
      window.scrollTo(0, 0);
      document.getElementById('box')!.scrollTop = 0;
    });
  });

  it('uses the caret API under test', async () => {
    const apis = await page.evaluate(() => ({
      position: typeof (document as any).caretPositionFromPoint === 'function',
      range: typeof (document as any).caretRangeFromPoint === 'function',
    }));
    expect(apis).toEqual(caretApi === 'caretPositionFromPoint' ? { position: true, range: true } : { position: false, range: true });
  });

  it('a point on a marked reference finds it, from its first character to its last', async () => {
    for (const id of ['nd', 'tt', 'qd']) {
      const [r] = await rects(page, id);
      expect(r, id).toBeDefined();
      const { y } = middle(r!);
      expect(await hit(page, middle(r!).x, y)).toBe(id);
      expect(await hit(page, r!.left + 2, y)).toBe(id);
      expect(await hit(page, r!.right - 2, y)).toBe(id);
      expect(await hit(page, middle(r!).x, r!.top + 2)).toBe(id);
      expect(await hit(page, middle(r!).x, r!.bottom - 2)).toBe(id);
    }
  });

  it('two marks in one text node: each point finds its own, the text between them none', async () => {
    const [nd] = await rects(page, 'nd');
    const [tt] = await rects(page, 'tt');
    expect(nd!.top).toBe(tt!.top); // same line, same text node
    const y = middle(nd!).y;
    expect(await hit(page, middle(nd!).x, y)).toBe('nd');
    expect(await hit(page, middle(tt!).x, y)).toBe('tt');
    const [between] = await textRects(page, 'one', ' và ');
    expect(await caretInMarkNode(page, middle(between!).x, y, 'nd')).toBe(true);
    expect(await hit(page, middle(between!).x, y)).toBeNull();
  });

  it('unmarked text beside a mark, in the same text node, finds none', async () => {
    const [nd] = await rects(page, 'nd');
    const y = middle(nd!).y;
    const [before] = await textRects(page, 'one', 'Nghị định');
    expect(await caretInMarkNode(page, middle(before!).x, y, 'nd')).toBe(true);
    expect(await hit(page, middle(before!).x, y)).toBeNull();
    // Just outside the mark's box (beyond the one-pixel slop), on the space before it.
    expect(await hit(page, nd!.left - 4, y)).toBeNull();
  });

  it('blank space beside a line that ends in a mark finds none, though the caret snaps into its text', async () => {
    const [qd] = await rects(page, 'qd');
    const y = middle(qd!).y;
    const x = qd!.right + 150;
    expect(await caretInMarkNode(page, x, y, 'qd')).toBe(true);
    expect(await hit(page, x, y)).toBeNull();
    // Between the lines of two paragraphs (the margin under it).
    expect(await hit(page, middle(qd!).x, qd!.bottom + 12)).toBeNull();
  });

  it('a reference wrapped over two lines is found on both lines, and not beside either part', async () => {
    const parts = await rects(page, 'kh');
    expect(parts.length).toBeGreaterThanOrEqual(2);
    const first = parts[0]!;
    const last = parts[parts.length - 1]!;
    expect(last.top).toBeGreaterThan(first.bottom - 1); // really on another line
    expect(await hit(page, middle(first).x, middle(first).y)).toBe('kh');
    expect(await hit(page, middle(last).x, middle(last).y)).toBe('kh');
    expect(await hit(page, last.left + 2, middle(last).y)).toBe('kh');
    // Line 1 before the mark ("Theo"), line 2 after it ("của"): same text node, not the mark.
    const [theo] = await textRects(page, 'wrap', 'Theo');
    const [cua] = await textRects(page, 'wrap', 'của');
    expect(theo!.top).toBe(first.top);
    expect(cua!.top).toBe(last.top);
    expect(await hit(page, middle(theo!).x, middle(theo!).y)).toBeNull();
    expect(await hit(page, middle(cua!).x, middle(cua!).y)).toBeNull();
    // Blank space right of line 1, where the caret snaps to the mark's first part.
    expect(await caretInMarkNode(page, first.right + 10, middle(first).y, 'kh')).toBe(true);
    expect(await hit(page, first.right + 10, middle(first).y)).toBeNull();
  });

  it('a reference split over elements is found on each of its text nodes', async () => {
    const [b] = await textRects(page, 'split', '100');
    const [rest] = await textRects(page, 'split', '/2019/NĐ-CP');
    expect(await hit(page, middle(b!).x, middle(b!).y)).toBe('split');
    expect(await hit(page, middle(rest!).x, middle(rest!).y)).toBe('split');
    const [after] = await textRects(page, 'split', 'nêu rõ');
    expect(await hit(page, middle(after!).x, middle(after!).y)).toBeNull();
  });

  it('after the window scrolls, the point where the reference is now finds it, the old point not', async () => {
    await page.evaluate(() => document.getElementById('far')!.scrollIntoView({ block: 'center' }));
    const [kl] = await rects(page, 'kl');
    const { x, y } = middle(kl!);
    expect(y).toBeGreaterThan(0);
    expect(y).toBeLessThan(600);
    expect(await hit(page, x, y)).toBe('kl');
    await page.evaluate(() => window.scrollBy(0, 120));
    const [moved] = await rects(page, 'kl');
    expect(moved!.top).toBeCloseTo(kl!.top - 120, 0);
    expect(await hit(page, x, y)).toBeNull();
    expect(await hit(page, middle(moved!).x, middle(moved!).y)).toBe('kl');
    // Scrolled out of the window: nothing where it was at the top.
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await hit(page, x, y)).toBeNull();
  });

  it('inside a scrolling box: found once scrolled into the box, not where the box clips it', async () => {
    const [hidden] = await rects(page, 'ct');
    const box = await page.evaluate(() => {
      const r = document.getElementById('box')!.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    });
    expect(hidden!.top).toBeGreaterThanOrEqual(box.bottom); // clipped by the box
    expect(await hit(page, middle(hidden!).x, middle(hidden!).y)).toBeNull();
    await page.evaluate(() => {
      document.getElementById('box')!.scrollTop = 72;
    });
    const [shown] = await rects(page, 'ct');
    expect(shown!.top).toBeGreaterThanOrEqual(box.top);
    expect(shown!.bottom).toBeLessThanOrEqual(box.bottom);
    expect(await hit(page, middle(shown!).x, middle(shown!).y)).toBe('ct');
  });
});
