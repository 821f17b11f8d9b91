/**
 * The background lookup service: the one place that talks to IndexedDB. It keeps the bundled dataset loaded
 * (see ensureDataset), answers typed lookup messages, and turns every failure into a typed error response:
 * a bad message never throws out of the listener.
 */
import type { Dataset } from '../records/schema';
import { lookupKeys, resolveReference, type Resolution } from '../resolver/resolve';
import { openStore, DB_NAME, type ActiveMeta, type ErrorMeta, type StagingMeta, type VblDb } from '../store/db';
import { loadDataset, type LoadOutcome } from '../store/load-dataset';
import { DocumentCache } from '../store/document-cache';
import { candidatesForKeys, getDocument, relatedArticles, relatedDocuments, sameCodeOtherTerms } from '../store/queries';
import {
  isLookupMessage,
  parseRequest,
  type DatasetStatus,
  type LookupErrorCode,
  type LookupRequest,
  type LookupResponse,
} from './messages';
import { addDocuments, createSearchIndex, searchIds, type SearchIndex } from './search-index';

export interface LookupServiceOptions {
  /** Reads the bundled dataset (the extension's own file; tests pass generated ones). */
  source: () => Promise<Dataset>;
  /** Reads only the bundled dataset's version, when that is cheaper than reading the dataset. */
  sourceVersion?: () => Promise<string>;
  /** Extension version; a new one re-checks the bundled dataset's version at start. */
  extVersion?: string;
  dbName?: string;
}

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

export class LookupService {
  private db?: Promise<VblDb>;
  private active?: ActiveMeta;
  private loading?: Promise<LoadOutcome | 'current'>;
  /** Documents and search index of one generation, in memory (see DocumentCache). */
  private memory?: { gen: number; loading: Promise<DocumentCache>; ready?: DocumentCache; search: Promise<SearchIndex> };

  constructor(private readonly options: LookupServiceOptions) {}

  private database(): Promise<VblDb> {
    if (!this.db) {
      const opening = openStore(this.options.dbName ?? DB_NAME, undefined, () => {
        // A newer schema wants the database: close ours; the next query reopens (and so migrates).
        void opening.then((db) => db.close());
        this.db = undefined;
      });
      this.db = opening;
      opening.catch(() => {
        if (this.db === opening) this.db = undefined;
      });
    }
    return this.db;
  }

  /**
   * Loads the bundled dataset when none is active, when a previous load was interrupted, when the extension
   * version changed, or when `recheck` asks (install/update). Concurrent calls share one load.
   */
  ensureDataset(recheck = false): Promise<LoadOutcome | 'current'> {
    // A start-up check already running answers a plain request; a recheck (install/update) queues behind it.
    if (this.loading && !recheck) return this.loading;
    const previous = this.loading;
    const run = (previous ? previous.catch(() => undefined) : Promise.resolve()).then(() => this.loadIfNeeded(recheck));
    this.loading = run;
    const settle = () => {
      if (this.loading === run) this.loading = undefined;
    };
    run.then(settle, settle);
    return run;
  }

  private async loadIfNeeded(recheck: boolean): Promise<LoadOutcome | 'current'> {
    const db = await this.database();
    const active = (await db.get('meta', 'active')) as ActiveMeta | undefined;
    const staging = await db.get('meta', 'staging');
    if (active && !staging && !recheck && active.extVersion === this.options.extVersion) {
      this.active = active;
      return 'current';
    }
    try {
      if (active && !staging && this.options.sourceVersion && (await this.options.sourceVersion()) === active.version) {
        // Same dataset in the new build: remember the extension version, read nothing more.
        if (active.extVersion !== this.options.extVersion) await db.put('meta', { ...active, extVersion: this.options.extVersion });
        return 'current';
      }
      const dataset = await this.options.source();
      return await loadDataset(db, dataset, { extVersion: this.options.extVersion, onActivated: (meta) => (this.active = meta) });
    } catch (error) {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      await db.put('meta', { name: 'lastError', message, at: new Date().toISOString() }).catch(() => {});
      throw error;
    } finally {
      this.active = (await db.get('meta', 'active')) as ActiveMeta | undefined;
    }
  }

  /** The active dataset; waits for a first load in progress. */
  private async ready(): Promise<{ db: VblDb; active: ActiveMeta }> {
    const db = await this.database();
    if (!this.active) this.active = (await db.get('meta', 'active')) as ActiveMeta | undefined;
    if (!this.active && this.loading) {
      await this.loading.catch(() => {});
    }
    if (!this.active) throw new ServiceError('not-ready', 'the dataset is not loaded yet');
    return { db, active: this.active };
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
      console.error('[vanban-lens] lookup failed', error);
      return { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
    }
  }

