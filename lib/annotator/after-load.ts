/**
 * When the annotator may start reading the page: after the page's `load` event, its next rendered frame and a
 * moment the browser calls idle. Before that, any question about layout or style would force work the page's
 * own loading does later anyway (a 1 MB text node laid out before `load` held the event up for seconds), and
 * the annotator's tasks would compete with the page's loading.
 */
import { afterNextFrame } from './scheduler';

type IdleWindow = Window & {
  requestIdleCallback?: (cb: () => void, options?: { timeout: number }) => number;
  cancelIdleCallback?: (handle: number) => void;
};

/** Longest wait for an idle moment once the page has loaded (a page that is never idle still gets read). */
const IDLE_TIMEOUT_MS = 1000;

/** Resolves after load, a frame and an idle moment; resolves at once if the signal aborts (callers check it). */
export async function afterLoadIdle(win: Window, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return;
  if (win.document.readyState !== 'complete') {
    await new Promise<void>((resolve) => {
      const done = () => {
        win.removeEventListener('load', done);
        signal.removeEventListener('abort', done);
        resolve();
      };
      win.addEventListener('load', done);
      signal.addEventListener('abort', done);
    });
    if (signal.aborted) return;
  }
  await afterNextFrame(win, 500);
  if (signal.aborted) return;
  await idle(win as IdleWindow, signal);
}

function idle(win: IdleWindow, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      signal.removeEventListener('abort', cancel);
      resolve();
    };
    let cancel: () => void;
    if (typeof win.requestIdleCallback === 'function') {
      const handle = win.requestIdleCallback(done, { timeout: IDLE_TIMEOUT_MS });
      cancel = () => {
        win.cancelIdleCallback?.(handle);
        resolve();
      };
    } else {
      const handle = win.setTimeout(done, 50);
      cancel = () => {
        win.clearTimeout(handle);
        resolve();
      };
    }
    signal.addEventListener('abort', cancel, { once: true });
  });
}
