/**
 * "Known from news" records: codes that articles cite but the documents table lacks. A record carries only what
 * the citing sentences state (type, issuer, date or year, term, subject, place), the citing articles as its
 * sources, confidence news-only, and knownFromNews: true. Pure.
 *
 * Cleaning (what a reader can trust):
 * - one record per document: a Party code once per term (dated and undated citations of the term together), a
 *   state code once per year ("67/NĐ-CP" dated 2014 and "67/2014/NĐ-CP" together); conflicting dates or issuers
 *   are readings of that one record;
 * - the issuer is a complete body name: the body a state code implies (…/NĐ-CP → Chính phủ), else the sentence's
 *   phrase cut at the end of the body's name; a signer ("Bộ trưởng …", "Thống đốc …") gives the body, never
 *   itself; a name cut short ("Bộ Tài") gives nothing;
 * - the title ends at its clause: not cut at a year-range dash ("giai đoạn 2021 - 2025"), not running into the
 *   next clause; longer than MAX_TITLE characters it is dropped rather than cut;
 * - a citation whose sentence names a local body (Thành ủy, Tỉnh ủy, UBND …) never makes a …/TW record;
 * - a citation whose subject contradicts a sourced record of the same code (and term or year) is a likely
 *   misprint, listed apart, not a new document;
 * - correspondence numbers of local bodies (công văn …/UBND-…, báo cáo, tờ trình) stay page facts: no record;
 * - sources are the citing articles, each once.
 */
import type { Reference } from '../detector/types';
import { bodyWithoutPerson } from '../detector/person-names';
import type { DocumentRecord, Reading } from '../records/schema';
import { codeKey, issuerKey, numberKey } from '../keys/code-key';
import { codeIssuer, isLocalCode, placeKey } from '../keys/local-codes';
import { termForDate, termNumeral } from '../keys/party-terms';
import { impliedIssuers, STATE_CODE_ISSUERS } from './documents-file';
import { subjectOverlap } from '../keys/subject-overlap';

export interface Citation {
  ref: Reference;
  articleId: string;
  /** The article's address, or "article:<id>" when it has none. */
  source: string;
  /** The place a local code is read in (sentence or site), when known. */
  place?: string;
  /** The article's text: lets a subject the sentence reader cut at a year-range dash be read to its clause end. */
  text?: string;
}

/** A citation taken for a misprint of a sourced document's code rather than a document of its own. */
export interface LikelyMisprint {
  articleId: string;
  code: string;
  /** What the sentence says the document is about. */
  subject: string;
  /** The sourced records of that code (and term or year) whose titles it contradicts. */
  records: string[];
}

/** Titles longer than this come only from a document's sources, never from a citing sentence. */
export const MAX_TITLE = 160;

/** Words a subject clause cut short at the next code leaves dangling ("… thực hiện Nghị quyết số"). */
const DANGLING = /(?:\s+(?:số|của|và|các|theo|tại|về|ngày|Nghị quyết|Chỉ thị|Quyết định|Quy định|Nghị định|Thông tư|Kết luận|Kế hoạch|Hướng dẫn|Luật|văn bản hướng dẫn|[,;:–-]))+$/u;

/** Where a subject runs into the next clause: a colon, a closing bracket opened before it, a new predicate. */
const NEXT_CLAUSE = /\s*:|,?\s+(?:đã|đang|sẽ|vừa|cũng|thì|nêu rõ|khẳng định|cho biết|yêu cầu các|trong đó|theo đó|nhưng)\s/u;

