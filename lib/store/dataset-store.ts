/**
 * The dataset's life in the background, in one place: opening the database (and stepping aside for a newer
 * schema), loading the bundled dataset into a fresh generation when needed, which generation is active, the last
 * load error, the status, and for every read the choice between the documents held in memory (DocumentCache,
 * once read) and the IndexedDB records (meanwhile). Callers (the lookup service) ask questions; they never read
 * or write the meta records.
 */
import type { Reference } from '../detector/types';
import type { ArticleRecord, Dataset, DocumentRecord } from '../records/schema';
import { candidateLookups } from '../resolver/candidate-keys';
import { deleteDB } from 'idb';
import { DB_NAME, openStore, type VblDb } from './db';
import { DocumentCache } from './document-cache';
import { describeLoadFailure, type LoadFailureKind } from './dataset-integrity';
import { loadDataset, type LoadOutcome } from './load-dataset';
import { allCitingArticles, facetsOf, filterArticles, statedIn, type CitingArticlesFilter, type CitingArticlesPage } from './citing-articles';
import { candidatesFor, citationTotals, documentsByIndex, getDocument, relatedArticles, relatedDocuments, sameCodeOtherTerms, type RelatedDocument } from './queries';
import type { ActiveMeta, ErrorMeta, StagingMeta } from './stored-records';

export interface DatasetStoreOptions {
  /** Reads the bundled dataset (the extension's own file; tests pass generated ones). */
  source: () => Promise<Dataset>;
  /** Reads only the bundled dataset's version, when that is cheaper than reading the dataset. */
  sourceVersion?: () => Promise<string>;
  /** Extension version; a new one re-checks the bundled dataset's version at start. */
  extVersion?: string;
  dbName?: string;
}

/** What the store knows about the loaded dataset. */
export interface DatasetStatus {
  /** True once a dataset is active and queries are answered. */
  ready: boolean;
  version?: string;
  schema?: number;
  documents?: number;
  articles?: number;
  mentions?: number;
  /** ISO time of the last successful load, and how long it took. */
  loadedAt?: string;
  loadMs?: number;
  loadTimings?: Record<string, number>;
  /** Version being loaded, or whose load was interrupted and will be retried (the active one answers meanwhile). */
  updating?: string;
  /** The last load error in plain words, when the newest load failed (a previous dataset, if any, stays in use). */
  lastError?: string;
  /** What failed in the last load (a broken bundle's kind, or 'load-failed'). */
  problem?: LoadFailureKind;
}

/** A document's citing articles as the store keeps them between pages (see DatasetStore.citingArticles). */
interface CitingMemo {
  articles: ArticleRecord[];
  facets: Pick<CitingArticlesPage, 'outlets' | 'years'>;
  filtered?: { key: string; articles: readonly ArticleRecord[] };
}

/** No dataset is active yet (first load still running, or failed). */
export class DatasetNotReadyError extends Error {
  constructor() {
    super('the dataset is not loaded yet');
    this.name = 'DatasetNotReadyError';
  }
}

/**
 * No dataset can be used: none is active and the last load failed (the bundle is missing or broken, or could not
 * be stored). Lookups fail at once with this, rather than waiting for a load that will not come.
 */
export class DatasetUnreadableError extends Error {
  constructor(
    readonly kind: LoadFailureKind,
    message: string,
  ) {
    super(message);
    this.name = 'DatasetUnreadableError';
  }
}

/** The documents of one generation in memory, once read. */
interface Memory {
  gen: number;
  loading: Promise<DocumentCache>;
  ready?: DocumentCache;
}

export class DatasetStore {
  private db?: Promise<VblDb>;
  private active?: ActiveMeta;
  private loading?: Promise<LoadOutcome | 'current'>;
  private memory?: Memory;
  /** Why the last load failed, until a load succeeds. */
  private failure?: { kind: LoadFailureKind; message: string };
  /**
   * The citing articles of the last few documents asked for, with their outlet and year counts and the last
   * filter's result (the record page pages and filters them: a much-cited document's tens of thousands of
   * articles are read, counted and filtered once, not for every page).
   */
  private citing = new Map<string, Promise<CitingMemo>>();
  /** How many articles cite each document, of one generation (read once, for the search filter). */
  private cited?: { gen: number; totals: Promise<Map<string, number>> };

