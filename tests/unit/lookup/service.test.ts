import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createLookupClient, fetchDatasetStatus, fetchSearchFacets, findDocuments, LookupError, resetLocalData } from '../../../lib/lookup/client';
import { listenForLookups } from '../../../lib/lookup/listen';
import { LOOKUP_CHANNEL, type LookupResponse } from '../../../lib/lookup/messages';
import { LookupService } from '../../../lib/lookup/service';
import type { Dataset } from '../../../lib/records/schema';
import { openStore } from '../../../lib/store/db';
import { buildRecords } from '../../../lib/store/record-builder';
import { DatasetIntegrityError } from '../../../lib/store/dataset-integrity';
import { doc, fixtureDataset, freshDbName, partyRef } from '../../helpers/dataset-fixture';
import { deliverAsExtension } from '../../helpers/deliver-as-extension';
import type { Reference } from '../../../lib/detector/types';

let service: LookupService;
let stop: () => void;

function start(source: () => Promise<Dataset>, dbName = freshDbName()) {
  service = new LookupService({ source, extVersion: '1.0.0', dbName });
  stop = listenForLookups(service);
  return service;
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

describe('lookup service through the client', () => {
  it('resolves a batch in one round trip, in order, with reasons', async () => {
    start(async () => fixtureDataset('v1'));
    await service.ensureDataset();
    const client = createLookupClient();
    const refs = [
      partyRef('35-CT/TW', { date: '2019-05-30' }),
      partyRef('35-CT/TW', { subject: 'về tăng cường sự lãnh đạo của Đảng đối với công tác tiếp công dân và giải quyết khiếu nại, tố cáo' }),
      partyRef('999-CT/TW'),
      partyRef('57-NQ/TW'),
    ];
    const out = await client.resolve(refs, { pageDate: '2025-03-01' });
    expect(fakeBrowser.runtime.sendMessage).toHaveBeenCalledTimes(1);
    expect(out).toHaveLength(4);
    expect(out[0]!.status).toBe('resolved');
    expect(out[0]!.candidates[0]!.id).toBe('35-CT/TW@2019-05-30');
    expect(out[0]!.candidates[0]!.reasons.length).toBeGreaterThan(0);
    expect(out[1]!.candidates[0]!.id).toBe('35-CT/TW@2014-05-26');
    expect(out[2]).toMatchObject({ status: 'unresolved', candidates: [] });
    expect(out[3]!.candidates.map((c) => c.id)).toEqual(['57-NQ/TW@2024-12-22']);
    // The page's date is context too: a 2020 page cannot cite the 2024 resolution.
    const [early] = await client.resolve([partyRef('57-NQ/TW')], { pageDate: '2020-03-01' });
    expect(early!.status).not.toBe('resolved');
  });

  it('takes the codes the page cites in full as context: a short name prefers the one spelled out there', async () => {
    const decree = (id: string, code: string, date: string) =>
      doc({ id, code, date, family: 'state', number: '100', typeAbbr: 'NĐ', typeName: 'Nghị định', issuerAbbr: 'CP', issuer: 'Chính phủ' });
    start(async () => fixtureDataset('v1', [decree('100/2016/NĐ-CP', '100/2016/NĐ-CP', '2016-07-01'), decree('100/2019/NĐ-CP', '100/2019/NĐ-CP', '2019-12-30')]));
    await service.ensureDataset();
    const short: Reference = { raw: 'Nghị định 100', start: 0, end: 13, family: 'state', number: '100', type: { abbr: 'NĐ', name: 'Nghị định' }, issuer: {}, inferred: true };
    const client = createLookupClient();
    const [alone] = await client.resolve([short], { pageDate: '2024-01-01' });
    expect(alone!.status).toBe('ambiguous');
    const [withPage] = await client.resolve([short], { pageDate: '2024-01-01', pageCodes: ['100/2016/NĐ-CP'] });
    expect(withPage!.candidates[0]!.id).toBe('100/2016/NĐ-CP');
  });

  it('answers the same from IndexedDB (cold worker) as from memory (warm)', async () => {
    const dbName = freshDbName();
    start(async () => fixtureDataset('v1'), dbName);
    await service.ensureDataset();
    await service.close();
    // A restarted worker: its first batch is answered from the IndexedDB indexes while memory fills.
    service = new LookupService({ source: async () => fixtureDataset('v1'), extVersion: '1.0.0', dbName });
    stop();
    stop = listenForLookups(service);
    const client = createLookupClient();
    const refs = [partyRef('35-CT/TW'), partyRef('35-CT/TW', { term: 'XII' }), partyRef('57-NQ/TW'), partyRef('1-HD/TEST'), partyRef('404-CT/TW'),
      { raw: 'Nghị quyết 57', start: 0, end: 13, family: 'party' as const, number: '57', type: { abbr: 'NQ', name: 'Nghị quyết' }, issuer: {}, inferred: true }];
    const cold = await client.resolve(refs, { pageDate: '2025-01-01' });
    const coldSame = await client.sameCodeOtherTerms('35-CT/TW@2014-05-26');
    const related = ['1-HD/TEST', '2-KH/TEST', '35-CT/TW@2019-05-30'];
    const coldRelated = await Promise.all(related.map((id) => client.card(id).then((c) => c!.related)));
    const coldArticles = await client.relatedArticles('35-CT/TW@2019-05-30');
    await service.warm();
    expect(await client.resolve(refs, { pageDate: '2025-01-01' })).toEqual(cold);
    expect(await client.sameCodeOtherTerms('35-CT/TW@2014-05-26')).toEqual(coldSame);
    // Relations from memory (outgoing from the document, incoming from the cache) in the store's order.
    expect(await Promise.all(related.map((id) => client.card(id).then((c) => c!.related)))).toEqual(coldRelated);
    expect(coldRelated[0]!.map((r) => r.kind ?? r.why)).toEqual(['guides', 'implements-by', 'co-citation']);
    expect(coldRelated[2]!.map((r) => [r.document.id, r.kind ?? r.why])).toContainEqual(['1-HD/TEST', 'guides-by']);
    expect(await client.relatedArticles('35-CT/TW@2019-05-30')).toEqual(coldArticles);
    expect(cold[1]!.candidates[0]!.id).toBe('35-CT/TW@2019-05-30');
    expect(cold[5]!.candidates.map((c) => c.id)).toContain('57-NQ/TW@2024-12-22');
  });

  it('answers document, related articles, related documents and same code other terms', async () => {
    start(async () => fixtureDataset('v1'));
    const client = createLookupClient();
    // No explicit ensure: the first query waits for the load in progress.
    void service.ensureDataset();
    expect((await client.document('57-NQ/TW@2024-12-22'))?.title).toMatch(/chuyển đổi số/);
    expect(await client.document('no-such-id')).toBeUndefined();

    const articles = await client.relatedArticles('35-CT/TW@2019-05-30', { pageSize: 2 });
    expect(articles.total).toBe(3);
    expect(articles.items.map((a) => a.id)).toEqual(['a3', 'a1']);

    const related = (await client.card('1-HD/TEST'))!.related;
    expect(related.map((r) => [r.document.id, r.why, r.kind ?? r.strength])).toEqual([
      ['35-CT/TW@2019-05-30', 'relation', 'guides'],
      ['2-KH/TEST', 'relation', 'implements-by'],
      ['57-NQ/TW@2024-12-22', 'co-citation', 1],
    ]);

    const others = await client.sameCodeOtherTerms('35-CT/TW@2019-05-30');
    expect(others.map((d) => d.id)).toEqual(['35-CT/TW@2014-05-26', '35-CT/TW@2024-06-14']);
  });

  it('reports the dataset status', async () => {
    start(async () => fixtureDataset('v7'));
    await service.ensureDataset();
    expect(await fetchDatasetStatus()).toMatchObject({ ready: true, version: 'v7', documents: 7, articles: 4, mentions: 11 });
  });
});

describe('search', () => {
  beforeEach(async () => {
    start(async () => fixtureDataset('v1'));
    await service.ensureDataset();
  });

  it.each([
    ['chi thi 35', '35-CT/TW'],
    ['Chỉ thị 35', '35-CT/TW'],
    ['CHỈ THỊ SỐ 35', '35-CT/TW'],
    ['nghi quyet 57', '57-NQ/TW'],
    ['Nghị quyết 57', '57-NQ/TW'],
    ['ke hoach 17 kh tw', '17-KH/TW'],
    ['17-KH/TW', '17-KH/TW'],
    ['chuyen doi so', '57-NQ/TW'],
    ['tiep cong dan', '35-CT/TW'],
  ])('"%s" finds %s first', async (query, code) => {
    const hits = await createLookupClient().search(query);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]!.document.code).toBe(code);
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);
  });

  it('ranks every 35-CT/TW above other documents and tells them apart by subject', async () => {
    const hits = await createLookupClient().search('chi thi 35 tiep cong dan');
    expect(hits[0]!.document.id).toBe('35-CT/TW@2014-05-26');
    const all = await createLookupClient().search('chi thi 35');
    expect(all.slice(0, 3).map((h) => h.document.code)).toEqual(['35-CT/TW', '35-CT/TW', '35-CT/TW']);
  });

  it('returns nothing for an empty or meaningless query, and respects the limit', async () => {
    expect(await createLookupClient().search('   ')).toEqual([]);
    expect(await createLookupClient().search('xyzzy')).toEqual([]);
    expect(await createLookupClient().search('tw', 2)).toHaveLength(2);
  });
});