/** A title ending in a year range's first year, cut at its dash ("giai đoạn 2021", "(2016"). */
const YEAR_RANGE_CUT = /(?:giai đoạn|nhiệm kỳ|thời kỳ|từ năm|năm|\()\s*\d{4}$/u;

/** Cuts a subject where it runs into the next clause (an unmatched ")" too). */
function toClauseEnd(subject: string): string {
  let t = subject;
  const m = NEXT_CLAUSE.exec(t);
  if (m && m.index > 0) t = t.slice(0, m.index);
  let depth = 0;
  for (let i = 0; i < t.length; i++) {
    if (t[i] === '(') depth++;
    else if (t[i] === ')' && --depth < 0) { t = t.slice(0, i); break; }
  }
  return t;
}

/**
 * A cited subject as a title: up to its clause end, dangling words dropped; nothing when too little is left, when
 * it was cut at a year range's dash, or when longer than MAX_TITLE (a title is never cut mid-clause).
 */
export function subjectTitle(subject: string | undefined): string | undefined {
  if (!subject) return undefined;
  let t = toClauseEnd(subject.normalize('NFC')).trim();
  for (let prev = ''; prev !== t; ) { prev = t; t = t.replace(DANGLING, '').trim(); }
  if (YEAR_RANGE_CUT.test(t) || (t.match(/\(/g)?.length ?? 0) > (t.match(/\)/g)?.length ?? 0)) return undefined;
  if (t.length > MAX_TITLE) return undefined;
  return t.split(/\s+/).length >= 3 ? t : undefined;
}

/**
 * The subject with a year range the sentence reader cut at its dash put back from the article's text
 * ("… giai đoạn 2021" followed by " - 2025 …" → "… giai đoạn 2021 - 2025 …", to the clause end).
 */
export function fullSubject(subject: string | undefined, text: string | undefined, from: number): string | undefined {
  if (!subject || !text) return subject;
  const at = text.indexOf(subject, from);
  if (at < 0 || at - from > 400) return subject;
  let end = at + subject.length;
  let out = subject;
  for (let guard = 0; guard < 3; guard++) {
    const m = /^\s*[-–]\s*(\d{4})/y.exec(text.slice(end));
    if (!m || !/\d{4}\)?$/.test(out)) break;
    const rest = /^[^.;!?\n“”"]*?(?=[.;!?\n“”"]|\s[-–]\s|$)/.exec(text.slice(end + m[0].length))?.[0] ?? '';
    out = `${out} - ${m[1]}${rest}`.replace(/[\s,:]+$/, '');
    end += m[0].length + rest.length;
  }
  return out;
}

/** Titles and names of people: the body after them signs, it does not issue. */
const SIGNER = /^(?:Phó\s+)?(?:Bộ trưởng|Thứ trưởng|Thống đốc|Chủ tịch|Phó Chủ tịch|Tổng Bí thư|Bí thư|Chủ nhiệm|Trưởng ban|Giám đốc|Tổng giám đốc|Cục trưởng|Tổng cục trưởng|Chánh án|Viện trưởng|Tổng Kiểm toán|Chánh Thanh tra|Tổng Thanh tra|Đại tá|Thiếu tướng|Trung tướng|Thượng tướng|Đại tướng|Ông|Bà|đồng chí)\b\s*/iu;

/** Short forms of bodies a sentence may use, with the full name. */
const BODY_SHORT: Record<string, string> = {
  VPCP: 'Văn phòng Chính phủ', NHNN: 'Ngân hàng Nhà nước Việt Nam', 'Ngân hàng Nhà nước': 'Ngân hàng Nhà nước Việt Nam',
  UBTVQH: 'Ủy ban Thường vụ Quốc hội', BCT: 'Bộ Chính trị', BCH: 'Ban Chấp hành Trung ương',
};

/** Complete names of central bodies (longest first when matching). */
const BODIES: readonly string[] = [
  ...Object.values(STATE_CODE_ISSUERS), 'Bộ Văn hóa - Thể thao và Du lịch', 'Bộ Lao động, Thương binh và Xã hội',
  'Bộ Chính trị', 'Ban Bí thư', 'Ban Chấp hành Trung ương Đảng', 'Ban Chấp hành Trung ương', 'Văn phòng Chính phủ',
  'Văn phòng Trung ương Đảng', 'Ban Tổ chức Trung ương', 'Ban Tuyên giáo Trung ương', 'Ủy ban Kiểm tra Trung ương',
  'Ngân hàng Nhà nước', 'Kiểm toán Nhà nước', 'Tòa án nhân dân tối cao', 'Viện kiểm sát nhân dân tối cao',
  'Tổng cục Hải quan', 'Tổng cục Thuế', 'Ủy ban Tư pháp', 'Ủy ban Tài chính, Ngân sách', 'Ủy ban Tài chính - Ngân sách',
  'Bảo hiểm xã hội Việt Nam', 'Thủ tướng',
].sort((a, b) => b.length - a.length);

const fold = (s: string) => s.normalize('NFC').toLowerCase().replace(/uỷ/g, 'ủy');

