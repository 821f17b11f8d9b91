import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LOOKUP_MENU_ID, registerLookupMenu, selectionTarget, type SelectionTarget } from '../../../lib/lookup/context-menu';
import { LookupService } from '../../../lib/lookup/service';
import { codeHref, recordHref, searchHref } from '../../../lib/record/address';
import { fixtureDataset, freshDbName } from '../../helpers/dataset-fixture';

let service: LookupService;
beforeEach(async () => {
  fakeBrowser.reset();
  service = new LookupService({ source: async () => fixtureDataset('v1'), dbName: freshDbName() });
  await service.ensureDataset();
});
afterEach(async () => {
  await service.close();
  vi.restoreAllMocks();
});

const target = (text: string) => service.handle({ op: 'selectionTarget', text });

describe('the context menu lookup', () => {
  it.each<[string, SelectionTarget]>([
    ['Kế hoạch số 17-KH/TW ngày 7-7-2023', { kind: 'record', id: '17-KH/TW@2023-07-07' }],
    ['57 NQ TW', { kind: 'record', id: '57-NQ/TW@2024-12-22' }],
    ['theo Nghị quyết 57-NQ/TƯ', { kind: 'record', id: '57-NQ/TW@2024-12-22' }],
    ['Chỉ thị số 35-CT/TW của Bộ Chính trị', { kind: 'code', code: '35-CT/TW' }],
    ['35/CT-TW', { kind: 'code', code: '35-CT/TW' }],
    ['Chỉ thị 35-CT/TW và Kế hoạch 17-KH/TW', { kind: 'search', q: 'Chỉ thị 35-CT/TW và Kế hoạch 17-KH/TW' }],
    ['  tiếp công dân\n và  khiếu nại ', { kind: 'search', q: 'tiếp công dân và khiếu nại' }],
    ['Chỉ thị 99-CT/TW', { kind: 'search', q: 'Chỉ thị 99-CT/TW' }],
  ])('"%s" leads to %j', async (text, want) => {
    expect(await target(text)).toEqual(want);
  });

  it('a selection with no code never asks for documents by code', async () => {
    const byCode = vi.fn(async () => []);
    expect(await selectionTarget('đại hội đảng bộ các cấp', byCode)).toEqual({ kind: 'search', q: 'đại hội đảng bộ các cấp' });
    expect(byCode).not.toHaveBeenCalled();
  });
});

describe('the context menu in the browser', () => {
  function fakeMenus() {
    const listeners: Array<(info: unknown, tab?: unknown) => Promise<void>> = [];
    const menus = {
      create: vi.fn(),
      removeAll: vi.fn(async () => {}),
      onClicked: { addListener: (l: (info: unknown, tab?: unknown) => Promise<void>) => listeners.push(l) },
    };
    (fakeBrowser as unknown as { contextMenus: unknown }).contextMenus = menus;
    return { menus, click: (info: unknown, tab?: unknown) => Promise.all(listeners.map((l) => l(info, tab))) };
  }

  it('registers one menu item on selected text, titled from the strings', async () => {
    const { menus } = fakeMenus();
    await registerLookupMenu({ title: 'Tra cứu văn bản', target, hrefs: { record: (id) => recordHref(id), code: codeHref, search: searchHref } });
    expect(menus.removeAll).toHaveBeenCalledOnce();
    expect(menus.create).toHaveBeenCalledWith({ id: LOOKUP_MENU_ID, title: 'Tra cứu văn bản', contexts: ['selection'] });
  });

  it('opens the answer in a new tab beside the page; other menus and empty selections do nothing', async () => {
    const { click } = fakeMenus();
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    await registerLookupMenu({ title: 'x', target, hrefs: { record: (id) => recordHref(id), code: codeHref, search: searchHref } });
    await click({ menuItemId: LOOKUP_MENU_ID, selectionText: 'Kế hoạch 17-KH/TW' }, { id: 7, index: 2 });
    expect(create).toHaveBeenLastCalledWith({ url: fakeBrowser.runtime.getURL('/record.html?id=17-KH%2FTW%402023-07-07'), index: 3, openerTabId: 7 });
    await click({ menuItemId: LOOKUP_MENU_ID, selectionText: '35-CT/TW' }, { id: 7, index: 2 });
    expect(create).toHaveBeenLastCalledWith({ url: fakeBrowser.runtime.getURL('/record.html?code=35-CT%2FTW'), index: 3, openerTabId: 7 });
    await click({ menuItemId: LOOKUP_MENU_ID, selectionText: 'chuyển đổi số' });
    expect(create).toHaveBeenLastCalledWith({ url: fakeBrowser.runtime.getURL(`/search.html?q=${encodeURIComponent('chuyển đổi số').replace(/%20/g, '+')}`) });
    create.mockClear();
    await click({ menuItemId: 'other', selectionText: '35-CT/TW' });
    await click({ menuItemId: LOOKUP_MENU_ID, selectionText: '   ' });
    expect(create).not.toHaveBeenCalled();
  });

  it('falls back to the search page when the lookup fails (dataset not ready)', async () => {
    const { click } = fakeMenus();
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await registerLookupMenu({ title: 'x', target: async () => { throw new Error('not ready'); }, hrefs: { record: (id) => recordHref(id), code: codeHref, search: searchHref } });
    await click({ menuItemId: LOOKUP_MENU_ID, selectionText: '35-CT/TW' });
    expect(create).toHaveBeenLastCalledWith({ url: fakeBrowser.runtime.getURL('/search.html?q=35-CT%2FTW') });
  });
});
