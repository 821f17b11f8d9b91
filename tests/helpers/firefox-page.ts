/**
 * Reading and driving a page in Firefox (puppeteer-core over WebDriver BiDi): the references marked on it and the
 * pointer resting on a text. (The card itself is read through scripts/harness/card-root.mjs.)
 */
import type { Page } from 'puppeteer-core';

/** Texts of the references marked, in highlight mode (the page's Highlight registry) or inline mode. */
export function marks(page: Page, mode: 'highlight' | 'inline' = 'highlight'): Promise<string[]> {
  return page.evaluate((m) => {
    if (m === 'inline') return [...document.querySelectorAll('vbl-ref')].map((e) => e.textContent ?? '');
    const set = (CSS as any).highlights?.get('vbl-ref') as Set<AbstractRange> | undefined;
    return [...(set ?? [])].map((r) => {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      return live.toString();
    });
  }, mode);
}

/**
 * Centre and width of the first `text` of the page (viewport coordinates), and whether the page is marked yet
 * (its Highlight registry holds a reference); null when the text is not on the page.
 */
export function textPoint(page: Page, text: string): Promise<{ x: number; y: number; w: number; marked: boolean } | null> {
  return page.evaluate((needle) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node.textContent ?? '').indexOf(needle);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      const b = range.getBoundingClientRect();
      const marked = ((CSS as any).highlights?.get('vbl-ref')?.size ?? 0) > 0;
      return { x: b.x + b.width / 2, y: b.y + b.height / 2, w: b.width, marked };
    }
    return null;
  }, text);
}

/** Rests the pointer on a point, coming from its left as a user's pointer would. */
export async function hoverPoint(page: Page, p: { x: number; y: number; w: number }): Promise<void> {
  await page.mouse.move(Math.max(0, p.x - p.w - 20), p.y);
  await page.mouse.move(p.x, p.y, { steps: 3 });
}

/** Rests the pointer on the first `text` of the page. */
export async function hoverText(page: Page, text: string): Promise<void> {
  const p = await textPoint(page, text);
  if (!p) throw new Error(`"${text}" not on the page`);
  await hoverPoint(page, p);
}
