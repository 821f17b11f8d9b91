/**
 * Resolution of a detected reference to the documents it may name. Pure: no IndexedDB, no browser API; shared
 * by the dataset build, the background lookup service and the command-line scanner.
 *
 * Honest by construction: a reference resolves only when its code (or alias) and its context single out one
 * document; otherwise it stays "ambiguous" with ranked candidates and their reasons, "unresolved" when no known
 * document fits, or "needs-place" for local codes (…/TU, …/QĐ-UBND) when no place is known.
 */
import type { Reference } from '../detector/types';
import { placeInBodyName, placesIn } from '../detector/place-names';
import type { DocumentRecord } from '../records/schema';
import type { PlaceSource, Reason, RuleOut } from '../records/reason';
import { bodyIdentity, compareBodies, couldIssue } from '../keys/body-key';
import { aliasKey, keyTokens } from '../keys/alias-key';
import { subjectOverlap } from '../keys/subject-overlap';
import { passageReader, type PassageWords } from './passage-words';
import { documentKeys, lookupKeys, sameStateCode } from './candidate-keys';
import { codeKey, issuerKey, numberKey, typeKey } from '../keys/code-key';
import { isLocalCode, isLocalIssuer, placeKey } from '../keys/local-codes';
import { termForDate, termNumeral, termStart } from '../keys/party-terms';
import { placeForSite, type SiteTable } from '../keys/site-place';

export interface ResolveContext {
  /** The page's (article's) date, "YYYY-MM-DD" or "YYYY". */
  pageDate?: string;
  /** The page's host name ("baonamdinh.vn", "www.baonamdinh.vn"). */
  site?: string;
  /** Site → province table (the dataset's `sites`); needed to place local codes from the site. */
  sites?: SiteTable;
  /** A place the caller already knows for the page (overrides the site table). */
  place?: string;
  /** The page's headline: a place it names places local codes its sentences and paragraphs leave unplaced. */
  headline?: string;
  /** How to name pageDate in reasons when it is a bound rather than the page's own date (e.g. "the end of 2017 (…)"). */
  pageDateLabel?: string;
  /**
   * Codes the same page cites in full (any spelling; compared by codeKey). A short name ("Nghị định 86") then
   * prefers the document the page spelled out ("86/2015/NĐ-CP").
   */
  pageCodes?: readonly string[];
}

export interface Candidate {
  id: string;
  code: string;
  date?: string;
  issuer?: string;
  term?: string;
  title?: string;
  score: number;
  /** Why this candidate, as data (see Reason; reasonText() words them in English). */
  reasons: Reason[];
}

export type ResolutionStatus = 'resolved' | 'ambiguous' | 'unresolved' | 'needs-place';

/**
 * What kind of answer a resolution is, as the card says it: the sentence's facts confirm the record; the best fit
 * among records nothing contradicts (chosen by the page's date or by elimination); several fit; none does.
 */
export type AnswerKind = 'confirmed' | 'best-fit' | 'several' | 'not-in-dataset' | 'needs-place';

/** A candidate the page contradicts, with what rules it out. */
export interface RuledOut {
  id: string;
  code: string;
  date?: string;
  issuer?: string;
  term?: string;
  because: RuleOut[];
}

export interface Resolution {
  status: ResolutionStatus;
  /** The kind of answer (derived from status and evidence; absent in resolutions made before it existed). */
  answer?: AnswerKind;
  /** Best first. Empty for 'unresolved' and 'needs-place'. */
  candidates: Candidate[];
  /** Candidates ruled out by what the page states, with why (at most MAX_RULED_OUT). */
  ruledOut?: RuledOut[];
  /** For local codes: the place used, and where it came from ("sentence" or "site"). */
  place?: { name: string; from: PlaceSource };
}

/** Ruled-out candidates a resolution lists. */
export const MAX_RULED_OUT = 5;

/** Every date a document is known by (its date and any disagreeing readings). */
function docDates(doc: DocumentRecord): string[] {
  const dates = doc.date ? [doc.date] : [];
  for (const r of doc.readings) if (r.field === 'date' && !dates.includes(r.value)) dates.push(r.value);
  return dates;
}

