/** Dates as Vietnamese prose writes them next to a code: 7-7-2023, 07/7/2023, ngày 7 tháng 7 năm 2023, năm 2018. */
import { isSpace } from './normalize';

const MONTHS_EN = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Days in a month of the Gregorian calendar (arithmetic, not a Date object: this runs per reference). */
function daysIn(month: number, year: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS[month - 1]!;
}

/** ISO strings already built, by yyyymmdd: a page cites the same few dates again and again. */
const isoCache = new Map<number, string>();

export function isoDate(day: number, month: number, year: number): string | undefined {
  if (year < 1930 || year > 2100 || month < 1 || month > 12 || day < 1) return undefined;
  if (day > daysIn(month, year)) return undefined;
  const key = year * 10000 + month * 100 + day;
  let iso = isoCache.get(key);
  if (iso === undefined) {
    iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    if (isoCache.size >= 20_000) isoCache.clear();
    isoCache.set(key, iso);
  }
  return iso;
}

// Sticky: each is tried exactly at the reading position (lastIndex), never searched for further on.
const NUMERIC = /(?:ngày|ngay)?\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})(?!\d)/iy;
const WORDS = /(?:ngày|ngay)\s+(\d{1,2})\s+(?:tháng|thang)\s+(\d{1,2})\s+(?:năm|nam)\s+(\d{4})(?!\d)/iy;
const YEAR = /(?:năm|nam)\s+(\d{4})(?!\d|\s*[-–]\s*\d)/iy;
const ENGLISH = /(?:dated\s+)?(january|february|march|april|may|june|july|august|september|october|november|december)\s+(\d{1,2}),?\s+(\d{4})(?!\d)/iy;

/** First letters of the English form, lower case: dated, and the months. */
const ENGLISH_OPENERS = 'djfmason';

function at(re: RegExp, s: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(s);
}

/**
 * Reads a date at position `pos` of `s` (already cleaned: NFC, ASCII dashes, single spaces), reading in place
 * rather than on a copy of the rest (this runs several times per reference).
 * Returns the ISO date (or the year alone) and how many characters it took.
 */
export function readDate(s: string, pos = 0): { date: string; length: number } | undefined {
  // Each form is tried only if the text opens with one of its first characters: "ngày"/"năm" with n, the
  // numeric form also with a digit or white space, the English one with d (dated) or a month's first letter.
  // Most clauses open otherwise and are settled without a pattern (this runs at every clause of every sentence).
  const c = s.charCodeAt(pos);
  const lower = c >= 65 && c <= 90 ? c | 0x20 : c;
  const n = lower === 110;
  let m = n ? at(WORDS, s, pos) : null;
  if (!m && (n || (c >= 48 && c <= 57) || isSpace(c))) m = at(NUMERIC, s, pos);
  if (m) {
    // A bare d-m-yyyy without "ngày" is accepted too ("35-CT/TW, 30/5/2019").
    const date = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    return date ? { date, length: m[0].length } : undefined;
  }
  m = ENGLISH_OPENERS.includes(String.fromCharCode(lower)) ? at(ENGLISH, s, pos) : null;
  if (m) {
    const date = isoDate(Number(m[2]), MONTHS_EN.indexOf(m[1]!.toLowerCase()) + 1, Number(m[3]));
    return date ? { date, length: m[0].length } : undefined;
  }
  m = n ? at(YEAR, s, pos) : null;
  if (m) {
    const year = Number(m[1]);
    return year >= 1930 && year <= 2100 ? { date: m[1]!, length: m[0].length } : undefined;
  }
  return undefined;
}
