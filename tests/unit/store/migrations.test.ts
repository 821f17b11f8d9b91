import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DB_VERSION, openStore, type ActiveMeta } from '../../../lib/store/db';
import { bucketCounts, buildRecords } from '../../../lib/store/load-dataset';
import { candidatesForKeys, relatedArticles } from '../../../lib/store/queries';
import { lookupKeys } from '../../../lib/resolver/resolve';
import { fixtureDataset, freshDbName } from './fixture';

describe('IndexedDB migrations', () => {
  it('version 1 → 2 adds the alias index and backfills it, keeping the loaded dataset', async () => {
    const name = freshDbName();
    // A database as version 1 left it: no alias keys, no byAlias index.
    const v1 = await openStore(name, 1);
    expect(v1.transaction('documents').store.indexNames.contains('byAlias')).toBe(false);
    const gen = 3;
    const records = buildRecords(fixtureDataset('v1'), gen);
    const tx = v1.transaction(['documents', 'articles', 'mentions', 'relations', 'citations', 'meta'], 'readwrite');
    for (const { aliases: _dropped, ...record } of records.documents) void tx.objectStore('documents').put(record);
    for (const r of records.articles) void tx.objectStore('articles').put(r);
    for (const r of records.mentions) void tx.objectStore('mentions').put(r);
    for (const r of records.relations) void tx.objectStore('relations').put(r);
    for (const r of records.citations) void tx.objectStore('citations').put(r);
    const meta: ActiveMeta = { name: 'active', gen, version: 'v1', schema: 1, counts: { documents: 7, articles: 4, mentions: 11 }, buckets: bucketCounts(fixtureDataset('v1')), loadedAt: '', loadMs: 0 };
    void tx.objectStore('meta').put(meta);
    await tx.done;
    v1.close();

    const db = await openStore(name);
    expect(db.version).toBe(DB_VERSION);
    expect(db.transaction('documents').store.indexNames.contains('byAlias')).toBe(true);
    // An alias lookup ("Nghị quyết 57" written without its code) now finds the document…
    const bare = { raw: 'Nghị quyết 57', start: 0, end: 13, family: 'party' as const, number: '57', type: { abbr: 'NQ' }, issuer: {}, inferred: true };
    const keys = lookupKeys(bare);
    const [found] = await candidatesForKeys(db, gen, [{ codes: [], aliases: keys.aliases }]);
    expect(found!.map((d) => d.id)).toEqual(['57-NQ/TW@2024-12-22']);
    // …and what version 1 held is all still there.
    expect(await db.get('meta', 'active')).toMatchObject({ gen, version: 'v1' });
    expect((await relatedArticles(db, gen, meta.buckets, '35-CT/TW@2019-05-30', 0, 10))?.total).toBe(3);
    expect(await db.count('documents')).toBe(7);
    db.close();
  });

  it('a fresh database is created at the latest version with every store', async () => {
    const db = await openStore(freshDbName());
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['articles', 'citations', 'documents', 'mentions', 'meta', 'relations']);
    expect([...db.transaction('documents').store.indexNames].sort()).toEqual(['byAlias', 'byCode', 'byNTI', 'byYear']);
    db.close();
  });
});
