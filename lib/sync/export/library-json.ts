/**
 * The library's own JSON: every field of every reference, versioned, plus the document's facts for a reader of
 * the file (import reads the reference fields only). Pure.
 */
import type { ExportItem } from './export-item';

export const LIBRARY_FORMAT = 'vanban-lens/saved-references';
export const LIBRARY_VERSION = 1;

export function toLibraryJson(items: ExportItem[], now: number): string {
  return JSON.stringify(
    {
      format: LIBRARY_FORMAT,
      version: LIBRARY_VERSION,
      exportedAt: new Date(now).toISOString(),
      references: items.map(({ ref, title, type, issuer, date }) => ({
        ...(ref.docId ? { docId: ref.docId } : {}),
        code: ref.code,
        ...(ref.page ? { page: ref.page } : {}),
        url: ref.url,
        ...(ref.pageTitle ? { pageTitle: ref.pageTitle } : {}),
        ...(ref.pageDate ? { pageDate: ref.pageDate } : {}),
        savedAt: new Date(ref.savedAt).toISOString(),
        note: ref.note,
        tags: ref.tags,
        document: { ...(title ? { title } : {}), ...(type ? { type } : {}), ...(issuer ? { issuer } : {}), ...(date ? { date } : {}) },
      })),
    },
    null,
    2,
  );
}
