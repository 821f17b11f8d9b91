/** How far a sentence's subject and a title speak of the same thing (shared word pairs). Pure. */
import { keyTokens } from './alias-key';

/** Overlap of the sentence's subject with a title, 0..1 (shared word pairs over the shorter side). */
export function subjectOverlap(subject: string, title: string): number {
  const pairs = (text: string) => {
    const t = keyTokens(text).filter((w) => w !== 've' && w !== 'viec');
    const out = new Set<string>();
    for (let i = 0; i + 1 < t.length; i++) out.add(`${t[i]} ${t[i + 1]}`);
    return out;
  };
  const a = pairs(subject);
  const b = pairs(title);
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const p of a) if (b.has(p)) shared++;
  return shared / Math.min(a.size, b.size);
}
