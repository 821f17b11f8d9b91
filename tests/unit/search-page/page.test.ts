// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startSearchPage } from '../../../lib/search-page/page';
import { translatorFrom } from '../../../lib/i18n/t';
import type { FindResult } from '../../../lib/lookup/messages';
import vi_ from '../../../public/_locales/vi/messages.json';
import { DOCS } from '../../helpers/dataset-fixture';

const t = translatorFrom(vi_);
let stop: AbortController | undefined;
afterEach(() => stop?.abort());

function start(search = '') {
  window.history.replaceState(null, '', `/search.html${search}`);
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  const find = vi.fn(async ({ q }: { q: string }): Promise<FindResult> => {
    const items = DOCS.filter((d) => d.code.startsWith(q.trim().split(' ')[0] ?? '')).map((document) => ({ document, score: 1, cited: 0 }));
    return { items, total: items.length };
  });
  stop = new AbortController();
  const page = startSearchPage({
    root, t, lang: 'vi', signal: stop.signal, find,
    facets: async () => ({ types: [], issuers: [], terms: [{ value: 'XII', count: 1 }] }),
    recordHref: (id) => `record.html?id=${encodeURIComponent(id)}`,
    codeHref: (code) => `record.html?code=${encodeURIComponent(code)}`,
  });
  return { root, find, page };
}

const type = (root: HTMLElement, text: string) => {
  const box = root.querySelector<HTMLInputElement>('#q')!;
  box.value = text;
  box.dispatchEvent(new Event('input', { bubbles: true }));
};

describe('search page history', () => {
  it('makes one history entry per typed query and one per filter change, and searches each', async () => {
    const { root, find, page } = start();
    await page.done;
    const before = window.history.length;
    for (const text of ['3', '35', '35-']) type(root, text);
    await vi.waitFor(() => expect(root.querySelectorAll('.results .code').length).toBe(3));
    expect(window.history.length).toBe(before + 1);
    expect(new URLSearchParams(location.search).get('q')).toBe('35-');
    const select = root.querySelector<HTMLSelectElement>('select[name="term"]')!;
    await vi.waitFor(() => expect(select.options.length).toBe(2));
    select.value = 'XII';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    expect(window.history.length).toBe(before + 2);
    expect(Object.fromEntries(new URLSearchParams(location.search))).toEqual({ q: '35-', term: 'XII' });
    await vi.waitFor(() => expect(find).toHaveBeenLastCalledWith({ q: '35-', filters: { term: 'XII' }, offset: 0, limit: 50 }));
    // Typing again after a filter: a new entry again (Back returns to the filtered search).
    type(root, '57');
    expect(window.history.length).toBe(before + 3);
  });

  it('reads the search from the address when it opens, and says what to try when empty', async () => {
    const { root, find, page } = start('?q=17&cited=1');
    await page.done;
    expect(find).toHaveBeenCalledWith({ q: '17', filters: { cited: true }, offset: 0, limit: 50 });
    expect(root.querySelector<HTMLInputElement>('#q')!.value).toBe('17');
    expect(root.querySelector<HTMLInputElement>('input[name="cited"]')!.checked).toBe(true);
    stop!.abort();
    const empty = start();
    await empty.page.done;
    expect(empty.find).not.toHaveBeenCalled();
    expect(empty.root.querySelector('.empty')?.textContent).toContain(t('search_emptyTry'));
  });
});
