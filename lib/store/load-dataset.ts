/**
 * Loading a dataset into IndexedDB, atomically and idempotently.
 *
 * The new dataset is written into a fresh generation (keys [gen, …]) in chunked transactions while the active
 * generation keeps answering queries. A `staging` meta record marks the load as in progress. Only when every
 * record is written does one transaction point `meta.active` at the new generation and drop the marker; the old
 * generation is then deleted. An error, or a service worker killed mid-load, leaves the previous dataset active
 * and the marker in place, so the next start retries (and first clears the half-written generation). Loading
 * the version that is already active writes nothing.
 */
import { DATASET_SCHEMA, type Dataset, type MentionRecord } from '../dataset/schema';
import { documentKeys } from '../resolver/resolve';
import {
  CITATIONS_CHUNK,
  DATA_STORES,
  type ActiveMeta,
  type StagingMeta,
  type GenKey,
  type StoredArticle,
  type StoredCitations,
  type StoredDocument,
  type StoredMentions,
  type StoredRelation,
  type VblDb,
} from './db';
import { siteKey, type SiteTable } from '../resolver/site-place';

export interface LoadOptions {
  /** Extension version doing the load (recorded in meta). */
  extVersion?: string;
  /** Records per write transaction. */
  chunkSize?: number;
  /** Called before each chunk is written; a throw aborts the load (tests simulate a crash with it). */
  beforeChunk?: (store: string, chunkIndex: number) => void | Promise<void>;
}

export interface LoadOutcome {
  status: 'loaded' | 'unchanged';
  version: string;
  gen: number;
  ms: number;
}

/** Co-cited documents kept per document. */
const COCITED_KEEP = 50;

export async function loadDataset(db: VblDb, dataset: Dataset, options: LoadOptions = {}): Promise<LoadOutcome> {
  const started = now();
  checkDataset(dataset);
  const active = (await db.get('meta', 'active')) as ActiveMeta | undefined;
  const staging = (await db.get('meta', 'staging')) as StagingMeta | undefined;
  if (active && active.version === dataset.version && active.schema === dataset.schema) {
    // Same version: nothing to write. Clear what an interrupted load of another version left behind.
    if (staging) {
      await pruneGenerations(db, active.gen);
      await db.delete('meta', 'staging');
    }
    if (options.extVersion && active.extVersion !== options.extVersion) {
      await db.put('meta', { ...active, extVersion: options.extVersion });
    }
    return { status: 'unchanged', version: active.version, gen: active.gen, ms: now() - started };
  }

  const gen = Math.max(active?.gen ?? 0, staging?.gen ?? 0) + 1;
  // Clear any half-written generation first, then mark this load as in progress.
  await pruneGenerations(db, active?.gen);
  await db.put('meta', { name: 'staging', gen, version: dataset.version, startedAt: new Date().toISOString() });

  try {
    const records = buildRecords(dataset, gen);
    const chunkSize = options.chunkSize ?? 5000;
    await Promise.all(
      DATA_STORES.map(async (store) => {
        const rows = records[store] as unknown[];
        for (let i = 0, chunk = 0; i < rows.length; i += chunkSize, chunk++) {
          await options.beforeChunk?.(store, chunk);
          const tx = db.transaction(store, 'readwrite');
          const os = tx.objectStore(store);
          const end = Math.min(rows.length, i + chunkSize);
          for (let j = i; j < end; j++) void os.put(rows[j] as never);
          await tx.done;
        }
      }),
    );

    // The flip: one transaction makes the new generation active.
    const ms = now() - started;
    const sites = siteTable(dataset);
    const meta: ActiveMeta = {
      name: 'active',
      gen,
      version: dataset.version,
      schema: dataset.schema,
      extVersion: options.extVersion,
      counts: { documents: dataset.documents.length, articles: dataset.articles.length, mentions: dataset.mentions.length },
      loadedAt: new Date().toISOString(),
      loadMs: Math.round(ms),
      ...(sites ? { sites } : {}),
    };
    const tx = db.transaction('meta', 'readwrite');
    void tx.store.put(meta);
    void tx.store.delete('staging');
    void tx.store.delete('lastError');
    await tx.done;
  } catch (error) {
    // The previous generation stays active; the staging marker stays so the next start retries.
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    await db.put('meta', { name: 'lastError', message, at: new Date().toISOString() }).catch(() => {});
    await pruneGenerations(db, active?.gen).catch(() => {});
    throw error;
  }

  // The old generation is no longer reachable; deleting it can fail or be interrupted harmlessly.
  await pruneGenerations(db, gen).catch(() => {});
  return { status: 'loaded', version: dataset.version, gen, ms: now() - started };
}

/** Deletes every generation but `keep` (all of them when undefined) from the data stores. */
export async function pruneGenerations(db: VblDb, keep: number | undefined): Promise<void> {
  const tx = db.transaction([...DATA_STORES], 'readwrite');
  for (const store of DATA_STORES) {
    const os = tx.objectStore(store);
    if (keep === undefined) {
      void os.clear();
    } else {
      void os.delete(IDBKeyRange.upperBound([keep], true));
      void os.delete(IDBKeyRange.lowerBound([keep + 1]));
    }
  }
  await tx.done;
}

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
  documents: StoredDocument[];
  articles: StoredArticle[];
  mentions: StoredMentions[];
  relations: StoredRelation[];
  citations: StoredCitations[];
};

