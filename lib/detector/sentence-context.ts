/** What the sentence around a reference says: the prose type word before it; date, body, term and subject after it. */
import { PROSE_TYPES, proseTypeEntry } from './abbreviations';
import { readDate } from './dates';
import { PLENUM_WORDS, plenumNumber } from './plenum-number';
import { bodyBefore, readBodyName } from './issuing-body';
import { hasDottedCapitalI, isSpace, lowerCode, matchesLowerAt } from './normalize';

export interface SentenceFacts {
  proseType?: string;
  date?: string;
  issuerName?: string;
  term?: string;
  subject?: string;
  /** The plenum the sentence names for the document ("tại Hội nghị Trung ương 7 khóa X"). */
  plenum?: number;
  /** Two terms named together ("khóa XI, XII"): the reference names a document of each, not one. */
  severalTerms?: boolean;
  /** The place of a document header after the code ("Số 120-KL/TƯ  Nghệ An, ngày 2 tháng 3 năm 2021"). */
  headerPlace?: string;
}

/** Prose type words in lower case, in list order (longest first), grouped by their last character. */
const PROSE_WORDS_BY_LAST = new Map<number, string[]>();
for (const w of PROSE_TYPES.map(([word]) => word.toLowerCase()).filter(Boolean)) {
  const last = w.charCodeAt(w.length - 1);
  if (!PROSE_WORDS_BY_LAST.has(last)) PROSE_WORDS_BY_LAST.set(last, []);
  PROSE_WORDS_BY_LAST.get(last)!.push(w);
}
const LETTER = /\p{L}/u;
/** Whether the unit at i, lower-cased, is a letter (false before the start). */
function isLetterAt(s: string, i: number): boolean {
  return i >= 0 && LETTER.test(String.fromCharCode(lowerCode(s.charCodeAt(i))));
}

/** Canonical spelling of a prose type word ("quy định" → "Quy định"). */
export function canonicalProseType(word: string): string {
  return proseTypeEntry(word)?.[0] ?? word;
}

/**
 * Length of what may stand between a type word and its code at the end of `tail`: "số" (or "so", any case) with
 * a colon, spaces and colons, an opening parenthesis: " số: (" in "Quy định số: (". Read backwards, in place.
 */
function fillerAtEnd(tail: string): number {
  let i = tail.length;
  if (tail.charCodeAt(i - 1) === 40 /* ( */) i--;
  while (i > 0 && (tail.charCodeAt(i - 1) === 32 || tail.charCodeAt(i - 1) === 58)) i--;
  if (i >= 3 && tail.charCodeAt(i - 3) === 32) {
    const s = tail.charCodeAt(i - 2);
    const o = tail.charCodeAt(i - 1);
    if ((s === 115 || s === 83) && (o === 0x1ed1 || o === 0x1ed0 || o === 111 || o === 79)) i -= 3;
  }
  return tail.length - i;
}

/** Reads the type word that ends `before` (cleaned text up to the code). */
export function readBefore(before: string): { proseType?: string; issuerName?: string; date?: string; namedLaw?: true } {
  // Only the last few words matter: anchored regexes would try every position of the window.
  const tail = before.slice(-40);
  const restEnd = tail.length - fillerAtEnd(tail);
  let word: string | undefined;
  let restLength = restEnd;
  if (hasDottedCapitalI(tail, 0, restEnd)) {
    // İ lower-cases to two units, which shifts what follows: compare on a lower-case copy.
    const rest = tail.slice(0, restEnd).toLowerCase();
    restLength = rest.length;
    const candidates = PROSE_WORDS_BY_LAST.get(rest.charCodeAt(rest.length - 1));
    word = candidates?.find((w) => rest.endsWith(w) && !LETTER.test(rest[rest.length - w.length - 1] ?? ''));
  } else {
    // Compared unit by unit in lower case, in place. Only words ending in the same character can end the text.
    const candidates = PROSE_WORDS_BY_LAST.get(lowerCode(tail.charCodeAt(restEnd - 1)));
    word = candidates?.find(
      (w) => matchesLowerAt(tail, restEnd - w.length, w, restEnd) && !isLetterAt(tail, restEnd - w.length - 1),
    );
  }
  if (!word) return permitBefore(tail, restEnd) ?? typeOfBodyBefore(before) ?? namedLawBefore(before);
  const headEnd = before.length - tail.length + restLength - word.length;
  // bodyBefore wants the text before the type word only when it ends with "ban hành " or "ký ".
  const body = before.endsWith('ban hành ', headEnd) || before.endsWith('ký ', headEnd) || before.endsWith('có ', headEnd) || before.endsWith('ra ', headEnd) ? bodyBefore(before.slice(0, headEnd)) : undefined;
  return { proseType: canonicalProseType(word), issuerName: body?.name, date: body?.date };
}