function docTerms(doc: DocumentRecord): string[] {
  const terms = new Set<string>();
  if (doc.term) terms.add(doc.term);
  for (const r of doc.readings) if (r.field === 'term') terms.add(termNumeral(r.value) ?? r.value);
  if (terms.size === 0) for (const d of docDates(doc)) { const t = termForDate(d); if (t) terms.add(t); }
  return [...terms];
}

/** Does the document carry the reference's identity (code, or number/type/plenum/alias for inferred ones)? */
function sameIdentity(ref: Reference, doc: DocumentRecord, aliasKeys: string[]): boolean {
  if (ref.code && ref.family === 'state') {
    if (!sameStateCode(ref.code, doc.code)) return false;
    // A code's year names one document: a record of that code without the year must not be of another year.
    const refYear = /^\d+\/(\d{4})\//.exec(codeKey(ref.code))?.[1];
    const docYear = /^\d+\/(\d{4})\//.exec(codeKey(doc.code))?.[1] ?? doc.date?.slice(0, 4);
    return !refYear || !docYear || refYear === docYear;
  }
  if (ref.code) return codeKey(ref.code) === codeKey(doc.code);
  const keys = documentKeys(doc);
  if (ref.plenum !== undefined) {
    if (doc.plenum !== ref.plenum || doc.typeAbbr !== 'NQ') return false;
    return ref.number === undefined || numberKey(ref.number) === keys.numberTypeIssuer[0];
  }
  if (ref.codeYear) {
    const year = /^\d+\/(\d{4})\//.exec(doc.code)?.[1];
    if (year && year !== ref.codeYear) return false;
  }
  if (ref.number && ref.type.abbr) {
    const [n, t, i] = keys.numberTypeIssuer;
    if (n !== numberKey(ref.number) || t !== typeKey(ref.type.abbr)) return false;
    const issuer = ref.issuer.abbr ?? (ref.family === 'party' ? 'TW' : undefined);
    return !issuer || i === issuerKey(issuer);
  }
  return aliasKeys.some((k) => keys.aliases.includes(k));
}

/**
 * Words that say nothing of a topic (bridged over when pairing a title's words). Keys have no diacritics, so a word
 * here stands for every word spelt with its letters: no "the" (thể dục, thể thao, thể chế, thế giới).
 */
const TOPIC_STOP = new Set(['ve', 'viec', 'va', 'cua', 'cac', 'nhung', 'mot', 'so', 'trong', 'theo', 'nham', 'den', 'nam', 'cho', 'tai', 'la', 'co', 'duoc', 'voi', 'tren', 'nay', 'khi', 'tu', 'toi']);

function topicPairs(text: string): Set<string> {
  const words = keyTokens(text).filter((w) => !TOPIC_STOP.has(w) && !/^\d+$/.test(w));
  const out = new Set<string>();
  for (let i = 0; i + 1 < words.length; i++) out.add(`${words[i]} ${words[i + 1]}`);
  return out;
}

/**
 * How much of a title the passage around a reference speaks of: the title's word pairs (stop words bridged) found
 * in the passage. A match needs five pairs, or three and a fifth of the title's.
 */
export function topicOverlap(context: string, title: string): { shared: number; matches: boolean } {
  const t = topicPairs(title);
  if (t.size === 0) return { shared: 0, matches: false };
  const c = topicPairs(context);
  let shared = 0;
  for (const p of t) if (c.has(p)) shared++;
  return { shared, matches: shared >= 5 || (shared >= 3 && shared / t.size >= 0.2) };
}


interface Scored {
  doc: DocumentRecord;
  /** Score from the sentence's own context (date, year, term, plenum, subject, issuer). */
  evidence: number;
  /** Evidence from facts that identify a document (date, year, term, plenum, subject): a match makes it "confirmed". */
  identifying: number;
  score: number;
  reasons: Reason[];
  /** What the page states that this candidate contradicts; any entry rules it out. */
  ruledOut: RuleOut[];
  /** How the sentence's issuing body compares with the record's. */
  body?: 'same' | 'near' | 'differs';
  /** Overlap of the sentence's subject with the title (0..1), when both are known. */
  subject?: number;
  /** How the passage around the reference compares with the title, when both are known. */
  topic?: { shared: number; matches: boolean };
  /** The title's subject terms the passage around the reference says, when both are known. */
  passage?: PassageWords;
  /** The part of the evidence that comes from words (subject, passage) compared with the title. */
  words: number;
}

