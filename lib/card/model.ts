/**
 * The card's content as plain data: built from a reference, its resolution and the selected candidate's
 * details. Strings from pages and the dataset stay plain strings (the component renders them as text); labels
 * are message keys the component translates. Pure.
 */
import type { Reference } from '../detector/types';
import type { ArticleRecord, DocumentRecord } from '../records/schema';
import type { Candidate, Resolution } from '../resolver/resolve';
import type { RelatedDocument } from '../lookup/client';
import { UNREADABLE_KINDS } from '../lookup/messages';
import { issuerLevel, referenceTypeName } from './code-facts';
import { articleAddressKey, citation, documentHeading, formatDate, hostLabel, relationKey, safeUrl, statusText } from './format';
import { describeReason, describeRuleOut } from './reasons';
import { sourceName } from './source-names';
import type { CardAnswer, CardModel, Fact, SeveralWhy } from '@/components/card/types';

export interface CardDetails {
  document?: DocumentRecord;
  articles?: { items: ArticleRecord[]; total: number };
  related?: RelatedDocument[];
}

export interface CardInput {
  ref: Reference;
  /** Undefined while the batch is still being resolved. */
  resolution?: Resolution;
  /** Message key of a lookup failure. */
  error?: string;
  /** The dataset can't be read: what failed (a LoadFailureKind such as 'truncated'), and whether a retry runs. */
  unreadable?: { kind: string; retrying?: boolean };
  /**
   * Index of the candidate the reader chose. Undefined until they choose: the best candidate is shown, and an
   * ambiguous card keeps the page's own wording as its heading and citation.
   */
  selected?: number;
  /** Details of the selected candidate, once fetched. */
  details?: CardDetails;
  lang?: 'vi' | 'en';
  /** The page date sent with the batch was only read from text near the top, not from the page's metadata. */
  pageDateWeak?: boolean;
  /** The address of the page being read: it is never listed among the articles citing the document. */
  pageUrl?: string;
}

export const MAX_ARTICLES = 3;
export const MAX_RELATED = 4;

