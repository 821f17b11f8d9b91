/**
 * The record page's lookups: every article citing a document (paged, newest first, filtered by outlet and year,
 * with what each sentence stated) and every document sharing a code, through the client as the page asks them,
 * from IndexedDB (cold worker) and from memory (warm) alike.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createLookupClient, LookupError } from '../../../lib/lookup/client';
import { listenForLookups } from '../../../lib/lookup/listen';
import { parseRequest } from '../../../lib/lookup/messages';
import { LookupService } from '../../../lib/lookup/service';
import type { ArticleRecord, Dataset, MentionRecord } from '../../../lib/records/schema';
import { fixtureDataset, freshDbName } from '../../helpers/dataset-fixture';
import { deliverAsExtension } from '../../helpers/deliver-as-extension';

let service: LookupService;
let stop: () => void;

const DOC = '35-CT/TW@2019-05-30';
/** 25 more invented articles citing 35-CT/TW of 2019 in two outlets over three years, each sentence stating something. */
function dataset(): Dataset {
  const base = fixtureDataset('v1');
  const articles: ArticleRecord[] = [];
  const mentions: MentionRecord[] = [];
  for (let i = 0; i < 25; i++) {
    const year = 2019 + (i % 3);
    const id = `r${String(i).padStart(2, '0')}`;
    articles.push({ id, url: `http://127.0.0.1/${id}`, outlet: i % 5 === 0 ? 'Báo Hai' : 'Báo Một', title: `Bài ${i}`, date: `${year}-0${1 + (i % 9)}-1${i % 10}` });
    mentions.push({ articleId: id, documentId: DOC, code: '35-CT/TW', raw: 'Chỉ thị số 35-CT/TW', start: 0, end: 19, status: 'resolved', date: '2019-05-30', issuerName: 'Bộ Chính trị', term: 'XII' });
    // The same reading twice is said once; another document's mention in the article is not this one's.
    mentions.push({ articleId: id, documentId: DOC, code: '35-CT/TW', raw: 'Chỉ thị số 35-CT/TW', start: 50, end: 69, status: 'resolved', date: '2019-05-30', issuerName: 'Bộ Chính trị', term: 'XII' });
    if (i === 3) mentions.push({ articleId: id, documentId: DOC, code: '35-CT/TW', raw: 'Chỉ thị 35', start: 80, end: 90, status: 'resolved' });
    mentions.push({ articleId: id, documentId: '57-NQ/TW@2024-12-22', code: '57-NQ/TW', raw: '57-NQ/TW', start: 100, end: 108, status: 'resolved', date: '2024-12-22' });
  }
  return { ...base, articles: [...base.articles, ...articles], mentions: [...base.mentions, ...mentions] };
}

function start(dbName = freshDbName()) {
  service = new LookupService({ source: async () => dataset(), extVersion: '1.0.0', dbName });
  stop = listenForLookups(service);
}

beforeEach(() => {
  fakeBrowser.reset();
  deliverAsExtension();
});
afterEach(async () => {
  stop?.();
  await service?.close();
  vi.restoreAllMocks();
});