/** A capitalised word (a proper name's syllable). */
const CAP = '[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴẤẦẨẪẬẮẰẲẴẶẾỀỂỄỆỐỒỔỖỘỚỜỞỠỢỨỪỬỮỰ][\\p{L}]*';
/** The part after a dash inside a place's name ("Thừa Thiên - Huế"), not a title after one ("Tỉnh ủy Nghệ An – Bí thư"). */
const DASHED = `(?:\\s?[-–]\\s?(?!(?:Bí|Chủ|Phó|Giám|Trưởng|Tổng|Đại|Ông|Bà|Đồng|Thứ)(?![\\p{L}]))${CAP})`;
/** Local bodies: the body word, its level, then the place's name (capitalised syllables, "TT-Huế" too). */
const LOCAL_BODY = new RegExp(
  `^(?:Ban Thường vụ\\s+)?(?:UBND|HĐND|Ủy ban nhân dân|Uỷ ban nhân dân|Hội đồng nhân dân|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Huyện ủy|Huyện uỷ|Quận ủy|Quận uỷ|Thị ủy|Thị uỷ)` +
  // "UBND TP.HCM" (no space after the period), "UBND tỉnh Thừa Thiên - Huế" (a spaced dash inside the name).
  `(?:(?:\\s+(?:tỉnh|thành phố|TP\\.?|huyện|quận|thị xã|xã|phường))(?:(?:\\s+|(?<=\\.))${CAP}${DASHED}?(?:\\s+${CAP}${DASHED}?){0,5})?|(?:\\s+${CAP}${DASHED}?){1,6})`, 'u');
const LOCAL_BODY_WORD = /(?:^|\s)(?:UBND|HĐND|Ủy ban nhân dân|Uỷ ban nhân dân|Hội đồng nhân dân|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Huyện ủy|Huyện uỷ|Quận ủy|Quận uỷ|Thị ủy|Thị uỷ|Sở\s)/u;

/**
 * The issuing body a sentence's phrase names, ending at the end of the body's complete name; undefined for a name
 * cut short or a phrase naming no body. A signer's title is dropped: the body after it is the issuer.
 */
export function issuerBody(phrase: string | undefined): string | undefined {
  if (!phrase) return undefined;
  let p = phrase.normalize('NFC').trim();
  const signer = SIGNER.exec(p);
  if (signer) p = p.slice(signer[0].length).trim();
  for (const [short, full] of Object.entries(BODY_SHORT)) if (p === short || p.startsWith(`${short} `)) return full;
  const f = fold(p);
  for (const body of BODIES) {
    const b = fold(body);
    if (f === b || (f.startsWith(b) && /^[\s,]/.test(f.slice(b.length)) && !/^\s+(?:và|,)\s*[A-ZĐ]/u.test(p.slice(body.length))))
      return body === 'Thủ tướng' ? 'Thủ tướng Chính phủ' : body === 'Ngân hàng Nhà nước' ? 'Ngân hàng Nhà nước Việt Nam' : body;
  }
  const local = LOCAL_BODY.exec(p);
  // The signer's name after the body ("UBND TP Nguyễn Văn A vừa ký …") is neither the body's nor its place's.
  if (local) return bodyWithoutPerson(local[0]);
  // A name no table knows: kept when it is a body word followed by capitalised words only (a complete name), and
  // not the start of a longer known name ("Văn phòng Chính" of "Văn phòng Chính phủ").
  const generic = new RegExp(`^(?:Bộ|Cục|Tổng cục|Ủy ban|Uỷ ban|Ban|Văn phòng|Sở|Viện|Học viện|Tập đoàn|Tổng công ty)(?:\\s+${CAP})+$`, 'u').exec(p);
  if (!generic || generic[0].split(/\s+/).length < 3) return undefined;
  return BODIES.some((b) => fold(b).startsWith(f) && fold(b) !== f) ? undefined : generic[0];
}

/** Does a sentence's issuer phrase name a local body (province, district, commune; a department of one)? */
export function namesLocalBody(phrase: string | undefined): boolean {
  return !!phrase && LOCAL_BODY_WORD.test(` ${phrase.normalize('NFC')}`);
}

