import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { listenForOpenRecord, OPEN_RECORD_CHANNEL, openRecordFromPage, recordPath } from '../../../lib/page/open-record';

let stop: (() => void) | undefined;
beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  stop?.();
  vi.restoreAllMocks();
});

describe('opening a record from a card', () => {
  it('builds the record page path for an id or a code, and nothing for anything else', () => {
    expect(recordPath({ id: '35-CT/TW@2024-06-14' })).toBe('record.html?id=35-CT%2FTW%402024-06-14');
    expect(recordPath({ code: ' 35-CT/TW ' })).toBe('record.html?code=35-CT%2FTW');
    for (const bad of [null, 'x', {}, { id: '' }, { id: 3 }, { code: '  ' }, { id: 'x'.repeat(501) }]) expect(recordPath(bad)).toBeUndefined();
  });

  it('the background opens the record next to the page’s tab, for this extension’s scripts only', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    stop = listenForOpenRecord();
    const tab = { id: 7, index: 2, windowId: 1 } as never;
    await fakeBrowser.runtime.onMessage.trigger({ channel: OPEN_RECORD_CHANNEL, target: { id: '35-CT/TW@2024-06-14' } }, { id: 'other-extension', tab }, () => {});
    await fakeBrowser.runtime.onMessage.trigger({ channel: OPEN_RECORD_CHANNEL, target: { id: '' } }, { id: fakeBrowser.runtime.id, tab }, () => {});
    expect(create).not.toHaveBeenCalled();
    await fakeBrowser.runtime.onMessage.trigger({ channel: OPEN_RECORD_CHANNEL, target: { id: '35-CT/TW@2024-06-14' } }, { id: fakeBrowser.runtime.id, tab }, () => {});
    expect(create).toHaveBeenCalledWith({ url: fakeBrowser.runtime.getURL('/record.html?id=35-CT%2FTW%402024-06-14' as '/record.html'), active: true, index: 3, openerTabId: 7, windowId: 1 });
    await fakeBrowser.runtime.onMessage.trigger({ channel: OPEN_RECORD_CHANNEL, target: { code: '35-CT/TW' }, background: true }, { id: fakeBrowser.runtime.id, tab }, () => {});
    expect(create).toHaveBeenLastCalledWith(expect.objectContaining({ url: expect.stringMatching(/record\.html\?code=35-CT%2FTW$/), active: false }));
  });

  it('the content script asks with one message', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined as never);
    openRecordFromPage({ code: '35-CT/TW' });
    expect(send).toHaveBeenCalledWith({ channel: OPEN_RECORD_CHANNEL, target: { code: '35-CT/TW' } });
  });
});
