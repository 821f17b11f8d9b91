/**
 * detect(text) → every reference to a Party or State document in `text`, with what its own sentence says.
 * Pure: no DOM, no browser API. Linear in the input: every pattern has bounded quantifiers, and the
 * sentence is read only in a bounded window around each reference.
 */
import { proseTypeEntry } from './abbreviations';
import { codeFacts, type CodeFacts } from './code-reference';
import { codeAt, mayStartCode, SLASH_AFTER_DIGITS_MAX, type CodeMatch } from './code-pattern';
import { composeText } from './composed-text';
import { bodyBefore, bodyFacts } from './issuing-body';
import { insideLink } from './link-context';
import { LineBreaks } from './line-breaks';
import { cleanText } from './normalize';
import { bareReferenceAt, type BareMatch } from './bare-reference';
import { findPlenumReferences } from './plenum-reference';
import { readAfter, readBefore } from './sentence-context';
import type { Family, Reference } from './types';

/** How far to read around a reference for its sentence. */
const BEFORE_WINDOW = 100;
const AFTER_WINDOW = 240;

type Draft = Omit<Reference, 'raw'>;

export function detect(input: string): Reference[] {
  if (typeof input !== 'string' || input.length === 0) return [];
  try {
    return detectIn(input);
  } catch {
    // The detector never throws on any string; a bug in a rule costs that text its references, not the page.
    return [];
  }
}

function detectIn(input: string): Reference[] {
  const codes: Draft[] = [];
  const bares: BareMatch[] = [];
  /** Drafts kept only if their sentence confirms them (kept apart, so that no reference carries a working flag). */
  const needsProse = new Set<Draft>();
  // The separate check for combining marks (in composeText) stays: watching for them within the number scan was
  // measured slower, as a class with two ranges scans at about half the speed of \d.
  const { text, hasMarks, toInput } = composeText(input);
  findByNumber(text, codes, bares, needsProse);

  const plenums: Draft[] = [];
  for (const p of findPlenumReferences(text)) {
    if (insideLink(text, p.start, p.end)) continue;
    plenums.push({
      start: p.start,
      end: p.end,
      family: 'party',
      number: p.number,
      type: { abbr: 'NQ', name: 'Nghị quyết' },
      issuer: { abbr: 'TW', name: 'Ban Chấp hành Trung ương' },
      inferred: true,
      plenum: p.plenum,
      ...(p.term ? { term: p.term } : {}),
    });
  }
  const bareDrafts: Draft[] = [];
  for (const b of bares) {
    if (overlapsCode(codes, b.start, b.end) || insideLink(text, b.start, b.end)) continue;
    const entry = proseTypeEntry(b.word);
    const draft: Draft = {
      start: b.start,
      end: b.end,
      family: entry?.[2] === 'state' ? 'state' : 'party',
      number: b.number,
      codeYear: b.year,
      type: { abbr: entry?.[1] || undefined, name: entry?.[0] ?? b.word },
      issuer: {},
      inferred: true,
      proseType: entry?.[0] ?? b.word,
    };
    bareDrafts.push(draft);
    if (!b.hasSo) needsProse.add(draft);
  }
  const drafts = mergeByStart(codes, plenums, bareDrafts);

  const refs: Reference[] = [];
  const lineBreaks = new LineBreaks(text);
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i];
    const next = drafts[i + 1]?.start ?? text.length;
    const ref = withSentence(text, hasMarks, lineBreaks, d!, next, needsProse.has(d!));
    if (ref) refs.push(ref);
  }
  shareTrailingIssuer(text, refs);
  if (text === input) return refs;
  return refs.map((r) => {
    const start = toInput(r.start);
    const end = toInput(r.end);
    return { ...r, start, end, raw: input.slice(start, end) };
  });
}

/** Digits, one at a time: the scan below reads each run of them once. */
const DIGIT = /\d/g;