describe('citingArticles', () => {
  it('pages every citing article newest first, with what each sentence stated (repeated readings once)', async () => {
    start();
    await service.ensureDataset();
    const client = createLookupClient();
    const first = (await client.citingArticles(DOC, { pageSize: 10 }))!;
    expect(first.total).toBe(28); // 25 here + a1, a3, a4 of the fixture
    expect(first.all).toBe(28);
    expect(first.items).toHaveLength(10);
    const dates = first.items.map((c) => c.article.date ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
    const r03 = (await client.citingArticles(DOC, { pageSize: 100 }))!.items.find((c) => c.article.id === 'r03')!;
    expect(r03.stated).toEqual([
      { raw: 'Chỉ thị số 35-CT/TW', date: '2019-05-30', issuerName: 'Bộ Chính trị', term: 'XII' },
      { raw: 'Chỉ thị 35' },
    ]);
    // Pages follow on without overlap, and the last page is short.
    const pages = await Promise.all([0, 1, 2].map((page) => client.citingArticles(DOC, { page, pageSize: 10 })));
    const ids = pages.flatMap((p) => p!.items.map((c) => c.article.id));
    expect(ids).toHaveLength(28);
    expect(new Set(ids).size).toBe(28);
    expect(pages[2]!.items).toHaveLength(8);
  });

  it('filters by outlet and year, and counts outlets and years over all citing articles', async () => {
    start();
    await service.ensureDataset();
    const client = createLookupClient();
    const all = (await client.citingArticles(DOC))!;
    expect(all.outlets).toEqual([
      { name: 'Báo Một', count: 20 },
      { name: 'Báo Hai', count: 5 },
      { name: 'Báo Thử', count: 3 },
    ]);
    expect(all.years.map((y) => y.year)).toEqual(['2021', '2020', '2019']);
    expect(all.years.find((y) => y.year === '2020')).toEqual({ year: '2020', count: 9 }); // 8 here + a3
    const hai = (await client.citingArticles(DOC, { outlet: 'Báo Hai' }))!;
    expect(hai.total).toBe(5);
    expect(hai.items.every((c) => c.article.outlet === 'Báo Hai')).toBe(true);
    expect(hai.all).toBe(28);
    expect(hai.outlets).toEqual(all.outlets);
    const both = (await client.citingArticles(DOC, { outlet: 'Báo Một', year: '2021' }))!;
    expect(both.items.length).toBe(both.total);
    expect(both.total).toBe(6); // i = 2, 8, 11, 14, 17, 23
    expect(both.items.every((c) => c.article.outlet === 'Báo Một' && c.article.date!.startsWith('2021'))).toBe(true);
    expect((await client.citingArticles(DOC, { outlet: 'Không có' }))!.total).toBe(0);
  });

  it('answers the same cold (IndexedDB) and warm (memory), and undefined for an unknown document', async () => {
    const dbName = freshDbName();
    start(dbName);
    await service.ensureDataset();
    await service.close();
    stop();
    start(dbName);
    const client = createLookupClient();
    const cold = await client.citingArticles(DOC, { page: 1, pageSize: 7, year: '2020' });
    await service.warm();
    expect(await client.citingArticles(DOC, { page: 1, pageSize: 7, year: '2020' })).toEqual(cold);
    expect(await client.citingArticles('no-such-id')).toBeUndefined();
    // A document no article cites has an empty list, not an error.
    expect(await client.citingArticles('17-KH/TW@2023-07-07')).toMatchObject({ items: [], total: 0, all: 0, outlets: [], years: [] });
  });

  it('refuses malformed requests', () => {
    expect(parseRequest({ op: 'citingArticles', id: DOC, year: '19' })).toHaveProperty('error');
    expect(parseRequest({ op: 'citingArticles', id: DOC, outlet: 3 })).toHaveProperty('error');
    expect(parseRequest({ op: 'citingArticles', id: DOC, pageSize: 1000 })).toHaveProperty('error');
    expect(parseRequest({ op: 'citingArticles', id: DOC, year: '2020', outlet: 'Báo Một' })).toEqual({
      request: { op: 'citingArticles', id: DOC, page: 0, pageSize: 20, year: '2020', outlet: 'Báo Một' },
    });
    expect(parseRequest({ op: 'byCode', code: '' })).toHaveProperty('error');
    expect(parseRequest({ op: 'byCode', code: 'x'.repeat(201) })).toHaveProperty('error');
  });
});

describe('byCode', () => {
  it.each([['35-CT/TW'], ['35-CT/TƯ'], ['035-CT/TW'], ['35/CT-TW'], ['  35 - CT/TW ']])('"%s" lists every 35-CT/TW, oldest first', async (code) => {
    start();
    await service.ensureDataset();
    const client = createLookupClient();
    expect((await client.byCode(code)).map((d) => d.id)).toEqual(['35-CT/TW@2014-05-26', '35-CT/TW@2019-05-30', '35-CT/TW@2024-06-14']);
    await service.warm();
    expect((await client.byCode(code)).map((d) => d.id)).toEqual(['35-CT/TW@2014-05-26', '35-CT/TW@2019-05-30', '35-CT/TW@2024-06-14']);
  });

  it('an unknown code is an empty list; an empty one a bad request', async () => {
    start();
    await service.ensureDataset();
    const client = createLookupClient();
    expect(await client.byCode('999-CT/TW')).toEqual([]);
    await expect(client.byCode(' ')).rejects.toBeInstanceOf(LookupError);
  });
});
