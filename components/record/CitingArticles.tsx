/**
 * Every article citing the document, newest first, a page at a time, filterable by outlet and year: outlet, date,
 * title and link, and what the article's sentence stated (date, issuing body, term as read). No article text.
 */
import type { Translate } from '@/lib/i18n/t';
import type { CitingView } from './types';

export interface CitingArticlesProps {
  view: CitingView;
  t: Translate;
  onFilter: (filter: { outlet?: string; year?: string }) => void;
  onPage: (page: number) => void;
}

export function CitingArticles({ view, t, onFilter, onPage }: CitingArticlesProps) {
  const pages = Math.max(1, Math.ceil(view.total / view.pageSize));
  const from = view.total === 0 ? 0 : view.page * view.pageSize + 1;
  const to = Math.min(view.total, (view.page + 1) * view.pageSize);
  return (
    <section aria-labelledby="rec-citing" class="citing">
      <h2 id="rec-citing">{t('record_citing', String(view.all))}</h2>
      {view.all > 0 ? (
        <div class="filters" role="group" aria-label={t('record_filters')}>
          <label>
            {t('record_filterOutlet')}{' '}
            <select value={view.outlet ?? ''} onChange={(e) => onFilter({ outlet: (e.currentTarget as HTMLSelectElement).value || undefined, year: view.year })}>
              <option value="">{t('record_filterAll')}</option>
              {view.outlets.map((o) => (
                <option key={o.name} value={o.name}>
                  {o.name} ({o.count})
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('record_filterYear')}{' '}
            <select value={view.year ?? ''} onChange={(e) => onFilter({ outlet: view.outlet, year: (e.currentTarget as HTMLSelectElement).value || undefined })}>
              <option value="">{t('record_filterAll')}</option>
              {view.years.map((y) => (
                <option key={y.year} value={y.year}>
                  {y.year} ({y.count})
                </option>
              ))}
            </select>
          </label>
        </div>
      ) : null}
      <p class="note" role="status" aria-live="polite">
        {view.state === 'loading'
          ? t('record_loading')
          : view.state === 'error'
            ? t('record_errorLookup')
            : view.all === 0
              ? t('record_citingNone')
              : view.total === 0
                ? t('record_citingNoneFiltered')
                : t('record_citingShown', [String(from), String(to), String(view.total)])}
      </p>
      <ol class="articles" start={from || 1}>
        {view.items.map((a, i) => (
          <li key={`${view.page}-${i}`} class="article">
            {a.url ? (
              // Same tab: the reader reads the article, then Back returns here with the same filter and page.
              <a href={a.url} rel="noopener noreferrer">
                {a.title}
              </a>
            ) : (
              <span>{a.title}</span>
            )}
            <span class="meta"> · {[a.outlet, a.date].filter(Boolean).join(' · ')}</span>
            {a.stated.length > 0 ? (
              <ul class="stated" aria-label={t('record_stated')}>
                {a.stated.map((s, j) => (
                  <li key={j}>
                    <q>{s.raw}</q>: {s.facts.length > 0 ? s.facts.join(' · ') : t('record_statedNothing')}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
      {pages > 1 ? (
        <nav class="pager" aria-label={t('record_pages')}>
          <button type="button" disabled={view.page === 0} onClick={() => onPage(view.page - 1)}>
            {t('record_prevPage')}
          </button>
          <span>{t('record_pageOf', [String(view.page + 1), String(pages)])}</span>
          <button type="button" disabled={view.page + 1 >= pages} onClick={() => onPage(view.page + 1)}>
            {t('record_nextPage')}
          </button>
        </nav>
      ) : null}
    </section>
  );
}
