/**
 * The lookup client, used by content scripts and extension pages. Every call is one typed message to the
 * background lookup service (see LookupOps in messages.ts: each operation's request and answer are declared once
 * there); failures arrive as LookupError.
 */
import { browser } from 'wxt/browser';
import type { Reference } from '../detector/types';
import type { DocumentRecord } from '../records/schema';
import type { Resolution, ResolveContext } from '../resolver/resolve';
import { LOOKUP_CHANNEL, type CardData, type LookupErrorCode, type LookupMessage, type LookupOp, type LookupResponse, type RequestOf, type ResponseOf } from './messages';

export type { CardData, CitingArticle, CitingArticlesPage, DatasetStatus, FindResult, FoundDocument, LookupErrorCode, RelatedDocument, SearchFacets, StatedFacts } from './messages';

export interface LookupClient {
  /** Candidates for each reference, in the same order; one round trip for the whole batch. */
  resolve(refs: Reference[], page: ResolveContext): Promise<Resolution[]>;
  /** Everything a card shows of a document (it, its newest `articles` citing articles, related documents); one round trip. */
  card(id: string, opts?: { articles?: number }): Promise<CardData | undefined>;
  document(id: string): Promise<DocumentRecord | undefined>;
  /** Articles citing the document, newest first. */
  relatedArticles(id: string, opts?: { page?: number; pageSize?: number }): Promise<ResponseOf<'relatedArticles'>>;
  /** Other documents with the same code (numbers restart each term), oldest first. */
  sameCodeOtherTerms(id: string): Promise<DocumentRecord[]>;
  search(query: string, limit?: number): Promise<ResponseOf<'search'>>;
  /** Tries the bundled dataset again after a failed load; the status after. */
  reload?(): Promise<ResponseOf<'reload'>>;
  /** Articles citing the document, newest first, filtered by outlet and year, with what each sentence stated; undefined when unknown. */
  citingArticles(id: string, opts?: { page?: number; pageSize?: number; outlet?: string; year?: string }): Promise<ResponseOf<'citingArticles'> | undefined>;
  /** Every document with this code (however written), oldest first. */
  byCode(code: string): Promise<DocumentRecord[]>;
}

export class LookupError extends Error {
  code: LookupErrorCode;
  /** For 'unreadable': what failed ('truncated', 'hash-mismatch', …). */
  detail?: string;
  constructor(code: LookupErrorCode, message: string, detail?: string) {
    super(message);
    this.name = 'LookupError';
    this.code = code;
    if (detail !== undefined) this.detail = detail;
  }
}

/** undefined for a document the dataset does not hold; other failures are thrown. */
async function unlessNotFound<T>(ask: Promise<T>): Promise<T | undefined> {
  try {
    return await ask;
  } catch (error) {
    if (error instanceof LookupError && error.code === 'not-found') return undefined;
    throw error;
  }
}

export function createLookupClient(): LookupClient {
  return {
    resolve: (refs, page) => send({ op: 'resolve', refs, page }),
    card: (id, opts = {}) => unlessNotFound(send({ op: 'card', id, articles: opts.articles ?? 3 })),
    document: (id) => unlessNotFound(send({ op: 'document', id })),
    relatedArticles: (id, opts = {}) => send({ op: 'relatedArticles', id, page: opts.page ?? 0, pageSize: opts.pageSize ?? 20 }),
    sameCodeOtherTerms: (id) => send({ op: 'sameCodeOtherTerms', id }),
    search: (query, limit = 20) => send({ op: 'search', query, limit }),
    reload: () => send({ op: 'reload' }),
    citingArticles: (id, opts = {}) =>
      unlessNotFound(
        send({
          op: 'citingArticles', id, page: opts.page ?? 0, pageSize: opts.pageSize ?? 20,
          ...(opts.outlet !== undefined ? { outlet: opts.outlet } : {}), ...(opts.year !== undefined ? { year: opts.year } : {}),
        }),
      ),
    byCode: (code) => send({ op: 'byCode', code }),
  };
}

/** The loaded dataset's version and counts (for the popup and the benchmark). */
export function fetchDatasetStatus(): Promise<ResponseOf<'status'>> {
  return send({ op: 'status' });
}

/** Tries the bundled dataset again after a failed load (the popup's "Try again"); the status after. */
export function reloadDataset(): Promise<ResponseOf<'reload'>> {
  return send({ op: 'reload' });
}

/** The search page: one page of what a query and filters find, with the total. */
export function findDocuments(request: Omit<RequestOf<'find'>, 'op'>): Promise<ResponseOf<'find'>> {
  return send({ op: 'find', ...request });
}

/** Deletes every local record and loads the bundled dataset again (the options page's "clear local data"). */
export function resetLocalData(): Promise<ResponseOf<'resetData'>> {
  return send({ op: 'resetData' });
}

/** The search filters' choices over the whole dataset. */
export function fetchSearchFacets(): Promise<ResponseOf<'searchFacets'>> {
  return send({ op: 'searchFacets' });
}

async function send<K extends LookupOp>(request: RequestOf<K>): Promise<ResponseOf<K>> {
  const message: LookupMessage<K> = { channel: LOOKUP_CHANNEL, request };
  let response: LookupResponse<K> | undefined;
  try {
    // The service answers every lookup message with a LookupResponse of the message's operation.
    response = await browser.runtime.sendMessage(message);
  } catch (error) {
    // The background may be restarting, or the extension was reloaded under this page.
    throw new LookupError('not-ready', `lookup service unavailable: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!response || typeof response !== 'object' || typeof response.ok !== 'boolean') throw new LookupError('not-ready', 'lookup service did not answer');
  if (!response.ok) throw new LookupError(response.error.code, response.error.message, response.error.detail);
  return response.value;
}
