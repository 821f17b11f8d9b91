/**
 * Places a text names: "Tỉnh ủy Thanh Hóa", "tỉnh Nghệ An", "UBND huyện Diễn Châu", "Huyện ủy Diễn Châu", "TP. Vinh".
 * A local code (…/TU, …/HU, …/QĐ-UBND) names a different document in every province or district, so the detector
 * reports the place its sentence or paragraph names, of the level the code needs. Pure.
 */

import { isPersonName, withoutPersonName } from './person-names';

export type PlaceLevel = 'province' | 'district';

export interface NamedPlace {
  name: string;
  level: PlaceLevel;
  /** Offsets of the whole phrase ("Tỉnh ủy Thanh Hóa") in the text. */
  start: number;
  end: number;
}

const UPPER = 'A-ZĐÂĂÊÔƠƯÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ';
/** Lower-case letters of Vietnamese names (Latin-1 and Latin Extended Additional), without the Unicode flag: faster. */
const LOWER = 'a-zàáâãèéêìíòóôõùúýăđĩũơưạ-ỹ';
/** A capitalised word; a lone capital before another ("TP") is an abbreviation, not a name's word. */
const WORD = `[${UPPER}][${LOWER}]*(?![${UPPER}])`;
const PROVINCE_HEAD = '(?:(?:Ban Thường vụ |Ban Chấp hành Đảng bộ )?(?:Tỉnh|Thành) (?:ủy|uỷ)(?: (?:TP\\.?|thành phố))?|(?:UBND|HĐND|Ủy ban nhân dân|Uỷ ban nhân dân|Hội đồng nhân dân) (?:tỉnh|thành phố|TP\\.?)|[Tt]ỉnh|[Tt]hành phố|TP\\.?)';
const DISTRICT_HEAD = '(?:(?:Ban Thường vụ )?(?:Huyện|Quận|Thị) (?:ủy|uỷ)|(?:UBND|HĐND|Ủy ban nhân dân|Uỷ ban nhân dân|Hội đồng nhân dân) (?:huyện|quận|thị xã)|[Hh]uyện|[Qq]uận|[Tt]hị xã)';
/**
 * Short forms of province names that news writes instead of the name ("UBND tỉnh TT-Huế", "Tỉnh ủy BR-VT",
 * "Thành ủy TP.HCM"), each with the name it stands for.
 */
const SHORT_FORMS: readonly (readonly [RegExp, string])[] = [
  [/^TT[.-]? ?Huế$/u, 'Thừa Thiên Huế'],
  [/^Thừa Thiên\s?[-–]\s?Huế$/u, 'Thừa Thiên Huế'],
  [/^(?:BR[-–]VT|BRVT)$/u, 'Bà Rịa - Vũng Tàu'],
  [/^(?:TP\.? ?HCM|TPHCM|HCM|HCMC)$/u, 'Hồ Chí Minh'],
];
const SHORT = `(?:${SHORT_FORMS.map(([form]) => form.source.slice(1, -1)).join('|')})`;
/** A name: capitalised words, joined by spaces or by a dash ("Bà Rịa - Vũng Tàu", "Bà Rịa-Vũng Tàu"). */
const NAME = `${SHORT}(?![${UPPER}${LOWER}])|${WORD}(?:(?: ?[-–] ?| )${WORD}){0,6}`;
const PLACE = new RegExp(`(?:(${DISTRICT_HEAD})|(${PROVINCE_HEAD}))\\s(${NAME})|(TP\\.? ?HCM|TPHCM)(?![${UPPER}${LOWER}])`, 'g');
/** The words of a name; a dash and its spaces stay inside one word ("Rịa - Vũng"). */
const NAME_WORD = /[^\s\-–]+(?:\s?[-–]\s?[^\s\-–]+)*/gu;
/** A letter before a match means the head word is the end of another word ("Phó tỉnh" is fine, "thuỷ tỉnh" too; "Hậutỉnh" not). */
const LETTER_BEFORE = /\p{L}/u;

/** Words that start a new phrase, never part of a place's name ("tỉnh Nghệ An Ban hành", "huyện Đảng bộ"). */
const NOT_PLACE = /^(?:Ban|Nghị|Chỉ|Kết|Quyết|Kế|Hướng|Thông|Chương|Công|Đảng|Ủy|Uỷ|Hội|Sở|Bộ|UBND|HĐND|Về|Theo|Trong|Ngày|Số)$/u;
/**
 * Syllables that start places' names ("Quy Nhơn", "Từ Liêm", "Như Thanh", "Năm Căn") but never end one; in lower case
 * they are words that end a body's name (issuing-body reads them as part of a name only where capitalised).
 */
export const NAME_OPENERS: ReadonlySet<string> = new Set(['Quy', 'Từ', 'Như', 'Năm']);
/** Words of a title after a dash ("Thành ủy Hà Nội - Bí thư …", "tỉnh Nghệ An – Phó Chủ tịch …"): never a place's. */
const TITLE_AFTER_DASH = /^(?:Bí|Chủ|Phó|Giám|Trưởng|Tổng|Đại|Ông|Đồng|Thứ)$/u;

/** Whether a word after a dash starts a title or a new phrase rather than the second part of a place's name. */
export function endsPlaceAfterDash(word: string): boolean {
  return TITLE_AFTER_DASH.test(word) || NOT_PLACE.test(word);
}

/** The centrally-run cities: "thành phố Hà Nội" is a province; "thành phố Vinh" a district. */
const CENTRAL_CITIES = /^(?:Hà Nội|Hồ Chí Minh|Hải Phòng|Đà Nẵng|Cần Thơ|Huế)$/u;
const CITY_HEAD = /^(?:[Tt]hành phố|TP\.?|(?:UBND|HĐND|Ủy ban nhân dân|Uỷ ban nhân dân|Hội đồng nhân dân) (?:thành phố|TP\.?))$/u;

