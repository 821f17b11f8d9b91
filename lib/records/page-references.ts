/**
 * The references on a page as the popup lists them: grouped by document, with how often each is cited (built by
 * lib/page/popup-link.ts in the content script, shown by components/popup). Types only.
 */

/** One document (or one unresolved code) on the page. */
export interface PageReferenceGroup {
  key: string;
  /** The code as the document writes it, else as the page does. */
  code: string;
  title?: string;
  date?: string;
  /** The resolved document, when there is one. */
  documentId?: string;
  /** How many marked references name it. */
  count: number;
  status: 'resolved' | 'ambiguous' | 'unresolved' | 'pending';
}

export interface PageReferences {
  groups: PageReferenceGroup[];
  /** Marked references on the page in all. */
  total: number;
}
