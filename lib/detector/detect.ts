/**
 * detect(text) → every reference to a Party or State document in `text`, with what its own sentence says.
 * Pure: no DOM, no browser API. Linear in the input: every pattern has bounded quantifiers, and the
 * sentence is read only in a bounded window around each reference.
 */
import { IMPLIED_BODIES, PARTY_ISSUERS, proseTypeEntry } from './abbreviations';
import { composeText } from './composed-text';
import { bodyBefore, bodyFacts } from './issuing-body';
import { insideLink } from './link-context';
import { LineBreaks } from './line-breaks';
import { cleanText } from './normalize';
import type { BareMatch } from './bare-reference';
import { findByNumber, type Draft } from './number-scan';
import { findPlenumReferences } from './plenum-reference';
import { eventDateBefore } from './event-date';
import { yearsInForceBefore } from './years-in-force';
import { bodyWithoutPerson } from './person-names';
import { isLocal, readParagraphs } from './paragraph-facts';
import { readAfter, readBefore } from './sentence-context';
import { endsSentenceAt } from './sentence-bounds';
import type { PageForms } from './page-forms';
import type { Family, Reference } from './types';

/** How far to read around a reference for its sentence. */
const BEFORE_WINDOW = 100;
const AFTER_WINDOW = 240;

/**
 * `page`: what the same page has cited in the parts of it already read, when a page is read in parts (see
 * PageForms); a whole text needs none.
 */
export function detect(input: string, page?: PageForms): Reference[] {
  if (typeof input !== 'string' || input.length === 0) return [];
  try {
    return detectIn(input, page);
  } catch {
    // The detector never throws on any string; a bug in a rule costs that text its references, not the page.
    return [];
  }
}

function detectIn(input: string, page: PageForms | undefined): Reference[] {
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
    if (overlapsCode(codes, b.start, b.end) || insideLink(text, b.start, b.end) || namesABody(text, b.start)) continue;
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

  let refs: Reference[] = [];
  const lineBreaks = new LineBreaks(text);
  /** Short forms only the page can confirm ("Nghị định 86" mid-sentence): kept if it cites that type and number elsewhere. */
  const unconfirmed = new Set<Reference>();
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i];
    const next = drafts[i + 1]?.start ?? text.length;
    const ref = withSentence(text, hasMarks, lineBreaks, d!, next, needsProse.has(d!), unconfirmed);
    if (ref) refs.push(ref);
  }
  if (unconfirmed.size > 0 || page) refs = confirmRepeatedForms(refs, unconfirmed, page);
  shareTrailingIssuer(text, refs);
  settleIssuers(refs);
  readParagraphs(text, refs);
  if (text === input) return refs;
  return refs.map((r) => {
    const start = toInput(r.start);
    const end = toInput(r.end);
    return { ...r, start, end, raw: input.slice(start, end) };
  });
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

