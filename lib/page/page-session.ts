/**
 * The reader's life on one page: started when the site is on, stopped when it is turned off or its permission
 * is withdrawn, restarted or switched when its settings change. Settings are followed from the first read
 * (a change made during start-up is never overwritten by an older answer), and the page's signal carries one
 * listener however often the site is turned on and off.
 */
import type { EffectiveSettings } from '../settings/store';
import { followEffectiveSettings } from '../settings/store';
import { watchSiteAccess } from '../settings/site-access';
import type { Reader } from './reader';

export interface PageSessionOptions {
  hostname: string;
  /** The content script's signal: everything ends when it aborts. */
  signal: AbortSignal;
  /** Starts a reader with these settings; it must stop when `signal` aborts. */
  start: (settings: EffectiveSettings, signal: AbortSignal) => Reader;
}

export interface PageSession {
  /** The running reader, if the site is on. */
  reader(): Reader | undefined;
}

export function runPageSession({ hostname, signal, start }: PageSessionOptions): PageSession {
  const session = new AbortController();
  let run: { controller: AbortController; reader: Reader; settings: EffectiveSettings } | undefined;

  const stop = () => {
    run?.controller.abort();
    run = undefined;
  };
  const end = () => {
    stop();
    session.abort();
  };
  if (signal.aborted) end();
  else signal.addEventListener('abort', end, { once: true });

  const apply = (settings: EffectiveSettings) => {
    if (session.signal.aborted) return;
    if (!settings.enabled) return stop();
    // A new mode switches in place; a new dwell, families, language or theme starts a fresh reader.
    const same = (a: EffectiveSettings, b: EffectiveSettings) =>
      a.dwellMs === b.dwellMs && a.language === b.language && a.theme === b.theme && a.families?.party === b.families?.party && a.families?.state === b.families?.state;
    if (run && same(run.settings, settings)) {
      if (run.settings.mode !== settings.mode) run.reader.setMode(settings.mode);
      run.settings = settings;
      return;
    }
    stop();
    const controller = new AbortController();
    run = { controller, reader: start(settings, controller.signal), settings };
  };

  followEffectiveSettings(hostname, session.signal, apply);
  // A withdrawn permission stops this page for good (a new grant injects a fresh content script).
  watchSiteAccess(hostname, session.signal, end);
  return { reader: () => run?.reader };
}
