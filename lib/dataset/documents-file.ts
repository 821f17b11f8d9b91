/**
 * data/documents.tsv ↔ DocumentRecord: the repository's own list of documents, one row per document, with the
 * address of every source. Parsing validates each row; a bad row is reported with file:line and the reason.
 */
import type { Confidence, DocumentRecord, Reading, Relation, RelationKind, Source } from '../records/schema';
import { parseTsv } from './tsv';
import { parseStatus } from '../records/status';
import { codeKey, numberKey } from '../keys/code-key';
import { termForDate } from '../keys/party-terms';

export const DOCUMENT_COLUMNS = [
  'id', 'code', 'family', 'type_abbr', 'type_name', 'number', 'issuer_abbr', 'issuer', 'date', 'term', 'plenum',
  'place', 'title', 'status', 'status_source', 'official_url', 'aliases', 'relations', 'readings', 'sources', 'lead',
  'confidence', 'note',
] as const;

/** A validation failure: where and why. */
export interface RowError {
  file: string;
  line: number;
  reason: string;
}

export function formatRowError(e: RowError): string {
  return `${e.file}:${e.line}: ${e.reason}`;
}

const CONFIDENCES: Confidence[] = ['official', 'secondary', 'news-only'];
const RELATION_KINDS: RelationKind[] = ['implements', 'guides', 'replaces', 'amends', 'summarises'];
const READING_FIELDS: Reading['field'][] = ['date', 'issuer', 'title', 'term', 'type'];
const ROMAN = /^(?:X{0,3})(?:IX|IV|V?I{0,3})$/;

