import { describe, expect, it } from 'vitest';
import { SYNC_LIMITS } from '@/lib/sync/quota';
import { LOCAL_ENTRY_PREFIX, LOCAL_KEYS_KEY, LOCAL_STATE_KEY, SavedStore, WRITE_DELAY_MS } from '@/lib/sync/saved-store';
import { readItems } from '@/lib/sync/sync-items';
import { ChromeSyncArea, ManualScheduler, MemoryArea, settle } from '../../helpers/sync-area';
import { realisticLibrary } from '../../../scripts/harness/saved-library';

const T0 = Date.UTC(2026, 11, 1, 8);
let nodes = 0;

/** One browser: its own local area and store, on a storage.sync shared with the others. */
async function browserOn(sync: ChromeSyncArea | undefined, scheduler: ManualScheduler, local = new MemoryArea()) {
  const store = await SavedStore.open({ storage: { local, ...(sync ? { sync } : {}) }, scheduler, newNode: () => `n${++nodes}` });
  sync?.listeners.push(() => void store.syncChanged());
  return { store, local };
}

const one = realisticLibrary(3, 7);

describe('saved store', () => {
  it('without storage.sync everything works locally and the status says sync is off', async () => {
    const scheduler = new ManualScheduler(T0);
    const { store, local } = await browserOn(undefined, scheduler);
    const ref = await store.save(one[0]!);
    await store.edit(ref.key, { note: 'ghi chú riêng' });
    expect(store.list()).toHaveLength(1);
    expect(store.status().sync).toBe('off');
    expect(store.status().notSynced).toEqual({ [ref.key]: 'off' });
    expect((await local.get([LOCAL_KEYS_KEY]))[LOCAL_KEYS_KEY]).toEqual([ref.key]);
    // The saved documents' ids, which search results follow.
    expect((await local.get(['saved:docs']))['saved:docs']).toEqual(one[0]!.docId ? [one[0]!.docId] : []);
    // An edit writes that reference's item only (what every open tab is sent on a change), not the library.
    await store.saveMany(realisticLibrary(50, 4));
    const writes: Array<Record<string, unknown>> = [];
    const set = local.set.bind(local);
    local.set = async (items) => (writes.push(items), set(items));
    await store.edit(ref.key, { note: 'một mục' });
    expect(writes.flatMap((w) => Object.keys(w)).filter((k) => k.startsWith(LOCAL_ENTRY_PREFIX))).toEqual([LOCAL_ENTRY_PREFIX + ref.key]);
    expect(Object.keys((await local.get([LOCAL_STATE_KEY]))[LOCAL_STATE_KEY] as object).sort()).toEqual(['clock', 'node']);
    // Reopened from storage.local: the same.
    const again = await SavedStore.open({ storage: { local }, scheduler, newNode: () => 'zz' });
    expect(again.list()).toEqual(store.list());
  });

  it('a save reaches another browser through storage.sync, and an edit there comes back', async () => {
    const scheduler = new ManualScheduler(T0);
    const sync = new ChromeSyncArea(scheduler.now);
    const a = await browserOn(sync, scheduler);
    const b = await browserOn(sync, scheduler);
    const ref = await a.store.save(one[0]!);
    expect(a.store.status().notSynced[ref.key]).toBe('pending');
    await scheduler.advance(WRITE_DELAY_MS * 3);
    expect(a.store.status().notSynced).toEqual({});
    expect(b.store.list().map((r) => r.key)).toEqual([ref.key]);
    await b.store.edit(ref.key, { note: 'Sửa ở nhà', tags: ['luận văn'] });
    await scheduler.advance(WRITE_DELAY_MS * 3);
    expect(a.store.get(ref.key)).toMatchObject({ note: 'Sửa ở nhà', tags: ['luận văn'] });
    // Delete in a, undo in a: b ends with it saved.
    const gone = await a.store.remove([ref.key]);
    await scheduler.advance(WRITE_DELAY_MS * 3);
    expect(b.store.list()).toEqual([]);
    await a.store.restore(gone);
    await scheduler.advance(WRITE_DELAY_MS * 3);
    expect(b.store.list().map((r) => r.note)).toEqual(['Sửa ở nhà']);
  });

  it('1,000 imported references stay under the quota, and a fresh browser given the sync items has all of them', async () => {
    const scheduler = new ManualScheduler(T0);
    const sync = new ChromeSyncArea(scheduler.now);
    await sync.set({ settings: { defaultMode: 'highlight', dwellMs: 300 }, 'site:baotest.vn': { mode: 'inline' } });
    const a = await browserOn(sync, scheduler);
    const lib = realisticLibrary(1000);
    expect(await a.store.saveMany(lib)).toEqual({ added: 1000, updated: 0 });
    await scheduler.advance(WRITE_DELAY_MS * 3);
    expect(sync.refused).toEqual([]);
    expect(sync.bytesInUse()).toBeLessThanOrEqual(SYNC_LIMITS.QUOTA_BYTES);
    expect(a.store.status().notSynced).toEqual({});
    console.log(`1000 references through the store: storage.sync holds ${sync.bytesInUse()} bytes (settings included) in ${sync.data.size} items`);
    // A second profile: only the sync items copied over.
    const copy = new ChromeSyncArea(scheduler.now);
    copy.data = new Map(sync.data);
    const fresh = await browserOn(copy, scheduler);
    expect(fresh.store.list()).toEqual(a.store.list());
    // Importing the same file again adds nothing.
    expect(await a.store.saveMany(lib)).toEqual({ added: 0, updated: 1000 });
    expect(a.store.list()).toHaveLength(1000);
  });

  it('past the quota nothing is lost: all kept locally, the ones that do not fit say so', async () => {
    const scheduler = new ManualScheduler(T0);
    const sync = new ChromeSyncArea(scheduler.now);
    // Another part of the extension already uses 60 KB of storage.sync.
    const filler: Record<string, string> = {};
    for (let i = 0; i < 8; i++) filler[`other:${i}`] = 'x'.repeat(7_500);
    await sync.set(filler);
    const a = await browserOn(sync, scheduler);
    await a.store.saveMany(realisticLibrary(1000));
    await scheduler.advance(WRITE_DELAY_MS * 3);
    expect(sync.refused).toEqual([]);
    expect(sync.bytesInUse()).toBeLessThanOrEqual(SYNC_LIMITS.QUOTA_BYTES);
    const why = Object.values(a.store.status().notSynced);
    expect(why.length).toBeGreaterThan(100);
    expect(new Set(why)).toEqual(new Set(['quota']));
    expect(a.store.list()).toHaveLength(1000);
    const synced = readItems(Object.fromEntries(sync.data)).entries.length;
    expect(synced + why.length).toBe(1000);
    // Room made (the other data removed): the rest follows at the next write.
    await sync.remove(Object.keys(filler));
    await scheduler.advance(WRITE_DELAY_MS * 3);
    expect(a.store.status().notSynced).toEqual({});
  });

  it('never exceeds the write rate: a burst of changes waits, says so, and lands later', async () => {
    const scheduler = new ManualScheduler(T0);
    const sync = new ChromeSyncArea(scheduler.now);
    const a = await browserOn(sync, scheduler);
    const lib = realisticLibrary(400, 3);
    let sawRate = false;
    for (const input of lib) {
      await a.store.save(input);
      await a.store.flushNow();
      await scheduler.advance(50);
      if (Object.values(a.store.status().notSynced).includes('rate')) sawRate = true;
    }
    expect(sync.refused).toEqual([]);
    expect(sawRate).toBe(true);
    await scheduler.advance(3_600_000);
    expect(sync.refused).toEqual([]);
    expect(a.store.status().notSynced).toEqual({});
    expect(readItems(Object.fromEntries(sync.data)).entries).toHaveLength(a.store.list().length);
  });

  it('a refused write loses nothing and is retried; the reason is shown meanwhile', async () => {
    const scheduler = new ManualScheduler(T0);
    const sync = new ChromeSyncArea(scheduler.now);
    const a = await browserOn(sync, scheduler);
    const realSet = sync.set.bind(sync);
    let fail = true;
    sync.set = async (items) => {
      if (fail) throw new Error('Sync is temporarily unavailable');
      return realSet(items);
    };
    const ref = await a.store.save(one[1]!);
    await scheduler.advance(WRITE_DELAY_MS * 2);
    expect(a.store.status().error).toMatch(/unavailable/);
    expect(a.store.status().notSynced[ref.key]).toBe('error');
    fail = false;
    await scheduler.advance(60_000);
    expect(a.store.status().error).toBeUndefined();
    expect(a.store.status().notSynced).toEqual({});
    expect(readItems(Object.fromEntries(sync.data)).entries.map((e) => e.key)).toEqual([ref.key]);
  });

  it('two browsers editing at once converge through one storage.sync', async () => {
    const scheduler = new ManualScheduler(T0);
    const sync = new ChromeSyncArea(scheduler.now);
    const a = await browserOn(sync, scheduler);
    const b = await browserOn(sync, scheduler);
    const lib = realisticLibrary(30, 5);
    await a.store.saveMany(lib.slice(0, 20));
    await scheduler.advance(WRITE_DELAY_MS * 3);
    const keys = a.store.list().map((r) => r.key);
    // At once, before either writes: a deletes five and edits five, b edits the same ten and saves ten more.
    await a.store.remove(keys.slice(0, 5));
    for (const k of keys.slice(5, 10)) await a.store.edit(k, { note: 'A' });
    for (const k of keys.slice(0, 10)) await b.store.edit(k, { note: 'B' });
    await b.store.saveMany(lib.slice(20));
    await scheduler.advance(WRITE_DELAY_MS * 10);
    await settle();
    expect(a.store.list()).toEqual(b.store.list());
    // Five deleted by a unless b's concurrent edit was the later write; ten new from b.
    expect(a.store.list().length).toBeGreaterThanOrEqual(25);
    expect(a.store.list().length).toBeLessThanOrEqual(30);
    for (const k of keys.slice(5, 10)) expect(['A', 'B']).toContain(a.store.get(k)?.note);
    for (const k of keys.slice(0, 5)) expect([undefined, 'B']).toContain(a.store.get(k)?.note);
    // Each browser's state in storage.local is the merged one.
    const entriesIn = async (area: MemoryArea) => Object.entries(await area.get(null)).filter(([k]) => k.startsWith(LOCAL_ENTRY_PREFIX)).sort();
    expect(await entriesIn(a.local)).toEqual(await entriesIn(b.local));
  });
});

