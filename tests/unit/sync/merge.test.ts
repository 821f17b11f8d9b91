import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClock, formatHlc, parseHlc, receive, tick, compareHlc, type Hlc } from '@/lib/sync/hlc';
import { referenceKey, normalizePageUrl } from '@/lib/sync/identity';
import {
  compact,
  deleteReference,
  editReference,
  liveReferences,
  mergeEntries,
  observe,
  restoreReference,
  saveReference,
  TOMBSTONE_SAFE_MS,
  type Entry,
  type SaveInput,
  type SavedState,
} from '@/lib/sync/merge';

const HOUR = 3600_000;
const T0 = Date.UTC(2026, 10, 1, 8);

const input = (code: string, url: string, extra: Partial<SaveInput> = {}): SaveInput => ({
  code,
  docId: `${code}@2019-05-30`,
  url,
  pageTitle: 'Tăng cường sự lãnh đạo của Đảng',
  savedAt: T0,
  ...extra,
});

/** A browser: its state, its clock and how far its wall clock is off. */
interface Replica {
  state: SavedState;
  clock: Hlc;
  skew: number;
}
const replica = (node: string, skew = 0): Replica => ({ state: new Map(), clock: createClock(node), skew });

/** Replica `to` after receiving everything `from` holds (what storage.sync delivers). */
function sync(to: Replica, from: Replica, now: number): Replica {
  const merged = mergeEntries(to.state, from.state.values()).state;
  return { ...to, state: merged, clock: observe(to.clock, from.state.values(), now + to.skew) };
}

const dump = (s: SavedState) => [...s.values()].sort((a, b) => (a.key < b.key ? -1 : 1));

describe('hybrid logical clock', () => {
  it('sorts as text in clock order and survives formatting', () => {
    const c = createClock('ab12');
    const a = tick(c, T0);
    const b = tick(a, T0); // same millisecond: counter
    const d = tick(b, T0 - HOUR); // the wall clock went back an hour: never backwards
    expect(compareHlc(formatHlc(a), formatHlc(b))).toBe(-1);
    expect(compareHlc(formatHlc(b), formatHlc(d))).toBe(-1);
    expect(parseHlc(formatHlc(d))).toEqual(d);
  });

  it('orders a write made after seeing another after it, even with a clock five hours behind', () => {
    const ahead = tick(createClock('a'), T0 + 5 * HOUR);
    const behind = receive(createClock('b'), ahead, T0);
    const next = tick(behind, T0 + 1);
    expect(compareHlc(formatHlc(next), formatHlc(ahead))).toBe(1);
  });

  it('refuses a node id that would break ordering', () => {
    expect(() => createClock('A-B')).toThrow(/node id/);
  });
});

describe('identity', () => {
  it('same document from the same page is the same key; tracking parameters and fragments do not count', () => {
    const a = referenceKey({ docId: '35-CT/TW@2019-05-30', code: '35-CT/TW', url: 'https://Baotest.vn/a.html?utm_source=fb#p3' });
    const b = referenceKey({ docId: '35-CT/TW@2019-05-30', code: '35-CT/TW', url: 'https://baotest.vn/a.html' });
    expect(a).toBe(b);
    expect(normalizePageUrl('https://baotest.vn/a.html?id=3&fbclid=x')).toBe('https://baotest.vn/a.html?id=3');
  });
  it('another page, another document or another unknown code is another key', () => {
    const base = { docId: '35-CT/TW@2019-05-30', code: '35-CT/TW', url: 'https://baotest.vn/a.html' };
    const keys = new Set([
      referenceKey(base),
      referenceKey({ ...base, url: 'https://baotest.vn/b.html' }),
      referenceKey({ ...base, docId: '35-CT/TW@2024-06-14' }),
      referenceKey({ code: '35-CT/TW', url: base.url }),
      referenceKey({ code: '36-CT/TW', url: base.url }),
    ]);
    expect(keys.size).toBe(5);
    // An unknown code keyed however the page typed it.
    expect(referenceKey({ code: '05-CT/TƯ', url: base.url })).toBe(referenceKey({ code: '5-CT/TW', url: base.url }));
  });
});