/** A date at the coarser of two precisions: negative when a is before b, positive after, 0 when they cannot be told apart. */
function compareDates(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) < b.slice(0, n) ? -1 : a.slice(0, n) > b.slice(0, n) ? 1 : 0;
}

function scoreCandidate(ref: Reference, doc: DocumentRecord): Scored {
  const s: Scored = { doc, evidence: 0, identifying: 0, score: 0, reasons: [], ruledOut: [], words: 0 };
  s.reasons.push(ref.code ? { kind: 'exactCode' } : ref.plenum !== undefined ? { kind: 'plenum', plenum: ref.plenum } : { kind: 'numberType' });
  const dates = docDates(doc);
  if (ref.date) {
    const full = /^\d{4}-\d{2}-\d{2}$/.test(ref.date);
    const year = ref.date.slice(0, 4);
    if (full && dates.includes(ref.date)) { s.identifying += 100; s.reasons.push({ kind: 'dateMatches', date: ref.date }); }
    else if (dates.some((d) => d.slice(0, 4) === year)) {
      // A full date the document is not known by is a contradiction only when the document's full date is known.
      const fullSameYear = dates.find((d) => d.length === 10 && d.slice(0, 4) === year);
      if (full && fullSameYear) s.ruledOut.push({ kind: 'dateDiffers', stated: ref.date, recorded: fullSameYear });
      else { s.identifying += 50; s.reasons.push({ kind: 'yearMatches', year }); }
    } else if (dates.length > 0) s.ruledOut.push({ kind: 'dateDiffers', stated: ref.date, recorded: dates[0]! });
    else if (doc.term && !doc.place) {
      // An undated document known by its term: the sentence's date falls in that term or not.
      const t = termForDate(ref.date);
      if (t === doc.term) { s.identifying += 30; s.reasons.push({ kind: 'fallsInTerm', date: ref.date, term: t }); }
      else if (t) s.ruledOut.push({ kind: 'termDiffers', stated: t, recorded: doc.term });
    }
  }
  const refTerm = termNumeral(ref.term) ?? ref.term;
  if (refTerm) {
    const terms = docTerms(doc);
    if (terms.includes(refTerm)) { s.identifying += 40; s.reasons.push({ kind: 'termStated', term: refTerm }); }
    else if (terms.length > 0) s.ruledOut.push({ kind: 'termDiffers', stated: refTerm, recorded: terms.join(', ') });
  }
  if (ref.plenum !== undefined && doc.plenum !== undefined) {
    if (ref.plenum === doc.plenum) { s.identifying += 20; if (ref.code) s.reasons.push({ kind: 'plenum', plenum: ref.plenum }); }
    else s.ruledOut.push({ kind: 'plenumDiffers', stated: ref.plenum, recorded: doc.plenum });
  }
  // A document cannot be cited at an event held before it existed.
  const time = timeOf(doc);
  if (ref.eventDate && time && compareDates(ref.eventDate, time) < 0) s.ruledOut.push({ kind: 'afterEventDate', eventDate: ref.eventDate, recorded: time });
  if (ref.subject && doc.title) {
    s.subject = subjectOverlap(ref.subject, doc.title);
    if (s.subject >= 0.5) { s.identifying += Math.round(60 * s.subject); s.words += Math.round(60 * s.subject); s.reasons.push({ kind: 'subjectMatches' }); }
  }
  // A record known only from news has a title read from a citing sentence, perhaps this very passage: no evidence.
  if (ref.context && doc.title && !doc.knownFromNews) {
    s.topic = topicOverlap(ref.context, doc.title);
    if (s.topic.matches) { s.identifying += 30; s.words += 30; s.reasons.push({ kind: 'topicMatches' }); }
  }
  const stated = bodyIdentity(ref.issuerName);
  if (ref.issuerName && stated && couldIssue(stated, doc.family, doc.typeAbbr)) {
    // A Party code says its level plainly (…/TW central, …/TU, …/HU local), and that comes first: a record made from
    // a sentence that misnames its body (a …/TU record credited to the Bộ Chính trị) never answers a central body.
    s.body = (doc.family === 'party' ? levelOfCode(ref.issuerName, doc) : undefined) ?? compareBodies(ref.issuerName, doc.issuer) ?? levelOfCode(ref.issuerName, doc);
    if (s.body === 'same' && doc.issuer) { s.evidence += 5; s.reasons.push({ kind: 'issuerMatches', issuer: doc.issuer }); }
    else if (s.body === 'differs') s.ruledOut.push({ kind: 'issuerDiffers', stated: ref.issuerName, recorded: doc.issuer ?? doc.issuerAbbr });
  }
  s.evidence += s.identifying;
  s.score = s.evidence + (doc.confidence === 'official' ? 2 : doc.confidence === 'secondary' ? 1 : 0) - (doc.knownFromNews ? 1 : 0);
  return s;
}

