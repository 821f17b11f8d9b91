/**
 * Documents as the store keeps them since schema version 3: packed DOCUMENTS_PER_BUCKET to a record by the hash of
 * their id, and the four document indexes (normalized code, number+type+issuer, alias, year) as index records —
 * index key → document ids — packed KEYS_PER_INDEX_BUCKET keys to a record by the hash of the key. Used by the
 * load and by the migration from version 2, so both write the same layout.
 */
import type { DocumentRecord } from '../records/schema';
import { documentKeys, ntiKey } from '../resolver/candidate-keys';
import { bucketOf } from './bucket';
import { INDEX_KINDS, type Buckets, type IndexKind, type StoredDocumentBucket, type StoredIndexBucket } from './stored-records';

/** Small enough that reading one document reads little, large enough that 50,000 documents make ~3,000 records. */
export const DOCUMENTS_PER_BUCKET = 16;
/** Index keys per index record (a code names one to a few documents; an alias like "chi thi 35" hundreds). */
export const KEYS_PER_INDEX_BUCKET = 64;

/** The index keys of one document, by kind (the same keys the resolver looks up; see documentKeys). */
export function indexKeysOf(doc: DocumentRecord): Record<IndexKind, string[]> {
  const keys = documentKeys(doc);
  const year = /^(\d{4})/.exec(doc.date ?? '')?.[1];
  return {
    code: [keys.code],
    nti: [ntiKey(keys.numberTypeIssuer)],
    alias: keys.aliases,
    year: year ? [year] : [],
  };
}

export interface PackedDocuments {
  documents: StoredDocumentBucket[];
  indexes: StoredIndexBucket[];
  buckets: Pick<Buckets, 'documents' | 'indexes'>;
}

export function packDocuments(docs: readonly DocumentRecord[], gen: number): PackedDocuments {
  const nBuckets = Math.max(1, Math.ceil(docs.length / DOCUMENTS_PER_BUCKET));
  const docBuckets: DocumentRecord[][] = Array.from({ length: nBuckets }, () => []);
  const byKind = {} as Record<IndexKind, Map<string, string[]>>;
  for (const kind of INDEX_KINDS) byKind[kind] = new Map();
  for (const doc of docs) {
    docBuckets[bucketOf(doc.id, nBuckets)]!.push(doc);
    const keys = indexKeysOf(doc);
    for (const kind of INDEX_KINDS) {
      const map = byKind[kind];
      for (const key of keys[kind]) {
        const ids = map.get(key);
        if (!ids) map.set(key, [doc.id]);
        else if (ids[ids.length - 1] !== doc.id) ids.push(doc.id);
      }
    }
  }
  const indexBuckets = {} as Record<IndexKind, number>;
  const indexes: StoredIndexBucket[] = [];
  for (const kind of INDEX_KINDS) {
    const map = byKind[kind];
    const n = Math.max(1, Math.ceil(map.size / KEYS_PER_INDEX_BUCKET));
    indexBuckets[kind] = n;
    // Null prototype: any key (even "__proto__") is an own property; readers check with Object.hasOwn.
    const records: Array<Record<string, string[]>> = Array.from({ length: n }, () => Object.create(null) as Record<string, string[]>);
    for (const [key, ids] of map) records[bucketOf(key, n)]![key] = ids;
    records.forEach((ids, b) => {
      if (Object.keys(ids).length) indexes.push({ key: [gen, kind, b], ids });
    });
  }
  return {
    documents: docBuckets.flatMap((list, b) => (list.length ? [{ key: [gen, b] as [number, number], docs: list }] : [])),
    indexes,
    buckets: { documents: nBuckets, indexes: indexBuckets },
  };
}
