/**
 * The index keys of documents and references, and the one rule by which candidates are gathered for a reference,
 * whatever holds the index: the dataset build's and the scanner's in-memory index (document-index.ts), the
 * background's document cache and the IndexedDB index records (lib/store). Pure.
 */
import type { Reference } from '../detector/types';
import type { DocumentRecord } from '../records/schema';
import { aliasKey } from '../keys/alias-key';
import { codeKey, issuerKey, numberKey, typeKey } from '../keys/code-key';
import { termNumeral } from '../keys/party-terms';

/** The indexes candidates are gathered from: normalized code, alias key, number+type+issuer (see ntiKey). */
export type CandidateIndex = 'code' | 'alias' | 'nti';

/** One look-up in one index. */
export type IndexLookup = readonly [CandidateIndex, string];

export interface LookupKeys {
  codes: string[];
  aliases: string[];
  numberTypeIssuer?: [string, string, string];
}

/** Separator of the number+type+issuer key's parts (a character no part contains). */
export const NTI_SEPARATOR = '\u0000';

/** The number+type+issuer index key. */
export function ntiKey(numberTypeIssuer: readonly [string, string, string]): string {
  return numberTypeIssuer.join(NTI_SEPARATOR);
}

/** Which index keys to fetch candidate documents by (exact normalized codes; alias keys; number+type+issuer). */
export function lookupKeys(ref: Reference): LookupKeys {
  const codes = ref.code ? [codeKey(ref.code)] : [];
  const aliases = new Set<string>();
  if (ref.inferred || !ref.code) {
    const raw = aliasKey(ref.raw);
    if (raw) aliases.add(raw);
  }
  if (!ref.code && ref.number) {
    // Short names ("Nghị định số 86", "NĐ 86"): the same keys documentKeys() gives every document.
    if (ref.type.name) aliases.add(aliasKey(`${ref.type.name} ${numberKey(ref.number)}`));
    if (ref.type.abbr) aliases.add(aliasKey(`${ref.type.abbr} ${numberKey(ref.number)}`));
  }
  if (ref.plenum !== undefined) {
    aliases.add(plenumKey(ref.plenum));
    const term = termNumeral(ref.term) ?? ref.term;
    if (term) aliases.add(plenumKey(ref.plenum, term));
  }
  let numberTypeIssuer: [string, string, string] | undefined;
  const type = ref.type.abbr;
  const issuer = ref.issuer.abbr ?? (ref.family === 'party' ? 'TW' : undefined);
  if (ref.number && type && issuer) numberTypeIssuer = [numberKey(ref.number), typeKey(type), issuerKey(issuer)];
  return { codes, aliases: [...aliases].sort(), numberTypeIssuer };
}

/** Index keys of a document: the same normalizations lookupKeys uses, for building the store's indexes. */
export function documentKeys(doc: DocumentRecord): { code: string; aliases: string[]; numberTypeIssuer: [string, string, string] } {
  const aliases = new Set<string>();
  for (const a of doc.aliases) aliases.add(aliasKey(a));
  if (doc.plenum !== undefined && doc.typeAbbr === 'NQ') {
    aliases.add(plenumKey(doc.plenum));
    if (doc.term) aliases.add(plenumKey(doc.plenum, doc.term));
  }
  aliases.add(aliasKey(`${doc.typeName} ${numberKey(doc.number)}`));
  aliases.add(aliasKey(`${doc.typeAbbr} ${numberKey(doc.number)}`));
  return {
    code: codeKey(doc.code),
    aliases: [...aliases].filter(Boolean).sort(),
    numberTypeIssuer: [numberKey(doc.number), typeKey(doc.typeAbbr), issuerKey(doc.issuerAbbr)],
  };
}

function plenumKey(plenum: number, term?: string): string {
  return aliasKey(`nghi quyet trung uong ${plenum}${term ? ` khoa ${term}` : ''}`);
}

/**
 * The candidate-gathering rule: which index look-ups find the documents a reference may name. A written code is
 * the reference's identity (the resolver compares codes), so the code index alone; a reference without one (a
 * short name, a plenum name) by its alias keys and its number+type+issuer.
 */
export function candidateLookups(ref: Reference): IndexLookup[] {
  const keys = lookupKeys(ref);
  if (keys.codes.length > 0) {
    const byCode: IndexLookup[] = keys.codes.map((c) => ['code', c] as const);
    // A state code is written with and without its year ("67/NĐ-CP", "67/2014/NĐ-CP"): one document, found by
    // number+type+issuer too (the resolver keeps those whose code differs by the year alone: sameStateCode).
    if (ref.family === 'state' && /^\d+\//.test(ref.code as string) && keys.numberTypeIssuer) byCode.push(['nti', ntiKey(keys.numberTypeIssuer)]);
    return byCode;
  }
  const out: IndexLookup[] = keys.aliases.map((a) => ['alias', a] as const);
  if (keys.numberTypeIssuer) out.push(['nti', ntiKey(keys.numberTypeIssuer)]);
  return out;
}

/**
 * Whether two state codes name one document: the same code, or the same but for a year one of them leaves out
 * ("67/NĐ-CP" and "67/2014/NĐ-CP"). Party codes compare whole.
 */
export function sameStateCode(a: string, b: string): boolean {
  const ka = codeKey(a);
  const kb = codeKey(b);
  if (ka === kb) return true;
  const ma = /^(\d+)\/(?:(\d{4})\/)?(.+)$/.exec(ka);
  const mb = /^(\d+)\/(?:(\d{4})\/)?(.+)$/.exec(kb);
  if (!ma || !mb || /^\d+-/.test(ka) || /^\d+-/.test(kb)) return false;
  return ma[1] === mb[1] && ma[3] === mb[3] && (!ma[2] || !mb[2]);
}

/** The lists found by a reference's look-ups, merged: each item once, in the order first found. */
export function mergeCandidates<T>(lists: ReadonlyArray<readonly T[] | undefined>, idOf: (item: T) => string): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const list of lists) {
    for (const item of list ?? []) {
      const id = idOf(item);
      if (!seen.has(id)) { seen.add(id); out.push(item); }
    }
  }
  return out;
}

/** Candidates for a reference from an index held in memory (by kind and key → documents). */
export function gatherCandidates(ref: Reference, index: (kind: CandidateIndex, key: string) => readonly DocumentRecord[] | undefined): DocumentRecord[] {
  return mergeCandidates(candidateLookups(ref).map(([kind, key]) => index(kind, key)), (d) => d.id);
}