/** Every place named in text[from, to), in order. */
export function placesIn(text: string, from = 0, to = text.length): NamedPlace[] {
  const out: NamedPlace[] = [];
  const s = text.slice(from, to);
  PLACE.lastIndex = 0;
  for (let m = PLACE.exec(s); m; m = PLACE.exec(s)) {
    if (m.index > 0 && LETTER_BEFORE.test(s[m.index - 1]!)) continue;
    const start = from + m.index;
    if (m[4]) {
      out.push({ name: canonicalName(m[4]), level: 'province', start, end: start + m[0].length });
      continue;
    }
    const raw = m[3]!;
    const words = [...raw.matchAll(NAME_WORD)].map((w) => {
      const text = cutAtPhrase(w[0]);
      return { text, cut: text !== w[0], at: w.index };
    });
    // "Quy" opens "Quy định" (a new phrase), but is a syllable of names too ("TP Quy Nhơn", "Hồ Quốc Quy").
    const quyDinh = (i: number) =>
      words[i]!.text === 'Quy' && (i === words.length - 1 ? /^ [đĐ]ịnh(?!\p{L})/u.test(s.slice(m!.index + m![0].length)) : /^[đĐ]ịnh$/u.test(words[i + 1]!.text));
    let n = words.findIndex((w, i) => NOT_PLACE.test(w.text) || w.cut || quyDinh(i));
    // A word cut at a dash keeps its part before the dash and ends the name.
    if (n !== -1 && words[n]!.cut && !NOT_PLACE.test(words[n]!.text)) n += 1;
    if (n === -1) n = words.length;
    // A signer's name after the place ("UBND TP Hà Nội Nguyễn Đức Chung") is not part of it; a place has 4 words at most.
    n = Math.min(withoutPersonName(words.slice(0, n).map((w) => w.text)).length, 4);
    // No place's name ends in these syllables, which open phrases after one ("tỉnh Quảng Nam Từ năm 2020", "Như vậy").
    while (n > 1 && NAME_OPENERS.has(words[n - 1]!.text)) n--;
    if (n === 0) continue;
    // "UBND tỉnh Nguyễn Văn Hùng": a province's or city's head, then only a signer's name.
    if (m[2] && isPersonName(words.slice(0, n).map((w) => w.text))) continue;
    const last = words[n - 1]!;
    const name = canonicalName(words.slice(0, n).map((w) => w.text).join(' '));
    const end = start + m[0].length - raw.length + last.at + last.text.length;
    const level: PlaceLevel = m[1] || (CITY_HEAD.test(m[2]!) && !CENTRAL_CITIES.test(name)) ? 'district' : 'province';
    out.push({ name, level, start, end });
  }
  return out;
}

/** "Nội - Bí" → "Nội": a word joined by a dash to a title's or a new phrase's first word ends before the dash. */
function cutAtPhrase(word: string): string {
  const parts = word.split(/\s?[-–]\s?/u);
  const keep = parts.findIndex((p, i) => i > 0 && endsPlaceAfterDash(p));
  if (keep === -1) return word;
  const m = new RegExp(`^(?:[^\\s\\-–]+(?:\\s?[-–]\\s?)){${keep}}`, 'u').exec(word);
  return m ? m[0].replace(/\s?[-–]\s?$/u, '') : word;
}

/** The name a short form stands for ("TT-Huế" → "Thừa Thiên Huế"); dashes written " - " ("Bà Rịa-Vũng Tàu" → "Bà Rịa - Vũng Tàu"). */
function canonicalName(name: string): string {
  for (const [form, full] of SHORT_FORMS) if (form.test(name)) return full;
  return name.replace(/\s?[-–]\s?/gu, ' - ');
}

/** The place a body's name names ("Ban Thường vụ Tỉnh ủy Nam Định" → "Nam Định", "UBND tỉnh TT-Huế" → "Thừa Thiên Huế"), if any. */
export function placeInBodyName(bodyName: string | undefined): string | undefined {
  if (!bodyName) return undefined;
  const name = bodyName.normalize('NFC');
  const first = placesIn(name)[0];
  if (!first) return undefined;
  // A place after another local body left unplaced belongs to that other body's subordinate ("UBND Thành phố giao
  // Chủ tịch UBND quận Hà Đông": the city's letter, not Hà Đông's).
  const before = name.slice(0, first.start).replace(/(?:[UƯ]BND|HĐND|(?:Ủy|Uỷ) ban nhân dân|Hội đồng nhân dân)\s*$/u, '');
  return hasLocalBodyHead(before) ? undefined : first.name;
}

/** Whether a phrase holds the head of a local body's name ("UBND", "Thành phố", "Tỉnh ủy", "huyện"). */
export function hasLocalBodyHead(phrase: string): boolean {
  return LOCAL_BODY_HEAD.test(phrase);
}

/** The head of a local body's name anywhere in a phrase ("UBND", "Thành phố", "Tỉnh ủy", "huyện"). */
const LOCAL_BODY_HEAD = /(?:^|\s)(?:[UƯ]BND|HĐND|(?:Ủy|Uỷ) ban nhân dân|Hội đồng nhân dân|[Tt]hành phố|TP\.?|[Tt]ỉnh|(?:Tỉnh|Thành|Huyện|Quận|Thị) (?:ủy|uỷ)|[Hh]uyện|[Qq]uận|[Tt]hị xã)(?=\s|$)/u;
