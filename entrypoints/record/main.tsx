// The record page (record.html?id=… or ?code=…): wiring only; lib/record/page does the work.
import { createLookupClient } from '@/lib/lookup/client';
import { startRecordPage } from '@/lib/record/page';
import { mountGraph } from '@/lib/record/graph-view';
import { applyPageLook } from '@/lib/ui/page-look';
import viMessages from '@/public/_locales/vi/messages.json';
import enMessages from '@/public/_locales/en/messages.json';
import './style.css';

// Theme and language as chosen in the options, then the page.
void applyPageLook(document, { vi: viMessages, en: enMessages }).then(({ t, lang }) => {
  startRecordPage({ root: document.getElementById('app')!, lookup: createLookupClient(), t, lang, signal: new AbortController().signal, mountGraph });
});
