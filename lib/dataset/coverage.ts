/**
 * How much of the central Party register the dataset holds: for each term (khóa) and type of …/TW document
 * (Nghị quyết, Chỉ thị, Kết luận, Quy định, …), the numbers held by a sourced row, the highest number any record
 * knows (sourced or known from news), and the numbers between 1 and that highest that no sourced row holds.
 * Pure: the build writes the table into data/build-report.md.
 */
import type { DocumentRecord } from '../records/schema';
import { termForDate } from '../keys/party-terms';

/** Terms and types the register is measured on, in report order. */
export const COVERAGE_TERMS: readonly string[] = ['XI', 'XII', 'XIII'];
export const COVERAGE_TYPES: readonly string[] = ['NQ', 'CT', 'KL', 'QĐ', 'HD', 'QC', 'TB', 'KH'];

export interface CoverageRow {
  term: string;
  type: string;
  /** Distinct numbers held by sourced rows (not known from news). */
  held: number;
  /** Highest number of any record of this term and type, sourced or known from news; 0 when none. */
  highest: number;
  /** Whether the highest number comes from a sourced row (else only from news). */
  highestSourced: boolean;
  /** Numbers 1…highest that no sourced row holds. */
  missing: number[];
}

/** A central Party code's type and number ("57-NQ/TW" → NQ, 57); undefined for other codes. */
export function centralPartyParts(code: string): { type: string; number: number } | undefined {
  const m = /^(\d+)[a-z]?\s*-\s*([A-ZĐ]+)\s*\/\s*TW$/u.exec(code.normalize('NFC').replace(/\u00d0/g, 'Đ'));
  if (!m) return undefined;
  return { type: m[2] as string, number: Number(m[1]) };
}

function termOf(d: DocumentRecord): string | undefined {
  return d.term ?? termForDate(d.date);
}

/** The coverage table: one row per term × type that any record touches (NQ and CT always). */
export function coverageTable(documents: readonly DocumentRecord[]): CoverageRow[] {
  const held = new Map<string, Set<number>>();
  const highest = new Map<string, { n: number; sourced: boolean }>();
  for (const d of documents) {
    if (d.family !== 'party' || d.place) continue;
    const parts = centralPartyParts(d.code);
    const term = termOf(d);
    if (!parts || !term || !COVERAGE_TERMS.includes(term) || !COVERAGE_TYPES.includes(parts.type)) continue;
    const key = `${term}|${parts.type}`;
    // Sourced: a reviewed row with a source other than citing articles (a row marked news-only is known from news too).
    const sourced = !d.knownFromNews && d.confidence !== 'news-only';
    if (sourced) {
      const s = held.get(key) ?? new Set<number>();
      s.add(parts.number);
      held.set(key, s);
    }
    const h = highest.get(key);
    if (!h || parts.number > h.n || (parts.number === h.n && sourced)) highest.set(key, { n: parts.number, sourced });
  }
  const rows: CoverageRow[] = [];
  for (const term of COVERAGE_TERMS)
    for (const type of COVERAGE_TYPES) {
      const key = `${term}|${type}`;
      const h = highest.get(key);
      if (!h && type !== 'NQ' && type !== 'CT') continue;
      const s = held.get(key) ?? new Set<number>();
      const top = h?.n ?? 0;
      const missing: number[] = [];
      for (let n = 1; n <= top; n++) if (!s.has(n)) missing.push(n);
      rows.push({ term, type, held: s.size, highest: top, highestSourced: h?.sourced ?? false, missing });
    }
  return rows;
}

/** "1–3, 5, 8–10": a sorted list of numbers as ranges. */
export function numberRanges(numbers: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < numbers.length; ) {
    let j = i;
    while (j + 1 < numbers.length && (numbers[j + 1] as number) === (numbers[j] as number) + 1) j++;
    out.push(j === i ? `${numbers[i]}` : `${numbers[i]}–${numbers[j]}`);
    i = j + 1;
  }
  return out.join(', ');
}

/** The table as Markdown, for the build report and the README. */
export function coverageMarkdown(rows: readonly CoverageRow[]): string {
  const head = '| term | type | held (sourced) | highest number known | share of 1…highest held | numbers missing |\n| --- | --- | --- | --- | --- | --- |';
  const body = rows.map((r) => {
    const inRange = r.highest - r.missing.length;
    const share = r.highest ? `${Math.round((100 * inRange) / r.highest)} %` : '—';
    const top = r.highest ? `${r.highest}${r.highestSourced ? '' : ' (news)'}` : '—';
    return `| ${r.term} | ${r.type} | ${r.held} | ${top} | ${share} | ${numberRanges(r.missing) || '—'} |`;
  });
  return [head, ...body].join('\n');
}
