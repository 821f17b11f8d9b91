/**
 * The typed messages between extension scripts and the background lookup service, and their shape checks.
 * Pure: no browser API, so the service and its tests share one definition of what a valid message is.
 */
import type { Reference } from '../detector/types';
import type { ArticleRecord, DocumentRecord } from '../records/schema';
import type { Resolution, ResolveContext } from '../resolver/resolve';
import { MAX_PAGE_CONTEXTS } from '../resolver/page-mentions';
import type { DatasetStatus } from '../store/dataset-store';
import { INTEGRITY_FAILURES } from '../store/dataset-integrity';
import type { RelatedDocument } from '../store/queries';
import type { CitingArticlesPage } from '../store/citing-articles';

export type { CitingArticle, CitingArticlesPage, StatedFacts } from '../store/citing-articles';
import type { SearchFacets } from '../search/filter';
import type { SearchFilters } from '../search/query';
import type { FindResult } from './find';
import type { SelectionTarget } from './context-menu';
import { referenceKey } from '../sync/identity';
import type { SaveInput } from '../sync/merge';
import { savedReferenceError, type SavedReference } from '../sync/saved-reference';
import type { SyncStatus } from '../sync/saved-store';

export type { DatasetStatus } from '../store/dataset-store';
export type { RelatedDocument } from '../store/queries';
export type { FindResult, FoundDocument } from './find';
export type { SearchFacets } from '../search/filter';

/** Every lookup message carries this channel, so other listeners can ignore it cheaply. */
export const LOOKUP_CHANNEL = 'vanban-lens/lookup';

/** Largest batch one resolve message may carry (a long page sends a few). */
export const MAX_BATCH = 2000;
export const MAX_PAGE_SIZE = 100;
export const MAX_SEARCH_LIMIT = 100;
// Generous: a long subject clause must not cost a page its whole batch.
const MAX_STRING = 10_000;

/** What the detail of an 'unreadable' error names: the store's kinds of load failure. */
export const UNREADABLE_KINDS: readonly string[] = [...INTEGRITY_FAILURES, 'load-failed'];

/** 'unreadable': no dataset can be used (none is loaded and the bundled one is missing or broken); said at once. */
export type LookupErrorCode = 'bad-request' | 'not-found' | 'not-ready' | 'internal' | 'unreadable';

/** Everything a card shows of one document, in one message. */
export interface CardData {
  document: DocumentRecord;
  /** The newest citing articles (as many as asked for) and how many there are. */
  articles: { items: ArticleRecord[]; total: number };
  /** Explicit relations first, then co-cited documents, strongest first. */
  related: RelatedDocument[];
}

/**
 * Every operation of the lookup service: what its request carries and what it answers, in one declaration. The
 * request union, the client's return types and the service's handler table are all derived from it.
 */
export interface LookupOps {
  /** Candidates for each reference, in the same order. */
  resolve: { request: { refs: Reference[]; page: ResolveContext }; response: Resolution[] };
  /** A card's data: the document, its newest citing articles, its related documents. */
  card: { request: { id: string; articles: number }; response: CardData };
  document: { request: { id: string }; response: DocumentRecord };
  /** Articles citing the document, newest first, one page. */
  relatedArticles: { request: { id: string; page: number; pageSize: number }; response: { items: ArticleRecord[]; total: number } };
  /** Other documents with the same code (numbers restart each term), oldest first. */
  sameCodeOtherTerms: { request: { id: string }; response: DocumentRecord[] };
  search: { request: { query: string; limit: number }; response: Array<{ document: DocumentRecord; score: number }> };
  status: { request: Record<never, never>; response: DatasetStatus };
  /** Tries the bundled dataset again (after a failed load): loads it when needed, answers the status after. */
  reload: { request: Record<never, never>; response: DatasetStatus };
  /**
   * Every article citing the document, newest first, one page, filtered by outlet and year; each with what its
   * sentences stated about the document (date, issuing body, term as read), and the outlets and years to filter by.
   */
  citingArticles: { request: { id: string; page: number; pageSize: number; outlet?: string; year?: string }; response: CitingArticlesPage };
  /** Every document whose code is this code however it is written ("35-CT/TƯ", "05-CT/TW"), oldest first. */
  byCode: { request: { code: string }; response: DocumentRecord[] };
  /** The search page: documents a query and filters find, one page, with the total (no query: newest first). */
  find: { request: { q: string; filters: SearchFilters; offset: number; limit: number }; response: FindResult };
  /** The search filters' choices over the whole dataset (types, issuers, terms, years). */
  searchFacets: { request: Record<never, never>; response: SearchFacets };
  /** The context menu's lookup: where selected text leads (one record, the documents of one code, or a search). */
  selectionTarget: { request: { text: string }; response: SelectionTarget };
  /** The options page's "clear local data": every local record deleted, the bundled dataset loaded again. */
  resetData: { request: Record<never, never>; response: DatasetStatus };
  // Saved references (the background owns them: lib/sync/saved-store.ts).
  /** Every saved reference, the facts of the documents they name, and the sync status. */
  savedList: { request: Record<never, never>; response: SavedList };
  savedSave: { request: { input: SaveInput }; response: SavedReference };
  savedEdit: { request: { key: string; note?: string; tags?: string[] }; response: SavedReference };
  /** Deletes; answers what was deleted (for undo). */
  savedRemove: { request: { keys: string[] }; response: SavedReference[] };
  /** Puts deleted references back (undo). */
  savedRestore: { request: { refs: SavedReference[] }; response: { restored: number } };
  /** Imports a library JSON or CSL-JSON file: all items or none. */
  savedImport: { request: { text: string }; response: SavedImportResult };
}