/** "YYYY" or a real calendar date "YYYY-MM-DD". */
export function isValidDate(value: string): boolean {
  if (/^\d{4}$/.test(value)) return true;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** A source address: http(s) URL, or "law-text:<file>" for law headings read from the law's own text. */
export function isSourceAddress(value: string): boolean {
  return /^https?:\/\/[^\s/]+\.[^\s]*$/.test(value) || /^law-text:[\w.-]+$/.test(value);
}

/**
 * A source as a row writes it: the address, optionally followed by the check made when the row was made,
 * `https://…|checked:57-NQ/TW,2024-12-22` (the page names that code and that date) or `…|checked:57-NQ/TW` (the
 * page names the code and gives no date).
 */
export interface SourceCell {
  url: string;
  checked?: { code: string; date?: string };
}

/** Splits a source cell into the address and its check; undefined when the check part is malformed. */
export function parseSourceCell(cell: string): SourceCell | undefined {
  const bar = cell.indexOf('|');
  if (bar < 0) return { url: cell };
  const m = /^checked:([^,|]+?)(?:,(\d{4}(?:-\d{2}-\d{2})?))?$/.exec(cell.slice(bar + 1).trim());
  if (!m) return undefined;
  const checked: { code: string; date?: string } = { code: (m[1] as string).trim() };
  if (m[2]) checked.date = m[2];
  return { url: cell.slice(0, bar).trim(), checked };
}

/** The note a checked source carries in the dataset ("checked: code 57-NQ/TW, date 2024-12-22"). */
export function checkNote(checked: { code: string; date?: string }): string {
  return `checked: code ${checked.code}${checked.date ? `, date ${checked.date}` : ''}`;
}

/**
 * Hosts of official portals: the issuer's own portal or the national legal database. "official" confidence needs
 * an address on one of these (the row's official_url or one of its sources); any other .gov.vn or dcs.vn host (a
 * ministry's news page, a hospital, a provincial site) is a secondary source. Matched exactly ("www." ignored):
 * a subdomain such as news.chinhphu.vn is not the document's page.
 */
export const OFFICIAL_HOSTS: readonly string[] = [
  'tulieuvankien.dangcongsan.vn', 'dangcongsan.vn', 'vanban.chinhphu.vn', 'chinhphu.vn', 'vbpl.vn', 'quochoi.vn',
  'congbao.chinhphu.vn',
];

/** True when an address is on an official portal (OFFICIAL_HOSTS). */
export function isOfficialAddress(url: string): boolean {
  const m = /^https?:\/\/([^/\s:?#]+)/i.exec(url);
  if (!m) return false;
  const host = (m[1] as string).toLowerCase().replace(/^www\./, '');
  return OFFICIAL_HOSTS.includes(host);
}

/**
 * Issuers a state code names by convention (the part after the type: …/NĐ-CP, …/QĐ-TTg, …/TT-BTC). A joint
 * circular (…/TTLT-BTP-BCA) names every ministry in turn.
 */
export const STATE_CODE_ISSUERS: Readonly<Record<string, string>> = {
  CP: 'Chính phủ',
  TTg: 'Thủ tướng Chính phủ',
  UBTVQH: 'Ủy ban Thường vụ Quốc hội',
  QH: 'Quốc hội',
  BCA: 'Bộ Công an', BCT: 'Bộ Công Thương', BGDĐT: 'Bộ Giáo dục và Đào tạo', BGTVT: 'Bộ Giao thông vận tải',
  BKHCN: 'Bộ Khoa học và Công nghệ', BKHĐT: 'Bộ Kế hoạch và Đầu tư', BLĐTBXH: 'Bộ Lao động - Thương binh và Xã hội',
  BNG: 'Bộ Ngoại giao', BNNPTNT: 'Bộ Nông nghiệp và Phát triển nông thôn', BNV: 'Bộ Nội vụ', BQP: 'Bộ Quốc phòng',
  BTC: 'Bộ Tài chính', BTNMT: 'Bộ Tài nguyên và Môi trường', BTP: 'Bộ Tư pháp', BTTTT: 'Bộ Thông tin và Truyền thông',
  BVHTTDL: 'Bộ Văn hóa, Thể thao và Du lịch', BXD: 'Bộ Xây dựng', BYT: 'Bộ Y tế',
  NHNN: 'Ngân hàng Nhà nước Việt Nam', TTCP: 'Thanh tra Chính phủ',
};

/**
 * The issuing bodies a state code implies (STATE_CODE_ISSUERS), in the order the code names them; undefined when
 * the code names no body of the table (a Party code, a local body, an old form such as …/L-CTN).
 */
export function impliedIssuers(code: string): string[] | undefined {
  if (/^\d+\s*-/.test(code)) return undefined; // Party form
  const last = code.normalize('NFC').replace(/\u00d0/g, 'Đ').slice(code.lastIndexOf('/') + 1);
  if (/^QH\d*$/.test(last)) return [STATE_CODE_ISSUERS.QH as string];
  const parts = last.split('-').slice(1);
  if (parts.length === 0) return undefined;
  if (parts.length === 1 && /^UBTVQH\d*$/.test(parts[0] as string)) return [STATE_CODE_ISSUERS.UBTVQH as string];
  const names = parts.map((p) => STATE_CODE_ISSUERS[p]);
  return names.every(Boolean) ? (names as string[]) : undefined;
}

/** Issuer names compared without case, punctuation or the old tone placement ("Uỷ" = "Ủy"). */
export function issuerNameKey(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(/uỷ/g, 'ủy').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Whether an issuer name is the body (or, for a joint code, every body) the code implies. */
export function issuerAgrees(implied: readonly string[], issuer: string): boolean {
  const key = issuerNameKey(issuer);
  if (implied.length === 1) return key === issuerNameKey(implied[0] as string);
  const rest = implied.reduce((k, name) => k.replace(issuerNameKey(name), ' '), key);
  return implied.every((name) => key.includes(issuerNameKey(name))) && /^(?:\s|và|,)*$/u.test(rest.replace(/\bvà\b/gu, ' '));
}

/**
 * The mark of a row that shares its Party code and term with another row: sources show two documents. The note
 * says `distinct document: <address>`, the address being one of the row's sources that names this document
 * (its date and subject) apart from the other.
 */
export const DISTINCT_MARK = /distinct document:\s*(\S+)/;

const list = (cell: string) => cell.split(' ; ').map((s) => s.trim()).filter(Boolean);

/** The number and year a code carries ("35-CT/TW" → 35; "100/2019/NĐ-CP" → 100, 2019). */
export function codeParts(code: string): { number: string; year?: string } | undefined {
  const party = /^(\d+[a-z]?)\s*-/.exec(code);
  if (party) return { number: numberKey(party[1] as string) };
  // A letter may follow the number ("30a/2008/NQ-CP").
  const state = /^(\d+[a-z]?)\/(?:(\d{4})\/)?/.exec(code);
  if (state) return { number: numberKey(state[1] as string), year: state[2] };
  return undefined;
}

/** Parses and validates data/documents.tsv. Relations are checked against the ids of the same file. */
export function parseDocuments(text: string, file = 'data/documents.tsv'): { documents: DocumentRecord[]; errors: RowError[] } {
  const table = parseTsv(text);
  const errors: RowError[] = table.shapeErrors.map((e) => ({ file, line: e.line, reason: e.reason }));
  const missing = DOCUMENT_COLUMNS.filter((c) => !table.header.includes(c));
  if (missing.length) return { documents: [], errors: [{ file, line: 1, reason: `missing columns: ${missing.join(', ')}` }] };

  const documents: DocumentRecord[] = [];
  const lineOf = new Map<string, number>();
  const pendingRelations: { line: number; doc: DocumentRecord }[] = [];
  for (const { line, cells: c } of table.rows) {
    const fail = (reason: string) => errors.push({ file, line, reason });
    const before = errors.length;
    for (const req of ['id', 'code', 'family', 'type_name', 'number', 'confidence'] as const) if (!c[req]) fail(`empty ${req}`);
    if (errors.length > before) continue;
    const id = c.id as string;
    const code = c.code as string;
    if (lineOf.has(id)) fail(`duplicate id ${id} (first at line ${lineOf.get(id)})`);
    if (!id.startsWith(code)) fail(`id ${id} does not start with the code ${code}`);
    if (c.family !== 'party' && c.family !== 'state') fail(`family must be party or state, not "${c.family}"`);
    const parts = codeParts(code);
    if (!parts) fail(`code ${code} has no number`);
    else if (parts.number !== numberKey(c.number as string)) fail(`number ${c.number} does not match the code ${code}`);
    if (c.date && !isValidDate(c.date)) fail(`date "${c.date}" is not YYYY or a real YYYY-MM-DD`);
    else if (c.date && parts?.year && c.date.slice(0, 4) !== parts.year) fail(`date ${c.date} contradicts the year in the code ${code}`);
    if (c.term && !ROMAN.test(c.term)) fail(`term "${c.term}" is not a Roman numeral`);
    if (c.plenum && !/^[1-9]\d?$/.test(c.plenum)) fail(`plenum "${c.plenum}" is not a number`);
    const confidence = c.confidence as Confidence;
    if (!CONFIDENCES.includes(confidence)) fail(`confidence must be one of ${CONFIDENCES.join(', ')}, not "${c.confidence}"`);
    const sourceCells: SourceCell[] = [];
    for (const cell of list(c.sources as string)) {
      const sc = parseSourceCell(cell);
      if (!sc) { fail(`source "${cell}" has a malformed check (address|checked:CODE or address|checked:CODE,YYYY-MM-DD)`); continue; }
      if (!isSourceAddress(sc.url)) { fail(`source "${sc.url}" is not an address`); continue; }
      if (sc.checked && codeKey(sc.checked.code) !== codeKey(code))
        fail(`source ${sc.url} was checked for the code ${sc.checked.code}, not the row's code ${code}`);
      if (sc.checked?.date && !isValidDate(sc.checked.date)) fail(`source ${sc.url} was checked for the date ${sc.checked.date}, which is not a date`);
      else if (sc.checked?.date && sc.checked.date !== c.date && !list(c.readings as string).some((r) => r.startsWith(`date=${sc.checked?.date} `)))
        fail(`source ${sc.url} was checked for the date ${sc.checked.date}, which is neither the row's date nor a date reading`);
      sourceCells.push(sc);
    }
    const sourceUrls = sourceCells.map((sc) => sc.url);
    if (list(c.sources as string).length === 0 && !c.lead) fail('no source address and no lead');
    if (sourceUrls.length === 0 && c.lead && confidence !== 'news-only') fail('a row resting on a lead alone must be news-only');
    if (c.status && !c.status_source) fail('status without status_source');
    if (c.status && !parseStatus(c.status))
      fail(`status "${c.status}" is not in the form "in force | expired | partly expired | replaced by CODE[ from DATE][, replaced by CODE][, amended][, stated DATE|undated]"`);
    if (c.status_source && !isSourceAddress(c.status_source)) fail(`status_source "${c.status_source}" is not an address`);
    if (c.official_url && !isSourceAddress(c.official_url)) fail(`official_url "${c.official_url}" is not an address`);
    else if (c.official_url && !isOfficialAddress(c.official_url))
      fail(`official_url ${c.official_url} is not on an official portal (${OFFICIAL_HOSTS.join(', ')})`);
    if (confidence === 'official' && !(c.official_url || sourceUrls.some(isOfficialAddress)))
      fail(`confidence official needs an address on an official portal (${OFFICIAL_HOSTS.join(', ')}) as official_url or a source`);
    else if (confidence === 'official' && !sourceCells.some((sc) => sc.checked && isOfficialAddress(sc.url)))
      fail('confidence official needs its official address among the sources with its check (address|checked:CODE,DATE): the page was read to name this code');
    if (c.official_url && isOfficialAddress(c.official_url) && !sourceCells.some((sc) => sc.url === c.official_url && sc.checked))
      fail(`official_url ${c.official_url} must also be a source with its check (address|checked:CODE,DATE)`);
    const implied = c.family === 'state' ? impliedIssuers(code) : undefined;
    if (implied && !c.issuer) fail(`empty issuer; the code ${code} implies ${implied.join(' and ')}`);
    else if (implied && !issuerAgrees(implied, c.issuer as string))
      fail(`issuer "${c.issuer}" is not ${implied.join(' and ')}, the issuer the code ${code} implies (a signer is never the issuer)`);
    const distinct = DISTINCT_MARK.exec(c.note ?? '');
    if (distinct && !sourceUrls.includes(distinct[1] as string)) fail(`"distinct document:" names ${distinct[1]}, which is not one of the row's sources`);

    const readings: Reading[] = [];
    for (const r of list(c.readings as string)) {
      const m = /^(\w+)=(.+?)\s*<([^>]*)>$/.exec(r);
      if (!m) { fail(`reading "${r}" is not field=value <sources>`); continue; }
      const field = m[1] as Reading['field'];
      if (!READING_FIELDS.includes(field)) { fail(`reading field "${field}" unknown`); continue; }
      const value = (m[2] as string).trim();
      if (field === 'date' && !isValidDate(value)) { fail(`reading date "${value}" is not a date`); continue; }
      if (field === 'issuer' && implied && !issuerAgrees(implied, value)) {
        fail(`reading issuer "${value}" is not ${implied.join(' and ')}, the issuer the code ${code} implies`); continue;
      }
      const srcs = (m[3] as string).split(/\s+/).filter(Boolean);
      if (srcs.length === 0 || srcs.some((s) => !isSourceAddress(s))) { fail(`reading "${r}" needs source addresses`); continue; }
      readings.push({ field, value, sources: srcs });
    }
    const relations: Relation[] = [];
    for (const r of list(c.relations as string)) {
      const m = /^(\w+):(\S+)$/.exec(r);
      if (!m || !RELATION_KINDS.includes(m[1] as RelationKind)) { fail(`relation "${r}" is not kind:target-id (kinds: ${RELATION_KINDS.join(', ')})`); continue; }
      relations.push({ kind: m[1] as RelationKind, target: m[2] as string, sources: sourceUrls });
    }
    if (errors.length > before) continue;

    const sources: Source[] = sourceCells.map((sc) => (sc.checked ? { url: sc.url, note: checkNote(sc.checked) } : { url: sc.url }));
    const issuerAbbr = c.issuer_abbr ?? '';
    const doc: DocumentRecord = {
      id, code, family: c.family as DocumentRecord['family'], number: numberKey(c.number as string),
      typeAbbr: c.type_abbr ?? '', typeName: c.type_name as string, issuerAbbr,
      aliases: list(c.aliases as string), relations, readings, sources, confidence,
    };
    if (c.issuer) doc.issuer = c.issuer;
    if (c.date) doc.date = c.date;
    if (c.term) doc.term = c.term;
    if (c.plenum) doc.plenum = Number(c.plenum);
    if (c.place) doc.place = c.place;
    if (c.title) doc.title = c.title;
    if (c.status) doc.status = { text: c.status, source: c.status_source as string };
    if (c.official_url) doc.officialUrl = c.official_url;
    if (c.lead) doc.lead = c.lead;
    if (c.note) doc.note = c.note;
    lineOf.set(id, line);
    documents.push(doc);
    if (relations.length) pendingRelations.push({ line, doc });
  }
  for (const { line, doc } of pendingRelations)
    for (const r of doc.relations) if (!lineOf.has(r.target)) errors.push({ file, line, reason: `relation target ${r.target} is not a document id` });
  errors.push(...sameDocumentErrors(documents, lineOf, file));
  errors.sort((a, b) => a.line - b.line);
  return { documents, errors };
}

/**
 * One document per code where a code names one: a Party code once per term (and place) unless every row sharing
 * it carries the "distinct document:" mark; a state code once per year (the code's year, else the row's date).
 */
function sameDocumentErrors(documents: readonly DocumentRecord[], lineOf: ReadonlyMap<string, number>, file: string): RowError[] {
  const groups = new Map<string, DocumentRecord[]>();
  for (const d of documents) {
    let key: string | undefined;
    if (d.family === 'party') {
      const term = d.term ?? termForDate(d.date);
      if (term) key = `party|${codeKey(d.code)}|${d.place ?? ''}|khóa ${term}`;
    } else {
      const year = codeParts(d.code)?.year ?? d.date?.slice(0, 4);
      if (year) key = `state|${codeKey(d.code)}|${d.place ?? ''}|${year}`;
    }
    if (!key) continue;
    const g = groups.get(key);
    if (g) g.push(d); else groups.set(key, [d]);
  }
  const errors: RowError[] = [];
  for (const [key, group] of groups) {
    if (group.length < 2) continue;
    const [first, ...rest] = group as [DocumentRecord, ...DocumentRecord[]];
    const firstLine = lineOf.get(first.id) as number;
    const party = key.startsWith('party|');
    if (party && group.every((d) => DISTINCT_MARK.test(d.note ?? ''))) continue;
    const when = key.slice(key.lastIndexOf('|') + 1);
    for (const d of rest)
      errors.push({
        file, line: lineOf.get(d.id) as number,
        reason: party
          ? `Party code ${d.code} given twice in ${when} (first at line ${firstLine}): one document per code and term, unless every row shows its evidence with "distinct document: <source>" in its note`
          : `state code ${d.code} given twice for ${when} (first at line ${firstLine}): one document per code and year`,
      });
  }
  return errors;
}

/** Stable document id: the code plus what tells reused codes apart (date, else term). */
export function documentId(code: string, date?: string, term?: string): string {
  if (date) return `${code}@${date}`;
  if (term) return `${code}@khóa-${term}`;
  return code;
}

/** Same code key check used by validation and tests. */
export function sameCode(a: string, b: string): boolean {
  return codeKey(a) === codeKey(b);
}
