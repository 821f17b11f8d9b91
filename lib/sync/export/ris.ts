/**
 * RIS export (EndNote, Zotero, Mendeley): TY GOVDOC; TI title, SN the code, PY year and DA date, AU the issuing
 * body, M3 the type, UR the page where it was seen, T2 that page's title, Y2 when it was saved, N1 the note, KW
 * one line per tag; CRLF line ends, UTF-8. Pure.
 */
import { dateParts, type ExportItem } from './export-item';

/** RIS values are one line: line breaks become spaces. */
const line = (tag: string, value: string | undefined) => (value ? [`${tag}  - ${value.replace(/[\r\n]+/g, ' ').trim()}`] : []);

const risDate = (parts: number[]) => `${parts[0]}/${parts[1] ? String(parts[1]).padStart(2, '0') : ''}/${parts[2] ? String(parts[2]).padStart(2, '0') : ''}/`;

export function toRis(items: ExportItem[]): string {
  const out: string[] = [];
  for (const { ref, title, type, issuer, date } of items) {
    const parts = dateParts(date);
    const saved = new Date(ref.savedAt);
    out.push(
      'TY  - GOVDOC',
      ...line('ID', `vbl-${ref.key}`),
      ...line('TI', title ?? ref.code),
      ...line('SN', ref.code),
      ...(parts ? [...line('PY', String(parts[0])), ...line('DA', risDate(parts))] : []),
      ...line('AU', issuer),
      ...line('M3', type),
      ...line('UR', ref.url),
      ...line('T2', ref.pageTitle),
      ...line('Y2', risDate([saved.getUTCFullYear(), saved.getUTCMonth() + 1, saved.getUTCDate()])),
      ...line('N1', ref.note),
      ...ref.tags.flatMap((t) => line('KW', t)),
      'ER  - ',
    );
  }
  return out.join('\r\n') + '\r\n';
}