describe('saving, editing, deleting', () => {
  it('saving the same document from the same page again updates it and keeps the note', () => {
    let s: SavedState = new Map();
    let clock = createClock('a');
    ({ state: s, clock } = saveReference(s, clock, input('35-CT/TW', 'https://baotest.vn/a'), T0));
    const key = [...s.keys()][0]!;
    ({ state: s, clock } = editReference(s, clock, key, { note: 'Đọc kỹ mục 3', tags: ['cán bộ', 'Cán bộ', ' '] }, T0 + 1)!);
    ({ state: s } = saveReference(s, clock, input('35-CT/TW', 'https://baotest.vn/a#x', { savedAt: T0 + 5, pageTitle: 'Tiêu đề mới' }), T0 + 5));
    const live = liveReferences(s);
    expect(live).toHaveLength(1);
    expect(live[0]).toMatchObject({ note: 'Đọc kỹ mục 3', tags: ['cán bộ'], pageTitle: 'Tiêu đề mới', savedAt: T0 + 5 });
  });

  it('delete then undo brings the same reference back, and the undo wins over the tombstone elsewhere', () => {
    let a = replica('a');
    let b = replica('b');
    const w = saveReference(a.state, a.clock, input('35-CT/TW', 'https://baotest.vn/a'), T0);
    a = { ...a, state: w.state, clock: w.clock };
    b = sync(b, a, T0);
    const ref = w.entry.ref!;
    const del = deleteReference(a.state, a.clock, ref.key, T0 + 10)!;
    const undo = restoreReference(del.state, del.clock, ref, T0 + 20);
    // b receives the delete and the undo in the wrong order.
    b = { ...b, state: mergeEntries(mergeEntries(b.state, [undo.entry]).state, [del.entry]).state };
    expect(liveReferences(b.state)).toEqual([ref]);
    expect(liveReferences(undo.state)).toEqual([ref]);
  });

  it('delete against a concurrent edit: the later write wins, the same in both browsers', () => {
    let a = replica('a');
    let b = replica('b', -3 * HOUR);
    const w = saveReference(a.state, a.clock, input('35-CT/TW', 'https://baotest.vn/a'), T0);
    a = { ...a, state: w.state, clock: w.clock };
    b = sync(b, a, T0);
    const key = w.entry.key;
    // Concurrent: a deletes at T0+60 s; b (clock three hours behind) edits at T0+120 s real time.
    const del = deleteReference(a.state, a.clock, key, T0 + 60_000)!;
    a = { ...a, state: del.state, clock: del.clock };
    const ed = editReference(b.state, b.clock, key, { note: 'ghi chú' }, T0 + 120_000 + b.skew)!;
    b = { ...b, state: ed.state, clock: ed.clock };
    a = sync(a, b, T0 + 200_000);
    b = sync(b, a, T0 + 200_000);
    expect(dump(a.state)).toEqual(dump(b.state));
    // b's clock read three hours earlier and b had seen nothing newer: a's delete is the later stamp.
    expect(liveReferences(a.state)).toEqual([]);
    // After seeing the delete, b saves again: now b's write is later however far behind its clock is.
    const again = saveReference(b.state, b.clock, input('35-CT/TW', 'https://baotest.vn/a'), T0 + 300_000 + b.skew);
    b = { ...b, state: again.state, clock: again.clock };
    a = sync(a, b, T0 + 400_000);
    expect(liveReferences(a.state)).toHaveLength(1);
    expect(dump(a.state)).toEqual(dump(b.state));
  });

  it('the same reference saved in both browsers is one reference after sync', () => {
    let a = replica('a');
    let b = replica('b', 2 * HOUR);
    const wa = saveReference(a.state, a.clock, input('35-CT/TW', 'https://baotest.vn/a', { note: 'từ cơ quan' }), T0);
    a = { ...a, state: wa.state, clock: wa.clock };
    const wb = saveReference(b.state, b.clock, input('35-CT/TW', 'https://baotest.vn/a?utm_medium=x', { note: 'ở nhà' }), T0 + 1000 + b.skew);
    b = { ...b, state: wb.state, clock: wb.clock };
    a = sync(a, b, T0 + 5000);
    b = sync(b, a, T0 + 5000);
    expect(liveReferences(a.state)).toHaveLength(1);
    expect(dump(a.state)).toEqual(dump(b.state));
  });

  it('an edit made after seeing another wins even from a clock hours behind', () => {
    let a = replica('a', 6 * HOUR);
    let b = replica('b', -6 * HOUR);
    const w = saveReference(a.state, a.clock, input('35-CT/TW', 'https://baotest.vn/a'), T0 + a.skew);
    a = { ...a, state: w.state, clock: w.clock };
    b = sync(b, a, T0 + 1000);
    const ed = editReference(b.state, b.clock, w.entry.key, { note: 'sửa sau' }, T0 + 2000 + b.skew)!;
    b = { ...b, state: ed.state, clock: ed.clock };
    a = sync(a, b, T0 + 3000);
    expect(liveReferences(a.state)[0]!.note).toBe('sửa sau');
  });
});

