/**
 * The content script's life, in place of WXT's ContentScriptContext: wxt.config.ts points the import
 * `wxt/utils/content-script-context` of WXT's content-script entry here.
 *
 * WXT's own context announces every start to the page (a CustomEvent on document and a window.postMessage, both
 * named with the extension's id, which is public for a store extension) and stops when it sees such an event: a
 * page could detect the extension, and switch it off by replaying the event. This one says nothing to the page and
 * takes nothing from it:
 * - an older copy of the script in the same frame (injected again by the background) is found through a global of
 *   the content scripts' own world, which pages do not share (Chrome's isolated world, Firefox's sandbox), and
 *   stopped;
 * - the script stops itself when its extension is gone (reloaded, updated, disabled or removed: `runtime.id`
 *   becomes undefined in an orphaned content script), checked every second and whenever asked (`isInvalid`), so
 *   an open tab never keeps marks or cards of an extension that no longer answers.
 */
import { browser } from 'wxt/browser';

const RUNNING = Symbol.for('vanban-lens/running-content-scripts');
/** How often an orphaned script is looked for (ms): a property read, nothing more. */
export const ORPHAN_CHECK_MS = 1000;

/** False once this content script's extension has been reloaded, updated, disabled or removed. */
export function extensionAlive(): boolean {
  try {
    return browser.runtime?.id != null;
  } catch {
    return false;
  }
}

type Running = Map<string, ContentScriptContext>;

export class ContentScriptContext {
  readonly #controller = new AbortController();

  constructor(
    readonly contentScriptName: string,
    readonly options?: unknown,
  ) {
    const world = globalThis as unknown as { [RUNNING]?: Running };
    const running = (world[RUNNING] ??= new Map());
    running.get(contentScriptName)?.notifyInvalidated();
    running.set(contentScriptName, this);
    const watch = setInterval(() => void this.isInvalid, ORPHAN_CHECK_MS);
    this.onInvalidated(() => {
      clearInterval(watch);
      if (running.get(contentScriptName) === this) running.delete(contentScriptName);
    });
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  abort(reason?: unknown): void {
    this.#controller.abort(reason);
  }

  get isInvalid(): boolean {
    if (!this.signal.aborted && !extensionAlive()) this.notifyInvalidated();
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  onInvalidated(cb: () => void): () => void {
    if (this.signal.aborted) {
      cb();
      return () => {};
    }
    this.signal.addEventListener('abort', cb, { once: true });
    return () => this.signal.removeEventListener('abort', cb);
  }

  block<T>(): Promise<T> {
    return new Promise(() => {});
  }

  setInterval(handler: () => void, timeout?: number): number {
    const id = setInterval(() => this.isValid && handler(), timeout) as unknown as number;
    this.onInvalidated(() => clearInterval(id));
    return id;
  }

  setTimeout(handler: () => void, timeout?: number): number {
    const id = setTimeout(() => this.isValid && handler(), timeout) as unknown as number;
    this.onInvalidated(() => clearTimeout(id));
    return id;
  }

  requestAnimationFrame(callback: FrameRequestCallback): number {
    const id = requestAnimationFrame((time) => this.isValid && callback(time));
    this.onInvalidated(() => cancelAnimationFrame(id));
    return id;
  }

  requestIdleCallback(callback: IdleRequestCallback, options?: IdleRequestOptions): number {
    const id = requestIdleCallback((deadline) => !this.signal.aborted && callback(deadline), options);
    this.onInvalidated(() => cancelIdleCallback(id));
    return id;
  }

  addEventListener(target: EventTarget, type: string, handler: EventListenerOrEventListenerObject, options?: AddEventListenerOptions): void {
    target.addEventListener(type, handler, { ...options, signal: this.signal });
  }

  /** Stops everything started under this context (its signal aborts). */
  notifyInvalidated(): void {
    this.abort('Content script context invalidated');
  }
}
