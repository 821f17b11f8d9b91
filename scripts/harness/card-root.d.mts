// Types of card-root.mjs (plain JavaScript, so that scripts/start.mjs can use it under plain node).
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';

/** Runs `fn(root, arg)` in the page's main world with the card's closed shadow root (null without a card host). */
export function evaluateInCard<A, R>(page: PlaywrightPage, fn: (root: ShadowRoot | null, arg: A) => R | Promise<R>, arg?: A): Promise<R>;
export function evaluateInCardFirefox<A, R>(page: PuppeteerPage, fn: (root: ShadowRoot | null, arg: A) => R | Promise<R>, arg?: A): Promise<R>;
