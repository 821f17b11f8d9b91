/**
 * The index keys a code typed in an address or a search box may stand for: the code as written, normalized
 * (codeKey: "05-CT/TƯ" → "5-CT/TW"), then the detector's reading of it, which knows the written variants
 * ("35/CT-TW", "35 CT TW" → "35-CT/TW"). Pure.
 */
import { detect } from '../detector/detect';
import { codeKey } from '../keys/code-key';

export function codeKeysOf(written: string): string[] {
  const text = written.trim().slice(0, 200);
  if (!text) return [];
  const keys = [codeKey(text)];
  for (const ref of detect(text)) if (ref.code && !ref.inferred) keys.push(codeKey(ref.code));
  return [...new Set(keys)];
}
