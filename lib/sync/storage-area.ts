/**
 * What the saved store needs of the browser's storage: two areas (local holds everything; sync, when the browser
 * offers it, carries what fits to the researcher's other browsers) and word of changes another browser synced.
 * Types only: the one implementation over the extension API is browser-storage.ts; tests pass their own.
 */

export interface StorageArea {
  /** Every item when `keys` is null. */
  get(keys: string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

export interface SavedStorage {
  local: StorageArea;
  /** Undefined when the browser offers no storage.sync (then the library is local only, and says so). */
  sync?: StorageArea;
  /** Why there is no sync, in the browser's words, when it is off. */
  syncOffReason?: string;
}

/** Timers and clock, passed in so tests can drive them. */
export interface Scheduler {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}
