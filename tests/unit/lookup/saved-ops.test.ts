import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createSavedClient, LookupError } from '../../../lib/lookup/client';
import { listenForLookups } from '../../../lib/lookup/listen';
import { LookupService } from '../../../lib/lookup/service';
import { SavedStore } from '../../../lib/sync/saved-store';
import { fixtureDataset, freshDbName } from '../../helpers/dataset-fixture';
import { ManualScheduler, MemoryArea } from '../../helpers/sync-area';

let service: LookupService;
let stop: () => void;

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: unknown) => {
    let answer: unknown;
    const sent = new Promise((resolve) => (answer = resolve));
    const results = await fakeBrowser.runtime.onMessage.trigger(message, { id: fakeBrowser.runtime.id }, answer as never);
    return results.some((r: unknown) => r === true) ? sent : undefined;
  }) as never);
});
afterEach(async () => {
  stop?.();
  await service?.close();
  vi.restoreAllMocks();
});

async function start() {
  service = new LookupService({ source: async () => fixtureDataset('v1'), extVersion: '1.0.0', dbName: freshDbName() });
  const local = new MemoryArea();
  service.attachSaved(SavedStore.open({ storage: { local }, scheduler: new ManualScheduler(Date.UTC(2026, 11, 1)), newNode: () => 's1' }));
  stop = listenForLookups(service);
  await service.ensureDataset();
  return { local, client: createSavedClient() };
}

const page = { url: 'https://baotest.vn/bai-viet.html', pageTitle: 'Bài viết thử', savedAt: Date.UTC(2026, 11, 1) };

describe('saved references through the lookup service', () => {
  it('save, list with the document facts, edit, delete and undo', async () => {
    const { client } = await start();
    const ref = await client.save({ ...page, docId: '35-CT/TW@2019-05-30', code: '35-CT/TW' });
    await client.save({ ...page, code: '123/UBND-VX', page: { issuer: 'UBND tỉnh Bình Định', date: '2024-03-01' } });
    // Saved again from the same page: still two.
    await client.save({ ...page, docId: '35-CT/TW@2019-05-30', code: '35-CT/TW' });
    const list = await client.list();
    expect(list.refs).toHaveLength(2);
    expect(list.docs['35-CT/TW@2019-05-30']).toMatchObject({ code: '35-CT/TW', date: '2019-05-30', issuer: 'Bộ Chính trị' });
    expect(list.status.sync).toBe('off');
    expect((await client.edit(ref.key, { note: 'Đọc lại', tags: ['cán bộ'] })).note).toBe('Đọc lại');
    const gone = await client.remove([ref.key]);
    expect((await client.list()).refs).toHaveLength(1);
    await client.restore(gone);
    expect((await client.list()).refs.find((r) => r.key === ref.key)?.note).toBe('Đọc lại');
  });

  it('imports CSL-JSON matching dataset documents by code and date; a bad file changes nothing and says where', async () => {
    const { client, local } = await start();
    const csl = [
      { type: 'legislation', title: 'Chỉ thị 35', number: '35-CT/TW', issued: { 'date-parts': [[2024, 6, 14]] }, URL: 'https://baotest.vn/a' },
      { type: 'legislation', title: 'Công văn', number: '77/UBND-KT', URL: 'https://baotest.vn/b' },
    ];
    expect(await client.importFile(JSON.stringify(csl))).toEqual({ format: 'csl', added: 2, updated: 0, unmatched: 1 });
    expect((await client.list()).refs.map((r) => r.docId).sort()).toEqual(['35-CT/TW@2024-06-14', undefined]);
    const before = JSON.stringify(await local.get(null));
    const bad = [...csl, { type: 'legislation', number: '1-CT/TW', issued: 'hôm qua' }];
    await expect(client.importFile(JSON.stringify(bad))).rejects.toThrow(/item 3, field "issued"/);
    await expect(client.importFile(JSON.stringify(bad))).rejects.toBeInstanceOf(LookupError);
    expect(JSON.stringify(await local.get(null))).toBe(before);
  });

  it('refuses a malformed save and a restore whose key is not its own', async () => {
    const { client } = await start();
    await expect(client.save({ ...page, code: '' })).rejects.toThrow(/input.code/);
    const ref = await client.save({ ...page, code: '5-CT/TW' });
    await expect(client.restore([{ ...ref, key: 'abc' }])).rejects.toThrow(/key does not match/);
  });
});
