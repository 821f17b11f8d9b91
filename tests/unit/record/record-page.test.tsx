// @vitest-environment happy-dom
/**
 * The record page's behaviour with a fake lookup client: what it shows for an id, a code, an unknown code or id,
 * and how the citing articles' filter and pages follow the address (Back and Forward included).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { h } from 'preact';
import { translatorFrom } from '@/lib/i18n/t';
import { startRecordPage, type RecordPageOptions } from '@/lib/record/page';
import type { CitingArticlesPage } from '@/lib/lookup/client';
import viMessages from '../../../public/_locales/vi/messages.json';
import { ARTICLES, DOCS } from '../../helpers/dataset-fixture';

const t = translatorFrom(viMessages);
const byId = (id: string) => DOCS.find((d) => d.id === id)!;
const ID = '35-CT/TW@2019-05-30';

function citing(filter: { page?: number; outlet?: string; year?: string }): CitingArticlesPage {
  const all = Array.from({ length: 45 }, (_, i) => ({ ...ARTICLES[0]!, id: `x${i}`, title: `Bài ${i}`, outlet: i % 2 ? 'Báo Lẻ' : 'Báo Chẵn', date: `20${10 + (i % 10)}-01-01` }));
  const kept = all.filter((a) => (!filter.outlet || a.outlet === filter.outlet) && (!filter.year || a.date.startsWith(filter.year)));
  const page = filter.page ?? 0;
  return {
    items: kept.slice(page * 20, page * 20 + 20).map((article) => ({ article, stated: [{ raw: '35-CT/TW', date: '2019-05-30', issuerName: 'Bộ Chính trị' }] })),
    total: kept.length, all: all.length,
    outlets: [{ name: 'Báo Chẵn', count: 23 }, { name: 'Báo Lẻ', count: 22 }],
    years: [{ year: '2019', count: 5 }],
  };
}

function lookup(): RecordPageOptions['lookup'] & Record<string, ReturnType<typeof vi.fn>> {
  return {
    card: vi.fn(async (id: string) => (id === ID ? { document: byId(ID), articles: { items: [], total: 0 }, related: [{ document: byId('1-HD/TEST'), why: 'relation' as const, kind: 'guides-by' }] } : undefined)),
    sameCodeOtherTerms: vi.fn(async () => [byId('35-CT/TW@2014-05-26')]),
    citingArticles: vi.fn(async (id: string, opts: { page?: number; outlet?: string; year?: string } = {}) => (id === ID ? citing(opts) : undefined)),
    byCode: vi.fn(async (code: string) => (code === '35-CT/TW' ? [byId('35-CT/TW@2014-05-26'), byId(ID)] : [])),
  };
}

let abort: AbortController;
async function open(search: string, more: Partial<RecordPageOptions> = {}) {
  history.replaceState(null, '', `/record.html${search}`);
  document.body.innerHTML = '<div id="app"></div>';
  abort = new AbortController();
  const client = lookup();
  const root = document.getElementById('app')!;
  await startRecordPage({ root, lookup: client, t, lang: 'vi', signal: abort.signal, ...more }).done;
  return { root, client };
}
const settle = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => abort?.abort());

describe('record page', () => {
  it('shows the record: fields, citation, same code, relations, citing articles with what each sentence stated', async () => {
    const { root } = await open(`?id=${encodeURIComponent(ID)}`);
    expect(root.querySelector('h1')?.textContent).toBe('Chỉ thị số 35-CT/TW');
    expect(document.title).toBe('Chỉ thị số 35-CT/TW — vanban-lens');
    expect(root.querySelector('[data-field="date"] dd')?.textContent).toContain('30/5/2019');
    expect(root.querySelector('.citation')?.textContent).toMatch(/^Chỉ thị số 35-CT\/TW ngày 30\/5\/2019 của Bộ Chính trị về đại hội/);
    const links = [...root.querySelectorAll<HTMLAnchorElement>('.doc-links a')].map((a) => a.getAttribute('href'));
    expect(links).toContain('record.html?id=35-CT%2FTW%402014-05-26');
    expect(links).toContain('record.html?id=1-HD%2FTEST');
    expect(root.textContent).toContain('hướng dẫn văn bản này');
    expect(root.querySelectorAll('.article')).toHaveLength(20);
    expect(root.querySelector('.stated li')?.textContent).toContain('30/5/2019 · Bộ Chính trị');
    expect(root.textContent).toContain('Bài 1–20 trên 45');
  });

  it('filters and pages the citing articles through the address; Back returns to the previous list', async () => {
    const { root, client } = await open(`?id=${encodeURIComponent(ID)}`);
    const outlet = root.querySelector<HTMLSelectElement>('.filters select')!;
    outlet.value = 'Báo Lẻ';
    outlet.dispatchEvent(new Event('change'));
    await settle();
    expect(client.citingArticles).toHaveBeenLastCalledWith(ID, expect.objectContaining({ outlet: 'Báo Lẻ', page: 0 }));
    expect(new URLSearchParams(location.search).get('outlet')).toBe('Báo Lẻ');
    expect(root.textContent).toContain('Bài 1–20 trên 22');
    const next = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Trang sau')!;
    next.click();
    await settle();
    expect(new URLSearchParams(location.search).get('page')).toBe('1');
    expect(root.textContent).toContain('Bài 21–22 trên 22');
    history.back();
    await new Promise((r) => setTimeout(r, 50));
    expect(new URLSearchParams(location.search).get('page')).toBeNull();
    expect(root.textContent).toContain('Bài 1–20 trên 22');
  });

  it('opens a filtered address as it says', async () => {
    const { root, client } = await open(`?id=${encodeURIComponent(ID)}&outlet=${encodeURIComponent('Báo Chẵn')}&page=1`);
    expect(client.citingArticles).toHaveBeenCalledWith(ID, expect.objectContaining({ outlet: 'Báo Chẵn', page: 1 }));
    expect(root.querySelector<HTMLSelectElement>('.filters select')!.value).toBe('Báo Chẵn');
    expect(root.textContent).toContain('Bài 21–23 trên 23');
  });

  it('leaves room for the save button beside the citation', async () => {
    const { root } = await open(`?id=${encodeURIComponent(ID)}`, { renderSave: (record) => h('button', { class: 'save' }, `Lưu ${record.id}`) });
    expect(root.querySelector('.cite .save-slot .save')?.textContent).toBe(`Lưu ${ID}`);
  });

  it('?code= lists every document of the code, each linking to its record', async () => {
    const { root } = await open('?code=35-CT%2FTW');
    expect(root.querySelector('h1')?.textContent).toBe('Các văn bản số 35-CT/TW');
    expect([...root.querySelectorAll('.doc-links a')].map((a) => a.getAttribute('href'))).toEqual(['record.html?id=35-CT%2FTW%402014-05-26', `record.html?id=${encodeURIComponent(ID)}`]);
  });

  it('an unknown code says so and offers a search', async () => {
    const { root } = await open('?code=999-CT%2FTW');
    expect(root.textContent).toContain('Dữ liệu chưa có văn bản nào mang số hiệu 999-CT/TW.');
    expect(root.querySelector('main a')?.getAttribute('href')).toBe('search.html?q=999-CT%2FTW');
  });

  it('an unknown id says so and offers a search for its code', async () => {
    const { root } = await open('?id=404-CT%2FTW%402020-01-01');
    expect(root.querySelector('h1')?.textContent).toBe('Không có hồ sơ này');
    expect(root.querySelector('main a')?.getAttribute('href')).toBe('search.html?q=404-CT%2FTW');
  });

  it('copies the citation and says whether it worked', async () => {
    const copy = vi.fn(async () => true);
    const { root } = await open(`?id=${encodeURIComponent(ID)}`, { copy });
    [...root.querySelectorAll('button')].find((b) => b.textContent === 'Chép trích dẫn')!.click();
    await settle();
    expect(copy).toHaveBeenCalledWith(root.querySelector('.citation')?.textContent);
    expect(root.querySelector('.copy-status')?.textContent).toBe('Đã chép.');
  });

  it('draws the graph once the first citing articles are shown, with the same nodes listed for the keyboard', async () => {
    let answer!: (page: CitingArticlesPage) => void;
    const mountGraph = vi.fn();
    history.replaceState(null, '', `/record.html?id=${encodeURIComponent(ID)}`);
    document.body.innerHTML = '<div id="app"></div>';
    abort = new AbortController();
    const client = lookup();
    client.citingArticles = vi.fn(() => new Promise<CitingArticlesPage>((r) => (answer = r)));
    const root = document.getElementById('app')!;
    await startRecordPage({ root, lookup: client, t, lang: 'vi', signal: abort.signal, mountGraph }).done;
    expect(root.querySelector('h1')?.textContent).toBe('Chỉ thị số 35-CT/TW');
    expect(root.querySelector('#rec-citing + .note, .citing .note')?.textContent).toBe('Đang tải…');
    expect(mountGraph).not.toHaveBeenCalled();
    expect([...root.querySelectorAll('.graph-list a')].map((a) => a.getAttribute('href'))).toEqual(['record.html?id=1-HD%2FTEST', 'record.html?id=35-CT%2FTW%402014-05-26']);
    answer(citing({}));
    await new Promise((r) => setTimeout(r, 20));
    expect(root.querySelectorAll('.article')).toHaveLength(20);
    expect(mountGraph).toHaveBeenCalledTimes(1);
    const [container, view, , signal] = mountGraph.mock.calls[0]!;
    expect(container).toBe(root.querySelector('.graph-canvas'));
    expect(view.nodes.map((n: { id: string }) => n.id)).toEqual([ID, '1-HD/TEST', '35-CT/TW@2014-05-26']);
    // Stopping the page unmounts it, which stops the graph (Preact runs the effect's cleanup right after).
    abort.abort();
    await new Promise((r) => setTimeout(r, 20));
    expect(root.innerHTML).toBe('');
    expect((signal as AbortSignal).aborted).toBe(true);
  });
});
