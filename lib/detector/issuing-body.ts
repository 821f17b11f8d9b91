/** The issuing body as prose names it ("của Bộ Chính trị", "Ban Thường vụ Tỉnh ủy ban hành") and what code issuer it implies. */
import { PROSE_TYPES } from './abbreviations';
import { isoDate } from './dates';
import { hasDottedCapitalI, isSpace, lowerCode, matchesLowerAt } from './normalize';
import type { Family } from './types';
import { endsPlaceAfterDash, hasLocalBodyHead, NAME_OPENERS } from './place-names';

/** Words that end a body's name: what follows a name in a citation, never part of one. */
const STOP = new Set([
  'về', 've', 'ngày', 'khóa', 'khoá', 'nhiệm', 'và', 'hoặc', 'tại', 'đã', 'đang', 'sẽ', 'là', 'với', 'trong', 'đến',
  'để', 'nhằm', 'theo', 'được', 'cho', 'có', 'của', 'năm', 'tháng', 'số', 'này', 'đó', 'thì', 'mà', 'nhưng', 'ký',
  'quy', 'đề', 'phê', 'do', 'sửa', 'nếu', 'trước', 'sau', 'từ', 'vừa', 'mới', 'cũng', 'không', 'như', 'nêu', 'yêu', 'khi', 'vào', 'ra',
  'đặt', 'nhấn', 'khẳng', 'xác',
  'on', 'dated', 'of',
]);

/** Body names mapped to the issuer in their codes, most specific first. */
const BODIES: ReadonlyArray<readonly [RegExp, string, Family]> = [
  [/^Ban Tổ chức (Trung ương|TW|TƯ)/i, 'BTCTW', 'party'],
  [/^Ban Tuyên giáo và Dân vận (Trung ương|TW|TƯ)/i, 'BTGDVTW', 'party'],
  [/^Ban Tuyên giáo (Trung ương|TW|TƯ)/i, 'BTGTW', 'party'],
  [/^Ban Dân vận (Trung ương|TW|TƯ)/i, 'BDVTW', 'party'],
  [/^Ban Kinh tế (Trung ương|TW|TƯ)/i, 'BKTTW', 'party'],
  [/^Ban Nội chính (Trung ương|TW|TƯ)/i, 'BNCTW', 'party'],
  [/^Ban Chỉ đạo (Trung ương|TW|TƯ)/i, 'BCĐTW', 'party'],
  [/^(Ủy|Uỷ) ban Kiểm tra (Trung ương|TW|TƯ)/i, 'UBKTTW', 'party'],
  [/^Văn phòng (Trung ương|TW|TƯ)/i, 'VPTW', 'party'],
  [/^Quân (ủy|uỷ) (Trung ương|TW|TƯ)/i, 'QUTW', 'party'],
  [/^Đảng (ủy|uỷ) Quân sự (Trung ương|TW|TƯ)/i, 'ĐUQSTW', 'party'],
  [/^(Trung ương|TW|TƯ) Đoàn/i, 'TWĐTN', 'party'],
  [/^(Bộ Chính trị|BCT\b)/, 'TW', 'party'],
  [/^Ban Bí thư/i, 'TW', 'party'],
  [/^(Ban Chấp hành|BCH) (Trung ương|TW|TƯ)/i, 'TW', 'party'],
  [/^Hội nghị (lần thứ \S+ )?(Ban Chấp hành |BCH )?(Trung ương|TW|TƯ)/i, 'TW', 'party'],
  [/^(Trung ương|TW|TƯ)( Đảng)?$/i, 'TW', 'party'],
  [/(Tỉnh|Thành) (ủy|uỷ)|Đảng bộ (tỉnh|thành phố)/i, 'TU', 'party'],
  [/Huyện (ủy|uỷ)|Đảng bộ huyện/i, 'HU', 'party'],
  [/Quận (ủy|uỷ)|Đảng bộ quận/i, 'QU', 'party'],
  [/^Đảng (ủy|uỷ)/i, 'ĐU', 'party'],
  [/^Thủ tướng/i, 'TTg', 'state'],
  [/^Chính phủ/i, 'CP', 'state'],
  [/^(Ủy|Uỷ) ban Thường vụ Quốc hội|^UBTVQH/i, 'UBTVQH', 'state'],
  [/^Quốc hội|^QH$/i, 'QH', 'state'],
  [/^Hội đồng Bộ trưởng/i, 'HĐBT', 'state'],
  [/^(Ủy|Uỷ) ban nhân dân|^UBND/i, 'UBND', 'state'],
  [/^Hội đồng nhân dân|^HĐND/i, 'HĐND', 'state'],
  [/^Bộ [A-ZĐ]/, '', 'state'],
  [/^Ngân hàng Nhà nước/i, 'NHNN', 'state'],
];

