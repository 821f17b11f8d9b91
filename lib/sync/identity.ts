/**
 * Identity of a saved reference: the same document (by dataset id, or by code when the dataset does not know it)
 * seen on the same page has the same key, so saving it again updates it and never adds a second one. Pure.
 */
import { codeKey } from '../keys/code-key';

/** Query parameters that track the reader, not the page. */
const TRACKING = /^(utm_[a-z]+|fbclid|gclid|zarsrc|zalo_source|mc_[a-z]+|_ga|ref|rss)$/i;

/** A page address as one page: no fragment, no tracking parameters, host lower case; other text as written. */
export function normalizePageUrl(url: string): string {
  const trimmed = url.trim();
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return trimmed;
  }
  parsed.hash = '';
  for (const name of [...parsed.searchParams.keys()]) if (TRACKING.test(name)) parsed.searchParams.delete(name);
  const text = parsed.toString();
  // URL keeps a bare "?" when every parameter was removed.
  return text.endsWith('?') ? text.slice(0, -1) : text;
}

/** What a reference is about: the dataset's id, else the normalized code. */
export function referenceSubject(ref: { docId?: string; code: string }): string {
  return ref.docId ? `d:${ref.docId}` : `c:${codeKey(ref.code)}`;
}

/** The key of a reference to `subject` seen at `url`: 14 characters [0-9a-z] (a 64-bit hash). */
export function referenceKey(ref: { docId?: string; code: string; url: string }): string {
  return hash64(`${referenceSubject(ref)}\u0000${normalizePageUrl(ref.url)}`);
}

/** Two 32-bit FNV-1a style hashes of the UTF-16 units with different seeds, as base 36. */
export function hash64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 13;
  }
  const hi = (a >>> 0).toString(36).padStart(7, '0');
  const lo = (b >>> 0).toString(36).padStart(7, '0');
  return (hi + lo).slice(0, 14);
}
