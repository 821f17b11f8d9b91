/**
 * The context menu "Tra cứu văn bản" / "Look up document" on selected text. Its lookup: the selection's codes
 * (as the detector reads them, or the whole selection read as a code: "35 CT TW"); one code naming one document
 * opens that document's record, one code naming several (numbers restart each term) their list by code, anything
 * else the search page with the selection. The background registers the menu and opens the answer in a new tab
 * beside the page.
 */
import { browser } from 'wxt/browser';
import { detect } from '../detector/detect';
import { codeKey } from '../keys/code-key';
import type { DocumentRecord } from '../records/schema';
import { codeOfQuery } from '../search/query';

export const LOOKUP_MENU_ID = 'vanban-lens-lookup';
/** Longest selection looked up (the rest is cut off). */
const MAX_SELECTION = 500;

export type SelectionTarget = { kind: 'record'; id: string } | { kind: 'code'; code: string } | { kind: 'search'; q: string };

export interface TargetHrefs {
  record: (id: string) => string;
  code: (code: string) => string;
  search: (q: string) => string;
}

/** Where a selection leads; `byCode` answers the documents with a code (written variants too). */
export async function selectionTarget(selection: string, byCode: (code: string) => Promise<DocumentRecord[]>): Promise<SelectionTarget> {
  const q = selection.replace(/\s+/g, ' ').trim().slice(0, MAX_SELECTION);
  const codes = [...new Set(detect(q).flatMap((ref) => (ref.code && !ref.inferred ? [codeKey(ref.code)] : [])))];
  // Not one code the detector reads: a short selection may still be a code as typed ("35 CT TW").
  const typed = codes.length === 0 && q.length <= 40 ? codeOfQuery(q) : undefined;
  const asked = codes.length === 1 ? codes : typed ? [typed] : [];
  if (asked.length === 1) {
    const documents = await byCode(asked[0]!);
    if (documents.length === 1) return { kind: 'record', id: documents[0]!.id };
    if (documents.length > 1) return { kind: 'code', code: documents[0]!.code };
  }
  return { kind: 'search', q };
}

/** The extension page (relative address) a target opens. */
export function targetHref(target: SelectionTarget, hrefs: TargetHrefs): string {
  if (target.kind === 'record') return hrefs.record(target.id);
  if (target.kind === 'code') return hrefs.code(target.code);
  return hrefs.search(target.q);
}

export interface LookupMenuOptions {
  title: string;
  /** The lookup (the background's service). */
  target: (selection: string) => Promise<SelectionTarget>;
  hrefs: TargetHrefs;
}

/** The click handler: looks the selection up and opens the answer in a new tab beside the page. */
export function lookupMenuHandler(options: LookupMenuOptions) {
  return async (info: { menuItemId: string | number; selectionText?: string }, tab?: { id?: number; index?: number }): Promise<void> => {
    if (info.menuItemId !== LOOKUP_MENU_ID || !info.selectionText?.trim()) return;
    let href: string;
    try {
      href = targetHref(await options.target(info.selectionText), options.hrefs);
    } catch (error) {
      // The dataset is not ready (or the lookup failed): the search page still shows the selection and says so.
      console.warn('[vanban-lens] context menu lookup', error);
      href = options.hrefs.search(info.selectionText.replace(/\s+/g, ' ').trim().slice(0, MAX_SELECTION));
    }
    await browser.tabs.create({
      url: browser.runtime.getURL(`/${href}` as never),
      ...(tab?.index !== undefined ? { index: tab.index + 1 } : {}),
      ...(tab?.id !== undefined && tab.id >= 0 ? { openerTabId: tab.id } : {}),
    });
  };
}

/** Registers the menu (replacing an earlier registration of this extension) and follows its clicks. */
export async function registerLookupMenu(options: LookupMenuOptions): Promise<void> {
  const menus = browser.contextMenus;
  if (!menus) return;
  menus.onClicked.addListener(lookupMenuHandler(options) as never);
  await menus.removeAll();
  menus.create({ id: LOOKUP_MENU_ID, title: options.title, contexts: ['selection'] });
}
