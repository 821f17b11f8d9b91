/**
 * Settings as fields each stamped with a hybrid logical clock (lib/sync/hlc.ts), merged per field, last writer wins:
 * two browsers that change different settings at once both keep their change, and a browser whose clock is hours
 * behind, having seen a newer change, stamps its own after it (never undoing it with an older-looking stamp).
 * Pure.
 *
 * Stored as the plain values (what older versions read) with the stamps beside them under `_hlc`; a field stamped but
 * absent went back to its default. A value stored by an older version (no stamps) counts as written before any
 * stamped change: `legacy` is its stamp ('0' for storage.sync, '' for the device's own copy, so the synced value
 * wins over a stale copy kept while sync was off, as before).
 */
import { createClock, formatHlc, parseHlc, receive, tick } from '../sync/hlc';

export const STAMPS_FIELD = '_hlc';
/** The stamp of a value an older version stored in storage.sync. */
export const LEGACY_SYNC = '0';
/** The stamp of a value an older version kept on this device only. */
export const LEGACY_LOCAL = '';

export interface Stamped {
  /** The fields' values (a field absent: its default). */
  values: Record<string, unknown>;
  /** Each written field's stamp. */
  stamps: Record<string, string>;
}

export const EMPTY: Stamped = { values: {}, stamps: {} };

/** A stored item read back: its stamps, or `legacy` for each field an older version wrote. */
export function readStamped(raw: unknown, fields: readonly string[], legacy: string): Stamped {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { values: {}, stamps: {} };
  const input = raw as Record<string, unknown>;
  const given = input[STAMPS_FIELD];
  const stampsIn = given && typeof given === 'object' && !Array.isArray(given) ? (given as Record<string, unknown>) : undefined;
  const out: Stamped = { values: {}, stamps: {} };
  for (const field of fields) {
    const stamp = stampsIn?.[field];
    if (typeof stamp === 'string' && (stamp === LEGACY_SYNC || stamp === LEGACY_LOCAL || parseHlc(stamp))) out.stamps[field] = stamp;
    else if (field in input) out.stamps[field] = legacy;
    else continue;
    if (input[field] !== undefined) out.values[field] = input[field];
  }
  return out;
}

/** What is stored: the values, and the stamps under `_hlc`. */
export function toStored(s: Stamped): Record<string, unknown> {
  return { ...s.values, [STAMPS_FIELD]: { ...s.stamps } };
}

const valueText = (v: unknown) => JSON.stringify(v ?? null);

/** Per field, the later stamp wins (equal stamps, never two writes: the larger value, so any order agrees). */
export function mergeStamped(a: Stamped, b: Stamped): Stamped {
  const out: Stamped = { values: {}, stamps: {} };
  for (const field of new Set([...Object.keys(a.stamps), ...Object.keys(b.stamps)])) {
    const sa = a.stamps[field];
    const sb = b.stamps[field];
    let fromA: boolean;
    if (sa === undefined) fromA = false;
    else if (sb === undefined) fromA = true;
    else if (sa !== sb) fromA = sa > sb;
    else fromA = valueText(a.values[field]) >= valueText(b.values[field]);
    const from = fromA ? a : b;
    out.stamps[field] = from.stamps[field]!;
    if (from.values[field] !== undefined) out.values[field] = from.values[field];
  }
  return out;
}

/** True when both hold the same stamps and values. */
export function sameStamped(a: Stamped, b: Stamped): boolean {
  return JSON.stringify(toStored(sort(a))) === JSON.stringify(toStored(sort(b)));
}

function sort(s: Stamped): Stamped {
  const keys = (o: Record<string, unknown>) => Object.keys(o).sort();
  return {
    values: Object.fromEntries(keys(s.values).map((k) => [k, s.values[k]])),
    stamps: Object.fromEntries(keys(s.stamps).map((k) => [k, s.stamps[k]!])),
  };
}

/**
 * `base` with the fields of `next` whose value differs stamped anew by browser `node` at wall time `now`: each stamp
 * after every stamp `base` holds (the clock has seen them), whatever this browser's wall clock says. `next[field]`
 * undefined: back to the default.
 */
export function stampChanges(base: Stamped, next: Record<string, unknown>, fields: readonly string[], node: string, now: number): Stamped {
  let clock = createClock(node);
  for (const stamp of Object.values(base.stamps)) {
    const seen = parseHlc(stamp);
    if (seen) clock = receive(clock, seen, now);
  }
  const out: Stamped = { values: { ...base.values }, stamps: { ...base.stamps } };
  for (const field of fields) {
    if (valueText(next[field]) === valueText(base.values[field])) continue;
    clock = tick(clock, now);
    out.stamps[field] = formatHlc(clock);
    if (next[field] === undefined) delete out.values[field];
    else out.values[field] = next[field];
  }
  return out;
}