describe('tombstones', () => {
  it('a tombstone stops an older copy coming back, and is compacted only after the safe period', () => {
    let a = replica('a');
    const w = saveReference(a.state, a.clock, input('35-CT/TW', 'https://baotest.vn/a'), T0);
    const stale = w.entry;
    const del = deleteReference(w.state, w.clock, stale.key, T0 + 1)!;
    a = { ...a, state: del.state, clock: del.clock };
    expect(liveReferences(mergeEntries(a.state, [stale]).state)).toEqual([]);
    // Not yet: kept.
    expect(compact(a.state, T0 + TOMBSTONE_SAFE_MS - 1).removed).toEqual([]);
    const done = compact(a.state, T0 + TOMBSTONE_SAFE_MS + 10);
    expect(done.removed).toEqual([stale.key]);
    expect(done.state.size).toBe(0);
  });
  it('compaction never removes a saved reference, however old', () => {
    const w = saveReference(new Map(), createClock('a'), input('35-CT/TW', 'https://baotest.vn/a'), T0);
    expect(compact(w.state, T0 + 10 * TOMBSTONE_SAFE_MS).state.size).toBe(1);
  });
});

// ---- Property tests: any interleaving of the same operations converges. ----

type Op =
  | { kind: 'save'; at: number; doc: number; page: number; note: string }
  | { kind: 'edit'; at: number; doc: number; page: number; note: string; tags: string[] }
  | { kind: 'delete'; at: number; doc: number; page: number }
  | { kind: 'sync'; at: number; from: number };

const NODES = ['a', 'b', 'c'];
const opArb: fc.Arbitrary<{ who: number; op: Op }> = fc.record({
  who: fc.integer({ min: 0, max: NODES.length - 1 }),
  op: fc.oneof(
    fc.record({ kind: fc.constant('save' as const), at: fc.integer({ min: 0, max: 3 * HOUR }), doc: fc.integer({ min: 0, max: 2 }), page: fc.integer({ min: 0, max: 1 }), note: fc.constantFrom('', 'ghi chú', 'Đọc lại') }),
    fc.record({ kind: fc.constant('edit' as const), at: fc.integer({ min: 0, max: 3 * HOUR }), doc: fc.integer({ min: 0, max: 2 }), page: fc.integer({ min: 0, max: 1 }), note: fc.string({ maxLength: 8 }), tags: fc.array(fc.constantFrom('đảng', 'chính phủ', 'x'), { maxLength: 3 }) }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.integer({ min: 0, max: 3 * HOUR }), doc: fc.integer({ min: 0, max: 2 }), page: fc.integer({ min: 0, max: 1 }) }),
    fc.record({ kind: fc.constant('sync' as const), at: fc.integer({ min: 0, max: 3 * HOUR }), from: fc.integer({ min: 0, max: NODES.length - 1 }) }),
  ),
});
const skewArb = fc.array(fc.integer({ min: -8 * HOUR, max: 8 * HOUR }), { minLength: NODES.length, maxLength: NODES.length });

/** Runs the operations; returns the replicas and every entry any of them wrote. */
function run(ops: Array<{ who: number; op: Op }>, skews: number[]) {
  const reps = NODES.map((n, i) => replica(n, skews[i]!));
  const written: Entry[] = [];
  const doc = (d: number, p: number) => input(`${d + 1}-CT/TW`, `https://baotest.vn/bai-${p}.html`);
  for (const { who, op } of ops) {
    const r = reps[who]!;
    const now = T0 + op.at + r.skew;
    if (op.kind === 'sync') {
      reps[who] = sync(r, reps[op.from]!, now);
      continue;
    }
    const key = referenceKey(doc(op.doc, op.page));
    const w =
      op.kind === 'save' ? saveReference(r.state, r.clock, { ...doc(op.doc, op.page), note: op.note, savedAt: now }, now)
        : op.kind === 'edit' ? editReference(r.state, r.clock, key, { note: op.note, tags: op.tags }, now)
          : deleteReference(r.state, r.clock, key, now);
    if (!w) continue;
    reps[who] = { ...r, state: w.state, clock: w.clock };
    written.push(w.entry);
  }
  return { reps, written };
}