/** Local correspondence and reports (công văn …/UBND-VX, …/BC-UBND, …/TTr-UBND): page facts, never records. */
export function isLocalCorrespondence(ref: Reference): boolean {
  const code = ref.code ?? '';
  if (!isLocalCode(code)) return false;
  const last = code.normalize('NFC').slice(code.lastIndexOf('/') + 1);
  if (/^(?:UBND|HĐND|VP|VPUB|VPUBND)(?:-|$)/u.test(last)) return true; // số/UBND-KT: a công văn's number
  const type = (ref.type.abbr ?? '').normalize('NFC');
  if (/^(?:CV|BC|TTr|TTR)$/u.test(type) || /^(?:CV|BC|TTr)-/u.test(last)) return true;
  return /^(?:công văn|báo cáo|tờ trình)\b/iu.test((ref.type.name ?? ref.proseType ?? '').normalize('NFC'));
}

/** An address compared without scheme, "www.", fragment or trailing slash. */
export function sourceKey(url: string): string {
  return url.replace(/#.*$/, '').replace(/^https?:\/\/(?:www\.)?/i, '').replace(/\/+$/, '').toLowerCase();
}

/** "67/2014/NĐ-CP" → "67/NĐ-CP": the code without its year. */
function stem(code: string): string {
  return codeKey(code).replace(/^(\d+)\/\d{4}\//, '$1/');
}

function mostCommon(values: (string | undefined)[]): { value?: string; others: string[] } {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return { value: sorted[0]?.[0], others: sorted.slice(1).map((x) => x[0]) };
}

/** What a citation says of when: the Party term, or the state year (of the code, else of the stated date). */
function when(c: Citation): string | undefined {
  const { ref } = c;
  if (ref.family === 'party') {
    const term = termNumeral(ref.term) ?? ref.term ?? termForDate(ref.date);
    return term ? `khóa ${term}` : ref.date ? `@${ref.date}` : undefined;
  }
  return /^\d+\/(\d{4})\//.exec(ref.code as string)?.[1] ?? ref.date?.slice(0, 4);
}

/** Sourced records a citation's code (and term or year) names; their titles decide whether it is a misprint. */
function sourcedOfSameCode(c: Citation, sourced: readonly DocumentRecord[]): DocumentRecord[] {
  const w = when(c);
  return sourced.filter((d) => {
    if (d.knownFromNews || !d.title) return false;
    if (c.ref.family === 'party' ? codeKey(d.code) !== codeKey(c.ref.code as string) : stem(d.code) !== stem(c.ref.code as string)) return false;
    if ((d.place ? placeKey(d.place) : '') !== (c.place ? placeKey(c.place) : '')) return false;
    if (!w) return false; // a code reused every term or year: without when, nothing says it is that one
    if (d.family === 'party') return `khóa ${d.term ?? termForDate(d.date) ?? ''}` === w;
    return (/^\d+\/(\d{4})\//.exec(d.code)?.[1] ?? d.date?.slice(0, 4)) === w;
  });
}

/**
 * Builds news-only records for cited codes no known document carries, and lists the citations taken for
 * misprints of sourced records. `known` holds normalized codes to skip; `sourced` the documents table.
 */
export function knownFromNewsDetailed(
  citations: readonly Citation[], known: ReadonlySet<string>, sourced: readonly DocumentRecord[] = [],
): { records: DocumentRecord[]; misprints: LikelyMisprint[] } {
  const misprints: LikelyMisprint[] = [];
  const groups = new Map<string, Citation[]>();
  for (const c of citations) {
    if (!c.ref.code || c.ref.inferred) continue;
    if (known.has(codeKey(c.ref.code))) continue;
    const local = isLocalCode(c.ref.code);
    if (local && !c.place) continue;
    if (isLocalCorrespondence(c.ref)) continue;
    // A local body's document never becomes a record of a central (…/TW) code.
    if (!local && c.ref.family === 'party' && issuerKey(codeIssuer(c.ref.code) ?? '') === 'TW' && namesLocalBody(c.ref.issuerName)) continue;
    const subject = subjectTitle(fullSubject(c.ref.subject, c.text, c.ref.end));
    if (subject) {
      const same = sourcedOfSameCode(c, sourced);
      if (same.length && same.every((d) => subjectOverlap(subject, d.title as string) === 0)) {
        misprints.push({ articleId: c.articleId, code: c.ref.code, subject, records: same.map((d) => d.id) });
        continue;
      }
    }
    const key = `${c.ref.family === 'party' ? codeKey(c.ref.code) : stem(c.ref.code)}${c.place ? `|${placeKey(c.place)}` : ''}`;
    const id = `${key}#${when(c) ?? ''}`;
    const g = groups.get(id);
    if (g) g.push(c); else groups.set(id, [c]);
  }
  // Citations that say nothing of when join the one record of their code, if there is one; with several, the
  // resolver chooses among them (or leaves the mention ambiguous).
  for (const id of [...groups.keys()]) {
    if (!id.endsWith('#')) continue;
    const base = id.slice(0, -1);
    const dated = [...groups.keys()].filter((k) => k !== id && k.startsWith(base) && k.slice(base.length).startsWith('#'));
    if (dated.length === 0) continue;
    if (dated.length === 1) groups.get(dated[0] as string)!.push(...(groups.get(id) as Citation[]));
    groups.delete(id);
  }
  const records: DocumentRecord[] = [];
  for (const [, group] of [...groups].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    // The code as written with its year, when some sentence writes it so.
    const codes = mostCommon(group.map((c) => c.ref.code));
    const code = group.map((c) => c.ref.code as string).find((x) => /^\d+\/\d{4}\//.test(x)) ?? (codes.value as string);
    const first = group.find((c) => c.ref.code === code) as Citation;
    const ref = first.ref;
    // One source per article address, however it is written (scheme, "www.", a fragment, a trailing slash).
    const byAddress = new Map<string, string>();
    for (const c of group) { const k = sourceKey(c.source); if (!byAddress.has(k)) byAddress.set(k, c.source); }
    const sources = [...byAddress.values()].sort();
    const readings: Reading[] = [];
    const srcOf = (pick: (c: Citation) => boolean) => [...new Set(group.filter(pick).map((c) => c.source))].sort();
    const dates = mostCommon(group.map((c) => c.ref.date));
    // A full date over a year alone, when the year agrees.
    let date = dates.value;
    const full = dates.others.find((d) => date && d.length === 10 && date.length === 4 && d.startsWith(date));
    if (full) date = full;
    for (const other of [dates.value, ...dates.others]) {
      if (!other || other === date || (other.length === 4 && date?.startsWith(other))) continue;
      readings.push({ field: 'date', value: other, sources: srcOf((c) => c.ref.date === other) });
    }
    const implied = ref.family === 'state' ? impliedIssuers(code) : undefined;
    const issuer = implied ? { value: implied.join(' và '), others: [] as string[] } : mostCommon(group.map((c) => issuerBody(c.ref.issuerName)));
    for (const other of issuer.others)
      readings.push({ field: 'issuer', value: other, sources: srcOf((c) => issuerBody(c.ref.issuerName) === other) });
    const subject = mostCommon(group.map((c) => subjectTitle(fullSubject(c.ref.subject, c.text, c.ref.end))));
    const typeName = mostCommon(group.map((c) => c.ref.type.name ?? c.ref.proseType)).value ?? ref.type.abbr ?? '';
    const term = ref.family === 'party' ? mostCommon(group.map((c) => termNumeral(c.ref.term) ?? c.ref.term)).value : termNumeral(ref.term) ?? ref.term;
    const suffix = first.place ? `@${first.place}` : '';
    const id = `${code}${suffix}${date ? `@${date}` : term ? `@khóa-${term}` : ''}~news`;
    const rec: DocumentRecord = {
      id, code, family: ref.family, number: numberKey(ref.number ?? code.replace(/\D.*$/, '')),
      typeAbbr: ref.type.abbr ?? '', typeName, issuerAbbr: ref.issuer.abbr ?? '',
      aliases: [], relations: [], readings, sources: sources.map((url) => ({ url })), confidence: 'news-only', knownFromNews: true,
      note: `known from news: what ${group.length} citing sentence${group.length > 1 ? 's' : ''} state${group.length > 1 ? '' : 's'}; not checked against the document itself` +
        (implied ? `; issuer as the code names it` : ''),
    };
    if (issuer.value) rec.issuer = issuer.value;
    if (date) rec.date = date;
    if (term) rec.term = term;
    if (subject.value) rec.title = subject.value;
    if (first.place) rec.place = first.place;
    records.push(rec);
  }
  return { records, misprints };
}

/** The records of knownFromNewsDetailed. */
export function knownFromNews(citations: readonly Citation[], known: ReadonlySet<string>, sourced: readonly DocumentRecord[] = []): DocumentRecord[] {
  return knownFromNewsDetailed(citations, known, sourced).records;
}
