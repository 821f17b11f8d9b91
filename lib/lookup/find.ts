/**
 * The search page's question: the documents a query and its filters find, best first (no query: newest first),
 * one page of them with how many there are in all, and how many articles cite each. A query that is a code
 * however written ("35/CT-TW", "35 CT TW") puts the documents with exactly that code first. Costs the postings
 * the query touches and the documents they hold: only the page shown is ever sorted in full.
 */
import { codeKey } from '../keys/code-key';
import { foldAccents } from '../keys/alias-key';
import type { DocumentRecord } from '../records/schema';
import { issuerOf, yearOf } from '../search/filter';
import { codeOfQuery, matchText, type SearchFilters } from '../search/query';
import { hasSearchWords, matchDocuments, type SearchIndex } from './search-index';
import { finishPostingIndex } from './posting-index';

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
  /** The code the query is, when it is one: as a document found writes it, else as typed (normalised). */
  code?: string;
}

/** Document numbers newest first (undated last), per index: the order of a search without words. */
const newestFirst = new WeakMap<SearchIndex, Uint32Array>();

/** Prepares what a search costs the first time (the date order, the packed postings), ahead of the first one. */
export function prepareFind(index: SearchIndex): void {
  dateRanks(index);
  columnsOf(index);
  finishPostingIndex(index.postings);
}

/**
 * The filtered fields by document number, as numbers (a value's number in `values`; 0 for none), so the filter
 * of a search that touches most documents compares integers: the same rule as matchesFilters (lib/search/filter),
 * which the unit tests check it against.
 */
interface Columns {
  family: Uint8Array;
  year: Uint16Array;
  type: Uint32Array;
  issuer: Uint32Array;
  term: Uint32Array;
  values: Map<string, number>;
}
const columns = new WeakMap<SearchIndex, Columns>();

function columnsOf(index: SearchIndex): Columns {
  let c = columns.get(index);
  if (!c || c.family.length !== index.docs.length) {
    const n = index.docs.length;
    const values = new Map<string, number>();
    const id = (value: string | undefined) => {
      if (!value) return 0;
      let v = values.get(value);
      if (v === undefined) values.set(value, (v = values.size + 1));
      return v;
    };
    c = { family: new Uint8Array(n), year: new Uint16Array(n), type: new Uint32Array(n), issuer: new Uint32Array(n), term: new Uint32Array(n), values };
    index.docs.forEach((doc, d) => {
      c!.family[d] = doc.family === 'party' ? 1 : 2;
      c!.year[d] = yearOf(doc) ?? 0;
      c!.type[d] = id(doc.typeName);
      c!.issuer[d] = id(issuerOf(doc));
      c!.term[d] = id(doc.term);
    });
    columns.set(index, c);
  }
  return c;
}

/** The filters as a test of a document number (see Columns). */
export function filterOf(index: SearchIndex, filters: SearchFilters, cited: ReadonlyMap<string, number>): (doc: number) => boolean {
  const c = columnsOf(index);
  // A value no document has: a number no document carries.
  const want = (value: string | undefined) => (value === undefined ? undefined : (c.values.get(value) ?? -1));
  const family = filters.family === undefined ? 0 : filters.family === 'party' ? 1 : 2;
  const type = want(filters.type);
  const issuer = want(filters.issuer);
  const term = want(filters.term);
  const from = filters.yearFrom;
  const to = filters.yearTo;
  const ids = index.postings.ids;
  return (d) => {
    if (family && c.family[d] !== family) return false;
    if (type !== undefined && c.type[d] !== type) return false;
    if (issuer !== undefined && c.issuer[d] !== issuer) return false;
    if (term !== undefined && c.term[d] !== term) return false;
    if (from !== undefined || to !== undefined) {
      const y = c.year[d]!;
      if (y === 0 || (from !== undefined && y < from) || (to !== undefined && y > to)) return false;
    }
    if (filters.cited && !((cited.get(ids[d]!) ?? 0) > 0)) return false;
    return true;
  };
}

