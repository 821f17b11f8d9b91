/** What a code says by itself, without the dataset: its type and the level of the body that issued it. Pure. */
import type { Reference } from '../detector/types';

export type IssuerLevel =
  | 'central-party'
  | 'provincial-party'
  | 'district-party'
  | 'party-committee'
  | 'central-state'
  | 'ministry'
  | 'local-state';

/** The issuer level a code's issuer abbreviation implies, or undefined when it does not say. */
export function issuerLevel(ref: Pick<Reference, 'family' | 'issuer'>): IssuerLevel | undefined {
  const abbr = ref.issuer.abbr?.normalize('NFC').toUpperCase();
  if (!abbr) return undefined;
  if (ref.family === 'party') {
    const head = abbr.split('-')[0] ?? '';
    if (/(TW|TƯ)$/.test(head)) return 'central-party';
    if (/(TU)$/.test(head)) return 'provincial-party';
    if (/(HU|QU|THU)$/.test(head)) return 'district-party';
    if (/(ĐU|ĐƯ)/.test(head)) return 'party-committee';
    return undefined;
  }
  const parts = abbr.split('-');
  const last = parts[parts.length - 1] ?? '';
  if (/^(CP|TTG|QH|UBTVQH\d*|CTN|VPCP|TANDTC|VKSNDTC|KTNN)$/.test(last)) return 'central-state';
  if (/^(UBND|HĐND)$/.test(last) || parts.some((p) => p === 'UBND' || p === 'HĐND')) return 'local-state';
  if (/^B[A-ZĐ]{1,6}$/.test(last) || /^NHNN$/.test(last)) return 'ministry';
  return undefined;
}

/** The document type a reference names: the prose word first ("Quy định"), then what the code's type means. */
export function referenceTypeName(ref: Pick<Reference, 'proseType' | 'type'>): string | undefined {
  return ref.proseType ?? ref.type.name;
}
