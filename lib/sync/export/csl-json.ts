/**
 * CSL-JSON export (what Zotero, Mendeley and pandoc read): type "legislation"; title, number = the code, issued,
 * authority = the issuing body, genre = the document type, URL = the page where it was seen, container-title = that
 * page's title, accessed = when it was saved, note, keyword = the tags. Pure.
 */
import { dateParts, type ExportItem } from './export-item';

export interface CslItem {
  id: string;
  type: string;
  title?: string;
  number?: string;
  issued?: { 'date-parts': number[][] };
  authority?: string;
  genre?: string;
  URL?: string;
  'container-title'?: string;
  accessed?: { 'date-parts': number[][] };
  note?: string;
  keyword?: string;
}

export function toCslItems(items: ExportItem[]): CslItem[] {
  return items.map(({ ref, title, type, issuer, date }) => {
    const issued = dateParts(date);
    const saved = new Date(ref.savedAt);
    const item: CslItem = { id: `vbl-${ref.key}`, type: 'legislation', title: title ?? ref.code, number: ref.code };
    if (issued) item.issued = { 'date-parts': [issued] };
    if (issuer) item.authority = issuer;
    if (type) item.genre = type;
    if (ref.url) item.URL = ref.url;
    if (ref.pageTitle) item['container-title'] = ref.pageTitle;
    item.accessed = { 'date-parts': [[saved.getUTCFullYear(), saved.getUTCMonth() + 1, saved.getUTCDate()]] };
    if (ref.note) item.note = ref.note;
    if (ref.tags.length) item.keyword = ref.tags.join(', ');
    return item;
  });
}

export function toCslJson(items: ExportItem[]): string {
  return JSON.stringify(toCslItems(items), null, 2);
}
