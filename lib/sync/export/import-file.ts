/**
 * Import: the library's own JSON, or CSL-JSON from any reference manager (Zotero's "Export → CSL JSON"). Every
 * item is checked first; one malformed item and the whole file is refused with an error naming the item and the
 * field, so the library is never half-imported. Items are matched to dataset documents by code and date where
 * the caller's matcher can (kept as references to an unknown code otherwise). Pure.
 */
import { isWebAddress, MAX_NOTE, MAX_TAG, MAX_TAGS, MAX_TITLE, MAX_URL, type PageSaid } from '../saved-reference';
import type { SaveInput } from '../merge';
import { LIBRARY_FORMAT, LIBRARY_VERSION } from './library-json';

export const MAX_IMPORT_ITEMS = 10_000;

export class ImportError extends Error {
  constructor(
    message: string,
    /** Index of the item in the file (0-based), when an item is at fault. */
    readonly item?: number,
    readonly field?: string,
  ) {
    super(item === undefined ? message : `item ${item + 1}${field ? `, field "${field}"` : ''}: ${message}`);
    this.name = 'ImportError';
  }
}

/** What the matcher is asked: a code and what the file says of it. */
export interface MatchQuery {
  code: string;
  date?: string;
  issuer?: string;
}
/** Dataset document id for each query (same order), undefined where none matches. */
export type Matcher = (queries: MatchQuery[]) => Promise<Array<string | undefined>>;

export interface ParsedImport {
  format: 'library' | 'csl';
  /** References to save; `docId` set where the file names one (own JSON) — the matcher fills the rest. */
  inputs: SaveInput[];
}

/**
 * A document code inside a title ("Chỉ thị số 35-CT/TW ngày …", "Nghị định 100/2019/NĐ-CP"); a number may carry a
 * letter ("30a/2008/NQ-CP").
 */
const CODE_IN_TEXT = /(?<![\p{L}\p{N}])(\d{1,5}[a-z]?(?:\/\d{4})?(?:\/|-)\p{Lu}\p{L}{0,7}(?:[-/][\p{L}\p{N}]{1,10}){0,3})(?![\p{L}\p{N}])/u;