describe('tombstones across browsers whose clocks differ by days', () => {
  it('an old deletion leaves storage.sync once, and the browsers do not rewrite each other', async () => {
    const { TOMBSTONE_SAFE_MS } = await import('@/lib/sync/merge');
    const base = new ManualScheduler(T0);
    const sync = new ChromeSyncArea(base.now);
    /** A browser whose wall clock is `skew` ms off the shared time. */
    const skewed = (skew: number) => ({ now: () => base.now() + skew, setTimeout: base.setTimeout, clearTimeout: base.clearTimeout });
    const open = async (node: string, skew: number) => {
      const store = await SavedStore.open({ storage: { local: new MemoryArea(), sync }, scheduler: skewed(skew), newNode: () => node });
      sync.listeners.push(() => void store.syncChanged());
      return store;
    };
    const ahead = await open('ahead', 3 * 24 * 3600_000);
    const behind = await open('behind', -3 * 24 * 3600_000);
    const ref = await ahead.save(one[0]!);
    await base.advance(WRITE_DELAY_MS * 3);
    await ahead.remove([ref.key]);
    await base.advance(WRITE_DELAY_MS * 3);
    expect(behind.list()).toEqual([]);
    // Close to the end of the safe period, as each browser's clock reads it.
    await base.advance(TOMBSTONE_SAFE_MS - 5 * 24 * 3600_000);
    await behind.save(one[1]!); // some write from the browser behind, which still holds the tombstone
    const setsBefore = sync.sets;
    await base.advance(3600_000);
    await ahead.save(one[2]!);
    await base.advance(3600_000);
    // A handful of writes, not a rewrite loop (each loop turn would be one every couple of seconds).
    expect(sync.sets - setsBefore).toBeLessThan(10);
    expect(ahead.list().map((r) => r.key).sort()).toEqual(behind.list().map((r) => r.key).sort());
    ahead.close();
    behind.close();
  });

  it('a code saved while unknown and saved again once the dataset knows it stays one reference, here, after reopening and in another browser', async () => {
    const scheduler = new ManualScheduler(T0);
    const sync = new ChromeSyncArea(scheduler.now);
    const a = await browserOn(sync, scheduler);
    const b = await browserOn(sync, scheduler);
    const url = 'https://baotest.vn/thoi-su/huong-dan-moi.html';
    const old = await a.store.save({ code: '12-HD/BTCTW', url, page: { date: '2026-03-02' }, savedAt: T0, note: 'Chưa có trong dữ liệu' });
    await scheduler.advance(WRITE_DELAY_MS * 3);
    expect(b.store.list().map((r) => r.key)).toEqual([old.key]);
    const matched = await a.store.save({ code: '12-HD/BTCTW', docId: '12-HD/BTCTW@2026-03-02', url, savedAt: T0 + 60_000 });
    expect(a.store.list()).toEqual([{ ...matched, note: 'Chưa có trong dữ liệu' }]);
    await scheduler.advance(WRITE_DELAY_MS * 3);
    expect(b.store.list()).toEqual(a.store.list());
    const again = await SavedStore.open({ storage: { local: a.local }, scheduler, newNode: () => 'zz' });
    expect(again.list()).toEqual(a.store.list());
  });

  it('an unknown code edited in one browser while another matched it to a dataset document: both end with the one reference', async () => {
    const scheduler = new ManualScheduler(T0);
    const sync = new ChromeSyncArea(scheduler.now);
    const a = await browserOn(sync, scheduler);
    const b = await browserOn(sync, scheduler);
    const url = 'https://baotest.vn/thoi-su/huong-dan-moi.html';
    const old = await a.store.save({ code: '12-HD/BTCTW', url, savedAt: T0, note: 'Chưa có trong dữ liệu' });
    await scheduler.advance(WRITE_DELAY_MS * 3);
    expect(b.store.get(old.key)).toBeDefined();
    // At once: a (dataset updated) saves it with the document id; b (not yet) edits the unknown one's note.
    await a.store.save({ code: '12-HD/BTCTW', docId: '12-HD/BTCTW@2026-03-02', url, savedAt: T0 + 60_000 });
    await b.store.edit(old.key, { note: 'Sửa ở máy khác' });
    for (let i = 0; i < 6; i++) await scheduler.advance(WRITE_DELAY_MS * 3);
    for (const x of [a, b]) expect(x.store.list().map((r) => [r.code, r.docId])).toEqual([['12-HD/BTCTW', '12-HD/BTCTW@2026-03-02']]);
  });
});
