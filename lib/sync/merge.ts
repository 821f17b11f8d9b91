/**
 * The saved references of every browser, merged: per reference, the entry with the latest hybrid-logical-clock
 * stamp wins (last writer wins), a deletion included. A deletion is kept as a tombstone (key and stamp only) so an
 * older copy arriving later cannot bring the reference back; tombstones older than a safe period are compacted
 * away. Merging is commutative, associative and idempotent, so browsers that exchange their entries in any order,
 * any number of times, end with the same library. Pure.
 */
import { compareHlc, formatHlc, hlcWall, receive, tick, parseHlc, type Hlc } from './hlc';
import { referenceKey } from './identity';
import { cleanNote, cleanTags, type SavedReference } from './saved-reference';

/** One reference's latest state: the reference, or a tombstone (`ref` absent) when it was deleted. */
export interface Entry {
  key: string;
  /** Formatted HLC of the write this entry records. */
  hlc: string;
  ref?: SavedReference;
}

export type SavedState = ReadonlyMap<string, Entry>;

/** How long a tombstone is kept: a browser offline longer than this may bring a deleted reference back. */
export const TOMBSTONE_SAFE_MS = 90 * 24 * 3600 * 1000;

/** Which of two entries for the same key wins: the later stamp; equal stamps (never two writes) by content. */
export function winner(a: Entry, b: Entry): Entry {
  const c = compareHlc(a.hlc, b.hlc);
  if (c !== 0) return c > 0 ? a : b;
  const ja = JSON.stringify(a.ref ?? null);
  const jb = JSON.stringify(b.ref ?? null);
  return ja >= jb ? a : b;
}

/** `state` with `incoming` entries merged in; `changed` lists the keys whose entry changed. */
export function mergeEntries(state: SavedState, incoming: Iterable<Entry>): { state: Map<string, Entry>; changed: string[] } {
  const next = new Map(state);
  const changed = new Set<string>();
  for (const entry of incoming) {
    const current = next.get(entry.key);
    const won = current ? winner(current, entry) : entry;
    if (won !== current) {
      next.set(entry.key, won);
      changed.add(entry.key);
    }
  }
  return { state: next, changed: [...changed] };
}

/** The clock after seeing every stamp in `entries` (so this browser's next write is ordered after them). */
export function observe(clock: Hlc, entries: Iterable<Entry>, now: number): Hlc {
  let latest: Hlc | undefined;
  for (const e of entries) {
    const h = parseHlc(e.hlc);
    if (h && (!latest || compareHlc(formatHlc(h), formatHlc(latest)) > 0)) latest = h;
  }
  return latest && compareHlc(formatHlc(latest), formatHlc(clock)) > 0 ? receive(clock, latest, now) : clock;
}

/** What a save carries from the page; the key is derived. */
export type SaveInput = Omit<SavedReference, 'key' | 'note' | 'tags'> & { note?: string; tags?: string[] };

export interface Write {
  state: Map<string, Entry>;
  clock: Hlc;
  entry: Entry;
}

/**
 * The key of a reference to the same code at the same page saved while the dataset did not know the code: a save
 * with the dataset's id takes its place (it is the same reference, now matched after a dataset update), so it never
 * becomes a second one. Undefined when there is none (or the input has no dataset id).
 */
export function unknownPredecessor(state: SavedState, input: { docId?: string; code: string; url: string }): string | undefined {
  if (!input.docId) return undefined;
  const key = referenceKey({ code: input.code, url: input.url });
  const ref = state.get(key)?.ref;
  return ref && !ref.docId ? key : undefined;
}

/**
 * Saves a reference (a new entry, or the same document from the same page again: it updates that one, keeping
 * the note and tags already written unless new ones are given). A reference to the same code from the same page
 * saved while the dataset did not know it is taken over (note and tags kept) and deleted: `retired` is its
 * tombstone.
 */
export function saveReference(state: SavedState, clock: Hlc, input: SaveInput, now: number): Write & { retired?: Entry } {
  const key = referenceKey(input);
  const predecessor = unknownPredecessor(state, input);
  const before = state.get(key)?.ref ?? (predecessor ? state.get(predecessor)?.ref : undefined);
  const ref: SavedReference = {
    ...clean(input),
    key,
    note: cleanNote(input.note ?? before?.note ?? ''),
    tags: cleanTags(input.tags ?? before?.tags ?? []),
  };
  if (!predecessor) return write(state, clock, { key, ref }, now);
  const gone = write(state, clock, { key: predecessor }, now);
  return { ...write(gone.state, gone.clock, { key, ref }, now), retired: gone.entry };
}

/**
 * Saves many references in one step (an import): like saveReference for each, in order, with one copy of the state
 * (an import of thousands stays linear). `added` and `updated` count new and already-saved references; `entries`
 * holds the tombstones of unknown-code references taken over too.
 */
