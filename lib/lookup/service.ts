/**
 * The background lookup service: answers typed lookup messages from the extension's own scripts and pages with
 * what the dataset store (lib/store/dataset-store.ts, the one owner of IndexedDB and the dataset's life) holds,
 * resolving references and searching on top; every failure becomes a typed error response: a bad message never
 * throws out of the listener.
 */
import { resolveReference, type Resolution } from '../resolver/resolve';
import { DatasetNotReadyError, DatasetStore, DatasetUnreadableError, type DatasetStatus, type DatasetStoreOptions } from '../store/dataset-store';
import type { LoadOutcome } from '../store/load-dataset';
import { isLookupMessage, parseRequest, type LookupErrorCode, type LookupOp, type LookupRequest, type LookupResponse, type RequestOf, type ResponseOf } from './messages';
import { addDocuments, createSearchIndex, searchIds, type SearchIndex } from './search-index';
import { codeKeysOf } from './code-lookup';
import { findDocuments, prepareFind } from './find';
import { selectionTarget } from './context-menu';
import { facetsOf, type SearchFacets } from '../search/filter';
import { ImportError, matchInputs, parseImportFile } from '../sync/export/import-file';
import { documentMatcher } from '../sync/export/match-documents';
import type { SavedStore } from '../sync/saved-store';
import type { SavedDocumentFacts } from './messages';

export type LookupServiceOptions = DatasetStoreOptions;

/** Documents added to the search index between two turns of the event loop. */
const SEARCH_SLICE = 1000;

