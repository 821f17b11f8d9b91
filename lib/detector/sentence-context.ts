/** What the sentence around a reference says: the prose type word before it; date, body, term and subject after it. */
import { PROSE_TYPES, proseTypeEntry } from './abbreviations';
import { readDate } from './dates';
import { bodyBefore, readBodyName } from './issuing-body';
import { isSpace } from './normalize';

export interface SentenceFacts {
  proseType?: string;
  date?: string;
  issuerName?: string;
  term?: string;
  subject?: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Any prose type word, longest first, in either case. */
export const PROSE_TYPE_SOURCE = PROSE_TYPES.map(([w]) => w)
  .filter(Boolean)
  .map(escape)
  .join('|');

/** Prose type words in lower case, longest first, for matching at the end of a text. */
const PROSE_WORDS_LOWER = PROSE_TYPES.map(([w]) => w.toLowerCase()).filter(Boolean);
/** What may stand between a type word and its code: "số", a colon, an opening parenthesis, spaces. */
const FILLER_AT_END = /(?: (?:số|so):?)?[ :]*\(?$/i;

/** Canonical spelling of a prose type word ("quy định" → "Quy định"). */
export function canonicalProseType(word: string): string {
  return proseTypeEntry(word)?.[0] ?? word;
}

/** Reads the type word that ends `before` (cleaned text up to the code). */
export function readBefore(before: string): { proseType?: string; issuerName?: string; date?: string } {
  // Only the last few words matter: anchored regexes would try every position of the window.
  const tail = before.slice(-40);
  const rest = tail.slice(0, tail.length - (FILLER_AT_END.exec(tail)?.[0].length ?? 0)).toLowerCase();
  const word = PROSE_WORDS_LOWER.find((w) => rest.endsWith(w) && !/\p{L}/u.test(rest[rest.length - w.length - 1] ?? ''));
  if (!word) return {};
  const head = before.slice(0, before.length - tail.length + rest.length - word.length);
  const body = bodyBefore(head);
  return { proseType: canonicalProseType(word), issuerName: body?.name, date: body?.date };
}

// Sticky: tried exactly at the reading position, so the sentence is read in place, never copied clause by clause.
const TERM = /(?:khóa|khoá|khoa)\s+([IVXLC]+)\b/iy;
const ISSUED = /(?:(?:đã|được|vừa|mới)\s+)*(?:ký\s+)?ban hành\b/iy;
const BY = /(?:của|do)\s+/iy;
const ABOUT = /về\s/iy;

/** First letters of ISSUED in either case (đã, được, vừa, mới, ký, ban hành), ASCII ones lower-cased. */
const ISSUED_OPENERS = new Set([0x110, 0x111, 118, 109, 107, 98]);
/** ASCII letters lower-cased; every other code unchanged. */
const asciiLower = (c: number) => (c >= 65 && c <= 90 ? c | 0x20 : c);

function at(re: RegExp, s: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(s);
}

/** Skips white space, commas and parentheses between clauses. */
function skipJoiners(s: string, pos: number): number {
  for (; pos < s.length; pos++) {
    const c = s.charCodeAt(pos);
    if (c !== 44 && c !== 40 && c !== 41 && !isSpace(c)) break;
  }
  return pos;
}

/**
 * Reads what follows a reference in its sentence (`after` is cleaned text from the reference's end to the
 * sentence's end or the next reference). Clauses come in any order: date, "của" body, term, "ban hành", then "về" subject.
 */
export function readAfter(after: string): SentenceFacts {
  const facts: SentenceFacts = {};
  const s = after;
  let pos = 0;
  for (let step = 0; step < 8; step++) {
    pos = skipJoiners(s, pos);
    let m: RegExpExecArray | null;
    // Each clause is tried only if the text opens with one of its first letters (in either case).
    const c = asciiLower(s.charCodeAt(pos));
    const date = facts.date ? undefined : readDate(s, pos);
    if (date) {
      facts.date = date.date;
      pos += date.length;
    } else if (!facts.issuerName && (c === 99 || c === 100) /* c d */ && (m = at(BY, s, pos))) {
      const body = readBodyName(s, pos + m[0].length);
      if (!body) break;
      facts.issuerName = body.name;
      pos += m[0].length + body.length;
    } else if (!facts.term && c === 107 /* k */ && (m = at(TERM, s, pos))) {
      facts.term = m[1]!.toUpperCase();
      pos += m[0].length;
    } else if (ISSUED_OPENERS.has(c) && (m = at(ISSUED, s, pos))) {
      pos += m[0].length;
    } else if (c === 118 /* v */ && at(ABOUT, s, pos)) {
      facts.subject = readSubject(s, pos);
      break;
    } else break;
  }
  return facts;
}

const QUOTED = /về\s+(?:việc\s+)?[“"]([^”"]{1,300})[”"]/iy;
const CLAUSE_END = /[.;!?\n]|[“”"]|\s[-–]\s/g;

/** "về …" from `pos` up to the clause's end; a quoted title is taken whole. */
function readSubject(s: string, pos: number): string {
  const quoted = at(QUOTED, s, pos);
  if (quoted) return quoted[0];
  CLAUSE_END.lastIndex = pos;
  const end = CLAUSE_END.exec(s)?.index ?? s.length;
  let to = Math.min(end, pos + 240);
  // Drop trailing spaces, commas and colons.
  while (to > pos) {
    const c = s.charCodeAt(to - 1);
    if (c !== 44 && c !== 58 && !isSpace(c)) break;
    to--;
  }
  return s.slice(pos, to);
}
