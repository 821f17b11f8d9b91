import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { SavedClient } from '@/lib/lookup/client';
import { followSavedDocuments, followSavedRefs } from '@/lib/page/saved-refs';
import { LOCAL_DOCS_KEY, LOCAL_KEYS_KEY } from '@/lib/sync/saved-store';

beforeEach(() => fakeBrowser.reset());

const client = (): SavedClient => ({
  list: vi.fn(),
  save: vi.fn(async () => ({}) as never),
  edit: vi.fn(),
  remove: vi.fn(async () => []),
  restore: vi.fn(),
  importFile: vi.fn(),
});

describe('saved keys in a page', () => {
  it('reads the saved keys, follows changes from any tab, and stops with its signal', async () => {
    await fakeBrowser.storage.local.set({ [LOCAL_KEYS_KEY]: ['a1'] });
    const abort = new AbortController();
    const changed = vi.fn();
    const refs = followSavedRefs(client(), abort.signal, changed);
    await vi.waitFor(() => expect(refs.has('a1')).toBe(true));
    await fakeBrowser.storage.local.set({ [LOCAL_KEYS_KEY]: ['a1', 'b2'] });
    expect(refs.has('b2')).toBe(true);
    const calls = changed.mock.calls.length;
    abort.abort();
    await fakeBrowser.storage.local.set({ [LOCAL_KEYS_KEY]: [] });
    expect(changed.mock.calls.length).toBe(calls);
  });

  it('toggles through the background: save when not saved, remove when saved, failed when it refuses', async () => {
    const c = client();
    const refs = followSavedRefs(c, new AbortController().signal, () => {});
    const input = { code: '35-CT/TW', url: 'https://a.vn', savedAt: 1 };
    expect(await refs.toggle('k', input)).toBe('saved');
    expect(c.save).toHaveBeenCalledWith(input);
    expect(await refs.toggle('k', input)).toBe('removed');
    expect(c.remove).toHaveBeenCalledWith(['k']);
    (c.save as ReturnType<typeof vi.fn>).mockRejectedValueOnce(new Error('no'));
    expect(await refs.toggle('k', input)).toBe('failed');
  });
});

describe('saved documents in a list (search results)', () => {
  it('reads the saved document ids and follows changes from any tab', async () => {
    await fakeBrowser.storage.local.set({ [LOCAL_DOCS_KEY]: ['35-CT/TW@2019-05-30'] });
    const changed = vi.fn();
    const docs = followSavedDocuments(new AbortController().signal, changed);
    await vi.waitFor(() => expect(docs.has('35-CT/TW@2019-05-30')).toBe(true));
    await fakeBrowser.storage.local.set({ [LOCAL_DOCS_KEY]: [] });
    expect(docs.has('35-CT/TW@2019-05-30')).toBe(false);
    expect(changed.mock.calls.length).toBeGreaterThanOrEqual(2);
  });
});
