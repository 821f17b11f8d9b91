/**
 * The search filters applied to documents (family, type, issuer, term, year range, cited by articles), and the
 * choices the search page offers for them: every type, issuer and term the dataset holds, with how many documents
 * each has, and its years. Pure.
 */
import type { DocumentRecord } from '../records/schema';
import type { SearchFilters } from './query';

/** The issuer a filter names a document by: its issuing body, else its issuer abbreviation. */
export const issuerOf = (doc: DocumentRecord): string => doc.issuer?.trim() || doc.issuerAbbr;

/** The document's year, when its date gives one. */
export function yearOf(doc: DocumentRecord): number | undefined {
  const date = doc.date;
  if (!date || date.length < 4) return undefined;
  // Four digits by character codes: asked for every document a search touches.
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const c = date.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return undefined;
    year = year * 10 + c;
  }
  return year;
}

/** True when the document passes every filter set; `cited` is how many articles cite it. */
export function matchesFilters(doc: DocumentRecord, filters: SearchFilters, cited: number): boolean {
  if (filters.family && doc.family !== filters.family) return false;
  if (filters.type && doc.typeName !== filters.type) return false;
  if (filters.issuer && issuerOf(doc) !== filters.issuer) return false;
  if (filters.term && doc.term !== filters.term) return false;
  if (filters.yearFrom !== undefined || filters.yearTo !== undefined) {
    const y = yearOf(doc);
    if (y === undefined) return false;
    if (filters.yearFrom !== undefined && y < filters.yearFrom) return false;
    if (filters.yearTo !== undefined && y > filters.yearTo) return false;
  }
  if (filters.cited && cited <= 0) return false;
  return true;
}

export interface FacetValue {
  value: string;
  count: number;
}

/** What the filters can be set to, over the whole dataset. */
export interface SearchFacets {
  types: FacetValue[];
  issuers: FacetValue[];
  /** Terms, oldest first. */
  terms: FacetValue[];
  years?: { min: number; max: number };
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
/** A Roman numeral's value (for ordering terms). */
export function romanValue(roman: string): number {
  let total = 0;
  for (let i = 0; i < roman.length; i++) {
    const v = ROMAN[roman[i]!] ?? 0;
    const next = ROMAN[roman[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** The filters' choices: types and issuers most documents first (then by name), terms in order, the years. */
export function facetsOf(docs: Iterable<DocumentRecord>): SearchFacets {
  const types = new Map<string, number>();
  const issuers = new Map<string, number>();
  const terms = new Map<string, number>();
  let min = Infinity;
  let max = -Infinity;
  for (const doc of docs) {
    bump(types, doc.typeName);
    bump(issuers, issuerOf(doc));
    if (doc.term) bump(terms, doc.term);
    const y = yearOf(doc);
    if (y !== undefined) {
      if (y < min) min = y;
      if (y > max) max = y;
    }
  }
  const byCount = (m: Map<string, number>) =>
    [...m].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'vi'));
  return {
    types: byCount(types),
    issuers: byCount(issuers),
    terms: [...terms].map(([value, count]) => ({ value, count })).sort((a, b) => romanValue(a.value) - romanValue(b.value)),
    ...(min <= max ? { years: { min, max } } : {}),
  };
}

function bump(map: Map<string, number>, key: string): void {
  if (key) map.set(key, (map.get(key) ?? 0) + 1);
}