/**
 * When a record names no issuing body, its code still says the level: a provincial body's sentence ("Ban Thường vụ
 * Tỉnh ủy …") never names a central record (…/TW), nor a central body a local one.
 */
function levelOfCode(issuerName: string, doc: DocumentRecord): 'differs' | undefined {
  const stated = bodyIdentity(issuerName);
  if (!stated) return undefined;
  const local = isLocalCode(doc.code);
  const statedLocal = stated.level === 'local-party' || stated.level === 'local-state';
  return local !== statedLocal ? 'differs' : undefined;
}

/** The date used to order candidates in time: the document's date, else the year in its code, else its term's start. */
function timeOf(doc: DocumentRecord): string | undefined {
  const d = docDates(doc)[0];
  if (d) return d;
  const codeYear = /^\d+\/(\d{4})\//.exec(doc.code)?.[1];
  if (codeYear) return codeYear;
  return doc.term ? termStart(doc.term) : undefined;
}

function toCandidate(s: Scored): Candidate {
  const d = s.doc;
  return { id: d.id, code: d.code, date: d.date, issuer: d.issuer, term: d.term, title: d.title, score: s.score, reasons: s.reasons };
}

function byScore(a: Scored, b: Scored): number {
  return b.score - a.score || (timeOf(b.doc) ?? '').localeCompare(timeOf(a.doc) ?? '') || (a.doc.id < b.doc.id ? -1 : a.doc.id > b.doc.id ? 1 : 0);
}

/** The page date a reason names, and the bound's label when it is one rather than the page's own date. */
function pageDateOf(ctx: ResolveContext): { pageDate: string; bound?: string } {
  return { pageDate: ctx.pageDate ?? '', ...(ctx.pageDateLabel ? { bound: ctx.pageDateLabel } : {}) };
}

/** Whether a reference names a local body's document (…/TU, …/HU, …/QĐ-UBND): one in every province or district. */
export function isLocalReference(ref: Reference): boolean {
  return ref.code ? isLocalCode(ref.code) : isLocalIssuer(ref.issuer.abbr);
}

/**
 * Where a local code belongs, and where that was read, in this order: the sentence's issuing body, the place its
 * sentence or paragraph names, the headline, the place the caller knows for the page, the site's province.
 */
export function placeOf(ref: Reference, ctx: ResolveContext): Resolution['place'] {
  const fromSentence = placeInBodyName(ref.issuerName);
  if (fromSentence) return { name: fromSentence, from: 'sentence' };
  if (ref.place) return { name: ref.place, from: ref.placeFrom ?? 'sentence' };
  const fromHeadline = ctx.headline ? headlinePlace(ref, ctx.headline) : undefined;
  if (fromHeadline) return { name: fromHeadline, from: 'headline' };
  if (ctx.place) return { name: ctx.place, from: 'context' };
  const fromSite = placeForSite(ctx.site, ctx.sites);
  return fromSite ? { name: fromSite, from: 'site' } : undefined;
}

/** The place a headline names, of the level the reference's code needs (a district for …/HU, else a province). */
function headlinePlace(ref: Reference, headline: string): string | undefined {
  const district = /^(?:HU|QU|THU|TXU)$/i.test(ref.issuer.abbr ?? '');
  const places = placesIn(headline.slice(0, 500));
  return (places.find((p) => (district ? p.level === 'district' : p.level === 'province')) ?? (district ? undefined : places[0]))?.name;
}

