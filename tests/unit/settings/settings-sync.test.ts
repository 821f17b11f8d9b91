import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { keepSettingsSynced } from '@/lib/settings/settings-sync';
import {
  LEGACY_LOCAL,
  LEGACY_SYNC,
  mergeStamped,
  readStamped,
  sameStamped,
  stampChanges,
  toStored,
  type Stamped,
} from '@/lib/settings/stamped-fields';
import { GLOBAL_FIELDS, getGlobalSettings, getSiteSettings, setGlobalSettings, setSiteSettings } from '@/lib/settings/store';

const HOUR = 3600_000;
const T0 = Date.UTC(2026, 11, 5, 8);
const FIELDS = ['theme', 'dwellMs', 'defaultMode'] as const;
const EMPTY: Stamped = { values: {}, stamps: {} };

/**
 * One browser against storage.sync, which keeps one value per item (the last write of any browser replaces it):
 * a change is made on what the browser sees (sync merged with its copy), written to both; a delivery of the synced
 * item is merged with the copy and what the item lacks written back (what settings-sync.ts does).
 */
interface Browser {
  node: string;
  skew: number;
  local: Stamped;
}
const world = () => ({ sync: EMPTY as Stamped });
function change(w: { sync: Stamped }, b: Browser, values: Record<string, unknown>, now: number) {
  const base = mergeStamped(w.sync, b.local);
  const next = stampChanges(base, { ...base.values, ...values }, FIELDS, b.node, now + b.skew);
  b.local = next;
  w.sync = next;
  return next;
}
function deliver(w: { sync: Stamped }, b: Browser) {
  const merged = mergeStamped(w.sync, b.local);
  b.local = merged;
  if (!sameStamped(merged, w.sync)) w.sync = merged;
}

