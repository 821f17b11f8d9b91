/**
 * A search as the search page's address carries it (search.html?q=…&family=…&type=…&issuer=…&term=…&from=…&to=…
 * &cited=1): parsed from and written back to URL search parameters, so a search is shareable and Back/Forward
 * restore it. The query text is normalised for matching: accents and case never matter (done by the index), and
 * a code however it is typed ("35/CT-TW", "35 CT TW", "35-CT/TƯ") reads as the code. Pure.
 */
import { codeKey } from '../keys/code-key';
import type { Family } from '../detector/types';

export interface SearchFilters {
  family?: Family;
  /** Type name as the documents write it ("Chỉ thị"). */
  type?: string;
  /** Issuing body ("Bộ Chính trị"), or the issuer abbreviation where a document names no body. */
  issuer?: string;
  /** Term in Roman numerals ("XIII"). */
  term?: string;
  /** Year range, inclusive. */
  yearFrom?: number;
  yearTo?: number;
  /** Only documents at least one article cites. */
  cited?: boolean;
}

export interface SearchQuery {
  q: string;
  filters: SearchFilters;
}

/** Longest query text kept (the lookup service refuses longer ones). */
export const MAX_QUERY = 500;
const MIN_YEAR = 1930;
const MAX_YEAR = 2100;

const PARAM = { q: 'q', family: 'family', type: 'type', issuer: 'issuer', term: 'term', yearFrom: 'from', yearTo: 'to', cited: 'cited' } as const;

/** Reads a search from an address's parameters; unknown or malformed values are dropped, never guessed. */
export function queryFromParams(params: URLSearchParams): SearchQuery {
  const filters: SearchFilters = {};
  const family = params.get(PARAM.family);
  if (family === 'party' || family === 'state') filters.family = family;
  const text = (name: string) => {
    const value = params.get(name)?.trim();
    return value ? value.slice(0, 200) : undefined;
  };
  const type = text(PARAM.type);
  if (type) filters.type = type;
  const issuer = text(PARAM.issuer);
  if (issuer) filters.issuer = issuer;
  const term = text(PARAM.term)?.toUpperCase();
  if (term && /^[IVXLC]+$/.test(term)) filters.term = term;
  const from = year(params.get(PARAM.yearFrom));
  const to = year(params.get(PARAM.yearTo));
  if (from !== undefined) filters.yearFrom = from;
  if (to !== undefined) filters.yearTo = to;
  if (from !== undefined && to !== undefined && from > to) [filters.yearFrom, filters.yearTo] = [to, from];
  if (params.get(PARAM.cited) === '1') filters.cited = true;
  return { q: (params.get(PARAM.q) ?? '').slice(0, MAX_QUERY), filters };
}

/** Writes a search as address parameters, in a fixed order, leaving out what is empty. */
export function queryToParams(query: SearchQuery): URLSearchParams {
  const params = new URLSearchParams();
  const q = query.q.trim();
  if (q) params.set(PARAM.q, q);
  const f = query.filters;
  if (f.family) params.set(PARAM.family, f.family);
  if (f.type) params.set(PARAM.type, f.type);
  if (f.issuer) params.set(PARAM.issuer, f.issuer);
  if (f.term) params.set(PARAM.term, f.term);
  if (f.yearFrom !== undefined) params.set(PARAM.yearFrom, String(f.yearFrom));
  if (f.yearTo !== undefined) params.set(PARAM.yearTo, String(f.yearTo));
  if (f.cited) params.set(PARAM.cited, '1');
  return params;
}

/** True when two searches ask the same thing (the same address). */
export function sameQuery(a: SearchQuery, b: SearchQuery): boolean {
  return queryToParams(a).toString() === queryToParams(b).toString();
}

/** True when any filter is set. */
export function hasFilters(filters: SearchFilters): boolean {
  return Object.values(filters).some((v) => v !== undefined && v !== false);
}

function year(value: string | null): number | undefined {
  if (!value || !/^\d{4}$/.test(value.trim())) return undefined;
  const n = Number(value);
  return n >= MIN_YEAR && n <= MAX_YEAR ? n : undefined;
}

/**
 * The query text as the index reads it: a Party issuer written "TƯ" (with its accent, which folding would turn
 * into "tu", the letters of a provincial committee) after a code's slash or dash becomes "TW"; codes written with
 * other dashes or a slash for the dash keep their letters and numbers, which is all the index compares.
 */
export function matchText(q: string): string {
  return q
    .normalize('NFC')
    .replace(/([/\-\u2010-\u2015]\s*)T[Ưư](?=$|[^\p{L}\p{N}])/giu, '$1TW')
    .slice(0, MAX_QUERY);
}

/**
 * The code a query is, when the whole query is one code however written ("35/CT-TW", "35 CT TW", "35-ct/tư",
 * "100/2019/NĐ-CP", "100 2019 ND CP"), as codeKey writes it; undefined for anything else. Party codes are
 * number-type/issuer, state codes number/year/type-issuer.
 */
export function codeOfQuery(q: string): string | undefined {
  const parts = matchText(q).trim().split(/[\s/\-\u2010-\u2015_.]+/u).filter(Boolean);
  if (parts.length < 3 || parts.length > 5 || !/^\d{1,5}$/.test(parts[0]!)) return undefined;
  const letters = (s: string) => /^[\p{L}][\p{L}\d]*$/u.test(s);
  if (parts.length >= 3 && /^(19|20)\d\d$/.test(parts[1]!) && parts.slice(2).every(letters)) {
    // State: number/year/TYPE-ISSUER(-MORE)
    return codeKey(`${parts[0]}/${parts[1]}/${parts.slice(2).join('-')}`);
  }
  if (parts.slice(1).every(letters)) {
    // Party: number-TYPE/ISSUER(-MORE)
    return codeKey(`${parts[0]}-${parts[1]}/${parts.slice(2).join('-')}`);
  }
  return undefined;
}