/** "giấy phép xây dựng số 95/GPXD", "Giấy phép khai thác khoáng sản số …": the kind of permit may stand between. */
const PERMIT = /(?:^|[^\p{L}])giấy phép(?: \p{L}+){0,4}$/iu;
function permitBefore(tail: string, restEnd: number): { proseType?: string } | undefined {
  const c = lowerCode(tail.charCodeAt(restEnd - 1));
  // Cheap test first: most tails end in no type word and hold no "giấy phép".
  if (c !== c || !isLetterAt(tail, restEnd - 1) || !tail.toLowerCase().includes('giấy phép')) return undefined;
  return PERMIT.test(tail.slice(0, restEnd)) ? { proseType: 'Giấy phép' } : undefined;
}

/** " số", " số:", " số " at the end (tested on the last few characters: an end-anchored pattern would try every position). */
const ENDS_WITH_SO = / s[ốo]:? ?$/;

/**
 * The type word and its body before the number, the formal order: "Quyết định của Thủ tướng Chính phủ số
 * 1234/QĐ-TTg", "Nghị quyết của Quốc hội số 43/2022/QH15": the body's name must run up to "số".
 */
function typeOfBodyBefore(before: string): { proseType?: string; issuerName?: string } | undefined {
  if (!ENDS_WITH_SO.test(before.slice(-5))) return undefined;
  const near = before.slice(-120);
  const of = near.lastIndexOf(' của ');
  if (of < 0) return undefined;
  const body = readBodyName(near, of + 5);
  if (!body || !/^ s[ốo]:? ?$/.test(near.slice(of + 5 + body.length))) return undefined;
  const type = readBefore(near.slice(0, of + 1)).proseType;
  return type ? { proseType: type, issuerName: body.name } : undefined;
}

/**
 * A law named before its number: "Luật Doanh nghiệp số 68/2014/QH13", "Bộ luật Hình sự số 100/2015/QH13", "Luật
 * Phòng, chống tham nhũng số 36/2018/QH14", "Pháp lệnh Công an xã số 06/2008/PL-UBTVQH12": the type word, a
 * capitalised name (its lower-case words and one comma too), then "số". Not a school or firm named for the law
 * ("Trường Đại học Luật Hà Nội số …"), nor across a clause ("Luật Đất đai thì thửa đất số …"); the caller keeps it
 * only for a law's code (namedLaw).
 */
const NAMED_LAW = /(?:^|[^\p{L}])(Bộ luật|Luật|Pháp lệnh) (\p{Lu}[\p{L} ]{0,60}(?:, [\p{L} ]{1,40})?) (?:số|số:) ?$/u;
const INSTITUTION_BEFORE = /(?:học|[Kk]hoa|[Vv]iện|[Tt]rường|[Cc]ông ty|[Vv]ăn phòng|[Hh]ãng)\s$/u;
const CLAUSE_WORDS = /(?:^|\s)(?:thì|là|của|được|đã|có|tại|với|cho|để|khi|nếu|mà|này|đó|theo|từ|đến)(?:\s|$)/u;
function namedLawBefore(before: string): { proseType?: string; namedLaw?: true } {
  // Cheap test first: the text ends with "số " and names one of the words.
  if (!ENDS_WITH_SO.test(before.slice(-5))) return {};
  const near = before.slice(-110);
  if (!/Luật|luật|Pháp lệnh/.test(near)) return {};
  const m = NAMED_LAW.exec(near);
  if (!m || CLAUSE_WORDS.test(m[2]!)) return {};
  const at = m.index + m[0].indexOf(m[1]!);
  if (INSTITUTION_BEFORE.test(near.slice(Math.max(0, at - 12), at))) return {};
  return { proseType: m[1], namedLaw: true };
}

