// The options page: wiring only; lib/options-page does the work.
import { fetchDatasetStatus, resetLocalData } from '@/lib/lookup/client';
import { startOptionsPage } from '@/lib/options-page/page';
import { stringsFor } from '@/lib/ui/page-look';
import viMessages from '@/public/_locales/vi/messages.json';
import enMessages from '@/public/_locales/en/messages.json';
import './style.css';

startOptionsPage({
  root: document.getElementById('app')!,
  strings: (language) => stringsFor(language, { vi: viMessages, en: enMessages }),
  signal: new AbortController().signal,
  status: fetchDatasetStatus,
  reset: resetLocalData,
});
