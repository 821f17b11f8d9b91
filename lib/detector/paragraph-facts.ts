/**
 * What a reference's sentence and paragraph state beyond its own clause:
 * - a governing clause before the sentence's first reference ("Bộ Chính trị khóa IX đã ban hành …", "Ban Thường vụ
 *   Tỉnh ủy ban hành các văn bản: …") gives its issuing body, and for central Party bodies its term, to every
 *   reference of the sentence (and of a list that follows it after a colon) that states none of its own and whose
 *   code that body could have issued;
 * - the place a local code belongs to (…/TU, …/HU, …/QĐ-UBND): the one its sentence names, else the last one its
 *   paragraph names before it, of the level the code needs (a province for …/TU, a district for …/HU).
 * Pure; reads the text in place, linear in its length.
 */
import { bodyFacts } from './issuing-body';
import { endsSentenceAt } from './sentence-bounds';
import { placesIn, type NamedPlace, type PlaceLevel } from './place-names';
import type { Reference } from './types';

const GOVERNING =
  /(Bộ Chính trị|Ban Bí thư(?: Trung ương Đảng)?|Ban Chấp hành Trung ương(?: Đảng)?|Ban Thường vụ (?:Tỉnh|Thành|Huyện|Quận) (?:ủy|uỷ)(?: [A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ][^\s,.;:]*){0,3}|(?:Tỉnh|Thành|Huyện|Quận) (?:ủy|uỷ)(?: [A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ][^\s,.;:]*){0,3}|Chính phủ|Thủ tướng Chính phủ|Quốc hội)(?:,? (?:khóa|khoá) ([IVXLC]+)\b)?,?(?: [^\s,.;:]+){0,3}? (?:đã |vừa |mới |lần lượt )*(?:ký )?ban hành\b/u;
const CENTRAL_PARTY = /^(?:Bộ Chính trị|Ban Bí thư|Ban Chấp hành Trung ương)/u;
/**
 * A verb that makes what follows the object of another act than the governing "ban hành": "Tỉnh ủy ban hành Chương
 * trình hành động thực hiện Nghị quyết số 57" issues the programme, not the resolution it carries out.
 */
const NESTED_VERB = /(?:^|[^\p{L}])(?:thực hiện|triển khai|quán triệt|cụ thể (?:hóa|hoá)|sơ kết|tổng kết|căn cứ|theo|thi hành|thay thế|sửa đổi|bổ sung)(?![\p{L}])/iu;
/** A document the governing verb issues, named without a code before such a verb ("ban hành Chương trình hành động thực hiện …"). */
const ISSUED_DOCUMENT = /(?:^|[^\p{L}])(?:chương trình|kế hoạch|đề án|hướng dẫn|văn bản|quy chế|quy định|quyết định|nghị quyết|chỉ thị|kết luận|thông báo|công văn|nghị định|thông tư|dự án|báo cáo)(?![\p{L}])/iu;
/** Where a new clause or list member starts: a comma, semicolon or colon, "và", "hoặc". */
const CLAUSE_BREAK = /(?:[,;:]|\svà|\shoặc)\s/gu;

/**
 * Whether the text between the governing verb (or the list item's start, or the previous reference: `from`) and a
 * reference makes it the object of another act. Only the reference's own clause counts (after the last comma, "và"
 * or colon: an earlier title's words are not its verb), and the verb must follow what the body issues: the previous
 * reference ("Kết luận số 11-KL/TW về tiếp tục thực hiện Chỉ thị số 05") or a document named without a code
 * ("ban hành Chương trình hành động thực hiện Nghị quyết số 57"), not "ban hành theo thẩm quyền Quy định số 13".
 */
function nestedInAnotherAct(text: string, from: number, to: number, afterReference: boolean): boolean {
  let clause = text.slice(from, to);
  let cut = -1;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(clause); m; m = CLAUSE_BREAK.exec(clause)) cut = m.index + m[0].length;
  if (cut >= 0) clause = clause.slice(cut);
  if (cut < 0 && afterReference) return NESTED_VERB.test(clause);
  const issued = ISSUED_DOCUMENT.exec(clause);
  return Boolean(issued && NESTED_VERB.test(clause.slice(issued.index + issued[0].length)));
}
const LIST_ITEM = /^\s*(?:[-+•*–]|\d{1,2}[.)]|[a-zđ][.)])\s/u;
const LOCAL_PROVINCE = new Set(['TU', 'BTGTU', 'BTCTU', 'UBKTTU', 'VPTU', 'BDVTU', 'BNCTU']);
const LOCAL_DISTRICT = new Set(['HU', 'QU', 'THU', 'TXU']);

