// Content script: wiring only. Follows this site's settings and permission (lib/page/page-session): the reader
// (marking + cards) runs while the site is on; off or a withdrawn permission removes every mark, a new mode
// re-marks. The page's context (date, site) is read again for every batch, so single-page sites that change
// article in place resolve by the new article's date.
import { DEFAULT_MATCHES } from '@/lib/settings/sites';
import { runPageSession } from '@/lib/page/page-session';
import { startReader } from '@/lib/page/reader';
import { listenForCommands } from '@/lib/page/commands';
import { findPageDate, pageHeadline, pageSite } from '@/lib/page/page-context';
import { createLookupClient } from '@/lib/lookup/client';
import { t, translatorFrom, uiLanguage, withFallback } from '@/lib/i18n/t';
import viMessages from '@/public/_locales/vi/messages.json';
import enMessages from '@/public/_locales/en/messages.json';
import { annotate } from '@/lib/annotator/annotate';
import { detect } from '@/lib/detector/detect';
import { copyFromExtension } from '@/lib/page/clipboard';
import { openRecordFromPage, recordUrl } from '@/lib/page/open-record';
import { listenForPopup } from '@/lib/page/popup-link';

export default defineContentScript({
  matches: [...DEFAULT_MATCHES],
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    const lookup = createLookupClient();
    // The language chosen in the options, else the browser's; the bundled strings stand in if browser.i18n stops
    // answering (an orphaned script): a card never shows keys.
    const strings = (language: 'system' | 'vi' | 'en') => {
      const lang = language === 'system' ? uiLanguage() : language;
      const bundled = translatorFrom(lang === 'en' ? enMessages : viMessages);
      return { lang, text: language === 'system' ? withFallback(t, bundled) : bundled };
    };
    const site = pageSite(location);
    const page = () => {
      const found = findPageDate(document);
      return { pageDate: found?.date, pageDateFrom: found?.from, site, headline: pageHeadline(document) };
    };
    const session = runPageSession({
      hostname: location.hostname,
      signal: ctx.signal,
      start: (settings, signal) => {
        const { lang, text } = strings(settings.language);
        // Only the families chosen in the options are marked.
        const marked: typeof detect = (input, forms) => detect(input, forms).filter((ref) => settings.families[ref.family]);
        return startReader({ signal, mode: settings.mode, dwellMs: settings.dwellMs, annotate, detect: marked, lookup, t: text, lang, page, copy: copyFromExtension, openRecord: openRecordFromPage, recordLink: recordUrl, theme: settings.theme });
      },
    });
    if (window === window.top) {
      listenForCommands(ctx.signal, (direction) => session.reader()?.move(direction));
      // The popup's list of the page's references, and its "go to it".
      listenForPopup(ctx.signal, () => session.reader());
    }
  },
});
