/** The background's saved store over the browser's storage, following what other browsers write to storage.sync. */
import { openBrowserStorage, randomNode, realScheduler, watchSyncItems } from './browser-storage';
import { SavedStore } from './saved-store';

export async function openSavedStore(): Promise<SavedStore> {
  const storage = await openBrowserStorage();
  const store = await SavedStore.open({ storage, scheduler: realScheduler, newNode: randomNode });
  if (storage.sync) watchSyncItems(() => void store.syncChanged().catch((error: unknown) => console.warn('[vanban-lens] reading synced references', error)));
  return store;
}
