/**
 * The IndexedDB schema (idb), its versions and the migration from each version to the next.
 *
 * Every data record is keyed by [generation, …]: a dataset is written into a fresh generation while the
 * previous one keeps answering, and one small transaction flips `meta.active` to the new generation (see
 * load-dataset.ts). Index keys carry the generation too, so a query never sees a half-written dataset.
 *
 * A browser pays a fixed cost per stored record and per native index entry (Chromium: ~55–75 µs a record, and
 * 50,000 documents took 8.8 s with four native indexes against 0.65 s packed 16 to a record). So since version 3
 * documents are packed in buckets like articles and mentions, and the document indexes the issue asks for — by
 * normalized code, by number+type+issuer, by year, by alias — are index records of their own in the `indexes`
 * store (key → document ids, packed in buckets), written with the documents in the same generation.
 *
 * Versions:
 *   1: documents (native indexes by code, number+type+issuer, year), articles and mentions (packed by article),
 *      relations (by source, by target), citations (mentions by document, aggregated), meta.
 *   2: documents gain alias keys and a multiEntry `byAlias` index (backfilled from the stored aliases).
 *   3: documents packed in buckets (bucketOf(id)); the four document indexes become the `indexes` store.
 *      Stored generations are repacked in place, so the loaded dataset stays usable without a reload.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { documentKeys } from '../resolver/candidate-keys';
import { packDocuments } from './document-packing';
import type { ActiveMeta, GenKey, IndexKind, LegacyStoredDocument, MetaRecord, StoredArticleBucket, StoredCitations, StoredDocumentBucket, StoredIndexBucket, StoredMentionBucket, StoredRelation } from './stored-records';

export const DB_NAME = 'vanban-lens';
export const DB_VERSION = 3;

export interface VblSchema extends DBSchema {
  documents: { key: [number, number]; value: StoredDocumentBucket };
  indexes: { key: [number, IndexKind, number]; value: StoredIndexBucket };
  articles: { key: [number, number]; value: StoredArticleBucket };
  mentions: { key: [number, number]; value: StoredMentionBucket };
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
export const DATA_STORES = ['documents', 'indexes', 'articles', 'mentions', 'relations', 'citations'] as const;

/**
 * One step per version: MIGRATIONS[v] takes a database at version v-1 to version v. Steps run in order inside
 * the upgrade transaction; a failure aborts the upgrade and leaves the database at its old version.
 */
export const MIGRATIONS: Record<number, (db: IDBPDatabase<VblSchema>, tx: UpgradeTx) => Promise<void> | void> = {
  1: (db) => {
    const documents = db.createObjectStore('documents', { keyPath: 'key' }) as unknown as LegacyDocumentsStore;
    documents.createIndex('byCode', 'code');
    documents.createIndex('byNTI', 'nti');
    documents.createIndex('byYear', 'year');
    db.createObjectStore('articles', { keyPath: 'key' });
    db.createObjectStore('mentions', { keyPath: 'key' });
    const relations = db.createObjectStore('relations', { keyPath: 'key' });
    relations.createIndex('bySource', 'source');
    relations.createIndex('byTarget', 'target');
    db.createObjectStore('citations', { keyPath: 'key' });
    db.createObjectStore('meta', { keyPath: 'name' });
  },
  2: async (_db, tx) => {
    const documents = tx.objectStore('documents') as unknown as LegacyDocumentsStore;
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
  3: async (db, tx) => {
    // Repack the active generation's documents and write its index records, so the loaded dataset keeps
    // answering without a reload. Documents of any other generation are half-written leftovers of an interrupted
    // load: they are dropped (its staging marker stays, so the next start loads that version again from scratch).
    const rows = await (tx.objectStore('documents') as unknown as LegacyDocumentsStore).getAll();
    const meta = tx.objectStore('meta');
    const active = (await meta.get('active')) as ActiveMeta | undefined;
    db.deleteObjectStore('documents');
    const documents = db.createObjectStore('documents', { keyPath: 'key' });
    const indexes = db.createObjectStore('indexes', { keyPath: 'key' });
    if (!active) return;
    const packed = packDocuments(rows.filter((r) => r.key[0] === active.gen).map((r) => r.doc), active.gen);
    for (const r of packed.documents) void documents.put(r);
    for (const r of packed.indexes) void indexes.put(r);
    await meta.put({ ...active, buckets: { ...active.buckets, ...packed.buckets } });
  },
};

/** The documents store as versions 1 and 2 had it (one record per document, native indexes). */
interface LegacyDocumentsStore {
  createIndex(name: string, keyPath: string, options?: IDBIndexParameters): unknown;
  openCursor(): Promise<LegacyCursor | null>;
  getAll(): Promise<LegacyStoredDocument[]>;
}
interface LegacyCursor {
  value: LegacyStoredDocument;
  update(value: LegacyStoredDocument): Promise<unknown>;
  continue(): Promise<LegacyCursor | null>;
}

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
