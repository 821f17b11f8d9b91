/**
 * A plenum's number as written: a numeral ("7") or a word after "lần thứ" ("bảy", "mười hai"). Plenums of one
 * term run to about twenty.
 */
const UNITS: Readonly<Record<string, number>> = {
  nhất: 1, một: 1, hai: 2, ba: 3, tư: 4, bốn: 4, năm: 5, lăm: 5, sáu: 6, bảy: 7, bẩy: 7, tám: 8, chín: 9,
};

/** The words, longest first, as a pattern's alternatives ("mười hai" before "mười", "hai"). */
export const PLENUM_WORDS = `(?:mười(?:\\s+(?:${Object.keys(UNITS).join('|')}))?|hai mươi(?:\\s+(?:mốt|${Object.keys(UNITS).join('|')}))?|${Object.keys(UNITS).join('|')})`;

/** The number of "7", "bảy", "mười hai", "hai mươi mốt"; NaN when it is none of these. */
export function plenumNumber(written: string): number {
  const w = written.toLowerCase().replace(/\s+/g, ' ').trim();
  if (/^\d+$/.test(w)) return Number(w);
  const [head, tail] = w.startsWith('hai mươi') ? [20, w.slice(8).trim()] : w.startsWith('mười') ? [10, w.slice(4).trim()] : [0, w];
  if (!tail) return head || NaN;
  const unit = tail === 'mốt' ? 1 : UNITS[tail];
  return unit === undefined ? NaN : head + unit;
}
