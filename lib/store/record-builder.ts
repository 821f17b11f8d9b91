/**
 * The records of one generation built from a dataset, in memory: documents packed with their index records,
 * articles and mentions in buckets, relations, and each document's citations (citing articles newest first,
 * co-cited documents). Pure: no IndexedDB; load-dataset.ts writes what this builds.
 */
import { DATASET_SCHEMA, type ArticleRecord, type Dataset, type MentionRecord } from '../records/schema';
import { siteKey, type SiteTable } from '../keys/site-place';
import { bucketOf } from './bucket';
import { packDocuments } from './document-packing';
import {
  CITATIONS_CHUNK,
  COCITED_KEEP,
  NEWEST_INLINE,
  NEWEST_INLINE_MIN,
  OVERFLOW_CHUNK,
  type Buckets,
  type DocumentCitations,
  type GenKey,
  type StoredArticleBucket,
  type StoredCitations,
  type StoredDocumentBucket,
  type StoredIndexBucket,
  type StoredMentionBucket,
  type StoredRelation,
} from './stored-records';

/** A dataset the store can take: right schema, a version, arrays of records with ids. */
export function checkDataset(dataset: Dataset): void {
  if (!dataset || typeof dataset !== 'object') throw new Error('dataset is not an object');
  if (dataset.schema !== DATASET_SCHEMA) throw new Error(`dataset schema ${dataset.schema} is not ${DATASET_SCHEMA}`);
  if (typeof dataset.version !== 'string' || !dataset.version) throw new Error('dataset has no version');
  for (const key of ['documents', 'articles', 'mentions'] as const) {
    if (!Array.isArray(dataset[key])) throw new Error(`dataset.${key} is not an array`);
  }
}

export type Records = {
  documents: StoredDocumentBucket[];
  indexes: StoredIndexBucket[];
  articles: StoredArticleBucket[];
  mentions: StoredMentionBucket[];
  relations: StoredRelation[];
  citations: StoredCitations[];
  /** How many buckets each kind of record is packed into (kept in meta.active). */
  buckets: Buckets;
};

/**
 * Bucket sizes: small enough that a card's reads stay small (a page of 20 articles reads up to 20 article
 * buckets of ~16 articles), large enough that a million mentions make a few thousand records.
 */
const ARTICLES_PER_BUCKET = 16;
const ARTICLES_PER_MENTION_BUCKET = 64;
const DOCUMENTS_PER_CITATION_BUCKET = 16;

export function bucketCounts(dataset: Dataset): Omit<Buckets, 'documents' | 'indexes'> {
  return {
    articles: Math.max(1, Math.ceil(dataset.articles.length / ARTICLES_PER_BUCKET)),
    mentions: Math.max(1, Math.ceil(dataset.articles.length / ARTICLES_PER_MENTION_BUCKET)),
    citations: Math.max(1, Math.ceil(dataset.documents.length / DOCUMENTS_PER_CITATION_BUCKET)),
  };
}

