/** Dates as Vietnamese prose writes them next to a code: 7-7-2023, 07/7/2023, ngày 7 tháng 7 năm 2023, năm 2018. */

const MONTHS_EN = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

export function isoDate(day: number, month: number, year: number): string | undefined {
  if (year < 1930 || year > 2100 || month < 1 || month > 12 || day < 1) return undefined;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const NUMERIC = /^(?:ngày|ngay)?\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})(?!\d)/i;
const WORDS = /^(?:ngày|ngay)\s+(\d{1,2})\s+(?:tháng|thang)\s+(\d{1,2})\s+(?:năm|nam)\s+(\d{4})(?!\d)/i;
const YEAR = /^(?:năm|nam)\s+(\d{4})(?!\d|\s*[-–]\s*\d)/i;
const ENGLISH = /^(?:dated\s+)?(january|february|march|april|may|june|july|august|september|october|november|december)\s+(\d{1,2}),?\s+(\d{4})(?!\d)/i;

/**
 * Reads a date at the very start of `s` (already cleaned: NFC, ASCII dashes, single spaces).
 * Returns the ISO date (or the year alone) and how many characters it took.
 */
export function readDate(s: string): { date: string; length: number } | undefined {
  let m = WORDS.exec(s) ?? NUMERIC.exec(s);
  if (m) {
    // A bare d-m-yyyy without "ngày" is accepted too ("35-CT/TW, 30/5/2019").
    const date = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    return date ? { date, length: m[0].length } : undefined;
  }
  m = ENGLISH.exec(s);
  if (m) {
    const date = isoDate(Number(m[2]), MONTHS_EN.indexOf(m[1]!.toLowerCase()) + 1, Number(m[3]));
    return date ? { date, length: m[0].length } : undefined;
  }
  m = YEAR.exec(s);
  if (m) {
    const year = Number(m[1]);
    return year >= 1930 && year <= 2100 ? { date: m[1]!, length: m[0].length } : undefined;
  }
  return undefined;
}
