import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DATASET_SCHEMA } from '../../../lib/records/schema';
import { DB_VERSION, openStore, type VblDb } from '../../../lib/store/db';
import type { ActiveMeta, GenKey, LegacyStoredDocument } from '../../../lib/store/stored-records';
import { loadDataset } from '../../../lib/store/load-dataset';
import { bucketCounts, buildRecords } from '../../../lib/store/record-builder';
import { candidatesFor, documentsByIndex, getDocument, relatedArticles, relatedDocuments, sameCodeOtherTerms } from '../../../lib/store/queries';
import { candidateLookups, documentKeys, lookupKeys, ntiKey } from '../../../lib/resolver/candidate-keys';
import { fixtureDataset, freshDbName, partyRef } from '../../helpers/dataset-fixture';

/** Documents as versions 1 and 2 stored them: one record each with native index keys (aliases from version 2). */
function legacyDocuments(gen: number, withAliases: boolean, version = 'v1'): LegacyStoredDocument[] {
  return fixtureDataset(version).documents.map((doc) => {
    const keys = documentKeys(doc);
    const year = /^(\d{4})/.exec(doc.date ?? '')?.[1];
    return {
      key: [gen, doc.id],
      code: [gen, keys.code],
      nti: [gen, ...keys.numberTypeIssuer],
      ...(year ? { year: [gen, Number(year)] as [number, number] } : {}),
      ...(withAliases ? { aliases: keys.aliases.map((a): GenKey => [gen, a]) } : {}),
      doc,
    };
  });
}

/** A database at `version` (1 or 2) holding the fixture dataset in generation `gen`, as that version wrote it. */
async function legacyDatabase(name: string, version: 1 | 2, gen: number, leftover?: number): Promise<ActiveMeta> {
  const db = await openStore(name, version);
  const records = buildRecords(fixtureDataset('v1'), gen);
  const stores = ['documents', 'articles', 'mentions', 'relations', 'citations', 'meta'] as const;
  const tx = (db as unknown as { transaction(s: readonly string[], m: 'readwrite'): { objectStore(s: string): { put(v: unknown): unknown }; done: Promise<void> } }).transaction(stores, 'readwrite');
  for (const r of legacyDocuments(gen, version === 2)) void tx.objectStore('documents').put(r);
  // Half of an interrupted load's generation, as a killed worker leaves it.
  if (leftover !== undefined) for (const r of legacyDocuments(leftover, version === 2, 'v2').slice(0, 3)) void tx.objectStore('documents').put(r);
  for (const store of ['articles', 'mentions', 'relations', 'citations'] as const) for (const r of records[store]) void tx.objectStore(store).put(r);
  const meta: ActiveMeta = { name: 'active', gen, version: 'v1', schema: DATASET_SCHEMA, counts: { documents: 7, articles: 4, mentions: 11 }, buckets: bucketCounts(fixtureDataset('v1')) as ActiveMeta['buckets'], loadedAt: '', loadMs: 0 };
  void tx.objectStore('meta').put(meta);
  if (leftover !== undefined) void tx.objectStore('meta').put({ name: 'staging', gen: leftover, version: 'v2', startedAt: '' });
  await tx.done;
  db.close();
  return meta;
}

