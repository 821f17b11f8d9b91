/**
 * The options page: where vanban-lens runs, which documents it marks, how (mode, dwell), how its pages look
 * (theme, language), what it stores on this device, and a confirmed "clear local data". Props in, callbacks out;
 * lib/options-page saves the settings and asks the background.
 */
import { useState } from 'preact/hooks';
import type { Translate } from '@/lib/i18n/t';
import type { Families, GlobalSettings, Language, Mode, RunWhere, Theme } from '@/lib/settings/store';

export interface StoredData {
  ready: boolean;
  version?: string;
  documents?: number;
  articles?: number;
  /** Bytes the extension's storage uses on this device (the browser's estimate). */
  bytes?: number;
  error?: string;
}

export interface OptionsState {
  settings: GlobalSettings;
  /** The user granted every site (needed to run everywhere). */
  allSites: boolean;
  stored?: StoredData;
  clearing?: 'confirm' | 'working' | 'done' | 'failed';
  /** A message key shown after a failed action. */
  problem?: string;
  /** A message key confirming the last change was saved. */
  saved?: boolean;
  dwellRange: { min: number; max: number };
}

export interface OptionsProps {
  t: Translate;
  lang: 'vi' | 'en';
  state: OptionsState;
  onWhere: (where: RunWhere) => void;
  onSites: (sites: string[]) => void;
  onFamilies: (families: Families) => void;
  onMode: (mode: Mode) => void;
  onDwell: (ms: number) => void;
  onTheme: (theme: Theme) => void;
  onLanguage: (language: Language) => void;
  onClear: () => void;
  onConfirmClear: () => void;
  onCancelClear: () => void;
}

const WHERE: RunWhere[] = ['default', 'everywhere', 'except', 'only'];

