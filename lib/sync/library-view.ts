/**
 * The library page's list as data: one row per saved reference with its document's facts, filtered (text without
 * regard to accents, tags, type, issuing body, year, site) and sorted (saved date, document date, code), and the
 * choices each filter offers with counts. Pure.
 */
import type { SavedReference } from './saved-reference';
import type { NotSyncedWhy } from './saved-store';

export interface RowFacts {
  title?: string;
  typeName?: string;
  issuer?: string;
  date?: string;
}

export interface LibraryRow {
  ref: SavedReference;
  title?: string;
  type?: string;
  issuer?: string;
  /** Document date (ISO or year). */
  date?: string;
  year?: string;
  /** Host of the page where it was seen, without "www.". */
  site: string;
  /** The dataset knows the document. */
  known: boolean;
  notSynced?: NotSyncedWhy;
  /** Everything the text filter searches, folded. */
  haystack: string;
}

export type LibrarySort = 'saved' | 'date' | 'code';

export interface LibraryQuery {
  text: string;
  tag?: string;
  type?: string;
  issuer?: string;
  year?: string;
  site?: string;
  sort: LibrarySort;
}

export const EMPTY_QUERY: LibraryQuery = { text: '', sort: 'saved' };

/** Lower case without marks: "Chỉ thị" → "chi thi", "Đảng" → "dang". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
}

export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

export function buildRows(refs: SavedReference[], docs: Record<string, RowFacts>, notSynced: Record<string, NotSyncedWhy> = {}): LibraryRow[] {
  return refs.map((ref) => {
    const doc = ref.docId ? docs[ref.docId] : undefined;
    const title = doc?.title ?? ref.page?.title;
    const type = doc?.typeName ?? ref.page?.type;
    const issuer = doc?.issuer ?? ref.page?.issuer;
    const date = doc?.date ?? ref.page?.date;
    const year = date && /^\d{4}/.test(date) ? date.slice(0, 4) : undefined;
    const site = siteOf(ref.url);
    const row: LibraryRow = {
      ref,
      site,
      known: Boolean(doc),
      haystack: fold([ref.code, title, type, issuer, ref.note, ref.tags.join(' '), ref.pageTitle, site].filter(Boolean).join(' ')),
      ...(title ? { title } : {}),
      ...(type ? { type } : {}),
      ...(issuer ? { issuer } : {}),
      ...(date ? { date } : {}),
      ...(year ? { year } : {}),
    };
    const why = notSynced[ref.key];
    if (why) row.notSynced = why;
    return row;
  });
}

export function filterRows(rows: LibraryRow[], q: LibraryQuery): LibraryRow[] {
  const words = fold(q.text).split(' ').filter(Boolean);
  const out = rows.filter(
    (r) =>
      words.every((w) => r.haystack.includes(w)) &&
      (!q.tag || r.ref.tags.includes(q.tag)) &&
      (!q.type || r.type === q.type) &&
      (!q.issuer || r.issuer === q.issuer) &&
      (!q.year || r.year === q.year) &&
      (!q.site || r.site === q.site),
  );
  const byCode = (a: LibraryRow, b: LibraryRow) => a.ref.code.localeCompare(b.ref.code, 'vi', { numeric: true });
  const sorters: Record<LibrarySort, (a: LibraryRow, b: LibraryRow) => number> = {
    saved: (a, b) => b.ref.savedAt - a.ref.savedAt || byCode(a, b),
    // Newest document first; undated last.
    date: (a, b) => (b.date ?? '').localeCompare(a.date ?? '') || byCode(a, b),
    code: (a, b) => byCode(a, b) || b.ref.savedAt - a.ref.savedAt,
  };
  return out.sort(sorters[q.sort]);
}

export interface Facets {
  tags: Array<[string, number]>;
  types: Array<[string, number]>;
  issuers: Array<[string, number]>;
  years: Array<[string, number]>;
  sites: Array<[string, number]>;
}

export function facets(rows: LibraryRow[]): Facets {
  const count = (values: Array<string | undefined>, order: 'count' | 'desc' = 'count') => {
    const m = new Map<string, number>();
    for (const v of values) if (v) m.set(v, (m.get(v) ?? 0) + 1);
    return [...m].sort(order === 'desc' ? (a, b) => b[0].localeCompare(a[0]) : (a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'vi'));
  };
  return {
    tags: count(rows.flatMap((r) => r.ref.tags)),
    types: count(rows.map((r) => r.type)),
    issuers: count(rows.map((r) => r.issuer)),
    years: count(rows.map((r) => r.year), 'desc'),
    sites: count(rows.map((r) => r.site)),
  };
}
