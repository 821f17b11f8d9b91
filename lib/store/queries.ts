/**
 * Reads against one generation of the store. Every function takes the active generation, so a load in progress
 * (writing another generation) is never visible.
 */
import type { ArticleRecord, DocumentRecord, MentionRecord, RelationKind } from '../records/schema';
import { mergeCandidates, type IndexLookup } from '../resolver/candidate-keys';
import { bucketOf } from './bucket';
import type { VblDb } from './db';
import { indexKeysOf } from './document-packing';
import { CITATIONS_CHUNK, OVERFLOW_CHUNK, type Buckets, type DocumentCitations, type GenKey, type IndexKind, type StoredCitations, type StoredDocumentBucket, type StoredIndexBucket } from './stored-records';

type DocumentsStore = { get(key: [number, number]): Promise<StoredDocumentBucket | undefined> };
type IndexesStore = { get(key: [number, IndexKind, number]): Promise<StoredIndexBucket | undefined> };

/** Reads documents by id through their buckets, each bucket once per reader (one transaction's worth). */
function documentReader(store: DocumentsStore, gen: number, buckets: Buckets): (id: string) => Promise<DocumentRecord | undefined> {
  const reads = new Map<number, Promise<StoredDocumentBucket | undefined>>();
  return async (id) => {
    const b = bucketOf(id, buckets.documents);
    let p = reads.get(b);
    if (!p) reads.set(b, (p = store.get([gen, b])));
    return (await p)?.docs.find((d) => d.id === id);
  };
}

/** Reads index entries (kind, key) → document ids through their index records, each record once per reader. */
function indexReader(store: IndexesStore, gen: number, buckets: Buckets): (kind: IndexKind, key: string) => Promise<string[]> {
  const reads = new Map<string, Promise<StoredIndexBucket | undefined>>();
  return async (kind, key) => {
    const b = bucketOf(key, buckets.indexes[kind]);
    const id = `${kind}:${b}`;
    let p = reads.get(id);
    if (!p) reads.set(id, (p = store.get([gen, kind, b])));
    const ids = (await p)?.ids;
    return ids && Object.hasOwn(ids, key) ? ids[key]! : [];
  };
}

/**
 * Candidate documents for many references in one read transaction, through the index records: each reference's
 * look-ups (candidateLookups), merged by the resolver's rule (mergeCandidates); identical keys and buckets are read
 * once. Returns one list per reference, in order.
 */
export async function candidatesFor(db: VblDb, gen: number, buckets: Buckets, lookups: ReadonlyArray<readonly IndexLookup[]>): Promise<DocumentRecord[][]> {
  const tx = db.transaction(['indexes', 'documents'], 'readonly');
  const ids = indexReader(tx.objectStore('indexes'), gen, buckets);
  const doc = documentReader(tx.objectStore('documents'), gen, buckets);
  const results = await Promise.all(
    lookups.map(async (list) => {
      const lists = await Promise.all(list.map(([kind, key]) => ids(kind, key)));
      const wanted = mergeCandidates(lists, (id) => id);
      const docs = await Promise.all(wanted.map(doc));
      return docs.filter((d): d is DocumentRecord => d !== undefined);
    }),
  );
  await tx.done;
  return results;
}

/**
 * Documents with one index key: the document indexes by normalized code ('code'), number+type+issuer
 * ('nti', see ntiKey), alias key ('alias') and year ('year', four digits), as index records (see db.ts).
 */
export async function documentsByIndex(db: VblDb, gen: number, buckets: Buckets, kind: IndexKind, key: string): Promise<DocumentRecord[]> {
  const tx = db.transaction(['indexes', 'documents'], 'readonly');
  const ids = await indexReader(tx.objectStore('indexes'), gen, buckets)(kind, key);
  const doc = documentReader(tx.objectStore('documents'), gen, buckets);
  const docs = await Promise.all(ids.map(doc));
  await tx.done;
  return docs.filter((d): d is DocumentRecord => d !== undefined);
}

export async function getDocument(db: VblDb, gen: number, buckets: Buckets, id: string): Promise<DocumentRecord | undefined> {
  return documentReader(db.transaction('documents').store, gen, buckets)(id);
}

export async function getDocuments(db: VblDb, gen: number, buckets: Buckets, ids: string[]): Promise<Array<DocumentRecord | undefined>> {
  const tx = db.transaction('documents', 'readonly');
  const doc = documentReader(tx.store, gen, buckets);
  const rows = await Promise.all(ids.map(doc));
  await tx.done;
  return rows;
}

/** The citations of one document (chunk 0), or undefined when no article cites it. */
export async function documentCitations(db: VblDb, gen: number, buckets: Buckets, id: string): Promise<DocumentCitations | undefined> {
  return citationsOf(db.transaction('citations').store, gen, id, buckets);
}

