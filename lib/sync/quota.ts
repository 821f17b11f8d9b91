/**
 * storage.sync's limits (Chrome's; Firefox's are the same or looser) and how Chrome counts bytes: each item is its
 * key plus its value as JSON, in UTF-8 (a Vietnamese letter takes 2 or 3 bytes). Pure.
 */

export const SYNC_LIMITS = {
  /** All items together. */
  QUOTA_BYTES: 102_400,
  QUOTA_BYTES_PER_ITEM: 8_192,
  MAX_ITEMS: 512,
  MAX_WRITE_OPERATIONS_PER_MINUTE: 120,
  MAX_WRITE_OPERATIONS_PER_HOUR: 1_800,
} as const;

const encoder = new TextEncoder();

export function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Bytes one item counts against the quota: key plus JSON value, UTF-8. */
export function itemBytes(key: string, value: unknown): number {
  return utf8Bytes(key) + utf8Bytes(JSON.stringify(value) ?? '');
}

/** Bytes a set of items counts. */
export function itemsBytes(items: Record<string, unknown>): number {
  let n = 0;
  for (const [k, v] of Object.entries(items)) n += itemBytes(k, v);
  return n;
}

export const utf8 = (text: string) => encoder.encode(text);