describe('settings merged per field (pure)', () => {
  it('two browsers changing different settings at once both keep their change', () => {
    const w = world();
    const a: Browser = { node: 'a', skew: 0, local: EMPTY };
    const b: Browser = { node: 'b', skew: 0, local: EMPTY };
    // Both start from nothing (neither has seen the other's write): b's write replaces a's item in sync.
    const seenByB = w.sync;
    change(w, a, { theme: 'dark' }, T0);
    w.sync = seenByB;
    change(w, b, { dwellMs: 800 }, T0 + 10);
    deliver(w, a);
    deliver(w, b);
    deliver(w, a);
    for (const s of [w.sync, a.local, b.local]) expect(s.values).toEqual({ theme: 'dark', dwellMs: 800 });
  });

  it('a browser whose clock is hours behind, having seen a newer change, does not undo it; its own later change wins', () => {
    const w = world();
    const a: Browser = { node: 'a', skew: 0, local: EMPTY };
    const b: Browser = { node: 'b', skew: -5 * HOUR, local: EMPTY };
    change(w, a, { theme: 'dark', dwellMs: 500 }, T0);
    deliver(w, b);
    // b changes another field: a's are kept.
    change(w, b, { defaultMode: 'inline' }, T0 + 60_000);
    deliver(w, a);
    expect(a.local.values).toEqual({ theme: 'dark', dwellMs: 500, defaultMode: 'inline' });
    // b changes a's field after seeing it: stamped after a's, though b's wall clock says five hours earlier.
    change(w, b, { theme: 'light' }, T0 + 120_000);
    expect(b.local.stamps.theme! > a.local.stamps.theme!).toBe(true);
    deliver(w, a);
    expect(a.local.values.theme).toBe('light');
    // An older copy arriving late (a's first write, replayed) changes nothing.
    const late = mergeStamped(a.local, { values: { theme: 'dark' }, stamps: { theme: a.local.stamps.dwellMs! } });
    expect(late.values.theme).toBe('light');
  });

  it('settings stored by an older version read back unchanged; any stamped change wins over them; synced beats the device copy', () => {
    const old = { defaultMode: 'inline', dwellMs: 700, theme: 'dark' };
    const fromSync = readStamped(old, GLOBAL_FIELDS, LEGACY_SYNC);
    expect(fromSync.values).toEqual(old);
    const fromLocal = readStamped({ ...old, theme: 'light' }, GLOBAL_FIELDS, LEGACY_LOCAL);
    expect(mergeStamped(fromSync, fromLocal).values).toEqual(old);
    expect(mergeStamped(fromLocal, fromSync).values).toEqual(old);
    const changed = stampChanges(fromSync, { ...fromSync.values, dwellMs: 900 }, GLOBAL_FIELDS, 'x', T0 - 100 * 24 * HOUR);
    expect(mergeStamped(fromSync, changed).values).toEqual({ ...old, dwellMs: 900 });
    // Stored with the stamps, read back the same; the plain values stay where older versions read them.
    const stored = toStored(changed);
    expect(stored).toMatchObject({ ...old, dwellMs: 900 });
    expect(sameStamped(readStamped(JSON.parse(JSON.stringify(stored)), GLOBAL_FIELDS, LEGACY_SYNC), changed)).toBe(true);
  });

  it('any interleaving of changes and deliveries converges on each field\'s latest change (fast-check)', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('change' as const), who: fc.nat(2), field: fc.constantFrom(...FIELDS), value: fc.nat(5), at: fc.nat(10 * 60_000) }),
      fc.record({ kind: fc.constant('deliver' as const), who: fc.nat(2) }),
      fc.record({ kind: fc.constant('stale' as const), who: fc.nat(2) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), fc.array(fc.integer({ min: -6 * HOUR, max: 6 * HOUR }), { minLength: 3, maxLength: 3 }), (ops, skews) => {
        const w = world();
        const browsers: Browser[] = skews.map((skew, i) => ({ node: `n${i}`, skew, local: EMPTY }));
        const writes: Array<{ field: string; stamp: string; value: unknown }> = [];
        let clock = T0;
        for (const o of ops) {
          const b = browsers[o.who]!;
          if (o.kind === 'change') {
            clock += o.at;
            // A change made without having seen the synced item (sync's answer not yet delivered).
            const before = w.sync;
            const next = change(w, b, { [o.field]: o.value }, clock);
            writes.push({ field: o.field, stamp: next.stamps[o.field]!, value: o.value });
            if (o.at % 3 === 0) w.sync = before; // another browser's write of the same item replaced it
          } else if (o.kind === 'deliver') deliver(w, b);
          else b.local = mergeStamped(EMPTY, b.local); // a no-op step: browsers idle
        }
        for (let round = 0; round < 2; round++) for (const b of browsers) deliver(w, b);
        for (const b of browsers) expect(sameStamped(b.local, w.sync)).toBe(true);
        for (const field of FIELDS) {
          const latest = writes.filter((x) => x.field === field).sort((x, y) => (x.stamp < y.stamp ? 1 : -1))[0];
          expect(w.sync.values[field]).toBe(latest?.value);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('merging is commutative, associative and idempotent (fast-check)', () => {
    const stamped = fc
      .array(fc.record({ field: fc.constantFrom(...FIELDS), value: fc.option(fc.nat(3), { nil: undefined }), wall: fc.nat(5), node: fc.constantFrom('a', 'b') }), { maxLength: 6 })
      .map((xs) => {
        const s: Stamped = { values: {}, stamps: {} };
        for (const x of xs) {
          s.stamps[x.field] = `${String(x.wall).padStart(9, '0')}000${x.node}`;
          if (x.value === undefined) delete s.values[x.field];
          else s.values[x.field] = x.value;
        }
        return s;
      });
    fc.assert(
      fc.property(stamped, stamped, stamped, (a, b, c) => {
        expect(sameStamped(mergeStamped(a, b), mergeStamped(b, a))).toBe(true);
        expect(sameStamped(mergeStamped(mergeStamped(a, b), c), mergeStamped(a, mergeStamped(b, c)))).toBe(true);
        expect(sameStamped(mergeStamped(a, a), a)).toBe(true);
      }),
    );
  });
});

describe('settings store and the background merge (fake browser storage)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('settings an older version stored keep their values, and a change keeps the others', async () => {
    await fakeBrowser.storage.sync.set({ settings: { defaultMode: 'inline', dwellMs: 700, theme: 'dark' }, 'site:baotest.vn': { enabled: false } });
    expect(await getGlobalSettings()).toMatchObject({ defaultMode: 'inline', dwellMs: 700, theme: 'dark' });
    await setGlobalSettings({ language: 'en' });
    expect(await getGlobalSettings()).toMatchObject({ defaultMode: 'inline', dwellMs: 700, theme: 'dark', language: 'en' });
    expect(await getSiteSettings('baotest.vn')).toEqual({ enabled: false });
    await setSiteSettings('baotest.vn', { mode: 'inline' });
    expect(await getSiteSettings('baotest.vn')).toEqual({ enabled: false, mode: 'inline' });
  });

  it('another browser\'s write that replaced this one\'s is merged: both changes kept, written back to storage.sync', async () => {
    const stop = new AbortController();
    keepSettingsSynced(stop.signal);
    await setGlobalSettings({ theme: 'dark' });
    // Another browser, which had not seen that, changed the dwell time: its item replaces ours in storage.sync.
    const other = stampChanges({ values: {}, stamps: {} }, { dwellMs: 900 }, GLOBAL_FIELDS, 'other', Date.now() - 3 * HOUR);
    await fakeBrowser.storage.sync.set({ settings: toStored(other) });
    await vi.waitFor(async () => expect((await fakeBrowser.storage.sync.get('settings')).settings).toMatchObject({ theme: 'dark', dwellMs: 900 }));
    expect(await getGlobalSettings()).toMatchObject({ theme: 'dark', dwellMs: 900 });
    expect((await fakeBrowser.storage.local.get('settings')).settings).toMatchObject({ theme: 'dark', dwellMs: 900 });
    stop.abort();
  });

  it('an unstamped item written now (an older version in another browser) is a change made now, not older than ours', async () => {
    const stop = new AbortController();
    keepSettingsSynced(stop.signal);
    await setSiteSettings('baotest.vn', { mode: 'inline' });
    await setGlobalSettings({ theme: 'dark' });
    // The older version replaces the items with plain values, as it always did.
    await fakeBrowser.storage.sync.set({ 'site:baotest.vn': { mode: 'highlight' } });
    await fakeBrowser.storage.sync.set({ settings: { theme: 'light', language: 'en' } });
    await vi.waitFor(async () => expect((await getSiteSettings('baotest.vn')).mode).toBe('highlight'));
    await vi.waitFor(async () => expect(await getGlobalSettings()).toMatchObject({ theme: 'light', language: 'en' }));
    // Stamped now in both places, so the next merge keeps it.
    const synced = (await fakeBrowser.storage.sync.get('site:baotest.vn'))['site:baotest.vn'] as Record<string, unknown>;
    expect(synced).toMatchObject({ mode: 'highlight', _hlc: { mode: expect.stringMatching(/./) } });
    expect((await fakeBrowser.storage.local.get('site:baotest.vn'))['site:baotest.vn']).toMatchObject({ mode: 'highlight' });
    stop.abort();
  });

  it('a change kept on this device while storage.sync refused it is written there at the next start', async () => {
    const refuse = vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('storage.sync is disabled'));
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await setGlobalSettings({ theme: 'dark' });
    expect((await fakeBrowser.storage.sync.get('settings')).settings).toBeUndefined();
    refuse.mockRestore();
    const stop = new AbortController();
    keepSettingsSynced(stop.signal);
    await vi.waitFor(async () => expect((await fakeBrowser.storage.sync.get('settings')).settings).toMatchObject({ theme: 'dark' }));
    stop.abort();
  });
});

