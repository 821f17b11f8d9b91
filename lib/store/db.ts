/**
 * The IndexedDB schema (idb), its versions and the migration from each version to the next.
 *
 * Every data record is keyed by [generation, …]: a dataset is written into a fresh generation while the
 * previous one keeps answering, and one small transaction flips `meta.active` to the new generation (see
 * load-dataset.ts). Indexes carry the generation too, so a query never sees a half-written dataset.
 *
 * Versions:
 *   1: documents (by code, number+type+issuer, year), articles, mentions (by article; by document),
 *      relations (by source, by target), citations (per-document aggregates, chunked), meta.
 *   2: documents gain alias keys and a multiEntry `byAlias` index (backfilled from the stored aliases).
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { ArticleRecord, DocumentRecord, MentionRecord, RelationKind } from '../dataset/schema';
import { documentKeys } from '../resolver/resolve';
import type { SiteTable } from '../resolver/site-place';

export const DB_NAME = 'vanban-lens';
export const DB_VERSION = 2;

export type GenKey = [number, string];

export interface StoredDocument {
  key: GenKey;
  /** [gen, normalized code] */
  code: GenKey;
  /** [gen, number, type, issuer] (normalized) */
  nti: [number, string, string, string];
  /** [gen, year]; absent when the date is unknown. */
  year?: [number, number];
  /** [[gen, alias key], …] (version 2). */
  aliases?: GenKey[];
  doc: DocumentRecord;
}

export interface StoredArticle {
  key: GenKey;
  article: ArticleRecord;
}

/** The mentions of one article (one record per article keeps the store small; 1M mentions ≈ 100k records). */
export interface StoredMentions {
  /** [gen, article id]: mentions by article. */
  key: GenKey;
  /** [[gen, document id], …] of resolved mentions: mentions by document (multiEntry). */
  docs: GenKey[];
  items: MentionRecord[];
}

export interface StoredRelation {
  /** [gen, source id, kind, target id] */
  key: [number, string, string, string];
  source: GenKey;
  target: GenKey;
  kind: RelationKind;
  sources: string[];
}

/** Articles per citations record: a much-cited document's list is split so a card reads only what it shows. */
export const CITATIONS_CHUNK = 200;

/**
 * Per-document aggregates computed at load time, so a card's data is a read or two. Key [gen, document id,
 * chunk]: chunk n holds citing articles n·CITATIONS_CHUNK onwards; chunk 0 also holds the total and co-citations.
 */
export interface StoredCitations {
  key: [number, string, number];
  /** Citing article ids, newest first (this chunk's slice). */
  articles: string[];
  /** Chunk 0: how many articles cite the document. */
  total?: number;
  /** Chunk 0: documents cited in the same articles: [id, number of shared articles], strongest first (top 50). */
  cocited?: Array<[string, number]>;
}

export interface ActiveMeta {
  name: 'active';
  gen: number;
  version: string;
  schema: number;
  /** Extension version that loaded it (a different version re-checks the bundled dataset). */
  extVersion?: string;
  counts: { documents: number; articles: number; mentions: number };
  loadedAt: string;
  loadMs: number;
  sites?: SiteTable;
}

export interface StagingMeta {
  name: 'staging';
  gen: number;
  version: string;
  startedAt: string;
}

export interface ErrorMeta {
  name: 'lastError';
  message: string;
  at: string;
}

export type MetaRecord = ActiveMeta | StagingMeta | ErrorMeta;

export interface VblSchema extends DBSchema {
  documents: {
    key: GenKey;
    value: StoredDocument;
    indexes: { byCode: GenKey; byNTI: [number, string, string, string]; byYear: [number, number]; byAlias: GenKey };
  };
  articles: { key: GenKey; value: StoredArticle };
  mentions: { key: GenKey; value: StoredMentions; indexes: { byDocument: GenKey } };
  relations: {
    key: [number, string, string, string];
    value: StoredRelation;
    indexes: { bySource: GenKey; byTarget: GenKey };
  };
  citations: { key: [number, string, number]; value: StoredCitations };
  meta: { key: string; value: MetaRecord };
}

export type VblDb = IDBPDatabase<VblSchema>;
type UpgradeTx = IDBPTransaction<VblSchema, StoreNames<VblSchema>[], 'versionchange'>;

/** The stores holding generation-keyed data (everything but meta). */
export const DATA_STORES = ['documents', 'articles', 'mentions', 'relations', 'citations'] as const;

/**
 * One step per version: MIGRATIONS[v] takes a database at version v-1 to version v. Steps run in order inside
 * the upgrade transaction; a failure aborts the upgrade and leaves the database at its old version.
 */
export const MIGRATIONS: Record<number, (db: IDBPDatabase<VblSchema>, tx: UpgradeTx) => Promise<void> | void> = {
  1: (db) => {
    const documents = db.createObjectStore('documents', { keyPath: 'key' });
    documents.createIndex('byCode', 'code');
    documents.createIndex('byNTI', 'nti');
    documents.createIndex('byYear', 'year');
    db.createObjectStore('articles', { keyPath: 'key' });
    const mentions = db.createObjectStore('mentions', { keyPath: 'key' });
    mentions.createIndex('byDocument', 'docs', { multiEntry: true });
    const relations = db.createObjectStore('relations', { keyPath: 'key' });
    relations.createIndex('bySource', 'source');
    relations.createIndex('byTarget', 'target');
    db.createObjectStore('citations', { keyPath: 'key' });
    db.createObjectStore('meta', { keyPath: 'name' });
  },
  2: async (_db, tx) => {
    const documents = tx.objectStore('documents');
    documents.createIndex('byAlias', 'aliases', { multiEntry: true });
    // Backfill alias keys of the documents already stored (every generation), so no reload is needed.
    let cursor = await documents.openCursor();
    while (cursor) {
      const record = cursor.value;
      const gen = record.key[0];
      record.aliases = documentKeys(record.doc).aliases.map((a): GenKey => [gen, a]);
      await cursor.update(record);
      cursor = await cursor.continue();
    }
  },
};

/** Opens the database, migrating it step by step up to `version` (tests open older versions). */
export function openStore(name = DB_NAME, version = DB_VERSION, onBlocking?: () => void): Promise<VblDb> {
  return openDB<VblSchema>(name, version, {
    async upgrade(db, oldVersion, newVersion, tx) {
      for (let v = oldVersion + 1; v <= (newVersion ?? version); v++) {
        const step = MIGRATIONS[v];
        if (!step) throw new Error(`no migration to IndexedDB version ${v}`);
        await step(db, tx);
      }
    },
    blocking() {
      // A newer version wants to open (e.g. the extension was updated): step aside.
      onBlocking?.();
    },
  });
}

/** Key range of every key in generation `gen` (keys are arrays starting with the generation). */
export function genRange(gen: number): IDBKeyRange {
  return IDBKeyRange.bound([gen], [gen + 1], false, true);
}
