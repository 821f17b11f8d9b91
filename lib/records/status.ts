/**
 * A document's status as a source states it, in the one form data/documents.tsv writes it (the build rejects any
 * other), so that the card and the record can say it in the reader's language:
 *
 *   in force | expired | partly expired | replaced by CODE     the state
 *   … from DATE                                                since when (expired from 2021-05-15)
 *   …, replaced by CODE                                        what replaced it (expired from 2024-12-31, replaced by 29/2023/QH15)
 *   …, amended                                                 amended since
 *   …, stated DATE | …, stated undated                        when the source said so (a statement, not today's status)
 *
 * DATE is YYYY, YYYY-MM or YYYY-MM-DD. Pure.
 */

export type StatusKind = 'in-force' | 'expired' | 'partly-expired' | 'replaced';

export interface DocumentStatus {
  kind: StatusKind;
  /** Since when the state holds. */
  from?: string;
  /** The code of the document that replaced this one. */
  by?: string;
  amended?: boolean;
  /** When the source stated it: a date, or 'undated' when the source gives none. */
  stated?: string;
}

const DATE = String.raw`\d{4}(?:-\d{2}(?:-\d{2})?)?`;
const CODE = String.raw`[^\s,]+`;
const STATUS = new RegExp(
  String.raw`^(in force|expired|partly expired|replaced by (${CODE}))(?: from (${DATE}))?` +
    String.raw`(?:, replaced by (${CODE}))?(, amended)?(?:, stated (${DATE}|undated))?$`,
  'u',
);

const KINDS: Record<string, StatusKind> = { 'in force': 'in-force', expired: 'expired', 'partly expired': 'partly-expired' };

/** "2021", "2021-05" or "2021-05-15" naming a real month and day. */
function realDate(d: string): boolean {
  const [y, m, day] = d.split('-').map(Number);
  if (m === undefined) return true;
  if (m < 1 || m > 12) return false;
  if (day === undefined) return true;
  const date = new Date(Date.UTC(y!, m - 1, day));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === day;
}

/** The status a text states, or undefined when the text does not follow the form above. */
export function parseStatus(text: string): DocumentStatus | undefined {
  const m = STATUS.exec(text.normalize('NFC').trim());
  if (!m) return undefined;
  const replacedFirst = m[2];
  // "replaced by X, replaced by Y" names two replacements in one statement, "in force, replaced by X" contradicts
  // itself: not the form. Dates are real ones.
  if ((replacedFirst || m[1] === 'in force') && m[4]) return undefined;
  if (![m[3], m[6]].every((d) => !d || d === 'undated' || realDate(d))) return undefined;
  const status: DocumentStatus = { kind: replacedFirst ? 'replaced' : KINDS[m[1]!]! };
  if (m[3]) status.from = m[3];
  const by = replacedFirst ?? m[4];
  if (by) status.by = by;
  if (m[5]) status.amended = true;
  if (m[6]) status.stated = m[6];
  return status;
}