describe('service errors', () => {
  beforeEach(async () => {
    start(async () => fixtureDataset('v1'));
    await service.ensureDataset();
  });

  const expectError = async (promise: Promise<unknown>, code: string) => {
    const error = await promise.then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(LookupError);
    expect((error as LookupError).code).toBe(code);
  };

  it('unknown ids are not-found', async () => {
    const client = createLookupClient();
    await expectError(client.relatedArticles('nope'), 'not-found');
    expect(await client.card('nope')).toBeUndefined();
    await expectError(client.sameCodeOtherTerms('nope'), 'not-found');
  });

  it.each([
    ['no request', {}],
    ['unknown op', { op: 'dropDatabase' }],
    ['refs not an array', { op: 'resolve', refs: 'x', page: {} }],
    ['a reference without offsets', { op: 'resolve', refs: [{ raw: '1', family: 'party', type: {}, issuer: {}, inferred: false }], page: {} }],
    ['a series flag that is not a boolean', { op: 'resolve', refs: [{ raw: '19/NQ-CP', start: 0, end: 8, family: 'state', type: {}, issuer: {}, inferred: false, several: 'yes' }], page: {} }],
    ['page passages that are not strings', { op: 'resolve', refs: [{ raw: '08-NQ/TW', start: 0, end: 8, family: 'party', type: {}, issuer: {}, inferred: false, pageContexts: [{ $ne: 1 }] }], page: {} }],
    ['too many page passages', { op: 'resolve', refs: [{ raw: '08-NQ/TW', start: 0, end: 8, family: 'party', type: {}, issuer: {}, inferred: false, pageContexts: new Array(50).fill('the thao') }], page: {} }],
    ['too many refs', { op: 'resolve', refs: new Array(2001).fill(0), page: {} }],
    ['page date not a string', { op: 'resolve', refs: [], page: { pageDate: 7 } }],
    ['page codes not strings', { op: 'resolve', refs: [], page: { pageCodes: [1, 2] } }],
    ['too many page codes', { op: 'resolve', refs: [], page: { pageCodes: new Array(201).fill('1-CT/TW') } }],
    ['empty id', { op: 'document', id: '' }],
    ['page size too large', { op: 'relatedArticles', id: 'x', pageSize: 10_000 }],
    ['negative page', { op: 'relatedArticles', id: 'x', page: -1 }],
    ['query not a string', { op: 'search', query: { $ne: 1 } }],
  ])('%s is a bad-request', async (_label, request) => {
    const response = (await fakeBrowser.runtime.sendMessage({ channel: LOOKUP_CHANNEL, request })) as LookupResponse;
    expect(response).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    // The service still answers afterwards.
    expect((await createLookupClient().document('57-NQ/TW@2024-12-22'))?.code).toBe('57-NQ/TW');
  });

  it('messages from outside the extension are refused', async () => {
    const response = await service.respond({ channel: LOOKUP_CHANNEL, request: { op: 'status' } }, { id: 'someone-else' }, fakeBrowser.runtime.id);
    expect(response).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const noSender = await service.respond({ channel: LOOKUP_CHANNEL, request: { op: 'status' } }, {}, fakeBrowser.runtime.id);
    expect(noSender.ok).toBe(false);
  });

  it('other extensions\u2019 messages to this listener are left for other listeners', async () => {
    let answered: unknown = 'untouched';
    const results = await fakeBrowser.runtime.onMessage.trigger({ type: 'settings' }, { id: fakeBrowser.runtime.id }, (r: unknown) => (answered = r));
    expect(results).toEqual([undefined]);
    expect(answered).toBe('untouched');
  });

  it('an empty batch resolves to an empty list', async () => {
    expect(await createLookupClient().resolve([], {})).toEqual([]);
  });
});

