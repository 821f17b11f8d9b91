/**
 * Party terms (khóa) from dates: a term starts when a National Congress closes, having elected the new
 * Central Committee. Documents dated during a congress cannot be placed from the date alone.
 *
 * Congress dates, with the public pages they were read from:
 * - VII 1991-06-24..27, VIII 1996-06-28..07-01, X 2006-04-18..25, XI 2011-01-12..19, XII 2016-01-20..28,
 *   XIII 2021-01-26..02-01: https://nhandan.vn/cac-ky-dai-hoi-tag83549.html
 * - IX 2001-04-19..22: https://www.qdnd.vn/chinh-tri/dang-cong-san-viet-nam-qua-cac-ky-dai-hoi-tiep-theo-va-het-464173
 * - XIV 2026-01-19..23: https://www.24h.com.vn/tin-tuc-trong-ngay/truc-tiep-phien-be-mac-dai-hoi-dai-bieu-toan-quoc-lan-thu-xiv-cua-dang-cong-san-viet-nam-c46a1731966.html
 *   (XIII: the preparatory session opened on 2021-01-25 per vnews.gov.vn; the official opening was 01-26.)
 */

export interface Congress {
  term: string;
  start: string;
  end: string;
}

export const CONGRESSES: readonly Congress[] = [
  { term: 'VII', start: '1991-06-24', end: '1991-06-27' },
  { term: 'VIII', start: '1996-06-28', end: '1996-07-01' },
  { term: 'IX', start: '2001-04-19', end: '2001-04-22' },
  { term: 'X', start: '2006-04-18', end: '2006-04-25' },
  { term: 'XI', start: '2011-01-12', end: '2011-01-19' },
  { term: 'XII', start: '2016-01-20', end: '2016-01-28' },
  { term: 'XIII', start: '2021-01-25', end: '2021-02-01' },
  { term: 'XIV', start: '2026-01-19', end: '2026-01-23' },
];

/**
 * The term a date falls in: a full date after a congress closed and before the next opened; a year alone only
 * when no congress was held that year. Undefined when the date cannot tell.
 */
export function termForDate(date: string | undefined): string | undefined {
  if (!date) return undefined;
  if (/^\d{4}$/.test(date)) {
    if (CONGRESSES.some((c) => c.start.startsWith(date))) return undefined;
    return termForDate(`${date}-06-30`);
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  let term: string | undefined;
  for (const c of CONGRESSES) {
    if (date > c.end) term = c.term;
    else if (date >= c.start) return undefined;
  }
  return term;
}

/** First day of a term (the day after its congress closed). */
export function termStart(term: string): string | undefined {
  const c = CONGRESSES.find((x) => x.term === term);
  return c?.end;
}

/** Roman numeral from a term text ("TW khóa XIII", "khoá XII", "XIII") or undefined. */
export function termNumeral(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const m = /(?:kh[oó]a|khoá)\s+([IVXLC]+)\b/i.exec(text.normalize('NFC')) ?? /^\s*([IVXLC]+)\s*$/i.exec(text);
  return m?.[1] ? m[1].toUpperCase() : undefined;
}
