/** A code-like string inside a web address or an e-mail address is not a citation. */
import { isSpace } from './normalize';

const LINK = /:\/\/|^\(?www\.|@|\.(?:html?|aspx?|php)\b/i;

export function insideLink(text: string, start: number, end: number): boolean {
  // The token is the run of non-space characters around [start, end). Every link mark the pattern looks for
  // holds ':', '@' or '.', so a token without any of them (most) is settled without building it.
  let marks = false;
  let a = start;
  const floor = Math.max(0, start - 300);
  while (a > floor && !isSpace(text.charCodeAt(a - 1))) {
    a--;
    marks ||= isLinkMark(text.charCodeAt(a));
  }
  for (let i = start; i < end && !marks; i++) marks = isLinkMark(text.charCodeAt(i));
  let b = end;
  const ceiling = Math.min(text.length, end + 300);
  while (b < ceiling && !isSpace(text.charCodeAt(b))) {
    marks ||= isLinkMark(text.charCodeAt(b));
    b++;
  }
  return marks && LINK.test(text.slice(a, b));
}

/** ':' '@' '.' */
const isLinkMark = (c: number) => c === 58 || c === 64 || c === 46;
