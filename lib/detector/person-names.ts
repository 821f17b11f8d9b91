/**
 * A person's name after a body's: "Chủ tịch UBND TP Hà Nội Nguyễn Đức Chung đã có Công điện …", "Bộ trưởng Bộ Công
 * Thương Trần Tuấn Anh đã ký …". The body is "UBND TP Hà Nội", the place "Hà Nội": the signer is neither the issuer
 * nor part of the place. Pure.
 */

/** The common family names (họ) that open most Vietnamese personal names. */
const SURNAMES = new Set([
  'Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý',
  'Chu', 'Đinh', 'Trịnh', 'Mai', 'Lương', 'Đoàn', 'Tô', 'Tạ', 'Đào', 'Lại', 'Kiều', 'Vương', 'Triệu', 'Trương', 'Quách',
  'Hứa', 'Nông', 'Lò', 'Đàm', 'Lưu', 'Mạc', 'Phùng', 'Tăng', 'Thân', 'Tống', 'Khuất',
]);
/** Names that open with a family name but are places or bodies' namesakes, never a signer. */
const NOT_PERSON = new Set(['Hồ Chí Minh']);

const CAPITALISED = /^\p{Lu}/u;
/** Words after which a name is a place's, even a person's name: "phường Lê Thanh Nghị", "đường Trần Phú". */
// Not "tỉnh" nor "TP": no province or city has a three-word name opening with a family name but Hồ Chí Minh, so
// "Phó Chủ tịch UBND TP Nguyễn Văn Hùng" names the city's signer, not a city.
const PLACE_UNITS = new Set(['phường', 'xã', 'quận', 'huyện', 'trấn', 'phố', 'đường', 'trường', 'thôn', 'ấp', 'bản', 'làng', 'khu', 'cầu', 'chợ']);

/**
 * The words of a name without a personal name at its end: a run of three (or four: "Nguyễn Thị Kim Tiến") capitalised
 * words opening with a family name, with at least one word of the body or place before it. A family name alone
 * or two words ("Lê Chân", "Phan Thiết") are places as often as people and stay, and so does a name right after a
 * unit of place ("phường Lê Thanh Nghị", "đường Trần Hưng Đạo").
 */
export function withoutPersonName(words: readonly string[]): readonly string[] {
  for (const n of [3, 4]) {
    const at = words.length - n;
    if (at < 1) continue;
    const tail = words.slice(at);
    if (!SURNAMES.has(tail[0]!) || !tail.every((w) => CAPITALISED.test(w)) || NOT_PERSON.has(tail.slice(0, 3).join(' '))) continue;
    if (PLACE_UNITS.has(words[at - 1]!)) continue;
    return words.slice(0, at);
  }
  return words;
}

/**
 * Whether words are a person's name alone: three or four capitalised words opening with a family name ("Nguyễn Văn
 * Hùng"), not a place that looks like one ("Hồ Chí Minh"). After "tỉnh" or "TP" such words name the signer of a body
 * whose place the sentence left out ("Phó Chủ tịch UBND tỉnh Nguyễn Văn Hùng"): no province or city is so named.
 */
export function isPersonName(words: readonly string[]): boolean {
  return (
    (words.length === 3 || words.length === 4) && SURNAMES.has(words[0]!) && words.every((w) => CAPITALISED.test(w) && !/[\s\-–]/u.test(w)) &&
    !NOT_PERSON.has(words.slice(0, 3).join(' '))
  );
}

/** A body's name without the signer's name after it ("Bộ trưởng Bộ Công Thương Trần Tuấn Anh" → "Bộ trưởng Bộ Công Thương"). */
export function bodyWithoutPerson(name: string): string {
  const words = name.split(' ');
  const kept = withoutPersonName(words);
  return kept.length === words.length ? name : kept.join(' ');
}
