/**
 * The toolbar popup: is vanban-lens on for this site, how references are drawn here, and the defaults.
 * Props in, callbacks out; the wiring (tabs, permissions, storage) lives in entrypoints/popup.
 */
import type { Translate } from '@/lib/i18n/t';
import type { Mode } from '@/lib/settings/store';
import { PopupResearch, type PopupResearchProps } from './popup/PopupResearch';

export type SiteAccess = 'default' | 'granted' | 'none';

export interface PopupState {
  /** The active tab's host, or undefined on pages no extension may touch (browser pages, files). */
  host?: string;
  access: SiteAccess;
  /** The user granted every site. */
  allSites: boolean;
  enabled: boolean;
  mode: Mode;
  defaultMode: Mode;
  dwellMs: number;
  /** The dwell the settings accept (ms). */
  dwellRange?: { min: number; max: number };
  shortcuts: { next?: string; previous?: string };
  /**
   * `unreadable`: the message key saying what failed when no dataset can be read (the bundle is broken);
   * `newUnreadable`: the same when a newer bundle failed and the data loaded before still answers.
   */
  dataset?: { ready: boolean; documents?: number; articles?: number; error?: string; unreadable?: string; newUnreadable?: string; retrying?: boolean };
  /** A message key shown after a failed action (permission refused, injection failed). */
  problem?: string;
  busy?: boolean;
}

export interface PopupProps {
  t: Translate;
  state: PopupState;
  onToggleSite: (enabled: boolean) => void;
  onEnableHere: () => void;
  onEnableAll: () => void;
  onRevokeHere: () => void;
  onRevokeAll: () => void;
  onMode: (mode: Mode) => void;
  onDefaultMode: (mode: Mode) => void;
  onDwell: (ms: number) => void;
  /** Tries the bundled data again (shown when it can't be read). */
  onRetryDataset?: () => void;
  /** The search box and the page's references (components/popup/PopupResearch); absent: not shown. */
  research?: Omit<PopupResearchProps, 't'>;
}

export function Popup({ t, state, research, ...on }: PopupProps) {
  const covered = state.access !== 'none';
  const { min, max } = state.dwellRange ?? { min: 50, max: 3000 };
  /** An emptied or unreadable box is put back as it was; a number outside the range is brought inside it. */
  const changeDwell = (input: HTMLInputElement) => {
    const text = input.value.trim();
    const ms = text === '' ? Number.NaN : Number(text);
    if (!Number.isFinite(ms)) {
      input.value = String(state.dwellMs);
      return;
    }
    const clamped = Math.min(max, Math.max(min, Math.round(ms)));
    input.value = String(clamped);
    if (clamped !== state.dwellMs) on.onDwell(clamped);
  };
  return (
    <main class="popup">
      <h1>{t('extName')}</h1>
      {research ? <PopupResearch t={t} {...research} /> : null}
      {state.host === undefined ? (
        <p class="note">{t('popupNoPage')}</p>
      ) : (
        <section aria-labelledby="site-h">
          <h2 id="site-h">{state.host}</h2>
          {covered ? (
            <>
              <label class="row">
                <input
                  type="checkbox"
                  role="switch"
                  checked={state.enabled}
                  disabled={state.busy}
                  onChange={(e) => on.onToggleSite((e.currentTarget as HTMLInputElement).checked)}
                />
                <span>{t(state.enabled ? 'popupSiteOn' : 'popupSiteOff')}</span>
              </label>
              <fieldset disabled={!state.enabled || state.busy}>
                <legend>{t('popupModeHere')}</legend>
                <ModeChoice name="mode-here" value={state.mode} t={t} onChange={on.onMode} />
              </fieldset>
              {state.access === 'granted' && !state.allSites ? (
                <button type="button" class="link" onClick={on.onRevokeHere}>
                  {t('popupRevokeHere')}
                </button>
              ) : null}
            </>
          ) : (
            <>
              <p class="note">{t('popupNotCovered')}</p>
              <div class="buttons">
                <button type="button" class="primary" disabled={state.busy} onClick={on.onEnableHere}>
                  {t('popupEnableHere')}
                </button>
                <button type="button" disabled={state.busy} onClick={on.onEnableAll}>
                  {t('popupEnableAll')}
                </button>
              </div>
            </>
          )}
        </section>
      )}
      {state.problem ? (
        <p class="problem" role="alert">
          {t(state.problem)}
        </p>
      ) : null}

      <details>
        <summary>{t('popupDefaults')}</summary>
        <fieldset>
          <legend>{t('popupDefaultMode')}</legend>
          <ModeChoice name="mode-default" value={state.defaultMode} t={t} onChange={on.onDefaultMode} />
        </fieldset>
        <label class="row">
          <span>{t('popupDwell')}</span>
          <input
            type="number"
            min={min}
            max={max}
            step={50}
            value={state.dwellMs}
            onChange={(e) => changeDwell(e.currentTarget as HTMLInputElement)}
          />
          <span>ms</span>
        </label>
        {state.allSites ? (
          <button type="button" class="link" onClick={on.onRevokeAll}>
            {t('popupRevokeAll')}
          </button>
        ) : null}
      </details>

      <p class="note">
        {t('popupShortcuts', [state.shortcuts.next || t('popupNoShortcut'), state.shortcuts.previous || t('popupNoShortcut')])}
      </p>
      {state.dataset && !state.dataset.ready && state.dataset.unreadable ? (
        <div class="dataset-problem" role="alert">
          <p class="problem">{t('integrity_popup_unreadable', t(state.dataset.unreadable))}</p>
          <button type="button" disabled={state.dataset.retrying} onClick={() => on.onRetryDataset?.()}>
            {t(state.dataset.retrying ? 'integrity_retrying' : 'integrity_retry')}
          </button>
        </div>
      ) : state.dataset ? (
        <p class="note">
          {state.dataset.ready
            ? t('popupDataset', [String(state.dataset.documents ?? 0), String(state.dataset.articles ?? 0)])
            : t(state.dataset.error ? 'popupDatasetError' : 'popupDatasetLoading')}
        </p>
      ) : null}
      {state.dataset?.ready && state.dataset.newUnreadable ? (
        <p class="problem">{t('integrity_popup_previous', t(state.dataset.newUnreadable))}</p>
      ) : null}
      <p class="note">{t('popupPrivate')}</p>
    </main>
  );
}

function ModeChoice({ name, value, t, onChange }: { name: string; value: Mode; t: Translate; onChange: (mode: Mode) => void }) {
  return (
    <div class="modes">
      {(['highlight', 'inline'] as const).map((mode) => (
        <label class="row" key={mode}>
          <input type="radio" name={name} value={mode} checked={value === mode} onChange={() => onChange(mode)} />
          <span>
            {t(mode === 'highlight' ? 'modeHighlight' : 'modeInline')}
            <small>{t(mode === 'highlight' ? 'modeHighlightHint' : 'modeInlineHint')}</small>
          </span>
        </label>
      ))}
    </div>
  );
}
