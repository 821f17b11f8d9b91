/**
 * Every document of the active generation held in the background's memory, with the same keys as the store's
 * indexes, so a page's batch of references resolves without a round of IndexedDB reads. IndexedDB stays the store
 * of record: the cache is read from it in one pass (also feeding the search index) and dropped with the worker.
 */
import type { Reference } from '../detector/types';
import type { DocumentRecord, RelationKind } from '../records/schema';
import { documentKeys, gatherCandidates, ntiKey, type CandidateIndex } from '../resolver/candidate-keys';
import type { VblDb } from './db';
import { forEachDocumentBatch } from './queries';

export class DocumentCache {
  readonly byId = new Map<string, DocumentRecord>();
  /** The candidate indexes, by kind: key → documents (the same keys as the store's index records). */
  private readonly index: Record<CandidateIndex, Map<string, DocumentRecord[]>> = { code: new Map(), alias: new Map(), nti: new Map() };
  /** Target id → the relations pointing at it (the relations store's byTarget index, in memory). */
  private readonly relatedBy = new Map<string, Array<{ source: string; kind: RelationKind }>>();

  /** Reads every document of generation `gen`, calling `each` with every batch (for the search index). */
  static async read(db: VblDb, gen: number, each?: (docs: DocumentRecord[]) => void): Promise<DocumentCache> {
    const cache = new DocumentCache();
    // Batches of 64 buckets (~1,000 documents), small enough that lookups arriving meanwhile wait little.
    await forEachDocumentBatch(db, gen, 64, (docs) => {
      for (const doc of docs) cache.add(doc);
      each?.(docs);
    });
    return cache;
  }

  add(doc: DocumentRecord): void {
    const keys = documentKeys(doc);
    this.byId.set(doc.id, doc);
    push(this.index.code, keys.code, doc);
    for (const a of keys.aliases) push(this.index.alias, a, doc);
    push(this.index.nti, ntiKey(keys.numberTypeIssuer), doc);
    for (const r of doc.relations ?? []) push(this.relatedBy, r.target, { source: doc.id, kind: r.kind });
  }

  /** The relations pointing at a document. */
  incoming(id: string): Array<{ source: string; kind: RelationKind }> {
    return this.relatedBy.get(id) ?? [];
  }

  /** Documents by id. */
  get(id: string): DocumentRecord | undefined {
    return this.byId.get(id);
  }

  /** Candidates for a reference, by the resolver's rule (the same answer as the store's candidatesFor). */
  candidates(ref: Reference): DocumentRecord[] {
    return gatherCandidates(ref, (kind, key) => this.index[kind].get(key));
  }

  /** Documents whose normalized code (codeKey) is `key`, in the dataset's order. */
  withCode(key: string): readonly DocumentRecord[] {
    return this.index.code.get(key) ?? [];
  }

  /** Documents sharing a code with `id` (itself excluded), oldest first. */
  sameCode(id: string): DocumentRecord[] | undefined {
    const self = this.byId.get(id);
    if (!self) return undefined;
    return (this.index.code.get(documentKeys(self).code) ?? [])
      .filter((d) => d.id !== id)
      .sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.id.localeCompare(b.id));
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
