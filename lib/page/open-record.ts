/**
 * Opening a record page from a card. A web page cannot open the extension's own pages (they are not
 * web-accessible, so that pages cannot probe for the extension), so the content script asks the background,
 * which opens `record.html?id=…` (or `?code=…`) in a new tab next to the page's, with runtime.getURL.
 */
import { browser } from 'wxt/browser';
import { codeHref, recordHref } from '../record/address';

export const OPEN_RECORD_CHANNEL = 'vanban-lens/open-record';

export type RecordTarget = { id: string } | { code: string };

export interface OpenRecordMessage {
  channel: typeof OPEN_RECORD_CHANNEL;
  target: RecordTarget;
  /** Open behind the current tab (Ctrl/⌘-click, middle click). */
  background?: boolean;
}

/** The record page's path inside the extension for a target ("record.html?id=…"), or undefined when malformed. */
export function recordPath(target: unknown): string | undefined {
  if (typeof target !== 'object' || target === null) return undefined;
  const t = target as Record<string, unknown>;
  if (typeof t.id === 'string' && t.id.length > 0 && t.id.length <= 500) return recordHref(t.id);
  if (typeof t.code === 'string' && t.code.trim().length > 0 && t.code.length <= 200) return codeHref(t.code.trim());
  return undefined;
}

/** The record page's full address (chrome-extension://…/record.html?…), for the card's links. */
export function recordUrl(target: RecordTarget): string {
  return browser.runtime.getURL(`/${recordPath(target) ?? 'record.html'}` as '/record.html');
}

/** For the content script: asks the background to open the record. */
export function openRecordFromPage(target: RecordTarget, background = false): void {
  const message: OpenRecordMessage = { channel: OPEN_RECORD_CHANNEL, target, ...(background ? { background } : {}) };
  void browser.runtime.sendMessage(message).catch(() => {
    // The extension was reloaded under this page: nothing to open from here.
  });
}

type Sender = { id?: string; tab?: { id?: number; index?: number; windowId?: number } };

/** For the background: opens record pages for this extension's own scripts. Returns the function that stops. */
export function listenForOpenRecord(): () => void {
  const listener = (message: unknown, sender: Sender) => {
    if (typeof message !== 'object' || message === null || (message as OpenRecordMessage).channel !== OPEN_RECORD_CHANNEL) return undefined;
    if (sender.id !== browser.runtime.id) return undefined;
    const path = recordPath((message as OpenRecordMessage).target);
    if (!path) return undefined;
    const tab = sender.tab;
    void browser.tabs
      .create({
        url: browser.runtime.getURL(`/${path}` as '/record.html'),
        active: !(message as OpenRecordMessage).background,
        ...(tab?.index !== undefined ? { index: tab.index + 1 } : {}),
        ...(tab?.id !== undefined ? { openerTabId: tab.id } : {}),
        ...(tab?.windowId !== undefined ? { windowId: tab.windowId } : {}),
      })
      .catch((error: unknown) => console.warn('[vanban-lens] could not open the record', error));
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}