export function buildCardModel(input: CardInput): CardModel {
  const { ref, resolution, details = {}, lang = 'vi' } = input;
  const typeName = referenceTypeName(ref);
  // What the page itself says: the code, else the type and number ("Nghị quyết số 999"), else the words as written.
  const pageCode = ref.code ?? ref.number;
  const pageType = pageCode ? typeName : undefined;
  const code = pageCode ?? ref.raw;
  const pageHeading = documentHeading(pageType, code);
  const pageCitation = () => citation({ typeName: pageType, code, date: ref.date, issuer: ref.issuerName });
  const base: CardModel = {
    state: input.error ? 'error' : resolution ? resolution.status : 'loading',
    heading: pageHeading,
    raw: ref.raw,
    facts: [],
    sources: [],
    sourceNotes: [],
    readings: [],
    candidates: [],
    selected: 0,
    fromCode: [],
    fromPage: [],
    ruledOut: [],
    articles: [],
    articlesTotal: 0,
    related: [],
    error: input.error,
  };
  if (input.error && input.unreadable) {
    base.unreadable = { what: unreadableKey(input.unreadable.kind), ...(input.unreadable.retrying ? { retrying: true } : {}) };
  }
  const candidates = resolution?.candidates ?? [];
  const reasonOptions = { weakPageDate: input.pageDateWeak };
  if (resolution && !input.error) base.answer = resolution.answer ?? answerOf(resolution);
  const distinct = summaryParts(candidates);
  base.candidates = candidates.map((c) => ({ id: c.id, summary: candidateSummary(c, lang, distinct), reasons: c.reasons.map((r) => describeReason(r, lang, reasonOptions)) }));
  base.ruledOut = (resolution?.ruledOut ?? []).map((r) => ({
    summary: candidateSummary({ ...r, score: 0, reasons: [] }, lang, { code: true, title: false }),
    because: r.because.map((b) => describeRuleOut(b, lang)),
  }));
  if (candidates.length > 1) base.several = whySeveral(ref, candidates);
  const selected = Math.min(Math.max(input.selected ?? 0, 0), Math.max(candidates.length - 1, 0));
  base.selected = selected;
  const candidate: Candidate | undefined = candidates[selected];
  const doc = details.document && candidate && details.document.id === candidate.id ? details.document : undefined;

  if (!candidate) {
    // Not in the dataset (or not yet known): what the code says, and what the sentence says.
    base.fromCode = codeFacts(ref);
    base.fromPage = pageFacts(ref, lang);
    if (resolution) {
      base.citation = pageCitation();
      base.citationFromPage = true;
    }
    return base;
  }

  // Ambiguous and not yet chosen by the reader: the best candidate's facts are shown as a suggestion, but the
  // heading and the citation stay what the page says, never the guess.
  const unsure = resolution?.status === 'ambiguous' && input.selected === undefined;
  const docType = doc?.typeName ?? typeName;
  const docCode = doc?.code ?? candidate.code ?? code;
  base.heading = unsure ? pageHeading : documentHeading(docType, docCode);
  const issuer = doc?.issuer ?? candidate.issuer;
  const date = doc?.date ?? candidate.date;
  const term = doc?.term ?? candidate.term;
  if (issuer) base.facts.push({ label: 'cardIssuer', value: issuer });
  if (date) base.facts.push({ label: 'cardDate', value: formatDate(date, lang)! });
  if (term) base.facts.push({ label: 'cardTerm', value: term });
  if (doc?.place) base.facts.push({ label: 'cardPlace', value: doc.place });
  if (doc?.status) base.facts.push({ label: 'cardStatus', value: statusText(doc.status.text, lang) });
  base.title = doc?.title ?? candidate.title;
  if (doc) {
    base.confidence = doc.confidence;
    base.knownFromNews = doc.knownFromNews;
    const seen = new Set<string>();
    for (const url of [doc.officialUrl, ...doc.sources.map((s) => s.url), doc.status?.source]) {
      const safe = safeUrl(url);
      if (safe && !seen.has(safe)) {
        seen.add(safe);
        base.sources.push({ url: safe, label: sourceName(safe) ?? hostLabel(safe) });
      }
    }
    // The document's own text on an official portal, when the record has its address.
    const official = safeUrl(doc.officialUrl);
    if (official) base.officialText = { url: official, label: sourceName(official) ?? hostLabel(official) };
    if (base.sources.length === 0) base.sourceNotes = sourceNotes(doc);
    for (const reading of doc.readings) {
      base.readings.push({ label: `cardField_${reading.field}`, value: reading.field === 'date' ? formatDate(reading.value, lang)! : reading.value });
    }
  }
  if (details.articles) {
    // The page being read is not its own related article.
    const here = input.pageUrl ? articleAddressKey(input.pageUrl) : undefined;
    const others = here ? details.articles.items.filter((a) => !a.url || articleAddressKey(a.url) !== here) : details.articles.items;
    base.articlesTotal = Math.max(0, details.articles.total - (details.articles.items.length - others.length));
    base.articles = others.slice(0, MAX_ARTICLES).map((a) => ({
      outlet: a.outlet,
      date: formatDate(a.date, lang),
      title: a.title,
      url: safeUrl(a.url),
    }));
  }
  if (details.related) {
    base.related = details.related.slice(0, MAX_RELATED).map((r) => ({
      id: r.document.id,
      heading: documentHeading(r.document.typeName, r.document.code),
      title: r.document.title,
      why: r.why === 'relation' ? relationKey(r.kind) : 'cardCoCited',
      count: r.strength,
    }));
  }
  base.record = unsure ? { code: candidate.code ?? code } : { id: candidate.id };
  if (unsure) {
    base.citation = pageCitation();
    base.citationFromPage = true;
  } else {
    base.citation = citation({ typeName: docType, code: docCode, date, issuer });
  }
  if (resolution?.status === 'unresolved' || resolution?.status === 'needs-place') base.fromPage = pageFacts(ref, lang);
  return base;
}

/** Source addresses that are not web links, said in plain words; "no public address" when nothing else is known. */
function sourceNotes(doc: DocumentRecord): string[] {
  const notes = new Set<string>();
  for (const source of doc.sources) if (/^law-text:/i.test(source.url)) notes.add('cardSourceLawText');
  if (notes.size === 0) notes.add('cardNoPublicAddress');
  return [...notes];
}

