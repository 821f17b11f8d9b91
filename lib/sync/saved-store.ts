/**
 * The saved references of this browser, owned by the background: everything is kept in storage.local; what fits
 * is carried to the researcher's other browsers through storage.sync, merged with what they wrote (merge.ts), in
 * batched, rate-limited, retried writes. Each reference that is not synced says why. With no storage.sync the
 * library works the same, locally, and its status says sync is off.
 *
 * No browser API here: the storage areas and timers are passed in (storage-area.ts; browser-storage.ts in the
 * extension).
 */
import { compareHlc, createClock, formatHlc, hlcWall, isNodeId, parseHlc, type Hlc } from './hlc';
import {
  compact,
  deleteReference,
  editReference,
  liveReferences,
  mergeEntries,
  observe,
  restoreReference,
  saveReference,
  saveReferences,
  retireShadowed,
  TOMBSTONE_SAFE_MS,
  type Entry,
  type SaveInput,
  type SavedState,
} from './merge';
import { SYNC_LIMITS, itemBytes } from './quota';
import type { SavedReference } from './saved-reference';
import { isSyncItemKey, planItems, readItems, shardOf, shardOfItemKey } from './sync-items';
import type { SavedStorage, Scheduler } from './storage-area';
import { WriteRate, type RateLimits } from './write-rate';

import { LOCAL_DOCS_KEY, LOCAL_KEYS_KEY, LOCAL_STATE_KEY, LOCAL_STATUS_KEY } from './local-keys';

export { LOCAL_DOCS_KEY, LOCAL_KEYS_KEY, LOCAL_STATE_KEY, LOCAL_STATUS_KEY };

/** Why a reference is not (yet) in storage.sync. */
export type NotSyncedWhy = 'pending' | 'rate' | 'quota' | 'error' | 'off';

export interface SyncStatus {
  /** 'off': this browser offers no storage.sync; everything is local. */
  sync: 'on' | 'off';
  /** Why sync is off, in the browser's words. */
  offReason?: string;
  saved: number;
  /** Bytes of storage.sync the saved references use, after the last write. */
  bytes: number;
  lastSyncedAt?: number;
  /** The last failed write's message (Chrome's words), while it is being retried. */
  error?: string;
  /** Keys of references not in storage.sync, and why. */
  notSynced: Record<string, NotSyncedWhy>;
}

/** Tombstones leave storage.sync this long before their safe period ends (clocks may differ by days). */
export const TOMBSTONE_SYNC_MARGIN_MS = 7 * 24 * 3600 * 1000;

/** Wait after a change before writing, so a burst of changes is one write. */
export const WRITE_DELAY_MS = 2_000;
const RETRY_FIRST_MS = 5_000;
const RETRY_MAX_MS = 10 * 60_000;
/** Bytes and items left in storage.sync for anything else (the settings). */
const RESERVE_BYTES = 1_024;
const RESERVE_ITEMS = 8;

/** What storage.local holds beside the entries: this browser's node id and clock. */
interface Persisted {
  node: string;
  clock: string;
}

/**
 * Each entry is its own storage.local item, so a change writes (and storage.onChanged carries to every open tab)
 * only what changed, not the whole library.
 */
export const LOCAL_ENTRY_PREFIX = 'saved:e:';

export interface SavedStoreOptions {
  storage: SavedStorage;
  scheduler: Scheduler;
  /** A new browser's node id ([0-9a-z], a few characters), used once. */
  newNode: () => string;
  limits?: RateLimits;
  /** Called after every change of the references or the status. */
  onChange?: () => void;
}

export class SavedStore {
  private state: SavedState = new Map();
  private clock: Hlc;
  private rate: WriteRate;
  private timer: unknown;
  private timerAt = Infinity;
  private retryMs = RETRY_FIRST_MS;
  /** Serializes every operation: no two touch the state at once. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Keys changed here and not yet written to sync, and the last plan's left-outs. */
  private dirty = new Set<string>();
  private left = new Set<string>();
  private waitingForRate = false;
  private status_: SyncStatus;

  private constructor(private readonly opts: SavedStoreOptions, node: string) {
    this.clock = createClock(node);
    this.rate = new WriteRate(opts.limits);
    this.status_ = { sync: opts.storage.sync ? 'on' : 'off', saved: 0, bytes: 0, notSynced: {}, ...(opts.storage.syncOffReason && !opts.storage.sync ? { offReason: opts.storage.syncOffReason } : {}) };
  }