export interface BodyFacts {
  /** The issuer abbreviation such a body puts in its codes ('' when the name alone does not say). */
  abbr: string;
  family: Family;
}

const factsByName = new Map<string, BodyFacts | null>();

export function bodyFacts(name: string): BodyFacts | undefined {
  let facts = factsByName.get(name);
  if (facts === undefined) {
    facts = null;
    for (const [re, abbr, family] of BODIES) {
      if (re.test(name)) {
        facts = Object.freeze({ abbr, family });
        break;
      }
    }
    if (factsByName.size > 5000) factsByName.clear();
    factsByName.set(name, facts);
  }
  return facts ?? undefined;
}

const isCapital = (w: string) => isCapitalCode(w.charCodeAt(0));

/**
 * Whether a UTF-16 unit changes in lower case (a capital letter), remembered per unit: lower-casing goes to the
 * runtime for Vietnamese letters, and names are read word by word for most references.
 */
const capitals = new Uint8Array(65536);
function isCapitalCode(c: number): boolean {
  if (c !== c) return false; // NaN: no character
  let known = capitals[c]!;
  if (known === 0) {
    const ch = String.fromCharCode(c);
    known = capitals[c] = ch !== ch.toLowerCase() ? 1 : 2;
  }
  return known === 1;
}

/** Stop words are short: a longer word needs no lower-casing to know it is none. */
const STOP_MAX_LENGTH = Math.max(...[...STOP].map((w) => w.length));
/** Stop words by their first character, for comparing a word in place, unit by unit in lower case. */
const STOP_BY_FIRST = new Map<number, string[]>();
for (const w of STOP) {
  const first = w.charCodeAt(0);
  if (!STOP_BY_FIRST.has(first)) STOP_BY_FIRST.set(first, []);
  STOP_BY_FIRST.get(first)!.push(w);
}

/**
 * The stop word that s holds in [pos, end), in any case, or undefined. Compared in place: a lower-case copy of
 * every word would go to the runtime. (İ lower-cases to two units, so a word holding it is no stop word either way.)
 */
function stopWordAt(s: string, pos: number, end: number): string | undefined {
  if (end - pos > STOP_MAX_LENGTH) return undefined;
  const candidates = STOP_BY_FIRST.get(lowerCode(s.charCodeAt(pos)));
  return candidates?.find((w) => w.length === end - pos && matchesLowerAt(s, pos, w, end));
}

/** Letters and digits of any script, for the test that a token is a word; ASCII and Vietnamese ones answered without a regex. */
const LETTER_OR_DIGIT = /[\p{L}\d]/u;
function isWordChar(c: number): boolean {
  if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  if (c < 0x80) return false;
  if ((c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff)) return true;
  return LETTER_OR_DIGIT.test(String.fromCharCode(c));
}
/** Whether a token holds a letter or digit (most do at their first character). */
function hasWordChar(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    // A surrogate pair may be a letter outside the BMP: ask the Unicode-aware regex about the whole pair.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      if (LETTER_OR_DIGIT.test(s.slice(i, i + 2))) return true;
      i++;
    } else if (isWordChar(c)) return true;
  }
  return false;
}

