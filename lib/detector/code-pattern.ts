/**
 * The shapes of written codes, as one regular expression with bounded quantifiers only (linear time):
 *   Party   NUMBER-TYPE/ISSUER(-UNIT)*          17-KH/TW, 26-HD/BTCTW, 367-QĐ/TWĐTN-VP
 *   State   NUMBER/YEAR/TYPE-ISSUER(-X)*        100/2019/NĐ-CP, 55/2005/TTLT-BNV-VPCP, 82/2005-QĐ-UBND
 *           NUMBER-YEAR/TYPE-ISSUER              19-2017/NQ-CP (dash for the first slash)
 *           NUMBER/YEAR/QHnn                     80/2015/QH13
 *           NUMBER/TYPE-ISSUER(-UNIT)*          749/QĐ-TTg, 560/NQ-UBTVQH15
 *           NUMBER/ISSUER(-UNIT)*               4912/UBND-NC (công văn carry no type)
 *           NUMBER-YEAR-TYPE-ISSUER(-X)*         05-2020-TT-BYT (a file or address slug; also with spaces: 27-2018 TT BTC)
 *           NUMBER-ISSUER, NUMBER/ISSUER         28-CP, 60/CP, 41/TTg, 388-HĐBT, 34/SL (older forms; the prose word confirms them)
 *   Swapped Party forms                          18/NQ-TW, 646/QĐ/QUTW, 42/TW-KL
 * Issuer abbreviations may hold "&" between letters (SVH&TT, BNN&PTNT); units may be joined by a spaced dash when
 * they are in capitals (TWĐTN - VP).
 * Variants: any dash, spaces, non-breaking spaces and a line break around separators, soft hyphens and
 * zero-width characters, lower case, decomposed Unicode (Ư as U + combining horn), leading zeros.
 */

const IGN = '\\u00AD\\u200B-\\u200D\\u2060\\uFEFF';
/** Up to four spaces (any kind, a line break included) or invisible characters. */
const S = `[\\s${IGN}]{0,4}`;
const DASH = `[\\-\\u2010-\\u2015\\u2212${IGN}]`;
/**
 * No letter (any Vietnamese one, composed or not) or digit may follow an abbreviation, nor a digit after invisible
 * characters: "QH1\u00AD4" is QH14 with a soft hyphen, never QH1.
 */
const END = `(?![A-Za-z\\u00C0-\\u024F\\u1E00-\\u1EFF\\u0300-\\u036F\\d]|[${IGN}]{1,4}\\d)`;
const WORD = `[A-Za-zĐđƯư][A-Za-zĐđƯư\\u031B${IGN}]{0,11}`;
/** An issuer word: as WORD, with "&" too (SVH&TT, NN&PTNT); where "&" may stand is checked on the match. */
const IWORD = `[A-Za-zĐđƯư][A-Za-zĐđƯư\\u031B&${IGN}]{0,11}`;
/** Lower-case Vietnamese letters: a code glued to the next word ("TT-BGDĐTvề") still ends at the case change. */
const LOWER = '[a-zđàáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]';
const ISS = `(?:${IWORD}\\d{0,2}${END}|[A-ZĐ]{2,12}\\d{0,2}(?=${LOWER}{2}))`;
/** A unit after a spaced dash ("TWĐTN - VP"): capitals only, so that prose after a dash ("- theo …") never joins a code. */
const ISS_UPPER = `[A-ZĐƯ][A-ZĐƯ&]{1,11}\\d{0,2}${END}`;
const SPACED_DASH = `(?:[ \\u00A0]{1,2}${DASH}{1,2}[ \\u00A0]{0,2}|${DASH}{1,2}[ \\u00A0]{1,2})`;
const ISSLIST = `${ISS}(?:${DASH}{1,2}${ISS}|${SPACED_DASH}${ISS_UPPER}){0,4}`;
/** Slug separators: a dash (with spaces around it or not), or one or two spaces. */
const SLUG_SEP = `(?:${S}${DASH}${S}|[ \\u00A0]{1,2})`;

const SOURCE =
  // The number, with the letter some State resolutions carry ("Nghị quyết 30a/2008/NQ-CP").
  `(\\d{1,5}(?:[a-e](?=${S}\\/))?)${S}(?:` +
  // Party: number, dash (or a space), type, slash, issuer list.
  `(${DASH}?)${S}(${WORD})${S}\\/${S}(${ISSLIST})` +
  `|` +
  // Slash forms: optional year, first abbreviation, then a dash or slash and the rest.
  // "19-2017/NQ-CP": a dash where the slash belongs, before a year.
  `(?:\\/|${DASH}(?=${S}(?:19|20)\\d{2}${S}\\/))${S}(?:(\\d{4})${S}[\\/\\-\\u2010-\\u2015]${S})?(${IWORD}\\d{0,2}${END})(?:${S}(${DASH}|\\/)${S}(${ISSLIST}))?` +
  `|` +
  // Slugs: "05-2020-TT-BYT", "27-2018 TT BTC" (number, year, type, issuers, all joined by dashes or spaces).
  `${DASH}${S}((?:19|20)\\d{2})(${SLUG_SEP})(${WORD})${END}(${SLUG_SEP})(${ISSLIST})` +
  `|` +
  // Older forms without a type: "Nghị định 28-CP", "Quyết định 68-TTg", "Sắc lệnh 76-SL" (the slash forms are above).
  `${DASH}${S}(CP|TT[gG]|H[ĐD]BT|SL)${END}` +
  `)`;

