// Content script: wiring only. Reads this site's settings, starts the reader (marking + cards) when the site is
// on, and follows setting changes at once: off removes every mark, a new mode re-marks.
import { DEFAULT_MATCHES } from '@/lib/settings/sites';
import { getEffectiveSettings, watchEffectiveSettings, type EffectiveSettings } from '@/lib/settings/store';
import { startReader, type Reader } from '@/lib/card/reader';
import { listenForCommands } from '@/lib/card/commands';
import { pageDate, pageSite } from '@/lib/card/page-context';
import { createLookupClient } from '@/lib/lookup/client';
import { t, uiLanguage } from '@/lib/i18n/t';
import { annotate } from '@/lib/annotator/annotate';
import { detect } from '@/lib/detector/detect';

export default defineContentScript({
  matches: [...DEFAULT_MATCHES],
  allFrames: true,
  runAt: 'document_idle',
  async main(ctx) {
    const hostname = location.hostname;
    const lookup = createLookupClient();
    let run: { controller: AbortController; reader: Reader; settings: EffectiveSettings } | undefined;

    const stop = () => {
      run?.controller.abort();
      run = undefined;
    };
    const apply = (settings: EffectiveSettings) => {
      if (!settings.enabled) return stop();
      if (run && run.settings.dwellMs === settings.dwellMs) {
        if (run.settings.mode !== settings.mode) run.reader.setMode(settings.mode);
        run.settings = settings;
        return;
      }
      stop();
      const controller = new AbortController();
      ctx.signal.addEventListener('abort', () => controller.abort(), { once: true });
      const reader = startReader({
        signal: controller.signal,
        mode: settings.mode,
        dwellMs: settings.dwellMs,
        annotate,
        detect,
        lookup,
        t,
        lang: uiLanguage(),
        page: { pageDate: pageDate(document), site: pageSite(location) },
      });
      run = { controller, reader, settings };
    };

    watchEffectiveSettings(hostname, ctx.signal, apply);
    if (window === window.top) listenForCommands(ctx.signal, (direction) => run?.reader.move(direction));
    apply(await getEffectiveSettings(hostname));
  },
});