/** What a loaded dataset must answer after the migration, read through the version 3 layout. */
async function expectFixtureAnswers(db: VblDb, gen: number) {
  const meta = (await db.get('meta', 'active')) as ActiveMeta;
  expect(meta).toMatchObject({ gen, version: 'v1' });
  const b = meta.buckets;
  expect(b.documents).toBeGreaterThan(0);
  expect(Object.keys(b.indexes).sort()).toEqual(['alias', 'code', 'nti', 'year']);
  // By code, by alias ("Nghị quyết 57" without its code), by number+type+issuer, by year.
  const [byCode] = await candidatesFor(db, gen, b, [candidateLookups(partyRef('35-CT/TW'))]);
  expect(byCode!.map((d) => d.id).sort()).toEqual(['35-CT/TW@2014-05-26', '35-CT/TW@2019-05-30', '35-CT/TW@2024-06-14']);
  const bare = { raw: 'Nghị quyết 57', start: 0, end: 13, family: 'party' as const, number: '57', type: { abbr: 'NQ' }, issuer: {}, inferred: true };
  const [byAlias] = await candidatesFor(db, gen, b, [lookupKeys(bare).aliases.map((a) => ['alias', a] as const)]);
  expect(byAlias!.map((d) => d.id)).toEqual(['57-NQ/TW@2024-12-22']);
  const nti = documentKeys(fixtureDataset('v1').documents[0]!).numberTypeIssuer;
  const [byNTI] = await candidatesFor(db, gen, b, [[['nti', ntiKey(nti)]]]);
  expect(byNTI).toHaveLength(3);
  expect((await documentsByIndex(db, gen, b, 'year', '2024')).map((d) => d.id).sort()).toEqual(['35-CT/TW@2024-06-14', '57-NQ/TW@2024-12-22']);
  expect((await sameCodeOtherTerms(db, gen, b, '35-CT/TW@2019-05-30'))!.map((d) => d.id)).toEqual(['35-CT/TW@2014-05-26', '35-CT/TW@2024-06-14']);
  expect((await getDocument(db, gen, b, '17-KH/TW@2023-07-07'))?.code).toBe('17-KH/TW');
  expect((await relatedDocuments(db, gen, b, '2-KH/TEST'))!.map((r) => r.document.id)).toEqual(['1-HD/TEST']);
  expect((await relatedArticles(db, gen, b, '35-CT/TW@2019-05-30', 0, 10))?.total).toBe(3);
  expect((await db.getAll('documents')).reduce((n, r) => n + r.docs.length, 0)).toBe(7);
}

describe('IndexedDB migrations', () => {
  it('version 2 → 3 repacks the loaded documents and writes their index records, keeping the dataset usable', async () => {
    const name = freshDbName();
    await legacyDatabase(name, 2, 3);
    const db = await openStore(name);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames]).toContain('indexes');
    expect([...db.transaction('documents').store.indexNames]).toEqual([]);
    await expectFixtureAnswers(db, 3);
    // The same version loads as unchanged: no reload was needed.
    expect((await loadDataset(db, fixtureDataset('v1'))).status).toBe('unchanged');
    db.close();
  });

  it('version 1 → 3 runs both steps (alias keys, then packing)', async () => {
    const name = freshDbName();
    await legacyDatabase(name, 1, 5);
    const db = await openStore(name);
    expect(db.version).toBe(DB_VERSION);
    await expectFixtureAnswers(db, 5);
    db.close();
  });

  it('an interrupted load left behind by version 2 is dropped by the migration and retried afterwards', async () => {
    const name = freshDbName();
    await legacyDatabase(name, 2, 3, 4);
    const db = await openStore(name);
    await expectFixtureAnswers(db, 3);
    expect(await db.get('meta', 'staging')).toMatchObject({ version: 'v2' });
    const retry = await loadDataset(db, fixtureDataset('v2'));
    expect(retry).toMatchObject({ status: 'loaded' });
    expect(retry.gen).toBeGreaterThan(4);
    expect(await db.get('meta', 'staging')).toBeUndefined();
    expect(await db.count('documents')).toBe((await db.get('meta', 'active') as ActiveMeta).buckets.documents);
    db.close();
  });

  it('a database without a dataset migrates to empty stores', async () => {
    const name = freshDbName();
    (await openStore(name, 2)).close();
    const db = await openStore(name);
    expect(await db.count('documents')).toBe(0);
    expect(await db.count('indexes')).toBe(0);
    db.close();
  });

  it('a fresh database is created at the latest version with every store and no native document index', async () => {
    const db = await openStore(freshDbName());
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['articles', 'citations', 'documents', 'indexes', 'mentions', 'meta', 'relations']);
    expect([...db.transaction('documents').store.indexNames]).toEqual([]);
    db.close();
  });
});
