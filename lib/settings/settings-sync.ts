/**
 * Keeps the settings merged across browsers (run by the background). storage.sync keeps one value per item, so when
 * two browsers write the same item at once one write replaces the other; each browser's copy in storage.local still
 * holds its own change, and this merges the two field by field (stamped-fields.ts) and writes back whatever the
 * synced item lacks. At start it does the same for every settings item (a change made while sync was off).
 */
import { browser } from 'wxt/browser';
import { LEGACY_LOCAL, LEGACY_SYNC, STAMPS_FIELD, mergeStamped, readStamped, sameStamped, stampChanges, toStored } from './stamped-fields';
import { GLOBAL_FIELDS, GLOBAL_STORAGE_KEY, SITE_FIELDS, nodeId } from './store';

const fieldsOf = (key: string): readonly string[] | undefined =>
  key === GLOBAL_STORAGE_KEY ? GLOBAL_FIELDS : key.startsWith('site:') ? SITE_FIELDS : undefined;

const unstamped = (item: unknown): item is Record<string, unknown> =>
  !!item && typeof item === 'object' && !Array.isArray(item) && !(STAMPS_FIELD in item);

/**
 * Merges the synced item `key` (as storage.sync now holds it) with this device's copy; writes where either lacks news.
 * `justWritten`: the item arrived as a change just made. Without stamps it was written by a version that does not
 * stamp (an older vanban-lens in another browser): a change made now, whose fields are stamped now — not a value
 * older than every stamped one, which would be ignored for good.
 */
async function reconcile(key: string, synced: unknown, local: unknown, justWritten = false): Promise<void> {
  const fields = fieldsOf(key);
  if (!fields) return;
  const fromLocal = readStamped(local, fields, LEGACY_LOCAL);
  const merged =
    justWritten && unstamped(synced)
      ? stampChanges(fromLocal, synced, fields, await nodeId(), Date.now())
      : mergeStamped(readStamped(synced, fields, LEGACY_SYNC), fromLocal);
  const fromSync = readStamped(synced, fields, LEGACY_SYNC);
  if (!sameStamped(merged, fromLocal)) await browser.storage.local.set({ [key]: toStored(merged) });
  if (sameStamped(merged, fromSync)) return;
  // The synced item changed while this ran (removed, or written again by another browser): that change has its own
  // turn in the queue, and writing back what was merged from the older item would undo it (a removal would come back).
  const now = (await browser.storage.sync.get(key))[key];
  if (JSON.stringify(now ?? null) !== JSON.stringify(synced ?? null)) return;
  await browser.storage.sync.set({ [key]: toStored(merged) });
}

export function keepSettingsSynced(signal: AbortSignal): void {
  const warn = (error: unknown) => console.warn('vanban-lens: merging synced settings', error);
  // One change at a time, in the order they came: a removal is never undone by a merge still under way.
  let queue: Promise<void> = Promise.resolve();
  const then = (work: () => Promise<void>) => {
    queue = queue.then(work).catch(warn);
  };
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'sync') return;
    for (const [key, change] of Object.entries(changes)) {
      if (!fieldsOf(key)) continue;
      // An item removed from storage.sync (synced data cleared): the settings go back to their defaults here too.
      if (change.newValue == null) then(() => browser.storage.local.remove(key));
      else then(async () => reconcile(key, change.newValue, (await browser.storage.local.get(key))[key], true));
    }
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
  then(async () => {
    const [synced, local] = await Promise.all([browser.storage.sync.get(null), browser.storage.local.get(null)]);
    if (signal.aborted) return;
    for (const key of Object.keys(local)) if (fieldsOf(key) && local[key] !== undefined) await reconcile(key, synced[key], local[key]);
  });
}
