/** What the sentence around a reference says: the prose type word before it; date, body, term and subject after it. */
import { PROSE_TYPES } from './abbreviations';
import { readDate } from './dates';
import { bodyBefore, readBodyName } from './issuing-body';

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
  const lower = word.toLowerCase();
  return PROSE_TYPES.find(([w]) => w.toLowerCase() === lower)?.[0] ?? word;
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

const TERM = /^(?:khóa|khoá|khoa)\s+([IVXLC]+)\b/i;
const ISSUED = /^(?:(?:đã|được|vừa|mới)\s+)*(?:ký\s+)?ban hành\b/i;
const BY = /^(?:của|do)\s+/i;
const ABOUT = /^về\s/i;

/**
 * Reads what follows a reference in its sentence (`after` is cleaned text from the reference's end to the
 * sentence's end or the next reference). Clauses come in any order: date, "của" body, term, "ban hành", then "về" subject.
 */
export function readAfter(after: string): SentenceFacts {
  const facts: SentenceFacts = {};
  let s = after;
  for (let step = 0; step < 8; step++) {
    s = s.replace(/^[\s,()]+/, '');
    let m: RegExpExecArray | null;
    const date = facts.date ? undefined : readDate(s);
    if (date) {
      facts.date = date.date;
      s = s.slice(date.length);
    } else if (!facts.issuerName && (m = BY.exec(s))) {
      const body = readBodyName(s.slice(m[0].length));
      if (!body) break;
      facts.issuerName = body.name;
      s = s.slice(m[0].length + body.length);
    } else if (!facts.term && (m = TERM.exec(s))) {
      facts.term = m[1]!.toUpperCase();
      s = s.slice(m[0].length);
    } else if ((m = ISSUED.exec(s))) {
      s = s.slice(m[0].length);
    } else if (ABOUT.test(s)) {
      facts.subject = readSubject(s);
      break;
    } else break;
  }
  return facts;
}

/** "về …" up to the clause's end; a quoted title is taken whole. */
function readSubject(s: string): string {
  const quoted = /^về\s+(?:việc\s+)?[“"]([^”"]{1,300})[”"]/i.exec(s);
  if (quoted) return quoted[0];
  const end = s.search(/[.;!?\n]|[“”"]|\s[-–]\s/);
  const clause = (end < 0 ? s : s.slice(0, end)).slice(0, 240);
  return clause.replace(/[\s,:]+$/, '');
}
