import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DATA_STORES, openStore, type VblDb } from '../../../lib/store/db';
import type { ActiveMeta } from '../../../lib/store/stored-records';
import { loadDataset } from '../../../lib/store/load-dataset';
import { buildRecords } from '../../../lib/store/record-builder';
import { candidatesFor, documentCitations, getDocument, mentionsOfArticle, mentionsOfDocument, relatedArticles } from '../../../lib/store/queries';
import { candidateLookups } from '../../../lib/resolver/candidate-keys';
import { doc, fixtureDataset, freshDbName, partyRef } from '../../helpers/dataset-fixture';

const V2_ONLY = doc({ id: '99-CT/TW@2025-01-01', code: '99-CT/TW', date: '2025-01-01', title: 'Chỉ in version two' });

/** Records per store, and `docs`: the documents held across the document buckets. */
async function counts(db: VblDb): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const store of DATA_STORES) out[store] = await db.count(store);
  out.docs = (await db.getAll('documents')).reduce((n, r) => n + r.docs.length, 0);
  return out;
}

async function buckets(db: VblDb) {
  return ((await db.get('meta', 'active')) as ActiveMeta).buckets;
}

async function activeGen(db: VblDb): Promise<number> {
  return ((await db.get('meta', 'active')) as ActiveMeta).gen;
}

