/**
 * Finding written codes and bare references by their numbers. Every code and every bare reference holds a
 * number, so one pass over the runs of digits finds both: cheap character checks first, and a sticky pattern
 * only where one could match, with exactly the matches a search of the whole text with each pattern would give.
 */
import { bareReferenceAt, type BareMatch } from './bare-reference';
import { codeAt, mayStartCode, type CodeMatch } from './code-pattern';
import { codeFacts, type CodeFacts } from './code-reference';
import { insideLink } from './link-context';
import type { Reference } from './types';

/** A reference before its sentence is read (no `raw` yet). */
export type Draft = Omit<Reference, 'raw'>;

/** Digits, one at a time: the scan below reads each run of them once. */
const DIGIT = /\d/g;

/**
 * For each run of digits: the code that may start in it (pushed to `drafts`, in text order; those only a công văn
 * word can confirm also go to `needsProse`) and the type word that may stand before it (pushed to `bares`, kept
 * apart: they yield to codes once all codes are known).
 */
export function findByNumber(text: string, drafts: Draft[], bares: BareMatch[], needsProse: Set<Draft>): void {
  let codeFrom = 0;
  let bareFrom = 0;
  DIGIT.lastIndex = 0;
  while (DIGIT.test(text)) {
    const runStart = DIGIT.lastIndex - 1;
    let runEnd = runStart + 1;
    while (runEnd < text.length && isDigit(text.charCodeAt(runEnd))) runEnd++;
    DIGIT.lastIndex = runEnd;

    // A code's number is the run's last one to five digits; matches never overlap (codeFrom: the last one's end).
    const codeStart = Math.max(runStart, runEnd - 5, codeFrom);
    if (codeStart < runEnd && mayStartCode(text, runEnd)) {
      const match = codeAt(text, codeStart);
      if (match) {
        codeFrom = match.index + match.raw.length;
        const facts = citedCodeFacts(text, match);
        if (facts) {
          const draft = codeDraft(match, facts);
          drafts.push(draft);
          if (facts.needsProseConfirmation) needsProse.add(draft);
        }
      }
    }

    const bare = bareReferenceAt(text, runStart, runEnd, bareFrom);
    if (bare) {
      bareFrom = bare.end;
      if (bare.ref) bares.push(bare.ref);
    }
  }
}

const isDigit = (c: number) => c >= 48 && c <= 57;
/** Soft hyphen, zero-width space and joiners, word joiner, BOM, and the non-breaking space. */
const isInvisibleOrNbsp = (c: number) => c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff || c === 0xa0;

/** The code-derived facts of a match, or undefined when it is not a citation. */
function citedCodeFacts(text: string, match: CodeMatch): CodeFacts | undefined {
  const start = match.index;
  if (!startsCleanly(text, start) || insideLink(text, start, start + match.raw.trimEnd().length)) return undefined;
  return cachedCodeFacts(match);
}

/** A draft reference from a code match and its facts. */
function codeDraft(match: CodeMatch, facts: CodeFacts): Draft {
  const start = match.index;
  const end = start + match.raw.trimEnd().length;
  return {
    code: facts.code,
    start,
    end,
    family: facts.family,
    number: facts.number,
    codeYear: facts.codeYear,
    type: facts.type,
    issuer: facts.issuer,
    inferred: false,
    ...(facts.writtenTU ? { issuerMayBeLocal: true } : {}),
  };
}

/** Codes recur on a page and across pages: their code-derived facts are computed once (frozen, shared). */
const factsCache = new Map<string, CodeFacts | null>();
function cachedCodeFacts(match: CodeMatch): CodeFacts | undefined {
  const hit = factsCache.get(match.raw);
  if (hit !== undefined) return hit ?? undefined;
  const facts = codeFacts(match);
  if (facts) {
    Object.freeze(facts.type);
    Object.freeze(facts.issuer);
  }
  if (factsCache.size >= 20_000) factsCache.clear();
  factsCache.set(match.raw, facts ?? null);
  return facts;
}

/**
 * A code starts at a number that is not the tail of another number, date or word ("số31-QĐ/TW" is fine). A number
 * is never cut in two: digits before it across soft hyphens, zero-width characters or a non-breaking space
 * ("3\u00AD5-CT/TW", "7\u00A049/QĐ-TTg") make it the tail of one number, whose code is then not read at all (never
 * 5-CT/TW for 35-CT/TW).
 */
function startsCleanly(text: string, start: number): boolean {
  if (start === 0) return true;
  let before = start - 1;
  while (before >= 0 && before > start - 5 && isInvisibleOrNbsp(text.charCodeAt(before))) before--;
  if (before < start - 1) return before < 0 || !isDigit(text.charCodeAt(before));
  const prev = text.charCodeAt(start - 1);
  // After a digit: never (the tail of a longer number). After . - – /: only when that is not itself after a digit
  // ("1.234-…", "30-5-…"), and never after a slash.
  if (isDigit(prev)) return false;
  if (prev === 46 || prev === 45 || prev === 0x2013) return !isDigit(text.charCodeAt(start - 2));
  if (prev === 47) return false;
  // After a letter: only "số" glued to the number ("số31-QĐ/TW").
  if ((prev >= 65 && prev <= 90) || (prev >= 97 && prev <= 122) || (prev >= 0xc0 && prev <= 0x1eff)) {
    return /(?:^|[^\p{L}])số$/iu.test(text.slice(Math.max(0, start - 4), start));
  }
  return true;
}