  constructor(private readonly options: DatasetStoreOptions) {}

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
  ensureLoaded(recheck = false): Promise<LoadOutcome | 'current'> {
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
      const outcome = await loadDataset(db, dataset, { extVersion: this.options.extVersion, onActivated: (meta) => (this.active = meta) });
      this.failure = undefined;
      return outcome;
    } catch (error) {
      // What failed, in plain words (never a bare "Failed to fetch"), kept for the status and for lookups.
      const { kind, message } = describeLoadFailure(error);
      this.failure = { kind, message };
      await db.put('meta', { name: 'lastError', kind, message, at: new Date().toISOString() }).catch(() => {});
      throw error;
    } finally {
      this.active = (await db.get('meta', 'active')) as ActiveMeta | undefined;
    }
  }

  /**
   * The active generation; waits for a first load in progress; DatasetUnreadableError when there is none because
   * the load failed, DatasetNotReadyError when there is none yet.
   */
  private async ready(): Promise<{ db: VblDb; active: ActiveMeta }> {
    const db = await this.database();
    if (!this.active) this.active = (await db.get('meta', 'active')) as ActiveMeta | undefined;
    if (!this.active && this.loading) await this.loading.catch(() => {});
    if (!this.active && this.failure) throw new DatasetUnreadableError(this.failure.kind, this.failure.message);
    if (!this.active) throw new DatasetNotReadyError();
    return { db, active: this.active };
  }

  /** The active generation's documents in memory: read once, on first use or by warm(). */
  private inMemory(db: VblDb, gen: number): Memory {
    if (this.memory?.gen !== gen) {
      const memory: Memory = { gen, loading: DocumentCache.read(db, gen) };
      this.memory = memory;
      memory.loading.then(
        (docs) => { memory.ready = docs; },
        () => { if (this.memory === memory) this.memory = undefined; },
      );
    }
    return this.memory!;
  }

  /** Every document of the active generation, in memory (waits for them to be read), with its generation. */
  async documents(): Promise<{ gen: number; documents: DocumentCache }> {
    const { db, active } = await this.ready();
    return { gen: active.gen, documents: await this.inMemory(db, active.gen).loading };
  }

  /** Candidate documents for each reference, by the resolver's rule; one list per reference, in order. */
  async candidates(refs: readonly Reference[]): Promise<{ lists: DocumentRecord[][]; sites?: ActiveMeta['sites'] }> {
    const { db, active } = await this.ready();
    // Warm: from memory. Cold (first batch after the worker started): from the index records meanwhile.
    const ready = this.inMemory(db, active.gen).ready;
    const lists = ready ? refs.map((ref) => ready.candidates(ref)) : await candidatesFor(db, active.gen, active.buckets, refs.map(candidateLookups));
    return { lists, ...(active.sites ? { sites: active.sites } : {}) };
  }

  async document(id: string): Promise<DocumentRecord | undefined> {
    const { db, active } = await this.ready();
    const ready = this.inMemory(db, active.gen).ready;
    return ready ? ready.get(id) : getDocument(db, active.gen, active.buckets, id);
  }

  /** Articles citing a document, newest first, one page; undefined when the document is unknown. */
  async relatedArticles(id: string, page: number, pageSize: number): Promise<{ items: ArticleRecord[]; total: number } | undefined> {
    const { db, active } = await this.ready();
    const ready = this.inMemory(db, active.gen).ready;
    return relatedArticles(db, active.gen, active.buckets, id, page, pageSize, ready && ((doc) => ready.byId.has(doc)));
  }

  /** Explicit relations first, then co-cited documents, strongest first; undefined when unknown. */
  async relatedDocuments(id: string): Promise<RelatedDocument[] | undefined> {
    const { db, active } = await this.ready();
    return relatedDocuments(db, active.gen, active.buckets, id, this.inMemory(db, active.gen).ready);
  }

  /** Other documents with the same code, oldest first; undefined when unknown. */
  async sameCodeOtherTerms(id: string): Promise<DocumentRecord[] | undefined> {
    const { db, active } = await this.ready();
    const ready = this.inMemory(db, active.gen).ready;
    return ready ? ready.sameCode(id) : sameCodeOtherTerms(db, active.gen, active.buckets, id);
  }

  /**
   * Every article citing a document, newest first, filtered and paged, each with what its sentences stated about
   * the document; undefined when the document is unknown.
   */
  async citingArticles(id: string, filter: CitingArticlesFilter, page: number, pageSize: number): Promise<CitingArticlesPage | undefined> {
    const { db, active } = await this.ready();
    if (!(await this.document(id))) return undefined;
    const key = `${active.gen}\u0000${id}`;
    let memo = this.citing.get(key);
    if (!memo) {
      memo = allCitingArticles(db, active.gen, active.buckets, id).then((articles) => ({ articles, facets: facetsOf(articles) }));
      this.citing.set(key, memo);
      memo.catch(() => this.citing.delete(key));
      // A handful is enough: a reader pages through one record at a time.
      if (this.citing.size > 8) this.citing.delete(this.citing.keys().next().value!);
    }
    const known = await memo;
    const filterKey = JSON.stringify([filter.outlet, filter.year]);
    if (known.filtered?.key !== filterKey) known.filtered = { key: filterKey, articles: filterArticles(known.articles, filter) };
    const kept = known.filtered.articles;
    const items = kept.slice(page * pageSize, page * pageSize + pageSize);
    const stated = await statedIn(db, active.gen, active.buckets, id, items.map((a) => a.id));
    return { items: items.map((article, i) => ({ article, stated: stated[i]! })), total: kept.length, all: known.articles.length, ...known.facets };
  }

  /** Every document whose code is `key` (a codeKey), oldest first. */
  async byCodeKey(key: string): Promise<DocumentRecord[]> {
    const { db, active } = await this.ready();
    const ready = this.inMemory(db, active.gen).ready;
    const docs = ready ? ready.withCode(key) : await documentsByIndex(db, active.gen, active.buckets, 'code', key);
    return [...docs].sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.id.localeCompare(b.id));
  }

  /** How many articles cite each cited document of the active generation (read once per generation). */
  async citationTotals(): Promise<Map<string, number>> {
    const { db, active } = await this.ready();
    if (this.cited?.gen !== active.gen) {
      const entry = { gen: active.gen, totals: citationTotals(db, active.gen) };
      this.cited = entry;
      entry.totals.catch(() => { if (this.cited === entry) this.cited = undefined; });
    }
    return this.cited.totals;
  }

  /** Reads the documents into memory ahead of the first lookups (after a load or a start). */
  async warm(): Promise<void> {
    await this.documents();
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
    if (lastError) {
      status.lastError = lastError.message;
      if (lastError.kind) status.problem = lastError.kind;
    }
    return status;
  }

  /**
   * Clears every local record (the IndexedDB database is deleted) and loads the bundled dataset again: the
   * options page's "clear local data". Waits for a load in progress first; lookups meanwhile answer "not ready".
   */
  async reset(): Promise<LoadOutcome | 'current'> {
    await this.loading?.catch(() => undefined);
    const db = this.db;
    this.db = undefined;
    this.active = undefined;
    this.memory = undefined;
    this.cited = undefined;
    this.failure = undefined;
    this.citing.clear();
    if (db) (await db.catch(() => undefined))?.close();
    await deleteDB(this.options.dbName ?? DB_NAME);
    return this.ensureLoaded(true);
  }

  /** Closes the database (tests). */
  async close(): Promise<void> {
    const db = this.db;
    this.db = undefined;
    if (db) (await db).close();
  }
}