/** A dataset document's facts as the library shows them. */
export interface SavedDocumentFacts {
  code: string;
  title?: string;
  typeName?: string;
  issuer?: string;
  date?: string;
}

export interface SavedList {
  refs: SavedReference[];
  /** By document id, for the saved references that name one the dataset holds. */
  docs: Record<string, SavedDocumentFacts>;
  status: SyncStatus;
}

export interface SavedImportResult {
  format: 'library' | 'csl';
  added: number;
  updated: number;
  /** Items no dataset document matched (kept as unknown codes). */
  unmatched: number;
}

/** Largest import file (characters). */
export const MAX_IMPORT_TEXT = 20_000_000;
const MAX_KEYS = 10_000;

export type LookupOp = keyof LookupOps;

/** One operation's request message body. */
export type RequestOf<K extends LookupOp> = { op: K } & LookupOps[K]['request'];
export type ResponseOf<K extends LookupOp> = LookupOps[K]['response'];

export type LookupRequest = { [K in LookupOp]: RequestOf<K> }[LookupOp];

export interface LookupMessage<K extends LookupOp = LookupOp> {
  channel: typeof LOOKUP_CHANNEL;
  request: RequestOf<K>;
}

/** `detail`: for 'unreadable', what failed (a LoadFailureKind: 'truncated', 'hash-mismatch', …). */
export type LookupFailure = { ok: false; error: { code: LookupErrorCode; message: string; detail?: string } };
export type LookupResponse<K extends LookupOp = LookupOp> = { ok: true; value: ResponseOf<K> } | LookupFailure;

export function isLookupMessage(message: unknown): message is { channel: typeof LOOKUP_CHANNEL; request: unknown } {
  return isObject(message) && message.channel === LOOKUP_CHANNEL;
}

/** How many full codes of the page a resolve request may carry as context. */
export const MAX_PAGE_CODES = 200;

