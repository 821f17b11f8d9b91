/**
 * Normalized document codes for index look-ups: the same code however a page types it.
 * "05-CT/TƯ", "5 - CT/TW", "05–CT/TW" → "5-CT/TW"; "58/2025/NÐ-CP" (U+00D0) → "58/2025/NĐ-CP".
 */

/** Normalizes a code for exact comparison and index keys. */
export function codeKey(code: string): string {
  let key = code
    .normalize('NFC')
    .replace(/\u00d0/g, 'Đ')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, '')
    .toUpperCase()
    .replace(/TƯ/g, 'TW');
  // Leading zeros of the number ("05-CT/TW" and "5-CT/TW" are the same document code).
  key = key.replace(/^0+(?=\d)/, '');
  return key;
}

/** Normalized type abbreviation for number+type+issuer keys ("QĐi" and "QĐ" both "QĐ"). */
export function typeKey(abbr: string): string {
  const key = abbr.normalize('NFC').replace(/\u00d0/g, 'Đ').toUpperCase();
  return key === 'QĐI' ? 'QĐ' : key;
}

/** Normalized issuer abbreviation ("TƯ" → "TW"). */
export function issuerKey(abbr: string): string {
  return abbr.normalize('NFC').replace(/\u00d0/g, 'Đ').toUpperCase().replace(/TƯ/g, 'TW');
}

/** Number without leading zeros. */
export function numberKey(number: string): string {
  return number.replace(/^0+(?=\d)/, '');
}
