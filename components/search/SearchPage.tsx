/**
 * The search page (search.html): a search box, the filters (family, type, issuer, term, years, cited by articles)
 * and the results, each a link to its record. Keyboard: ↓ from the box goes to the first result, ↑/↓ move through
 * the results (Home/End to the ends), ↑ from the first returns to the box, Enter opens the result. Props in,
 * callbacks out; lib/search-page keeps the address and asks the lookup service.
 */
import { useRef } from 'preact/hooks';
import type { Translate } from '@/lib/i18n/t';
import type { FindResult, FoundDocument, SearchFacets } from '@/lib/lookup/messages';
import type { SearchFilters, SearchQuery } from '@/lib/search/query';

export type SearchStatus = 'idle' | 'loading' | 'ready' | 'not-ready' | 'error';

export interface SearchPageState {
  query: SearchQuery;
  facets?: SearchFacets;
  result?: FindResult;
  status: SearchStatus;
  /** True while a further page of results is being read. */
  more?: boolean;
}

export interface SearchPageProps {
  t: Translate;
  lang: 'vi' | 'en';
  state: SearchPageState;
  recordHref: (id: string) => string;
  codeHref: (code: string) => string;
  searchHref: (q: string) => string;
  /** Example queries the empty page offers. */
  examples: string[];
  onText: (q: string) => void;
  onSubmit: () => void;
  onFilters: (filters: SearchFilters) => void;
  onMore: () => void;
  /** True for a document in the saved library (the result says so); absent: not shown. */
  isSaved?: (id: string) => boolean;
}

export function SearchPage({ t, lang, state, ...p }: SearchPageProps) {
  const list = useRef<HTMLOListElement>(null);
  const box = useRef<HTMLInputElement>(null);
  const { query, result, facets, status } = state;
  const filters = query.filters;
  const set = (patch: Partial<SearchFilters>) => {
    const next: SearchFilters = { ...filters, ...patch };
    for (const key of Object.keys(next) as Array<keyof SearchFilters>) if (next[key] === undefined || next[key] === '' || next[key] === false) delete next[key];
    p.onFilters(next);
  };
  const links = () => [...(list.current?.querySelectorAll<HTMLAnchorElement>('a.result-link') ?? [])];
  const onBoxKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      const first = links()[0];
      if (first) {
        e.preventDefault();
        first.focus();
      }
    }
  };
  const onListKey = (e: KeyboardEvent) => {
    const all = links();
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (at < 0) return;
    let to: number | undefined;
    if (e.key === 'ArrowDown') to = Math.min(all.length - 1, at + 1);
    else if (e.key === 'ArrowUp') to = at - 1;
    else if (e.key === 'Home') to = 0;
    else if (e.key === 'End') to = all.length - 1;
    if (to === undefined) return;
    e.preventDefault();
    if (to < 0) box.current?.focus();
    else all[to]!.focus();
  };
  const hasQuery = query.q.trim() !== '' || Object.keys(filters).length > 0;
  const years = facets?.years;
  const yearInput = (key: 'yearFrom' | 'yearTo', label: string) => (
    <label class="filter">
      <span>{label}</span>
      <input
        type="number"
        inputMode="numeric"
        name={key}
        min={years?.min ?? 1930}
        max={years?.max ?? 2100}
        placeholder={key === 'yearFrom' ? String(years?.min ?? '') : String(years?.max ?? '')}
        value={filters[key] ?? ''}
        onChange={(e) => {
          const text = (e.currentTarget as HTMLInputElement).value.trim();
          const n = Number(text);
          set({ [key]: text && Number.isInteger(n) && n >= 1930 && n <= 2100 ? n : undefined });
        }}
      />
    </label>
  );
  return (
    <div class="search-page">
      <header class="top">
        <span class="brand">{t('extName')}</span>
        <a href="options.html">{t('search_options')}</a>
      </header>
      <main>
        <h1>{t('search_heading')}</h1>
        <form
          role="search"
          class="search-form"
          onSubmit={(e) => {
            e.preventDefault();
            p.onSubmit();
          }}
        >
          <label for="q" class="visually-hidden">
            {t('search_boxLabel')}
          </label>
          <input
            id="q"
            ref={box}
            type="search"
            name="q"
            autoComplete="off"
            spellcheck={false}
            placeholder={t('search_boxPlaceholder')}
            aria-describedby="search-hint"
            aria-controls={result && result.items.length > 0 ? "results" : undefined}
            value={query.q}
            onInput={(e) => p.onText((e.currentTarget as HTMLInputElement).value)}
            onKeyDown={onBoxKey}
          />
          <button type="submit">{t('search_submit')}</button>
        </form>
        <p id="search-hint" class="note">
          {t('search_hint')}
        </p>

        <fieldset class="filters">
          <legend>{t('search_filters')}</legend>
          <label class="filter">
            <span>{t('search_family')}</span>
            <select name="family" value={filters.family ?? ''} onChange={(e) => set({ family: ((e.currentTarget as HTMLSelectElement).value || undefined) as SearchFilters['family'] })}>
              <option value="">{t('search_any')}</option>
              <option value="party">{t('search_familyParty')}</option>
              <option value="state">{t('search_familyState')}</option>
            </select>
          </label>
          <Choice name="type" label={t('search_type')} any={t('search_any')} value={filters.type} values={facets?.types} onChange={(type) => set({ type })} />
          <Choice name="issuer" label={t('search_issuer')} any={t('search_any')} value={filters.issuer} values={facets?.issuers} onChange={(issuer) => set({ issuer })} />
          <Choice name="term" label={t('search_term')} any={t('search_any')} value={filters.term} values={facets?.terms} onChange={(term) => set({ term })} />
          {yearInput('yearFrom', t('search_yearFrom'))}
          {yearInput('yearTo', t('search_yearTo'))}
          <label class="filter check">
            <input type="checkbox" name="cited" checked={!!filters.cited} onChange={(e) => set({ cited: (e.currentTarget as HTMLInputElement).checked || undefined })} />
            <span>{t('search_cited')}</span>
          </label>
          {Object.keys(filters).length > 0 ? (
            <button type="button" class="link" onClick={() => p.onFilters({})}>
              {t('search_clearFilters')}
            </button>
          ) : null}
        </fieldset>

        <section aria-labelledby="results-h">
          <h2 id="results-h" class="visually-hidden">
            {t('search_results')}
          </h2>
          <p class="status" role="status" aria-live="polite">
            {statusText(t, lang, state, hasQuery)}
          </p>
          {!hasQuery ? (
            <div class="empty">
              <p>{t('search_emptyTry')}</p>
              <ul class="examples">
                {p.examples.map((q) => (
                  <li key={q}>
                    <a href={p.searchHref(q)}>{q}</a>
                  </li>
                ))}
              </ul>
            </div>
          ) : status === 'ready' && result && result.total === 0 ? (
            <div class="empty">
              <p>{t('search_noneTry')}</p>
              <ul>
                <li>{t('search_noneFewerWords')}</li>
                <li>{t('search_noneCode')}</li>
                {Object.keys(filters).length > 0 ? (
                  <li>
                    <button type="button" class="link" onClick={() => p.onFilters({})}>
                      {t('search_clearFilters')}
                    </button>
                  </li>
                ) : null}
              </ul>
            </div>
          ) : null}
          {result?.code && result.items.filter((i) => i.document.code === result.code).length > 1 ? (
            <p class="code-all">
              <a href={p.codeHref(result.code)}>{t('search_allWithCode', result.code)}</a>
            </p>
          ) : null}
          {result && result.items.length > 0 ? (
            <ol id="results" class="results" ref={list} onKeyDown={onListKey} aria-labelledby="results-h">
              {result.items.map((item) => (
                <Result key={item.document.id} item={item} t={t} lang={lang} href={p.recordHref(item.document.id)} saved={p.isSaved?.(item.document.id) ?? false} />
              ))}
            </ol>
          ) : null}
          {result && result.items.length < result.total ? (
            <button type="button" class="more" disabled={state.more} onClick={p.onMore}>
              {t('search_more', [String(result.items.length), String(result.total)])}
            </button>
          ) : null}
        </section>
      </main>
    </div>
  );
}