describe('convergence (fast-check)', () => {
  it('after everyone has synced with everyone, every browser holds the same library', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), skewArb, (ops, skews) => {
        const { reps } = run(ops, skews);
        // Two rounds of all-to-all exchange.
        for (let round = 0; round < 2; round++) {
          for (let i = 0; i < reps.length; i++) for (let j = 0; j < reps.length; j++) if (i !== j) reps[i] = sync(reps[i]!, reps[j]!, T0 + 4 * HOUR);
        }
        const first = dump(reps[0]!.state);
        for (const r of reps) expect(dump(r.state)).toEqual(first);
      }),
      { numRuns: 300 },
    );
  });

  it('replaying the written entries in any order, any number of times, gives the same state', () => {
    fc.assert(
      fc.property(
        fc.array(opArb, { maxLength: 30 }),
        skewArb,
        fc.func(fc.integer()),
        fc.array(fc.nat(), { maxLength: 10 }),
        (ops, skews, order, repeats) => {
          const { written } = run(ops, skews);
          const inOrder = mergeEntries(new Map(), written).state;
          const shuffled = written.map((e, i) => ({ e, k: order(i) })).sort((x, y) => x.k - y.k).map((x) => x.e);
          const again = repeats.map((n) => written[n % Math.max(1, written.length)]!).filter(Boolean);
          const replayed = mergeEntries(mergeEntries(new Map(), shuffled).state, again).state;
          expect(dump(replayed)).toEqual(dump(inOrder));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('merging is the same whichever side merges into which, and split into any two halves', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 30 }), skewArb, fc.nat(), (ops, skews, cut) => {
        const { written } = run(ops, skews);
        const k = written.length ? cut % (written.length + 1) : 0;
        const left = mergeEntries(new Map(), written.slice(0, k)).state;
        const right = mergeEntries(new Map(), written.slice(k)).state;
        expect(dump(mergeEntries(left, right.values()).state)).toEqual(dump(mergeEntries(right, left.values()).state));
      }),
      { numRuns: 200 },
    );
  });
});

describe('saving many at once', () => {
  it('gives the same references as saving one by one, counting new and updated', async () => {
    const { saveReferences } = await import('@/lib/sync/merge');
    const inputs = [
      input('35-CT/TW', 'https://baotest.vn/a', { note: 'một' }),
      input('36-CT/TW', 'https://baotest.vn/a'),
      input('35-CT/TW', 'https://baotest.vn/a#lai', { tags: ['hai'] }),
    ];
    let one: SavedState = new Map();
    let clock = createClock('m1');
    for (const x of inputs) ({ state: one, clock } = saveReference(one, clock, x, T0));
    const many = saveReferences(new Map(), createClock('m1'), inputs, T0);
    expect(liveReferences(many.state)).toEqual(liveReferences(one));
    expect([many.added, many.updated]).toEqual([2, 1]);
    expect(liveReferences(many.state).find((r) => r.code === '35-CT/TW')).toMatchObject({ note: 'một', tags: ['hai'] });
  });
});

