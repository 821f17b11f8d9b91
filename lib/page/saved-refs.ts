/**
 * What a page's cards know of the saved references: which are saved (the background keeps their keys in
 * storage.local, so every open tab follows a save made anywhere, at once, through storage.onChanged) and how to
 * save or remove one (a message to the background, which owns the saved store).
 */
import { browser } from 'wxt/browser';
import type { SavedClient } from '../lookup/client';
import type { SaveInput } from '../sync/merge';
import { LOCAL_DOCS_KEY, LOCAL_KEYS_KEY } from '../sync/local-keys';

export interface SavedRefs {
  has(key: string): boolean;
  /** Saves the reference, or removes it when it is saved; answers what happened. */
  toggle(key: string, input: SaveInput): Promise<'saved' | 'removed' | 'failed'>;
}

export function followSavedRefs(client: SavedClient, signal: AbortSignal, onChange: () => void): SavedRefs {
  let keys = new Set<string>();
  const take = (value: unknown) => {
    keys = new Set(Array.isArray(value) ? value.filter((k): k is string => typeof k === 'string') : []);
    if (!signal.aborted) onChange();
  };
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && LOCAL_KEYS_KEY in changes) take(changes[LOCAL_KEYS_KEY]!.newValue);
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
  void browser.storage.local.get(LOCAL_KEYS_KEY).then(
    (stored) => take(stored[LOCAL_KEYS_KEY]),
    () => {},
  );
  return {
    has: (key) => keys.has(key),
    async toggle(key, input) {
      try {
        if (keys.has(key)) {
          await client.remove([key]);
          keys.delete(key);
          return 'removed';
        }
        await client.save(input);
        keys.add(key);
        return 'saved';
      } catch {
        return 'failed';
      }
    },
  };
}

/**
 * Which dataset documents are saved (from any page), followed through storage.onChanged until the signal aborts:
 * for lists of documents (search results) that mark the saved ones.
 */
export function followSavedDocuments(signal: AbortSignal, onChange: () => void): { has(id: string): boolean } {
  let ids = new Set<string>();
  const take = (value: unknown) => {
    ids = new Set(Array.isArray(value) ? value.filter((k): k is string => typeof k === 'string') : []);
    if (!signal.aborted) onChange();
  };
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && LOCAL_DOCS_KEY in changes) take(changes[LOCAL_DOCS_KEY]!.newValue);
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
  void browser.storage.local.get(LOCAL_DOCS_KEY).then(
    (stored) => take(stored[LOCAL_DOCS_KEY]),
    () => {},
  );
  return { has: (id) => ids.has(id) };
}