describe('dataset readiness', () => {
  it('is unreadable at once when the first load fails (saying what failed), and loads on the next start', async () => {
    const dbName = freshDbName();
    start(async () => {
      throw new Error('bundled file missing (simulated)');
    }, dbName);
    await expect(service.ensureDataset()).rejects.toThrow('missing');
    const error = await createLookupClient().document('57-NQ/TW@2024-12-22').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'unreadable', detail: 'load-failed' });
    expect(await fetchDatasetStatus()).toMatchObject({ ready: false, problem: 'load-failed', lastError: 'The bundled dataset could not be loaded: bundled file missing (simulated).' });
    stop();
    await service.close();

    start(async () => fixtureDataset('v1'), dbName);
    expect(await service.ensureDataset()).toMatchObject({ status: 'loaded' });
    expect(await fetchDatasetStatus()).toMatchObject({ ready: true, version: 'v1' });
    expect((await fetchDatasetStatus()).lastError).toBeUndefined();
  });

  it('a broken bundle: lookups fail at once as unreadable with its kind; reload tries again and recovers when the bundle is sound', async () => {
    let broken = true;
    start(async () => {
      if (broken) throw new DatasetIntegrityError('truncated', 'the data file dataset.json.gz is truncated: 1,000 of 258,121 bytes');
      return fixtureDataset('v1');
    });
    // The first lookup waits for the start-up load only, then fails with what failed (no waiting for retries).
    void service.ensureDataset().catch(() => {});
    const error = await createLookupClient().resolve([partyRef('35-CT/TW')], {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LookupError);
    expect(error).toMatchObject({ code: 'unreadable', detail: 'truncated', message: expect.stringContaining('truncated: 1,000 of 258,121 bytes') });
    expect(await fetchDatasetStatus()).toMatchObject({ ready: false, problem: 'truncated' });
    // Still broken: reload answers the status, with the problem.
    expect(await createLookupClient().reload!()).toMatchObject({ ready: false, problem: 'truncated' });
    broken = false;
    const after = await createLookupClient().reload!();
    expect(after).toMatchObject({ ready: true, version: 'v1' });
    expect(after.problem).toBeUndefined();
    expect((await createLookupClient().document('35-CT/TW@2014-05-26'))?.code).toBe('35-CT/TW');
  });

  it('keeps answering from the old dataset while a new one fails to load, and retries on the next start', async () => {
    const dbName = freshDbName();
    start(async () => fixtureDataset('v1'), dbName);
    await service.ensureDataset();
    stop();
    await service.close();

    // Update: the new bundle is corrupt.
    service = new LookupService({ source: async () => ({ ...fixtureDataset('v2'), documents: 'oops' }) as unknown as Dataset, extVersion: '1.1.0', dbName });
    stop = listenForLookups(service);
    await expect(service.ensureDataset(true)).rejects.toThrow();
    expect((await createLookupClient().document('35-CT/TW@2014-05-26'))?.code).toBe('35-CT/TW');
    expect(await fetchDatasetStatus()).toMatchObject({ ready: true, version: 'v1', lastError: expect.stringContaining('documents') });
  });

  it('at start, a current dataset is not read again; a new extension version re-checks it', async () => {
    const dbName = freshDbName();
    const source = vi.fn(async () => fixtureDataset('v1'));
    start(source, dbName);
    await service.ensureDataset();
    expect(await service.ensureDataset()).toBe('current');
    expect(source).toHaveBeenCalledTimes(1);
    expect(await service.ensureDataset(true)).toMatchObject({ status: 'unchanged' });
    expect(source).toHaveBeenCalledTimes(2);
  });

  it('on update, the same bundled version is recognised from the manifest alone', async () => {
    const dbName = freshDbName();
    start(async () => fixtureDataset('v1'), dbName);
    await service.ensureDataset();
    stop();
    await service.close();

    const source = vi.fn(async () => fixtureDataset('v1'));
    service = new LookupService({ source, sourceVersion: async () => 'v1', extVersion: '1.1.0', dbName });
    stop = listenForLookups(service);
    expect(await service.ensureDataset(true)).toBe('current');
    expect(source).not.toHaveBeenCalled();
    // The new extension version is remembered: the next start does not check again.
    expect(await service.ensureDataset()).toBe('current');

    stop();
    await service.close();
    const newer = vi.fn(async () => fixtureDataset('v2'));
    service = new LookupService({ source: newer, sourceVersion: async () => 'v2', extVersion: '1.2.0', dbName });
    stop = listenForLookups(service);
    expect(await service.ensureDataset(true)).toMatchObject({ status: 'loaded', version: 'v2' });
    expect(newer).toHaveBeenCalledTimes(1);
  });

  it('a load the worker did not finish (marker left) is retried at the next start, even by the same extension version', async () => {
    const dbName = freshDbName();
    start(async () => fixtureDataset('v1'), dbName);
    const first = await service.ensureDataset();
    stop();
    await service.close();
    // What a worker killed mid-load leaves: the staging marker and part of a new generation.
    const db = await openStore(dbName);
    const gen = (first as { gen: number }).gen + 1;
    await db.put('meta', { name: 'staging', gen, version: 'v2', startedAt: '' });
    await db.put('documents', buildRecords(fixtureDataset('v2'), gen).documents[0]!);
    db.close();

    const source = vi.fn(async () => fixtureDataset('v2'));
    service = new LookupService({ source, extVersion: '1.0.0', dbName });
    stop = listenForLookups(service);
    expect(await fetchDatasetStatus()).toMatchObject({ ready: true, version: 'v1', updating: 'v2' });
    expect(await service.ensureDataset()).toMatchObject({ status: 'loaded', version: 'v2' });
    expect(source).toHaveBeenCalledTimes(1);
    const status = await fetchDatasetStatus();
    expect(status).toMatchObject({ ready: true, version: 'v2' });
    expect(status.updating).toBeUndefined();
  });

  it('answers throughout the load of a new version, from the old generation and then the new one', async () => {
    const dbName = freshDbName();
    start(async () => fixtureDataset('v1'), dbName);
    await service.ensureDataset();
    await service.warm();
    stop();
    await service.close();

    const extra = { ...fixtureDataset('v1').documents[0]!, id: 'new-in-v2', code: '77-CT/TW' };
    service = new LookupService({ source: async () => fixtureDataset('v2', [extra]), extVersion: '2.0.0', dbName });
    stop = listenForLookups(service);
    const client = createLookupClient();
    const loading = service.ensureDataset();
    const answers: Array<Promise<unknown>> = [];
    for (let i = 0; i < 40; i++) {
      answers.push(client.relatedArticles('35-CT/TW@2019-05-30').then((r) => r.total));
      answers.push(client.resolve([partyRef('35-CT/TW', { date: '2019-05-30' })], {}).then((r) => r[0]!.candidates[0]!.id));
      await new Promise((r) => setTimeout(r, 0));
    }
    await loading;
    const got = await Promise.all(answers);
    expect(got.filter((_, i) => i % 2 === 0)).toEqual(new Array(40).fill(3));
    expect(got.filter((_, i) => i % 2 === 1)).toEqual(new Array(40).fill('35-CT/TW@2019-05-30'));
    expect((await client.document('new-in-v2'))?.code).toBe('77-CT/TW');
  });
});

