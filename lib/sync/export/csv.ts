/**
 * CSV export: UTF-8 with a byte-order mark (so Excel reads Vietnamese letters), RFC 4180 quoting, CRLF. A cell
 * that a spreadsheet would run as a formula (starting = + - @) is prefixed with an apostrophe. Pure.
 */
import type { ExportItem } from './export-item';

export const CSV_COLUMNS = ['code', 'title', 'type', 'issuer', 'date', 'page_url', 'page_title', 'page_date', 'saved_at', 'note', 'tags', 'document_id'] as const;

function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(items: ExportItem[]): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const { ref, title, type, issuer, date } of items) {
    rows.push(
      [
        ref.code, title ?? '', type ?? '', issuer ?? '', date ?? '', ref.url, ref.pageTitle ?? '', ref.pageDate ?? '',
        new Date(ref.savedAt).toISOString(), ref.note, ref.tags.join('; '), ref.docId ?? '',
      ].map(cell).join(','),
    );
  }
  return '\uFEFF' + rows.join('\r\n') + '\r\n';
}
