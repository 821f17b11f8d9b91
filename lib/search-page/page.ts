/**
 * The search page's behaviour: the address says what is searched (lib/search/query), every change is searched at
 * once and written back to the address, and Back/Forward return to earlier searches. History: a filter change or
 * a submitted query is a new entry; typing a query makes one new entry at its first keystroke and then updates it
 * (so Back goes to the previous search, not to the previous letter). Everything it adds stops when its signal
 * aborts.
 */
import { h, render } from 'preact';
import { SearchPage, type SearchPageState } from '@/components/search/SearchPage';
import type { Translate } from '../i18n/t';
import { LookupError } from '../lookup/client';
import type { FindResult, SearchFacets } from '../lookup/messages';
import { hasFilters, queryFromParams, queryToParams, sameQuery, type SearchFilters, type SearchQuery } from '../search/query';

/** Results shown at first, and added by "more". */
export const SEARCH_PAGE_SIZE = 50;
/** Retries while the background is still loading its data (0.4 s, 0.8 s, … about 25 s in all). */
const RETRIES = 6;

export const SEARCH_EXAMPLES = ['35-CT/TW', 'chi thi dai hoi dang bo', 'nghị quyết 57', '100/2019/NĐ-CP'];

export interface SearchPageOptions {
  root: HTMLElement;
  t: Translate;
  lang: 'vi' | 'en';
  signal: AbortSignal;
  find: (request: { q: string; filters: SearchFilters; offset: number; limit: number }) => Promise<FindResult>;
  facets: () => Promise<SearchFacets>;
  recordHref: (id: string) => string;
  codeHref: (code: string) => string;
  win?: Window;
}

export function startSearchPage(options: SearchPageOptions): { done: Promise<void> } {
  const { root, t, lang, signal } = options;
  const win = options.win ?? window;
  const pageName = win.location.pathname.split('/').pop() || 'search.html';
  let state: SearchPageState = { query: queryFromParams(new URLSearchParams(win.location.search)), status: 'idle' };
  /** Which search is current: an older answer arriving late is dropped. */
  let generation = 0;
  /** True while typing goes on in the history entry the first keystroke made. */
  let typing = false;

  const href = (query: SearchQuery) => {
    const params = queryToParams(query).toString();
    return params ? `${pageName}?${params}` : pageName;
  };
  const draw = () => {
    if (signal.aborted) return;
    render(
      h(SearchPage, {
        t,
        lang,
        state,
        recordHref: options.recordHref,
        codeHref: options.codeHref,
        searchHref: (q: string) => href({ q, filters: {} }),
        examples: SEARCH_EXAMPLES,
        onText: (q: string) => change({ ...state.query, q }, typing ? 'replace' : 'push', true),
        onSubmit: () => change(state.query, 'push', false),
        onFilters: (filters: SearchFilters) => change({ ...state.query, filters }, 'push', false),
        onMore: () => void more(),
      }),
      root,
    );
  };

  const writeTitle = () => {
    const q = state.query.q.trim();
    win.document.title = q ? `${q} — ${t('search_heading')}` : `${t('search_heading')} — vanban-lens`;
  };

  /** A new search from the page: into the address (a new entry or the current one), then searched. */
  function change(query: SearchQuery, history: 'push' | 'replace', fromTyping: boolean) {
    const current = queryFromParams(new URLSearchParams(win.location.search));
    if (!sameQuery(query, current)) {
      if (history === 'push') win.history.pushState(null, '', href(query));
      else win.history.replaceState(null, '', href(query));
    }
    typing = fromTyping;
    state = { ...state, query };
    void search();
  }

  async function patiently<T>(ask: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await ask();
      } catch (error) {
        if (!(error instanceof LookupError && error.code === 'not-ready' && attempt < RETRIES) || signal.aborted) throw error;
        state = { ...state, status: 'not-ready' };
        draw();
        await new Promise((r) => setTimeout(r, 400 * 2 ** attempt));
      }
    }
  }

  async function search(): Promise<void> {
    const run = ++generation;
    const { query } = state;
    writeTitle();
    if (!query.q.trim() && !hasFilters(query.filters)) {
      state = { ...state, status: 'idle', result: undefined, more: false };
      draw();
      return;
    }
    // Results stay while the next answer comes (a keystroke answers within a frame): no flicker.
    state = { ...state, status: state.result ? state.status : 'loading' };
    draw();
    try {
      const result = await patiently(() => options.find({ q: query.q, filters: query.filters, offset: 0, limit: SEARCH_PAGE_SIZE }));
      if (run !== generation) return;
      state = { ...state, status: 'ready', result, more: false };
    } catch (error) {
      if (run !== generation) return;
      state = { ...state, status: error instanceof LookupError && error.code === 'not-ready' ? 'not-ready' : 'error', result: undefined };
    }
    draw();
  }

  async function more(): Promise<void> {
    const shown = state.result;
    if (!shown || state.more) return;
    const run = generation;
    state = { ...state, more: true };
    draw();
    try {
      const next = await options.find({ q: state.query.q, filters: state.query.filters, offset: shown.items.length, limit: SEARCH_PAGE_SIZE });
      if (run !== generation) return;
      state = { ...state, result: { ...next, items: [...shown.items, ...next.items] }, more: false };
    } catch {
      if (run !== generation) return;
      state = { ...state, more: false };
    }
    draw();
  }

  // Back and Forward: the address says what to show.
  win.addEventListener(
    'popstate',
    () => {
      typing = false;
      state = { ...state, query: queryFromParams(new URLSearchParams(win.location.search)) };
      void search();
    },
    { signal },
  );
  signal.addEventListener('abort', () => render(null, root), { once: true });
  draw();
  void patiently(options.facets).then(
    (facets) => {
      state = { ...state, facets };
      draw();
    },
    () => {},
  );
  return { done: search() };
}
