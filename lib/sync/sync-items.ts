/**
 * Saved references as storage.sync items: compact, compressed, chunked under Chrome's limits. Pure.
 *
 * Entries are spread over SHARDS shards by page address (so the references of one page share a shard and its
 * address is written once); a shard is one JSON payload of rows (ids and what the page said, never the dataset's
 * titles), deflated with the shared dictionary (dictionary.ts), written as Z85 text and cut into items of at most
 * QUOTA_BYTES_PER_ITEM bytes (key included). The key of a live reference is not stored: it is derived from its
 * document and address (identity.ts). Each item says which generation of its shard it belongs to and how many
 * items that generation has, so a shard half-delivered by sync is skipped until the rest arrives. The same state
 * always encodes to the same items, so two browsers never rewrite each other's equal data.
 *
 * Format 1: keys "sv1:<shard>.<chunk>", values "<gen>:<chunk>:<count>:<Z85>".
 */
import { deflateSync, inflateSync } from 'fflate';
import { SYNC_DICTIONARY } from './dictionary';
import { isNodeId } from './hlc';
import { hash64, normalizePageUrl, referenceKey } from './identity';
import type { Entry } from './merge';
import { SYNC_LIMITS, itemBytes, utf8 } from './quota';
import { savedReferenceError, type PageSaid, type SavedReference } from './saved-reference';
import { decodeZ85, encodeZ85 } from './z85';

export const SYNC_PREFIX = 'sv1:';
export const SHARDS = 8;
/** Room left in each item for the key's growth and JSON quoting. */
const ITEM_MARGIN = 32;

const decoder = new TextDecoder();

export const isSyncItemKey = (key: string) => key.startsWith(SYNC_PREFIX);

/** The shard an entry is written to: by page address (live), by key (tombstone). */
export function shardOf(entry: Entry): number {
  const basis = entry.ref ? normalizePageUrl(entry.ref.url) : entry.key;
  return parseInt(hash64(basis).slice(0, 5), 36) % SHARDS;
}

type Row = Array<string | number | string[]>;

/**
 * A page: its address, title and date, written once per shard. Vietnamese outlets put the title, without its
 * marks, in the address ("…/tang-cuong-cong-tac-can-bo-20240614.htm"): where the address holds the title's slug it
 * is written as a hole ("\u0001") and the title fills it back in, so the page's words are stored once.
 */
type PageRow = [string, string?, string?];