export function Options({ t, lang, state, ...on }: OptionsProps) {
  const s = state.settings;
  const [sitesText, setSitesText] = useState<string | undefined>(undefined);
  const number = (n: number | undefined) => (n === undefined ? '—' : n.toLocaleString(lang === 'en' ? 'en' : 'vi'));
  const listed = s.where === 'except' || s.where === 'only';
  return (
    <div class="options-page">
      <header class="top">
        <span class="brand">{t('extName')}</span>
      </header>
      <main>
        <h1>{t('options_heading')}</h1>

        <fieldset>
          <legend>{t('options_whereLegend')}</legend>
          {WHERE.map((where) => (
            <label class="row" key={where}>
              <input type="radio" name="where" value={where} checked={s.where === where} onChange={() => on.onWhere(where)} />
              <span>
                {t(`options_where_${where}`)}
                <small>{t(`options_where_${where}Hint`)}</small>
              </span>
            </label>
          ))}
          {listed ? (
            <div class="sites">
              <label for="sites">{t(s.where === 'only' ? 'options_sitesOnly' : 'options_sitesExcept')}</label>
              <textarea
                id="sites"
                rows={4}
                spellcheck={false}
                aria-describedby="sites-hint"
                value={sitesText ?? s.sites.join('\n')}
                onInput={(e) => setSitesText((e.currentTarget as HTMLTextAreaElement).value)}
              />
              <p id="sites-hint" class="note">
                {t('options_sitesHint')}
              </p>
              <button
                type="button"
                onClick={() => {
                  on.onSites((sitesText ?? s.sites.join('\n')).split(/[\s,;]+/).filter(Boolean));
                  setSitesText(undefined);
                }}
              >
                {t('options_sitesSave')}
              </button>
            </div>
          ) : null}
          {(s.where === 'everywhere' || s.where === 'except') && !state.allSites ? (
            <p class="problem">{t('options_needAllSites')}</p>
          ) : null}
        </fieldset>

        <fieldset>
          <legend>{t('options_familiesLegend')}</legend>
          <label class="row">
            <input type="checkbox" name="party" checked={s.families.party} onChange={(e) => on.onFamilies({ ...s.families, party: (e.currentTarget as HTMLInputElement).checked })} />
            <span>{t('options_familyParty')}</span>
          </label>
          <label class="row">
            <input type="checkbox" name="state" checked={s.families.state} onChange={(e) => on.onFamilies({ ...s.families, state: (e.currentTarget as HTMLInputElement).checked })} />
            <span>{t('options_familyState')}</span>
          </label>
          {!s.families.party && !s.families.state ? <p class="problem">{t('options_familiesNone')}</p> : null}
        </fieldset>

        <fieldset>
          <legend>{t('options_modeLegend')}</legend>
          {(['highlight', 'inline'] as const).map((mode) => (
            <label class="row" key={mode}>
              <input type="radio" name="mode" value={mode} checked={s.defaultMode === mode} onChange={() => on.onMode(mode)} />
              <span>
                {t(mode === 'highlight' ? 'modeHighlight' : 'modeInline')}
                <small>{t(mode === 'highlight' ? 'modeHighlightHint' : 'modeInlineHint')}</small>
              </span>
            </label>
          ))}
          <label class="row">
            <span>{t('options_dwell')}</span>
            <input
              type="number"
              name="dwell"
              min={state.dwellRange.min}
              max={state.dwellRange.max}
              step={50}
              value={s.dwellMs}
              onChange={(e) => {
                const n = Number((e.currentTarget as HTMLInputElement).value);
                if (Number.isFinite(n)) on.onDwell(Math.min(state.dwellRange.max, Math.max(state.dwellRange.min, Math.round(n))));
              }}
            />
            <span>ms</span>
          </label>
        </fieldset>

        <fieldset>
          <legend>{t('options_lookLegend')}</legend>
          <label class="row">
            <span>{t('options_theme')}</span>
            <select name="theme" value={s.theme} onChange={(e) => on.onTheme((e.currentTarget as HTMLSelectElement).value as Theme)}>
              <option value="system">{t('options_themeSystem')}</option>
              <option value="light">{t('options_themeLight')}</option>
              <option value="dark">{t('options_themeDark')}</option>
            </select>
          </label>
          <label class="row">
            <span>{t('options_language')}</span>
            <select name="language" value={s.language} onChange={(e) => on.onLanguage((e.currentTarget as HTMLSelectElement).value as Language)}>
              <option value="system">{t('options_languageSystem')}</option>
              <option value="vi">Tiếng Việt</option>
              <option value="en">English</option>
            </select>
          </label>
        </fieldset>

        <section aria-labelledby="stored-h">
          <h2 id="stored-h">{t('options_storedHeading')}</h2>
          {state.stored ? (
            <dl class="stored">
              <dt>{t('options_storedVersion')}</dt>
              <dd>{state.stored.ready ? state.stored.version : t('options_storedLoading')}</dd>
              <dt>{t('options_storedDocuments')}</dt>
              <dd data-name="documents">{number(state.stored.documents)}</dd>
              <dt>{t('options_storedArticles')}</dt>
              <dd data-name="articles">{number(state.stored.articles)}</dd>
              <dt>{t('options_storedBytes')}</dt>
              <dd data-name="bytes">{state.stored.bytes === undefined ? '—' : t('options_megabytes', (state.stored.bytes / 1e6).toLocaleString(lang === 'en' ? 'en' : 'vi', { maximumFractionDigits: 1 }))}</dd>
            </dl>
          ) : (
            <p class="note">{t('options_storedLoading')}</p>
          )}
          <p class="note">{t('options_storedNote')}</p>
          {state.clearing === 'confirm' || state.clearing === 'working' ? (
            <div class="confirm" role="group" aria-labelledby="confirm-q">
              <p id="confirm-q">{t('options_clearConfirm')}</p>
              <div class="buttons">
                <button type="button" class="danger" disabled={state.clearing === 'working'} onClick={on.onConfirmClear}>
                  {t('options_clearYes')}
                </button>
                <button type="button" disabled={state.clearing === 'working'} onClick={on.onCancelClear}>
                  {t('options_clearNo')}
                </button>
              </div>
            </div>
          ) : (
            <button type="button" class="danger" onClick={on.onClear}>
              {t('options_clear')}
            </button>
          )}
          <p class="status" role="status" aria-live="polite">
            {state.clearing === 'working' ? t('options_clearWorking') : state.clearing === 'done' ? t('options_clearDone') : state.clearing === 'failed' ? t('options_clearFailed') : state.saved ? t('options_saved') : ''}
          </p>
        </section>
        {state.problem ? (
          <p class="problem" role="alert">
            {t(state.problem)}
          </p>
        ) : null}
      </main>
    </div>
  );
}
