/**
 * A saved reference: a document the researcher kept, and where they saw it. Holds ids, not titles: the dataset
 * supplies the title, type and issuer of a known document; for a code the dataset does not know, what the page
 * said is kept with it. Pure.
 */

/** What a page said about a code the dataset does not know (or did not know when it was saved). */
export interface PageSaid {
  /** ISO date or year as the page wrote it. */
  date?: string;
  /** Issuing body as the page named it. */
  issuer?: string;
  /** Type name ("Chỉ thị") the page or the code gives. */
  type?: string;
  /** Title or subject as the page gave it. */
  title?: string;
}

export interface SavedReference {
  /** Identity (see identity.ts): the same document saved from the same page has the same key. */
  key: string;
  /** The dataset's document id, stable across dataset versions; absent for a code the dataset does not know. */
  docId?: string;
  /** The code ("35-CT/TW"). */
  code: string;
  /** For a code the dataset does not know: what the page said. */
  page?: PageSaid;
  /** Address of the page where it was seen. */
  url: string;
  pageTitle?: string;
  /** The page's own date (ISO), where it states one. */
  pageDate?: string;
  /** When it was saved (ms since the epoch). */
  savedAt: number;
  note: string;
  tags: string[];
}

/** Limits that keep one reference small enough to sync (a note is a note, not an article). */
export const MAX_NOTE = 1000;
export const MAX_TAGS = 20;
export const MAX_TAG = 40;
export const MAX_URL = 2000;
export const MAX_TITLE = 300;
export const MAX_CODE = 100;

/** Tags as a set: trimmed, NFC, no empty ones, no repeats (case-insensitive), at most MAX_TAGS, in order. */
export function cleanTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.normalize('NFC').replace(/\s+/g, ' ').trim().slice(0, MAX_TAG);
    const folded = tag.toLocaleLowerCase('vi');
    if (!tag || seen.has(folded)) continue;
    seen.add(folded);
    out.push(tag);
    if (out.length === MAX_TAGS) break;
  }
  return out;
}

export function cleanNote(note: string): string {
  return note.normalize('NFC').slice(0, MAX_NOTE);
}

/**
 * Why a value is not a saved reference ("field: problem"), or undefined when it is one. Used for what storage
 * and imports bring in: nothing malformed reaches the library.
 */
export function savedReferenceError(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not an object';
  const v = value as Record<string, unknown>;
  const str = (field: string, max: number, required = false): string | undefined => {
    const x = v[field];
    if (x === undefined && !required) return undefined;
    if (typeof x !== 'string') return `${field}: must be text`;
    if (required && !x) return `${field}: must not be empty`;
    if (x.length > max) return `${field}: longer than ${max} characters`;
    return undefined;
  };
  const bad =
    str('key', 64, true) ?? str('docId', 500) ?? str('code', MAX_CODE, true) ?? str('url', MAX_URL, true) ??
    str('pageTitle', MAX_TITLE) ?? str('pageDate', 40) ?? str('note', MAX_NOTE);
  if (bad) return bad;
  if (typeof v.note !== 'string') return 'note: must be text';
  if (typeof v.savedAt !== 'number' || !Number.isFinite(v.savedAt) || v.savedAt < 0) return 'savedAt: must be a time (ms)';
  if (!Array.isArray(v.tags) || !v.tags.every((t) => typeof t === 'string' && t.length <= MAX_TAG) || v.tags.length > MAX_TAGS) {
    return `tags: must be at most ${MAX_TAGS} texts of at most ${MAX_TAG} characters`;
  }
  if (v.page !== undefined) {
    if (typeof v.page !== 'object' || v.page === null || Array.isArray(v.page)) return 'page: must be an object';
    for (const [k, x] of Object.entries(v.page)) {
      if (!['date', 'issuer', 'type', 'title'].includes(k)) return `page.${k}: unknown field`;
      if (typeof x !== 'string' || x.length > MAX_TITLE) return `page.${k}: must be text of at most ${MAX_TITLE} characters`;
    }
  }
  return undefined;
}
