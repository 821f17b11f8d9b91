/**
 * Loading a dataset into IndexedDB, atomically and idempotently.
 *
 * The new dataset is written into a fresh generation (keys [gen, …]) in chunked transactions while the active
 * generation keeps answering queries. A `staging` meta record marks the load as in progress. Only when every
 * record is written does one transaction point `meta.active` at the new generation and drop the marker; the old
 * generation is then deleted. An error, or a service worker killed mid-load, leaves the previous dataset active
 * and the marker in place, so the next start retries (and first clears the half-written generation). Loading
 * the version that is already active writes nothing.
 */
import type { Dataset } from '../records/schema';
import { DATA_STORES, type VblDb } from './db';
import { buildRecords, checkDataset, siteTable } from './record-builder';
import type { ActiveMeta, StagingMeta } from './stored-records';

export interface LoadOptions {
  /** Extension version doing the load (recorded in meta). */
  extVersion?: string;
  /** Records per write transaction. */
  chunkSize?: number;
  /** Called before each chunk is written; a throw aborts the load (tests simulate a crash with it). */
  beforeChunk?: (store: string, chunkIndex: number) => void | Promise<void>;
  /** Called as soon as the new generation is active, before the old one is deleted (callers switch to it). */
  onActivated?: (meta: ActiveMeta) => void;
}

export interface LoadOutcome {
  status: 'loaded' | 'unchanged';
  version: string;
  gen: number;
  ms: number;
}


/** Write transactions that may be committing while the next one is being filled. */
const MAX_IN_FLIGHT = 2;

export async function loadDataset(db: VblDb, dataset: Dataset, options: LoadOptions = {}): Promise<LoadOutcome> {
  const started = now();
  checkDataset(dataset);
  const active = (await db.get('meta', 'active')) as ActiveMeta | undefined;
  const staging = (await db.get('meta', 'staging')) as StagingMeta | undefined;
  if (active && active.version === dataset.version && active.schema === dataset.schema) {
    // Same version: nothing to write. Clear what an interrupted load of another version left behind.
    if (staging) {
      await pruneGenerations(db, active.gen);
      await db.delete('meta', 'staging');
    }
    if (options.extVersion && active.extVersion !== options.extVersion) {
      await db.put('meta', { ...active, extVersion: options.extVersion });
    }
    return { status: 'unchanged', version: active.version, gen: active.gen, ms: now() - started };
  }

  const gen = Math.max(active?.gen ?? 0, staging?.gen ?? 0) + 1;
  const timings: Record<string, number> = {};
  // Clear any half-written generation first, then mark this load as in progress.
  await pruneGenerations(db, active?.gen);
  await db.put('meta', { name: 'staging', gen, version: dataset.version, startedAt: new Date().toISOString() });

  try {
    let lap = now();
    const records = buildRecords(dataset, gen);
    const { buckets } = records;
    timings.prepare = Math.round(now() - lap);
    // Records per transaction: the worker answers nothing while it fills one (~0.3 s for 1,000 records of mentions).
    const chunkSize = options.chunkSize ?? 1000;
    // Pipelined: the worker serializes the next chunk (put() clones synchronously) while the browser commits the
    // previous ones; at most MAX_IN_FLIGHT transactions wait. Nothing is visible until the flip below, which
    // runs after every write transaction has completed.
    const inFlight: Array<Promise<void>> = [];
    try {
      for (const store of DATA_STORES) {
        lap = now();
        const rows = records[store] as unknown[];
        for (let i = 0, chunk = 0; i < rows.length; i += chunkSize, chunk++) {
          await options.beforeChunk?.(store, chunk);
          // Relaxed durability for the staging writes; the flip below is strict.
          const tx = db.transaction(store, 'readwrite', { durability: 'relaxed' });
          const os = tx.objectStore(store);
          const end = Math.min(rows.length, i + chunkSize);
          for (let j = i; j < end; j++) void os.put(rows[j] as never);
          const done = tx.done;
          done.catch(() => {}); // awaited below; no unhandled rejection meanwhile
          inFlight.push(done);
          if (inFlight.length > MAX_IN_FLIGHT) await inFlight.shift();
          // Let lookups waiting meanwhile be answered (from the active generation) between chunks: an already
          // committed transaction's promise would resume this loop without ever returning to the event loop.
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
        timings[store] = Math.round(now() - lap);
      }
      lap = now();
      await Promise.all(inFlight);
      timings.commit = Math.round(now() - lap);
    } finally {
      // On failure, let the other transactions settle before the generation is cleared.
      await Promise.allSettled(inFlight);
    }

    // The flip: one transaction makes the new generation active.
    const ms = now() - started;
    const sites = siteTable(dataset);
    const meta: ActiveMeta = {
      name: 'active',
      gen,
      version: dataset.version,
      schema: dataset.schema,
      extVersion: options.extVersion,
      counts: { documents: dataset.documents.length, articles: dataset.articles.length, mentions: dataset.mentions.length },
      buckets,
      loadedAt: new Date().toISOString(),
      loadMs: Math.round(ms),
      loadTimings: timings,
      ...(sites ? { sites } : {}),
    };
    const tx = db.transaction('meta', 'readwrite', { durability: 'strict' });
    void tx.store.put(meta);
    void tx.store.delete('staging');
    void tx.store.delete('lastError');
    await tx.done;
  } catch (error) {
    // The previous generation stays active; the staging marker stays so the next start retries.
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    await db.put('meta', { name: 'lastError', message, at: new Date().toISOString() }).catch(() => {});
    await pruneGenerations(db, active?.gen).catch(() => {});
    throw error;
  }

  options.onActivated?.((await db.get('meta', 'active')) as ActiveMeta);
  // The old generation is no longer reachable; deleting it can fail or be interrupted harmlessly. Reads already
  // under way on it finish first (IndexedDB runs this write after the read transactions that overlap it).
  await pruneGenerations(db, gen).catch(() => {});
  return { status: 'loaded', version: dataset.version, gen, ms: now() - started };
}

/** Deletes every generation but `keep` (all of them when undefined) from the data stores. */
export async function pruneGenerations(db: VblDb, keep: number | undefined): Promise<void> {
  const tx = db.transaction([...DATA_STORES], 'readwrite');
  for (const store of DATA_STORES) {
    const os = tx.objectStore(store);
    if (keep === undefined) {
      void os.clear();
    } else {
      void os.delete(IDBKeyRange.upperBound([keep], true));
      void os.delete(IDBKeyRange.lowerBound([keep + 1]));
    }
  }
  await tx.done;
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}
