/**
 * Copying a citation without the page seeing it. The page must never get a `copy` event it could rewrite (the old
 * fallback, document.execCommand('copy') on a textarea in the page, fired one that bubbled to the page's
 * listeners), so copying goes only through the async Clipboard API, from the extension's own contexts:
 * - in the content script (its isolated world: the page cannot patch its navigator.clipboard), where the page is
 *   a secure context and allows it;
 * - otherwise the background copies (Chrome: an offscreen document of the extension's own; Firefox: the
 *   background page), asked by a message only this extension's scripts can send.
 * The answer is whether it worked: the card says "Copied" or that copying failed, never one for the other.
 */
import { browser } from 'wxt/browser';

export const CLIPBOARD_CHANNEL = 'vanban-lens/clipboard';
export const OFFSCREEN_CHANNEL = 'vanban-lens/clipboard-offscreen';
/** A citation is a line; anything longer is not ours. */
export const MAX_CLIPBOARD_TEXT = 2000;

export interface ClipboardMessage {
  channel: typeof CLIPBOARD_CHANNEL | typeof OFFSCREEN_CHANNEL;
  text: string;
}

export function isClipboardMessage(message: unknown, channel: ClipboardMessage['channel']): message is ClipboardMessage {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  return m.channel === channel && typeof m.text === 'string' && m.text.length > 0 && m.text.length <= MAX_CLIPBOARD_TEXT;
}

/** For the content script: copies `text`; resolves to whether it is on the clipboard. */
export async function copyFromExtension(text: string): Promise<boolean> {
  try {
    if (globalThis.isSecureContext && navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Not allowed here (the page's permissions policy, no focus): the background tries.
  }
  try {
    const message: ClipboardMessage = { channel: CLIPBOARD_CHANNEL, text };
    return (await browser.runtime.sendMessage(message)) === true;
  } catch {
    return false;
  }
}

type Sender = { id?: string };

/**
 * For the background: copies for this extension's content scripts. `write` puts text on the clipboard from the
 * extension's own context (see entrypoints/background.ts).
 */
export function listenForClipboard(write: (text: string) => Promise<boolean>): () => void {
  const listener = (message: unknown, sender: Sender, sendResponse: (ok: boolean) => void) => {
    if (!isClipboardMessage(message, CLIPBOARD_CHANNEL)) return undefined;
    if (sender.id !== browser.runtime.id) {
      sendResponse(false);
      return undefined;
    }
    void write(message.text).then(sendResponse, () => sendResponse(false));
    return true;
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}

/** Writes with the async Clipboard API, then (extension documents only) execCommand in that document. */
export async function writeInThisDocument(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // An offscreen document never has focus, which writeText needs: copy in this document itself.
  }
  if (typeof document === 'undefined') return false;
  const area = document.createElement('textarea');
  area.value = text;
  document.body.append(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

/** Chrome's background (a service worker has no clipboard): copies in an offscreen document of the extension. */
export async function writeThroughOffscreen(text: string): Promise<boolean> {
  const offscreen = (globalThis as any).chrome?.offscreen;
  if (!offscreen) return false;
  try {
    if (!(await offscreen.hasDocument?.())) {
      await offscreen.createDocument({ url: 'offscreen.html', reasons: ['CLIPBOARD'], justification: 'Copy the citation the reader asked for' });
    }
    const message: ClipboardMessage = { channel: OFFSCREEN_CHANNEL, text };
    return (await browser.runtime.sendMessage(message)) === true;
  } catch {
    return false;
  } finally {
    await offscreen.closeDocument?.().catch(() => {});
  }
}
