/** The library's filters and sort: text (accent-insensitive), tag, type, issuing body, year, site. */
import type { Translate } from '@/lib/i18n/t';
import type { Facets, LibraryQuery } from './types';

export interface FiltersProps {
  t: Translate;
  query: LibraryQuery;
  facets: Facets;
  onQuery: (patch: Partial<LibraryQuery>) => void;
}

export function Filters({ t, query, facets, onQuery }: FiltersProps) {
  const choice = (field: 'tag' | 'type' | 'issuer' | 'year' | 'site', label: string, values: Array<[string, number]>) =>
    values.length ? (
      <label class="filter">
        <span>{t(label)}</span>
        <select value={query[field] ?? ''} onChange={(e) => onQuery({ [field]: (e.currentTarget as HTMLSelectElement).value || undefined })}>
          <option value="">{t('library_any')}</option>
          {values.map(([v, n]) => (
            <option key={v} value={v}>{`${v} (${n})`}</option>
          ))}
        </select>
      </label>
    ) : null;
  return (
    <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
      <label class="filter text">
        <span>{t('library_filterText')}</span>
        <input type="search" value={query.text} placeholder={t('library_filterTextHint')} onInput={(e) => onQuery({ text: (e.currentTarget as HTMLInputElement).value })} />
      </label>
      {choice('tag', 'library_filterTag', facets.tags)}
      {choice('type', 'library_filterType', facets.types)}
      {choice('issuer', 'library_filterIssuer', facets.issuers)}
      {choice('year', 'library_filterYear', facets.years)}
      {choice('site', 'library_filterSite', facets.sites)}
      <label class="filter">
        <span>{t('library_sort')}</span>
        <select value={query.sort} onChange={(e) => onQuery({ sort: (e.currentTarget as HTMLSelectElement).value as LibraryQuery['sort'] })}>
          <option value="saved">{t('library_sortSaved')}</option>
          <option value="date">{t('library_sortDate')}</option>
          <option value="code">{t('library_sortCode')}</option>
        </select>
      </label>
    </form>
  );
}