/** A title without its marks, as outlets write it in addresses: "Tăng cường công tác" → "tang-cuong-cong-tac". */
export function titleSlug(title: string): string {
  return title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const HOLE = '\u0001';
/** Shorter slugs are not worth a hole (and might match by chance). */
const MIN_SLUG = 12;

function pageRow(url: string, title?: string, date?: string): PageRow {
  let u = url;
  if (title && !url.includes(HOLE)) {
    const slug = titleSlug(title);
    const at = slug.length >= MIN_SLUG ? url.indexOf(slug) : -1;
    if (at >= 0) u = url.slice(0, at) + HOLE + url.slice(at + slug.length);
  }
  const row: PageRow = [u];
  if (title || date) row.push(title ?? '');
  if (date) row.push(date);
  return row;
}

function readPageRow(row: unknown, where: string): { url: string; title?: string; date?: string } {
  if (!Array.isArray(row) || typeof row[0] !== 'string' || !row.slice(1).every((x) => typeof x === 'string')) throw new Error(`${where}: not a page`);
  const [u, title, date] = row as string[];
  const url = title && u!.includes(HOLE) ? u!.replace(HOLE, titleSlug(title)) : u!;
  return { url, ...(title ? { title } : {}), ...(date ? { date } : {}) };
}

/** One shard's payload: nodes, pages, live rows, tombstones. */
interface Payload {
  n: string[];
  u: PageRow[];
  r: Row[];
  d: Array<[string, string, number]>;
}

function encodePayload(entries: Entry[]): Payload {
  // By stamp: neighbouring rows share the stamp's leading digits (deflate finds them); by key among equals.
  const sorted = [...entries].sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const nodes = [...new Set(sorted.map((e) => e.hlc.slice(12)))].sort();
  const nodeIndex = new Map(nodes.map((n, i) => [n, i]));
  const pages: PageRow[] = [];
  const pageIndex = new Map<string, number>();
  const rows: Row[] = [];
  const dead: Payload['d'] = [];
  for (const e of sorted) {
    const stamp = e.hlc.slice(0, 12);
    const node = nodeIndex.get(e.hlc.slice(12))!;
    if (!e.ref) {
      dead.push([e.key, stamp, node]);
      continue;
    }
    const r = e.ref;
    // One page row per address, title and date (a page saved again with another title gets a second row).
    const pageKey = JSON.stringify([r.url, r.pageTitle ?? '', r.pageDate ?? '']);
    let u = pageIndex.get(pageKey);
    if (u === undefined) {
      u = pages.length;
      pages.push(pageRow(r.url, r.pageTitle, r.pageDate));
      pageIndex.set(pageKey, u);
    }
    const codeFromId = r.docId ? r.docId.split('@')[0] : undefined;
    const wall = parseInt(stamp.slice(0, 9), 36);
    const page = r.page ? [r.page.date ?? '', r.page.issuer ?? '', r.page.type ?? '', r.page.title ?? ''] : '';
    const row: Row = [
      u,
      r.docId ?? '',
      r.code === codeFromId ? '' : r.code,
      stamp,
      node,
      r.savedAt === wall ? '' : r.savedAt.toString(36),
      r.note,
      r.tags.join('\n'),
      trimArray(page as string[] | ''),
    ];
    rows.push(trimRow(row));
  }
  return { n: nodes, u: pages, r: rows, d: dead };
}

function trimArray(a: string[] | ''): string[] | '' {
  if (a === '') return '';
  const out = [...a];
  while (out.length && out[out.length - 1] === '') out.pop();
  return out.length ? out : '';
}
function trimRow(row: Row): Row {
  while (row.length > 5 && row[row.length - 1] === '') row.pop();
  return row;
}

/** A payload's entries; throws with the row and field when it is malformed. */
function decodePayload(p: unknown): Entry[] {
  if (!p || typeof p !== 'object') throw new Error('payload: not an object');
  const { n, u, r, d } = p as Partial<Payload>;
  if (!Array.isArray(n) || !n.every((x) => typeof x === 'string' && isNodeId(x))) throw new Error('payload.n: not node ids');
  if (!Array.isArray(u)) throw new Error('payload.u: not pages');
  if (!Array.isArray(r) || !Array.isArray(d)) throw new Error('payload: rows missing');
  const pages = u.map((row, i) => readPageRow(row, `payload.u[${i}]`));
  const out: Entry[] = [];
  const stampOf = (stamp: unknown, node: unknown, where: string) => {
    if (typeof stamp !== 'string' || !/^[0-9a-z]{12}$/.test(stamp) || typeof node !== 'number' || n[node] === undefined) throw new Error(`${where}: bad stamp`);
    return stamp + n[node];
  };
  d.forEach((row, i) => {
    if (!Array.isArray(row) || typeof row[0] !== 'string' || !/^[0-9a-z]{1,64}$/.test(row[0])) throw new Error(`payload.d[${i}]: bad key`);
    out.push({ key: row[0], hlc: stampOf(row[1], row[2], `payload.d[${i}]`) });
  });
  r.forEach((row, i) => {
    if (!Array.isArray(row)) throw new Error(`payload.r[${i}]: not a row`);
    const [ui, docId, code, stamp, node, savedAt, note, tags, page] = row as unknown[];
    const where = typeof ui === 'number' ? pages[ui] : undefined;
    if (where === undefined) throw new Error(`payload.r[${i}]: bad page index`);
    const hlc = stampOf(stamp, node, `payload.r[${i}]`);
    const id = typeof docId === 'string' && docId ? docId : undefined;
    const ref: SavedReference = {
      key: '',
      ...(id ? { docId: id } : {}),
      code: typeof code === 'string' && code ? code : (id?.split('@')[0] ?? ''),
      url: where.url,
      ...(where.title ? { pageTitle: where.title } : {}),
      ...(where.date ? { pageDate: where.date } : {}),
      savedAt: typeof savedAt === 'string' && savedAt ? parseInt(savedAt, 36) : parseInt(hlc.slice(0, 9), 36),
      note: typeof note === 'string' ? note : '',
      tags: typeof tags === 'string' && tags ? tags.split('\n') : [],
    };
    if (Array.isArray(page)) {
      const said: PageSaid = {};
      (['date', 'issuer', 'type', 'title'] as const).forEach((k, j) => {
        if (typeof page[j] === 'string' && page[j]) said[k] = page[j] as string;
      });
      ref.page = said;
    }
    ref.key = referenceKey(ref);
    const bad = savedReferenceError(ref);
    if (bad) throw new Error(`payload.r[${i}]: ${bad}`);
    out.push({ key: ref.key, hlc, ref });
  });
  return out;
}

/** One shard's entries as Z85 text of the deflated payload. */
export function encodeShard(entries: Entry[]): string {
  const json = JSON.stringify(encodePayload(entries));
  const packed = deflateSync(utf8(json), { level: 9, mem: 8, dictionary: SYNC_DICTIONARY });
  return encodeZ85(packed);
}

export function decodeShard(text: string): Entry[] {
  const bytes = inflateSync(decodeZ85(text), { dictionary: SYNC_DICTIONARY });
  return decodePayload(JSON.parse(decoder.decode(bytes)));
}

/** One shard's text cut into items; keys "sv1:<shard>.<i>". */
function shardItems(shard: number, text: string): Record<string, string> {
  const gen = hash64(text).slice(0, 6);
  const keyOf = (i: number) => `${SYNC_PREFIX}${shard.toString(36)}.${i}`;
  // Room for data in one item: the limit less key, header and JSON quotes (Z85 is ASCII: a character is a byte).
  const room = SYNC_LIMITS.QUOTA_BYTES_PER_ITEM - ITEM_MARGIN - keyOf(99).length - `${gen}:99:99:`.length - 2;
  const count = Math.max(1, Math.ceil(text.length / room));
  const out: Record<string, string> = {};
  for (let i = 0; i < count; i++) out[keyOf(i)] = `${gen}:${i}:${count}:${text.slice(i * room, (i + 1) * room)}`;
  return out;
}

/** Every entry as sync items (no budget). */
export function encodeItems(entries: Iterable<Entry>): Record<string, string> {
  const shards: Entry[][] = Array.from({ length: SHARDS }, () => []);
  for (const e of entries) shards[shardOf(e)]!.push(e);
  const items: Record<string, string> = {};
  shards.forEach((list, s) => {
    if (list.length) Object.assign(items, shardItems(s, encodeShard(list)));
  });
  return items;
}

export interface SyncBudget {
  bytes: number;
  items: number;
}

export interface SyncPlan {
  items: Record<string, string>;
  /** Bytes the items count against the quota. */
  bytes: number;
  /** Keys of live references left out because the budget is full (the newest saved). */
  left: string[];
}

/** Bytes and item count of a set of items. */
export function measure(items: Record<string, string>): { bytes: number; count: number } {
  let bytes = 0;
  let count = 0;
  for (const [k, v] of Object.entries(items)) {
    bytes += itemBytes(k, v);
    count++;
  }
  return { bytes, count };
}

/**
 * The items to write for `entries` within `budget`: every tombstone, then live references oldest saved first,
 * as many as fit; those that do not are named in `left`.
 */
export function planItems(entries: Iterable<Entry>, budget: SyncBudget): SyncPlan {
  const all = [...entries];
  const dead = all.filter((e) => !e.ref);
  const live = all.filter((e) => e.ref).sort((a, b) => a.ref!.savedAt - b.ref!.savedAt || (a.key < b.key ? -1 : 1));
  const fits = (n: number) => {
    const items = encodeItems([...dead, ...live.slice(0, n)]);
    const m = measure(items);
    return { items, bytes: m.bytes, ok: m.bytes <= budget.bytes && m.count <= budget.items };
  };
  const whole = fits(live.length);
  if (whole.ok) return { items: whole.items, bytes: whole.bytes, left: [] };
  // The most that fit, by bisection (each try encodes the shards again: a few milliseconds).
  let lo = 0;
  let hi = live.length - 1;
  let best = fits(0);
  if (!best.ok) return { items: {}, bytes: 0, left: live.map((e) => e.key) };
  while (lo < hi) {
    const mid = Math.ceil((lo + hi + 1) / 2);
    const tryMid = fits(mid);
    if (tryMid.ok) {
      lo = mid;
      best = tryMid;
    } else hi = mid - 1;
  }
  return { items: best.items, bytes: best.bytes, left: live.slice(lo).map((e) => e.key) };
}

export interface ReadResult {
  entries: Entry[];
  /** Shards with some items of a generation missing (sync still delivering): read again on the next change. */
  incomplete: number[];
  /** Shards that could not be read, and why. */
  errors: string[];
}

/** The entries held in a storage.sync snapshot (other keys ignored). */
export function readItems(all: Record<string, unknown>): ReadResult {
  const byShard = new Map<number, Map<string, { i: number; n: number; data: string }[]>>();
  for (const [key, value] of Object.entries(all)) {
    const m = /^sv1:([0-9a-z]+)\.(\d+)$/.exec(key);
    if (!m || typeof value !== 'string') continue;
    const v = /^([0-9a-z]{1,16}):(\d+):(\d+):/.exec(value);
    if (!v) continue;
    const shard = parseInt(m[1]!, 36);
    const gens = byShard.get(shard) ?? new Map();
    byShard.set(shard, gens);
    const list = gens.get(v[1]!) ?? [];
    gens.set(v[1]!, list);
    list.push({ i: Number(v[2]), n: Number(v[3]), data: value.slice(v[0].length) });
  }
  const entries: Entry[] = [];
  const incomplete: number[] = [];
  const errors: string[] = [];
  for (const [shard, gens] of [...byShard].sort((a, b) => a[0] - b[0])) {
    const complete = [...gens.values()].find((parts) => parts.length > 0 && parts.every((p) => p.n === parts[0]!.n) && new Set(parts.map((p) => p.i)).size === parts[0]!.n && parts.every((p) => p.i < p.n));
    if (!complete) {
      incomplete.push(shard);
      continue;
    }
    try {
      entries.push(...decodeShard(complete.sort((a, b) => a.i - b.i).map((p) => p.data).join('')));
    } catch (error) {
      errors.push(`shard ${shard}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { entries, incomplete, errors };
}
