/** What the detector returns. Pure data: no DOM, no browser API. */

export type Family = 'party' | 'state';

/** An abbreviation as written in a code, with what it stands for where known. */
export interface Abbreviation {
  /** Normalized abbreviation (e.g. "QĐ", "BTCTW"); undefined when a bare reference gives none. */
  abbr?: string;
  /** Vietnamese name (e.g. "Quyết định", "Ban Tổ chức Trung ương"); undefined when unknown. */
  name?: string;
}

export interface Reference {
  /** The text as written in the input, from start to end. */
  raw: string;
  /** Normalized code ("137-QĐ/TW", "100/2019/NĐ-CP"); undefined for bare and plenum references. */
  code?: string;
  /** UTF-16 offsets into the input: raw === text.slice(start, end). */
  start: number;
  end: number;
  family: Family;
  /** The number without leading zeros ("17", "100"); undefined for plenum references without one. */
  number?: string;
  /** Year inside a state code ("2019" in 100/2019/NĐ-CP). */
  codeYear?: string;
  /** Document type; for QĐ the prose word decides between Quyết định and Quy định. */
  type: Abbreviation;
  /** The issuer abbreviation in the code (TW, BTCTW, TU, CP…) with what it stands for. */
  issuer: Abbreviation;
  /** True when the code was not written in full (bare number, plenum name, shorthand). */
  inferred: boolean;
  /** Type word used in the prose right before the code ("Kế hoạch", "Quy định"). */
  proseType?: string;
  /** Date the sentence gives for the document: "YYYY-MM-DD", or "YYYY" when only the year is given. */
  date?: string;
  /**
   * Date of an event the sentence tells of before citing the document ("Ngày 5-3-2019, … hội nghị sơ kết Chỉ thị
   * 35"): the document existed by then. "YYYY-MM-DD"; absent when it is the document's own date.
   */
  eventDate?: string;
  /**
   * Years the sentence says the document has been carried out (or since it was issued) at the time it tells of:
   * "tổng kết 10 năm thực hiện Chỉ thị số 15-CT/TW", "kỷ niệm 20 năm ban hành Nghị quyết …" (years-in-force.ts).
   */
  yearsInForce?: number;
  /** Issuing body as the sentence names it ("Bộ Chính trị", "Ban Thường vụ Tỉnh ủy"). */
  issuerName?: string;
  /** Term in Roman numerals ("XIII"), from "khóa XIII". */
  term?: string;
  /**
   * For local codes (…/TU, …/HU, …/QĐ-UBND): the province or district the sentence names (nearest to the code), else
   * the last one its paragraph names before it, of the level the code needs.
   */
  place?: string;
  /** Where the place was read: its sentence, its paragraph, or another mention of the same document on the page. */
  placeFrom?: 'sentence' | 'paragraph' | 'page';
  /**
   * The words around the reference in its paragraph (accents folded, lower case, one space between words; at most
   * CONTEXT_WINDOW characters each side): what the passage is about, compared with candidates' titles.
   */
  context?: string;
  /**
   * The words around the page's other mentions of the same document (each a context as above, windows apart from
   * this one's and from each other; at most MAX_PAGE_CONTEXTS): set when the page is read as a whole
   * (lib/resolver/page-mentions.ts), so that what the page says of the document is weighed at each mention.
   */
  pageContexts?: string[];
  /** Subject clause ("về đại hội đảng bộ các cấp …"), up to the clause end. */
  subject?: string;
  /**
   * The code's issuer was written "TƯ" and read as TW (Trung ương), but some provincial committees write their Tỉnh
   * ủy that way ("Số 120-KL/TƯ" under a Nghệ An header). Set when the sentence does not settle which: the page (its
   * header, its site's province) may. When the sentence names a Tỉnh ủy or Thành ủy as the issuing body, the code is
   * read as …/TU instead and this is not set; when it names a central body, it is not set either.
   */
  issuerMayBeLocal?: boolean;
  /**
   * The sentence names several documents that share this number, not one: a yearly series ("các Nghị quyết
   * 19/NQ-CP", "cả 4 phiên bản Nghị quyết 19", "Nghị quyết 19 của các năm trước"). Such a reference is never
   * resolved to one of them.
   */
  several?: boolean;
  /** Plenum number for "Nghị quyết Trung ương 7" style references. */
  plenum?: number;
}