/** Every record of a generation, with its index records, per-document aggregates and bucket counts. */
export function buildRecords(dataset: Dataset, gen: number): Records {
  const relations: StoredRelation[] = [];
  const docIndex = new Map<string, number>();
  for (const doc of dataset.documents) {
    if (typeof doc?.id !== 'string' || typeof doc.code !== 'string') throw new Error(`document without id or code: ${JSON.stringify(doc).slice(0, 120)}`);
    if (docIndex.has(doc.id)) throw new Error(`duplicate document id ${doc.id}`);
    docIndex.set(doc.id, docIndex.size);
    for (const rel of doc.relations ?? []) {
      relations.push({ key: [gen, doc.id, rel.kind, rel.target], source: [gen, doc.id], target: [gen, rel.target], kind: rel.kind, sources: rel.sources ?? [] });
    }
  }
  const packed = packDocuments(dataset.documents, gen);
  const buckets: Buckets = { ...bucketCounts(dataset), ...packed.buckets };

  const nDocs = dataset.documents.length;
  const nArticles = dataset.articles.length;
  const articleBuckets: ArticleRecord[][] = Array.from({ length: buckets.articles }, () => []);
  const articleIndex = new Map<string, number>();
  for (const article of dataset.articles) {
    if (typeof article?.id !== 'string') throw new Error(`article without id: ${JSON.stringify(article).slice(0, 120)}`);
    if (articleIndex.has(article.id)) throw new Error(`duplicate article id ${article.id}`);
    articleIndex.set(article.id, articleIndex.size);
    articleBuckets[bucketOf(article.id, buckets.articles)]!.push(article);
  }
  // Newest first; undated last; ties by id, so the order is stable.
  const order = dataset.articles.map((_, i) => i);
  order.sort((x, y) => {
    const a = dataset.articles[x]!;
    const b = dataset.articles[y]!;
    const da = a.date ?? '';
    const db = b.date ?? '';
    if (da !== db) return da < db ? 1 : -1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });

  // Mentions by article, packed in the article's bucket (stored as the dataset gives them).
  const mentionsOf: MentionRecord[][] = Array.from({ length: nArticles }, () => []);
  const orphans = new Map<string, MentionRecord[]>(); // mentions of articles the dataset does not list
  // Distinct resolved documents per article (indexes), for citations and co-citations.
  const docsOfArticle: number[][] = Array.from({ length: nArticles }, () => []);
  let lastId: string | undefined;
  let lastIndex: number | undefined;
  for (const m of dataset.mentions) {
    if (typeof m?.articleId !== 'string') throw new Error(`mention without article: ${JSON.stringify(m).slice(0, 120)}`);
    // Mentions come grouped by article: look the article up once per run.
    if (m.articleId !== lastId) {
      lastId = m.articleId;
      lastIndex = articleIndex.get(m.articleId);
    }
    const a = lastIndex;
    if (a === undefined) {
      let list = orphans.get(m.articleId);
      if (!list) orphans.set(m.articleId, (list = []));
      list.push(m);
      continue;
    }
    mentionsOf[a]!.push(m);
    if (!m.documentId) continue;
    const d = docIndex.get(m.documentId);
    if (d === undefined) continue;
    const docs = docsOfArticle[a]!;
    if (!docs.includes(d)) docs.push(d);
  }
  const mentionBuckets: Array<StoredMentionBucket['byArticle']> = Array.from({ length: buckets.mentions }, () => ({}));
  dataset.articles.forEach((article, a) => {
    if (mentionsOf[a]!.length) mentionBuckets[bucketOf(article.id, buckets.mentions)]![article.id] = mentionsOf[a]!;
  });
  for (const [articleId, list] of orphans) mentionBuckets[bucketOf(articleId, buckets.mentions)]![articleId] = list;

  // Citing articles of each document, newest first: filled walking the articles in that order (no sort per document).
  const articlesOf: Array<number[] | undefined> = new Array(nDocs);
  for (const a of order) for (const d of docsOfArticle[a]!) (articlesOf[d] ??= []).push(a);
  const articleIds = dataset.articles.map((article) => article.id);

  // Co-citations: the build's when it gives them, else counted here (same definition: articles citing both).
  const given = Array.isArray(dataset.coCitations) && dataset.coCitations.length > 0 ? dataset.coCitations : undefined;
  const givenPairs: Array<Array<[number, number]> | undefined> = new Array(nDocs);
  for (const c of given ?? []) {
    const a = docIndex.get(c.a);
    const b = docIndex.get(c.b);
    if (a === undefined || b === undefined || a === b) continue;
    (givenPairs[a] ??= []).push([b, c.articles]);
    (givenPairs[b] ??= []).push([a, c.articles]);
  }
  const counter = new Int32Array(nDocs);
  const touched: number[] = [];

  const citationBuckets: Array<Record<string, DocumentCitations>> = Array.from({ length: buckets.citations }, () => ({}));
  const overflow: StoredCitations[] = [];
  const docIds = dataset.documents.map((d) => d.id);
  for (let d = 0; d < nDocs; d++) {
    const list = articlesOf[d] ?? [];
    let cocited: Array<[string, number]>;
    if (given) {
      cocited = topCoCited(givenPairs[d] ?? [], docIds);
    } else {
      for (const a of list) {
        for (const e of docsOfArticle[a]!) {
          if (e === d) continue;
          if (counter[e] === 0) touched.push(e);
          counter[e] = counter[e]! + 1;
        }
      }
      cocited = topCounted(touched, counter, docIds);
      for (const e of touched) counter[e] = 0;
      touched.length = 0;
    }
    if (list.length === 0 && cocited.length === 0) continue;
    const ids: string[] = new Array(list.length);
    for (let i = 0; i < list.length; i++) ids[i] = articleIds[list[i]!]!;
    const id = docIds[d]!;
    const cites: DocumentCitations = { total: ids.length, articles: ids.slice(0, CITATIONS_CHUNK), cocited };
    if (list.length >= NEWEST_INLINE_MIN) cites.newest = list.slice(0, NEWEST_INLINE).map((a) => dataset.articles[a]!);
    citationBuckets[bucketOf(id, buckets.citations)]![id] = cites;
    for (let c = 1, from = CITATIONS_CHUNK; from < ids.length; c++, from += OVERFLOW_CHUNK) {
      overflow.push({ key: [gen, id, c], articles: ids.slice(from, from + OVERFLOW_CHUNK) });
    }
  }

  return {
    documents: packed.documents,
    indexes: packed.indexes,
    articles: articleBuckets.flatMap((articles, b) => (articles.length ? [{ key: [gen, b] as [number, number], articles }] : [])),
    mentions: mentionBuckets.flatMap((byArticle, b) => (Object.keys(byArticle).length ? [{ key: [gen, b] as [number, number], byArticle }] : [])),
    relations,
    citations: [
      ...citationBuckets.flatMap((docs, b) => (Object.keys(docs).length ? [{ key: [gen, '', b] as [number, '', number], docs }] : [])),
      ...overflow,
    ],
    buckets,
  };
}