  async handle(request: LookupRequest): Promise<unknown> {
    if (request.op === 'status') return this.status();
    const { db, active } = await this.ready();
    const gen = active.gen;
    const known = <T>(value: T | undefined, id: string): T => {
      if (value === undefined) throw new ServiceError('not-found', `no document ${JSON.stringify(id)}`);
      return value;
    };
    switch (request.op) {
      case 'resolve': {
        // A written code is the reference's identity (resolveReference compares codes), so its
        // number+type+issuer key would only fetch documents the resolver sets aside: read it for bare ones only.
        const keys = request.refs.map((ref) => {
          const k = lookupKeys(ref);
          return k.codes.length > 0 ? { codes: k.codes, aliases: k.aliases } : k;
        });
        // Warm: from memory. Cold (first batch after the worker started): from the index records meanwhile.
        const ready = this.inMemory(db, gen).ready;
        const lists = ready ? keys.map((k) => ready.candidates(k)) : await candidatesForKeys(db, gen, active.buckets, keys);
        const ctx = { ...request.page, ...(active.sites ? { sites: active.sites } : {}) };
        return request.refs.map((ref, i): Resolution => {
          try {
            return resolveReference(ref, lists[i]!, ctx);
          } catch (error) {
            // One odd reference must not cost the page the rest of its batch.
            console.warn('[vanban-lens] could not resolve', ref.raw, error);
            return { status: 'unresolved', candidates: [] };
          }
        });
      }
      case 'document': {
        const ready = this.inMemory(db, gen).ready;
        return known(ready ? ready.byId.get(request.id) : await getDocument(db, gen, active.buckets, request.id), request.id);
      }
      case 'relatedArticles': {
        const ready = this.inMemory(db, gen).ready;
        return known(await relatedArticles(db, gen, active.buckets, request.id, request.page, request.pageSize, ready && ((id) => ready.byId.has(id))), request.id);
      }
      case 'relatedDocuments': {
        const ready = this.inMemory(db, gen).ready;
        return known(await relatedDocuments(db, gen, active.buckets, request.id, ready), request.id);
      }
      case 'sameCodeOtherTerms': {
        const ready = this.inMemory(db, gen).ready;
        return known(ready ? ready.sameCode(request.id) : await sameCodeOtherTerms(db, gen, active.buckets, request.id), request.id);
      }
      case 'search': {
        const memory = this.inMemory(db, gen);
        const [docs, search] = await Promise.all([memory.loading, memory.search]);
        const hits = searchIds(search, request.query, request.limit);
        return hits.flatMap((h) => {
          const document = docs.byId.get(h.id);
          return document ? [{ document, score: h.score }] : [];
        });
      }
    }
  }

  /**
   * The generation's documents in memory (read once, on first use or by warm()), then its search index, built
   * in slices so lookups arriving meanwhile are answered between them.
   */
  private inMemory(db: VblDb, gen: number): NonNullable<LookupService['memory']> {
    if (this.memory?.gen !== gen) {
      const loading = DocumentCache.read(db, gen);
      const memory: NonNullable<LookupService['memory']> = {
        gen,
        loading,
        search: loading.then(async (docs) => {
          const search = createSearchIndex();
          const all = [...docs.byId.values()];
          for (let i = 0; i < all.length; i += SEARCH_SLICE) {
            addDocuments(search, all.slice(i, i + SEARCH_SLICE));
            if (i + SEARCH_SLICE < all.length) await new Promise((r) => setTimeout(r, 0));
          }
          return search;
        }),
      };
      this.memory = memory;
      loading.then(
        (docs) => { memory.ready = docs; },
        () => { if (this.memory === memory) this.memory = undefined; },
      );
      memory.search.catch(() => { if (this.memory === memory) this.memory = undefined; });
    }
    return this.memory!;
  }

  /** Reads the documents and builds the search index ahead of the first lookups (after a load or a start). */
  async warm(): Promise<void> {
    const { db, active } = await this.ready();
    const memory = this.inMemory(db, active.gen);
    await Promise.all([memory.loading, memory.search]);
  }

  async status(): Promise<DatasetStatus> {
    const db = await this.database();
    const active = (await db.get('meta', 'active')) as ActiveMeta | undefined;
    const lastError = (await db.get('meta', 'lastError')) as ErrorMeta | undefined;
    const staging = (await db.get('meta', 'staging')) as StagingMeta | undefined;
    const status: DatasetStatus = { ready: !!active };
    if (staging) status.updating = staging.version;
    if (active) {
      Object.assign(status, {
        version: active.version,
        schema: active.schema,
        ...active.counts,
        loadedAt: active.loadedAt,
        loadMs: active.loadMs,
        ...(active.loadTimings ? { loadTimings: active.loadTimings } : {}),
      });
    }
    if (lastError) status.lastError = lastError.message;
    return status;
  }

  /** Closes the database (tests). */
  async close(): Promise<void> {
    const db = this.db;
    this.db = undefined;
    if (db) (await db).close();
  }
}
