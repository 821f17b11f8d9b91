/**
 * The search page's question: the documents a query and its filters find, best first (no query: newest first),
 * one page of them with how many there are in all, and how many articles cite each. A query that is a code
 * however written ("35/CT-TW", "35 CT TW") puts the documents with exactly that code first.
 */
import { codeKey } from '../keys/code-key';
import type { DocumentRecord } from '../records/schema';
import { matchesFilters } from '../search/filter';
import { codeOfQuery, matchText, type SearchFilters } from '../search/query';
import { hasSearchWords, searchHits, type SearchIndex } from './search-index';

export interface FindRequest {
  q: string;
  filters: SearchFilters;
  offset: number;
  limit: number;
}

export interface FoundDocument {
  document: DocumentRecord;
  /** Relevance (0 when the list is by date). */
  score: number;
  /** How many articles cite it. */
  cited: number;
}

export interface FindResult {
  items: FoundDocument[];
  /** How many documents pass the query and the filters. */
  total: number;
  /** The code the query is, as the index writes codes, when it is one. */
  code?: string;
}

/** Documents newest first (undated last), per document map: the order of a search without words. */
const newestFirst = new WeakMap<object, DocumentRecord[]>();

function byDate(documents: ReadonlyMap<string, DocumentRecord>): DocumentRecord[] {
  let list = newestFirst.get(documents);
  if (!list || list.length !== documents.size) {
    list = [...documents.values()].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.id.localeCompare(b.id));
    newestFirst.set(documents, list);
  }
  return list;
}

export function findDocuments(
  index: SearchIndex,
  documents: ReadonlyMap<string, DocumentRecord>,
  cited: ReadonlyMap<string, number>,
  request: FindRequest,
): FindResult {
  const { filters, offset, limit } = request;
  const text = matchText(request.q);
  const code = codeOfQuery(request.q);
  const passes = (doc: DocumentRecord) => matchesFilters(doc, filters, cited.get(doc.id) ?? 0);
  let ranked: Array<{ document: DocumentRecord; score: number }>;
  if (!hasSearchWords(text)) {
    ranked = [];
    for (const document of byDate(documents)) if (passes(document)) ranked.push({ document, score: 0 });
  } else {
    const exact: Array<{ document: DocumentRecord; score: number }> = [];
    const rest: Array<{ document: DocumentRecord; score: number }> = [];
    for (const hit of searchHits(index, text)) {
      const document = documents.get(hit.id);
      if (!document || !passes(document)) continue;
      (code !== undefined && codeKey(document.code) === code ? exact : rest).push({ document, score: Math.round(hit.score * 1000) / 1000 });
    }
    ranked = exact.length ? [...exact, ...rest] : rest;
  }
  return {
    items: ranked.slice(offset, offset + limit).map((r) => ({ ...r, cited: cited.get(r.document.id) ?? 0 })),
    total: ranked.length,
    ...(code !== undefined ? { code } : {}),
  };
}
