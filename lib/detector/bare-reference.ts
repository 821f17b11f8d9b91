/**
 * References written without their code suffix: a type word and a number ("Quy định số 138", "Nghị quyết 57",
 * "Nghị định 100/2019"). Without "số", the type word must be capitalised and the number must not be a count
 * ("Kế hoạch 5 năm", "Chỉ thị 3 điểm") or a year.
 */
import { PROSE_TYPE_SOURCE } from './sentence-context';

const BARE = new RegExp(
  `(?<![\\p{L}\\d])(${PROSE_TYPE_SOURCE})(\\s+(?:số|Số)(?![\\p{L}]):?)?\\s*(\\d{1,5})(?:\\s*\\/\\s*((?:19|20)\\d{2}))?(?![\\d\\p{L}]|[.,]\\d|\\s*[-–/]\\s*[\\p{L}\\d])`,
  'giu',
);

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
  for (const m of text.matchAll(BARE)) {
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