export async function citationsOf(store: CitationsStore, gen: number, id: string, buckets: Buckets): Promise<DocumentCitations | undefined> {
  const bucket = await store.get([gen, '', bucketOf(id, buckets.citations)]);
  return bucket && 'docs' in bucket ? bucket.docs[id] : undefined;
}
export type CitationsStore = { get(key: [number, string, number]): Promise<StoredCitations | undefined> };

/** Articles citing a document, newest first, one page of them; undefined when the document is unknown. */
export async function relatedArticles(
  db: VblDb,
  gen: number,
  buckets: Buckets,
  id: string,
  page: number,
  pageSize: number,
  /** Whether the document exists, when the documents are in memory (saves reading its bucket). */
  known?: (id: string) => boolean,
): Promise<{ items: ArticleRecord[]; total: number } | undefined> {
  const tx = db.transaction(['documents', 'citations', 'articles'], 'readonly');
  const citations = tx.objectStore('citations');
  const exists = known ? Promise.resolve(known(id)) : documentReader(tx.objectStore('documents'), gen, buckets)(id).then((d) => d !== undefined);
  const [found, head] = await Promise.all([exists, citationsOf(citations, gen, id, buckets)]);
  if (!found) return undefined;
  const total = head?.total ?? 0;
  const from = page * pageSize;
  const to = Math.min(total, from + pageSize);
  // A much-cited document keeps its newest articles with its citations: its first page needs no other read.
  if (head?.newest && to <= head.newest.length) {
    await tx.done;
    return { items: head.newest.slice(from, to), total };
  }
  const ids = await citingArticleIds(citations, gen, id, head, from, to);
  const articles = tx.objectStore('articles');
  const wanted = [...new Set(ids.map((a) => bucketOf(a, buckets.articles)))];
  const rows = await Promise.all(wanted.map((b) => articles.get([gen, b])));
  await tx.done;
  const byId = new Map<string, ArticleRecord>();
  for (const row of rows) for (const a of row?.articles ?? []) byId.set(a.id, a);
  return { items: ids.flatMap((a) => (byId.has(a) ? [byId.get(a)!] : [])), total };
}

/** Citing article ids from..to (newest first), reading only the chunks that hold them. */
export async function citingArticleIds(store: CitationsStore, gen: number, id: string, head: DocumentCitations | undefined, from: number, to: number): Promise<string[]> {
  if (!head || from >= to) return [];
  // Record n holds positions start(n) onwards: 0 for the first, then CITATIONS_CHUNK + (n-1)·OVERFLOW_CHUNK.
  const recordOf = (p: number) => (p < CITATIONS_CHUNK ? 0 : 1 + Math.floor((p - CITATIONS_CHUNK) / OVERFLOW_CHUNK));
  const start = (n: number) => (n === 0 ? 0 : CITATIONS_CHUNK + (n - 1) * OVERFLOW_CHUNK);
  const first = recordOf(from);
  const last = recordOf(to - 1);
  const chunks = await Promise.all(
    Array.from({ length: last - first + 1 }, async (_, i) => {
      if (first + i === 0) return head.articles;
      const row = await store.get([gen, id, first + i]);
      return row && 'articles' in row ? row.articles : [];
    }),
  );
  return chunks.flat().slice(from - start(first), to - start(first));
}

/** Mentions by article: what an article cites, in text order. */
export async function mentionsOfArticle(db: VblDb, gen: number, buckets: Buckets, articleId: string): Promise<MentionRecord[]> {
  const row = await db.get('mentions', [gen, bucketOf(articleId, buckets.mentions)]);
  return row?.byArticle[articleId] ?? [];
}

/** Mentions by document: the resolved mentions of a document, in its citing articles newest first (one page of articles). */
export async function mentionsOfDocument(db: VblDb, gen: number, buckets: Buckets, id: string, page: number, pageSize: number): Promise<MentionRecord[]> {
  const tx = db.transaction(['citations', 'mentions'], 'readonly');
  const citations = tx.objectStore('citations');
  const head = await citationsOf(citations, gen, id, buckets);
  const ids = await citingArticleIds(citations, gen, id, head, page * pageSize, Math.min(head?.total ?? 0, page * pageSize + pageSize));
  const mentions = tx.objectStore('mentions');
  const rows = await Promise.all(ids.map((a) => mentions.get([gen, bucketOf(a, buckets.mentions)])));
  await tx.done;
  return ids.flatMap((a, i) => (rows[i]?.byArticle[a] ?? []).filter((m) => m.documentId === id));
}