/** A word of a name; "&" only inside one ("Bộ GD&ĐT", "Sở NN&PTNT"). */
const TOKEN = /[^\s,;.:!?()“”"‘’'«»\[\]&|/]+(?:&(?=[A-Za-z\u00C0-\u024F\u1E00-\u1EFF])[^\s,;.:!?()“”"‘’'«»\[\]&|/]+)*/y;

/**
 * Reads a body name at position `from` of `s` (cleaned text, right after "của" or "do"): a capitalised first word,
 * then words up to punctuation or a word that cannot be part of a name. Returns the name and its length.
 * Reads in place (no copy of the rest of the sentence): this runs for most references.
 */
/** Abbreviations of "thành phố" and "thị xã" written with a period before the name ("TP. Hồ Chí Minh"). */
const CITY_ABBREVIATION = /^(?:TP|Tp|TX|Tx)$/;
/** Where each word of a name ends: one buffer reused by every call (a name has at most 14 words; no call nests). */
const ends = new Int32Array(14);

export function readBodyName(s: string, from = 0): { name: string; length: number } | undefined {
  /** How many words, and how many of them run up to the last capitalised one. */
  let count = 0;
  let capitalised = 0;
  let pos = from;
  while (count < 14) {
    while (s.charCodeAt(pos) === 32) pos++;
    TOKEN.lastIndex = pos;
    if (!TOKEN.test(s)) break;
    let end = TOKEN.lastIndex;
    // "Sở Y tế TP. Hồ Chí Minh": the period of a city's abbreviation stays inside the name.
    if (s.charCodeAt(end) === 46 && count > 0 && CITY_ABBREVIATION.test(s.slice(pos, end)) && isCapitalCode(s.charCodeAt(s.charCodeAt(end + 1) === 32 ? end + 2 : end + 1))) end++;
    if (!hasWordChar(s, pos, end)) {
      // A dash inside a place's name ("Tỉnh ủy Bà Rịa - Vũng Tàu", "UBND thành phố Phan Rang - Tháp Chàm").
      if (!(count > 0 && capitalised === count && dashInPlaceName(s, from, pos, end))) break;
      pos = end;
      ends[count++] = end;
      continue;
    }
    const capital = isCapitalCode(s.charCodeAt(pos));
    if (count === 0) {
      if (!capital) break;
    } else {
      const stop = stopWordAt(s, pos, end);
      if (stop !== undefined && !(stop === 'và' && nextIsCapital(s, end)) && !nameSyllableAt(s, pos, end, capitalised === count)) break;
      // "giao" before the body it assigns ("UBND tỉnh Quảng Nam giao Sở Tài chính …"), not "Bộ Ngoại giao".
      if (end - pos === 4 && s.startsWith('giao', pos) && ASSIGNEE.test(s.slice(end, end + 14))) break;
      // "Ban chỉ đạo …", "Ban tổ chức …" are names; "Chính phủ chỉ đạo …", "UBND ban hành …" a name and its verb.
      if (verbPairAt(s, pos, end) && !(count === 1 && s.startsWith('Ban ', from))) break;
    }
    pos = end;
    ends[count++] = end;
    if (capital) capitalised = count;
  }
  if (!count) return undefined;
  let end = ends[trimLowercaseTail(s, from, count, capitalised) - 1]!;
  // A central body's complete name followed by a lower-case word: the sentence going on ("của Thủ tướng Chính phủ
  // nhanh chóng xác định …", "… giao Bộ Tài chính chủ trì"), not part of the name.
  if (capitalised < count) {
    const complete = COMPLETE_CENTRAL.exec(s.slice(from, end));
    if (complete && complete[0].length < end - from) end = from + complete[0].length;
    // A local body's place is its name's last part: lower-case words after it go on with the sentence ("UBND quận
    // Hoàng Mai lại …", "UBND huyện Bắc Trà My phản hồi …").
    else if (capitalised > 0 && LOCAL_PLACE_AT_END.test(s.slice(from, ends[capitalised - 1]))) end = Math.min(end, ends[capitalised - 1]!);
  }
  return { name: s.slice(from, end), length: end - from };
}

/** The body "giao" assigns a task to. */
const ASSIGNEE = /^ (?:Sở|Bộ|UBND|Ủy|Uỷ|Ban|Cục|Tổng cục|Văn phòng|Công an|Chủ tịch|Thanh tra|Ngân hàng|Kho bạc)(?![\p{L}])/u;
/** A local body's name ending in its place: a people's committee or council and its level word, or a Party committee, then capitalised words only. */
const LOCAL_PLACE_AT_END = /(?:^|\s)(?:(?:UBND|HĐND|Ủy ban nhân dân|Uỷ ban nhân dân|Hội đồng nhân dân) (?:[Tt]ỉnh|[Tt]hành phố|TP\.?|[Hh]uyện|[Qq]uận|[Tt]hị xã|[Xx]ã|[Pp]hường)|(?:Tỉnh|Thành|Huyện|Quận) (?:ủy|uỷ))(?:(?: | ?[-–] ?)\p{Lu}[\p{L}.]*){1,6}$/u;
/** Central bodies whose names are complete as written: nothing in lower case goes on from them. */
const COMPLETE_CENTRAL = /^(?:Thủ tướng Chính phủ|Chính phủ|Quốc hội|Bộ Chính trị|Ban Bí thư(?: Trung ương Đảng)?|Ban Chấp hành Trung ương(?: Đảng)?)(?= \p{Ll})/u;

/**
 * Two-syllable verbs a body's name is followed by, never part of it in lower case ("của Bộ Tài chính hướng dẫn …",
 * "của Bộ Chính trị chỉ đạo …", "UBND tỉnh ban hành …"): without them the name ran on and was then cut back to its
 * capitalised words ("Bộ Tài", "Bộ Chính"), which named another body. Keyed by the first syllable.
 */
const VERB_PAIRS = new Map<string, string[]>([
  ['ban', ['hành']], ['hướng', ['dẫn']], ['chỉ', ['đạo', 'thị']], ['thực', ['hiện']], ['triển', ['khai']], ['tổ', ['chức']],
  ['chủ', ['trì']], ['phối', ['hợp']], ['kiểm', ['tra']], ['thông', ['báo', 'qua']], ['tiếp', ['tục']], ['quán', ['triệt']],
  ['lãnh', ['đạo']], ['giao', ['nhiệm']], ['kết', ['luận']], ['nhất', ['trí']],
]);
const VERB_PAIR_FIRST = new Set([...VERB_PAIRS.keys()].map((w) => w.charCodeAt(0)));
/** Whether the lower-case word at [pos, end) and the next one form such a verb. */
function verbPairAt(s: string, pos: number, end: number): boolean {
  // Cheap test first (this runs for every lower-case word of a name): the first syllables are 2 to 6 letters long
  // and open with one of a few letters.
  if (end - pos < 2 || end - pos > 6 || !VERB_PAIR_FIRST.has(s.charCodeAt(pos))) return false;
  const seconds = VERB_PAIRS.get(s.slice(pos, end));
  if (!seconds || s.charCodeAt(end) !== 32) return false;
  return seconds.some((w) => s.startsWith(w, end + 1) && !isWordChar(s.charCodeAt(end + 1 + w.length)));
}

/** Whether the lone dash at [pos, end) joins two parts of a place's name: a place head before it, a place word after. */
function dashInPlaceName(s: string, from: number, pos: number, end: number): boolean {
  if (end - pos !== 1 || (s[pos] !== '-' && s[pos] !== '–')) return false;
  if (!hasLocalBodyHead(s.slice(from, pos))) return false;
  const next = /^\s?([^\s,;.:!?()]+)/u.exec(s.slice(end, end + 20));
  return Boolean(next && isCapitalCode(next[1]!.charCodeAt(0)) && !endsPlaceAfterDash(next[1]!));
}

/**
 * Stop words that, capitalised, are syllables of places' and people's names: "TP Quy Nhơn", "huyện Như Thanh",
 * "quận Nam Từ Liêm", "huyện Năm Căn", "huyện Chợ Mới", "Đào Trọng Quy". Part of the name before a capitalised word,
 * or as the last word after one (the name then ends: a stop word, punctuation or the end follows). Not "Quy chế",
 * "Quy Định", "Như vậy", "Từ năm 2020": a lower-case word or a time word after them opens a new phrase.
 */
const NAME_SYLLABLES = new Set([...NAME_OPENERS, 'Mới']);
const TIME_WORDS = new Set(['năm', 'ngày', 'tháng']);
const NEXT_WORD = /^ ?([^\s,;.:!?()“”"‘’'«»\[\]]*)/u;
function nameSyllableAt(s: string, pos: number, end: number, afterCapital: boolean): boolean {
  const word = s.slice(pos, end);
  if (!NAME_SYLLABLES.has(word)) return false;
  const next = NEXT_WORD.exec(s.slice(end, end + 16))![1]!;
  if (word === 'Quy' && /^[đĐ]ịnh$/u.test(next)) return false;
  if (next && isCapitalCode(next.charCodeAt(0))) return nextIsCapital(s, end);
  if (!afterCapital) return false;
  const lower = next.toLowerCase();
  return !next || (STOP.has(lower) && !TIME_WORDS.has(lower));
}

/** "và" joins two parts of one name ("Bộ Giáo dục và Đào tạo"), not a name and the next citation ("và Nghị định …"). */
function nextIsCapital(s: string, from: number): boolean {
  // Within the next 40 characters, compared unit by unit in lower case (no lower-case copy of the rest).
  const end = Math.min(s.length, from + 40);
  let i = from;
  while (i < end && isSpace(s.charCodeAt(i))) i++;
  if (i >= end || !isCapitalCode(s.charCodeAt(i))) return false;
  if (hasDottedCapitalI(s, i, end)) {
    const lower = s.slice(i, end).toLowerCase();
    return !TYPE_WORDS.some((w) => lower.startsWith(w));
  }
  return !TYPE_WORDS.some((w) => matchesLowerAt(s, i, w, end));
}
const TYPE_WORDS = PROSE_TYPES.map(([w]) => w.toLowerCase()).filter(Boolean);

/**
 * Names mix capitalised words with the lower-case syllables of compounds ("Ban Chấp hành Đảng bộ tỉnh"), but a
 * run of four or more lower-case words that no capitalised word follows is the sentence going on
 * ("Chính phủ liên tục bị sự cố"): the name ends before it (keeping at least "Ủy ban nhân dân").
 */
function trimLowercaseTail(s: string, from: number, count: number, capitalised: number): number {
  // Words are one space apart in cleaned text, so the first n words are s.slice(from, ends[n - 1]).
  const i = Math.max(capitalised, 1);
  const run = count - i;
  if (run < 4) return count;
  if (i > 1) return i;
  // One capitalised word, then lower case: keep the shortest start that names a known body, else two words.
  for (let n = 2; n <= Math.min(count, 5); n++) {
    if (bodyFacts(s.slice(from, ends[n - 1]))) return n;
  }
  return 2;
}

/**
 * Bodies named before the type word: "Bộ Chính trị (đã) ban hành Kế hoạch số …", "Thủ tướng đã ký Chỉ thị số …",
 * "Thành ủy TP.HCM ban hành …" (a place's word may hold one period: "TP.HCM", "TP.").
 */
const BEFORE = /(?:[Nn]gày (\d{1,2})[-/.](\d{1,2})[-/.](\d{4}),? )?((?:Bộ Chính trị|Ban Bí thư(?: Trung ương Đảng)?|Ban Chấp hành Trung ương(?: Đảng)?|(?:Ban Thường vụ )?(?:Tỉnh|Thành|Huyện|Quận) (?:ủy|uỷ)(?:(?: [-–])? [A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ][^\s,.;:]*(?:\.[^\s,.;:]*)?){0,4}|Chính phủ|Thủ tướng Chính phủ|Thủ tướng|Ban Tổ chức Trung ương|Quốc hội))(?: [^\s,;:]+){0,3}? (?:đã |vừa |mới )*(?:ký(?: ban hành)?|ban hành) $/;

/** The body named before "ban hành" or "ký", and the date when the sentence opens with one ("Ngày 7-7-2023, Bộ Chính trị ban hành …"). */
export function bodyBefore(s: string): { name: string; date?: string } | undefined {
  if (!s.endsWith('ban hành ') && !s.endsWith('ký ') && !s.endsWith('có ') && !s.endsWith('ra ')) return undefined;
  const m = s.endsWith('có ') || s.endsWith('ra ') ? null : BEFORE.exec(s.slice(-120));
  if (!m) return anyBodyBefore(s.slice(-120));
  const date = m[3] ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
  return date ? { name: m[4]!, date } : { name: m[4]! };
}

/** The verb a body issues with, at the end: "(đã/vừa/lại) ban hành", "ký (ban hành)", "có", "ra". */
const VERB_AT_END = /(?:^|\s)(?:(?:đã|vừa|mới|cũng|lại|tiếp tục)\s+)*(?:ký ban hành|ban hành|ký|có|ra)\s+$/u;
/** Where a body's name may start: the head words of state and Party bodies and of their heads. */
const BODY_HEAD = /(?:^|[\s,(])((?:Phó\s+)?(?:Chủ tịch|Bộ trưởng|Thủ tướng|Chính phủ|UBND|HĐND|(?:Ủy|Uỷ) ban|Hội đồng|Bộ [A-ZĐ]|(?:Tỉnh|Thành|Huyện|Quận) (?:ủy|uỷ)|Tòa án|Toà án|Viện kiểm sát|Ngân hàng Nhà nước|Ban Thường vụ|Sở [A-ZĐ]|Tổng cục|Cục [A-ZĐ]))/gu;
/** A person's name between a body and its verb ("Bộ trưởng Bộ Công Thương Trần Tuấn Anh đã ban hành"): capitalised words. */
const PERSON = /^(?: \p{Lu}\p{Ll}*){0,4}$/u;

/**
 * Any body named right before the verb ("UBND tỉnh Hà Nam vừa có quyết định số …", "Chủ tịch UBND tỉnh Phú Thọ vừa
 * ký ban hành Văn bản số …", "Bộ trưởng Bộ Công Thương đã ra Quyết định số …"): the first body head before the verb
 * whose name (read as after "của") runs up to it, or to a person's name just before it.
 */
function anyBodyBefore(s: string): { name: string } | undefined {
  const verb = VERB_AT_END.exec(s);
  if (!verb) return undefined;
  const verbStart = verb.index + (verb[0].charCodeAt(0) === 32 ? 1 : 0);
  const heads: number[] = [];
  BODY_HEAD.lastIndex = 0;
  for (let m = BODY_HEAD.exec(s); m && m.index < verbStart; m = BODY_HEAD.exec(s)) heads.push(m.index + m[0].length - m[1]!.length);
  // The first head whose name runs up to the verb: "Chủ tịch UBND tỉnh …" whole, not its "UBND tỉnh …"; "Bộ Tài chính,
  // Thủ tướng có …" is the Prime Minister's (the ministry's name stops at the comma).
  const text = s.slice(0, verbStart).trimEnd();
  for (const head of heads) {
    const body = readBodyName(text, head);
    if (!body) continue;
    const rest = text.slice(head + body.length);
    if (PERSON.test(rest) && bodyLike(body.name)) return { name: body.name };
  }
  return undefined;
}

/** A name the sentence gives as a body (or its head: "Chủ tịch UBND …", "Bộ trưởng Bộ …"), not a lone title. */
function bodyLike(name: string): boolean {
  return /^(?:Phó\s+)?(?:Chủ tịch|Bộ trưởng)\s+\S/u.test(name) || !/^(?:Phó\s+)?(?:Chủ tịch|Bộ trưởng)$/u.test(name);
}
