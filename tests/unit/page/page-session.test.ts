// The content script's session on one page (lib/page/page-session, wired by entrypoints/content.ts): settings
// followed from the first read, one listener on the page's signal, a withdrawn permission stopping the page.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { runPageSession } from '@/lib/page/page-session';
import { setSiteSettings, type EffectiveSettings } from '@/lib/settings/store';
import { SITE_ACCESS_CHANNEL, originCovers } from '@/lib/settings/site-access';
import type { Reader } from '@/lib/page/reader';

function starter() {
  const runs: Array<{ settings: EffectiveSettings; signal: AbortSignal; reader: Reader }> = [];
  const start = vi.fn((settings: EffectiveSettings, signal: AbortSignal) => {
    const reader = { setMode: vi.fn(), move: vi.fn(), references: () => ({ groups: [], total: 0 }), reveal: () => false, cardElement: {} as HTMLElement };
    runs.push({ settings, signal, reader });
    return reader;
  });
  const running = () => runs.filter((r) => !r.signal.aborted);
  return { start, runs, running };
}

let page: AbortController;
beforeEach(() => {
  fakeBrowser.reset();
  page = new AbortController();
});
afterEach(() => {
  page.abort();
  vi.restoreAllMocks();
});

describe('page session', () => {
  it('starts with the stored settings, stops when the site is turned off, starts again when on, switches modes', async () => {
    const { start, running } = starter();
    runPageSession({ hostname: 'baotest.vn', signal: page.signal, start });
    await vi.waitFor(() => expect(running()).toHaveLength(1));
    await setSiteSettings('baotest.vn', { enabled: false });
    await vi.waitFor(() => expect(running()).toHaveLength(0));
    await setSiteSettings('baotest.vn', { enabled: true, mode: 'inline' });
    await vi.waitFor(() => expect(running()).toHaveLength(1));
    expect(running()[0]!.settings.mode).toBe('inline');
    await setSiteSettings('baotest.vn', { mode: 'highlight' });
    await vi.waitFor(() => expect(running()[0]!.reader.setMode).toHaveBeenCalledWith('highlight'));
    expect(start).toHaveBeenCalledTimes(2);
    page.abort();
    expect(running()).toHaveLength(0);
  });

  it('never lets the first, older read overwrite a change made during start-up', async () => {
    // The first read of storage is slow and answers with what storage held when it was asked (site on).
    const realGet = fakeBrowser.storage.sync.get.bind(fakeBrowser.storage.sync);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let calls = 0;
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockImplementation((async (keys: never) => {
      const answer = await realGet(keys);
      if (calls++ < 2) await held; // getEffectiveSettings reads two keys: hold both of the first read
      return answer;
    }) as never);
    const { start, running } = starter();
    runPageSession({ hostname: 'baotest.vn', signal: page.signal, start });
    await setSiteSettings('baotest.vn', { enabled: false }); // the user turns the site off meanwhile
    await new Promise((r) => setTimeout(r, 20));
    release();
    await new Promise((r) => setTimeout(r, 20));
    expect(running()).toHaveLength(0);
    expect(start).not.toHaveBeenCalled();
  });

  it('adds one listener to the page’s signal however often the site is turned on and off', async () => {
    const added = vi.spyOn(page.signal, 'addEventListener');
    const { start, running } = starter();
    runPageSession({ hostname: 'baotest.vn', signal: page.signal, start });
    await vi.waitFor(() => expect(running()).toHaveLength(1));
    for (let i = 0; i < 5; i++) {
      await setSiteSettings('baotest.vn', { enabled: false });
      await vi.waitFor(() => expect(running()).toHaveLength(0));
      await setSiteSettings('baotest.vn', { enabled: true });
      await vi.waitFor(() => expect(running()).toHaveLength(1));
    }
    expect(start).toHaveBeenCalledTimes(6);
    expect(added).toHaveBeenCalledTimes(1);
  });

  it('stops for good on a granted site when its permission is withdrawn, as “site off” does', async () => {
    const { start, running } = starter();
    runPageSession({ hostname: 'example.com', signal: page.signal, start });
    await vi.waitFor(() => expect(running()).toHaveLength(1));
    const sender = { id: fakeBrowser.runtime.id };
    // Another site withdrawn: this one is still covered.
    await fakeBrowser.runtime.onMessage.trigger({ channel: SITE_ACCESS_CHANNEL, origins: ['*://*.vn/*', '*://*.example.com/*'] }, sender, () => {});
    expect(running()).toHaveLength(1);
    // A page cannot fake the message.
    await fakeBrowser.runtime.onMessage.trigger({ channel: SITE_ACCESS_CHANNEL, origins: [] }, { id: 'another-extension' }, () => {});
    expect(running()).toHaveLength(1);
    await fakeBrowser.runtime.onMessage.trigger({ channel: SITE_ACCESS_CHANNEL, origins: ['*://*.vn/*'] }, sender, () => {});
    expect(running()).toHaveLength(0);
    await setSiteSettings('example.com', { mode: 'inline' });
    await new Promise((r) => setTimeout(r, 20));
    expect(running()).toHaveLength(0);
  });

  it('keeps default sites running whatever grants are withdrawn', async () => {
    const { start, running } = starter();
    runPageSession({ hostname: 'baotest.vn', signal: page.signal, start });
    await vi.waitFor(() => expect(running()).toHaveLength(1));
    await fakeBrowser.runtime.onMessage.trigger({ channel: SITE_ACCESS_CHANNEL, origins: [] }, { id: fakeBrowser.runtime.id }, () => {});
    expect(running()).toHaveLength(1);
  });
});

describe('originCovers', () => {
  it('reads match patterns as the browser does', () => {
    expect(originCovers('*://*.example.com/*', 'example.com')).toBe(true);
    expect(originCovers('*://*.example.com/*', 'www.example.com')).toBe(true);
    expect(originCovers('*://*.example.com/*', 'notexample.com')).toBe(false);
    expect(originCovers('*://*/*', 'anything.org')).toBe(true);
    expect(originCovers('<all_urls>', 'anything.org')).toBe(true);
    expect(originCovers('https://example.com/*', 'example.com')).toBe(true);
    expect(originCovers('https://example.com/*', 'a.example.com')).toBe(false);
    expect(originCovers('file:///*', 'example.com')).toBe(false);
  });
});
