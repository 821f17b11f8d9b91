/** How the scanner prints references: JSON Lines for programs, a table for people. */
import type { Reference } from '../../lib/detector/types';

export interface ScanRecord {
  code?: string;
  raw: string;
  start: number;
  end: number;
  family: string;
  type: string | null;
  typeName?: string;
  issuer: string | null;
  inferred: boolean;
  number?: string;
  date?: string;
  issuerName?: string;
  term?: string;
  plenum?: number;
  proseType?: string;
  subject?: string;
  /** The issuer was written "TƯ" and the sentence does not say whether Trung ương or a Tỉnh ủy issued it. */
  issuerMayBeLocal?: boolean;
  /** The sentence names a series of documents of this number ("các Nghị quyết 19/NQ-CP"), not one. */
  several?: boolean;
}

export function toRecord(r: Reference): ScanRecord {
  const rec: ScanRecord = {
    code: r.code,
    raw: r.raw,
    start: r.start,
    end: r.end,
    family: r.family,
    type: r.type.abbr ?? null,
    typeName: r.type.name,
    issuer: r.issuer.abbr ?? null,
    inferred: r.inferred,
    number: r.number,
  };
  if (r.date) rec.date = r.date;
  const issuerName = r.issuerName ?? r.issuer.name;
  if (issuerName) rec.issuerName = issuerName;
  if (r.term) rec.term = r.term;
  if (r.plenum !== undefined) rec.plenum = r.plenum;
  if (r.proseType) rec.proseType = r.proseType;
  if (r.subject) rec.subject = r.subject;
  if (r.issuerMayBeLocal) rec.issuerMayBeLocal = true;
  if (r.several) rec.several = true;
  return rec;
}

/** 1-based line and column (in UTF-16 units, as editors count) of an offset. */
export function lineColumn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `${line}:${offset - lineStart + 1}`;
}

export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => [...(r[c] ?? '')].length)));
  return rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell + ' '.repeat(widths[c]! - [...cell].length))).join('  ')).join('\n');
}