/** Ranks the candidate documents for a reference and decides, never guessing silently. */
export function resolveReference(ref: Reference, candidates: DocumentRecord[], ctx: ResolveContext): Resolution {
  const keys = lookupKeys(ref);
  const seen = new Set<string>();
  const pool = candidates.filter((d) => {
    if (seen.has(d.id)) return false;
    seen.add(d.id);
    return sameIdentity(ref, d, keys.aliases);
  });

  let place: Resolution['place'];
  if (isLocalReference(ref)) {
    place = placeOf(ref, ctx);
    if (!place) return { status: 'needs-place', answer: 'needs-place', candidates: [] };
  }

  const scored = dropDuplicates(pool.map((d) => scoreCandidate(ref, d)));
  if (place) {
    const key = placeKey(place.name);
    for (const s of scored) {
      if (s.doc.place !== undefined && placeKey(s.doc.place) === key) s.reasons.push({ kind: 'place', place: place.name, from: place.from });
      else s.ruledOut.push({ kind: 'placeDiffers', stated: place.name, ...(s.doc.place ? { recorded: s.doc.place } : {}) });
    }
  }
  if (!ref.code && ctx.pageCodes?.length) {
    const onPage = new Set(ctx.pageCodes.map(codeKey));
    for (const s of scored) if (onPage.has(codeKey(s.doc.code))) { s.evidence += 35; s.score += 35; s.reasons.push({ kind: 'citedInFull' }); }
  }
  // A page cannot cite a document issued after it: candidates dated after the page date are out (compared at the
  // coarser of the two precisions, so a year-only date never excludes a document of the same year).
  if (ctx.pageDate) {
    for (const s of scored) {
      const t = timeOf(s.doc);
      if (t && compareDates(t, ctx.pageDate) > 0) s.ruledOut.push({ kind: 'afterPageDate', ...pageDateOf(ctx), recorded: t });
    }
  }
  weighYearsInForce(ref, scored, ctx);
  ruleOutWeakerMatches(ref, scored);
  leadByPassage(ref, scored.filter((s) => s.ruledOut.length === 0));

  const live = scored.filter((s) => s.ruledOut.length === 0).sort(byScore);
  const ruledOut = scored.filter((s) => s.ruledOut.length > 0).slice(0, MAX_RULED_OUT).map(toRuledOut);
  const out = (r: Omit<Resolution, 'ruledOut'>): Resolution => (ruledOut.length ? { ...r, ruledOut } : r);
  if (live.length === 0) return out({ status: 'unresolved', answer: 'not-in-dataset', candidates: [], ...(place ? { place } : {}) });
  // The sentence names a series of one number ("các Nghị quyết 19/NQ-CP" of several years): never one of them.
  if (ref.several) {
    for (const s of live) s.reasons.push({ kind: 'namesSeries' });
    return out({ status: 'ambiguous', answer: 'several', candidates: live.map(toCandidate), ...(place ? { place } : {}) });
  }
  if (live.length === 1) {
    const only = live[0] as Scored;
    // Nothing in the sentence names it, and the page may well cite another document the dataset lacks: offered, not chosen.
    if (!plausibleUnconfirmed(only, ref, ctx)) return out({ status: 'ambiguous', answer: 'several', candidates: [toCandidate(only)], ...(place ? { place } : {}) });
    if (scored.some((s) => s.ruledOut.some((r) => r.kind === 'afterPageDate') && !s.ruledOut.some((r) => r.kind === 'placeDiffers'))) only.reasons.push({ kind: 'onlyBeforePageDate', ...pageDateOf(ctx) });
    else if (only.evidence === 0) only.reasons.push({ kind: ref.code ? 'onlyKnownCode' : 'onlyKnownName' });
    return out({ status: 'resolved', answer: only.identifying > 0 ? 'confirmed' : 'best-fit', candidates: [toCandidate(only)], ...(place ? { place } : {}) });
  }

  // Several documents carry the code: the sentence's context decides when it singles one out.
  const best = (live[0] as Scored).evidence;
  const tied = live.filter((s) => s.evidence === best);
  if (tied.length === 1 && best > 0) {
    const top = live[0] as Scored;
    // Words tell apart only documents whose titles are known: a candidate without one may be the one the words
    // describe ("Nghị quyết Hội nghị Trung ương 5 khóa XII về hoàn thiện thể chế kinh tế thị trường", and a plenum
    // resolution the dataset holds without its title). Unless the sentence's own "về …" clause is in the title's
    // words throughout: a passage's words, or a subject half in the title, do not rule out an unknown title. (A
    // second record of the same state code and year is the same document, not another title.)
    if ((top.subject ?? 0) < FULL_SUBJECT && live.some((o) => o !== top && !o.doc.title && !sameDocumentCode(o.doc, top.doc) && o.evidence >= top.evidence - top.words)) {
      return out({ status: 'ambiguous', answer: 'several', candidates: live.map(toCandidate), ...(place ? { place } : {}) });
    }
    return out({ status: 'resolved', answer: top.identifying > 0 ? 'confirmed' : 'best-fit', candidates: live.map(toCandidate), ...(place ? { place } : {}) });
  }

  // Else the page's date: the latest document dated before it. Only among documents sharing one code (numbers
  // restart every term); documents with different codes (e.g. the resolutions of one plenum) are not told apart
  // by time.
  const oneCode = tied.every((s) => codeKey(s.doc.code) === codeKey((tied[0] as Scored).doc.code));
  if (ctx.pageDate && oneCode) {
    const page = ctx.pageDate;
    const dated = tied.map((s) => ({ s, t: timeOf(s.doc) }));
    const undatedTie = dated.some((x) => x.t === undefined);
    // Compared at the coarser of the two precisions: a year-only date in the page's year (or a document of the
    // year of a year-only page) cannot be ordered against it.
    const rel = (t: string) => { const n = Math.min(t.length, page.length); return t.slice(0, n) < page.slice(0, n) ? -1 : t.slice(0, n) > page.slice(0, n) ? 1 : t.length >= page.length && page.length === 10 ? 0 : 2; };
    const before = dated.filter((x) => x.t !== undefined && rel(x.t) <= 0);
    const unorderable = dated.some((x) => x.t !== undefined && rel(x.t) === 2);
    if (!undatedTie && !unorderable && before.length > 0) {
      before.sort((a, b) => (b.t as string).localeCompare(a.t as string));
      const pick = (before[0] as { s: Scored }).s;
      if (!plausibleUnconfirmed(pick, ref, ctx)) return out({ status: 'ambiguous', answer: 'several', candidates: live.map(toCandidate), ...(place ? { place } : {}) });
      // The passage speaks of another candidate's subject and not of this one's: the page's date, which only breaks
      // ties among candidates nothing tells apart, does not overrule it (too little to pick that other one either).
      if (pick.doc.title && (pick.passage?.strength ?? 0) === 0 && live.some((o) => o !== pick && (o.passage?.strength ?? 0) > 0)) return out({ status: 'ambiguous', answer: 'several', candidates: live.map(toCandidate), ...(place ? { place } : {}) });
      pick.score += 10;
      pick.reasons.push({ kind: before.length === 1 ? 'onlyBeforePageDate' : 'latestBeforePageDate', ...pageDateOf(ctx) });
      const rest = live.filter((s) => s !== pick);
      return out({ status: 'resolved', answer: pick.identifying > 0 ? 'confirmed' : 'best-fit', candidates: [pick, ...rest].map(toCandidate), ...(place ? { place } : {}) });
    }
  }
  return out({ status: 'ambiguous', answer: 'several', candidates: live.map(toCandidate), ...(place ? { place } : {}) });
}

