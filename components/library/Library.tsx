/**
 * The library page: saved references with counts and sync status, filters and sort, edit, delete with undo,
 * a selection to export or delete, import. Props in, callbacks out; the wiring lives in entrypoints/library.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { Translate } from '@/lib/i18n/t';
import { Filters } from './Filters';
import { SavedItem } from './SavedItem';
import { SyncSummary } from './SyncSummary';
import type { ExportFormat, LibraryQuery, LibraryState } from './types';

export interface LibraryProps {
  t: Translate;
  state: LibraryState;
  recordHref: (id: string) => string;
  formatDate: (iso: string) => string;
  onQuery: (patch: Partial<LibraryQuery>) => void;
  onSelect: (keys: string[], selected: boolean) => void;
  onEdit: (key: string | undefined) => void;
  onSaveEdit: (key: string, note: string, tags: string[]) => void;
  onDelete: (keys: string[]) => void;
  onUndo: () => void;
  /** Export these references (the selection), or all shown when `keys` is empty. */
  onExport: (format: ExportFormat, keys: string[]) => void;
  onImport: (file: File) => void;
}

const FORMATS: ExportFormat[] = ['csv', 'json', 'csl', 'ris', 'bibtex'];

export function Library(props: LibraryProps) {
  const { t, state } = props;
  const selected = new Set(state.selected);
  const shownKeys = state.rows.map((r) => r.ref.key);
  const allShownSelected = shownKeys.length > 0 && shownKeys.every((k) => selected.has(k));
  // After a deletion, focus goes to Undo (the deleted row and its buttons are gone).
  const undoButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (state.undo) undoButton.current?.focus();
  }, [state.undo]);
  return (
    <main class="library">
      <header class="top">
        <h1>{t('library_title')}</h1>
        <SyncSummary t={t} total={state.total} shown={state.rows.length} sync={state.sync} />
      </header>

      <div class="live" role="status" aria-live="polite">
        {state.undo ? (
          <span class="undo">
            {t('library_deleted', String(state.undo.count))}{' '}
            <button type="button" ref={undoButton} onClick={props.onUndo}>
              {t('library_undo')}
            </button>
          </span>
        ) : null}
        {state.notice ? (
          <span class={`notice ${state.notice.kind}`}>
            {t(state.notice.key, state.notice.subs)}
            {state.notice.detail ? <span class="detail"> {state.notice.detail}</span> : null}
          </span>
        ) : null}
      </div>

      {state.loading ? (
        <p class="loading">{t('library_loading')}</p>
      ) : state.total === 0 ? (
        <section class="empty">
          <h2>{t('library_emptyTitle')}</h2>
          <p>{t('library_emptyHow')}</p>
          <p>{t('library_emptyImport')}</p>
          <ImportButton t={t} onImport={props.onImport} />
        </section>
      ) : (
        <>
          <Filters t={t} query={state.query} facets={state.facets} onQuery={props.onQuery} />
          <div class="toolbar" role="toolbar" aria-label={t('library_actions')}>
            <label class="select-all">
              <input type="checkbox" checked={allShownSelected} onChange={(e) => props.onSelect(shownKeys, (e.currentTarget as HTMLInputElement).checked)} />
              <span>{t('library_selectAll')}</span>
            </label>
            <span class="selected-count">{t('library_selectedCount', String(state.selected.length))}</span>
            <label class="export">
              <span>{t(state.selected.length ? 'library_exportSelected' : 'library_exportAll')}</span>
              <select
                value=""
                onChange={(e) => {
                  const format = (e.currentTarget as HTMLSelectElement).value as ExportFormat;
                  (e.currentTarget as HTMLSelectElement).value = '';
                  if (format) props.onExport(format, state.selected);
                }}
              >
                <option value="">{t('library_exportChoose')}</option>
                {FORMATS.map((f) => (
                  <option key={f} value={f}>
                    {t(`library_format_${f}`)}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" class="danger" disabled={state.selected.length === 0} onClick={() => props.onDelete(state.selected)}>
              {t('library_deleteSelected')}
            </button>
            <ImportButton t={t} onImport={props.onImport} />
          </div>
          {state.rows.length === 0 ? (
            <p class="none">{t('library_noMatch')}</p>
          ) : (
            <ul class="items" aria-label={t('library_list')}>
              {state.rows.map((row) => (
                <SavedItem
                  key={row.ref.key}
                  t={t}
                  row={row}
                  selected={selected.has(row.ref.key)}
                  editing={state.editing === row.ref.key}
                  recordHref={props.recordHref}
                  formatDate={props.formatDate}
                  onSelect={(on) => props.onSelect([row.ref.key], on)}
                  onEdit={() => props.onEdit(row.ref.key)}
                  onSaveEdit={(note, tags) => props.onSaveEdit(row.ref.key, note, tags)}
                  onCancelEdit={() => props.onEdit(undefined)}
                  onDelete={() => props.onDelete([row.ref.key])}
                />
              ))}
            </ul>
          )}
        </>
      )}
    </main>
  );
}

function ImportButton({ t, onImport }: { t: Translate; onImport: (file: File) => void }) {
  return (
    <label class="import">
      <span>{t('library_import')}</span>
      <input
        type="file"
        accept=".json,application/json"
        onChange={(e) => {
          const input = e.currentTarget as HTMLInputElement;
          const file = input.files?.[0];
          input.value = '';
          if (file) onImport(file);
        }}
      />
    </label>
  );
}
