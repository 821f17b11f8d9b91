/**
 * Time slicing: long work runs in short slices and gives the main thread back between them, so no task the
 * annotator runs comes near 50 ms, however much text the page has.
 */

/** Default time one slice may take before yielding. */
export const SLICE_MS = 12;

type SchedulerLike = { yield?: () => Promise<void> };

let channel: MessageChannel | null = null;
const waiting: Array<() => void> = [];

/** Gives the main thread back: scheduler.yield() where there is one, else a message-channel task (no 4 ms clamp). */
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
 * Runs `step` until it returns false, yielding every `sliceMs`. Throws Aborted when the signal aborts.
 * Each step must be short (one block of text).
 */
export async function runSliced(step: () => boolean, signal: AbortSignal, sliceMs = SLICE_MS): Promise<void> {
  for (;;) {
    if (signal.aborted) throw new Aborted();
    const until = performance.now() + sliceMs;
    do {
      if (!step()) return;
    } while (performance.now() < until);
    await yieldToMain();
  }
}
