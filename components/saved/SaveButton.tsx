/**
 * The Save button (accessible name "Lưu" / "Save", aria-pressed while saved) and what it last did, for the card
 * and any page that shows a document (the record page's save slot). Props in, callbacks out; wire it with
 * lib/page/saved-refs.ts (followSavedRefs) and the saved client.
 */
import type { Translate } from '@/lib/i18n/t';

export interface SaveButtonProps {
  t: Translate;
  pressed: boolean;
  onToggle: () => void;
}

export function SaveButton({ t, pressed, onToggle }: SaveButtonProps) {
  return (
    <button type="button" class="save" aria-pressed={pressed ? 'true' : 'false'} title={t('saved_saveHint')} onClick={() => onToggle()}>
      <span aria-hidden="true">{pressed ? '★ ' : '☆ '}</span>
      {t('saved_save')}
    </button>
  );
}

/** The status line's words for what the last save did ('' when nothing). */
export function saveSaid(t: Translate, said: 'saved' | 'removed' | 'failed' | undefined): string {
  return said ? t(`saved_said_${said}`) : '';
}