export function parseImportFile(text: string, now: number): ParsedImport {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ImportError(`not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (Array.isArray(data)) return { format: 'csl', inputs: cslItems(data, now) };
  if (isObject(data) && data.format === LIBRARY_FORMAT) {
    if (typeof data.version !== 'number' || data.version > LIBRARY_VERSION) throw new ImportError(`library file version ${String(data.version)}: this extension reads version ${LIBRARY_VERSION}`);
    if (!Array.isArray(data.references)) throw new ImportError('library file without "references"');
    return { format: 'library', inputs: libraryItems(data.references) };
  }
  if (isObject(data) && Array.isArray(data.items)) return { format: 'csl', inputs: cslItems(data.items, now) };
  throw new ImportError('neither a vanban-lens library file nor CSL-JSON (a list of items)');
}

/** Fills in dataset ids where the matcher finds the document; what it does not find stays an unknown code. */
export async function matchInputs(inputs: SaveInput[], match: Matcher): Promise<SaveInput[]> {
  const ask = inputs.map((x, i) => ({ x, i })).filter(({ x }) => !x.docId);
  if (ask.length === 0) return inputs;
  const ids = await match(ask.map(({ x }) => ({ code: x.code, ...(x.page?.date ? { date: x.page.date } : {}), ...(x.page?.issuer ? { issuer: x.page.issuer } : {}) })));
  const out = [...inputs];
  ask.forEach(({ x, i }, j) => {
    const id = ids[j];
    if (id) out[i] = { ...x, docId: id };
  });
  return out;
}

function libraryItems(list: unknown[]): SaveInput[] {
  if (list.length > MAX_IMPORT_ITEMS) throw new ImportError(`more than ${MAX_IMPORT_ITEMS} items`);
  return list.map((raw, i) => {
    if (!isObject(raw)) throw new ImportError('not an object', i);
    const code = text(raw, 'code', i, 100, true)!;
    const docId = text(raw, 'docId', i, 500);
    const url = webAddress(text(raw, 'url', i, MAX_URL), i, 'url');
    const savedAt = time(raw.savedAt, i, 'savedAt');
    const note = text(raw, 'note', i, MAX_NOTE) ?? '';
    const tags = tagList(raw.tags, i, 'tags');
    let page: PageSaid | undefined;
    if (raw.page !== undefined) {
      if (!isObject(raw.page)) throw new ImportError('must be an object', i, 'page');
      page = {};
      for (const k of ['date', 'issuer', 'type', 'title'] as const) {
        const v = text(raw.page, k, i, MAX_TITLE, false, `page.${k}`);
        if (v) page[k] = v;
      }
    }
    const pageTitle = text(raw, 'pageTitle', i, MAX_TITLE);
    const pageDate = text(raw, 'pageDate', i, 40);
    return {
      code,
      url,
      savedAt,
      note,
      tags,
      ...(docId ? { docId } : {}),
      ...(page ? { page } : {}),
      ...(pageTitle ? { pageTitle } : {}),
      ...(pageDate ? { pageDate } : {}),
    };
  });
}

function cslItems(list: unknown[], now: number): SaveInput[] {
  if (list.length > MAX_IMPORT_ITEMS) throw new ImportError(`more than ${MAX_IMPORT_ITEMS} items`);
  return list.map((raw, i) => {
    if (!isObject(raw)) throw new ImportError('not an object', i);
    const title = text(raw, 'title', i, 2000);
    const number = text(raw, 'number', i, 200);
    const code = (number && CODE_IN_TEXT.exec(number)?.[1]) || number?.trim() || (title ? CODE_IN_TEXT.exec(title)?.[1] : undefined);
    if (!code) throw new ImportError('no document code (neither in "number" nor in the title)', i, 'number');
    if (code.length > 100) throw new ImportError('longer than 100 characters', i, 'number');
    const issued = cslDate(raw.issued, i, 'issued');
    const accessed = cslDate(raw.accessed, i, 'accessed');
    const issuer = text(raw, 'authority', i, 500) ?? text(raw, 'publisher', i, 500) ?? firstName(raw.author, i);
    const type = text(raw, 'genre', i, 200);
    const url = webAddress(text(raw, 'URL', i, MAX_URL), i, 'URL');
    const pageTitle = text(raw, 'container-title', i, 2000);
    const note = (text(raw, 'note', i, 100_000) ?? '').slice(0, MAX_NOTE);
    const keyword = text(raw, 'keyword', i, 5000);
    const page: PageSaid = {};
    if (issued) page.date = issued;
    if (issuer) page.issuer = issuer.slice(0, MAX_TITLE);
    if (type) page.type = type.slice(0, MAX_TITLE);
    if (title && title !== code) page.title = title.slice(0, MAX_TITLE);
    const savedAt = accessed ? Date.parse(accessed.length === 4 ? `${accessed}-01-01` : accessed.length === 7 ? `${accessed}-01` : accessed) : now;
    return {
      code,
      url,
      savedAt,
      note,
      tags: keyword ? cleanKeywords(keyword) : [],
      ...(Object.keys(page).length ? { page } : {}),
      ...(pageTitle ? { pageTitle: pageTitle.slice(0, MAX_TITLE) } : {}),
    };
  });
}

function cleanKeywords(keyword: string): string[] {
  return keyword.split(/[,;]/).map((t) => t.trim().slice(0, MAX_TAG)).filter(Boolean).slice(0, MAX_TAGS);
}

/** CSL date: {"date-parts": [[y, m?, d?]]} or {"raw": "..."} → ISO date or year; undefined when absent. */
function cslDate(value: unknown, item: number, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) throw new ImportError('must be a CSL date object', item, field);
  const parts = value['date-parts'];
  if (Array.isArray(parts) && Array.isArray(parts[0])) {
    const [y, m, d] = (parts[0] as unknown[]).map((x) => (typeof x === 'string' && /^\d+$/.test(x) ? Number(x) : x));
    if (!Number.isInteger(y) || (m !== undefined && !isIntIn(m, 1, 12)) || (d !== undefined && !isIntIn(d, 1, 31))) throw new ImportError('date-parts must be [year, month, day] numbers', item, field);
    return [String(y).padStart(4, '0'), m === undefined ? undefined : String(m).padStart(2, '0'), d === undefined || m === undefined ? undefined : String(d).padStart(2, '0')].filter(Boolean).join('-');
  }
  if (typeof value.raw === 'string') {
    const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?/.exec(value.raw.trim());
    if (!m) throw new ImportError(`not a date: ${JSON.stringify(value.raw).slice(0, 40)}`, item, field);
    return [m[1], m[2]?.padStart(2, '0'), m[3]?.padStart(2, '0')].filter(Boolean).join('-');
  }
  if (value.literal !== undefined || value.season !== undefined) return undefined;
  throw new ImportError('must have "date-parts" or "raw"', item, field);
}

function firstName(authors: unknown, item: number): string | undefined {
  if (authors === undefined) return undefined;
  if (!Array.isArray(authors)) throw new ImportError('must be a list of names', item, 'author');
  const a = authors[0];
  if (!isObject(a)) return undefined;
  const name = typeof a.literal === 'string' ? a.literal : [a.given, a.family].filter((x) => typeof x === 'string').join(' ');
  return name || undefined;
}

function text(o: Record<string, unknown>, key: string, item: number, max: number, required = false, field = key): string | undefined {
  const v = o[key];
  if (v === undefined || v === null) {
    if (required) throw new ImportError('missing', item, field);
    return undefined;
  }
  const s = typeof v === 'number' ? String(v) : v;
  if (typeof s !== 'string') throw new ImportError('must be text', item, field);
  if (s.length > max) throw new ImportError(`longer than ${max} characters`, item, field);
  if (required && !s.trim()) throw new ImportError('empty', item, field);
  return s.normalize('NFC');
}

function webAddress(url: string | undefined, item: number, field: string): string {
  if (!url) return '';
  if (!isWebAddress(url.trim())) throw new ImportError('must be an http or https address', item, field);
  return url.trim();
}

function time(value: unknown, item: number, field: string): number {
  const t = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : NaN;
  if (!Number.isFinite(t) || t < 0) throw new ImportError('not a date and time', item, field);
  return t;
}

function tagList(value: unknown, item: number, field: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((t) => typeof t === 'string')) throw new ImportError('must be a list of texts', item, field);
  if (value.length > MAX_TAGS) throw new ImportError(`more than ${MAX_TAGS} tags`, item, field);
  const long = value.findIndex((t) => t.length > MAX_TAG);
  if (long >= 0) throw new ImportError(`tag ${long + 1} longer than ${MAX_TAG} characters`, item, field);
  return value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function isIntIn(value: unknown, min: number, max: number): boolean {
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
}