/**
 * One pass over the runs of digits in the text, as every code and every bare reference holds a number: for each
 * run, the code that may start in it (written codes, as drafts, in text order) and the type word that may stand
 * before it (bare references, kept apart: they yield to codes once all codes are known). Each run gets cheap
 * character checks first and a sticky pattern only where one could match, which finds exactly what a search
 * of the whole text with each pattern would (see codeAt and bareReferenceAt).
 */
function findByNumber(text: string, drafts: Draft[], bares: BareMatch[], needsProse: Set<Draft>): void {
  let codeFrom = 0;
  let bareFrom = 0;
  let nextSlash = -1;
  DIGIT.lastIndex = 0;
  while (DIGIT.test(text)) {
    const runStart = DIGIT.lastIndex - 1;
    let runEnd = runStart + 1;
    while (runEnd < text.length && isDigit(text.charCodeAt(runEnd))) runEnd++;
    DIGIT.lastIndex = runEnd;

    if (nextSlash < runEnd) {
      nextSlash = text.indexOf('/', runEnd);
      if (nextSlash < 0) nextSlash = Infinity;
    }
    const codeStart = Math.max(runStart, runEnd - 5, codeFrom);
    if (codeStart < runEnd && nextSlash - runEnd <= SLASH_AFTER_DIGITS_MAX && mayStartCode(text, runEnd)) {
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
 * The three lists (each in text order) as one, in text order; on the same start, codes before plenum names
 * before bare references (a stable sort of the three one after the other, in linear time).
 */
function mergeByStart(codes: Draft[], plenums: Draft[], bares: Draft[]): Draft[] {
  if (plenums.length === 0 && bares.length === 0) return codes;
  const out: Draft[] = new Array(codes.length + plenums.length + bares.length);
  let c = 0;
  let p = 0;
  let b = 0;
  for (let i = 0; i < out.length; i++) {
    const cs = c < codes.length ? codes[c]!.start : Infinity;
    const ps = p < plenums.length ? plenums[p]!.start : Infinity;
    const bs = b < bares.length ? bares[b]!.start : Infinity;
    if (cs <= ps && cs <= bs) out[i] = codes[c++]!;
    else if (ps <= bs) out[i] = plenums[p++]!;
    else out[i] = bares[b++]!;
  }
  return out;
}

/** Whether [s, e) overlaps one of the code references (in text order). */
function overlapsCode(drafts: Draft[], s: number, e: number): boolean {
  let lo = 0;
  let hi = drafts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const d = drafts[mid]!;
    if (d.end <= s) lo = mid + 1;
    else if (d.start >= e) hi = mid - 1;
    else return true;
  }
  return false;
}

/** A code starts at a number that is not the tail of another number, date or word ("số31-QĐ/TW" is fine). */
function startsCleanly(text: string, start: number): boolean {
  if (start === 0) return true;
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

/** Sentence start: the last sentence break before `pos`, within the window. */
function sentenceStart(text: string, pos: number): number {
  const floor = Math.max(0, pos - BEFORE_WINDOW);
  for (let i = pos - 1; i >= floor; i--) {
    const c = text.charCodeAt(i);
    if (c === 10) return i + 1;
    // . ! ? ; followed by white space
    if ((c === 46 || c === 33 || c === 63 || c === 59) && i + 1 < pos && text.charCodeAt(i + 1) <= 32) return i + 1;
  }
  return floor;
}

function withSentence(
  text: string,
  hasMarks: boolean,
  lineBreaks: LineBreaks,
  d: Draft,
  nextStart: number,
  needsProse: boolean,
): Reference | undefined {
  const before = cleanText(text.slice(sentenceStart(text, d.start), d.start), hasMarks);
  let afterEnd = Math.min(nextStart, d.end + AFTER_WINDOW);
  const lineBreak = lineBreaks.after(d.end);
  if (lineBreak !== -1 && lineBreak < afterEnd) afterEnd = lineBreak;
  const after = cleanText(text.slice(d.end, afterEnd), hasMarks);
  // A bare reference carries its own type word; a body may still be named before it ("Bộ Chính trị ban hành …").
  const body = d.proseType ? bodyBefore(before) : undefined;
  const b = d.proseType ? { proseType: d.proseType, issuerName: body?.name, date: body?.date } : readBefore(before);
  const a = readAfter(after);
  if (needsProse) {
    if (d.code && !/^(Công văn|Văn bản|Công điện)$/.test(b.proseType ?? '')) return undefined;
    if (!d.code && !a.date && !a.issuerName && !a.term && !endsClause(after)) return undefined;
  }
  const ref = d as Draft as Reference;
  ref.raw = text.slice(d.start, d.end);
  const term = d.term ?? a.term;
  if (b.proseType) ref.proseType = b.proseType;
  const date = a.date ?? b.date;
  if (date) ref.date = date;
  const issuerName = a.issuerName ?? b.issuerName;
  if (issuerName) ref.issuerName = issuerName;
  if (term) ref.term = term;
  if (a.subject) ref.subject = a.subject;
  refineType(ref);
  if (ref.inferred) refineIssuer(ref);
  return ref;
}

/** After a bare number, a citation ends its clause or goes on with "của", "về", "và"…; a count goes on with a noun. */
function endsClause(after: string): boolean {
  return /^\s*(?:$|[.,;:!?)”"]|\(|–|-\s|(?:của|về|và|hoặc|đã|được|đang|là|thì|cũng|nêu|yêu cầu|nhấn mạnh|ngày|năm \d{4}|khóa|khoá)(?![\p{L}])|\/)/iu.test(after);
}

/** QĐ is Quyết định or Quy định: the prose word decides; without one, say both. */
function refineType(ref: Reference): void {
  if (ref.type.abbr !== 'QĐ') return;
  if (ref.proseType === 'Quy định' || ref.proseType === 'Quyết định') ref.type = { abbr: 'QĐ', name: ref.proseType };
  else if (ref.family === 'party' && !ref.inferred) ref.type = { abbr: 'QĐ', name: 'Quyết định hoặc Quy định' };
}

/** A bare reference's issuer comes from the body the sentence names. */
function refineIssuer(ref: Reference): void {
  if (ref.plenum !== undefined) return;
  const body = ref.issuerName ? bodyFacts(ref.issuerName) : undefined;
  if (!body) return;
  const family: Family = body.family;
  ref.family = family;
  if (body.abbr) ref.issuer = { abbr: body.abbr, name: ref.issuerName };
}

/** Whether a body could have issued a code: "Ban Tổ chức Trung ương" issues …/BTCTW, not …/TW. */
function fits(ref: Reference, body: string): boolean {
  if (!ref.code) return true;
  const implied = bodyFacts(body)?.abbr;
  return implied === undefined || implied === '' || ref.issuer.abbr?.split('-')[0] === implied;
}

/**
 * "Chỉ thị số 35-CT/TW và Quy định số 205-QĐ/TW của Bộ Chính trị": a reference joined to the next by "và" or a
 * comma, with nothing of its own in between, shares the next one's issuing body.
 */
function shareTrailingIssuer(text: string, refs: Reference[]): void {
  for (let i = refs.length - 2; i >= 0; i--) {
    const r = refs[i]!;
    const n = refs[i + 1]!;
    if (r.issuerName || !n.issuerName || r.date || r.subject) continue;
    if (n.start - r.end > 40 || !fits(r, n.issuerName)) continue;
    const between = cleanText(text.slice(r.end, n.start));
    if (/^\s*(?:,|và|hoặc|,\s*và)\s*(?:[\p{L} ]{0,30}?(?:số)?\s*)?$/iu.test(between)) {
      r.issuerName = n.issuerName;
      if (r.inferred) refineIssuer(r);
    }
  }
}
