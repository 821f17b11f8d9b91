// The record page (record.html?id=… or ?code=…): wiring only; lib/record/page does the work. Its save slot holds a
// Save button for the document itself (saved without a page address), following saves made in any tab.
import { createLookupClient, createSavedClient } from '@/lib/lookup/client';
import { startRecordPage } from '@/lib/record/page';
import { mountGraph } from '@/lib/record/graph-view';
import { applyPageLook } from '@/lib/ui/page-look';
import { followSavedRefs } from '@/lib/page/saved-refs';
import { referenceKey } from '@/lib/sync/identity';
import { SaveToggle } from '@/components/saved/SaveButton';
import viMessages from '@/public/_locales/vi/messages.json';
import enMessages from '@/public/_locales/en/messages.json';
import './style.css';

const signal = new AbortController().signal;
const listeners = new Set<() => void>();
const saved = followSavedRefs(createSavedClient(), signal, () => listeners.forEach((l) => l()));
const subscribe = (listener: () => void) => (listeners.add(listener), () => void listeners.delete(listener));

// Theme and language as chosen in the options, then the page.
void applyPageLook(document, { vi: viMessages, en: enMessages }).then(({ t, lang }) => {
  startRecordPage({
    root: document.getElementById('app')!,
    lookup: createLookupClient(),
    t,
    lang,
    signal,
    mountGraph,
    renderSave: (record) => {
      const target = { docId: record.id, code: record.code, url: '' };
      const key = referenceKey(target);
      return <SaveToggle t={t} isSaved={() => saved.has(key)} subscribe={subscribe} onToggle={() => saved.toggle(key, { ...target, savedAt: Date.now() })} />;
    },
  });
});