describe('find (the search page)', () => {
  beforeEach(async () => {
    start(async () => fixtureDataset('v1'));
    await service.ensureDataset();
  });
  const ask = (q: string, filters = {}, offset = 0, limit = 20) => findDocuments({ q, filters, offset, limit });

  it.each(['35/CT-TW', '35 CT TW', '35-CT/TƯ', 'chi thi 35'])('"%s" finds the three 35-CT/TW first', async (q) => {
    const found = await ask(q);
    expect(found.items.slice(0, 3).map((i) => i.document.code)).toEqual(['35-CT/TW', '35-CT/TW', '35-CT/TW']);
  });

  it('finds by accent-free title words and filters by term, year and citing articles, with counts', async () => {
    const all = await ask('dai hoi dang bo');
    expect(all.items.map((i) => i.document.id).sort()).toEqual(['35-CT/TW@2019-05-30', '35-CT/TW@2024-06-14']);
    expect((await ask('dai hoi dang bo', { term: 'XIII' })).items.map((i) => i.document.id)).toEqual(['35-CT/TW@2024-06-14']);
    expect((await ask('dai hoi dang bo', { yearTo: 2020 })).items.map((i) => i.document.id)).toEqual(['35-CT/TW@2019-05-30']);
    const cited = await ask('', { cited: true });
    expect(cited.items.map((i) => [i.document.id, i.cited])).toEqual([
      ['57-NQ/TW@2024-12-22', 2], ['35-CT/TW@2024-06-14', 1], ['1-HD/TEST', 3], ['35-CT/TW@2019-05-30', 3],
    ]);
  });

  it('lists everything newest first without words, one page at a time, with the total', async () => {
    const first = await ask('', {}, 0, 3);
    expect(first.total).toBe(7);
    expect(first.items.map((i) => i.document.id)).toEqual(['57-NQ/TW@2024-12-22', '35-CT/TW@2024-06-14', '17-KH/TW@2023-07-07']);
    expect((await ask('', {}, 6, 3)).items).toHaveLength(1);
  });

  it('answers the filters\' choices, and refuses malformed filters', async () => {
    const facets = await fetchSearchFacets();
    expect(facets.terms.map((t) => t.value)).toEqual(['XI', 'XII', 'XIII']);
    const bad = await service.respond({ channel: LOOKUP_CHANNEL, request: { op: 'find', q: 'x', filters: { family: 'other' } } }, { id: 'self' }, 'self');
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });
});

describe('resetData (clear local data)', () => {
  it('deletes every local record and loads the bundled dataset again; searches answer from the new load', async () => {
    let version = 'v1';
    start(async () => fixtureDataset(version, version === 'v2' ? [doc({ id: '9-CT/TEST', code: '9-CT/TEST', title: 'Zorblax quarvel' })] : []));
    await service.ensureDataset();
    expect((await findDocuments({ q: 'zorblax quarvel', filters: {}, offset: 0, limit: 5 })).total).toBe(0);
    version = 'v2';
    const status = await resetLocalData();
    expect(status).toMatchObject({ ready: true, version: 'v2', documents: 8 });
    expect((await findDocuments({ q: 'zorblax quarvel', filters: {}, offset: 0, limit: 5 })).items[0]?.document.id).toBe('9-CT/TEST');
  });
});
