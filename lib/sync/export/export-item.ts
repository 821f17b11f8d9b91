/**
 * What an export writes for one saved reference: the reference, and the document's facts (title, type, issuing
 * body, date) from the dataset, or for a code the dataset does not know, what the page said. Pure.
 */
import type { SavedReference } from '../saved-reference';

export interface ExportItem {
  ref: SavedReference;
  title?: string;
  /** Type name ("Chỉ thị"). */
  type?: string;
  /** Issuing body ("Bộ Chính trị"). */
  issuer?: string;
  /** ISO date or year. */
  date?: string;
}

/** Facts of a dataset document, as the lookup gives them. */
export interface DocumentFacts {
  title?: string;
  typeName?: string;
  issuer?: string;
  date?: string;
}

export function exportItem(ref: SavedReference, doc?: DocumentFacts): ExportItem {
  const title = doc?.title ?? ref.page?.title;
  const type = doc?.typeName ?? ref.page?.type;
  const issuer = doc?.issuer ?? ref.page?.issuer;
  const date = doc?.date ?? ref.page?.date;
  return { ref, ...(title ? { title } : {}), ...(type ? { type } : {}), ...(issuer ? { issuer } : {}), ...(date ? { date } : {}) };
}

/** [year, month?, day?] of an ISO date or year; undefined when it is neither. */
export function dateParts(date: string | undefined): number[] | undefined {
  const m = date ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date) : null;
  if (!m) return undefined;
  return [m[1], m[2], m[3]].filter((x): x is string => x !== undefined).map(Number);
}

/** The file name an export gets: "vanban-lens-2026-12-01.ris". */
export function exportFileName(format: ExportFormat, now: number): string {
  return `vanban-lens-${new Date(now).toISOString().slice(0, 10)}.${FORMAT_EXTENSIONS[format]}`;
}

export type ExportFormat = 'csv' | 'json' | 'csl' | 'ris' | 'bibtex';

export const FORMAT_EXTENSIONS: Record<ExportFormat, string> = { csv: 'csv', json: 'json', csl: 'csl.json', ris: 'ris', bibtex: 'bib' };
export const FORMAT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
  csl: 'application/vnd.citationstyles.csl+json',
  ris: 'application/x-research-info-systems',
  bibtex: 'application/x-bibtex',
};
