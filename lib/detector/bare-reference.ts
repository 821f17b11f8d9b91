/**
 * References written without their code suffix: a type word and a number ("Quy định số 138", "Nghị quyết 57",
 * "Nghị định 100/2019", "Nghị quyết 19-2017"). Without "số", the type word must be capitalised and the number must not be a count
 * ("Kế hoạch 5 năm", "Chỉ thị 3 điểm") or a year.
 */
import { CODE_ONLY_PROSE_TYPES, PROSE_TYPES } from './abbreviations';
import { isSpace } from './normalize';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Letters of Vietnamese text (composed), for boundaries without the slower Unicode-property classes. */
export const LETTER = 'A-Za-z\\u00C0-\\u024F\\u1E00-\\u1EFF';

/** Type words grouped by first letter, in either case: "[Nn](?:ghị quyết|ghị định)|…" (much faster than a flat /i list). */
function typeWordSource(): string {
  const groups = new Map<string, string[]>();
  for (const [w] of PROSE_TYPES) {
    if (!w || CODE_ONLY_PROSE_TYPES.has(w)) continue;
    const k = w[0]!.toUpperCase();
    groups.set(k, [...(groups.get(k) ?? []), escape(w.slice(1))]);
  }
  return [...groups].map(([k, rests]) => `[${k}${k.toLowerCase()}](?:${rests.join('|')})`).join('|');
}

/** Sticky: tried only where a type word ends just before a number (see typeWordStart), never searched for. */
const BARE = new RegExp(
  // The number is never cut in two: not followed by more digits after soft hyphens, zero-width characters or a
  // non-breaking space ("Chỉ thị số 3\u00AD5" is no Chỉ thị số 3).
  `(${typeWordSource()})(\\s+[Ss]ố(?![${LETTER}]):?)?\\s*(\\d{1,5})(?:\\s*[\\/\\-–]\\s*((?:19|20)\\d{2}))?(?![\\d${LETTER}]|[.,]\\d|\\s*[-–/]\\s*[${LETTER}\\d]|[\\u00AD\\u200B-\\u200D\\u2060\\uFEFF\\u00A0]{1,4}\\d)`,
  'y',
);
const LETTER_OR_DIGIT = new RegExp(`[${LETTER}\\d]`);

/**
 * Nouns that make "TYPE N …" a count, not a citation; on the same line ("… theo Nghị định 67" ending a headline is
 * no count of the next line's "Tỉnh"). "năm" with a year after it is the document's year ("Nghị quyết 19 năm 2017"),
 * unless a period follows ("Kế hoạch 5 năm 2021-2025").
 */
const COUNTED = /^[^\S\n]+(?:năm(?!\s+(?:19|20)\d{2}(?!\s*[-–]\s*\d))|tháng|tuần|quý|ngày(?!\s+\d)|giờ|phút|nhóm|điều|khoản|mục|điểm|nội dung|lần|người|đơn vị|phần|giai đoạn|chương|trang|bước|tiêu chí|chỉ tiêu|nhiệm vụ|giải pháp|cấp|tỉnh|huyện|xã|triệu|tỷ|nghìn|ngàn|trăm|km|ha|văn bản|dự án|công trình|loại|lĩnh vực|chương trình|đề án|kế hoạch|cuộc|đợt|vòng|ý kiến|trường hợp)(?![\p{L}])/iu;

export interface BareMatch {
  start: number;
  end: number;
  word: string;
  hasSo: boolean;
  number: string;
  year?: string;
}

/** Type words by their last character, longest first, each as [upper-case first letter, lower-case one, the rest]. */
const WORDS_BY_LAST = new Map<number, [string, string, string][]>();
for (const w of [...new Set(PROSE_TYPES.map(([word]) => word))].filter((w) => w && !CODE_ONLY_PROSE_TYPES.has(w)).sort((a, b) => b.length - a.length)) {
  const last = w.charCodeAt(w.length - 1);
  if (!WORDS_BY_LAST.has(last)) WORDS_BY_LAST.set(last, []);
  WORDS_BY_LAST.get(last)!.push([w[0]!.toUpperCase(), w[0]!.toLowerCase(), w.slice(1)]);
}
/** The same question as a table, answered for every number in the text before any map lookup. */
const ENDS_A_WORD = new Uint8Array(65536);
for (const last of WORDS_BY_LAST.keys()) ENDS_A_WORD[last] = 1;

/** Start of the longest type word ending at `end` (first letter in either case, as the pattern has it), or -1. */
function typeWordEndingAt(text: string, end: number): number {
  const last = text.charCodeAt(end - 1);
  if (!ENDS_A_WORD[last]) return -1;
  const words = WORDS_BY_LAST.get(last)!;
  for (const [upper, lower, rest] of words) {
    const start = end - rest.length - 1;
    if (start < 0) continue;
    const first = text[start];
    if ((first === upper || first === lower) && text.startsWith(rest, start + 1)) return start;
  }
  return -1;
}

/**
 * Where the pattern would match for the number at `runStart`: the type word before it, past white space and
 * "số" (with its colon). The longest word wins, as the leftmost match of a search would. -1 when none.
 */
function typeWordStart(text: string, runStart: number): number {
  let end = runStart;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  let so = end;
  if (text.charCodeAt(so - 1) === 58 /* : */) so--;
  const s = text.charCodeAt(so - 2);
  if (text.charCodeAt(so - 1) === 0x1ed1 /* ố */ && (s === 83 || s === 115) /* S s */) {
    let word = so - 2;
    while (word > 0 && isSpace(text.charCodeAt(word - 1))) word--;
    if (word < so - 2) {
      const start = typeWordEndingAt(text, word);
      if (start >= 0) return start;
    }
  }
  return typeWordEndingAt(text, end);
}

/**
 * The bare reference whose number is the run of digits [runStart, runEnd), if the text has one there.
 * `from`: where the previous bare match ended (matches never overlap). Returns the match's end (also when the
 * match is then rejected, as a search from the left would go on after it) and the reference, if accepted.
 */
export function bareReferenceAt(
  text: string,
  runStart: number,
  runEnd: number,
  from: number,
): { end: number; ref?: BareMatch } | undefined {
  // The number is the whole run (a digit may not follow it), of at most five digits.
  if (runEnd - runStart > 5) return undefined;
  const start = typeWordStart(text, runStart);
  if (start < from || start < 0) return undefined;
  BARE.lastIndex = start;
  const m = BARE.exec(text);
  if (!m) return undefined;
  const end = start + m[0].length;
  if (start > 0 && LETTER_OR_DIGIT.test(text[start - 1]!)) return { end };
  const word = m[1]!;
  const hasSo = Boolean(m[2]);
  // "Kế hoạch 2021-2025" is a period, not plan 2021 of 2025.
  if (m[4] && m[3]!.length === 4 && /^(19|20)/.test(m[3]!)) return { end };
  if (!hasSo) {
    if (word[0] === word[0]!.toLowerCase()) return { end };
    if (!m[4] && m[3]!.length === 4 && /^(19|20)/.test(m[3]!)) return { end };
    if (COUNTED.test(text.slice(end, end + 24))) return { end };
    if (word.toLowerCase() === 'văn bản') return { end };
  }
  return { end, ref: { start, end, word, hasSo, number: String(Number(m[3]!)), year: m[4] } };
}
