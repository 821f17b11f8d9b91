/**
 * Reading and driving the page and the card from Playwright. The card's shadow root is closed and its host has a
 * random name: the card is reached through the DevTools protocol (scripts/harness/card-root.mjs), as no page can.
 */
import type { Page, Worker } from 'playwright-core';
import { evaluateInCard } from '../../scripts/harness/card-root.mjs';

/** Runs `fn(root, arg)` in the page with the card's closed shadow root (null when the page has no card host). */
export const inCard = evaluateInCard;

/** Texts of the references marked in highlight mode (the Highlight registry is shared with the page). */
export function highlighted(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const registry = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights;
    return [...(registry?.get('vbl-ref') ?? [])].map((r) => {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      return live.toString();
    });
  });
}

/** Texts of the references marked in inline mode. */
export function inlineMarked(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll('vbl-ref')].map((e) => e.textContent ?? ''));
}

/** Centre of the nth occurrence of `text` in the page's own text (viewport coordinates), scrolled into view. */
export async function textPoint(page: Page, text: string, nth = 0): Promise<{ x: number; y: number; right: number; bottom: number }> {
  const point = await page.evaluate(
    ([needle, index]) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let seen = 0;
      let node: Node | null;
      while ((node = walker.nextNode())) {
        const content = node.textContent ?? '';
        let at = content.indexOf(needle as string);
        while (at >= 0) {
          if (seen++ === index) {
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + (needle as string).length);
            (node.parentElement as HTMLElement).scrollIntoView({ block: 'center', inline: 'nearest' });
            const box = range.getBoundingClientRect();
            return { x: box.x + box.width / 2, y: box.y + box.height / 2, right: box.right, bottom: box.bottom };
          }
          at = content.indexOf(needle as string, at + 1);
        }
      }
      return null;
    },
    [text, nth] as const,
  );
  if (!point) throw new Error(`"${text}" (#${nth}) not on the page`);
  return point;
}

/** Rests the pointer on a reference the way a reader does: arrive slowly, then stay. */
export async function hover(page: Page, text: string, nth = 0): Promise<void> {
  const p = await textPoint(page, text, nth);
  // Start just left of the reference, so the dwell starts on arrival.
  await page.mouse.move(Math.max(0, p.x - (p.right - p.x) - 20), p.y + 1);
  await page.mouse.move(p.x, p.y, { steps: 3 });
}

export interface CardState {
  open: boolean;
  heading?: string;
  text?: string;
  box?: { x: number; y: number; width: number; height: number };
  focusInside: boolean;
  viewport: { width: number; height: number };
}

export function card(page: Page): Promise<CardState> {
  return inCard(page, (root) => {
    const host = root?.host;
    const el = root?.querySelector<HTMLElement>('[role="dialog"]');
    const viewport = { width: innerWidth, height: innerHeight };
    if (!root || !host || host.hasAttribute('hidden') || !el) return { open: false, focusInside: false, viewport };
    const r = el.getBoundingClientRect();
    return {
      open: getComputedStyle(el).opacity !== '0',
      heading: el.querySelector('h2')?.textContent ?? undefined,
      text: el.textContent ?? '',
      box: { x: r.x, y: r.y, width: r.width, height: r.height },
      focusInside: root.activeElement !== null,
      viewport,
    };
  });
}

export async function waitForCard(page: Page, predicate: (c: CardState) => boolean = (c) => c.open, timeout = 5000): Promise<CardState> {
  const until = Date.now() + timeout;
  let last = await card(page);
  while (Date.now() < until) {
    last = await card(page);
    if (predicate(last)) return last;
    await page.waitForTimeout(50);
  }
  throw new Error(`card did not reach the expected state; last: ${JSON.stringify(last).slice(0, 600)}`);
}

export interface AnsweredCard {
  heading: string;
  text: string;
  /** The answer badge's data-answer (null when the card gave none within 5 s). */
  answer: string | null;
  /** The candidates the card says it ruled out. */
  ruledOut: string[];
}

/** Closes any open card, opens the card of the nth `text` and waits for its answer to be known (the answer badge). */
export async function openAnsweredCard(page: Page, text: string, nth = 0): Promise<AnsweredCard> {
  await page.mouse.move(1, 1);
  await waitForCard(page, (c) => !c.open, 3000).catch(() => undefined);
  await hover(page, text, nth);
  await waitForCard(page, (c) => c.open && (c.heading ?? '').length > 0);
  const until = Date.now() + 5000;
  for (;;) {
    const state = await inCard(page, (root) => {
      const dialog = root?.querySelector('[role="dialog"]');
      return {
        heading: dialog?.querySelector('h2')?.textContent ?? '',
        text: dialog?.textContent ?? '',
        answer: dialog?.querySelector('.answer')?.getAttribute('data-answer') ?? null,
        ruledOut: [...(dialog?.querySelectorAll('.ruled-out li') ?? [])].map((li) => li.textContent ?? ''),
      };
    });
    if (state.answer || Date.now() > until) return state;
    await page.waitForTimeout(50);
  }
}

/** Clicks a button inside the card by its text. */
export async function clickInCard(page: Page, selector: string, index = 0): Promise<void> {
  const box = await inCard(
    page,
    (root, [sel, i]) => {
      const el = root?.querySelectorAll<HTMLElement>(sel as string)[i as number];
      if (!el) return null;
      el.scrollIntoView({ block: 'nearest' }); // the card scrolls when it is taller than the space it has
      const r = el.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    },
    [selector, index] as const,
  );
  if (!box) throw new Error(`no ${selector} in the card`);
  await page.mouse.move(box.x, box.y, { steps: 4 });
  await page.mouse.click(box.x, box.y);
}

/** Sets extension settings the way the popup does (storage.sync), from the service worker. */
export async function setStorage(sw: Worker, items: Record<string, unknown>): Promise<void> {
  await sw.evaluate((value) => (globalThis as any).chrome.storage.sync.set(value), items);
}

export async function clearStorage(sw: Worker): Promise<void> {
  await sw.evaluate(async () => {
    const storage = (globalThis as any).chrome.storage;
    await storage.sync.clear();
    // The settings' copies on this device (merged with storage.sync, setting by setting) go too.
    const local = Object.keys(await storage.local.get(null)).filter((k) => k === 'settings' || k.startsWith('site:'));
    await storage.local.remove(local);
  });
}

/** Waits until the page is marked (at least `min` references) in either mode. */
export async function waitForMarks(page: Page, min = 1, mode: 'highlight' | 'inline' = 'highlight', timeout = 10_000): Promise<string[]> {
  const until = Date.now() + timeout;
  let marks: string[] = [];
  while (Date.now() < until) {
    marks = mode === 'highlight' ? await highlighted(page) : await inlineMarked(page);
    if (marks.length >= min) return marks;
    await page.waitForTimeout(100);
  }
  throw new Error(`page not marked: ${marks.length} marks`);
}

/**
 * True when `text` is marked where it stands: scrolls it into view first, because highlight mode paints only a
 * window around the viewport (what is off screen is painted when the reader gets there).
 */
export async function markedInView(page: Page, text: string, nth = 0, timeout = 3000): Promise<boolean> {
  await textPoint(page, text, nth);
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    if ((await highlighted(page)).includes(text)) return true;
    await page.waitForTimeout(100);
  }
  return false;
}