export class ServiceError extends Error {
  constructor(
    readonly code: LookupErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Who sent a message: only the extension's own scripts and pages are answered. */
export interface MessageSender {
  id?: string;
}

type Handlers = { [K in LookupOp]: (request: RequestOf<K>) => Promise<ResponseOf<K>> };

/**
 * Answers lookup messages: checks them, asks the dataset store (which owns the data's life and where it is read
 * from), resolves references, and searches. Never throws out of respond().
 */
export class LookupService {
  readonly store: DatasetStore;
  /** The search index of one generation, built in slices from the documents in memory. */
  private search?: { gen: number; index: Promise<SearchIndex> };
  /** The search filters' choices, of one generation. */
  private facets?: { gen: number; facets: SearchFacets };
  /** The saved references' store (the background opens it beside the dataset). */
  private saved?: Promise<SavedStore>;

  constructor(options: LookupServiceOptions) {
    this.store = new DatasetStore(options);
  }

  /** Answers the saved-reference operations from this store. */
  attachSaved(store: Promise<SavedStore>): void {
    this.saved = store;
  }

  private savedStore(): Promise<SavedStore> {
    if (!this.saved) return Promise.reject(new ServiceError('not-ready', 'saved references are not available'));
    return this.saved;
  }

  /** Facts of the dataset documents these ids name (none while the dataset is loading: the library shows codes). */
  private async documentFacts(ids: string[]): Promise<Record<string, SavedDocumentFacts>> {
    const out: Record<string, SavedDocumentFacts> = {};
    if (ids.length === 0) return out;
    try {
      const { documents } = await this.store.documents();
      for (const id of ids) {
        const d = documents.get(id);
        if (d) out[id] = { code: d.code, ...(d.title ? { title: d.title } : {}), typeName: d.typeName, ...(d.issuer ? { issuer: d.issuer } : {}), ...(d.date ? { date: d.date } : {}) };
      }
    } catch (error) {
      if (!(error instanceof DatasetNotReadyError)) throw error;
    }
    return out;
  }

  /** Loads the bundled dataset when needed (see DatasetStore.ensureLoaded). */
  ensureDataset(recheck = false): Promise<LoadOutcome | 'current'> {
    return this.store.ensureLoaded(recheck);
  }

  /** Answers one message; never throws. */
  async respond(message: unknown, sender: MessageSender, selfId: string): Promise<LookupResponse> {
    try {
      if (!sender || sender.id !== selfId) throw new ServiceError('bad-request', 'messages are accepted only from this extension');
      if (!isLookupMessage(message)) throw new ServiceError('bad-request', 'not a lookup message');
      const parsed = parseRequest(message.request);
      if ('error' in parsed) throw new ServiceError('bad-request', parsed.error);
      return { ok: true, value: await this.handle(parsed.request) };
    } catch (error) {
      if (error instanceof ServiceError) return { ok: false, error: { code: error.code, message: error.message } };
      if (error instanceof DatasetNotReadyError) return { ok: false, error: { code: 'not-ready', message: error.message } };
      if (error instanceof DatasetUnreadableError) return { ok: false, error: { code: 'unreadable', message: error.message, detail: error.kind } };
      console.error('[vanban-lens] lookup failed', error);
      return { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
    }
  }

  /** Answers one checked request. */
  handle<K extends LookupOp>(request: RequestOf<K>): Promise<ResponseOf<K>>;
  handle(request: LookupRequest): Promise<unknown>;
  handle(request: LookupRequest): Promise<unknown> {
    const handler = this.handlers[request.op] as (r: LookupRequest) => Promise<unknown>;
    return handler(request);
  }

  private readonly handlers: Handlers = {
    status: () => this.store.status(),
    // A failed load is reported in the status it answers (problem, lastError), not as a failed message.
    reload: () => this.store.ensureLoaded(true).then(() => this.store.status(), () => this.store.status()),
    resolve: async ({ refs, page }) => {
      const { lists, sites } = await this.store.candidates(refs);
      const ctx = { ...page, ...(sites ? { sites } : {}) };
      return refs.map((ref, i): Resolution => {
        try {
          return resolveReference(ref, lists[i]!, ctx);
        } catch (error) {
          // One odd reference must not cost the page the rest of its batch.
          console.warn('[vanban-lens] could not resolve', ref.raw, error);
          return { status: 'unresolved', candidates: [] };
        }
      });
    },
    card: async ({ id, articles }) => {
      const [document, cited, related] = await Promise.all([
        this.store.document(id),
        this.store.relatedArticles(id, 0, articles),
        this.store.relatedDocuments(id),
      ]);
      return { document: known(document, id), articles: known(cited, id), related: known(related, id) };
    },
    document: async ({ id }) => known(await this.store.document(id), id),
    relatedArticles: async ({ id, page, pageSize }) => known(await this.store.relatedArticles(id, page, pageSize), id),
    sameCodeOtherTerms: async ({ id }) => known(await this.store.sameCodeOtherTerms(id), id),
    citingArticles: async ({ id, page, pageSize, outlet, year }) =>
      known(await this.store.citingArticles(id, { ...(outlet !== undefined ? { outlet } : {}), ...(year !== undefined ? { year } : {}) }, page, pageSize), id),
    byCode: async ({ code }) => {
      // The code as written first; a written variant ("35/CT-TW", "35 CT TW") through the detector's reading.
      for (const key of codeKeysOf(code)) {
        const found = await this.store.byCodeKey(key);
        if (found.length) return found;
      }
      return [];
    },
    savedList: async () => {
      const saved = await this.savedStore();
      const refs = saved.list();
      const docs = await this.documentFacts([...new Set(refs.flatMap((r) => (r.docId ? [r.docId] : [])))]);
      return { refs, docs, status: saved.status() };
    },
    savedSave: async ({ input }) => (await this.savedStore()).save(input),
    savedEdit: async ({ key, note, tags }) => {
      const ref = await (await this.savedStore()).edit(key, { ...(note !== undefined ? { note } : {}), ...(tags !== undefined ? { tags } : {}) });
      if (!ref) throw new ServiceError('not-found', `no saved reference ${JSON.stringify(key)}`);
      return ref;
    },
    savedRemove: async ({ keys }) => (await this.savedStore()).remove(keys),
    savedRestore: async ({ refs }) => {
      await (await this.savedStore()).restore(refs);
      return { restored: refs.length };
    },
    savedImport: async ({ text }) => {
      const saved = await this.savedStore();
      let parsed;
      try {
        parsed = parseImportFile(text, Date.now());
      } catch (error) {
        if (error instanceof ImportError) throw new ServiceError('bad-request', error.message);
        throw error;
      }
      let match = (queries: unknown[]) => queries.map((): string | undefined => undefined);
      try {
        const { documents } = await this.store.documents();
        match = documentMatcher(documents.byId.values()) as typeof match;
      } catch (error) {
        if (!(error instanceof DatasetNotReadyError)) throw error;
      }
      const inputs = await matchInputs(parsed.inputs, async (queries) => match(queries));
      const { added, updated } = await saved.saveMany(inputs);
      return { format: parsed.format, added, updated, unmatched: inputs.filter((x) => !x.docId).length };
    },
    search: async ({ query, limit }) => {
      const [{ documents }, index] = await Promise.all([this.store.documents(), this.searchIndex()]);
      return searchIds(index, query, limit).flatMap((h) => {
        const document = documents.get(h.id);
        return document ? [{ document, score: h.score }] : [];
      });
    },
    find: async ({ q, filters, offset, limit }) => {
      const [index, cited] = await Promise.all([this.searchIndex(), this.store.citationTotals()]);
      return findDocuments(index, cited, { q, filters, offset, limit });
    },
    resetData: async () => {
      this.search = undefined;
      this.facets = undefined;
      await this.store.reset();
      this.search = undefined;
      this.facets = undefined;
      void this.warm().catch(() => {});
      return this.store.status();
    },
    selectionTarget: ({ text }) => selectionTarget(text, (code) => this.handle({ op: 'byCode', code })),
    searchFacets: async () => {
      const { gen, documents } = await this.store.documents();
      if (this.facets?.gen !== gen) this.facets = { gen, facets: facetsOf(documents.byId.values()) };
      return this.facets.facets;
    },
  };

  /** The active generation's search index, built once from its documents in memory, in slices. */
  private async searchIndex(): Promise<SearchIndex> {
    const { gen, documents } = await this.store.documents();
    if (this.search?.gen !== gen) {
      const index = (async () => {
        const search = createSearchIndex();
        const all = [...documents.byId.values()];
        for (let i = 0; i < all.length; i += SEARCH_SLICE) {
          addDocuments(search, all.slice(i, i + SEARCH_SLICE));
          if (i + SEARCH_SLICE < all.length) await new Promise((r) => setTimeout(r, 0));
        }
        prepareFind(search);
        return search;
      })();
      const entry = { gen, index };
      this.search = entry;
      index.catch(() => { if (this.search === entry) this.search = undefined; });
    }
    return this.search.index;
  }

  /** Reads the documents and builds the search index ahead of the first lookups (after a load or a start). */
  async warm(): Promise<void> {
    await this.store.warm();
    await this.searchIndex();
    // The search page shows how many articles cite each result: read once, ahead of the first search.
    await this.store.citationTotals();
  }

  async status(): Promise<DatasetStatus> {
    return this.store.status();
  }

  /** Closes the database (tests). */
  close(): Promise<void> {
    return this.store.close();
  }
}

function known<T>(value: T | undefined, id: string): T {
  if (value === undefined) throw new ServiceError('not-found', `no document ${JSON.stringify(id)}`);
  return value;
}
