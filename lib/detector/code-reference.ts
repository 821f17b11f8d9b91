/** Turns one match of the code pattern into the code-derived part of a reference, or rejects it. */
import {
  DECREE_OF_PRESIDENT,
  PARTY_ISSUERS,
  PARTY_TYPES,
  STATE_ISSUERS,
  STATE_TYPES,
  canonicalPartyIssuer,
  canonicalPartyType,
  canonicalStateIssuer,
  canonicalStateType,
} from './abbreviations';
import type { CodeMatch } from './code-pattern';
import { IGNORABLE, officialNumber, stripLeadingZeros } from './normalize';
import type { Abbreviation, Family } from './types';

export interface CodeFacts {
  code: string;
  family: Family;
  number: string;
  codeYear?: string;
  type: Abbreviation;
  issuer: Abbreviation;
  /**
   * A form that is only a code when the prose word before it says so: a short công văn ("197/STTTT"), an older
   * form without a type ("60/CP", "28-CP", "41/TTg", "34/SL"), a permit ("95/GPXD").
   */
  needsProseConfirmation?: boolean;
  /** The issuer was written "TƯ", which some provincial committees use for Tỉnh ủy (see Reference.issuerMayBeLocal). */
  writtenTU?: boolean;
}

/** One abbreviation as written: invisible characters dropped, NFC, "TƯ" read as "TW". */
function cleanWord(s: string): string {
  return s.replace(IGNORABLE, '').normalize('NFC').replace(/T[Ưư]/g, 'TW');
}

const isUpper = (s: string) => s === s.toUpperCase() && /[A-ZĐ]/.test(s);
/** Upper case but for one final lower-case letter, as in TTg, TTr, TCTTTg; "&" only between capitals (SVH&TT). */
const isUpperish = (s: string) => /^[A-ZĐ](?:[A-ZĐ0-9]|&(?=[A-ZĐ]))*[a-z]?$/.test(s);
/** "&" stands only between two letters ("NN&PTNT", not "NN&" or "&PTNT"). */
const ampersandsFit = (s: string) => !/(?:^|[^A-Za-zĐđ])&|&(?![A-Za-zĐđ])/.test(s);

/** Splits an issuer list on its dashes (spaces around a dash dropped); undefined when an "&" stands out of place. */
function segments(list: string): string[] {
  const out = cleanWord(list)
    .replace(/\s+/g, '')
    .split(/[-\u2010-\u2015\u2212]+/)
    .filter(Boolean);
  return out.every(ampersandsFit) ? out : [];
}

/** The issuer table's spelling of some letters, also when a page writes the name's "và" as "&" (BGD&ĐT → BGDĐT). */
function knownIssuer(letters: string, family: Family): string | undefined {
  const look = (l: string) =>
    family === 'party' ? canonicalPartyIssuer(l) ?? canonicalStateIssuer(l) : canonicalStateIssuer(l) ?? canonicalPartyIssuer(l);
  return look(letters) ?? (letters.includes('&') ? look(letters.replace(/&/g, '')) : undefined);
}

/** Canonical spelling of one issuer segment (letters plus an optional term number, as in UBTVQH15). */
function canonicalIssuer(seg: string, family: Family): string | undefined {
  const m = /^(.*?)(\d{0,2})$/.exec(seg)!;
  const letters = m[1]!;
  const known = knownIssuer(letters, family);
  if (known) return known + m[2];
  return isUpperish(seg) && letters.length >= 2 ? seg : undefined;
}

function issuerName(abbr: string): string | undefined {
  const letters = abbr.replace(/\d+$/, '');
  return PARTY_ISSUERS[letters] ?? STATE_ISSUERS[letters];
}

/** Drafting units after the issuer; all in lower case only when the whole code is ("4912/ubnd-nc"). */
function units(list: string[], lowerCase = false): string[] | undefined {
  const out: string[] = [];
  for (const seg of list) {
    const clean =
      seg.toUpperCase() === seg || /^[A-ZĐ][A-Za-zĐđ]*\d{0,2}$/.test(seg) || (lowerCase && /^[a-zđ&]{1,10}\d{0,2}$/.test(seg)) ? seg : undefined;
    if (!clean) return undefined;
    const letters = seg.replace(/\d+$/, '');
    const known = canonicalStateIssuer(letters) ?? (letters.includes('&') ? canonicalStateIssuer(letters.replace(/&/g, '')) : undefined);
    out.push(known ? known + (/\d+$/.exec(seg)?.[0] ?? '') : seg.toUpperCase());
  }
  return out;
}