/** White space or an invisible character (S). */
function isBlank(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200d) || c === 0x2028 ||
    c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff || c === 0xad || c === 0x2060
  );
}
/** S or a dash (DASH): what may stand between a number and its type. */
const isGap = (c: number) => isBlank(c) || c === 45 || (c >= 0x2010 && c <= 0x2015) || c === 0x2212;
/** A character WORD may start with. */
function isWordStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 0x110 || c === 0x111 || c === 0x1af || c === 0x1b0;
}
/** A character WORD may go on with: letters, the combining horn, invisible characters. */
const isWordTail = (c: number) => isWordStart(c) || c === 0x31b || c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff;
const isDigitAt = (text: string, i: number) => text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57;

/**
 * A cheap necessary condition for a code right after a number's digits (at `i`), so that numbers in prose ("5 năm",
 * "ngày 7-7-2023", "30/5", "2020-2025") are settled without the pattern. After up to nine characters of spaces,
 * invisible characters and dashes (S, a dash, S), a code goes on with:
 * - a type (WORD: a letter, then up to 11 more), up to four spaces (S) and a slash (Party form, 17-KH/TW);
 * - a slash, then (after S) a letter or a four-digit year (100/2019/NĐ-CP, 749/QĐ-TTg);
 * - a year of 19xx or 20xx, S and a slash (the dash form 19-2017/NQ-CP).
 */
export function mayStartCode(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  // "30a/2008/NQ-CP": the letter after the number, then the slash.
  return followsLikeCode(text, i) || (c >= 97 && c <= 101 && followsLikeCode(text, i + 1));
}

function followsLikeCode(text: string, i: number): boolean {
  let j = i;
  let dash = false;
  for (; j < i + 9; j++) {
    const g = text.charCodeAt(j);
    if (!isGap(g)) break;
    if (!isBlank(g)) dash = true;
  }
  const c = text.charCodeAt(j);
  if (isWordStart(c)) {
    // The slash comes within 16 characters: the rest of the type and the spaces are all it may pass.
    let k = j + 1;
    while (k < j + 16 && (isWordTail(text.charCodeAt(k)) || isBlank(text.charCodeAt(k)))) k++;
    if (text.charCodeAt(k) === 47) return true;
    // "Nghị định 28-CP": a dash and one of the older issuers, no slash.
    if (!dash) return false;
    OLD_ISSUER.lastIndex = j;
    return OLD_ISSUER.test(text);
  }
  if (c === 47 /* / */) {
    let k = j + 1;
    while (k < j + 5 && isGap(text.charCodeAt(k))) k++;
    return isWordStart(text.charCodeAt(k)) || (isDigitAt(text, k) && isDigitAt(text, k + 1) && isDigitAt(text, k + 2) && isDigitAt(text, k + 3));
  }
  const d = text.charCodeAt(j + 1);
  if (!((c === 49 && d === 57) || (c === 50 && d === 48)) || !isDigitAt(text, j + 2) || !isDigitAt(text, j + 3)) return false;
  const yearEnd = j + 4;
  let k = yearEnd;
  while (k < j + 8 && isBlank(text.charCodeAt(k))) k++;
  const e = text.charCodeAt(k);
  if (e === 47) return true;
  // Slugs after "NUMBER-YEAR": a dash and a letter ("05-2020-TT-BYT"), or spaces and a capital ("27-2018 TT BTC").
  if (!dash) return false;
  if (isGap(e)) {
    k++;
    while (k < j + 14 && isGap(text.charCodeAt(k))) k++;
    return isWordStart(text.charCodeAt(k));
  }
  return k > yearEnd && ((e >= 65 && e <= 90) || e === 0x110);
}

/** The issuers of the older dash forms (28-CP, 68-TTg, 388-HĐBT, 76-SL), as the pattern has them. */
const OLD_ISSUER = new RegExp(`(?:CP|TT[gG]|H[ĐD]BT|SL)${END}`, 'y');

const STICKY = new RegExp(SOURCE, 'y');

/**
 * The code that starts exactly at `pos`, if any. The pattern opens with one to five digits and never goes on with
 * a digit, so within a run of digits a code can only start at one of its last five: the detector tries the first
 * of those, which is where a search from the left would find it.
 */
export function codeAt(text: string, pos: number): CodeMatch | undefined {
  STICKY.lastIndex = pos;
  const m = STICKY.exec(text);
  return m ? readCodeMatch(m) : undefined;
}

/** Groups of one code match. */
export interface CodeMatch {
  index: number;
  raw: string;
  number: string;
  /** Party form: the dash between number and type ('' when only a space separated them). */
  partyDash?: string;
  partyType?: string;
  partyIssuers?: string;
  year?: string;
  first?: string;
  restSeparator?: string;
  rest?: string;
  /** Slug form (05-2020-TT-BYT): year, the separators after the year and after the type, type, issuers. */
  slugYear?: string;
  slugSeparator?: string;
  slugType?: string;
  slugTypeSeparator?: string;
  slugIssuers?: string;
  /** Older form with a dash and an issuer only (28-CP). */
  oldIssuer?: string;
}

export function readCodeMatch(m: RegExpExecArray): CodeMatch {
  return {
    index: m.index,
    raw: m[0],
    number: m[1]!,
    partyDash: m[2],
    partyType: m[3],
    partyIssuers: m[4],
    year: m[5],
    first: m[6],
    restSeparator: m[7],
    rest: m[8],
    slugYear: m[9],
    slugSeparator: m[10],
    slugType: m[11],
    slugTypeSeparator: m[12],
    slugIssuers: m[13],
    oldIssuer: m[14],
  };
}
