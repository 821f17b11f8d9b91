import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  getEffectiveSettings,
  getSiteSettings,
  normalizeGlobal,
  setGlobalSettings,
  setSiteSettings,
  followEffectiveSettings,
  getGlobalSettings,
  siteList,
  MAX_SITES,
} from '@/lib/settings/store';
import { DEFAULT_MATCHES, isDefaultSite, siteKey, sitePattern, isWebPage } from '@/lib/settings/sites';

beforeEach(() => fakeBrowser.reset());

/** What every site gets unless the options page changes it: both families marked, the browser's language. */
const PAGE_DEFAULTS = { families: { party: true, state: true }, language: 'system', theme: 'system' } as const;

describe('sites', () => {
  it('runs by default on .vn sites and the listed outlets only', () => {
    expect(isDefaultSite('baotest.vn')).toBe(true);
    expect(isDefaultSite('www.nhandan.vn')).toBe(true);
    expect(isDefaultSite('dantri.com.vn')).toBe(true);
    expect(isDefaultSite('vnexpress.net')).toBe(true);
    expect(isDefaultSite('e.vnexpress.net')).toBe(true);
    expect(isDefaultSite('baomoi.com')).toBe(true);
    expect(isDefaultSite('example.com')).toBe(false);
    expect(isDefaultSite('notvnexpress.net')).toBe(false);
    expect(isDefaultSite('vn.example.com')).toBe(false);
    expect(DEFAULT_MATCHES).toContain('*://*.vn/*');
  });
  it('keys sites without www and asks for a site with its subdomains', () => {
    expect(siteKey('WWW.Example.COM')).toBe('example.com');
    expect(sitePattern('www.example.com')).toBe('*://*.example.com/*');
    expect(isWebPage('chrome://extensions')).toBe(false);
    expect(isWebPage('https://a.vn/x')).toBe(true);
  });
});

describe('settings store', () => {
  it('defaults: on, highlight mode, 300 ms dwell', async () => {
    expect(await getEffectiveSettings('baotest.vn')).toEqual({ enabled: true, mode: 'highlight', dwellMs: 300, ...PAGE_DEFAULTS });
  });

  it('keeps per-site choices apart and falls back to the defaults', async () => {
    await setSiteSettings('www.baotest.vn', { enabled: false });
    await setSiteSettings('other.vn', { mode: 'inline' });
    await setGlobalSettings({ defaultMode: 'inline', dwellMs: 150 });
    expect(await getEffectiveSettings('baotest.vn')).toEqual({ enabled: false, mode: 'inline', dwellMs: 150, ...PAGE_DEFAULTS });
    expect(await getEffectiveSettings('other.vn')).toEqual({ enabled: true, mode: 'inline', dwellMs: 150, ...PAGE_DEFAULTS });
    await setGlobalSettings({ defaultMode: 'highlight' });
    expect((await getEffectiveSettings('other.vn')).mode).toBe('inline');
    expect((await getEffectiveSettings('third.vn')).mode).toBe('highlight');
  });

  it('a site entry back to the defaults holds no value, only the stamp that syncs the change', async () => {
    await setSiteSettings('a.vn', { enabled: false });
    await setSiteSettings('a.vn', { enabled: true });
    const stored = (await fakeBrowser.storage.sync.get(null))['site:a.vn'] as Record<string, unknown>;
    expect(Object.keys(stored)).toEqual(['_hlc']);
    expect(Object.keys(stored._hlc as object)).toEqual(['enabled']);
    expect(await getSiteSettings('a.vn')).toEqual({});
  });

  it('ignores malformed stored values', () => {
    expect(normalizeGlobal({ defaultMode: 'bold', dwellMs: 'soon' })).toEqual(DEFAULT_SETTINGS);
    expect(normalizeGlobal({ dwellMs: 1e9 }).dwellMs).toBe(3000);
    expect(normalizeGlobal({ dwellMs: 0 }).dwellMs).toBe(50); // a card must not open as the pointer crosses text
  });

  it('tells open tabs their settings at once, then every change to their site, until stopped', async () => {
    const seen = vi.fn();
    const stop = new AbortController();
    followEffectiveSettings('baotest.vn', stop.signal, seen);
    await vi.waitFor(() => expect(seen).toHaveBeenCalledWith({ enabled: true, mode: 'highlight', dwellMs: 300, ...PAGE_DEFAULTS }));
    await setSiteSettings('baotest.vn', { enabled: false });
    await vi.waitFor(() => expect(seen).toHaveBeenLastCalledWith({ enabled: false, mode: 'highlight', dwellMs: 300, ...PAGE_DEFAULTS }));
    await setSiteSettings('elsewhere.vn', { enabled: false });
    stop.abort();
    await setSiteSettings('baotest.vn', { enabled: true });
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toHaveBeenCalledTimes(2);
  });
});

describe('where it runs, families, look (options page)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('runs everywhere but a list, or only on a list (subdomains included), and keeps the families chosen', async () => {
    await setGlobalSettings({ where: 'except', sites: ['Baotest.vn', 'https://www.other.vn/path'] });
    expect((await getEffectiveSettings('baotest.vn')).enabled).toBe(false);
    expect((await getEffectiveSettings('tin.other.vn')).enabled).toBe(false);
    expect((await getEffectiveSettings('third.vn')).enabled).toBe(true);
    await setGlobalSettings({ where: 'only', families: { party: true, state: false } });
    expect((await getEffectiveSettings('baotest.vn')).enabled).toBe(true);
    expect((await getEffectiveSettings('third.vn')).enabled).toBe(false);
    expect((await getEffectiveSettings('baotest.vn')).families).toEqual({ party: true, state: false });
    expect((await getGlobalSettings()).sites).toEqual(['baotest.vn', 'other.vn']);
  });

  it('drops malformed values and keeps a site list within the sync limits', () => {
    expect(normalizeGlobal({ where: 'mars', theme: 'neon', language: 'fr', families: { party: 'no' }, sites: [1, 'a b', 'ok.vn'] })).toMatchObject({
      where: 'default', theme: 'system', language: 'system', families: { party: true, state: true }, sites: ['ok.vn'],
    });
    expect(siteList(Array.from({ length: 500 }, (_, i) => `s${i}.vn`))).toHaveLength(MAX_SITES);
  });

  it('keeps settings on this device where storage.sync is unavailable, and reads them back', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('storage.sync is disabled'));
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await setGlobalSettings({ theme: 'dark' });
    expect((await fakeBrowser.storage.local.get('settings')).settings).toMatchObject({ theme: 'dark' });
    expect((await getGlobalSettings()).theme).toBe('dark');
  });
});
