// The search page (search.html?q=…&family=…): wiring only; lib/search-page does the work.
import { fetchSearchFacets, findDocuments } from '@/lib/lookup/client';
import { t, uiLanguage } from '@/lib/i18n/t';
import { startSearchPage } from '@/lib/search-page/page';
import { codeHref, recordHref } from '@/lib/record/address';
import './style.css';

const lang = uiLanguage();
document.documentElement.lang = lang;
startSearchPage({
  root: document.getElementById('app')!,
  t,
  lang,
  signal: new AbortController().signal,
  find: findDocuments,
  facets: fetchSearchFacets,
  recordHref: (id) => recordHref(id),
  codeHref,
});
document.getElementById('q')?.focus();