function party(number: string, typeAbbr: string, issuers: string[]): CodeFacts | undefined {
  const first = issuers[0] && canonicalIssuer(issuers[0], 'party');
  const rest = units(issuers.slice(1));
  if (!first || !rest) return undefined;
  const all = [first, ...rest];
  const family: Family = canonicalStateIssuer(first.replace(/\d+$/, '')) && !canonicalPartyIssuer(first) ? 'state' : 'party';
  return {
    code: `${officialNumber(number)}-${typeAbbr}/${all.join('-')}`,
    family,
    number: stripLeadingZeros(number),
    type: { abbr: typeAbbr, name: PARTY_TYPES[typeAbbr] ?? STATE_TYPES[typeAbbr] },
    issuer: { abbr: all.join('-'), name: issuerName(first) },
  };
}

function state(
  number: string,
  year: string | undefined,
  typeAbbr: string | undefined,
  issuers: string[],
  lowerCase = false,
): CodeFacts | undefined {
  const first = issuers[0] && canonicalIssuer(issuers[0], 'state');
  const rest = units(issuers.slice(1), lowerCase);
  if (!first || !rest) return undefined;
  const all = [first, ...rest].join('-');
  const head = year ? `${officialNumber(number)}/${year}` : officialNumber(number);
  return {
    code: typeAbbr ? `${head}/${typeAbbr}-${all}` : `${head}/${all}`,
    family: 'state',
    number: stripLeadingZeros(number),
    codeYear: year,
    type: typeAbbr ? { abbr: typeAbbr, name: STATE_TYPES[typeAbbr] ?? PARTY_TYPES[typeAbbr] } : { name: 'Công văn' },
    issuer: { abbr: all, name: issuerName(first) },
  };
}

const LAW = /^(UBTVQH|QH)(\d{1,2})$/;

/** Whether an issuer list opens with "TƯ" as written (not "TW", not "UBKTTƯ"). */
function opensWithTU(list: string): boolean {
  return /^T[Ưư](?![\p{L}\d])/u.test(list.replace(IGNORABLE, '').normalize('NFC'));
}

/** Types a slug written with spaces may carry ("27-2018 TT BTC"): the normative ones, nothing that reads as prose. */
const SPACED_SLUG_TYPES = new Set(['NĐ', 'TT', 'TTLT', 'QĐ', 'NQ', 'NQLT', 'CT', 'VBHN']);

/**
 * The older forms without a type: "60/CP", "28-CP" (Nghị định of the 1990s), "41/TTg", "388-HĐBT" (Hội đồng Bộ
 * trưởng, 1981–1992), "34/SL" (Sắc lệnh, 1945–1959). Only codes when the prose word before them says what they are.
 */
function olderForm(number: string, written: string, separator: '-' | '/'): CodeFacts | undefined {
  const abbr = written === 'SL' ? 'SL' : canonicalStateIssuer(written);
  if (!abbr || !['CP', 'TTg', 'HĐBT', 'SL'].includes(abbr)) return undefined;
  const facts: CodeFacts = {
    code: `${officialNumber(number)}${separator}${abbr}`,
    family: 'state',
    number: stripLeadingZeros(number),
    type: {},
    issuer: abbr === 'SL' ? { name: 'Chủ tịch nước' } : { abbr, name: STATE_ISSUERS[abbr] },
    needsProseConfirmation: true,
  };
  if (abbr === 'SL') facts.type = { abbr: 'SL', name: DECREE_OF_PRESIDENT };
  return facts;
}

/** "05-2020-TT-BYT", "27-2018 TT BTC": a file or address slug of a State code, read as 05/2020/TT-BYT. */
function slug(m: CodeMatch): CodeFacts | undefined {
  const year = Number(m.slugYear);
  // "2020-2021-…" is a range of years, not a number and a year.
  if (year < 1945 || year > 2100 || /^(?:19|20)\d{2}$/.test(m.number)) return undefined;
  const type = canonicalStateType(cleanWord(m.slugType!));
  const issuers = segments(m.slugIssuers!);
  if (!type || type === 'SL' || issuers.length === 0) return undefined;
  const spaced = !/[-\u2010-\u2015\u2212]/.test(m.slugSeparator!) || !/[-\u2010-\u2015\u2212]/.test(m.slugTypeSeparator!);
  // With spaces only, every part must be one the tables know: "12-2018 TT HN" is no code.
  if (spaced && (!SPACED_SLUG_TYPES.has(type) || !issuers.every((i) => canonicalStateIssuer(i.replace(/\d+$/, ''))))) return undefined;
  if (!canonicalStateIssuer(issuers[0]!.replace(/\d+$/, '')) && !isUpper(issuers[0]!)) return undefined;
  return state(m.number, m.slugYear, type, issuers);
}

/** Normative types a glued type and issuer may open with, longest first. */
const GLUED_TYPES = ['TTLT', 'NQLT', 'VBHN', 'NĐ', 'TT', 'QĐ', 'NQ', 'CT'];