/** Checks a request's shape; returns the normalized request or the reason it is refused. */
export function parseRequest(input: unknown): { request: LookupRequest } | { error: string } {
  if (!isObject(input)) return { error: 'request must be an object' };
  const op = input.op;
  switch (op) {
    case 'resolve': {
      const refs = input.refs;
      if (!Array.isArray(refs)) return { error: 'refs must be an array' };
      if (refs.length > MAX_BATCH) return { error: `at most ${MAX_BATCH} references per message` };
      for (let i = 0; i < refs.length; i++) {
        const why = referenceError(refs[i]);
        if (why) return { error: `refs[${i}]: ${why}` };
      }
      const page = input.page === undefined ? {} : input.page;
      if (!isObject(page)) return { error: 'page must be an object' };
      for (const key of ['pageDate', 'site', 'headline'] as const) {
        if (page[key] !== undefined && !isShortString(page[key])) return { error: `page.${key} must be a string` };
      }
      const codes = page.pageCodes;
      if (codes !== undefined && !(Array.isArray(codes) && codes.length <= MAX_PAGE_CODES && codes.every(isShortString))) {
        return { error: `page.pageCodes must be at most ${MAX_PAGE_CODES} strings` };
      }
      const ctx: ResolveContext = {};
      if (typeof page.pageDate === 'string') ctx.pageDate = page.pageDate;
      if (typeof page.site === 'string') ctx.site = page.site;
      if (typeof page.headline === 'string') ctx.headline = page.headline.slice(0, 500);
      // Codes the page cites in full: a short name ("Nghị định 100") then prefers the one spelled out there.
      if (Array.isArray(codes) && codes.length) ctx.pageCodes = codes as string[];
      return { request: { op, refs: refs as Reference[], page: ctx } };
    }
    case 'card': {
      if (!isId(input.id)) return { error: 'id must be a non-empty string' };
      const articles = input.articles ?? 3;
      if (!isIntIn(articles, 1, MAX_PAGE_SIZE)) return { error: `articles must be an integer from 1 to ${MAX_PAGE_SIZE}` };
      return { request: { op, id: input.id, articles } };
    }
    case 'document':
    case 'sameCodeOtherTerms': {
      if (!isId(input.id)) return { error: 'id must be a non-empty string' };
      return { request: { op, id: input.id } };
    }
    case 'relatedArticles': {
      if (!isId(input.id)) return { error: 'id must be a non-empty string' };
      const page = input.page ?? 0;
      const pageSize = input.pageSize ?? 20;
      if (!isIntIn(page, 0, 1_000_000)) return { error: 'page must be an integer ≥ 0' };
      if (!isIntIn(pageSize, 1, MAX_PAGE_SIZE)) return { error: `pageSize must be an integer from 1 to ${MAX_PAGE_SIZE}` };
      return { request: { op, id: input.id, page, pageSize } };
    }
    case 'search': {
      if (typeof input.query !== 'string' || input.query.length > 500) return { error: 'query must be a string of at most 500 characters' };
      const limit = input.limit ?? 20;
      if (!isIntIn(limit, 1, MAX_SEARCH_LIMIT)) return { error: `limit must be an integer from 1 to ${MAX_SEARCH_LIMIT}` };
      return { request: { op, query: input.query, limit } };
    }
    case 'status':
    case 'reload':
      return { request: { op } };
    case 'citingArticles': {
      if (!isId(input.id)) return { error: 'id must be a non-empty string' };
      const page = input.page ?? 0;
      const pageSize = input.pageSize ?? 20;
      if (!isIntIn(page, 0, 1_000_000)) return { error: 'page must be an integer ≥ 0' };
      if (!isIntIn(pageSize, 1, MAX_PAGE_SIZE)) return { error: `pageSize must be an integer from 1 to ${MAX_PAGE_SIZE}` };
      if (input.outlet !== undefined && !(typeof input.outlet === 'string' && input.outlet.length <= 500)) return { error: 'outlet must be a string' };
      if (input.year !== undefined && !(typeof input.year === 'string' && /^\d{4}$/.test(input.year))) return { error: 'year must be four digits' };
      return {
        request: { op, id: input.id, page, pageSize, ...(input.outlet !== undefined ? { outlet: input.outlet } : {}), ...(input.year !== undefined ? { year: input.year } : {}) },
      };
    }
    case 'byCode': {
      if (typeof input.code !== 'string' || input.code.trim().length === 0 || input.code.length > 200) return { error: 'code must be a non-empty string of at most 200 characters' };
      return { request: { op, code: input.code } };
    }
    case 'searchFacets':
    case 'resetData':
      return { request: { op } };
    case 'selectionTarget': {
      if (typeof input.text !== 'string' || input.text.length > MAX_STRING) return { error: 'text must be a string' };
      return { request: { op, text: input.text } };
    }
    case 'find': {
      if (typeof input.q !== 'string' || input.q.length > 500) return { error: 'q must be a string of at most 500 characters' };
      const offset = input.offset ?? 0;
      const limit = input.limit ?? 20;
      if (!isIntIn(offset, 0, 1_000_000)) return { error: 'offset must be an integer ≥ 0' };
      if (!isIntIn(limit, 1, MAX_SEARCH_LIMIT)) return { error: `limit must be an integer from 1 to ${MAX_SEARCH_LIMIT}` };
      const filters = parseFilters(input.filters ?? {});
      if (typeof filters === 'string') return { error: filters };
      return { request: { op, q: input.q, filters, offset, limit } };
    }
    case 'savedList':
      return { request: { op } };
    case 'savedSave': {
      const checked = saveInput(input.input);
      if (typeof checked === 'string') return { error: checked };
      return { request: { op, input: checked } };
    }
    case 'savedEdit': {
      if (!isId(input.key)) return { error: 'key must be a non-empty string' };
      if (input.note !== undefined && typeof input.note !== 'string') return { error: 'note must be a string' };
      if (input.tags !== undefined && !(Array.isArray(input.tags) && input.tags.length <= 100 && input.tags.every(isShortString))) return { error: 'tags must be strings' };
      return { request: { op, key: input.key, ...(input.note !== undefined ? { note: input.note } : {}), ...(input.tags !== undefined ? { tags: input.tags as string[] } : {}) } };
    }
    case 'savedRemove': {
      if (!Array.isArray(input.keys) || input.keys.length > MAX_KEYS || !input.keys.every(isId)) return { error: `keys must be at most ${MAX_KEYS} keys` };
      return { request: { op, keys: input.keys as string[] } };
    }
    case 'savedRestore': {
      if (!Array.isArray(input.refs) || input.refs.length > MAX_KEYS) return { error: `refs must be at most ${MAX_KEYS} references` };
      for (let i = 0; i < input.refs.length; i++) {
        const why = savedReferenceError(input.refs[i]);
        if (why) return { error: `refs[${i}]: ${why}` };
        const ref = input.refs[i] as SavedReference;
        if (ref.key !== referenceKey(ref)) return { error: `refs[${i}]: key does not match its document and page` };
      }
      return { request: { op, refs: input.refs as SavedReference[] } };
    }
    case 'savedImport': {
      if (typeof input.text !== 'string' || input.text.length > MAX_IMPORT_TEXT) return { error: `text must be a string of at most ${MAX_IMPORT_TEXT} characters` };
      return { request: { op, text: input.text } };
    }
    default:
      return { error: `unknown op ${JSON.stringify(String(op)).slice(0, 60)}` };
  }
}