/** The level of the people's committee or council a sentence names ("UBND huyện", "Ủy ban nhân dân tỉnh", "UBND phường"). */
/** The same, as the whole of the body a sentence credits with a code ("Chủ tịch UBND huyện Thanh Trì"). */
const CREDITED_BODY_LEVEL = /^(?:(?:Phó\s+)?Chủ tịch\s+)?(?:UBND|HĐND|Ủy ban nhân dân|Uỷ ban nhân dân|Hội đồng nhân dân)\s+(tỉnh|thành phố|TP|huyện|quận|thị xã|phường|xã|thị trấn)(?![\p{L}])/iu;
const STATE_BODY_LEVEL = /(?:UBND|HĐND|Ủy ban nhân dân|Uỷ ban nhân dân|Hội đồng nhân dân)\s+(tỉnh|thành phố|TP|huyện|quận|thị xã|phường|xã|thị trấn)(?![\p{L}])/iu;

/**
 * The level of place a local code needs, undefined for others. A Party code says it (…/TU a province, …/HU a
 * district); a people's committee code (…/QĐ-UBND) does not, so the body the sentence credits with it, else the first
 * the sentence names ("UBND huyện …" or "UBND tỉnh …") does,
 * and without one a province is meant; a commune's ('phường', 'xã') is not placed at all.
 */
function placeLevel(ref: Reference, sentence: string): PlaceLevel | undefined {
  const issuer = ref.issuer.abbr?.toUpperCase();
  if (!issuer) return undefined;
  if (LOCAL_PROVINCE.has(issuer)) return 'province';
  if (LOCAL_DISTRICT.has(issuer)) return 'district';
  if (!/(?:^|-)(?:UBND|HĐND)(?:-|$)/.test(issuer)) return undefined;
  // The body the sentence credits with the code ("… của Chủ tịch UBND huyện Thanh Trì") before any other it names.
  const level = ((ref.issuerName && CREDITED_BODY_LEVEL.exec(ref.issuerName)) || STATE_BODY_LEVEL.exec(sentence))?.[1]?.toLowerCase();
  if (level === 'phường' || level === 'xã' || level === 'thị trấn') return undefined;
  return level === 'huyện' || level === 'quận' || level === 'thị xã' ? 'district' : 'province';
}

/** Whether a body could have issued the reference's code ("Tỉnh ủy" issues …/TU, not …/TW). */
function fits(ref: Reference, body: string): boolean {
  const implied = bodyFacts(body);
  if (!implied) return false;
  if (!ref.code) return ref.family === implied.family;
  return implied.abbr === '' || ref.issuer.abbr?.split('-')[0]?.toUpperCase() === implied.abbr.toUpperCase();
}

/** Characters read each side of a reference for its context. */
export const CONTEXT_WINDOW = 200;

/**
 * For each UTF-16 unit: its folded ASCII letter or digit (accents removed, đ → d, lower case), or 0 for anything
 * else. Built once, for the Latin ranges Vietnamese uses; a table, because this runs for every reference.
 */
let FOLD: Uint8Array | undefined;
function foldTable(): Uint8Array {
  if (FOLD) return FOLD;
  const table = new Uint8Array(65536);
  const fill = (from: number, to: number) => {
    for (let c = from; c <= to; c++) {
      const base = String.fromCharCode(c).normalize('NFD').charCodeAt(0);
      const lower = base >= 65 && base <= 90 ? base | 0x20 : base;
      if ((lower >= 97 && lower <= 122) || (lower >= 48 && lower <= 57)) table[c] = lower;
    }
  };
  fill(0x30, 0x24f);
  fill(0x1e00, 0x1eff);
  table[0x111] = table[0x110] = table[0xd0] = 100; // đ Đ Ð
  return (FOLD = table);
}

/** Where folded words are written before becoming a string (a context is at most 2 × CONTEXT_WINDOW + 1 units). */
const FOLDED = new Uint8Array(2 * CONTEXT_WINDOW + 2);
const ASCII = new TextDecoder('latin1');

/** Appends the folded words of text[from, to) to FOLDED from `n`; returns the new length. */
function foldInto(text: string, from: number, to: number, n: number, table: Uint8Array): number {
  let space = n > 0;
  for (let i = from; i < to; i++) {
    const f = table[text.charCodeAt(i)]!;
    if (f === 0) {
      space = n > 0;
    } else {
      if (space) { FOLDED[n++] = 32; space = false; }
      FOLDED[n++] = f;
    }
  }
  return n;
}

/**
 * The words of text[from, to) and of text[from2, to2), accents folded (đ → d), lower case, every run of other
 * characters one space: one pass, into one reused buffer.
 */
function foldWords(text: string, from: number, to: number, from2: number, to2: number): string {
  const table = foldTable();
  const n = foldInto(text, from2, to2, foldInto(text, from, to, 0, table), table);
  return ASCII.decode(FOLDED.subarray(0, n));
}