  /** Opens the store from storage.local (a new node id the first time), compacts old tombstones, then syncs. */
  static async open(opts: SavedStoreOptions): Promise<SavedStore> {
    const all = await opts.storage.local.get(null);
    const stored = all[LOCAL_STATE_KEY] as Partial<Persisted> | undefined;
    const node = stored && typeof stored.node === 'string' && isNodeId(stored.node) ? stored.node : opts.newNode();
    const store = new SavedStore(opts, node);
    const entries = Object.entries(all)
      .filter(([k]) => k.startsWith(LOCAL_ENTRY_PREFIX))
      .map(([, v]) => v as Entry)
      .filter((e) => e && typeof e.key === 'string' && typeof e.hlc === 'string');
    store.state = mergeEntries(new Map(), entries).state;
    const clock = parseHlc(stored?.clock ?? '');
    if (clock) store.clock = { ...clock, node };
    const now = opts.scheduler.now();
    const compacted = compact(store.state, now);
    store.state = compacted.state;
    // Everything local counts as not yet written until the first write says otherwise.
    for (const key of store.state.keys()) store.dirty.add(key);
    await store.persist([], compacted.removed);
    if (opts.storage.sync) {
      await store.exclusive(() => store.pull());
      store.schedule(0);
    }
    return store;
  }

  list(): SavedReference[] {
    return liveReferences(this.state);
  }

  get(key: string): SavedReference | undefined {
    return this.state.get(key)?.ref;
  }

  status(): SyncStatus {
    return this.status_;
  }

  save(input: SaveInput): Promise<SavedReference> {
    return this.exclusive(async () => {
      const w = saveReference(this.state, this.clock, input, this.opts.scheduler.now());
      await this.commit(w.state, w.clock, w.retired ? [w.retired.key, w.entry.key] : [w.entry.key]);
      return w.entry.ref!;
    });
  }

  edit(key: string, patch: { note?: string; tags?: string[] }): Promise<SavedReference | undefined> {
    return this.exclusive(async () => {
      const w = editReference(this.state, this.clock, key, patch, this.opts.scheduler.now());
      if (!w) return undefined;
      await this.commit(w.state, w.clock, [key]);
      return w.entry.ref;
    });
  }

  /** Deletes references; answers what was deleted (for undo). */
  remove(keys: string[]): Promise<SavedReference[]> {
    return this.exclusive(async () => {
      let state = this.state;
      let clock = this.clock;
      const gone: SavedReference[] = [];
      for (const key of keys) {
        const before = state.get(key)?.ref;
        const w = deleteReference(state, clock, key, this.opts.scheduler.now());
        if (!w || !before) continue;
        ({ state, clock } = w);
        gone.push(before);
      }
      if (gone.length) await this.commit(state, clock, gone.map((r) => r.key));
      return gone;
    });
  }

  /** Puts deleted references back as they were (undo). */
  restore(refs: SavedReference[]): Promise<void> {
    return this.exclusive(async () => {
      let state = this.state;
      let clock = this.clock;
      for (const ref of refs) ({ state, clock } = restoreReference(state, clock, ref, this.opts.scheduler.now()));
      if (refs.length) await this.commit(state, clock, refs.map((r) => r.key));
    });
  }

  /**
   * Saves many references at once (an import): all or nothing, one write to storage.local. A reference already
   * saved (same document, same page) is updated, keeping its note and tags where the import has none.
   */
  saveMany(inputs: SaveInput[]): Promise<{ added: number; updated: number }> {
    return this.exclusive(async () => {
      // An import's empty note or tags never wipe what the reader wrote.
      const cleaned = inputs.map((input) => ({ ...input, note: input.note || undefined, tags: input.tags?.length ? input.tags : undefined }));
      const w = saveReferences(this.state, this.clock, cleaned, this.opts.scheduler.now());
      if (w.entries.length) await this.commit(w.state, w.clock, w.entries.map((e) => e.key));
      return { added: w.added, updated: w.updated };
    });
  }

  /** storage.sync changed (another browser's write, or ours): read and merge it. */
  syncChanged(): Promise<void> {
    if (!this.opts.storage.sync) return Promise.resolve();
    return this.exclusive(async () => {
      await this.pull();
      this.schedule(WRITE_DELAY_MS);
    });
  }

  /** Writes what is pending now (tests, and the library's "sync now"). */
  flushNow(): Promise<void> {
    return this.exclusive(() => this.flush());
  }

