/**
 * The lookup client, used by content scripts and extension pages. Every call is one typed message to the
 * background lookup service (the only place that talks to IndexedDB); failures arrive as LookupError.
 */
import { browser } from 'wxt/browser';
import type { Reference } from '../detector/types';
import type { ArticleRecord, DocumentRecord } from '../records/schema';
import type { Resolution, ResolveContext } from '../resolver/resolve';
import {
  LOOKUP_CHANNEL,
  type DatasetStatus,
  type LookupErrorCode,
  type LookupMessage,
  type LookupRequest,
  type LookupResponse,
} from './messages';

export type { DatasetStatus, LookupErrorCode } from './messages';

export interface RelatedDocument {
  document: DocumentRecord;
  why: 'relation' | 'co-citation';
  /** Relation kind ("implements", "guides", "replaces", "amends"; "implemented-by" etc. for the reverse). */
  kind?: string;
  /** Co-citation strength: how many articles cite both documents. */
  strength?: number;
}

export interface LookupClient {
  /** Candidates for each reference, in the same order; one round trip for the whole batch. */
  resolve(refs: Reference[], page: ResolveContext): Promise<Resolution[]>;
  document(id: string): Promise<DocumentRecord | undefined>;
  /** Articles citing the document, newest first. */
  relatedArticles(id: string, opts?: { page?: number; pageSize?: number }): Promise<{ items: ArticleRecord[]; total: number }>;
  /** Explicit relations first, then co-citation strength. */
  relatedDocuments(id: string): Promise<RelatedDocument[]>;
  /** Other documents with the same code (numbers restart each term), oldest first. */
  sameCodeOtherTerms(id: string): Promise<DocumentRecord[]>;
  search(query: string, limit?: number): Promise<Array<{ document: DocumentRecord; score: number }>>;
}

export class LookupError extends Error {
  code: LookupErrorCode;
  constructor(code: LookupErrorCode, message: string) {
    super(message);
    this.name = 'LookupError';
    this.code = code;
  }
}

export function createLookupClient(): LookupClient {
  return {
    resolve: (refs, page) => send<Resolution[]>({ op: 'resolve', refs, page }),
    document: async (id) => {
      try {
        return await send<DocumentRecord>({ op: 'document', id });
      } catch (error) {
        if (error instanceof LookupError && error.code === 'not-found') return undefined;
        throw error;
      }
    },
    relatedArticles: (id, opts = {}) =>
      send({ op: 'relatedArticles', id, page: opts.page ?? 0, pageSize: opts.pageSize ?? 20 }),
    relatedDocuments: (id) => send({ op: 'relatedDocuments', id }),
    sameCodeOtherTerms: (id) => send({ op: 'sameCodeOtherTerms', id }),
    search: (query, limit = 20) => send({ op: 'search', query, limit }),
  };
}

/** The loaded dataset's version and counts (for the popup and the benchmark). */
export function fetchDatasetStatus(): Promise<DatasetStatus> {
  return send<DatasetStatus>({ op: 'status' });
}

async function send<T>(request: LookupRequest): Promise<T> {
  const message: LookupMessage = { channel: LOOKUP_CHANNEL, request };
  let response: LookupResponse | undefined;
  try {
    response = (await browser.runtime.sendMessage(message)) as LookupResponse | undefined;
  } catch (error) {
    // The background may be restarting, or the extension was reloaded under this page.
    throw new LookupError('not-ready', `lookup service unavailable: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!response || typeof response !== 'object') throw new LookupError('not-ready', 'lookup service did not answer');
  if (!response.ok) throw new LookupError(response.error.code, response.error.message);
  return response.value as T;
}