/** Two records of one state code with its year ("174/2013/NĐ-CP" dated twice) are one document read twice. */
function sameDocumentCode(a: DocumentRecord, b: DocumentRecord): boolean {
  return a.family === 'state' && b.family === 'state' && /^\d+\/\d{4}\//.test(a.code) && codeKey(a.code) === codeKey(b.code);
}

/** Subject overlap at which the sentence's "về …" clause is the title's own words. */
const FULL_SUBJECT = 0.9;

/** How far before the page a document cited without any identifying fact may be and still be the best fit. */
const PARTY_RECENT_YEARS = 2;
const STATE_RECENT_YEARS = 5;

/**
 * Whether a candidate nothing in the sentence confirms (no date, year, term, subject or plenum of its own; not
 * written in full elsewhere on the page) can be named the best fit by the page's date or by elimination. Numbers
 * restart every term (Party) or year (state documents cited without their year), and the dataset does not hold
 * every term's documents, so it must be of the page's own term or recent: a 2017 article citing "36-NQ/TW" with
 * nothing else may mean the 2004 resolution the dataset lacks, not the 2014 one it holds. When the page's date is
 * only a bound (an archive dated by year), a document of the bound's last year cannot be placed before the page.
 */
function plausibleUnconfirmed(s: Scored, ref: Reference, ctx: ResolveContext): boolean {
  if (s.reasons.some((r) => r.kind === 'citedInFull' || r.kind === 'subjectMatches' || r.kind === 'topicMatches' || r.kind === 'passageWords' || r.kind === 'yearsInForce' || r.kind === 'dateMatches' || r.kind === 'yearMatches')) return true;
  // A plenum issues several resolutions: its number and term say which plenum, not which of its resolutions; the
  // words of the sentence or passage must point at this one's title: its "về …" clause, or a passage matching it
  // (a pair or two of words in common is chance: "xây dựng", "kinh tế").
  if (ref.plenum !== undefined && !ref.number && !ref.code) return (s.subject ?? 0) > 0 || Boolean(s.topic?.matches);
  if (s.identifying > 0) return true;
  const page = ctx.pageDate;
  const t = timeOf(s.doc);
  if (!page || !t) return true;
  const pageYear = Number(page.slice(0, 4));
  const docYear = Number(t.slice(0, 4));
  // A state code written with its year names its year.
  if (s.doc.family === 'state' && (ref.code ? /\/\d{4}\//.test(ref.code) : Boolean(ref.codeYear))) return true;
  // An archive dated by a bound (its year's end): a document of the bound's second half may well be after the page.
  if (ctx.pageDateLabel && page.length === 10 && t.length === 10 && Date.parse(page) - Date.parse(t) < 182 * 86_400_000) return false;
  if (s.doc.family === 'party') {
    const pageTerm = termForDate(page);
    return (pageTerm !== undefined && docTerms(s.doc).includes(pageTerm)) || pageYear - docYear <= PARTY_RECENT_YEARS;
  }
  // A short form ("Nghị định 89") does not say its year.
  return pageYear - docYear <= STATE_RECENT_YEARS;
}

/** Years a review may be held early, or planned ahead of its year ("tổng kết 10 năm" prepared a year before). */
const YEARS_IN_FORCE_SLACK = 2;
/** The weight of a date that fits the years of carrying out: above the passage's words, below any stated fact. */
const YEARS_IN_FORCE_WEIGHT = 25;

/**
 * "Tổng kết 10 năm thực hiện Chỉ thị số 15-CT/TW" on a 2017 page (or at an event of 2017): the directive had been
 * carried out about ten years by then. A candidate dated later than that allows (two years' slack: a review held
 * early, or prepared ahead) is ruled out; one dated within a few years of it fits, and that speaks for it, below any
 * fact the sentence states. The page's date may be only a bound (an archive's year): ruling out stays sound, since
 * the page is not later than its bound.
 */
function weighYearsInForce(ref: Reference, scored: Scored[], ctx: ResolveContext): void {
  const at = ref.eventDate ?? ctx.pageDate;
  if (ref.yearsInForce === undefined || !at) return;
  const year = at.slice(0, 4);
  const latest = Number(year) - ref.yearsInForce + YEARS_IN_FORCE_SLACK;
  for (const s of scored) {
    const t = timeOf(s.doc);
    if (!t) continue;
    const issued = Number(t.slice(0, 4));
    if (issued > latest) s.ruledOut.push({ kind: 'tooRecentForYears', years: ref.yearsInForce, year, recorded: t });
    else if (docDates(s.doc).length > 0 && issued >= latest - YEARS_IN_FORCE_SLACK - 1) {
      s.evidence += YEARS_IN_FORCE_WEIGHT;
      s.score += YEARS_IN_FORCE_WEIGHT;
      s.reasons.push({ kind: 'yearsInForce', years: ref.yearsInForce, year });
    }
  }
}

/** Strength of subject-term agreement (passage-words.ts) that speaks for a candidate: two terms, or one said twice. */
export const PASSAGE_LEAD = 2;
/** Its weight: below every fact the sentence states of the document (plenum 20, term 40, year 50, date 100). */
const PASSAGE_WEIGHT = 15;

/**
 * The passage around the reference speaks of one candidate's subject and of no other's: that candidate leads. It
 * says the subject terms of its title (two of them, or one twice: "thể thao … thể thao", "BHXH") while not one
 * subject term of any other candidate's title is said, and every other candidate's title is known (a record without
 * a title may be the one the passage describes). Only candidates nothing rules out are weighed, so it never
 * overrides a contradiction; and its weight is below any fact of the sentence's own (plenum, term, date).
 */
function leadByPassage(ref: Reference, open: Scored[]): void {
  // Nothing to tell apart or to confirm: no candidate left, or a lone one the sentence's facts already confirm.
  if (open.length === 0 || (open.length === 1 && (open[0] as Scored).identifying > 0)) return;
  const passages = [...(ref.context ? [ref.context] : []), ...(ref.pageContexts ?? [])];
  if (passages.length === 0 || !open.some((s) => s.doc.title && !s.doc.knownFromNews)) return;
  // The passages (around the reference and the page's other mentions of it) are read once for all candidates; a
  // record known only from news is measured too, so that its title, read from some citing sentence, can stand in
  // another's way.
  const read = passageReader(passages);
  for (const s of open) if (s.doc.title) s.passage = read(s.doc.title);
  const leading = open.filter((s) => (s.passage?.strength ?? 0) >= PASSAGE_LEAD);
  if (leading.length !== 1) return;
  const top = leading[0] as Scored;
  if (top.doc.knownFromNews || top.topic?.matches) return;
  if (open.some((o) => o !== top && !sameDocumentCode(o.doc, top.doc) && (!o.doc.title || (o.passage?.strength ?? 0) > 0))) return;
  top.evidence += PASSAGE_WEIGHT;
  top.score += PASSAGE_WEIGHT;
  top.words += PASSAGE_WEIGHT;
  top.reasons.push({ kind: 'passageWords', terms: top.passage?.terms ?? [] });
}

/**
 * Weak contradictions count once something else fits better: a body of the same group named differently
 * (Bộ Chính trị / Ban Bí thư; Chính phủ / Thủ tướng) is ruled out when another candidate's body is the one
 * named; a title at odds with the sentence's subject when another candidate's title matches it.
 */
function ruleOutWeakerMatches(ref: Reference, scored: Scored[]): void {
  const open = scored.filter((s) => s.ruledOut.length === 0);
  if (open.some((s) => s.body === 'same')) {
    for (const s of open) if (s.body === 'near') s.ruledOut.push({ kind: 'issuerDiffers', stated: ref.issuerName ?? '', recorded: s.doc.issuer ?? s.doc.issuerAbbr });
  }
  if (open.some((s) => (s.subject ?? 0) >= 0.5 || s.topic?.matches)) {
    for (const s of open) if ((s.subject ?? 0) < 0.5 && !s.topic?.matches && (s.subject === 0 || s.topic?.shared === 0)) s.ruledOut.push({ kind: 'subjectDiffers' });
  }
}

/**
 * One document recorded twice (a dated record and an undated one of the same code, term and place, e.g. a sourced
 * row and a record known only from news) shows once: the undated record is dropped.
 */
function dropDuplicates(scored: Scored[]): Scored[] {
  return scored.filter((s) => {
    if (s.doc.date) return true;
    const term = s.doc.term;
    if (!term) return true;
    return !scored.some((o) => o !== s && o.doc.date && codeKey(o.doc.code) === codeKey(s.doc.code) && docTerms(o.doc).includes(term) && (o.doc.place ?? '') === (s.doc.place ?? ''));
  });
}

function toRuledOut(s: Scored): RuledOut {
  const d = s.doc;
  return { id: d.id, code: d.code, ...(d.date ? { date: d.date } : {}), ...(d.issuer ? { issuer: d.issuer } : {}), ...(d.term ? { term: d.term } : {}), because: s.ruledOut };
}
