/**
 * Where a sentence ends: ". ! ? ;" before white space, except the period of an abbreviation that goes on with a
 * name ("Sở Y tế TP. Hồ Chí Minh ban hành …", "GS. TS. Nguyễn Văn A"). Pure.
 */

/** Not one-letter "Q." or "P.": an initial ending a sentence ("Bị can là Lê Văn Q.") is common in news. */
const ABBREVIATION_BEFORE_NAME = /(?:^|[^\p{L}])(?:TP|Tp|TX|Tx|GS|PGS|TS|ThS|BS)$/u;

/** Whether the character at `i` ends a sentence (the caller checks that white space follows). */
export function endsSentenceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 33 || c === 63 || c === 59) return true;
  if (c !== 46) return false;
  // Cheap test first: every such abbreviation ends in P, p, X, x or S.
  const last = text.charCodeAt(i - 1);
  if (last !== 80 && last !== 112 && last !== 88 && last !== 120 && last !== 83) return true;
  return !ABBREVIATION_BEFORE_NAME.test(text.slice(Math.max(0, i - 4), i));
}