describe('loadDataset', () => {
  it('loads documents, articles, grouped mentions, relations and citations under one generation', async () => {
    const db = await openStore(freshDbName());
    const outcome = await loadDataset(db, fixtureDataset('v1'), { chunkSize: 3 });
    expect(outcome.status).toBe('loaded');
    const gen = await activeGen(db);
    // Documents, articles and mentions packed in one bucket each, citations in one bucket (7 documents), one
    // index record per index kind (code, number+type+issuer, alias, year).
    expect(await counts(db)).toEqual({ documents: 1, docs: 7, indexes: 4, articles: 1, mentions: 1, relations: 3, citations: 1 });
    const b = await buckets(db);
    expect((await getDocument(db, gen, b, '57-NQ/TW@2024-12-22'))?.aliases).toEqual(['Nghị quyết 57']);
    const [byCode] = await candidatesFor(db, gen, b, [candidateLookups(partyRef('35-CT/TW'))]);
    expect(byCode!.map((d) => d.id).sort()).toEqual(['35-CT/TW@2014-05-26', '35-CT/TW@2019-05-30', '35-CT/TW@2024-06-14']);
    const meta = (await db.get('meta', 'active')) as ActiveMeta;
    expect(meta.counts).toEqual({ documents: 7, articles: 4, mentions: 11 });
    db.close();
  });

  it('is idempotent: the same version again writes nothing', async () => {
    const db = await openStore(freshDbName());
    const first = await loadDataset(db, fixtureDataset('v1'));
    const before = await counts(db);
    const again = await loadDataset(db, fixtureDataset('v1'));
    expect(again).toMatchObject({ status: 'unchanged', gen: first.gen });
    expect(await counts(db)).toEqual(before);
    db.close();
  });

  it('a new version replaces the old one and the old generation is deleted', async () => {
    const db = await openStore(freshDbName());
    await loadDataset(db, fixtureDataset('v1'));
    const second = await loadDataset(db, fixtureDataset('v2', [V2_ONLY]));
    expect(second.status).toBe('loaded');
    expect(await activeGen(db)).toBe(second.gen);
    expect((await counts(db)).docs).toBe(8);
    expect(await getDocument(db, second.gen, await buckets(db), V2_ONLY.id)).toBeDefined();
    db.close();
  });

  it('keeps mentions by article (in text order) and by document', async () => {
    const db = await openStore(freshDbName());
    const { gen } = await loadDataset(db, fixtureDataset('v1'));
    const b = await buckets(db);
    expect((await mentionsOfArticle(db, gen, b, 'a4')).map((m) => [m.documentId, m.status])).toEqual([
      ['35-CT/TW@2019-05-30', 'resolved'], ['1-HD/TEST', 'resolved'], [undefined, 'ambiguous'],
    ]);
    const byDoc = await mentionsOfDocument(db, gen, b, '35-CT/TW@2019-05-30', 0, 10);
    expect(byDoc.map((m) => m.articleId)).toEqual(['a3', 'a3', 'a1', 'a4']);
    expect(await mentionsOfArticle(db, gen, b, 'nope')).toEqual([]);
    db.close();
  });

  it('a failure mid-load leaves the previous dataset active and intact, and marks the load for retry', async () => {
    const db = await openStore(freshDbName());
    const first = await loadDataset(db, fixtureDataset('v1'), { chunkSize: 2 });
    const before = await counts(db);
    let written = 0;
    await expect(
      loadDataset(db, fixtureDataset('v2', [V2_ONLY]), {
        chunkSize: 2,
        beforeChunk: (store, chunk) => {
          written++;
          if (store === 'citations' && chunk === 0) throw new Error('disk full (simulated)');
        },
      }),
    ).rejects.toThrow('disk full');
    expect(written).toBeGreaterThan(6); // every other store was written before the failure
    expect(await activeGen(db)).toBe(first.gen);
    expect(await counts(db)).toEqual(before);
    expect(await getDocument(db, first.gen, await buckets(db), V2_ONLY.id)).toBeUndefined();
    expect((await relatedArticles(db, first.gen, await buckets(db), '35-CT/TW@2019-05-30', 0, 10))?.total).toBe(3);
    expect(await db.get('meta', 'staging')).toMatchObject({ version: 'v2' });
    expect(await db.get('meta', 'lastError')).toMatchObject({ message: expect.stringContaining('disk full') });
    // The retry succeeds and clears the marker and the error.
    const retry = await loadDataset(db, fixtureDataset('v2', [V2_ONLY]), { chunkSize: 2 });
    expect(retry.status).toBe('loaded');
    expect(await db.get('meta', 'staging')).toBeUndefined();
    expect(await db.get('meta', 'lastError')).toBeUndefined();
    expect((await counts(db)).docs).toBe(8);
    db.close();
  });

  it('a record IndexedDB cannot store fails the load without touching the active dataset', async () => {
    const db = await openStore(freshDbName());
    const first = await loadDataset(db, fixtureDataset('v1'));
    const bad = doc({ id: 'bad', code: '5-CT/TW', title: 'x' });
    (bad as unknown as { status: unknown }).status = () => 'not cloneable';
    await expect(loadDataset(db, fixtureDataset('v2', [bad]), { chunkSize: 3 })).rejects.toThrow();
    expect(await activeGen(db)).toBe(first.gen);
    expect((await counts(db)).docs).toBe(7);
    db.close();
  });

  it('after a crash that left a half-written generation, the next load clears it and succeeds', async () => {
    const name = freshDbName();
    let db = await openStore(name);
    const first = await loadDataset(db, fixtureDataset('v1'));
    // Simulate a worker killed mid-load: part of a new generation written, marker set, nothing cleaned.
    const gen = first.gen + 1;
    const partial = buildRecords(fixtureDataset('v2', [V2_ONLY]), gen);
    await db.put('meta', { name: 'staging', gen, version: 'v2', startedAt: new Date().toISOString() });
    for (const record of partial.documents.slice(0, 5)) await db.put('documents', record);
    db.close();

    db = await openStore(name); // the next start
    expect(await activeGen(db)).toBe(first.gen);
    expect(await getDocument(db, first.gen, await buckets(db), V2_ONLY.id)).toBeUndefined();
    const retry = await loadDataset(db, fixtureDataset('v2', [V2_ONLY]));
    expect(retry.gen).toBeGreaterThan(gen);
    expect(await counts(db)).toMatchObject({ docs: 8, articles: 1 });
    db.close();
  });

  it('an interrupted load of another version is cleaned up when the active version is loaded again', async () => {
    const db = await openStore(freshDbName());
    const first = await loadDataset(db, fixtureDataset('v1'));
    await db.put('meta', { name: 'staging', gen: first.gen + 1, version: 'v2', startedAt: '' });
    await db.put('documents', buildRecords(fixtureDataset('v2', [V2_ONLY]), first.gen + 1).documents[0]!);
    const again = await loadDataset(db, fixtureDataset('v1'));
    expect(again.status).toBe('unchanged');
    expect(await db.get('meta', 'staging')).toBeUndefined();
    expect((await counts(db)).docs).toBe(7);
    db.close();
  });

  it('rejects a dataset of another schema before writing anything', async () => {
    const db = await openStore(freshDbName());
    await expect(loadDataset(db, { ...fixtureDataset('v9'), schema: 999 })).rejects.toThrow(/schema/);
    expect(await db.get('meta', 'staging')).toBeUndefined();
    expect((await counts(db)).documents).toBe(0);
    db.close();
  });
});