/** Each document's place in the newest-first order (ties in a search go to the newer document, then by id). */
const places = new WeakMap<Uint32Array, Uint32Array>();
function dateRanks(index: SearchIndex): Uint32Array {
  const order = byDate(index);
  let place = places.get(order);
  if (!place) {
    place = new Uint32Array(order.length);
    order.forEach((d, i) => (place![d] = i));
    places.set(order, place);
  }
  return place;
}

export function byDate(index: SearchIndex): Uint32Array {
  let order = newestFirst.get(index);
  if (!order || order.length !== index.docs.length) {
    const docs = index.docs;
    const date = docs.map((d) => d.date ?? '');
    const id = index.postings.ids;
    order = Uint32Array.from(docs.keys()).sort((a, b) => (date[a]! < date[b]! ? 1 : date[a]! > date[b]! ? -1 : id[a]! < id[b]! ? -1 : id[a]! > id[b]! ? 1 : 0));
    newestFirst.set(index, order);
  }
  return order;
}

export function findDocuments(index: SearchIndex, cited: ReadonlyMap<string, number>, request: FindRequest): FindResult {
  const { filters, offset, limit } = request;
  const docs = index.docs;
  const text = matchText(request.q);
  const asked = codeOfQuery(request.q);
  // Compared without accents: "100/2019/ND-CP" typed on a keyboard without Đ is the same code.
  const code = asked === undefined ? undefined : foldAccents(asked);
  const passes = filterOf(index, filters, cited);
  const found = (doc: number, score: number): FoundDocument => {
    const document = docs[doc]!;
    return { document, score: Math.round(score * 1000) / 1000, cited: cited.get(document.id) ?? 0 };
  };
  const end = offset + limit;
  // Only words that say nothing ("số", "về", punctuation): nothing found, rather than everything.
  if (text.trim() && !hasSearchWords(text)) return { items: [], total: 0 };
  if (!hasSearchWords(text)) {
    let total = 0;
    const items: FoundDocument[] = [];
    for (const d of byDate(index)) {
      if (!passes(d)) continue;
      if (total >= offset && total < end) items.push(found(d, 0));
      total++;
    }
    return { items, total };
  }
  // Exact code first, then by score; ties in index order.
  const hits = matchDocuments(index, text);
  const kept: number[] = [];
  for (let i = 0; i < hits.docs.length; i++) if (passes(hits.docs[i]!)) kept.push(i);
  const doc = new Uint32Array(kept.length);
  const rank = new Float64Array(kept.length);
  let written: string | undefined;
  kept.forEach((i, j) => {
    const d = (doc[j] = hits.docs[i]!);
    const exact = code !== undefined && foldAccents(codeKey(docs[d]!.code)) === code;
    if (exact) written ??= docs[d]!.code;
    rank[j] = hits.scores[i]! + (exact ? 1e9 : 0);
  });
  const order = topOf(rank, doc, dateRanks(index), end);
  return {
    items: order.slice(offset, end).map((j) => found(doc[j]!, rank[j]! >= 1e9 ? rank[j]! - 1e9 : rank[j]!)),
    total: kept.length,
    ...(asked !== undefined ? { code: written ?? asked } : {}),
  };
}

/** Positions of the `k` best ranks, best first (ties: the newer document first), without sorting all of them. */
function topOf(rank: Float64Array, doc: Uint32Array, newer: Uint32Array, k: number): number[] {
  let positions: number[];
  if (rank.length > 4 * k && k > 0) {
    // The k-th best rank, from a numeric sort of a copy (native, no comparator), keeps only what can be shown.
    const cut = Float64Array.from(rank).sort()[rank.length - k]!;
    positions = [];
    for (let i = 0; i < rank.length; i++) if (rank[i]! >= cut) positions.push(i);
  } else {
    positions = Array.from(rank.keys());
  }
  return positions.sort((a, b) => rank[b]! - rank[a]! || newer[doc[a]!]! - newer[doc[b]!]!).slice(0, k);
}
