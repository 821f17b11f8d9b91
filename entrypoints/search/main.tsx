// The search page (search.html?q=…&family=…): wiring only; lib/search-page does the work.
import { fetchSearchFacets, findDocuments } from '@/lib/lookup/client';
import { applyPageLook } from '@/lib/ui/page-look';
import viMessages from '@/public/_locales/vi/messages.json';
import enMessages from '@/public/_locales/en/messages.json';
import { startSearchPage } from '@/lib/search-page/page';
import { codeHref, recordHref } from '@/lib/record/address';
import './style.css';

// Theme and language as chosen in the options, then the page.
void applyPageLook(document, { vi: viMessages, en: enMessages }).then(({ t, lang }) => {
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
});