/** Every record of a generation, with its index keys and per-document aggregates. */
export function buildRecords(dataset: Dataset, gen: number): Records {
  const documents: StoredDocument[] = [];
  const relations: StoredRelation[] = [];
  const docIndex = new Map<string, number>();
  for (const doc of dataset.documents) {
    if (typeof doc?.id !== 'string' || typeof doc.code !== 'string') throw new Error(`document without id or code: ${JSON.stringify(doc).slice(0, 120)}`);
    if (docIndex.has(doc.id)) throw new Error(`duplicate document id ${doc.id}`);
    docIndex.set(doc.id, docIndex.size);
    const keys = documentKeys(doc);
    const year = /^(\d{4})/.exec(doc.date ?? '')?.[1];
    documents.push({
      key: [gen, doc.id],
      code: [gen, keys.code],
      nti: [gen, ...keys.numberTypeIssuer],
      ...(year ? { year: [gen, Number(year)] as [number, number] } : {}),
      aliases: keys.aliases.map((a): GenKey => [gen, a]),
      doc,
    });
    for (const rel of doc.relations ?? []) {
      relations.push({ key: [gen, doc.id, rel.kind, rel.target], source: [gen, doc.id], target: [gen, rel.target], kind: rel.kind, sources: rel.sources ?? [] });
    }
  }

  const articleDate = new Map<string, string>();
  const articles: StoredArticle[] = dataset.articles.map((article) => {
    if (typeof article?.id !== 'string') throw new Error(`article without id: ${JSON.stringify(article).slice(0, 120)}`);
    articleDate.set(article.id, article.date ?? '');
    return { key: [gen, article.id], article };
  });

  // Mentions grouped by article; resolved ones also counted per document.
  const byArticle = new Map<string, MentionRecord[]>();
  for (const m of dataset.mentions) {
    let list = byArticle.get(m.articleId);
    if (!list) byArticle.set(m.articleId, (list = []));
    list.push(m);
  }
  const mentions: StoredMentions[] = [];
  const articlesOf: string[][] = dataset.documents.map(() => []);
  const cocited: Array<Map<number, number> | undefined> = new Array(dataset.documents.length);
  const bump = (a: number, b: number, n: number) => {
    let counts = cocited[a];
    if (!counts) cocited[a] = counts = new Map();
    counts.set(b, (counts.get(b) ?? 0) + n);
  };
  const givenCoCitations = Array.isArray(dataset.coCitations) && dataset.coCitations.length > 0 ? dataset.coCitations : undefined;
  for (const [articleId, items] of byArticle) {
    const docs: number[] = [];
    for (const m of items) {
      if (!m.documentId) continue;
      const d = docIndex.get(m.documentId);
      if (d !== undefined && !docs.includes(d)) docs.push(d);
    }
    mentions.push({ key: [gen, articleId], docs: docs.map((d): GenKey => [gen, dataset.documents[d]!.id]), items });
    for (const d of docs) articlesOf[d]!.push(articleId);
    if (givenCoCitations) continue;
    for (let i = 0; i < docs.length; i++) {
      for (let j = 0; j < docs.length; j++) {
        if (i !== j) bump(docs[i]!, docs[j]!, 1);
      }
    }
  }
  // The build's co-citations when it gives them (the same counts, computed once at build time).
  for (const c of givenCoCitations ?? []) {
    const a = docIndex.get(c.a);
    const b = docIndex.get(c.b);
    if (a === undefined || b === undefined || a === b) continue;
    bump(a, b, c.articles);
    bump(b, a, c.articles);
  }

  const citations: StoredCitations[] = [];
  const docIds = dataset.documents.map((d) => d.id);
  for (let d = 0; d < docIds.length; d++) {
    const list = articlesOf[d]!;
    const counts = cocited[d];
    if (list.length === 0 && !counts) continue;
    // Newest first; undated articles last; ties by id so the order is stable.
    list.sort((a, b) => {
      const da = articleDate.get(a) ?? '';
      const db = articleDate.get(b) ?? '';
      if (da !== db) return da < db ? 1 : -1;
      return a < b ? -1 : a > b ? 1 : 0;
    });
    const top = counts
      ? [...counts].sort((x, y) => y[1] - x[1] || (docIds[x[0]]! < docIds[y[0]]! ? -1 : 1)).slice(0, COCITED_KEEP)
      : [];
    const id = docIds[d]!;
    citations.push({ key: [gen, id, 0], total: list.length, articles: list.slice(0, CITATIONS_CHUNK), cocited: top.map(([i, n]): [string, number] => [docIds[i]!, n]) });
    for (let c = 1; c * CITATIONS_CHUNK < list.length; c++) {
      citations.push({ key: [gen, id, c], articles: list.slice(c * CITATIONS_CHUNK, (c + 1) * CITATIONS_CHUNK) });
    }
  }

  return { documents, articles, mentions, relations, citations };
}

/** Site → province table from the dataset's site records (national outlets have no province). */
export function siteTable(dataset: Dataset): SiteTable | undefined {
  if (!Array.isArray(dataset.sites)) return undefined;
  const table: Record<string, string> = {};
  for (const s of dataset.sites) if (s?.site && s.province) table[siteKey(s.site)] = s.province;
  return Object.keys(table).length ? table : undefined;
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}
