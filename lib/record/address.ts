/**
 * The record page's address: `record.html?id=<document id>` (one document, bookmarkable: ids stay the same across
 * dataset versions) or `record.html?code=<code>` (every document sharing the code), with the citing articles'
 * filter and page (`outlet`, `year`, `page`) so a filtered list can be shared too. Pure.
 */

export const RECORD_PAGE = 'record.html';
export const SEARCH_PAGE = 'search.html';

export interface ArticleFilter {
  outlet?: string;
  year?: string;
  /** Zero-based page of citing articles. */
  page: number;
}

export type RecordAddress =
  | { kind: 'id'; id: string; articles: ArticleFilter }
  | { kind: 'code'; code: string }
  | { kind: 'none' };

const MAX = 500;

/** Reads `location.search` (with or without its "?"). An id wins over a code; blank values count as absent. */
export function parseRecordAddress(search: string): RecordAddress {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const id = params.get('id')?.trim();
  if (id && id.length <= MAX) {
    const outlet = params.get('outlet')?.trim();
    const year = params.get('year')?.trim();
    const page = Number(params.get('page') ?? '0');
    return {
      kind: 'id',
      id,
      articles: {
        ...(outlet && outlet.length <= MAX ? { outlet } : {}),
        ...(year && /^\d{4}$/.test(year) ? { year } : {}),
        page: Number.isInteger(page) && page >= 0 && page < 1_000_000 ? page : 0,
      },
    };
  }
  const code = params.get('code')?.trim();
  if (code && code.length <= 200) return { kind: 'code', code };
  return { kind: 'none' };
}

/** "record.html?id=…" (relative to the extension's root), with the articles' filter when one is set. */
export function recordHref(id: string, articles?: Partial<ArticleFilter>): string {
  const params = new URLSearchParams({ id });
  if (articles?.outlet) params.set('outlet', articles.outlet);
  if (articles?.year) params.set('year', articles.year);
  if (articles?.page) params.set('page', String(articles.page));
  return `${RECORD_PAGE}?${params}`;
}

/** "record.html?code=…": every document sharing a code. */
export function codeHref(code: string): string {
  return `${RECORD_PAGE}?${new URLSearchParams({ code })}`;
}

/** "search.html?q=…": the search page with a query. */
export function searchHref(query: string): string {
  return `${SEARCH_PAGE}?${new URLSearchParams({ q: query })}`;
}