// Sticky: tried exactly at the reading position, so the sentence is read in place, never copied clause by clause.
const TERM = /(?:khóa|khoá|khoa)\s+([IVXLC]+)\b/iy;
/** A second term after the first ("khóa XI, XII", "khóa XI và khóa XII"): capitals only, a whole word. */
const MORE_TERM = /\s*(?:,|và)\s*(?:[Kk]hóa\s+|[Kk]hoá\s+)?[IVXLC]+(?![\p{L}\d])/uy;
/** "ban hành", "ký ban hành", "phê duyệt", and "ký" alone before a date or the clause's end ("ký ngày 9.6.2017"). */
const ISSUED = /(?:(?:đã|được|vừa|mới)\s+)*(?:(?:ký\s+)?ban hành\b|phê (?:duyệt|chuẩn)(?=[\s,;:)]|$)|ký(?=[\s,;:)]|$))/iy;
const BY = /(?:của|do|được)\s+/iy;
/**
 * A place and a comma before the date, as a document's header has it after the code ("Nghệ An, ngày 2 tháng 3 năm
 * 2021", "Bà Rịa - Vũng Tàu, ngày …").
 */
const HEADER_PLACE = /(?:T[Pp]\.\s?)?\p{Lu}\p{Ll}*(?:(?:\s[-–]\s|[ -])\p{Lu}\p{Ll}*){0,4},\s(?=ngày\s)/uy;
const ABOUT = /về\s/iy;
/**
 * The plenum that adopted a resolution, after its code: "tại Hội nghị Trung ương 7", "(Hội nghị lần thứ bảy Ban Chấp
 * hành Trung ương Đảng", "của Hội nghị TƯ 5". The number is a numeral or a word ("lần thứ năm").
 */
const PLENUM_AFTER = new RegExp(
  `(?:(?:tại|của|ở)\\s+)?Hội nghị\\s+(?:(?:Ban Chấp hành|BCH)\\s+)?(?:(?:Trung ương|TƯ|T\\.Ư|TW)(?:\\s+Đảng)?\\s+(?:(?:lần thứ|lần)\\s+(\\d{1,2}|${PLENUM_WORDS})|(\\d{1,2}))` +
    `|lần thứ\\s+(\\d{1,2}|${PLENUM_WORDS})\\s+(?:của\\s+)?(?:Ban Chấp hành|BCH)\\s+(?:Trung ương|TƯ|T\\.Ư|TW)(?:\\s+Đảng)?)(?![\\p{L}\\d])`,
  'iuy',
);

/** First letters of ISSUED in either case (đã, được, vừa, mới, ký, ban hành, phê), ASCII ones lower-cased. */
const ISSUED_OPENERS = new Set([0x110, 0x111, 118, 109, 107, 98, 112]);
/** ASCII letters lower-cased; every other code unchanged. */
const asciiLower = (c: number) => (c >= 65 && c <= 90 ? c | 0x20 : c);

function at(re: RegExp, s: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(s);
}
/** Whether a sticky pattern matches at `pos`; its end is then `re.lastIndex` (no match array built). */
function matchesAt(re: RegExp, s: string, pos: number): boolean {
  re.lastIndex = pos;
  return re.test(s);
}

/** Whether the unit at pos may open a capitalised word (an ASCII capital, or any letter beyond ASCII: checked by the pattern). */
function isUpperAt(s: string, pos: number): boolean {
  const c = s.charCodeAt(pos);
  return (c >= 65 && c <= 90) || c >= 0xc0;
}

/** Skips white space, commas and parentheses between clauses. */
function skipJoiners(s: string, pos: number): number {
  for (; pos < s.length; pos++) {
    const c = s.charCodeAt(pos);
    if (c !== 44 && c !== 40 && c !== 41 && !isSpace(c)) break;
  }
  return pos;
}

/**
 * Reads what follows a reference in its sentence (`after` is cleaned text from the reference's end to the
 * sentence's end or the next reference). Clauses come in any order: date, "của" body, term, "ban hành", then "về" subject.
 */