export function saveReferences(state: SavedState, clock: Hlc, inputs: SaveInput[], now: number): { state: Map<string, Entry>; clock: Hlc; entries: Entry[]; added: number; updated: number } {
  const next = new Map(state);
  const entries: Entry[] = [];
  let added = 0;
  let updated = 0;
  for (const input of inputs) {
    const key = referenceKey(input);
    const predecessor = unknownPredecessor(next, input);
    const before = next.get(key)?.ref ?? (predecessor ? next.get(predecessor)?.ref : undefined);
    if (before) updated++;
    else added++;
    if (predecessor) {
      clock = tick(clock, now);
      const tombstone: Entry = { key: predecessor, hlc: formatHlc(clock) };
      next.set(predecessor, tombstone);
      entries.push(tombstone);
    }
    const ref: SavedReference = { ...clean(input), key, note: cleanNote(input.note ?? before?.note ?? ''), tags: cleanTags(input.tags ?? before?.tags ?? []) };
    clock = tick(clock, now);
    const entry: Entry = { key, hlc: formatHlc(clock), ref };
    next.set(key, entry);
    entries.push(entry);
  }
  return { state: next, clock, entries, added, updated };
}

/**
 * Unknown-code references shadowed by a saved dataset document of the same code on the same page (it was taken over
 * in another browser while this one still changed the unknown one): deleted, so every browser ends with the one.
 */
export function retireShadowed(state: SavedState, clock: Hlc, now: number): { state: Map<string, Entry>; clock: Hlc; retired: string[] } {
  const known = new Set<string>();
  for (const e of state.values()) if (e.ref?.docId) known.add(referenceKey({ code: e.ref.code, url: e.ref.url }));
  const next = new Map(state);
  const retired: string[] = [];
  if (!known.size) return { state: next, clock, retired };
  for (const e of state.values()) {
    if (!e.ref || e.ref.docId || !known.has(e.key)) continue;
    clock = tick(clock, now);
    next.set(e.key, { key: e.key, hlc: formatHlc(clock) });
    retired.push(e.key);
  }
  return { state: next, clock, retired };
}

/** Edits a saved reference's note and tags; undefined when it is not saved (deleted, or never saved). */
export function editReference(state: SavedState, clock: Hlc, key: string, patch: { note?: string; tags?: string[] }, now: number): Write | undefined {
  const before = state.get(key)?.ref;
  if (!before) return undefined;
  const ref: SavedReference = {
    ...before,
    ...(patch.note !== undefined ? { note: cleanNote(patch.note) } : {}),
    ...(patch.tags !== undefined ? { tags: cleanTags(patch.tags) } : {}),
  };
  return write(state, clock, { key, ref }, now);
}

/** Deletes a saved reference (leaves a tombstone); undefined when it is not saved. */
export function deleteReference(state: SavedState, clock: Hlc, key: string, now: number): Write | undefined {
  if (!state.get(key)?.ref) return undefined;
  return write(state, clock, { key }, now);
}

/** Puts back a reference exactly as it was (undo of a delete): a new write, so it wins over the tombstone. */
export function restoreReference(state: SavedState, clock: Hlc, ref: SavedReference, now: number): Write {
  const { key, note, tags, ...rest } = ref;
  return write(state, clock, { key, ref: { ...clean({ ...rest, note, tags }), key, note: cleanNote(note), tags: cleanTags(tags) } }, now);
}

function write(state: SavedState, clock: Hlc, body: { key: string; ref?: SavedReference }, now: number): Write {
  const next = tick(clock, now);
  const entry: Entry = body.ref ? { key: body.key, hlc: formatHlc(next), ref: body.ref } : { key: body.key, hlc: formatHlc(next) };
  const state2 = new Map(state);
  state2.set(entry.key, entry);
  return { state: state2, clock: next, entry };
}

/** Tombstones whose stamp is older than `safeMs` before `now` removed; live entries are never touched. */
export function compact(state: SavedState, now: number, safeMs = TOMBSTONE_SAFE_MS): { state: Map<string, Entry>; removed: string[] } {
  const next = new Map(state);
  const removed: string[] = [];
  for (const [key, entry] of state) {
    if (!entry.ref && hlcWall(entry.hlc) < now - safeMs) {
      next.delete(key);
      removed.push(key);
    }
  }
  return { state: next, removed };
}

/** The saved references (tombstones left out), newest first. */
export function liveReferences(state: SavedState): SavedReference[] {
  return [...state.values()].flatMap((e) => (e.ref ? [e.ref] : [])).sort((a, b) => b.savedAt - a.savedAt || (a.key < b.key ? -1 : 1));
}

/** The input without empty optional fields (so a reference reads back from storage exactly as it was saved). */
function clean(input: SaveInput): SaveInput {
  const out = Object.fromEntries(Object.entries(input).filter(([k, v]) => v !== undefined && (v !== '' || k === 'url' || k === 'code'))) as SaveInput;
  if (out.page) {
    const page = Object.fromEntries(Object.entries(out.page).filter(([, v]) => typeof v === 'string' && v !== ''));
    if (Object.keys(page).length) out.page = page;
    else delete out.page;
  }
  return out;
}
