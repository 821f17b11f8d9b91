// Library page wiring: asks the background for the saved references, follows their changes (storage.onChanged),
// and carries out the page's choices (edit, delete and undo, export as a file, import a file).
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Library } from '@/components/library/Library';
import type { LibraryState, LibrarySyncSummary } from '@/components/library/types';
import { t, uiLanguage } from '@/lib/i18n/t';
import { createSavedClient, LookupError } from '@/lib/lookup/client';
import type { SavedList } from '@/lib/lookup/messages';
import { formatDate } from '@/lib/card/format';
import { recordHref } from '@/lib/record/address';
import { buildRows, EMPTY_QUERY, facets, filterRows, type LibraryRow } from '@/lib/sync/library-view';
import { exportAs } from '@/lib/sync/export';
import { exportFileName, exportItem, FORMAT_TYPES, type ExportFormat } from '@/lib/sync/export/export-item';
import { LOCAL_ENTRY_PREFIX, LOCAL_KEYS_KEY, LOCAL_STATUS_KEY } from '@/lib/sync/saved-store';
import type { SavedReference } from '@/lib/sync/saved-reference';
import './style.css';

const lang = uiLanguage();
document.documentElement.lang = lang;
document.title = t('library_title');
const client = createSavedClient();
const app = document.getElementById('app')!;
let list: SavedList | undefined;
let rows: LibraryRow[] = [];
let undoRefs: SavedReference[] = [];
let state: LibraryState = { loading: true, total: 0, rows: [], facets: facets([]), query: EMPTY_QUERY, selected: [] };

function summary(status: SavedList['status']): LibrarySyncSummary {
  const notSynced: LibrarySyncSummary['notSynced'] = {};
  for (const why of Object.values(status.notSynced)) notSynced[why] = (notSynced[why] ?? 0) + 1;
  return { sync: status.sync, notSynced, bytes: status.bytes, ...(status.offReason ? { offReason: status.offReason } : {}), ...(status.error ? { error: status.error } : {}) };
}

function update(patch: Partial<LibraryState>) {
  state = { ...state, ...patch };
  if (list) {
    const shown = filterRows(rows, state.query);
    const live = new Set(rows.map((r) => r.ref.key));
    state = { ...state, rows: shown, total: rows.length, facets: facets(rows), selected: state.selected.filter((k) => live.has(k)), sync: summary(list.status) };
  }
  render(
    <Library
      t={t}
      state={state}
      recordHref={(id) => recordHref(id)}
      formatDate={(iso) => formatDate(iso, lang) ?? iso}
      onQuery={(q) => update({ query: { ...state.query, ...q } })}
      onSelect={(keys, on) => {
        const next = new Set(state.selected);
        for (const k of keys) if (on) next.add(k); else next.delete(k);
        update({ selected: [...next] });
      }}
      onEdit={(key) => update({ editing: key })}
      onSaveEdit={(key, note, tags) => act(client.edit(key, { note, tags }), () => update({ editing: undefined }))}
      onDelete={(keys) =>
        act(client.remove(keys), (gone) => {
          undoRefs = gone;
          update({ undo: { count: gone.length }, notice: undefined, selected: state.selected.filter((k) => !keys.includes(k)) });
        })}
      onUndo={() => act(client.restore(undoRefs), () => ((undoRefs = []), update({ undo: undefined })))}
      onExport={(format, keys) => exportFile(format, keys)}
      onImport={(file) => void importFile(file)}
    />,
    app,
  );
}

function act<T>(work: Promise<T>, then: (value: T) => void) {
  void work.then(then, (error: unknown) => {
    console.warn('vanban-lens: library', error);
    update({ notice: { key: 'library_failed', kind: 'error', ...(error instanceof Error ? { detail: error.message } : {}) } });
  });
}

function exportFile(format: ExportFormat, keys: string[]) {
  if (!list) return;
  const chosen = keys.length ? rows.filter((r) => keys.includes(r.ref.key)) : state.rows;
  const items = chosen.map((r) => exportItem(r.ref, r.ref.docId ? list!.docs[r.ref.docId] : undefined));
  const now = Date.now();
  const blob = new Blob([exportAs(format, items, now)], { type: FORMAT_TYPES[format] });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = exportFileName(format, now);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  update({ notice: { key: 'library_exported', subs: [String(items.length)], kind: 'ok' } });
}

async function importFile(file: File) {
  try {
    const result = await client.importFile(await file.text());
    update({ notice: { key: 'library_imported', subs: [String(result.added), String(result.updated), String(result.unmatched)], kind: 'ok' } });
  } catch (error) {
    update({ notice: { key: 'library_importFailed', kind: 'error', ...(error instanceof Error ? { detail: error.message } : {}) } });
  }
}

let tries = 0;
let factsTries = 0;
async function refresh() {
  try {
    list = await client.list();
    tries = 0;
    rows = buildRows(list.refs, list.docs, list.status.notSynced);
    update({ loading: false });
    // The dataset may still be loading (first start): ask again for the documents' facts a few times.
    if (list.refs.some((r) => r.docId && !list!.docs[r.docId]) && factsTries++ < 10) setTimeout(() => void refresh(), 2000);
  } catch (error) {
    // The background may be starting: ask again shortly.
    if (error instanceof LookupError && error.code === 'not-ready' && tries++ < 20) setTimeout(() => void refresh(), 300 * tries);
    else update({ loading: false, notice: { key: 'library_failed', kind: 'error', ...(error instanceof Error ? { detail: error.message } : {}) } });
  }
}

let queued: ReturnType<typeof setTimeout> | undefined;
browser.storage.onChanged.addListener((changes, area) => {
  // The keys, the status, or any reference's own item (saved:e:…, an edit).
  if (area !== 'local' || !Object.keys(changes).some((k) => k === LOCAL_KEYS_KEY || k === LOCAL_STATUS_KEY || k.startsWith(LOCAL_ENTRY_PREFIX))) return;
  if (queued) clearTimeout(queued);
  queued = setTimeout(() => void refresh(), 50);
});
update({});
void refresh();
