/**
 * References written without their code suffix: a type word and a number ("Quy định số 138", "Nghị quyết 57",
 * "Nghị định 100/2019"). Without "số", the type word must be capitalised and the number must not be a count
 * ("Kế hoạch 5 năm", "Chỉ thị 3 điểm") or a year.
 */
import { PROSE_TYPES } from './abbreviations';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Letters of Vietnamese text (composed), for boundaries without the slower Unicode-property classes. */
export const LETTER = 'A-Za-z\\u00C0-\\u024F\\u1E00-\\u1EFF';

/** Type words grouped by first letter, in either case: "[Nn](?:ghị quyết|ghị định)|…" (much faster than a flat /i list). */
function typeWordSource(): string {
  const groups = new Map<string, string[]>();
  for (const [w] of PROSE_TYPES) {
    if (!w) continue;
    const k = w[0]!.toUpperCase();
    groups.set(k, [...(groups.get(k) ?? []), escape(w.slice(1))]);
  }
  return [...groups].map(([k, rests]) => `[${k}${k.toLowerCase()}](?:${rests.join('|')})`).join('|');
}

const BARE = new RegExp(
  `(${typeWordSource()})(\\s+[Ss]ố(?![${LETTER}]):?)?\\s*(\\d{1,5})(?:\\s*\\/\\s*((?:19|20)\\d{2}))?(?![\\d${LETTER}]|[.,]\\d|\\s*[-–/]\\s*[${LETTER}\\d])`,
  'g',
);
const LETTER_OR_DIGIT = new RegExp(`[${LETTER}\\d]`);

/** Nouns that make "TYPE N …" a count, not a citation. */
const COUNTED = /^\s+(?:năm|tháng|tuần|quý|ngày(?!\s+\d)|giờ|phút|nhóm|điều|khoản|mục|điểm|nội dung|lần|người|đơn vị|phần|giai đoạn|chương|trang|bước|tiêu chí|chỉ tiêu|nhiệm vụ|giải pháp|cấp|tỉnh|huyện|xã|triệu|tỷ|nghìn|ngàn|trăm|km|ha|văn bản|dự án|công trình|loại|lĩnh vực|chương trình|đề án|kế hoạch|cuộc|đợt|vòng|ý kiến|trường hợp)(?![\p{L}])/iu;

export interface BareMatch {
  start: number;
  end: number;
  word: string;
  hasSo: boolean;
  number: string;
  year?: string;
}

export function findBareReferences(text: string): BareMatch[] {
  const out: BareMatch[] = [];
  BARE.lastIndex = 0;
  for (let m = BARE.exec(text); m; m = BARE.exec(text)) {
    if (m.index > 0 && LETTER_OR_DIGIT.test(text[m.index - 1]!)) continue;
    const word = m[1]!;
    const hasSo = Boolean(m[2]);
    const end = m.index + m[0].length;
    if (!hasSo) {
      if (word[0] === word[0]!.toLowerCase()) continue;
      if (!m[4] && m[3]!.length === 4 && /^(19|20)/.test(m[3]!)) continue;
      if (COUNTED.test(text.slice(end, end + 24))) continue;
      if (word.toLowerCase() === 'văn bản') continue;
    }
    out.push({ start: m.index, end, word, hasSo, number: String(Number(m[3]!)), year: m[4] });
  }
  return out;
}
