/**
 * The record's citation in plain Vietnamese, as a reader would write it in a report: "Chỉ thị số 35-CT/TW ngày
 * 14/6/2024 của Bộ Chính trị về đại hội đảng bộ các cấp …". Parts that are not known are left out, never invented
 * (a year alone reads "năm 2019"). Pure.
 */
import { citation } from '../card/format';
import type { DocumentRecord } from '../records/schema';

export function recordCitation(doc: Pick<DocumentRecord, 'typeName' | 'code' | 'date' | 'issuer' | 'title'>): string {
  const head = citation({ typeName: doc.typeName, code: doc.code, date: doc.date, issuer: doc.issuer });
  const title = doc.title?.trim().replace(/[.;,\s]+$/u, '');
  if (!title) return head;
  // Titles are subject clauses ("về …", "Về …"): they follow the citation; any other title is quoted.
  if (/^về\s/iu.test(title)) return `${head} ${title.charAt(0).toLocaleLowerCase('vi')}${title.slice(1)}`;
  return `${head}, “${title}”`;
}
