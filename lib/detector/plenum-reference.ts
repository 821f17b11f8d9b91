/**
 * Central Committee resolutions named by their plenum rather than their code:
 * "Nghị quyết Trung ương 7 (khóa XII)", "Nghị quyết T.Ư 4, khóa XI", "Nghị quyết Hội nghị Trung ương 5 khóa XIII",
 * "Nghị quyết Hội nghị lần thứ 6 Ban Chấp hành Trung ương Đảng khóa XII"; and the shorthand "NQ21".
 */
const CENTRAL = '(?:Trung ương|Trung Ương|TƯ|T\\.Ư|TW|T\\.W)';
const PLENUM = new RegExp(
  `(?<![\\p{L}\\d])(?:Nghị quyết|NQ)\\s+(?:Hội nghị\\s+)?(?:` +
    `${CENTRAL}(?:\\s+Đảng)?\\s+(?:lần thứ\\s+)?(\\d{1,2})` +
    `|lần thứ\\s+(\\d{1,2})\\s+(?:của\\s+)?(?:Ban Chấp hành|BCH)\\s+${CENTRAL}(?:\\s+Đảng)?` +
    `)(?!\\d)(?:\\s*[,(]?\\s*(?:khóa|khoá)\\s+([IVXLC]+)\\b\\)?)?`,
  'gu',
);
const SHORTHAND = /(?<![\p{L}\d])NQ(\d{1,3})(?![\p{L}\d/\-])/gu;

export interface PlenumMatch {
  start: number;
  end: number;
  plenum?: number;
  number?: string;
  term?: string;
}

export function findPlenumReferences(text: string): PlenumMatch[] {
  const out: PlenumMatch[] = [];
  for (const m of text.matchAll(PLENUM)) {
    let end = m.index + m[0].length;
    // A closing parenthesis belongs to the reference only when it opened one.
    if (m[0].endsWith(')') && !m[0].includes('(')) end--;
    out.push({ start: m.index, end, plenum: Number(m[1] ?? m[2]), term: m[3]?.toUpperCase() });
  }
  for (const m of text.matchAll(SHORTHAND)) {
    out.push({ start: m.index, end: m.index + m[0].length, number: String(Number(m[1])) });
  }
  return out;
}
