/** Tab-separated files without quoting (the repository's human-reviewable sources). */

export interface TsvRow {
  /** 1-based line number in the file. */
  line: number;
  cells: Record<string, string>;
}

export interface TsvTable {
  header: string[];
  rows: TsvRow[];
  /** Rows whose cell count does not match the header: "line N: expected X columns, found Y". */
  shapeErrors: { line: number; reason: string }[];
}

/** Parses TSV text: first line the header, blank lines and lines starting with "#" skipped. */
export function parseTsv(text: string): TsvTable {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const header = (lines[0] ?? '').split('\t');
  const rows: TsvRow[] = [];
  const shapeErrors: TsvTable['shapeErrors'] = [];
  for (let i = 1; i < lines.length; i++) {
    const raw = lines[i] as string;
    if (raw.trim() === '' || raw.startsWith('#')) continue;
    const parts = raw.split('\t');
    if (parts.length !== header.length) {
      shapeErrors.push({ line: i + 1, reason: `expected ${header.length} columns, found ${parts.length}` });
      continue;
    }
    const cells: Record<string, string> = {};
    header.forEach((h, j) => (cells[h] = (parts[j] as string).trim()));
    rows.push({ line: i + 1, cells });
  }
  return { header, rows, shapeErrors };
}

/** Serializes rows with a fixed header; tabs and newlines inside cells become spaces. */
export function formatTsv(header: string[], rows: Record<string, string | undefined>[]): string {
  const clean = (v: string | undefined) => (v ?? '').replace(/[\t\r\n]+/g, ' ').trim();
  return [header.join('\t'), ...rows.map((r) => header.map((h) => clean(r[h])).join('\t'))].join('\n') + '\n';
}
