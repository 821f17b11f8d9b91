/**
 * Why the resolver ranked or chose a candidate, as data: the resolver writes these, the dataset stores them on
 * mentions, the card maps each kind to a message key (lib/card/reasons.ts) and the scanner and build report say
 * them in English with reasonText() (lib/resolver/reason-text.ts). Adding a kind fails the type check in both
 * until it is worded there.
 */

/** Where the place of a local code came from. */
export type PlaceSource = 'sentence' | 'paragraph' | 'page' | 'headline' | 'site' | 'context';

export type Reason =
  /** The reference's written code is the document's code. */
  | { kind: 'exactCode' }
  /** An inferred reference ("Nghị định số 86") matches the document's number and type. */
  | { kind: 'numberType' }
  /** A plenum reference ("Nghị quyết Trung ương 7") names the document's plenum. */
  | { kind: 'plenum'; plenum: number }
  /** The sentence's full date is the document's date. */
  | { kind: 'dateMatches'; date: string }
  /** The sentence's year is the document's year. */
  | { kind: 'yearMatches'; year: string }
  /** The sentence's date (or year) falls in the term of an undated document. */
  | { kind: 'fallsInTerm'; date: string; term: string }
  /** The sentence states the document's term (khóa). */
  | { kind: 'termStated'; term: string }
  /** The sentence's subject ("về …") matches the document's title. */
  | { kind: 'subjectMatches' }
  /** The passage around the reference speaks of what the document's title says. */
  | { kind: 'topicMatches' }
  /**
   * The passage around the reference says subject terms of the document's title (`terms`, as the title writes them)
   * and none of any other candidate's title.
   */
  | { kind: 'passageWords'; terms: string[] }
  /**
   * The sentence tells of `years` years of carrying the document out (or since it was issued) by `year` ("tổng kết
   * 10 năm thực hiện Chỉ thị 15" on a 2017 page): the document's date fits.
   */
  | { kind: 'yearsInForce'; years: number; year: string }
  /** The sentence names the document's issuing body. */
  | { kind: 'issuerMatches'; issuer: string }
  /** A short name whose full code the same page writes out. */
  | { kind: 'citedInFull' }
  /** The place a local code was resolved in, and where it came from. */
  | { kind: 'place'; place: string; from: PlaceSource }
  /**
   * The only candidate dated before the page's date, or before `bound` (a bound rather than the page's own date,
   * e.g. "the end of 2017 (…)" for a corpus dated by year).
   */
  | { kind: 'onlyBeforePageDate'; pageDate: string; bound?: string }
  /** The latest of several candidates dated before the page's date (or before `bound`). */
  | { kind: 'latestBeforePageDate'; pageDate: string; bound?: string }
  /** Nothing in the sentence speaks for it, but it is the only document with this code (or name). */
  | { kind: 'onlyKnownCode' }
  | { kind: 'onlyKnownName' }
  /** The sentence names a series of documents of this number ("các Nghị quyết 19/NQ-CP"): none is chosen. */
  | { kind: 'namesSeries' };

export type ReasonKind = Reason['kind'];

/**
 * What the page states that a candidate contradicts: the candidate is ruled out, whatever else speaks for it, and
 * the card says why. `stated` is what the page says; the other fields what the record says.
 */
export type RuleOut =
  /** The sentence's full date (or year) is not the document's. */
  | { kind: 'dateDiffers'; stated: string; recorded: string }
  /** The sentence states a term (khóa) the document is not of. */
  | { kind: 'termDiffers'; stated: string; recorded: string }
  /** The sentence names another plenum. */
  | { kind: 'plenumDiffers'; stated: number; recorded: number }
  /** The document is dated after the page (or after the bound the page's date is known by). */
  | { kind: 'afterPageDate'; pageDate: string; recorded: string; bound?: string }
  /** The sentence tells of an event on a date before the document existed. */
  | { kind: 'afterEventDate'; eventDate: string; recorded: string }
  /** Dated too recently to have been carried out the `years` years the sentence tells of by `year`. */
  | { kind: 'tooRecentForYears'; years: number; year: string; recorded: string }
  /** The sentence names another issuing body (or a body of another level: a Tỉnh ủy never issues a …/TW record). */
  | { kind: 'issuerDiffers'; stated: string; recorded: string }
  /** The page places the local code in another province or district. */
  | { kind: 'placeDiffers'; stated: string; recorded?: string }
  /** The sentence's subject matches another candidate's title and not this one's. */
  | { kind: 'subjectDiffers' };

export type RuleOutKind = RuleOut['kind'];
