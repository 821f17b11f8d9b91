/** Connects the lookup service to runtime messages: answers lookup messages only, from this extension only. */
import { browser } from 'wxt/browser';
import { isLookupMessage, type LookupResponse } from './messages';
import type { LookupService, MessageSender } from './service';

/** Starts answering; returns the function that stops. */
export function listenForLookups(service: LookupService): () => void {
  // sendResponse + `return true` works the same in Chrome, Firefox and the polyfill.
  const listener = (message: unknown, sender: MessageSender, sendResponse: (response: LookupResponse) => void) => {
    // Other messages belong to other listeners: leave them unanswered.
    if (!isLookupMessage(message)) return undefined;
    void service.respond(message, sender, browser.runtime.id).then(sendResponse);
    return true;
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}
