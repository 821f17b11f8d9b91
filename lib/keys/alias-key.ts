/**
 * Accent- and case-insensitive keys for aliases and short names ("Nghị quyết Trung ương 7 (khóa XII)",
 * "nghi quyet 57", "NQ57"). Pure; shared by the build, the lookup service and the scanner.
 */

/** Strips Vietnamese diacritics (đ → d included) and lower-cases. */
export function foldAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ\u00d0\u0110]/g, 'd')
    .toLowerCase();
}

/**
 * Alias key: accents folded, lower case, every run of non-alphanumerics one space, letters and digits split
 * ("NQ57" → "nq 57"), "khoá"/"khóa" both "khoa".
 */
export function aliasKey(text: string): string {
  return foldAccents(text)
    .replace(/([a-z])(\d)/g, '$1 $2')
    .replace(/(\d)([a-z])/g, '$1 $2')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Content words of a phrase as a set of alias-key tokens, for subject ↔ title comparison. */
export function keyTokens(text: string): string[] {
  const key = aliasKey(text);
  return key ? key.split(' ') : [];
}