export function readAfter(after: string): SentenceFacts {
  const facts: SentenceFacts = {};
  const s = after;
  let pos = 0;
  for (let step = 0; step < 8; step++) {
    pos = skipJoiners(s, pos);
    let m: RegExpExecArray | null;
    // Each clause is tried only if the text opens with one of its first letters (in either case).
    const c = asciiLower(s.charCodeAt(pos));
    const date = facts.date ? undefined : readDate(s, pos);
    if (date) {
      facts.date = date.date;
      pos += date.length;
    } else if (facts.plenum === undefined && (c === 116 || c === 99 || c === 104 || c === 0x1edf || c === 0x1ede) /* t c h ở Ở */ && (m = at(PLENUM_AFTER, s, pos))) {
      facts.plenum = plenumNumber(m[1] ?? m[2] ?? m[3]!);
      // "của Hội nghị lần thứ 7 Ban Chấp hành Trung ương": the plenum is also the body that adopted it.
      if (!facts.issuerName && /^của\s/i.test(m[0])) facts.issuerName = m[0].replace(/^của\s+/i, '');
      pos += m[0].length;
    } else if ((c === 99 || c === 100 || c === 0x111 || c === 0x110) /* c d đ Đ */ && matchesAt(BY, s, pos)) {
      const nameAt = BY.lastIndex;
      const by = s.charCodeAt(pos) === 0x111 || s.charCodeAt(pos) === 0x110;
      const body = readBodyName(s, nameAt);
      if (by) {
        // "được Thủ tướng Chính phủ ban hành ngày 7/7/2014": a body only before "ban hành" or "ký" (else a verb follows:
        // "được UBND tỉnh phê duyệt"); "được ban hành" is read below.
        if (body && !facts.issuerName && matchesAt(ISSUED, s, skipJoiners(s, nameAt + body.length))) {
          facts.issuerName = body.name;
          pos = nameAt + body.length;
        } else if (matchesAt(ISSUED, s, pos)) pos = ISSUED.lastIndex;
        else break;
      } else if (!body) break;
      else if (!facts.issuerName) {
        facts.issuerName = body.name;
        pos = nameAt + body.length;
      } else if (s.charCodeAt(pos) === 100 || s.charCodeAt(pos) === 68) {
        // A second "do …" names who signed ("của Thủ tướng Chính phủ do Phó Thủ tướng … ký ngày …"): passed over.
        pos = nameAt + body.length;
      } else break;
    } else if (!facts.term && !facts.severalTerms && c === 107 /* k */ && (m = at(TERM, s, pos))) {
      pos += m[0].length;
      if (matchesAt(MORE_TERM, s, pos)) {
        facts.severalTerms = true;
        pos = MORE_TERM.lastIndex;
      } else facts.term = m[1]!.toUpperCase();
    } else if (ISSUED_OPENERS.has(c) && matchesAt(ISSUED, s, pos)) {
      pos = ISSUED.lastIndex;
    } else if (c === 118 /* v */ && matchesAt(ABOUT, s, pos)) {
      facts.subject = readSubject(s, pos);
      break;
    } else if (!facts.date && isUpperAt(s, pos) && matchesAt(HEADER_PLACE, s, pos)) {
      const header = readDate(s, HEADER_PLACE.lastIndex);
      if (!header) break;
      facts.date = header.date;
      facts.headerPlace = s.slice(pos, HEADER_PLACE.lastIndex).replace(/,\s$/, '');
      pos = HEADER_PLACE.lastIndex + header.length;
    } else break;
  }
  return facts;
}

const QUOTED = /về\s+(?:việc\s+)?[“"]([^”"]{1,300})[”"]/iy;
const CLAUSE_END = /[.;!?\n]|[“”"]|\s[-–]\s/g;

/** "về …" from `pos` up to the clause's end; a quoted title is taken whole. */
function readSubject(s: string, pos: number): string {
  const quoted = at(QUOTED, s, pos);
  if (quoted) return quoted[0];
  CLAUSE_END.lastIndex = pos;
  const end = CLAUSE_END.exec(s)?.index ?? s.length;
  let to = Math.min(end, pos + 240);
  // Drop trailing spaces, commas and colons.
  while (to > pos) {
    const c = s.charCodeAt(to - 1);
    if (c !== 44 && c !== 58 && !isSpace(c)) break;
    to--;
  }
  return s.slice(pos, to);
}
