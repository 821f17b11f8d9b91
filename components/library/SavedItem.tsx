/** One saved reference in the library: what it is, where it was seen, the note and tags (editable), its actions. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Translate } from '@/lib/i18n/t';
import type { LibraryRow } from './types';

export interface SavedItemProps {
  t: Translate;
  row: LibraryRow;
  selected: boolean;
  editing: boolean;
  /** The record page's address for a document id. */
  recordHref: (id: string) => string;
  formatDate: (iso: string) => string;
  onSelect: (selected: boolean) => void;
  onEdit: () => void;
  onSaveEdit: (note: string, tags: string[]) => void;
  onCancelEdit: () => void;
  onDelete: () => void;
}

export function SavedItem({ t, row, selected, editing, recordHref, formatDate, onSelect, onEdit, onSaveEdit, onCancelEdit, onDelete }: SavedItemProps) {
  const { ref } = row;
  const headingId = `h-${ref.key}`;
  // Leaving the edit form (saved or cancelled) puts focus back on the button that opened it.
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(editing);
  useEffect(() => {
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);
  const heading = [row.type, ref.code].filter(Boolean).join(' ');
  return (
    <li class="item" data-key={ref.key} aria-labelledby={headingId}>
      <input type="checkbox" class="select" checked={selected} aria-label={t('library_selectOne', heading)} onChange={(e) => onSelect((e.currentTarget as HTMLInputElement).checked)} />
      <div class="body">
        <h2 id={headingId}>
          {heading}
          {row.date ? <span class="meta"> · {formatDate(row.date)}</span> : null}
          {row.issuer ? <span class="meta"> · {row.issuer}</span> : null}
        </h2>
        {row.title ? <p class="title">{row.title}</p> : null}
        {!row.known ? <p class="note-unknown">{t(ref.docId ? 'library_docMissing' : 'library_unknownCode')}</p> : null}
        <p class="seen">
          {t('library_seenOn')}{' '}
          {/^https?:\/\//i.test(ref.url) ? (
            <a href={ref.url} target="_blank" rel="noopener noreferrer">
              {ref.pageTitle || row.site || ref.url}
            </a>
          ) : (
            <span>{ref.pageTitle || t('library_noPage')}</span>
          )}
          <span class="meta"> · {t('library_savedOn', formatDate(new Date(ref.savedAt).toISOString().slice(0, 10)))}</span>
          {row.notSynced ? (
            <span class={`not-synced ${row.notSynced}`} data-why={row.notSynced}>
              {' '}
              · {t(`library_rowNotSynced_${row.notSynced}`)}
            </span>
          ) : null}
        </p>
        {editing ? (
          <EditForm t={t} note={ref.note} tags={ref.tags} onSave={onSaveEdit} onCancel={onCancelEdit} />
        ) : (
          <>
            {ref.note ? <p class="user-note">{ref.note}</p> : null}
            {ref.tags.length ? (
              <ul class="tags" aria-label={t('library_tags')}>
                {ref.tags.map((tag) => (
                  <li key={tag}>{tag}</li>
                ))}
              </ul>
            ) : null}
          </>
        )}
        <div class="row-actions">
          {ref.docId && row.known ? <a href={recordHref(ref.docId)}>{t('library_openRecord')}</a> : null}
          {!editing ? (
            <button type="button" ref={editButton} onClick={onEdit}>
              {t('library_edit')}
            </button>
          ) : null}
          <button type="button" class="danger" onClick={onDelete} aria-label={t('library_deleteOne', heading)}>
            {t('library_delete')}
          </button>
        </div>
      </div>
    </li>
  );
}

function EditForm({ t, note, tags, onSave, onCancel }: { t: Translate; note: string; tags: string[]; onSave: (note: string, tags: string[]) => void; onCancel: () => void }) {
  const [n, setN] = useState(note);
  const [tg, setTg] = useState(tags.join(', '));
  return (
    <form
      class="edit"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(n, tg.split(',').map((x) => x.trim()).filter(Boolean));
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <label>
        <span>{t('library_note')}</span>
        <textarea value={n} maxLength={1000} rows={3} autoFocus onInput={(e) => setN((e.currentTarget as HTMLTextAreaElement).value)} />
      </label>
      <label>
        <span>{t('library_tagsHint')}</span>
        <input type="text" value={tg} onInput={(e) => setTg((e.currentTarget as HTMLInputElement).value)} />
      </label>
      <div class="row-actions">
        <button type="submit">{t('library_saveEdit')}</button>
        <button type="button" onClick={onCancel}>
          {t('library_cancel')}
        </button>
      </div>
    </form>
  );
}
