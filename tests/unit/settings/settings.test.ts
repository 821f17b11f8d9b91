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
import { findPageDate, pageDate } from '@/lib/card/page-context';

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

describe('page date', () => {
  it('reads article metadata first, then a date written near the top', async () => {
    const { Window } = await import('happy-dom');
    const win = new Window();
    const doc = win.document as unknown as Document;
    doc.body.innerHTML = '<h1>Tin</h1><p>08:02, 05/02/2020</p><p>Theo Chỉ thị 35-CT/TW ngày 30/5/2019 …</p>';
    expect(pageDate(doc)).toBe('2020-02-05');
    doc.head.innerHTML = '<meta property="article:published_time" content="2024-04-12T08:00:00+07:00">';
    expect(pageDate(doc)).toBe('2024-04-12');
    doc.head.innerHTML = '';
    doc.body.innerHTML = '<p>Không có ngày, chỉ có 31/02/2020.</p>';
    expect(pageDate(doc)).toBeUndefined();
  });

  it('never takes a site header’s clock or a script’s text for the article’s date', async () => {
    const { Window } = await import('happy-dom');
    const doc = new Window().document as unknown as Document;
    // No metadata, no <article>: today's date in the site header and in a script, then the article.
    doc.body.innerHTML = `<header><span>Thứ Năm, 25/11/2026</span></header>
      <script>var today = "24/11/2026";</script>
      <h1>Tin</h1><p>08:02, 05/02/2020</p><p>Theo Chỉ thị 35-CT/TW …</p>`;
    expect(findPageDate(doc)).toEqual({ date: '2020-02-05', from: 'text' });
    // Only the clock, nothing under a headline: no date rather than the clock's.
    doc.body.innerHTML = '<header><span>25/11/2026</span></header><script>"24/11/2026"</script><p>Theo Chỉ thị 35-CT/TW …</p>';
    expect(pageDate(doc)).toBeUndefined();
    // In an article: its own header's date line counts, a script inside it does not.
    doc.body.innerHTML = '<div class="top">25/11/2026</div><article><script>"24/11/2026"</script><header>05/02/2020</header><p>…</p></article>';
    expect(findPageDate(doc)).toEqual({ date: '2020-02-05', from: 'text' });
    doc.body.innerHTML = '<div>25/11/2026</div><main><style>.x{}</style><p>Hà Nội, 12/3/2021</p></main>';
    expect(pageDate(doc)).toBe('2021-03-12');
    doc.body.innerHTML = '<div>25/11/2026</div><div itemprop="articleBody"><p>Ngày 7/7/2023</p></div>';
    expect(pageDate(doc)).toBe('2023-07-07');
    // Metadata is the page's own word.
    doc.head.innerHTML = '<meta property="article:published_time" content="2024-04-12T08:00:00+07:00">';
    expect(findPageDate(doc)).toEqual({ date: '2024-04-12', from: 'metadata' });
  });
});
