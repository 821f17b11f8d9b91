// Popup wiring: reads the active tab, the site's access and settings, and carries out the popup's choices.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup, type PopupState } from '@/components/Popup';
import { t } from '@/lib/i18n/t';
import { isDefaultSite, isWebPage } from '@/lib/settings/sites';
import { getGlobalSettings, getSiteSettings, setGlobalSettings, setSiteSettings, effectiveSettings, type Mode } from '@/lib/settings/store';
import { hasAllSites, hasSiteAccess, injectIntoTab, requestSite, revokeSite, syncRegisteredContentScript } from '@/lib/settings/registration';
import { NEXT_REFERENCE, PREVIOUS_REFERENCE } from '@/lib/card/commands';
import { fetchDatasetStatus } from '@/lib/lookup/client';
import './style.css';

const app = document.getElementById('app')!;
let state: PopupState = { access: 'none', allSites: false, enabled: false, mode: 'highlight', defaultMode: 'highlight', dwellMs: 300, shortcuts: {} };
let tabId: number | undefined;

const update = (patch: Partial<PopupState>) => {
  state = { ...state, ...patch };
  render(
    <Popup
      t={t}
      state={state}
      onToggleSite={(enabled) => state.host && void setSiteSettings(state.host, { enabled }).then(() => update({ enabled, problem: undefined }))}
      onEnableHere={() => state.host && grant(requestSite(state.host))}
      onEnableAll={() => grant(requestSite('all'))}
      onRevokeHere={() => state.host && void revokeSite(state.host).then(refresh)}
      onRevokeAll={() => void revokeSite('all').then(refresh)}
      onMode={(mode: Mode) => state.host && void setSiteSettings(state.host, { mode }).then(() => update({ mode }))}
      onDefaultMode={(defaultMode: Mode) => void setGlobalSettings({ defaultMode }).then(refresh)}
      onDwell={(dwellMs) => void setGlobalSettings({ dwellMs }).then((g) => update({ dwellMs: g.dwellMs }))}
    />,
    app,
  );
};

/** After the permission prompt (which must open straight from the click): register, turn on, mark this tab. */
function grant(request: Promise<boolean>) {
  update({ busy: true, problem: undefined });
  void request
    .then(async (granted) => {
      if (!granted) return update({ busy: false, problem: 'popupPermissionRefused' });
      await syncRegisteredContentScript();
      if (state.host) await setSiteSettings(state.host, { enabled: true });
      if (tabId !== undefined) await injectIntoTab(tabId).catch(() => update({ problem: 'popupReloadToStart' }));
      await refresh();
    })
    .catch(() => update({ busy: false, problem: 'popupPermissionFailed' }));
}

async function refresh() {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  tabId = tab?.id;
  const host = isWebPage(tab?.url) ? new URL(tab!.url!).hostname : undefined;
  const [global, allSites, commands] = await Promise.all([getGlobalSettings(), hasAllSites(), browser.commands?.getAll().catch(() => []) ?? []]);
  const site = host ? await getSiteSettings(host) : {};
  const access = host === undefined ? 'none' : isDefaultSite(host) ? 'default' : (await hasSiteAccess(host)) ? 'granted' : 'none';
  const effective = effectiveSettings(global, site);
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
}

/** The dataset's state, asked again every second while it is still loading (the first run after install). */
async function watchDataset(attempt: number): Promise<void> {
  const status = await fetchDatasetStatus().catch(() => undefined);
  update({ dataset: { ready: !!status?.ready, documents: status?.documents, articles: status?.articles, error: status?.lastError } });
  if (!status?.ready && attempt < 60) setTimeout(() => void watchDataset(attempt + 1), 1000);
}

update({});
void refresh();
