// Chrome's offscreen document: copies a citation for the background (lib/page/clipboard), in the extension's own
// document, so that no page ever sees a copy event.
import { browser } from 'wxt/browser';
import { isClipboardMessage, OFFSCREEN_CHANNEL, writeInThisDocument } from '@/lib/page/clipboard';

browser.runtime.onMessage.addListener(((message: unknown, sender: { id?: string }, sendResponse: (ok: boolean) => void) => {
  if (!isClipboardMessage(message, OFFSCREEN_CHANNEL) || sender.id !== browser.runtime.id) return undefined;
  void writeInThisDocument(message.text).then(sendResponse, () => sendResponse(false));
  return true;
}) as never);
