/**
 * The card's content as plain data (types only): what lib/card/model builds and components/card/Card renders.
 * Here, beside the component, so that the component needs nothing from lib/card (which renders it). Strings from
 * pages and the dataset stay plain strings; labels are message keys the component translates.
 */
import type { Confidence } from '@/lib/records/schema';

export type CardState = 'loading' | 'error' | 'resolved' | 'ambiguous' | 'unresolved' | 'needs-place';

/**
 * The kind of answer the card gives, said visibly: the sentence's facts confirm the record; the best fit among
 * records nothing contradicts; several fit; not in the dataset; a local code whose place the page does not say.
 */
export type CardAnswer = 'confirmed' | 'best-fit' | 'several' | 'not-in-dataset' | 'needs-place';

/** A record the page contradicts, and why (reasons worded like CandidateReason). */
export interface RuledOutItem {
  /** "35-CT/TW · 30/5/2019 · Bộ Chính trị · khóa XII". */
  summary: string;
  because: CandidateReason[];
}

/** One labelled fact. `label` is a message key; `value` is text, shown as text. */
export interface Fact {
  label: string;
  value: string;
  /** True when `value` is itself a message key (a fixed phrase such as an issuer level). */
  valueIsKey?: boolean;
}

export interface Link {
  url: string;
  label: string;
}

/**
 * Why a candidate was chosen, said for the reader: a message key with its values when the resolver's phrase is
 * known, else the phrase itself. The shape of lib/card/reasons' ReasonText (the model assigns one to the other,
 * so the compiler keeps them in step).
 */
/** One reason, worded: a message key with its values (see lib/card/reasons.ts). */
export interface CandidateReason {
  /** Message key. */
  key: string;
  subs: string[];
  /** The reason in English, shown should the message be missing. */
  text: string;
}

export interface CandidateChoice {
  id: string;
  /** "30/5/2019 · Bộ Chính trị · khóa XII". */
  summary: string;
  reasons: CandidateReason[];
}

export interface ArticleItem {
  outlet: string;
  date?: string;
  title: string;
  url?: string;
}

export interface RelatedItem {
  id: string;
  heading: string;
  title?: string;
  /** Message key for why it is related, with a count for co-citation. */
  why: string;
  count?: number;
}

/** Which record page a card's link opens: one document's record, or every document sharing a code. */
export type RecordTarget = { id: string } | { code: string };

export interface CardModel {
  state: CardState;
  /**
   * The record the card's "Full record" link opens: the chosen document's; while a reused code's card is not yet
   * decided, the list of every document sharing the code (each candidate reaches its record from there).
   */
  record?: RecordTarget;
  /** The kind of answer, once resolved. */
  answer?: CardAnswer;
  /** Records the page contradicts, with why: shown so the reader sees what was set aside. */
  ruledOut: RuledOutItem[];
  /** "Kế hoạch số 17-KH/TW". */
  heading: string;
  /** The text as written on the page. */
  raw: string;
  /** Facts of the selected document (or, for unknown codes, what the code says). */
  facts: Fact[];
  title?: string;
  confidence?: Confidence;
  /** The dataset knows this document only from news articles. */
  knownFromNews?: boolean;
  sources: Link[];
  /** The document's full text on an official portal ("Toàn văn"), when the record has its address. */
  officialText?: Link;
  /**
   * What to say where the sources have no public address (message keys): a source's plain name ("the law's own
   * text") or "no public address recorded", so a confidence badge is never left without its where-from.
   */
  sourceNotes: string[];
  /** Where sources disagree: other readings, shown beside the chosen value. */
  readings: Fact[];
  /** Candidates when a code names several documents; `selected` indexes them. */
  candidates: CandidateChoice[];
  selected: number;
  /** Why several documents fit: Party numbers restart every term, state numbers every year, a plenum issues several. */
  several?: SeveralWhy;
  /** What the code says (type, issuer level) and what the sentence says, for codes not in the dataset. */
  fromCode: Fact[];
  fromPage: Fact[];
  articles: ArticleItem[];
  articlesTotal: number;
  related: RelatedItem[];
  /**
   * Plain-Vietnamese citation to copy; from the page's own words when the dataset does not know the code, or
   * when several documents fit and the reader has not chosen one (never the top candidate cited silently).
   */
  citation?: string;
  citationFromPage?: boolean;
  /** Error text (message key) when the lookup failed. */
  error?: string;
  /**
   * The bundled data can't be read (no dataset is loaded): `what` is the message key saying what failed; the card
   * offers to try again. `retrying` while a retry is under way.
   */
  unreadable?: { what: string; retrying?: boolean };
}

/** Why several documents fit: Party numbers restart every term, state numbers every year, a plenum issues several. */
export type SeveralWhy = 'term' | 'year' | 'plenum' | 'other';