/** "NĐCP" → ["NĐ", "CP"], "QDTTg" → ["QĐ", "TTg"]: a known normative type, then a known State issuer. */
function splitGlued(word: string): [string, string] | undefined {
  const folded = word.toUpperCase().replace(/Đ/g, 'D');
  for (const type of GLUED_TYPES) {
    const t = type.replace(/Đ/g, 'D');
    if (!folded.startsWith(t) || folded.length === t.length) continue;
    const issuer = canonicalStateIssuer(word.slice(t.length));
    if (issuer && canonicalStateType(word.slice(0, t.length)) === type) return [type, issuer];
  }
  return undefined;
}

export function codeFacts(m: CodeMatch): CodeFacts | undefined {
  const number = m.number;
  if (m.partyType !== undefined) {
    const written = cleanWord(m.partyType);
    const type = canonicalPartyType(written) ?? canonicalStateType(written);
    if (!type) return undefined;
    // Without a dash, only an upper-case type counts ("84 QĐ/TWĐTN", not "2 tt/hd").
    if (m.partyDash === '' && !isUpper(written.replace(/[a-zđ]$/, ''))) return undefined;
    const facts = party(number, type, segments(m.partyIssuers!));
    return facts && opensWithTU(m.partyIssuers!) && facts.family === 'party' ? { ...facts, writtenTU: true } : facts;
  }
  if (m.slugYear !== undefined) return slug(m);
  if (m.oldIssuer !== undefined) return olderForm(number, cleanWord(m.oldIssuer), '-');
  const first = cleanWord(m.first!);
  if (!ampersandsFit(first)) return undefined;
  const rest = m.rest ? segments(m.rest) : [];
  if (m.rest && rest.length === 0) return undefined;
  if (m.year) {
    const year = Number(m.year);
    if (year < 1945 || year > 2100) return undefined;
    const law = LAW.exec(first.toUpperCase());
    if (law && rest.length === 0) {
      return {
        code: `${officialNumber(number)}/${m.year}/${law[1]}${law[2]}`,
        family: 'state',
        number: stripLeadingZeros(number),
        codeYear: m.year,
        type: {},
        issuer: { abbr: `${law[1]}${law[2]}`, name: STATE_ISSUERS[law[1]!] },
      };
    }
    const type = canonicalStateType(first);
    if (type && rest.length > 0) return state(number, m.year, type, rest);
    // "78/2013/NĐCP": the dash between type and issuer left out; both must be ones the tables know.
    const glued = rest.length === 0 ? splitGlued(first) : undefined;
    return glued && state(number, m.year, glued[0], [glued[1]]);
  }
  if (rest.length === 0) {
    const older = olderForm(number, first, '/');
    if (older) return older;
    // "95/GPXD": a kind of permit, no issuer; only with the prose word "giấy phép" (or công văn, văn bản).
    if (/^GP[A-ZĐ]{1,6}$/.test(first)) {
      return {
        code: `${officialNumber(number)}/${first}`,
        family: 'state',
        number: stripLeadingZeros(number),
        type: { abbr: first, name: STATE_TYPES.GP },
        issuer: {},
        needsProseConfirmation: true,
      };
    }
    // "197/STTTT": an issuer alone; only with a prose word saying it is a công văn.
    if (!isUpper(first) || first.length < 3 || canonicalStateType(first)) return undefined;
    const facts = state(number, undefined, undefined, [first]);
    return facts && { ...facts, needsProseConfirmation: true };
  }
  const stateType = canonicalStateType(first);
  const partyType = canonicalPartyType(first);
  const issuerHead = rest[0]!.replace(/\d+$/, '');
  const partyIssuer = canonicalPartyIssuer(issuerHead);
  const stateIssuer = canonicalStateIssuer(issuerHead);
  if (partyType && partyIssuer && !stateIssuer) return party(number, partyType, rest); // 18/NQ-TW, 646/QĐ/QUTW
  // "42/TW-KL": a Party issuer, then its type (swapped), read as 42-KL/TW.
  if (!stateType && !partyType && m.restSeparator !== '/' && rest.length === 1) {
    const swappedType = canonicalPartyType(rest[0]!);
    if (swappedType && canonicalPartyIssuer(first) && !canonicalStateIssuer(first)) {
      const facts = party(number, swappedType, [first]);
      return facts && opensWithTU(m.first!) ? { ...facts, writtenTU: true } : facts;
    }
  }
  const lowerCase = m.raw === m.raw.toLowerCase();
  if (stateType) return state(number, undefined, stateType, rest, lowerCase);
  // "2520/UBND/GPMB": a slash for the dash between a known issuer and its unit; a công văn only when the prose says so.
  if (m.restSeparator === '/') {
    const facts = canonicalStateIssuer(first) && rest.length === 1 ? state(number, undefined, undefined, [first, ...rest]) : undefined;
    return facts && { ...facts, needsProseConfirmation: true };
  }
  // Công văn: issuer and drafting unit, no type (4912/UBND-NC; in lower case only after a known issuer).
  if ((!isUpper(first) && !canonicalStateIssuer(first)) || first.length < 2) return undefined;
  return state(number, undefined, undefined, [first, ...rest], lowerCase);
}