/** The COCITED_KEEP strongest co-cited documents, strongest first (ties by id, so the order is stable). */
function topCoCited(pairs: Array<[number, number]>, docIds: string[]): Array<[string, number]> {
  const better = (x: [number, number], y: [number, number]) => x[1] > y[1] || (x[1] === y[1] && docIds[x[0]]! < docIds[y[0]]!);
  const top: Array<[number, number]> = [];
  for (const entry of pairs) {
    if (top.length === COCITED_KEEP && !better(entry, top[top.length - 1]!)) continue;
    let i = top.length;
    while (i > 0 && better(entry, top[i - 1]!)) i--;
    top.splice(i, 0, entry);
    if (top.length > COCITED_KEEP) top.pop();
  }
  return top.map(([i, n]) => [docIds[i]!, n]);
}

/** The COCITED_KEEP most counted documents (ties in dataset order), without building a pair per document. */
function topCounted(touched: number[], counter: Int32Array, docIds: string[]): Array<[string, number]> {
  const top: number[] = [];
  const better = (x: number, y: number) => counter[x]! > counter[y]! || (counter[x] === counter[y] && x < y);
  for (const e of touched) {
    if (top.length === COCITED_KEEP && !better(e, top[top.length - 1]!)) continue;
    let i = top.length;
    while (i > 0 && better(e, top[i - 1]!)) i--;
    top.splice(i, 0, e);
    if (top.length > COCITED_KEEP) top.pop();
  }
  return top.map((e) => [docIds[e]!, counter[e]!]);
}

/** Site → province table from the dataset's site records (national outlets have no province). */
export function siteTable(dataset: Dataset): SiteTable | undefined {
  if (!Array.isArray(dataset.sites)) return undefined;
  const table: Record<string, string> = {};
  for (const s of dataset.sites) if (s?.site && s.province) table[siteKey(s.site)] = s.province;
  return Object.keys(table).length ? table : undefined;
}