/** How far a sentence is read around its references (a longer sentence is read in this window: linear time). */
const SENTENCE_WINDOW = 300;

/** Start of the sentence holding `pos`, not before `floor` nor further back than SENTENCE_WINDOW. */
function sentenceStartOf(text: string, pos: number, floor: number): number {
  floor = Math.max(floor, pos - SENTENCE_WINDOW);
  for (let i = pos - 1; i > floor; i--) {
    const c = text.charCodeAt(i);
    if ((c === 46 || c === 33 || c === 63 || c === 59) && text.charCodeAt(i + 1) <= 32 && endsSentenceAt(text, i)) return i + 1;
  }
  return floor;
}
function sentenceEndOf(text: string, pos: number, ceiling: number): number {
  ceiling = Math.min(ceiling, pos + SENTENCE_WINDOW);
  for (let i = pos; i < ceiling; i++) {
    const c = text.charCodeAt(i);
    if ((c === 46 || c === 33 || c === 63 || c === 59) && (i + 1 >= ceiling || text.charCodeAt(i + 1) <= 32) && endsSentenceAt(text, i)) return i + 1;
  }
  return ceiling;
}

/** A clause "… (đã) ban hành" and what it governs: the rest of its sentence, or the list its colon opens. */
interface Governing {
  body: string;
  term?: string;
  sentenceEnd: number;
  listUntil: number;
  /** Where its verb ends. */
  verbEnd: number;
}

