// The record page (record.html?id=… or ?code=…): wiring only; lib/record/page does the work.
import { createLookupClient } from '@/lib/lookup/client';
import { t, uiLanguage } from '@/lib/i18n/t';
import { startRecordPage } from '@/lib/record/page';
import { mountGraph } from '@/lib/record/graph-view';
import './style.css';

const lang = uiLanguage();
document.documentElement.lang = lang;
startRecordPage({ root: document.getElementById('app')!, lookup: createLookupClient(), t, lang, signal: new AbortController().signal, mountGraph });
