/**
 * The record page's behaviour: reads its address, asks the lookup service, renders RecordPage, and follows the
 * reader's choices (citing articles' filter and page, reflected in the address so Back and Forward and a shared
 * address work; copy; a graph node opens its record). Everything it adds stops when its signal aborts.
 */
import { h, render } from 'preact';
import { RecordPage, type RecordPageState } from '@/components/record/RecordPage';
import type { CitingView, MountGraph, RecordView } from '@/components/record/types';
import type { ComponentChildren } from 'preact';
import type { Translate } from '../i18n/t';
import { LookupError, type CitingArticlesPage, type LookupClient } from '../lookup/client';
import { parseRecordAddress, recordHref, searchHref, type ArticleFilter } from './address';
import { buildCitingView, buildCodeList, buildRecordView } from './model';
import { buildNeighbourhood } from './neighbourhood';

export const CITING_PAGE_SIZE = 20;
/** Performance marks set in the frame that first shows a record, and its citing articles (npm run bench:record). */
export const RENDERED_MARK = 'vbl-record-rendered';
export const ARTICLES_MARK = 'vbl-record-articles';

/** Marks the next animation frame (the one that paints what was just rendered), for the benchmark and diagnostics. */
function markNextFrame(name: string) {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => performance.mark(name));
}
/** Retries while the background is still loading its data (0.4 s, 0.8 s, … about 25 s in all). */
const RETRIES = 6;

export interface RecordPageOptions {
  root: HTMLElement;
  lookup: Pick<LookupClient, 'card' | 'sameCodeOtherTerms' | 'citingArticles' | 'byCode'>;
  t: Translate;
  lang: 'vi' | 'en';
  signal: AbortSignal;
  mountGraph?: MountGraph;
  /** The saved-references work's save button (see RecordPage). */
  renderSave?: (record: RecordView) => ComponentChildren;
  copy?: (text: string) => Promise<boolean>;
  win?: Window;
}

/** Asks again while the dataset is loading (the first minutes after install). */
async function patiently<T>(ask: () => Promise<T>, signal: AbortSignal): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await ask();
    } catch (error) {
      if (!(error instanceof LookupError && error.code === 'not-ready' && attempt < RETRIES) || signal.aborted) throw error;
      await new Promise((r) => setTimeout(r, 400 * 2 ** attempt));
    }
  }
}