/** A body named after a programme: "Ban Chỉ đạo Đề án 896", "Ban Quản lý Chương trình 135" name a committee, not a document. */
const BODY_BEFORE = /(?:^|[^\p{L}])Ban (?:[Cc]hỉ đạo|[Qq]uản lý|[Đđ]iều hành)\s+$/u;
function namesABody(text: string, start: number): boolean {
  return BODY_BEFORE.test(text.slice(Math.max(0, start - 16), start));
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

/** Sentence start: the last sentence break before `pos`, within the window (-1 - floor when none is found there). */
function sentenceStart(text: string, pos: number): number {
  const floor = Math.max(0, pos - BEFORE_WINDOW);
  for (let i = pos - 1; i >= floor; i--) {
    const c = text.charCodeAt(i);
    if (c === 10) return i + 1;
    // . ! ? ; followed by white space
    if ((c === 46 || c === 33 || c === 63 || c === 59) && i + 1 < pos && text.charCodeAt(i + 1) <= 32 && endsSentenceAt(text, i)) return i + 1;
  }
  return floor === 0 ? 0 : -1 - floor;
}

/** Codes of laws and ordinances: the National Assembly's (…/QH13), its Standing Committee's ordinances, older laws (…/L-CTN). */
const LAW_CODE = /\/QH\d|UBTVQH|\/L-CTN|PL-/u;
function withSentence(
  text: string,
  hasMarks: boolean,
  lineBreaks: LineBreaks,
  d: Draft,
  nextStart: number,
  needsProse: boolean,
  unconfirmed: Set<Reference>,
): Reference | undefined {
  const found = sentenceStart(text, d.start);
  const before = cleanText(text.slice(found < 0 ? -1 - found : found, d.start), hasMarks);
  let afterEnd = Math.min(nextStart, d.end + AFTER_WINDOW);
  const lineBreak = lineBreaks.after(d.end);
  if (lineBreak !== -1 && lineBreak < afterEnd) afterEnd = lineBreak;
  const after = cleanText(text.slice(d.end, afterEnd), hasMarks);
  // A bare reference carries its own type word; a body may still be named before it ("Bộ Chính trị ban hành …").
  const bare = d.proseType !== undefined;
  const body = bare ? bodyBefore(before) : undefined;
  const b: ReturnType<typeof readBefore> = bare ? { proseType: d.proseType, issuerName: body?.name, date: body?.date } : readBefore(before);
  // A law's name before a number types only a law's code ("Luật Doanh nghiệp số 68/2014/QH13").
  if (b.namedLaw && !LAW_CODE.test(d.code ?? '')) delete b.proseType;
  const a = readAfter(after);
  if (needsProse) {
    if (d.code && !proseConfirms(d, b.proseType)) return undefined;
  }
  const ref = d as Draft as Reference;
  if (needsProse && !d.code && !a.date && !a.issuerName && !a.term && !endsClause(after)) unconfirmed.add(ref);
  ref.raw = text.slice(d.start, d.end);
  const term = d.term ?? a.term;
  if (b.proseType) ref.proseType = b.proseType;
  const date = a.date ?? b.date;
  if (date) ref.date = date;
  // The signer named after the body ("Chủ tịch UBND TP Hà Nội Nguyễn Đức Chung") is not part of the body's name.
  const issuerName = a.issuerName ?? b.issuerName;
  if (issuerName) ref.issuerName = bodyWithoutPerson(issuerName);
  if (term) ref.term = term;
  if (a.subject) ref.subject = a.subject;
  if (a.plenum !== undefined && ref.plenum === undefined && ref.code && !Number.isNaN(a.plenum)) ref.plenum = a.plenum;
  if (ref.issuerMayBeLocal && a.headerPlace) settleTUByHeader(ref, a.headerPlace);
  // A local body's header names its own place ("Số: 2863/QĐ-UBND  Bà Rịa - Vũng Tàu, ngày …", "Số 120-KL/TU  Nghệ An, ngày …").
  else if (a.headerPlace && !ref.place && isLocal(ref)) {
    ref.place = a.headerPlace.replace(/^T[Pp]\.\s?/, '');
    ref.placeFrom = 'sentence';
  }
  if (a.severalTerms || namesSeveral(before, bare ? undefined : b.proseType, after, () => cleanText(text.slice(d.end, d.end + 100), hasMarks))) ref.several = true;
  const eventDate = eventDateBefore(before, found >= 0);
  // "Ngày 3/6/2017, Tổng Bí thư đã ký ban hành Nghị quyết …": the event is the signing, so the date is the document's.
  if (eventDate && !ref.date && SIGNED_RIGHT_BEFORE.test(before.slice(-48))) ref.date = eventDate;
  else if (eventDate && eventDate !== ref.date) ref.eventDate = eventDate;
  const yearsInForce = yearsInForceBefore(before);
  if (yearsInForce !== undefined) ref.yearsInForce = yearsInForce;
  refineType(ref);
  if (ref.inferred) refineIssuer(ref);
  return ref;
}

/**
 * What the code says about its issuer, once every reference has its sentence's body (also one shared from the next
 * reference, which is shared as the sentence names it: "Quyết định 2218/QĐ-TTg và Nghị định số 108/2014/NĐ-CP của Thủ
 * tướng Chính phủ" gives the decision the Prime Minister, and the decree then the Government).
 */
function settleIssuers(refs: Reference[]): void {
  for (const r of refs) {
    const named = r.issuerName;
    keepImpliedBody(r);
    if (r.inferred && r.issuerName !== named) refineIssuer(r);
    if (r.issuerMayBeLocal) settleTU(r);
  }
}

/**
 * Forms that are codes only when the prose word before them says so: a short công văn ("Công văn 197/STTTT"), a
 * permit ("giấy phép xây dựng số 95/GPXD"), an older form without a type ("Nghị định 28-CP", "Quyết định 41/TTg"),
 * a Sắc lệnh ("Sắc lệnh số 34/SL", never "bản sao lục" SL alone).
 */
function proseConfirms(d: Draft, proseType: string | undefined): boolean {
  if (!proseType) return false;
  if (d.type.abbr === 'SL') return proseType === 'Sắc lệnh';
  if (d.type.abbr?.startsWith('GP')) return /^(Giấy phép|Công văn|Văn bản)$/.test(proseType);
  if (d.issuer.abbr && OLDER_ISSUERS.has(d.issuer.abbr)) return proseType !== 'Giấy phép';
  return /^(Công văn|Văn bản|Công điện)$/.test(proseType);
}
const OLDER_ISSUERS = new Set(['CP', 'TTg', 'HĐBT']);

/** The body a code's issuer implies (…/NĐ-CP → CP, Chính phủ; …/QH13 → QH, Quốc hội), if it implies one. */
function impliedBody(ref: Reference): readonly [abbr: string, name: string] | undefined {
  const abbr = ref.issuer.abbr;
  if (!ref.code || ref.inferred || !abbr) return undefined;
  // A joint document (TTLT-BTC-BNV) has several issuers; a công văn's units ("TTg-QHQT") are the issuer's own.
  if (ref.type.abbr && abbr.includes('-')) return undefined;
  const head = abbr.split('-')[0]!.replace(/\d+$/, '');
  const name = IMPLIED_BODIES[head];
  return name ? [head, name] : undefined;
}

/**
 * A code whose issuer implies one body is credited to that body, never to another the sentence names (the
 * proposer, the drafting ministry, the deputy who signed): "Nghị định 15/2020/NĐ-CP do Bộ Thông tin và Truyền thông
 * soạn thảo" → Chính phủ. A bare Nghị định, Luật or Pháp lệnh is not credited to a ministry either.
 */
function keepImpliedBody(ref: Reference): void {
  if (!ref.issuerName) return;
  const implied = impliedBody(ref);
  if (implied) {
    if (bodyFacts(ref.issuerName)?.abbr !== implied[0]) ref.issuerName = implied[1];
    return;
  }
  if (ref.inferred && ref.plenum === undefined && /^Bộ [A-ZĐ]/.test(ref.issuerName)) {
    const byType = BARE_IMPLIED[ref.type.abbr ?? ''];
    if (byType) ref.issuerName = byType;
  }
}
const BARE_IMPLIED: Readonly<Record<string, string>> = { NĐ: IMPLIED_BODIES.CP!, L: IMPLIED_BODIES.QH!, PL: IMPLIED_BODIES.UBTVQH! };

/**
 * "TƯ" is read as TW (Trung ương), but some provincial committees write their Tỉnh ủy so. The detector reads one
 * sentence: when that sentence names a Tỉnh ủy or Thành ủy as the issuing body ("Kết luận số 120-KL/TƯ của Ban
 * Thường vụ Tỉnh ủy"), the code is the province's (…/TU); when it names a central body, the code stays …/TW. Either
 * way the question is settled. Otherwise the reference keeps issuerMayBeLocal for the page layer (header, site), and
 * the code stays …/TW.
 */
function settleTU(ref: Reference): void {
  const body = ref.issuerName ? bodyFacts(ref.issuerName) : undefined;
  if (!body || body.family !== 'party') return;
  delete ref.issuerMayBeLocal;
  if (body.abbr !== 'TU' || !ref.code || !ref.issuer.abbr?.startsWith('TW')) return;
  ref.code = ref.code.replace(/\/TW(?=-|$)/, '/TU');
  ref.issuer = { abbr: 'TU' + ref.issuer.abbr.slice(2), name: PARTY_ISSUERS.TU };
}

/** "các", "những" or "(4) phiên bản" right before the type word: the plural names a series of one number. */
const SEVERAL_BEFORE = /(?:^|[^\p{L}])(?:các|những|phiên bản)\s*$/iu;
/** "… của các năm trước", "… qua các năm", "… hằng năm": one number reissued year after year. Sticky: read at the start only. */
const SEVERAL_AFTER = /\s*[,(]?\s*(?:(?:của|qua|trong|những)\s+)?các năm(?![\p{L}])|\s*(?:hằng|hàng) năm(?![\p{L}])/iuy;
/** A list goes on after the reference ("các Chỉ thị 05-CT/TW, 06-CT/TW", "các Quyết định 12 … và 15"): each item is one document. */
const LIST_GOES_ON = /^[^.;:!?]{0,80}?(?:,|\svà|\shoặc)\s+(?:\p{L}+\s+){0,2}?(?:số\s*)?\d/u;

/**
 * Whether the sentence names several documents of one number: a plural before the type word ("các Nghị quyết
 * 19/NQ-CP", "4 phiên bản Nghị quyết 19") with no list going on after it (read past the next reference), or a
 * series of years after ("của các năm"). Only the last words before and the first after are read.
 */
function namesSeveral(before: string, proseType: string | undefined, after: string, ahead: () => string): boolean {
  const year = after.indexOf('năm');
  if (year >= 0 && year < 30) {
    SEVERAL_AFTER.lastIndex = 0;
    if (SEVERAL_AFTER.test(after)) return true;
  }
  let head = before.slice(-(24 + (proseType?.length ?? 0)));
  // Cheap test first: most sentences hold no plural word just before the reference.
  if (head.indexOf('ác') < 0 && head.indexOf('ững') < 0 && head.indexOf('bản') < 0 && head.indexOf('ÁC') < 0) return false;
  if (proseType) {
    const at = head.toLowerCase().lastIndexOf(proseType.toLowerCase());
    if (at < 0 || !/^\s*(?:số:?\s*)?\(?$/u.test(head.slice(at + proseType.length))) return false;
    head = head.slice(0, at);
  }
  return SEVERAL_BEFORE.test(head) && !LIST_GOES_ON.test(ahead());
}

/** "ký", "ban hành", "ký ban hành" right before the reference (its type word and "số" between): it was signed then. */
const SIGNED_RIGHT_BEFORE = /(?:^|\s)(?:ký|ban hành)\s+(?:\p{L}+\s+){0,2}?(?:số:?\s*)?$/u;

/** The type word and number a reference is cited by ("Nghị định|86" for "Nghị định 86/2015/NĐ-CP" and "Nghị định 86"). */
function shortForm(ref: Reference): string | undefined {
  const type = ref.proseType ?? ref.type.name;
  return type && ref.number ? `${type}|${ref.number}` : undefined;
}

/**
 * Within one page, a short form the sentence alone does not confirm ("… mà Nghị định 86 chưa quy định", a type
 * word and a number going on into the clause) is a citation when the page cites that type and number elsewhere in
 * a form that stands on its own: the code in full ("Nghị định 86/2015/NĐ-CP"), or "số", a date, a body, a clause's
 * end. Otherwise it is dropped, as before (a count, a name). A page read in parts remembers its standing forms in
 * `page`, so a later part's short forms are confirmed by an earlier part's.
 */
function confirmRepeatedForms(refs: Reference[], unconfirmed: ReadonlySet<Reference>, page: PageForms | undefined): Reference[] {
  const cited = new Set<string>();
  for (const r of refs) {
    const key = unconfirmed.has(r) ? undefined : shortForm(r);
    if (key) {
      cited.add(key);
      page?.add(key);
    }
  }
  if (unconfirmed.size === 0) return refs;
  return refs.filter((r) => {
    if (!unconfirmed.has(r)) return true;
    const key = shortForm(r) ?? '';
    return cited.has(key) || Boolean(page?.has(key));
  });
}

/**
 * A document header after a "TƯ" code names where it was issued: central Party documents are dated at Hà Nội, so any
 * other place ("Số 120-KL/TƯ  Nghệ An, ngày 2 tháng 3 năm 2021") makes it that province's Tỉnh ủy code (…/TU). Hà
 * Nội itself (the Thành ủy's or the centre's) leaves the question open.
 */
function settleTUByHeader(ref: Reference, place: string): void {
  const name = place.replace(/^T[Pp]\.\s?/, '');
  if (/^Hà Nội$/i.test(name) || !ref.code || !ref.issuer.abbr?.startsWith('TW')) return;
  delete ref.issuerMayBeLocal;
  ref.code = ref.code.replace(/\/TW(?=-|$)/, '/TU');
  ref.issuer = { abbr: 'TU' + ref.issuer.abbr.slice(2), name: PARTY_ISSUERS.TU };
  ref.place = name;
  ref.placeFrom = 'sentence';
}

/** After a bare number, a citation ends its clause or goes on with "của", "về", "và"…; a count goes on with a noun. */
function endsClause(after: string): boolean {
  return /^\s*(?:$|[.,;:!?)”"]|\(|–|-\s|(?:của|về|và|hoặc|đã|được|đang|là|thì|cũng|nêu|yêu cầu|nhấn mạnh|ngày|năm \d{4}|khóa|khoá)(?![\p{L}])|\/)/iu.test(after);
}

/**
 * The prose word wins over a guess from the code. A code without a type abbreviation (the công văn shape, older
 * forms) is whatever the sentence calls it ("Bản Kết luận số 2517/KL-TCHQ" is a Kết luận, "Tờ trình số 2000/BTC-TTr"
 * a Tờ trình). QĐ is Quyết định or Quy định: the prose word decides; without one, say both.
 */
function refineType(ref: Reference): void {
  if (ref.code && !ref.type.abbr && ref.proseType && ref.proseType !== 'Văn bản') {
    ref.type = { name: ref.proseType };
    return;
  }
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
  const own = impliedBody(ref);
  if (own) return bodyFacts(body)?.abbr === own[0];
  if (ref.issuerMayBeLocal && bodyFacts(body)?.abbr === 'TU') return true;
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
