/** data/sites.tsv: outlet sites and, for provincial newspapers, the province they serve, with sources. */
import type { SiteRecord } from '../records/schema';
import type { RowError } from './documents-file';
import { parseTsv } from './tsv';
import { siteKey, type SiteTable } from '../keys/site-place';

export const SITE_COLUMNS = ['site', 'outlet', 'province', 'sources', 'note'] as const;

/** A source for a site fact: a URL, a corpus file ("corpus:README.md") or a seed article ("seed:<file>"). */
const SITE_SOURCE = /^(?:https?:\/\/\S+|corpus:\S+|seed:\S+)$/;

export function parseSites(text: string, file = 'data/sites.tsv'): { sites: SiteRecord[]; errors: RowError[] } {
  const table = parseTsv(text);
  const errors: RowError[] = table.shapeErrors.map((e) => ({ file, line: e.line, reason: e.reason }));
  const missing = SITE_COLUMNS.filter((c) => !table.header.includes(c));
  if (missing.length) return { sites: [], errors: [{ file, line: 1, reason: `missing columns: ${missing.join(', ')}` }] };
  const sites: SiteRecord[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells: c } of table.rows) {
    const fail = (reason: string) => errors.push({ file, line, reason });
    const site = c.site ?? '';
    if (!/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(site)) { fail(`site "${site}" is not a host name`); continue; }
    if (siteKey(site) !== site) { fail(`site "${site}" should be written as ${siteKey(site)}`); continue; }
    if (seen.has(site)) { fail(`duplicate site ${site} (first at line ${seen.get(site)})`); continue; }
    const sources = (c.sources ?? '').split(' ; ').map((s) => s.trim()).filter(Boolean);
    if (sources.length === 0) { fail('no source'); continue; }
    const bad = sources.find((s) => !SITE_SOURCE.test(s));
    if (bad) { fail(`source "${bad}" is not a URL, corpus: or seed: reference`); continue; }
    seen.set(site, line);
    const rec: SiteRecord = { site, sources };
    if (c.outlet) rec.outlet = c.outlet;
    if (c.province) rec.province = c.province;
    sites.push(rec);
  }
  return { sites, errors };
}

/** The resolver's site → province table from site records. */
export function siteTable(sites: readonly SiteRecord[]): SiteTable {
  const table: Record<string, string> = {};
  for (const s of sites) if (s.province) table[s.site] = s.province;
  return table;
}