export function startRecordPage(options: RecordPageOptions): { done: Promise<void> } {
  const { root, lookup, t, lang, signal } = options;
  const win = options.win ?? window;
  const copy = options.copy ?? ((text: string) => win.navigator.clipboard.writeText(text).then(() => true, () => false));
  let state: RecordPageState = { kind: 'loading' };
  let copyState: 'copied' | 'failed' | undefined;
  /**
   * The graph is drawn once the first citing articles are shown: loading and starting cytoscape takes the main
   * thread for a while, which must not hold up the list.
   */
  let graphAllowed = false;
  /** Which load is current: an older answer arriving late is dropped. */
  let generation = 0;

  const draw = () => {
    if (signal.aborted) return;
    render(
      h(RecordPage, {
        state,
        t,
        copyState,
        mountGraph: graphAllowed ? options.mountGraph : undefined,
        renderSave: options.renderSave,
        onCopy: (text: string) =>
          void copy(text).then((ok) => {
            copyState = ok ? 'copied' : 'failed';
            draw();
          }),
        onFilter: (filter: { outlet?: string; year?: string }) => go({ ...filter, page: 0 }),
        onPage: (page: number) => {
          if (state.kind === 'record') go({ outlet: state.citing.outlet, year: state.citing.year, page });
        },
        onOpen: (id: string) => win.location.assign(recordHref(id)),
      }),
      root,
    );
  };

  /** A new filter or page: a new address (Back returns to the previous one), then the articles. */
  const go = (articles: ArticleFilter) => {
    if (state.kind !== 'record') return;
    win.history.pushState(null, '', recordHref(state.record.id, articles));
    void loadArticles(state.record.id, articles);
  };

  async function loadArticles(id: string, filter: ArticleFilter) {
    if (state.kind !== 'record') return;
    const run = ++generation;
    state = { ...state, citing: { ...state.citing, state: 'loading' } };
    draw();
    try {
      const page = await patiently(() => lookup.citingArticles(id, { page: filter.page, pageSize: CITING_PAGE_SIZE, outlet: filter.outlet, year: filter.year }), signal);
      if (run !== generation || state.kind !== 'record') return;
      if (page) state = { ...state, citing: buildCitingView(page, { ...filter, pageSize: CITING_PAGE_SIZE }, lang) };
    } catch {
      if (run !== generation || state.kind !== 'record') return;
      state = { ...state, citing: { ...state.citing, state: 'error' } };
    }
    draw();
  }

  async function load(): Promise<void> {
    const address = parseRecordAddress(win.location.search);
    const run = ++generation;
    try {
      if (address.kind === 'none') {
        state = { kind: 'none', searchHref: 'search.html' };
      } else if (address.kind === 'code') {
        const documents = await patiently(() => lookup.byCode(address.code), signal);
        if (run !== generation) return;
        state = { kind: 'code', list: buildCodeList(address.code, documents, lang) };
        win.document.title = `${address.code} — vanban-lens`;
      } else {
        const { id, articles } = address;
        // The record first (asked first: the service answers in order of arrival when busy), the articles at once
        // after it but not waited for: the record shows as soon as it is known.
        const asked = Promise.all([
          patiently(() => lookup.card(id, { articles: 1 }), signal),
          patiently(() => lookup.sameCodeOtherTerms(id), signal).catch(() => []),
        ]);
        const citing = patiently(() => lookup.citingArticles(id, { page: articles.page, pageSize: CITING_PAGE_SIZE, outlet: articles.outlet, year: articles.year }), signal);
        citing.catch(() => {});
        const [card, sameCode] = await asked;
        if (run !== generation) return;
        if (!card) {
          state = { kind: 'not-found', id, searchHref: searchHref(id.replace(/[@~].*$/, '')) };
        } else {
          const record = buildRecordView({ document: card.document, related: card.related, sameCode, lang });
          state = {
            kind: 'record',
            record,
            graph: buildNeighbourhood(card.document, card.related, sameCode),
            citing: { state: 'loading', items: [], total: 0, all: 0, page: articles.page, pageSize: CITING_PAGE_SIZE, outlets: [], years: [] },
          };
          win.document.title = `${record.heading} — vanban-lens`;
          void showArticles(run, citing, articles);
        }
      }
    } catch (error) {
      if (run !== generation) return;
      state = { kind: 'error', message: error instanceof LookupError && error.code === 'not-ready' ? 'record_errorNotReady' : 'record_errorLookup' };
    }
    draw();
    if (state.kind === 'record') markNextFrame(RENDERED_MARK);
  }

  /** The first page of citing articles, once it arrives (the record is already shown). */
  async function showArticles(run: number, citing: Promise<CitingArticlesPage | undefined>, articles: ArticleFilter) {
    let view: CitingView;
    try {
      const page = await citing;
      view = page
        ? buildCitingView(page, { ...articles, pageSize: CITING_PAGE_SIZE }, lang)
        : { state: 'error', items: [], total: 0, all: 0, page: 0, pageSize: CITING_PAGE_SIZE, outlets: [], years: [] };
    } catch {
      view = { state: 'error', items: [], total: 0, all: 0, page: 0, pageSize: CITING_PAGE_SIZE, outlets: [], years: [] };
    }
    if (run !== generation || state.kind !== 'record') return;
    state = { ...state, citing: view };
    graphAllowed = true;
    draw();
    markNextFrame(ARTICLES_MARK);
  }

  // Back and Forward between filters and pages of the same record: the address says what to show.
  win.addEventListener(
    'popstate',
    () => {
      const address = parseRecordAddress(win.location.search);
      if (address.kind === 'id' && state.kind === 'record' && state.record.id === address.id) void loadArticles(address.id, address.articles);
      else void load();
    },
    { signal },
  );
  signal.addEventListener('abort', () => render(null, root), { once: true });
  draw();
  return { done: load() };
}
