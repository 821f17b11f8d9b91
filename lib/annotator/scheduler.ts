/**
 * Time slicing: long work runs in short slices and gives the main thread back between them, so no task the
 * annotator runs comes near 50 ms, however much text the page has. Between slices the annotator waits behind
 * the page's own work (background priority): the page's timers, input and loading run first, so the annotator
 * delays them by at most about one slice.
 */

/** Default time one slice may take before yielding. */
export const SLICE_MS = 8;

type SchedulerLike = {
  yield?: () => Promise<void>;
  postTask?: (cb: () => void, options?: { priority?: 'user-blocking' | 'user-visible' | 'background' }) => Promise<void>;
};
type IdleGlobal = { requestIdleCallback?: (cb: () => void, options?: { timeout: number }) => number };

/** Longest a slice waits for the page to be idle before it runs anyway (a page never idle still gets read). */
const BACKGROUND_WAIT_MS = 250;

/**
 * Gives the main thread back to the page and resumes behind everything else it has to do: a background-priority
 * task (scheduler.postTask), else an idle callback, else a timer.
 */
export function yieldToPage(): Promise<void> {
  const g = globalThis as { scheduler?: SchedulerLike } & IdleGlobal;
  const s = g.scheduler;
  if (s && typeof s.postTask === 'function') {
    return s.postTask(() => {}, { priority: 'background' }).catch(() => undefined);
  }
  if (typeof g.requestIdleCallback === 'function') {
    const ric = g.requestIdleCallback;
    return new Promise((resolve) => ric(() => resolve(), { timeout: BACKGROUND_WAIT_MS }));
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

let channel: MessageChannel | null = null;
const waiting: Array<() => void> = [];

/**
 * Gives the main thread back for one turn, ahead of the page's queued tasks: scheduler.yield() where there is
 * one, else a message-channel task (no 4 ms clamp). Only for measuring a frame (afterNextFrame); work yields
 * with yieldToPage.
 */
export function yieldToMain(): Promise<void> {
  const s = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (s && typeof s.yield === 'function') return s.yield();
  if (typeof MessageChannel === 'function') {
    if (!channel) {
      channel = new MessageChannel();
      channel.port1.onmessage = () => waiting.shift()?.();
    }
    return new Promise((resolve) => {
      waiting.push(resolve);
      channel!.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export class Aborted extends Error {
  constructor() {
    super('aborted');
    this.name = 'AbortError';
  }
}

/**
 * Resolves after the next frame has been rendered (its style, layout and paint done), or after `maxWaitMs`
 * where no frame comes (a tab hidden meanwhile).
 */
export function afterNextFrame(win: Window, maxWaitMs = 100): Promise<number | undefined> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (renderMs?: number) => {
      if (done) return;
      done = true;
      win.clearTimeout(timer);
      resolve(renderMs);
    };
    const timer = win.setTimeout(() => finish(), maxWaitMs);
    win.requestAnimationFrame(() => {
      // From the frame's start to the first task after it: the frame's style, layout and paint.
      const start = performance.now();
      void yieldToMain().then(() => finish(performance.now() - start));
    });
  });
}

export interface SliceOptions {
  sliceMs?: number;
  /**
   * Checked after each step: true when the steps so far have changed enough of the page that the browser
   * should lay it out before more changes (the next slice then waits for a rendered frame).
   */
  frameFull?: () => boolean;
  /** How long the browser took to render the frame waited for (for pacing the next share). */
  onFrame?: (renderMs: number) => void;
  win?: Window;
  /**
   * How to give the main thread back between slices (default yieldToPage). Work that changes the page and paces
   * its frames itself (inline mode) resumes at once with yieldToMain: at background priority the browser would
   * render a frame after every slice, laying the page out again for each.
   */
  yieldBetween?: () => Promise<void>;
}

/**
 * Runs `step` until it returns false, yielding every `sliceMs`. Throws Aborted when the signal aborts.
 * Each step must be short (one block of text).
 */
export async function runSliced(step: () => boolean, signal: AbortSignal, options: SliceOptions = {}): Promise<void> {
  const sliceMs = options.sliceMs ?? SLICE_MS;
  for (;;) {
    if (signal.aborted) throw new Aborted();
    const until = performance.now() + sliceMs;
    let full = false;
    do {
      if (!step()) return;
      full = !!options.frameFull?.();
    } while (!full && performance.now() < until);
    if (full && options.win && options.win.document.visibilityState === 'visible') {
      const renderMs = await afterNextFrame(options.win);
      if (renderMs !== undefined) options.onFrame?.(renderMs);
    } else await (options.yieldBetween ?? yieldToPage)();
  }
}