describe('citations', () => {
  it('lists citing articles newest first (undated last) and counts co-citations', async () => {
    const db = await openStore(freshDbName());
    const { gen } = await loadDataset(db, fixtureDataset('v1'));
    const page = await relatedArticles(db, gen, await buckets(db), '35-CT/TW@2019-05-30', 0, 2);
    expect(page?.total).toBe(3);
    expect(page?.items.map((a) => a.id)).toEqual(['a3', 'a1']);
    const next = await relatedArticles(db, gen, await buckets(db), '35-CT/TW@2019-05-30', 1, 2);
    expect(next?.items.map((a) => a.id)).toEqual(['a4']);
    const cites = await documentCitations(db, gen, await buckets(db), '35-CT/TW@2019-05-30');
    expect(cites?.cocited).toEqual([['1-HD/TEST', 3], ['57-NQ/TW@2024-12-22', 1]]);
    db.close();
  });

  it('uses the co-citations the build gives when there are any', async () => {
    const db = await openStore(freshDbName());
    const data = { ...fixtureDataset('v1'), coCitations: [{ a: '17-KH/TW@2023-07-07', b: '35-CT/TW@2019-05-30', articles: 7 }] };
    const { gen } = await loadDataset(db, data);
    expect((await documentCitations(db, gen, await buckets(db), '35-CT/TW@2019-05-30'))?.cocited).toEqual([['17-KH/TW@2023-07-07', 7]]);
    expect((await documentCitations(db, gen, await buckets(db), '17-KH/TW@2023-07-07'))?.cocited).toEqual([['35-CT/TW@2019-05-30', 7]]);
    db.close();
  });

  it('pages through a much-cited document across citation chunks, newest first', async () => {
    const db = await openStore(freshDbName());
    const base = fixtureDataset('v1');
    const n = 2350;
    const articles = Array.from({ length: n }, (_, i) => ({
      id: `m${i}`, url: `http://127.0.0.1/m${i}`, outlet: 'Báo Thử', title: `Bài ${i}`,
      date: new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10),
    }));
    const mentions = articles.map((a) => ({ articleId: a.id, documentId: '17-KH/TW@2023-07-07', code: '17-KH/TW', raw: '17-KH/TW', start: 0, end: 8, status: 'resolved' as const }));
    const { gen } = await loadDataset(db, { ...base, articles: [...base.articles, ...articles], mentions: [...base.mentions, ...mentions] });
    const seen: string[] = [];
    for (let page = 0; ; page++) {
      const got = await relatedArticles(db, gen, await buckets(db), '17-KH/TW@2023-07-07', page, 70);
      expect(got?.total).toBe(n);
      if (!got || got.items.length === 0) break;
      seen.push(...got.items.map((a) => a.id));
    }
    expect(seen).toEqual(articles.map((a) => a.id).reverse());
    // The first 100 with the document, then 100–1099, 1100–2099, 2100–2349 in three overflow records.
    expect(await db.count('citations', IDBKeyRange.bound([gen, '17-KH/TW@2023-07-07'], [gen, '17-KH/TW@2023-07-07', []]))).toBe(3);
    const tail = await relatedArticles(db, gen, await buckets(db), '17-KH/TW@2023-07-07', 0, 100);
    expect(tail?.items[99]?.id).toBe(`m${n - 100}`);
    const across = await relatedArticles(db, gen, await buckets(db), '17-KH/TW@2023-07-07', 10, 100); // 1000–1099
    expect(across?.items.map((a) => a.id)).toEqual(articles.slice(n - 1100, n - 1000).map((a) => a.id).reverse());
    // Its newest 20 articles are kept with its citations: the first page (20, or 5 and the next 5) is answered
    // from that record alone — still right with every article bucket gone.
    const b = await buckets(db);
    expect((await documentCitations(db, gen, b, '17-KH/TW@2023-07-07'))?.newest?.map((a) => a.id)).toEqual(seen.slice(0, 20));
    expect((await documentCitations(db, gen, b, '35-CT/TW@2019-05-30'))?.newest).toBeUndefined(); // cited 3 times
    await db.clear('articles');
    expect((await relatedArticles(db, gen, b, '17-KH/TW@2023-07-07', 0, 20))?.items.map((a) => a.id)).toEqual(seen.slice(0, 20));
    expect((await relatedArticles(db, gen, b, '17-KH/TW@2023-07-07', 1, 5))?.items).toEqual(articles.slice(n - 10, n - 5).reverse());
    expect((await relatedArticles(db, gen, b, '17-KH/TW@2023-07-07', 1, 20))?.items).toEqual([]); // beyond: from the buckets
    db.close();
  });
});
