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
} from '@/lib/settings/store';
import { DEFAULT_MATCHES, isDefaultSite, siteKey, sitePattern, isWebPage } from '@/lib/settings/sites';

beforeEach(() => fakeBrowser.reset());

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
    expect(await getEffectiveSettings('baotest.vn')).toEqual({ enabled: true, mode: 'highlight', dwellMs: 300 });
  });

  it('keeps per-site choices apart and falls back to the defaults', async () => {
    await setSiteSettings('www.baotest.vn', { enabled: false });
    await setSiteSettings('other.vn', { mode: 'inline' });
    await setGlobalSettings({ defaultMode: 'inline', dwellMs: 150 });
    expect(await getEffectiveSettings('baotest.vn')).toEqual({ enabled: false, mode: 'inline', dwellMs: 150 });
    expect(await getEffectiveSettings('other.vn')).toEqual({ enabled: true, mode: 'inline', dwellMs: 150 });
    await setGlobalSettings({ defaultMode: 'highlight' });
    expect((await getEffectiveSettings('other.vn')).mode).toBe('inline');
    expect((await getEffectiveSettings('third.vn')).mode).toBe('highlight');
  });

  it('drops a site entry that says nothing beyond the defaults', async () => {
    await setSiteSettings('a.vn', { enabled: false });
    await setSiteSettings('a.vn', { enabled: true });
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
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
    await vi.waitFor(() => expect(seen).toHaveBeenCalledWith({ enabled: true, mode: 'highlight', dwellMs: 300 }));
    await setSiteSettings('baotest.vn', { enabled: false });
    await vi.waitFor(() => expect(seen).toHaveBeenLastCalledWith({ enabled: false, mode: 'highlight', dwellMs: 300 }));
    await setSiteSettings('elsewhere.vn', { enabled: false });
    stop.abort();
    await setSiteSettings('baotest.vn', { enabled: true });
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toHaveBeenCalledTimes(2);
  });
});
