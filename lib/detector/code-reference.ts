/** Turns one match of the code pattern into the code-derived part of a reference, or rejects it. */
import {
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
  /** A short công văn form ("197/STTTT") is only a code when the prose calls it one. */
  needsProseConfirmation?: boolean;
}

/** One abbreviation as written: invisible characters dropped, NFC, "TƯ" read as "TW". */
function cleanWord(s: string): string {
  return s.replace(IGNORABLE, '').normalize('NFC').replace(/T[Ưư]/g, 'TW');
}

const isUpper = (s: string) => s === s.toUpperCase() && /[A-ZĐ]/.test(s);
/** Upper case but for one final lower-case letter, as in TTg, TTr, TCTTTg. */
const isUpperish = (s: string) => /^[A-ZĐ][A-ZĐ0-9]*[a-z]?$/.test(s);

/** Splits an issuer list on its dashes. */
function segments(list: string): string[] {
  return cleanWord(list)
    .split(/[-\u2010-\u2015\u2212]+/)
    .filter(Boolean);
}

/** Canonical spelling of one issuer segment (letters plus an optional term number, as in UBTVQH15). */
function canonicalIssuer(seg: string, family: Family): string | undefined {
  const m = /^(.*?)(\d{0,2})$/.exec(seg)!;
  const letters = m[1]!;
  const known =
    family === 'party'
      ? canonicalPartyIssuer(letters) ?? canonicalStateIssuer(letters)
      : canonicalStateIssuer(letters) ?? canonicalPartyIssuer(letters);
  if (known) return known + m[2];
  return isUpperish(seg) && letters.length >= 2 ? seg : undefined;
}

function issuerName(abbr: string): string | undefined {
  const letters = abbr.replace(/\d+$/, '');
  return PARTY_ISSUERS[letters] ?? STATE_ISSUERS[letters];
}

function units(list: string[]): string[] | undefined {
  const out: string[] = [];
  for (const seg of list) {
    const clean = seg.toUpperCase() === seg || /^[A-ZĐ][A-Za-zĐđ]*\d{0,2}$/.test(seg) ? seg : undefined;
    if (!clean) return undefined;
    out.push(canonicalStateIssuer(seg.replace(/\d+$/, ''))
      ? canonicalStateIssuer(seg.replace(/\d+$/, ''))! + (/\d+$/.exec(seg)?.[0] ?? '')
      : seg.toUpperCase());
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

function state(number: string, year: string | undefined, typeAbbr: string | undefined, issuers: string[]): CodeFacts | undefined {
  const first = issuers[0] && canonicalIssuer(issuers[0], 'state');
  const rest = units(issuers.slice(1));
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

export function codeFacts(m: CodeMatch): CodeFacts | undefined {
  const number = m.number;
  if (m.partyType !== undefined) {
    const written = cleanWord(m.partyType);
    const type = canonicalPartyType(written) ?? canonicalStateType(written);
    if (!type) return undefined;
    // Without a dash, only an upper-case type counts ("84 QĐ/TWĐTN", not "2 tt/hd").
    if (m.partyDash === '' && !isUpper(written.replace(/[a-zđ]$/, ''))) return undefined;
    return party(number, type, segments(m.partyIssuers!));
  }
  const first = cleanWord(m.first!);
  const rest = m.rest ? segments(m.rest) : [];
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
    if (!type || rest.length === 0) return undefined;
    return state(number, m.year, type, rest);
  }
  if (rest.length === 0) {
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
  if (stateType) return state(number, undefined, stateType, rest);
  if (m.restSeparator === '/' ) return undefined;
  // Công văn: issuer and drafting unit, no type (4912/UBND-NC).
  if ((!isUpper(first) && !canonicalStateIssuer(first)) || first.length < 2) return undefined;
  return state(number, undefined, undefined, [first, ...rest]);
}