describe('synced data cleared', () => {
  beforeEach(() => fakeBrowser.reset());
  it('an item removed from storage.sync takes this device\'s copy with it (back to the defaults), and nothing is written back', async () => {
    const stop = new AbortController();
    keepSettingsSynced(stop.signal);
    await setGlobalSettings({ theme: 'dark' });
    await fakeBrowser.storage.sync.remove('settings');
    await vi.waitFor(async () => expect((await fakeBrowser.storage.local.get('settings')).settings).toBeUndefined());
    expect((await getGlobalSettings()).theme).toBe('system');
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    stop.abort();
  });

  it('an item removed while its last change is being merged stays removed: the merge does not write it back', async () => {
    const stop = new AbortController();
    keepSettingsSynced(stop.signal);
    await vi.waitFor(() => expect(fakeBrowser.storage.onChanged.hasListeners()).toBe(true));
    // The site is turned off by a version that does not stamp; while this device stores the change, the item is
    // removed from storage.sync (another browser cleared it, or the site was turned on again there).
    const store = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    let removed = false;
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items) => {
      await store(items);
      if (!removed && 'site:baotest.vn' in items) { removed = true; await fakeBrowser.storage.sync.remove('site:baotest.vn'); }
    });
    await fakeBrowser.storage.sync.set({ 'site:baotest.vn': { enabled: false } });
    await vi.waitFor(() => expect(removed).toBe(true));
    await vi.waitFor(async () => expect((await fakeBrowser.storage.local.get('site:baotest.vn'))['site:baotest.vn']).toBeUndefined());
    await new Promise((r) => setTimeout(r, 50));
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    expect((await fakeBrowser.storage.local.get('site:baotest.vn'))['site:baotest.vn']).toBeUndefined();
    expect(await getSiteSettings('baotest.vn')).toEqual({});
    stop.abort();
  });
});
