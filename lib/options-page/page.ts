/**
 * The options page's behaviour: reads the settings and what is stored, saves every change at once (open pages
 * follow through storage), asks for the site permissions "everywhere" needs (from the click that chose it), and
 * clears the local data after a confirmation. Everything it adds stops when its signal aborts.
 */
import { h, render } from 'preact';
import { browser } from 'wxt/browser';
import { Options, type OptionsState, type StoredData } from '@/components/Options';
import type { Translate } from '../i18n/t';
import type { DatasetStatus } from '../lookup/messages';
import { hasAllSites, requestSite, revokeSite, syncRegisteredContentScript } from '../settings/registration';
import { isDefaultSite, sitePattern } from '../settings/sites';
import { getGlobalSettings, MAX_DWELL_MS, MIN_DWELL_MS, setGlobalSettings, siteList, type GlobalSettings } from '../settings/store';
import { applyTheme } from '../ui/page-look';

export interface OptionsPageOptions {
  root: HTMLElement;
  /** Strings for a language setting (the page re-renders in the chosen language at once). */
  strings: (language: GlobalSettings['language']) => { t: Translate; lang: 'vi' | 'en' };
  signal: AbortSignal;
  status: () => Promise<DatasetStatus>;
  reset: () => Promise<DatasetStatus>;
  doc?: Document;
}

export function startOptionsPage(options: OptionsPageOptions): { done: Promise<void> } {
  const { root, signal } = options;
  const doc = options.doc ?? document;
  let state: OptionsState | undefined;

  const draw = () => {
    if (signal.aborted || !state) return;
    const { t, lang } = options.strings(state.settings.language);
    doc.documentElement.lang = lang;
    doc.title = `${t('options_heading')} — vanban-lens`;
    applyTheme(doc, state.settings.theme);
    render(
      h(Options, {
        t,
        lang,
        state,
        onWhere: (where) => {
          // Everywhere (or everywhere but a list) needs the permission for every site: asked from this click.
          if ((where === 'everywhere' || where === 'except') && !state!.allSites) {
            void requestSite('all').then(
              async (granted) => {
                if (!granted) return update({ problem: 'options_permissionRefused' });
                await syncRegisteredContentScript().catch(() => {});
                update({ allSites: true });
                save({ where });
              },
              () => update({ problem: 'options_permissionRefused' }),
            );
            return;
          }
          // Back to the default sites: the every-site grant is withdrawn (sites turned on one by one stay on).
          if (where === 'default' && state!.allSites) {
            void revokeSite('all').then(
              () => update({ allSites: false }),
              () => update({ problem: 'options_permissionRefused' }),
            );
          }
          save({ where });
        },
        onSites: (written) => {
          const sites = siteList(written);
          // "Only these": sites beyond the default ones need their permission, asked from this click.
          const extra = state!.settings.where === 'only' && !state!.allSites ? sites.filter((s) => !isDefaultSite(s)) : [];
          if (extra.length === 0) return save({ sites });
          void browser.permissions.request({ origins: extra.map(sitePattern) }).then(
            async (granted) => {
              if (!granted) update({ problem: 'options_permissionRefused' });
              await syncRegisteredContentScript().catch(() => {});
              save({ sites });
            },
            () => update({ problem: 'options_permissionRefused' }),
          );
        },
        onFamilies: (families) => save({ families }),
        onMode: (defaultMode) => save({ defaultMode }),
        onDwell: (dwellMs) => save({ dwellMs }),
        onTheme: (theme) => save({ theme }),
        onLanguage: (language) => save({ language }),
        onClear: () => update({ clearing: 'confirm', saved: false }),
        onCancelClear: () => update({ clearing: undefined }),
        onConfirmClear: () => void clear(),
      }),
      root,
    );
  };

  const update = (patch: Partial<OptionsState>) => {
    if (!state) return;
    state = { ...state, ...patch };
    draw();
  };

  /** Shows the change at once (the controls follow the reader), saves it, and shows what was saved. */
  function save(patch: Partial<GlobalSettings>) {
    const before = state!.settings;
    update({ settings: { ...before, ...patch }, problem: undefined, saved: false });
    void setGlobalSettings(patch).then(
      (settings) => update({ settings, saved: true }),
      () => update({ settings: before, problem: 'options_saveFailed' }),
    );
  }

  async function stored(): Promise<StoredData> {
    const [status, estimate] = await Promise.all([
      options.status().catch(() => undefined),
      navigator.storage?.estimate?.().catch(() => undefined) ?? Promise.resolve(undefined),
    ]);
    return {
      ready: !!status?.ready,
      version: status?.version,
      documents: status?.documents,
      articles: status?.articles,
      bytes: estimate?.usage,
      error: status?.lastError,
    };
  }

  async function clear() {
    update({ clearing: 'working' });
    try {
      await options.reset();
      update({ clearing: 'done', stored: await stored() });
    } catch {
      update({ clearing: 'failed', stored: await stored() });
    }
  }

  // Changes made elsewhere (the popup, another device) show here too.
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if ((area === 'sync' || area === 'local') && 'settings' in changes) void getGlobalSettings().then((settings) => update({ settings }));
  };
  browser.storage.onChanged.addListener(onChanged);
  signal.addEventListener('abort', () => {
    browser.storage.onChanged.removeListener(onChanged);
    render(null, root);
  }, { once: true });

  const done = (async () => {
    const [settings, allSites] = await Promise.all([getGlobalSettings(), hasAllSites().catch(() => false)]);
    state = { settings, allSites, dwellRange: { min: MIN_DWELL_MS, max: MAX_DWELL_MS } };
    draw();
    update({ stored: await stored() });
  })();
  return { done };
}
