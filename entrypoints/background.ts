// Background: wiring only. The lookup service (lib/lookup) is the one place that talks to IndexedDB (lib/store);
// it loads the bundled dataset on install, on update, and at start when it is missing or a load was interrupted.
import { browser } from 'wxt/browser';
import { listenForLookups } from '../lib/lookup/listen';
import { LookupService } from '../lib/lookup/service';
import { readBundledDataset, readBundledManifest } from '../lib/store/bundled-dataset';
import { loadFailureLog } from '../lib/store/dataset-integrity';
import { forwardCommands } from '../lib/page/commands';
import { watchPermissions } from '../lib/settings/registration';
import { keepSettingsSynced } from '../lib/settings/settings-sync';
import { listenForClipboard, writeInThisDocument, writeThroughOffscreen } from '../lib/page/clipboard';
import { listenForOpenRecord } from '../lib/page/open-record';
import { registerLookupMenu } from '../lib/lookup/context-menu';
import { codeHref, recordHref, searchHref } from '../lib/record/address';
import { t } from '../lib/i18n/t';
import { openSavedStore } from '../lib/sync/open-saved-store';

export default defineBackground(() => {
  const service = new LookupService({
    source: () => readBundledDataset(),
    sourceVersion: async () => (await readBundledManifest()).version,
    extVersion: browser.runtime.getManifest().version,
  });
  // Saved references: this background owns them (storage.local, synced through storage.sync where it fits).
  const saved = openSavedStore();
  saved.catch((error: unknown) => console.error('[vanban-lens] saved references unavailable', error));
  service.attachSaved(saved);
  listenForLookups(service);
  // Keyboard shortcuts go to the active tab's reader; sites granted anywhere get the content script registered.
  forwardCommands();
  watchPermissions();
  // Settings changed in other browsers at the same time: merged field by field, nothing lost.
  keepSettingsSynced(new AbortController().signal);
  // Copy citation: the content script asks here where the page cannot let it copy (Chrome: an offscreen document;
  // Firefox: this background page), so no page ever sees a copy event.
  listenForClipboard(import.meta.env.MANIFEST_VERSION === 3 ? writeThroughOffscreen : writeInThisDocument);
  // The card's "Full record" and related-document links: a page cannot open extension pages, the background can.
  listenForOpenRecord();
  // "Tra cứu văn bản" on selected text: the record, the documents of a code, or the search page.
  void registerLookupMenu({
    title: t('search_menuLookup'),
    target: (text) => service.handle({ op: 'selectionTarget', text }),
    hrefs: { record: (id) => recordHref(id), code: codeHref, search: searchHref },
  }).catch((error) => console.warn('[vanban-lens] context menu', error));

  const ensure = (recheck: boolean) =>
    service.ensureDataset(recheck).then(
      () => service.warm().catch(() => {}),
      // Says what failed, and whether an earlier dataset still answers (never claims one when there is none).
      (error) => service.status().then((s) => console.error(loadFailureLog(error, s.ready)), () => console.error(loadFailureLog(error, false))),
    );
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install' || reason === 'update') void ensure(true);
  });
  void ensure(false);
});
