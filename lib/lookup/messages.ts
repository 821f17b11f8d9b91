/**
 * The typed messages between extension scripts and the background lookup service, and their shape checks.
 * Pure: no browser API, so the service and its tests share one definition of what a valid message is.
 */
import type { Reference } from '../detector/types';
import type { ArticleRecord, DocumentRecord } from '../records/schema';
import type { Resolution, ResolveContext } from '../resolver/resolve';
import type { DatasetStatus } from '../store/dataset-store';
import type { RelatedDocument } from '../store/queries';

export type { DatasetStatus } from '../store/dataset-store';
export type { RelatedDocument } from '../store/queries';

/** Every lookup message carries this channel, so other listeners can ignore it cheaply. */
export const LOOKUP_CHANNEL = 'vanban-lens/lookup';

/** Largest batch one resolve message may carry (a long page sends a few). */
export const MAX_BATCH = 2000;
export const MAX_PAGE_SIZE = 100;
export const MAX_SEARCH_LIMIT = 100;
// Generous: a long subject clause must not cost a page its whole batch.
const MAX_STRING = 10_000;

export type LookupErrorCode = 'bad-request' | 'not-found' | 'not-ready' | 'internal';

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
}

export type LookupOp = keyof LookupOps;

/** One operation's request message body. */
export type RequestOf<K extends LookupOp> = { op: K } & LookupOps[K]['request'];
export type ResponseOf<K extends LookupOp> = LookupOps[K]['response'];

export type LookupRequest = { [K in LookupOp]: RequestOf<K> }[LookupOp];

export interface LookupMessage<K extends LookupOp = LookupOp> {
  channel: typeof LOOKUP_CHANNEL;
  request: RequestOf<K>;
}

export type LookupFailure = { ok: false; error: { code: LookupErrorCode; message: string } };
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
      return { request: { op } };
    default:
      return { error: `unknown op ${JSON.stringify(String(op)).slice(0, 60)}` };
  }
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
  if (value.placeFrom !== undefined && !['sentence', 'paragraph', 'page'].includes(value.placeFrom as string)) return 'placeFrom must be "sentence", "paragraph" or "page"';
  if (value.several !== undefined && typeof value.several !== 'boolean') return 'several must be a boolean';
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