export function readParagraphs(text: string, refs: Reference[]): void {
  let governing: Governing | undefined;
  /** Where the previous reference ends: a nested verb is looked for between it and the next one. */
  let previousEnd = 0;
  let paragraphStart = -1;
  let paragraphEnd = -1;
  /** Places the paragraph names, read on first need. */
  let places: NamedPlace[] | undefined;
  /** The sentence last read (only sentences that need reading are: a governing clause, a local code's place). */
  let sentenceStart = -1;
  let sentenceEnd = -1;
  const readSentence = (ref: Reference) => {
    if (ref.start >= sentenceStart && ref.end <= sentenceEnd) return;
    sentenceStart = sentenceStartOf(text, ref.start, paragraphStart);
    sentenceEnd = sentenceEndOf(text, ref.end, paragraphEnd);
  };
  let lastGoverningCheck = -1;
  /** Where "ban hành" stands in the text (found once, in order), and the next one not yet passed. */
  const issuedAt: number[] = [];
  for (let i = text.indexOf('ban hành'); i !== -1; i = text.indexOf('ban hành', i + 8)) issuedAt.push(i);
  let nextIssued = 0;
  for (const ref of refs) {
    if (ref.start >= paragraphEnd) {
      paragraphStart = text.lastIndexOf('\n', ref.start - 1) + 1;
      const nl = text.indexOf('\n', ref.end);
      paragraphEnd = nl === -1 ? text.length : nl;
      places = undefined;
      // A list item: the clause that opens the list (the line before its first item, ending with a colon) governs it.
      const listItem = LIST_ITEM.test(text.slice(paragraphStart, Math.min(ref.start + 1, paragraphStart + 12)));
      if (governing && !(listItem && ref.start <= governing.listUntil)) governing = undefined;
      if (!governing && listItem) governing = listOpener(text, paragraphStart);
    } else if (governing && ref.start >= governing.sentenceEnd && ref.start > governing.listUntil) governing = undefined;
    // A governing clause ("… ban hành") stands before the sentence's first reference.
    while (nextIssued < issuedAt.length && issuedAt[nextIssued]! + 8 <= ref.start) nextIssued++;
    const last = nextIssued > 0 ? issuedAt[nextIssued - 1]! : -1;
    const issued = last >= Math.max(paragraphStart, ref.start - SENTENCE_WINDOW, lastGoverningCheck + 1) ? last : -1;
    if (issued >= 0) {
      lastGoverningCheck = issued;
      readSentence(ref);
      if (issued >= sentenceStart) {
        const m = GOVERNING.exec(text.slice(sentenceStart, ref.start));
        if (m) {
          const endsWithColon = text.slice(Math.max(sentenceStart, paragraphEnd - 8), paragraphEnd).trimEnd().endsWith(':');
          governing = { body: m[1]!, ...(m[2] ? { term: m[2].toUpperCase() } : {}), sentenceEnd, listUntil: endsWithColon ? listEnd(text, paragraphEnd) : sentenceEnd, verbEnd: sentenceStart + m.index + m[0].length };
        }
      }
    }
    // Governed: what stands between the verb (or the list item's start, or the previous reference) and this one
    // makes it no object of another act ("… ban hành Kế hoạch … thực hiện Nghị quyết số 57").
    const scopeStart = governing ? (ref.start < governing.sentenceEnd ? governing.verbEnd : paragraphStart) : 0;
    const governed = governing && !nestedInAnotherAct(text, Math.max(scopeStart, previousEnd), ref.start, previousEnd > scopeStart);
    previousEnd = ref.end;
    if (governed && governing && !ref.issuerName && fits(ref, governing.body)) ref.issuerName = governing.body;
    if (governed && governing?.term && !ref.term && CENTRAL_PARTY.test(governing.body) && ref.family === 'party' && (ref.issuer.abbr ?? 'TW').toUpperCase() === 'TW' && fits(ref, governing.body)) {
      ref.term = governing.term;
    }
    const local = isLocal(ref);
    if (local && !ref.place) {
      readSentence(ref);
      const level = placeLevel(ref, text.slice(sentenceStart, sentenceEnd));
      if (level) {
        places ??= placesIn(text, paragraphStart, paragraphEnd);
        const found = placeFor(places, level, ref, sentenceStart, sentenceEnd);
        if (found) {
          ref.place = found.place.name;
          ref.placeFrom = found.from;
        }
      }
    }
    // What the passage is about, for telling apart documents whose numbers restart: not needed where a full date,
    // a state code's year or a local code's place decides.
    if (!local && ref.date?.length !== 10 && !(ref.family === 'state' && (ref.codeYear || (ref.code && /\/\d{4}\//.test(ref.code))))) {
      ref.context = foldWords(text, Math.max(paragraphStart, ref.start - CONTEXT_WINDOW), ref.start, ref.end, Math.min(paragraphEnd, ref.end + CONTEXT_WINDOW));
    }
  }
}

/** Whether a reference's issuer is a local body (…/TU, …/HU, …/QĐ-UBND). */
export function isLocal(ref: Reference): boolean {
  const issuer = ref.issuer.abbr;
  if (!issuer) return false;
  return LOCAL_PROVINCE.has(issuer) || LOCAL_DISTRICT.has(issuer) || issuer.includes('UBND') || issuer.includes('HĐND');
}

/** Places looked at before a sentence, at most: a paragraph naming many places costs each reference little. */
const PLACES_BACK = 20;

/**
 * The place of the level a local code needs: the nearest its sentence names, else the last its paragraph names
 * before the sentence. `places` are in text order; found by binary search (linear in all for a whole page).
 */
function placeFor(places: readonly NamedPlace[], level: PlaceLevel, ref: Reference, sentenceStart: number, sentenceEnd: number): { place: NamedPlace; from: 'sentence' | 'paragraph' } | undefined {
  let lo = 0;
  let hi = places.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (places[mid]!.start < sentenceStart) lo = mid + 1;
    else hi = mid;
  }
  let best: NamedPlace | undefined;
  for (let i = lo; i < places.length && places[i]!.start < sentenceEnd; i++) {
    const p = places[i]!;
    if (p.level === level && p.end <= sentenceEnd && (!best || distance(p, ref) < distance(best, ref))) best = p;
  }
  if (best) return { place: best, from: 'sentence' };
  for (let i = lo - 1; i >= 0 && i >= lo - PLACES_BACK; i--) {
    const p = places[i]!;
    if (p.level === level && p.end <= sentenceStart) return { place: p, from: 'paragraph' };
  }
  return undefined;
}

function distance(p: NamedPlace, ref: Reference): number {
  return p.end <= ref.start ? ref.start - p.end : p.start >= ref.end ? p.start - ref.end : 0;
}

/** End of the list lines that follow a paragraph ending with a colon. */
function listEnd(text: string, paragraphEnd: number): number {
  let end = paragraphEnd;
  while (end < text.length) {
    const next = text.indexOf('\n', end + 1);
    const line = text.slice(end + 1, next === -1 ? text.length : next);
    if (!LIST_ITEM.test(line)) break;
    end = next === -1 ? text.length : next;
  }
  return end;
}

/** The governing clause of the line that opens the list holding the line at `lineStart` (items may run over lines). */
function listOpener(text: string, lineStart: number): Governing | undefined {
  let end = lineStart - 1;
  for (let steps = 0; end > 0 && steps < 50; steps++) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    if (LIST_ITEM.test(line) || !line.trim()) { end = start - 1; continue; }
    if (!/:\s*$/.test(line)) return undefined;
    const sentence = line.slice(sentenceStartOf(line, line.length, 0));
    const m = GOVERNING.exec(sentence);
    return m ? { body: m[1]!, ...(m[2] ? { term: m[2].toUpperCase() } : {}), sentenceEnd: end, listUntil: listEnd(text, end), verbEnd: end } : undefined;
  }
  return undefined;
}
