// Popup wiring: reads the active tab, the site's access and settings, and carries out the popup's choices.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup, type PopupState } from '@/components/Popup';
import { t, uiLanguage, type Translate } from '@/lib/i18n/t';
import { applyPageLook } from '@/lib/ui/page-look';
import viMessages from '@/public/_locales/vi/messages.json';
import enMessages from '@/public/_locales/en/messages.json';
import { isDefaultSite, isWebPage } from '@/lib/settings/sites';
import { getGlobalSettings, getSiteSettings, setGlobalSettings, setSiteSettings, effectiveSettings, MAX_DWELL_MS, MIN_DWELL_MS, type Mode } from '@/lib/settings/store';
import { hasAllSites, hasSiteAccess, injectIntoTab, requestSite, revokeSite, syncRegisteredContentScript } from '@/lib/settings/registration';
import { NEXT_REFERENCE, PREVIOUS_REFERENCE } from '@/lib/page/commands';
import { fetchDatasetStatus, reloadDataset, type DatasetStatus } from '@/lib/lookup/client';
import { unreadableKey } from '@/lib/card/model';
import { askPageReferences, revealOnPage, type PageReferences } from '@/lib/page/popup-link';
import { searchHref } from '@/lib/record/address';
import './style.css';

const app = document.getElementById('app')!;
document.documentElement.lang = uiLanguage();
/** The strings: the browser's, until the options' language and theme are read (lib/ui/page-look). */
let strings: Translate = t;
let state: PopupState = {
  access: 'none',
  allSites: false,
  enabled: false,
  mode: 'highlight',
  defaultMode: 'highlight',
  dwellMs: 300,
  dwellRange: { min: MIN_DWELL_MS, max: MAX_DWELL_MS },
  shortcuts: {},
};
let tabId: number | undefined;
/** The page's references, grouped by document (asked from the tab's content script). */
let references: PageReferences | undefined;

/** Carries out a settings change; a failed save (the sync storage quota, say) is said plainly, never lost silently. */
function save<T>(change: Promise<T>, then: (value: T) => void) {
  void change.then(then, (error: unknown) => {
    console.warn('vanban-lens: saving settings', error);
    update({ problem: 'popupSaveFailed' });
  });
}

const update = (patch: Partial<PopupState>) => {
  state = { ...state, ...patch };
  render(
    <Popup
      t={strings}
      state={state}
      onToggleSite={(enabled) => state.host && save(setSiteSettings(state.host, { enabled }), () => update({ enabled, problem: undefined }))}
      onEnableHere={() => state.host && grant(requestSite(state.host))}
      onEnableAll={() => grant(requestSite('all'))}
      onRevokeHere={() => state.host && revoke(state.host)}
      onRevokeAll={() => revoke('all')}
      onMode={(mode: Mode) => state.host && save(setSiteSettings(state.host, { mode }), () => update({ mode, problem: undefined }))}
      onDefaultMode={(defaultMode: Mode) => save(setGlobalSettings({ defaultMode }), () => void refresh())}
      onDwell={(dwellMs) => save(setGlobalSettings({ dwellMs }), (g) => update({ dwellMs: g.dwellMs, problem: undefined }))}
      onRetryDataset={() => {
        update({ dataset: { ...state.dataset, ready: false, retrying: true } });
        void reloadDataset().then(showDataset, () => showDataset(undefined));
      }}
      research={{
        references,
        onReveal: (key) => tabId !== undefined && void revealOnPage(tabId, key).then((shown) => shown && window.close()),
        onSearch: (q) => void browser.tabs.create({ url: browser.runtime.getURL(`/${q ? searchHref(q) : 'search.html'}` as never) }).then(() => window.close()),
        onOptions: () => void browser.runtime.openOptionsPage().then(() => window.close()),
      }}
      onOpenLibrary={() => void browser.tabs.create({ url: browser.runtime.getURL('/library.html') }).then(() => window.close())}
    />,
    app,
  );
};

/**
 * After the permission prompt (which must open straight from the click): register, turn on, mark this tab.
 * The background registers the content script too (permissions.onAdded), perhaps at the same moment; the
 * registration ends right whichever runs first, and the popup turns the site on and marks the tab either way.
 */
function grant(request: Promise<boolean>) {
  update({ busy: true, problem: undefined });
  void request.then(
    async (granted) => {
      if (!granted) return update({ busy: false, problem: 'popupPermissionRefused' });
      let problem: string | undefined;
      await syncRegisteredContentScript().catch((error: unknown) => console.warn('vanban-lens: registration', error));
      if (state.host) await setSiteSettings(state.host, { enabled: true }).catch(() => (problem = 'popupSaveFailed'));
      if (tabId !== undefined) await injectIntoTab(tabId).catch(() => (problem ??= 'popupReloadToStart'));
      await refresh().catch(() => update({ busy: false }));
      if (problem) update({ problem });
    },
    () => update({ busy: false, problem: 'popupPermissionFailed' }),
  );
}

/** Withdraws a grant; open tabs of the site stop at once (lib/settings/site-access). */
function revoke(hostname: string | 'all') {
  update({ busy: true, problem: undefined });
  void revokeSite(hostname).then(refresh, () => update({ busy: false, problem: 'popupRevokeFailed' }));
}

async function refresh() {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  tabId = tab?.id;
  const host = isWebPage(tab?.url) ? new URL(tab!.url!).hostname : undefined;
  const [global, allSites, commands] = await Promise.all([getGlobalSettings(), hasAllSites(), browser.commands?.getAll().catch(() => []) ?? []]);
  const site = host ? await getSiteSettings(host) : {};
  const access = host === undefined ? 'none' : isDefaultSite(host) ? 'default' : (await hasSiteAccess(host)) ? 'granted' : 'none';
  const effective = effectiveSettings(global, site, host);
  update({
    host,
    access,
    allSites,
    enabled: effective.enabled,
    mode: effective.mode,
    defaultMode: global.defaultMode,
    dwellMs: global.dwellMs,
    busy: false,
    shortcuts: {
      next: commands.find((c) => c.name === NEXT_REFERENCE)?.shortcut,
      previous: commands.find((c) => c.name === PREVIOUS_REFERENCE)?.shortcut,
    },
  });
  void watchDataset(0);
  if (tabId !== undefined && host !== undefined) {
    const answer = await askPageReferences(tabId);
    references = answer && !answer.off ? answer : undefined;
    update({});
  }
}

/** The dataset's state; what failed, in words, when none can be read or when a newer bundle could not be. */
function showDataset(status: DatasetStatus | undefined) {
  const what = status?.problem ? unreadableKey(status.problem) : undefined;
  const ready = !!status?.ready;
  update({
    dataset: {
      ready, documents: status?.documents, articles: status?.articles, error: status?.lastError,
      ...(what ? (ready ? { newUnreadable: what } : { unreadable: what }) : {}),
    },
  });
}

/** The dataset's state, asked again every second while it is still loading (the first run after install). */
async function watchDataset(attempt: number): Promise<void> {
  const status = await fetchDatasetStatus().catch(() => undefined);
  showDataset(status);
  if (!status?.ready && attempt < 60) setTimeout(() => void watchDataset(attempt + 1), 1000);
}

update({});
void refresh();
void applyPageLook(document, { vi: viMessages, en: enMessages }).then((look) => {
  strings = look.t;
  update({});
});