  /** Stops timers (tests, shutdown). */
  close(): void {
    if (this.timer !== undefined) this.opts.scheduler.clearTimeout(this.timer);
    this.timer = undefined;
  }

  // ---- inside ----

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => {});
    return run;
  }

  private async commit(state: SavedState, clock: Hlc, changed: string[]): Promise<void> {
    const before = { state: this.state, clock: this.clock };
    this.state = state;
    this.clock = clock;
    // Marked before the status is written with the state, so the library sees them waiting at once.
    for (const key of changed) this.dirty.add(key);
    try {
      await this.persist(changed);
    } catch (error) {
      // storage.local refused: nothing changed.
      this.state = before.state;
      this.clock = before.clock;
      throw error;
    }
    this.refreshStatus();
    this.schedule(WRITE_DELAY_MS);
  }

  /** Writes the changed entries (and removes the compacted ones) with the keys, the status and the clock. */
  private async persist(changed: Iterable<string> = [], removed: Iterable<string> = []): Promise<void> {
    const persisted: Persisted = { node: this.clock.node, clock: formatHlc(this.clock) };
    const keys = [...this.state.values()].filter((e) => e.ref).map((e) => e.key);
    this.refreshStatus();
    const docs = [...new Set([...this.state.values()].flatMap((e) => (e.ref?.docId ? [e.ref.docId] : [])))].sort();
    const items: Record<string, unknown> = { [LOCAL_STATE_KEY]: persisted, [LOCAL_KEYS_KEY]: keys, [LOCAL_DOCS_KEY]: docs, [LOCAL_STATUS_KEY]: this.status_ };
    for (const key of changed) {
      const entry = this.state.get(key);
      if (entry) items[LOCAL_ENTRY_PREFIX + key] = entry;
    }
    await this.opts.storage.local.set(items);
    const gone = [...removed].filter((key) => !this.state.has(key)).map((key) => LOCAL_ENTRY_PREFIX + key);
    if (gone.length) await this.opts.storage.local.remove(gone);
    this.opts.onChange?.();
  }

  /** Takes merged entries in, compacting old tombstones, and writes what changed. */
  private async takeMerged(merged: { state: Map<string, Entry>; changed: string[] }, now: number): Promise<void> {
    const compacted = compact(merged.state, now);
    // An unknown code another browser's save has matched to a dataset document since: one reference, not two.
    const shadowed = retireShadowed(compacted.state, this.clock, now);
    this.state = shadowed.state;
    this.clock = shadowed.clock;
    for (const key of shadowed.retired) this.dirty.add(key);
    await this.persist([...merged.changed, ...shadowed.retired], compacted.removed);
    if (shadowed.retired.length) this.schedule(WRITE_DELAY_MS);
  }

  /** Reads storage.sync and merges it in; persists when anything changed. */
  private async pull(): Promise<void> {
    const sync = this.opts.storage.sync;
    if (!sync) return;
    let all: Record<string, unknown>;
    try {
      all = await sync.get(null);
    } catch (error) {
      this.status_ = { ...this.status_, error: message(error) };
      return;
    }
    const read = readItems(all);
    const now = this.opts.scheduler.now();
    const merged = mergeEntries(this.state, read.entries);
    this.clock = observe(this.clock, read.entries, now);
    if (merged.changed.length) await this.takeMerged(merged, now);
  }

  private schedule(ms: number): void {
    if (!this.opts.storage.sync) return;
    const now = this.opts.scheduler.now();
    const at = now + ms;
    if (this.timer !== undefined && this.timerAt <= at) return;
    if (this.timer !== undefined) this.opts.scheduler.clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = this.opts.scheduler.setTimeout(() => {
      this.timer = undefined;
      this.timerAt = Infinity;
      void this.exclusive(() => this.flush()).catch(() => {});
    }, ms);
  }

  /**
   * One write: merge what sync holds, plan the items within what is left of the quota, write the changed items
   * (one set) and remove the stale ones (one remove). Past the write rate it waits; on failure it retries later.
   */
  private async flush(): Promise<void> {
    const sync = this.opts.storage.sync;
    if (!sync) return;
    const now = this.opts.scheduler.now();
    const allowedAt = this.rate.nextAllowed(now, 2);
    if (allowedAt > now) {
      this.waitingForRate = true;
      this.refreshStatus();
      await this.persistStatus();
      this.schedule(allowedAt - now);
      return;
    }
    this.waitingForRate = false;
    let current: Record<string, unknown>;
    try {
      current = await sync.get(null);
    } catch (error) {
      return this.failed(error);
    }
    // Whatever another browser wrote since is merged first, so the write below never drops it.
    const read = readItems(current);
    const merged = mergeEntries(this.state, read.entries);
    this.clock = observe(this.clock, read.entries, now);
    if (merged.changed.length) await this.takeMerged(merged, now);
    // What the rest of the extension keeps in storage.sync (the settings) stays within the quota too.
    const ours: Record<string, unknown> = {};
    const used = { bytes: 0, count: 0 };
    for (const [k, v] of Object.entries(current)) {
      if (isSyncItemKey(k)) ours[k] = v;
      else {
        used.bytes += itemBytes(k, v);
        used.count++;
      }
    }
    // Tombstones stop going to storage.sync a week before they are compacted here, so a browser whose clock is
    // behind never writes back one that a browser ahead has already dropped (they would rewrite each other).
    const syncable = [...this.state.values()].filter((e) => e.ref || hlcWall(e.hlc) >= now - TOMBSTONE_SAFE_MS + TOMBSTONE_SYNC_MARGIN_MS);
    const plan = planItems(syncable, {
      bytes: SYNC_LIMITS.QUOTA_BYTES - used.bytes - RESERVE_BYTES,
      items: SYNC_LIMITS.MAX_ITEMS - used.count - RESERVE_ITEMS,
    });
    // Only shards that carry news are written: an entry storage.sync lacks, or a newer one. A shard whose only
    // difference is something sync holds and this browser would leave out (an old tombstone, a reference past this
    // budget) is left alone, so browsers whose clocks or budgets differ never rewrite each other's shards in turn.
    const inSync = mergeEntries(new Map(), read.entries).state;
    const news = new Set<number>(read.incomplete);
    for (const e of plan.included) {
      const there = inSync.get(e.key);
      if (!there || compareHlc(e.hlc, there.hlc) > 0) news.add(shardOf(e));
    }
    for (const error of read.errors) {
      const m = /^shard (\d+):/.exec(error);
      if (m) news.add(Number(m[1]));
    }
    const toSet: Record<string, string> = {};
    for (const [k, v] of Object.entries(plan.items)) if (news.has(shardOfItemKey(k)!) && ours[k] !== v) toSet[k] = v;
    const toRemove = Object.keys(ours).filter((k) => !(k in plan.items) && news.has(shardOfItemKey(k) ?? -1));
    try {
      if (Object.keys(toSet).length) {
        this.rate.record(now);
        await sync.set(toSet);
      }
      if (toRemove.length) {
        this.rate.record(now);
        await sync.remove(toRemove);
      }
    } catch (error) {
      return this.failed(error);
    }
    this.retryMs = RETRY_FIRST_MS;
    this.dirty.clear();
    this.left = new Set(plan.left);
    const { error: _cleared, ...rest } = this.status_;
    this.status_ = { ...rest, bytes: plan.bytes, lastSyncedAt: now };
    this.refreshStatus();
    await this.persistStatus();
  }

  private async failed(error: unknown): Promise<void> {
    const text = message(error);
    const rate = /MAX_WRITE_OPERATIONS_PER_(MINUTE|HOUR)/.exec(text);
    const wait = rate ? (rate[1] === 'HOUR' ? 3_600_000 : 60_000) : this.retryMs;
    if (!rate) this.retryMs = Math.min(RETRY_MAX_MS, this.retryMs * 2);
    this.waitingForRate = Boolean(rate);
    this.status_ = { ...this.status_, error: text };
    this.refreshStatus();
    await this.persistStatus();
    this.schedule(wait);
  }

  private refreshStatus(): void {
    const notSynced: Record<string, NotSyncedWhy> = {};
    const live = [...this.state.values()].filter((e) => e.ref);
    const sync = this.opts.storage.sync;
    for (const e of live) {
      if (!sync) notSynced[e.key] = 'off';
      else if (this.dirty.has(e.key)) notSynced[e.key] = this.waitingForRate ? 'rate' : this.status_.error ? (/QUOTA/.test(this.status_.error) ? 'quota' : 'error') : 'pending';
      else if (this.left.has(e.key)) notSynced[e.key] = 'quota';
    }
    this.status_ = { ...this.status_, sync: sync ? 'on' : 'off', saved: live.length, notSynced };
  }

  private async persistStatus(): Promise<void> {
    await this.opts.storage.local.set({ [LOCAL_STATUS_KEY]: this.status_ });
    this.opts.onChange?.();
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
