/**
 * The Save button (accessible name "Lưu" / "Save", aria-pressed while saved) and what it last did, for the card
 * and any page that shows a document (the record page's save slot). Props in, callbacks out; wire it with
 * lib/page/saved-refs.ts (followSavedRefs) and the saved client.
 */
import { useEffect, useState } from 'preact/hooks';
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

export interface SaveToggleProps {
  t: Translate;
  /** Whether it is saved now. */
  isSaved: () => boolean;
  /** Calls the listener whenever saved references change (in any tab); returns the function that stops. */
  subscribe: (listener: () => void) => () => void;
  /** Saves or removes; answers what happened. */
  onToggle: () => Promise<'saved' | 'removed' | 'failed'>;
}

/** A Save button that follows saves made anywhere and says what it did (the record page's save slot). */
export function SaveToggle({ t, isSaved, subscribe, onToggle }: SaveToggleProps) {
  const [pressed, setPressed] = useState(isSaved());
  const [said, setSaid] = useState<'saved' | 'removed' | 'failed' | undefined>(undefined);
  useEffect(() => subscribe(() => setPressed(isSaved())), [subscribe, isSaved]);
  return (
    <span class="save-toggle">
      <SaveButton
        t={t}
        pressed={pressed}
        onToggle={() =>
          void onToggle().then((outcome) => {
            setSaid(outcome);
            setPressed(isSaved());
          })
        }
      />{' '}
      <span class="status" role="status" aria-live="polite">
        {saveSaid(t, said)}
      </span>
    </span>
  );
}