/** Checks search filters; returns them (only the known keys) or why they are refused. */
function parseFilters(input: unknown): SearchFilters | string {
  if (!isObject(input)) return 'filters must be an object';
  const out: SearchFilters = {};
  if (input.family !== undefined) {
    if (input.family !== 'party' && input.family !== 'state') return 'filters.family must be "party" or "state"';
    out.family = input.family;
  }
  for (const key of ['type', 'issuer', 'term'] as const) {
    if (input[key] === undefined) continue;
    if (typeof input[key] !== 'string' || (input[key] as string).length > 200) return `filters.${key} must be a short string`;
    out[key] = input[key] as string;
  }
  for (const key of ['yearFrom', 'yearTo'] as const) {
    if (input[key] === undefined) continue;
    if (!isIntIn(input[key], 0, 9999)) return `filters.${key} must be a year`;
    out[key] = input[key] as number;
  }
  if (input.cited !== undefined) {
    if (typeof input.cited !== 'boolean') return 'filters.cited must be a boolean';
    if (input.cited) out.cited = true;
  }
  return out;
}

/** A save's input checked (as a saved reference would be), or why it is refused. */
function saveInput(value: unknown): SaveInput | string {
  if (!isObject(value)) return 'input must be an object';
  const probe = { ...value, key: 'k', note: value.note ?? '', tags: value.tags ?? [] };
  const why = savedReferenceError(probe);
  if (why) return `input.${why}`;
  const { key: _key, ...rest } = probe as SavedReference;
  return rest as SaveInput;
}

/** Why a value is not a Reference, or undefined when it is one (enough of one for lookups). */
export function referenceError(value: unknown): string | undefined {
  if (!isObject(value)) return 'not an object';
  if (!isShortString(value.raw)) return 'raw must be a string';
  if (!Number.isInteger(value.start) || !Number.isInteger(value.end)) return 'start and end must be integers';
  if (value.family !== 'party' && value.family !== 'state') return 'family must be "party" or "state"';
  if (typeof value.inferred !== 'boolean') return 'inferred must be a boolean';
  for (const key of ['type', 'issuer'] as const) {
    const abbr = value[key];
    if (!isObject(abbr)) return `${key} must be an object`;
    if (abbr.abbr !== undefined && !isShortString(abbr.abbr)) return `${key}.abbr must be a string`;
    if (abbr.name !== undefined && !isShortString(abbr.name)) return `${key}.name must be a string`;
  }
  for (const key of ['code', 'number', 'codeYear', 'proseType', 'date', 'eventDate', 'issuerName', 'term', 'subject', 'place', 'context'] as const) {
    if (value[key] !== undefined && !isShortString(value[key])) return `${key} must be a string`;
  }
  if (value.plenum !== undefined && !isIntIn(value.plenum, 0, 100)) return 'plenum must be a small integer';
  if (value.yearsInForce !== undefined && !isIntIn(value.yearsInForce, 1, 60)) return 'yearsInForce must be an integer from 1 to 60';
  if (value.placeFrom !== undefined && !['sentence', 'paragraph', 'page'].includes(value.placeFrom as string)) return 'placeFrom must be "sentence", "paragraph" or "page"';
  if (value.several !== undefined && typeof value.several !== 'boolean') return 'several must be a boolean';
  if (value.pageContexts !== undefined && !(Array.isArray(value.pageContexts) && value.pageContexts.length <= MAX_PAGE_CONTEXTS && value.pageContexts.every(isShortString))) return `pageContexts must be at most ${MAX_PAGE_CONTEXTS} strings`;
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function isShortString(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_STRING;
}
function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 500;
}
function isIntIn(value: unknown, min: number, max: number): value is number {
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
}
