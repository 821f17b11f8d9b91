import { describe, expect, it } from 'vitest';
import { createClock } from '@/lib/sync/hlc';
import { deleteReference, editReference, saveReference, type Entry, type SavedState } from '@/lib/sync/merge';
import { SYNC_LIMITS, itemBytes, utf8Bytes } from '@/lib/sync/quota';
import { decodeShard, encodeItems, encodeShard, measure, planItems, readItems } from '@/lib/sync/sync-items';
import { decodeZ85, encodeZ85 } from '@/lib/sync/z85';
import { realisticLibrary } from '../../helpers/saved-library';

const sortEntries = (list: Iterable<Entry>) => [...list].sort((a, b) => (a.key < b.key ? -1 : 1));

function stateOf(count: number, seed = 12) {
  let state: SavedState = new Map();
  let clock = createClock('k3x9a');
  for (const input of realisticLibrary(count, seed)) ({ state, clock } = saveReference(state, clock, input, input.savedAt));
  return { state, clock };
}

/** Chrome's budget less what the extension's settings use (the global settings and a few sites). */
const SETTINGS_RESERVE = 2_048;
const BUDGET = { bytes: SYNC_LIMITS.QUOTA_BYTES - SETTINGS_RESERVE, items: SYNC_LIMITS.MAX_ITEMS - 20 };

describe('Z85', () => {
  it('round-trips any bytes and writes nothing JSON escapes', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 17, 1000]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 151 + 7) & 255);
      const text = encodeZ85(bytes);
      expect(decodeZ85(text)).toEqual(bytes);
      expect(JSON.stringify(text).length).toBe(text.length + 2);
    }
  });
});

describe('counting bytes as Chrome does', () => {
  it('counts UTF-8 bytes of key plus JSON value', () => {
    expect(utf8Bytes('Chỉ thị')).toBe(Buffer.byteLength('Chỉ thị'));
    expect(itemBytes('k', 'Đảng')).toBe(1 + Buffer.byteLength('"Đảng"'));
    expect(utf8Bytes('𝄞a')).toBe(5);
  });
});

describe('sync items', () => {
  it('round-trip: every entry, tombstones and unknown codes included, comes back equal', () => {
    let { state, clock } = stateOf(200);
    const keys = [...state.keys()];
    ({ state, clock } = deleteReference(state, clock, keys[3]!, Date.UTC(2026, 11, 1))!);
    ({ state, clock } = editReference(state, clock, keys[5]!, { note: 'Ghi chú có "ngoặc" và \\ gạch', tags: ['một', 'hai'] }, Date.UTC(2026, 11, 2))!);
    const items = encodeItems(state.values());
    const read = readItems({ ...items, settings: { dwellMs: 300 } });
    expect(read.errors).toEqual([]);
    expect(read.incomplete).toEqual([]);
    expect(sortEntries(read.entries)).toEqual(sortEntries(state.values()));
    expect(read.entries.some((e) => e.ref && !e.ref.docId && e.ref.page?.issuer)).toBe(true);
  });

  it('the same state encodes to the same items whatever order it was built in', () => {
    const { state } = stateOf(100);
    const reversed = new Map([...state].reverse());
    expect(encodeItems(reversed.values())).toEqual(encodeItems(state.values()));
  });

  it('1,000 realistic references, each with its page address and a note, fit Chrome quota', () => {
    const { state } = stateOf(1000);
    const refs = [...state.values()].map((e) => e.ref!);
    expect(refs.length).toBeGreaterThanOrEqual(990); // a few saved twice from the same page: updates
    expect(refs.every((r) => r.url.length > 20)).toBe(true);
    expect(refs.filter((r) => r.note).length).toBeGreaterThan(800);
    const plan = planItems(state.values(), BUDGET);
    expect(plan.left).toEqual([]);
    const { bytes, count } = measure(plan.items);
    for (const [k, v] of Object.entries(plan.items)) expect(itemBytes(k, v)).toBeLessThanOrEqual(SYNC_LIMITS.QUOTA_BYTES_PER_ITEM);
    expect(bytes).toBeLessThanOrEqual(BUDGET.bytes);
    expect(count).toBeLessThanOrEqual(BUDGET.items);
    const raw = refs.reduce((n, r) => n + utf8Bytes(JSON.stringify(r)), 0);
    console.log(`1000 references (${refs.length} after same-page updates): ${bytes} bytes in ${count} items (plain JSON ${raw} bytes)`);
    expect(sortEntries(readItems(plan.items).entries)).toEqual(sortEntries(state.values()));
  });

  it('past the budget the newest saved are left out, named, and what fits is still within it', () => {
    const { state } = stateOf(1000);
    const small = { bytes: 30_000, items: 100 };
    const plan = planItems(state.values(), small);
    expect(plan.left.length).toBeGreaterThan(0);
    expect(measure(plan.items).bytes).toBeLessThanOrEqual(small.bytes);
    const synced = new Set(readItems(plan.items).entries.map((e) => e.key));
    const left = new Set(plan.left);
    expect(synced.size + left.size).toBe(state.size);
    const newestSynced = Math.max(...[...synced].map((k) => state.get(k)!.ref!.savedAt));
    const oldestLeft = Math.min(...[...left].map((k) => state.get(k)!.ref!.savedAt));
    expect(newestSynced).toBeLessThanOrEqual(oldestLeft);
  });

  it('a shard with an item still missing is skipped, not misread', () => {
    const { state } = stateOf(1000);
    const items = encodeItems(state.values());
    // A shard written in more than one item, its second item not delivered yet.
    const victim = Object.keys(items).find((k) => k.endsWith('.1'))!;
    expect(victim).toBeDefined();
    const partial = { ...items };
    delete partial[victim];
    const read = readItems(partial);
    expect(read.incomplete).toHaveLength(1);
    expect(read.errors).toEqual([]);
    expect(read.entries.length).toBeLessThan(state.size);
  });

  it('a corrupt shard is reported and the others read', () => {
    const { state } = stateOf(50);
    const items = encodeItems(state.values());
    const [first] = Object.keys(items);
    const bad = { ...items, [first!]: items[first!]!.replace(/:([^:]*)$/, ':0aaaaa') };
    const read = readItems(bad);
    expect(read.errors).toHaveLength(1);
    expect(read.entries.length).toBeGreaterThan(0);
  });

  it('a shard decodes to exactly what was encoded', () => {
    const { state } = stateOf(20);
    const list = sortEntries(state.values());
    expect(sortEntries(decodeShard(encodeShard(list)))).toEqual(list);
  });
});