describe('a code saved while unknown, matched after a dataset update', () => {
  const unknown = (url: string, extra: Partial<SaveInput> = {}): SaveInput => ({
    code: '12-HD/BTCTW',
    url,
    page: { date: '2026-03-02', issuer: 'Ban Tổ chức Trung ương' },
    pageTitle: 'Hướng dẫn mới',
    savedAt: T0,
    ...extra,
  });
  const known = (url: string, extra: Partial<SaveInput> = {}): SaveInput => ({ code: '12-HD/BTCTW', docId: '12-HD/BTCTW@2026-03-02', url, savedAt: T0 + HOUR, ...extra });

  it('saving it again with the dataset id takes the unknown one over: one reference, note and tags kept, the unknown one a tombstone', () => {
    let s: SavedState = new Map();
    let clock = createClock('a');
    ({ state: s, clock } = saveReference(s, clock, unknown('https://baotest.vn/bai#doan', { note: 'Ghi chú cũ', tags: ['tổ chức'] }), T0));
    const oldKey = [...s.keys()][0]!;
    const w = saveReference(s, clock, known('https://baotest.vn/bai?utm_source=x'), T0 + HOUR);
    const live = liveReferences(w.state);
    expect(live).toHaveLength(1);
    expect(live[0]).toMatchObject({ docId: '12-HD/BTCTW@2026-03-02', note: 'Ghi chú cũ', tags: ['tổ chức'] });
    expect(live[0]!.page).toBeUndefined();
    expect(w.retired).toMatchObject({ key: oldKey });
    expect(w.state.get(oldKey)!.ref).toBeUndefined();
    expect(compareHlc(w.retired!.hlc, w.entry.hlc)).toBeLessThan(0);
  });

  it('another browser that still holds the unknown one ends with the one matched reference after sync', () => {
    let a = replica('a');
    let b = replica('b', -3 * HOUR);
    const w = saveReference(a.state, a.clock, unknown('https://baotest.vn/bai', { note: 'từ cơ quan' }), T0);
    a = { ...a, state: w.state, clock: w.clock };
    b = sync(b, a, T0 + 1000);
    const m = saveReference(a.state, a.clock, known('https://baotest.vn/bai'), T0 + HOUR);
    a = { ...a, state: m.state, clock: m.clock };
    b = sync(b, a, T0 + HOUR + 1000);
    a = sync(a, b, T0 + HOUR + 2000);
    expect(liveReferences(b.state)).toEqual(liveReferences(a.state));
    expect(liveReferences(b.state)).toHaveLength(1);
    expect(liveReferences(b.state)[0]).toMatchObject({ docId: '12-HD/BTCTW@2026-03-02', note: 'từ cơ quan' });
  });

  it('an import that matches it takes it over too, counted as updated', async () => {
    const { saveReferences } = await import('@/lib/sync/merge');
    const first = saveReference(new Map(), createClock('m1'), unknown('https://baotest.vn/bai', { tags: ['giữ'] }), T0);
    const many = saveReferences(first.state, first.clock, [known('https://baotest.vn/bai'), known('https://baotest.vn/khac')], T0 + HOUR);
    const rows = liveReferences(many.state).map((r) => [r.url, r.docId, r.tags]).sort((x, y) => String(x[0]).localeCompare(String(y[0])));
    expect(rows).toEqual([
      ['https://baotest.vn/bai', '12-HD/BTCTW@2026-03-02', ['giữ']],
      ['https://baotest.vn/khac', '12-HD/BTCTW@2026-03-02', []],
    ]);
    expect([many.added, many.updated]).toEqual([1, 1]);
    expect(many.entries.filter((e) => !e.ref).map((e) => e.key)).toEqual([...first.state.keys()]);
  });

  it('an unknown code brought back by a concurrent edit elsewhere is retired when its document is saved; nothing else is', async () => {
    const { retireShadowed } = await import('@/lib/sync/merge');
    let s: SavedState = new Map();
    let clock = createClock('a');
    ({ state: s, clock } = saveReference(s, clock, known('https://baotest.vn/bai'), T0));
    // What a browser without the dataset update wrote at the same time: the unknown code, edited.
    const stale = saveReference(new Map(), createClock('b'), unknown('https://baotest.vn/bai', { note: 'sửa' }), T0 + 5);
    ({ state: s } = mergeEntries(s, stale.state.values()));
    ({ state: s, clock } = saveReference(s, clock, unknown('https://baotest.vn/khac'), T0));
    expect(liveReferences(s)).toHaveLength(3);
    const r = retireShadowed(s, clock, T0 + 10);
    expect(r.retired).toEqual([stale.entry.key]);
    expect(liveReferences(r.state).map((x) => [x.url, x.docId ?? null])).toEqual(
      expect.arrayContaining([['https://baotest.vn/bai', '12-HD/BTCTW@2026-03-02'], ['https://baotest.vn/khac', null]]),
    );
    expect(liveReferences(r.state)).toHaveLength(2);
    expect(retireShadowed(r.state, r.clock, T0 + 20).retired).toEqual([]);
  });

  it('a known document never takes over an unknown code from another page, or another code', () => {
    let s: SavedState = new Map();
    let clock = createClock('a');
    ({ state: s, clock } = saveReference(s, clock, unknown('https://baotest.vn/bai'), T0));
    ({ state: s, clock } = saveReference(s, clock, unknown('https://baotest.vn/bai', { code: '13-HD/BTCTW' }), T0));
    ({ state: s } = saveReference(s, clock, known('https://baotest.vn/khac'), T0 + HOUR));
    expect(liveReferences(s)).toHaveLength(3);
  });
});
