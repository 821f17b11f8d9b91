/**
 * Places a text names: "Tỉnh ủy Thanh Hóa", "tỉnh Nghệ An", "UBND huyện Diễn Châu", "Huyện ủy Diễn Châu", "TP. Vinh".
 * A local code (…/TU, …/HU, …/QĐ-UBND) names a different document in every province or district, so the detector
 * reports the place its sentence or paragraph names, of the level the code needs. Pure.
 */

import { withoutPersonName } from './person-names';

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
const WORD = `[${UPPER}][${LOWER}]*`;
const PROVINCE_HEAD = '(?:(?:Ban Thường vụ |Ban Chấp hành Đảng bộ )?(?:Tỉnh|Thành) (?:ủy|uỷ)|(?:UBND|HĐND|Ủy ban nhân dân|Uỷ ban nhân dân|Hội đồng nhân dân) (?:tỉnh|thành phố|TP\\.?)|[Tt]ỉnh|[Tt]hành phố|TP\\.?)';
const DISTRICT_HEAD = '(?:(?:Ban Thường vụ )?(?:Huyện|Quận|Thị) (?:ủy|uỷ)|(?:UBND|HĐND|Ủy ban nhân dân|Uỷ ban nhân dân|Hội đồng nhân dân) (?:huyện|quận|thị xã)|[Hh]uyện|[Qq]uận|[Tt]hị xã)';
const PLACE = new RegExp(`(?:(${DISTRICT_HEAD})|(${PROVINCE_HEAD}))\\s(${WORD}(?: ${WORD}){0,6})`, 'g');
/** A letter before a match means the head word is the end of another word ("Phó tỉnh" is fine, "thuỷ tỉnh" too; "Hậutỉnh" not). */
const LETTER_BEFORE = /\p{L}/u;

/** Words that start a new phrase, never part of a place's name ("tỉnh Nghệ An Ban hành", "huyện Đảng bộ"). */
const NOT_PLACE = /^(?:Ban|Nghị|Chỉ|Kết|Quyết|Quy|Kế|Hướng|Thông|Chương|Công|Đảng|Ủy|Uỷ|Hội|Sở|Bộ|UBND|HĐND|Về|Theo|Trong|Ngày|Số)$/u;

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
    const words = m[3]!.split(' ');
    let n = words.findIndex((w) => NOT_PLACE.test(w));
    if (n === -1) n = words.length;
    // A signer's name after the place ("UBND TP Hà Nội Nguyễn Đức Chung") is not part of it; a place has 4 words at most.
    n = Math.min(withoutPersonName(words.slice(0, n)).length, 4);
    if (n === 0) continue;
    const name = words.slice(0, n).join(' ');
    const start = from + m.index;
    const end = start + m[0].length - (m[3]!.length - name.length);
    const level: PlaceLevel = m[1] || (CITY_HEAD.test(m[2]!) && !CENTRAL_CITIES.test(name)) ? 'district' : 'province';
    out.push({ name, level, start, end });
  }
  return out;
}
