/**
 * The popup's view of the page: the references marked on it grouped by document (how often each is cited, the
 * first in the page's order), and "go to it" (the page scrolls to the first and opens its card). The popup asks
 * the active tab's top frame with a message; the content script answers from its reader. Only messages from this
 * extension are answered.
 */
import { browser } from 'wxt/browser';
import { aliasKey } from '../keys/alias-key';
import { codeKey } from '../keys/code-key';
import type { Reference } from '../detector/types';
import type { Resolution } from '../resolver/resolve';
import type { PageReferenceGroup, PageReferences } from '../records/page-references';

export type { PageReferenceGroup, PageReferences } from '../records/page-references';

export const POPUP_CHANNEL = 'vanban-lens/popup';
/** At most this many groups go to the popup (a page citing more is rare; the rest are counted). */
export const MAX_GROUPS = 200;

type PopupRequest = { channel: typeof POPUP_CHANNEL; type: 'references' } | { channel: typeof POPUP_CHANNEL; type: 'reveal'; key: string };

/** What the reader knows of one marked reference. */
export interface MarkedEntry {
  id: string;
  ref: Reference;
  resolution?: Resolution;
  selected: number;
}

/** The group a marked reference belongs to: its resolved document, else its code, else its words. */
export function groupKeyOf(entry: MarkedEntry): string {
  const r = entry.resolution;
  const candidate = r?.candidates[entry.selected];
  if (candidate && r?.status === 'resolved') return `doc:${candidate.id}`;
  if (entry.ref.code) return `code:${codeKey(entry.ref.code)}`;
  return `ref:${aliasKey(entry.ref.raw)}`;
}

/** Groups marked references (given in the page's order) by document, in order of first appearance. */
export function groupReferences(entries: MarkedEntry[]): PageReferences {
  const groups = new Map<string, PageReferenceGroup>();
  for (const entry of entries) {
    const key = groupKeyOf(entry);
    const group = groups.get(key);
    if (group) {
      group.count++;
      continue;
    }
    const r = entry.resolution;
    const candidate = r?.status === 'resolved' ? r.candidates[entry.selected] : undefined;
    groups.set(key, {
      key,
      code: candidate?.code ?? entry.ref.code ?? entry.ref.raw,
      ...(candidate?.title ? { title: candidate.title } : {}),
      ...(candidate?.date ? { date: candidate.date } : {}),
      ...(candidate ? { documentId: candidate.id } : {}),
      count: 1,
      status: !r ? 'pending' : r.status === 'resolved' ? 'resolved' : r.status === 'ambiguous' ? 'ambiguous' : 'unresolved',
    });
  }
  return { groups: [...groups.values()].slice(0, MAX_GROUPS), total: entries.length };
}

export interface PopupSource {
  references(): PageReferences;
  /** Scrolls to the first reference of a group and opens its card; false when the group is gone. */
  reveal(key: string): boolean;
}

/** For the content script (top frame): answers the popup until the signal aborts. */
export function listenForPopup(signal: AbortSignal, source: () => PopupSource | undefined): void {
  const listener = (message: unknown, sender: { id?: string }, sendResponse: (answer: unknown) => void) => {
    if (sender.id !== browser.runtime.id || !isPopupRequest(message)) return undefined;
    const reader = source();
    if (message.type === 'references') sendResponse(reader ? reader.references() : { groups: [], total: 0, off: true });
    else sendResponse(reader ? reader.reveal(message.key) : false);
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener as never);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener as never), { once: true });
}

/** For the popup: the references on a tab's page (undefined where no content script answers). */
export async function askPageReferences(tabId: number): Promise<(PageReferences & { off?: boolean }) | undefined> {
  const request: PopupRequest = { channel: POPUP_CHANNEL, type: 'references' };
  try {
    const answer = (await browser.tabs.sendMessage(tabId, request, { frameId: 0 })) as PageReferences | undefined;
    return answer && Array.isArray(answer.groups) ? answer : undefined;
  } catch {
    return undefined;
  }
}

/** For the popup: the page scrolls to the group's first reference and opens its card. */
export async function revealOnPage(tabId: number, key: string): Promise<boolean> {
  const request: PopupRequest = { channel: POPUP_CHANNEL, type: 'reveal', key };
  try {
    return (await browser.tabs.sendMessage(tabId, request, { frameId: 0 })) === true;
  } catch {
    return false;
  }
}

function isPopupRequest(message: unknown): message is PopupRequest {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  return m.channel === POPUP_CHANNEL && (m.type === 'references' || (m.type === 'reveal' && typeof m.key === 'string'));
}
