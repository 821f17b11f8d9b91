/**
 * Central Committee resolutions named by their plenum rather than their code:
 * "Nghị quyết Trung ương 7 (khóa XII)", "Nghị quyết T.Ư 4, khóa XI", "Nghị quyết Hội nghị Trung ương 5 khóa XIII",
 * "Nghị quyết Hội nghị lần thứ 6 Ban Chấp hành Trung ương Đảng khóa XII", "… lần thứ năm …"; and the shorthand "NQ21".
 * One pattern for both, as they share their first word.
 */
import { LETTER } from './bare-reference';
import { PLENUM_WORDS, plenumNumber } from './plenum-number';

const CENTRAL = '(?:Trung ương|Trung Ương|TƯ|T\\.Ư|TW|T\\.W)';
const PATTERN = new RegExp(
  `(?:Nghị quyết|NQ)(?:\\s+(?:Hội nghị\\s+)?(?:` +
    `${CENTRAL}(?:\\s+Đảng)?\\s+(?:lần thứ\\s+)?(\\d{1,2})` +
    `|lần thứ\\s+(\\d{1,2}|${PLENUM_WORDS})\\s+(?:của\\s+)?(?:Ban Chấp hành|BCH)\\s+${CENTRAL}(?:\\s+Đảng)?` +
    `)(?!\\d)(?:\\s*[,(]?\\s*(?:khóa|khoá)\\s+([IVXLC]+)(?![A-Za-z]|\\s*(?:,|và)\\s*[IVXLC]+(?![A-Za-z]))\\)?)?` +
    `|(?<=NQ)(\\d{1,3})(?![${LETTER}\\d/\\-]))`,
  'g',
);
const LETTER_OR_DIGIT = new RegExp(`[${LETTER}\\d]`);

export interface PlenumMatch {
  start: number;
  end: number;
  plenum?: number;
  number?: string;
  term?: string;
}

export function findPlenumReferences(text: string): PlenumMatch[] {
  const out: PlenumMatch[] = [];
  PATTERN.lastIndex = 0;
  for (let m = PATTERN.exec(text); m; m = PATTERN.exec(text)) {
    if (m.index > 0 && LETTER_OR_DIGIT.test(text[m.index - 1]!)) continue;
    let end = m.index + m[0].length;
    if (m[4] !== undefined) {
      if (!m[0].startsWith('NQ')) continue; // "Nghị quyết21" is not the shorthand
      out.push({ start: m.index, end, number: String(Number(m[4])) });
      continue;
    }
    // A closing parenthesis belongs to the reference only when it opened one.
    if (m[0].endsWith(')') && !m[0].includes('(')) end--;
    out.push({ start: m.index, end, plenum: plenumNumber(m[1] ?? m[2]!), term: m[3]?.toUpperCase() });
  }
  return out;
}
