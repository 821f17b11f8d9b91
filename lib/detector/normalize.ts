/** Text clean-up shared by the detector's rules. */

/** Characters that print as nothing or as a break opportunity: soft hyphen, zero-width space/joiners, BOM. */
export const IGNORABLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

/** Every dash a code may be written with: hyphen-minus, hyphens, figure/en/em dashes, minus, non-breaking hyphen. */
export const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;

/**
 * Cleans a piece of text for comparison: NFC, ignorable characters dropped, dashes made ASCII,
 * runs of white space (non-breaking ones and line breaks included) made one space.
 * `mayHaveMarks` false: the caller knows `s` holds no combining mark (U+0300–U+036F), so NFC changes nothing.
 */
export function cleanText(s: string, mayHaveMarks = true): string {
  // Most text needs none of this: test once, replace only when needed (the detector calls this per reference).
  let out = NEEDS_CLEANING.test(s) ? s.replace(IGNORABLE, '').replace(DASHES, '-').replace(/\s+/g, ' ') : s;
  // The detector knows when its whole text holds no combining mark and skips this second scan.
  if (mayHaveMarks && COMBINING.test(out)) out = out.normalize('NFC');
  return out;
}
const NEEDS_CLEANING = /[\u00AD\u200B-\u200D\u2060\uFEFF\u2010-\u2015\u2212\uFE58\uFE63\uFF0D\t\n\v\f\r\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]|  /;
const COMBINING = /[\u0300-\u036f]/;

/** JavaScript's \s (white space and line terminators, U+FEFF included), as a character-code test for scanning in place. */
export function isSpace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * Lower case of one UTF-16 unit, remembered per unit (lower-casing a Vietnamese string goes to the runtime, and
 * the detector compares a few words per reference). -1 for İ (U+0130), the one unit whose lower case is two units:
 * callers fall back to String.prototype.toLowerCase when they meet it.
 */
const lowerTable = new Int32Array(65536).fill(-2);
export function lowerCode(c: number): number {
  let lower = lowerTable[c];
  if (lower === undefined) return c; // NaN: no character
  if (lower === -2) {
    const l = String.fromCharCode(c).toLowerCase();
    lower = lowerTable[c] = l.length === 1 ? l.charCodeAt(0) : -1;
  }
  return lower;
}

/** Whether s holds İ (U+0130) within [from, to): lower case is then longer than the text. */
export function hasDottedCapitalI(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (s.charCodeAt(i) === 0x130) return true;
  return false;
}

/**
 * Whether s, lower-cased unit by unit, holds the lower-case `word` at `pos`, ending by `end` (without building a
 * lower-case copy).
 */
export function matchesLowerAt(s: string, pos: number, word: string, end = s.length): boolean {
  if (pos < 0 || pos + word.length > end) return false;
  for (let i = 0; i < word.length; i++) if (lowerCode(s.charCodeAt(pos + i)) !== word.charCodeAt(i)) return false;
  return true;
}

/** Removes every space inside a code ("21 – NQ/ TW" → "21-NQ/TW") after cleanText. */
export function compactCode(s: string): string {
  return cleanText(s).replace(/ /g, '');
}

/** Drops leading zeros, keeping one digit: "017" → "17", "0" → "0". */
export function stripLeadingZeros(n: string): string {
  return n.replace(/^0+(?=\d)/, '');
}

/** The number as official codes write it: two digits below 10 ("05"), otherwise without leading zeros. */
export function officialNumber(n: string): string {
  const bare = stripLeadingZeros(n);
  return bare.length === 1 ? `0${bare}` : bare;
}

/** Folds Vietnamese to ASCII lower case for keys: "Nghị quyết" → "nghi quyet". */
export function foldVietnamese(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}
