/**
 * The records the store keeps in IndexedDB, one generation at a time: documents and index records, articles,
 * mentions, relations, citations, and the meta records (active generation, a load in progress, the last error).
 * Types and layout constants only; db.ts declares the stores and their migrations.
 */
import type { ArticleRecord, DocumentRecord, MentionRecord, RelationKind } from '../records/schema';
import type { SiteTable } from '../keys/site-place';
import type { LoadFailureKind } from './dataset-integrity';

export type GenKey = [number, string];

/** A document as versions 1 and 2 stored it: one record each, with native index keys (read by migration 3). */
export interface LegacyStoredDocument {
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

/** Documents packed by bucketOf(document id, buckets.documents) (version 3). */
export interface StoredDocumentBucket {
  /** [gen, bucket] */
  key: [number, number];
  docs: DocumentRecord[];
}

/**
 * The document indexes, as records: kind → key → ids of the documents with that key. Keys are the resolver's
 * (documentKeys): normalized code, number+type+issuer (ntiKey), alias key, and the year (4 digits)
 * of the document's date.
 */
export const INDEX_KINDS = ['code', 'nti', 'alias', 'year'] as const;
export type IndexKind = (typeof INDEX_KINDS)[number];

/** One bucket of one index: key [gen, kind, bucketOf(key, buckets.indexes[kind])]. */
export interface StoredIndexBucket {
  key: [number, IndexKind, number];
  /** Index key → document ids, in the dataset's order. */
  ids: Record<string, string[]>;
}

/**
 * Articles and mentions are packed into buckets (an article's bucket is bucketOf(article id)): a browser pays a
 * fixed cost per stored record, so a million mentions as a million records could not load in seconds.
 */
export interface StoredArticleBucket {
  /** [gen, bucket] */
  key: [number, number];
  articles: ArticleRecord[];
}

/** Mentions by article: the mentions of every article of one bucket (bucketOf(article id, buckets.mentions)). */
export interface StoredMentionBucket {
  key: [number, number];
  /** Article id → its mentions, in the dataset's order. */
  byArticle: Record<string, MentionRecord[]>;
}

export interface StoredRelation {
  /** [gen, source id, kind, target id] */
  key: [number, string, string, string];
  source: GenKey;
  target: GenKey;
  kind: RelationKind;
  sources: string[];
}

/** Citing articles per citations record: a much-cited document's list is split so a card reads what it shows. */
export const CITATIONS_CHUNK = 100;
/** Citing articles per overflow record (beyond the first CITATIONS_CHUNK, kept with the document). */
export const OVERFLOW_CHUNK = 1000;
/** Co-cited documents kept per document. */
export const COCITED_KEEP = 12;

/** What the store keeps about the citations of one document (mentions by document, aggregated). */
export interface DocumentCitations {
  /** How many articles cite the document. */
  total: number;
  /** The first CITATIONS_CHUNK citing article ids, newest first. */
  articles: string[];
  /** Documents cited in the same articles: [id, number of shared articles], strongest first. */
  cocited: Array<[string, number]>;
  /**
   * For a much-cited document (NEWEST_INLINE_MIN citing articles or more): its NEWEST_INLINE newest citing
   * articles themselves, so its card's first page reads this record only instead of up to 20 article buckets.
   * Optional: without it the articles are read from their buckets.
   */
  newest?: ArticleRecord[];
}

/** Citing articles from which a document's newest articles are kept inline, and how many (a card's first page). */
export const NEWEST_INLINE_MIN = 100;
export const NEWEST_INLINE = 20;

/**
 * Citations records. Buckets, key [gen, '', bucket]: bucketOf(document id) → its DocumentCitations. Overflow,
 * key [gen, document id, n ≥ 1]: citing articles CITATIONS_CHUNK + (n-1)·OVERFLOW_CHUNK onwards of a much-cited
 * document, OVERFLOW_CHUNK per record.
 */
export type StoredCitations =
  | { key: [number, '', number]; docs: Record<string, DocumentCitations> }
  | { key: [number, string, number]; articles: string[] };

export interface Buckets {
  articles: number;
  mentions: number;
  citations: number;
  /** Version 3: document buckets, and buckets per index kind. */
  documents: number;
  indexes: Record<IndexKind, number>;
}

export interface ActiveMeta {
  name: 'active';
  gen: number;
  version: string;
  schema: number;
  /** Extension version that loaded it (a different version re-checks the bundled dataset). */
  extVersion?: string;
  counts: { documents: number; articles: number; mentions: number };
  /** How many buckets articles, mentions and citations are packed into. */
  buckets: Buckets;
  loadedAt: string;
  loadMs: number;
  /** Milliseconds per load phase (prepare, then each store), for the benchmark and diagnostics. */
  loadTimings?: Record<string, number>;
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
  /** What failed (lib/store/dataset-integrity.ts): a broken bundle's kind, or 'load-failed'. */
  kind?: LoadFailureKind;
}

export type MetaRecord = ActiveMeta | StagingMeta | ErrorMeta;