function statusText(t: Translate, lang: 'vi' | 'en', state: SearchPageState, hasQuery: boolean): string {
  if (!hasQuery) return '';
  switch (state.status) {
    case 'loading':
      return t('search_loading');
    case 'not-ready':
      return t('search_notReady');
    case 'error':
      return t('search_error');
    case 'ready':
      if (!state.result) return '';
      if (state.result.total === 0) return t('search_none', state.query.q.trim() || t('search_theseFilters'));
      return t('search_count', state.result.total.toLocaleString(lang === 'en' ? 'en' : 'vi'));
    default:
      return '';
  }
}

function Choice(props: { name: string; label: string; any: string; value?: string; values?: Array<{ value: string; count: number }>; onChange: (value: string | undefined) => void }) {
  const values = props.values ?? [];
  // A value from the address the dataset does not hold stays shown (and selected), never silently dropped.
  const listed = props.value && !values.some((v) => v.value === props.value) ? [{ value: props.value, count: 0 }, ...values] : values;
  return (
    <label class="filter">
      <span>{props.label}</span>
      <select name={props.name} value={props.value ?? ''} onChange={(e) => props.onChange((e.currentTarget as HTMLSelectElement).value || undefined)}>
        <option value="">{props.any}</option>
        {listed.map((v) => (
          <option key={v.value} value={v.value}>
            {v.count ? `${v.value} (${v.count})` : v.value}
          </option>
        ))}
      </select>
    </label>
  );
}

function Result({ item, t, lang, href, saved }: { item: FoundDocument; t: Translate; lang: 'vi' | 'en'; href: string; saved: boolean }) {
  const d = item.document;
  const facts = [d.typeName, d.issuer ?? d.issuerAbbr, d.date ? formatDate(d.date, lang) : undefined, d.term ? t('search_termOf', d.term) : undefined].filter(Boolean);
  return (
    <li class="result">
      <a class="result-link" href={href}>
        <span class="code">{d.code}</span>
        {d.title ? <span class="result-title">{d.title}</span> : null}
      </a>
      <span class="meta">
        {facts.join(' · ')}
        {item.cited > 0 ? ` · ${t('search_citedBy', String(item.cited))}` : ''}
        {d.knownFromNews ? ` · ${t('search_newsOnly')}` : ''}
        {saved ? <span class="saved-mark" data-saved="true">{` · ${t('saved_inLibrary')}`}</span> : null}
      </span>
    </li>
  );
}

/** "2019-05-30" → "30/05/2019" (vi) or "30 May 2019" (en); a year alone stays as it is. */
function formatDate(date: string, lang: 'vi' | 'en'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  if (lang === 'vi') return `${m[3]}/${m[2]}/${m[1]}`;
  return new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}
