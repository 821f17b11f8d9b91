/**
 * Provincial and local codes (…/TU, …/HU, …/ĐU, …/QĐ-UBND): a different document in every province or
 * district, so they resolve only with a place.
 */
import { aliasKey } from './alias-key';
import { issuerKey } from './code-key';

/** Party issuer abbreviations of provincial, district and grassroots committees. */
const LOCAL_PARTY = new Set(['TU', 'HU', 'ĐU', 'QU', 'THU', 'TXU', 'ĐUK', 'CB', 'BTGTU', 'BTCTU', 'UBKTTU', 'VPTU', 'BDVTU', 'BNCTU']);

/** True when the issuer abbreviation (or the code's issuer part) names a local body. */
export function isLocalIssuer(abbr: string | undefined): boolean {
  if (!abbr) return false;
  const key = issuerKey(abbr);
  if (LOCAL_PARTY.has(key)) return true;
  // Party local bodies end in TU / HU (Ban Tuyên giáo Tỉnh ủy → BTGTU); state local ones are UBND/HĐND.
  if (/^(?:UBND|HĐND)\b/.test(key) || /-(?:UBND|HĐND)$/.test(key)) return true;
  if (/^B[A-ZĐ]{1,4}(?:TU|HU)$/.test(key)) return true;
  return false;
}

/** The issuer part of a code: "07-NQ/TU" → "TU", "123/QĐ-UBND" → "UBND", "100/2019/NĐ-CP" → "CP". */
export function codeIssuer(code: string): string | undefined {
  const slash = code.indexOf('/');
  if (slash < 0) return undefined;
  const head = code.slice(0, slash);
  const last = code.slice(code.lastIndexOf('/') + 1);
  if (head.includes('-')) return last; // Party form: 35-CT/TW
  const dash = last.indexOf('-');
  return dash >= 0 ? last.slice(dash + 1) : last;
}

/** True when a code names a local body's document (…/TU, …/HU, …/QĐ-UBND, …/UBND-VX). */
export function isLocalCode(code: string): boolean {
  const last = issuerKey(code.slice(code.lastIndexOf('/') + 1));
  if (/(?:^|-)(?:UBND|HĐND)(?:-|$)/.test(last)) return true;
  return isLocalIssuer(codeIssuer(code));
}

/** Place key for comparison ("Nam Định", "tỉnh Nam Định", "TP Hà Nội" → "nam dinh", "ha noi"). */
export function placeKey(place: string): string {
  return aliasKey(place).replace(/^(?:tinh|thanh pho|tp)\s+/, '');
}