/**
 * Why a reference fits several documents: a plenum issues several resolutions (and every term has a plenum of
 * that number); Party numbers restart every term; a state document cited without its year ("Nghị định 100")
 * fits one of each year, since state numbers restart every year.
 */
function whySeveral(ref: Reference, candidates: Candidate[]): SeveralWhy {
  if (ref.plenum !== undefined) return 'plenum';
  const codes = new Set(candidates.map((c) => c.code.normalize('NFC').toUpperCase()));
  if (ref.family === 'party') return codes.size === 1 ? 'term' : 'other';
  if (!ref.codeYear && !(ref.code && /\/\d{4}\//.test(ref.code))) return 'year';
  return 'other';
}

/** The kind of answer of a resolution made before resolutions said it. */
function answerOf(resolution: Resolution): CardAnswer {
  if (resolution.status === 'resolved') return 'best-fit';
  if (resolution.status === 'ambiguous') return 'several';
  return resolution.status === 'needs-place' ? 'needs-place' : 'not-in-dataset';
}

/**
 * What a candidate's summary needs so that no two look alike: the code when the candidates' codes differ, a few
 * words of the title when date, issuer and term do not tell them apart.
 */
function summaryParts(candidates: readonly Candidate[]): { code: boolean; title: boolean } {
  const codes = new Set(candidates.map((c) => c.code.normalize('NFC').toUpperCase()));
  const plain = candidates.map((c) => [c.date, c.issuer, c.term].join('|'));
  return { code: codes.size > 1, title: new Set(plain).size < plain.length };
}

const TITLE_WORDS = 8;

function candidateSummary(c: Candidate, lang: 'vi' | 'en', show: { code: boolean; title: boolean } = { code: false, title: false }): string {
  const title = show.title && c.title ? shortTitle(c.title) : undefined;
  const parts = [show.code ? c.code : undefined, formatDate(c.date, lang), c.issuer, c.term ? (lang === 'en' ? `term ${c.term}` : `khóa ${c.term}`) : undefined, title];
  const summary = parts.filter(Boolean).join(' · ');
  return summary || c.title || c.code;
}

/** The first words of a title ("Về đại hội đảng bộ các cấp tiến tới…"). */
function shortTitle(title: string): string {
  const words = title.trim().split(/\s+/);
  return words.length <= TITLE_WORDS ? words.join(' ') : `${words.slice(0, TITLE_WORDS).join(' ')}…`;
}

function codeFacts(ref: Reference): Fact[] {
  const facts: Fact[] = [];
  const typeName = ref.type.name ?? ref.proseType;
  if (typeName) facts.push({ label: 'cardType', value: ref.type.abbr ? `${typeName} (${ref.type.abbr})` : typeName });
  if (ref.issuer.abbr || ref.issuer.name) {
    facts.push({ label: 'cardCodeIssuer', value: [ref.issuer.name, ref.issuer.abbr && `(${ref.issuer.abbr})`].filter(Boolean).join(' ') });
  }
  const level = issuerLevel(ref);
  if (level) facts.push({ label: 'cardLevel', value: `level_${level.replace(/-/g, '_')}`, valueIsKey: true });
  facts.push({ label: 'cardFamily', value: ref.family === 'party' ? 'family_party' : 'family_state', valueIsKey: true });
  return facts;
}

function pageFacts(ref: Reference, lang: 'vi' | 'en'): Fact[] {
  const facts: Fact[] = [];
  if (ref.date) facts.push({ label: 'cardDate', value: formatDate(ref.date, lang)! });
  if (ref.issuerName) facts.push({ label: 'cardIssuer', value: ref.issuerName });
  if (ref.term) facts.push({ label: 'cardTerm', value: ref.term });
  if (ref.subject) facts.push({ label: 'cardSubject', value: ref.subject });
  return facts;
}

/**
 * The message key that says what failed when the dataset can't be read ('hash-mismatch' → integrity_kind_hash_mismatch);
 * a kind it does not know (a newer background) is worded as a failed load, never shown as a raw key.
 */
export function unreadableKey(kind: string): string {
  return UNREADABLE_KINDS.includes(kind) ? `integrity_kind_${kind.replace(/-/g, '_')}` : 'integrity_kind_load_failed';
}
