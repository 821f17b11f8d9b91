/**
 * Decomposed input (NFD, as some sites and PDFs produce) made NFC, with a map back to the input's offsets,
 * so rules can be written once for composed text and still report offsets into what the caller gave. The
 * Icelandic eth (Ð, ð), which some Vietnamese sites type for Đ, đ ("58/2025/NÐ-CP"), is read as Đ, đ (same length).
 */
export interface ComposedText {
  text: string;
  /** Whether the input held any combining mark (if not, `text` is the input and holds none either). */
  hasMarks: boolean;
  /** Maps an offset in `text` to the matching offset in the input. */
  toInput(offset: number): number;
}

const MARKS = /[\u0300-\u036f]/;
const ETH = /[\u00d0\u00f0]/g;
const asD = (eth: string) => (eth === '\u00d0' ? '\u0110' : '\u0111');

export function composeText(input: string): ComposedText {
  const composed = composeMarks(input);
  // indexOf is far cheaper than a character class over the whole text.
  return input.indexOf('\u00d0') >= 0 || input.indexOf('\u00f0') >= 0 ? { ...composed, text: composed.text.replace(ETH, asD) } : composed;
}

function composeMarks(input: string): ComposedText {
  if (!MARKS.test(input)) return { text: input, hasMarks: false, toInput: (o) => o };
  // Each cluster of a base character and its combining marks is composed on its own; record where lengths change.
  const parts: string[] = [];
  const outStarts: number[] = [];
  const inStarts: number[] = [];
  const cluster = /[^\u0300-\u036f][\u0300-\u036f]+/g;
  let last = 0;
  let out = 0;
  for (let m = cluster.exec(input); m; m = cluster.exec(input)) {
    if (m.index > last) {
      parts.push(input.slice(last, m.index));
      out += m.index - last;
    }
    const composed = m[0].normalize('NFC');
    outStarts.push(out);
    inStarts.push(m.index);
    parts.push(composed);
    out += composed.length;
    // After the cluster, offsets shift by the difference; record the cluster's end as a new anchor.
    outStarts.push(out);
    inStarts.push(m.index + m[0].length);
    last = m.index + m[0].length;
  }
  parts.push(input.slice(last));
  const text = parts.join('');
  const toInput = (offset: number): number => {
    // Last anchor at or before offset; inside a composed cluster, map to the cluster's start.
    let lo = 0;
    let hi = outStarts.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (outStarts[mid]! <= offset) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (best < 0) return offset;
    return inStarts[best]! + (best % 2 === 1 ? offset - outStarts[best]! : 0);
  };
  return { text, hasMarks: true, toInput };
}
