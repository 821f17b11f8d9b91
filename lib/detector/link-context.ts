/** A code-like string inside a web address or an e-mail address is not a citation. */
export function insideLink(text: string, start: number, end: number): boolean {
  let a = start;
  const floor = Math.max(0, start - 300);
  while (a > floor && !/\s/.test(text[a - 1]!)) a--;
  let b = end;
  const ceiling = Math.min(text.length, end + 300);
  while (b < ceiling && !/\s/.test(text[b]!)) b++;
  const token = text.slice(a, b);
  return /:\/\/|^\(?www\.|@|\.(?:html?|aspx?|php)\b/i.test(token);
}
