/**
 * The popup's researcher part: a search box that opens the search page, and the references on the current page
 * grouped by document with how often each is cited (choosing one scrolls the page to the first and opens its
 * card). Props in, callbacks out.
 */
import type { Translate } from '@/lib/i18n/t';
import type { PageReferences } from '@/lib/records/page-references';

export interface PopupResearchProps {
  t: Translate;
  /** The page's references; undefined while asked, or where the page has no reader (off, or no web page). */
  references?: PageReferences;
  onReveal: (key: string) => void;
  onSearch: (q: string) => void;
  /** Opens the options page. */
  onOptions?: () => void;
}

export function PopupResearch({ t, references, onReveal, onSearch, onOptions }: PopupResearchProps) {
  return (
    <>
      <form
        role="search"
        class="popup-search"
        onSubmit={(e) => {
          e.preventDefault();
          const input = (e.currentTarget as HTMLFormElement).elements.namedItem('q') as HTMLInputElement;
          onSearch(input.value.trim());
        }}
      >
        <label for="popup-q" class="visually-hidden">
          {t('popup_searchLabel')}
        </label>
        <input id="popup-q" name="q" type="search" autoComplete="off" placeholder={t('popup_searchPlaceholder')} />
        <button type="submit">{t('popup_searchSubmit')}</button>
      </form>
      {references ? (
        <section aria-labelledby="refs-h" class="page-refs">
          <h2 id="refs-h">{t('popup_refsHeading', String(references.groups.length))}</h2>
          {references.groups.length === 0 ? (
            <p class="note">{t('popup_refsNone')}</p>
          ) : (
            <ul class="ref-groups">
              {references.groups.map((g) => (
                <li key={g.key}>
                  <button
                    type="button"
                    class="ref-group"
                    data-key={g.key}
                    onClick={() => onReveal(g.key)}
                  >
                    <span class="ref-code">{g.code}</span>
                    <span class="ref-count" aria-hidden="true">
                      ×{g.count}
                    </span>
                    <span class="visually-hidden">{t('popup_refsTimes', String(g.count))}</span>
                    {g.title ? <span class="ref-title">{g.title}</span> : g.status !== 'resolved' ? <span class="ref-title">{t(g.status === 'ambiguous' ? 'popup_refsAmbiguous' : g.status === 'pending' ? 'popup_refsPending' : 'popup_refsUnknown')}</span> : null}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      {onOptions ? (
        <button type="button" class="link options-link" onClick={onOptions}>
          {t('popup_options')}
        </button>
      ) : null}
    </>
  );
}