/** Documents held in memory (DocumentCache): by id, and the relations pointing at each. */
export interface DocumentsInMemory {
  get(id: string): DocumentRecord | undefined;
  incoming(id: string): Array<{ source: string; kind: RelationKind }>;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface RelatedDocument {
  document: DocumentRecord;
  why: 'relation' | 'co-citation';
  kind?: string;
  strength?: number;
}

/**
 * Documents related to one: explicit relations first (this document's own, then those pointing at it, kind
 * suffixed "-by"), then documents cited in the same articles, strongest first. Undefined when unknown.
 */
export async function relatedDocuments(
  db: VblDb,
  gen: number,
  buckets: Buckets,
  id: string,
  /** The documents, when they are in memory: documents and relations are then read from there (saves three reads). */
  inMemory?: DocumentsInMemory,
): Promise<RelatedDocument[] | undefined> {
  const tx = db.transaction(['documents', 'relations', 'citations'], 'readonly');
  const docs = tx.objectStore('documents');
  const relations = tx.objectStore('relations');
  const key: GenKey = [gen, id];
  const fromStore = documentReader(docs, gen, buckets);
  const read = (docId: string) => (inMemory ? Promise.resolve(inMemory.get(docId)) : fromStore(docId));
  // In the store's order: outgoing by kind then target, incoming by source then kind (the relation keys' order).
  const byKey = (x: { kind: string; other: string }, y: { kind: string; other: string }) => cmp(x.kind, y.kind) || cmp(x.other, y.other);
  const [self, outgoing, incoming, cites] = await Promise.all([
    read(id),
    inMemory
      ? Promise.resolve((inMemory.get(id)?.relations ?? []).map((r) => ({ kind: r.kind, other: r.target })).sort(byKey))
      : relations.index('bySource').getAll(key).then((rows) => rows.map((r) => ({ kind: r.kind as string, other: r.target[1] }))),
    inMemory
      ? Promise.resolve(inMemory.incoming(id).map((r) => ({ kind: r.kind as string, other: r.source })).sort((x, y) => cmp(x.other, y.other) || cmp(x.kind, y.kind)))
      : relations.index('byTarget').getAll(key).then((rows) => rows.map((r) => ({ kind: r.kind as string, other: r.source[1] }))),
    citationsOf(tx.objectStore('citations'), gen, id, buckets),
  ]);
  if (!self) return undefined;
  const wanted: Array<{ id: string; why: 'relation' | 'co-citation'; kind?: string; strength?: number }> = [];
  const seen = new Set<string>([id]);
  for (const r of outgoing) if (!seen.has(r.other)) { seen.add(r.other); wanted.push({ id: r.other, why: 'relation', kind: r.kind }); }
  for (const r of incoming) if (!seen.has(r.other)) { seen.add(r.other); wanted.push({ id: r.other, why: 'relation', kind: `${r.kind}-by` }); }
  for (const [other, strength] of cites?.cocited ?? []) {
    if (!seen.has(other)) { seen.add(other); wanted.push({ id: other, why: 'co-citation', strength }); }
  }
  const rows = await Promise.all(wanted.map((w) => read(w.id)));
  await tx.done;
  const out: RelatedDocument[] = [];
  wanted.forEach((w, i) => {
    const document = rows[i];
    // A relation may point at a document the dataset does not hold: it is left out rather than invented.
    if (document) out.push({ document, why: w.why, ...(w.kind ? { kind: w.kind } : {}), ...(w.strength ? { strength: w.strength } : {}) });
  });
  return out;
}

/** Other documents with the same code (numbers restart every term), oldest first; undefined when unknown. */
export async function sameCodeOtherTerms(db: VblDb, gen: number, buckets: Buckets, id: string): Promise<DocumentRecord[] | undefined> {
  const tx = db.transaction(['indexes', 'documents'], 'readonly');
  const doc = documentReader(tx.objectStore('documents'), gen, buckets);
  const self = await doc(id);
  if (!self) return undefined;
  const ids = await indexReader(tx.objectStore('indexes'), gen, buckets)('code', indexKeysOf(self).code[0]!);
  const others = await Promise.all(ids.filter((other) => other !== id).map(doc));
  await tx.done;
  return others
    .filter((d): d is DocumentRecord => d !== undefined)
    .sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.id.localeCompare(b.id));
}

/** Every document of a generation, `batch` buckets at a time (for filling memory and the search index). */
export async function forEachDocumentBatch(db: VblDb, gen: number, batch: number, fn: (docs: DocumentRecord[]) => void): Promise<void> {
  let lower: IDBKeyRange = IDBKeyRange.bound([gen], [gen + 1], false, true);
  for (;;) {
    const rows = await db.getAll('documents', lower, batch);
    if (rows.length === 0) return;
    fn(rows.flatMap((r) => r.docs));
    if (rows.length < batch) return;
    lower = IDBKeyRange.bound(rows[rows.length - 1]!.key, [gen + 1], true, true);
  }
}

/** How many articles cite each cited document of a generation (documents no article cites are absent). */
export async function citationTotals(db: VblDb, gen: number): Promise<Map<string, number>> {
  // Only the bucket records ([gen, '', n]); a much-cited document's overflow records ([gen, id, n]) sort after them.
  const rows = await db.getAll('citations', IDBKeyRange.bound([gen, '', 0], [gen, '', Infinity]));
  const totals = new Map<string, number>();
  for (const row of rows) {
    if (!('docs' in row)) continue;
    for (const [id, c] of Object.entries(row.docs)) if (c.total > 0) totals.set(id, c.total);
  }
  return totals;
}
