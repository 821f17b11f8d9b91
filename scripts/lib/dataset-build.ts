/**
 * The dataset build (Node only): validates data/, runs the project's detector over every corpus article and the
 * seed articles, derives articles, mentions and co-citations, resolves each mention, adds "known from news"
 * records for cited codes the documents table lacks, and returns the dataset and its report. Deterministic:
 * no clock, no randomness, every list in a stable order.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { detect } from '../../lib/detector/detect';
import type { Reference } from '../../lib/detector/types';
import { coCitations } from '../../lib/dataset/co-citations';
import { centralPartyParts, coverageMarkdown, coverageTable } from '../../lib/dataset/coverage';
import { formatRowError, isValidDate, parseDocuments, type RowError } from '../../lib/dataset/documents-file';
import { knownFromNewsDetailed, type Citation, type LikelyMisprint } from '../../lib/dataset/known-from-news';
import { DATASET_SCHEMA, type ArticleRecord, type Dataset, type DocumentRecord, type MentionRecord } from '../../lib/records/schema';
import { parseSites, siteTable } from '../../lib/dataset/sites-file';
import { parseTsv } from '../../lib/dataset/tsv';
import { createDocumentIndex } from '../../lib/resolver/document-index';
import { isLocalCode, isLocalIssuer } from '../../lib/keys/local-codes';
import { readPageMentions } from '../../lib/resolver/page-mentions';
import { isLocalReference, placeOf, type Resolution, type ResolveContext } from '../../lib/resolver/resolve';
import { reasonText } from '../../lib/resolver/reason-text';
import { placeForSite, siteKey, type SiteTable } from '../../lib/keys/site-place';

export interface BuildOptions {
  /** The repository's data/ folder. */
  dataDir: string;
  /** The raw corpus folder (index.tsv and articles/). */
  corpusDir: string;
  /** Folder holding the seed articles named in data/seeds.tsv. */
  seedsDir: string;
}

export interface BuildResult {
  /** Validation failures ("file:line: reason"); when any, there is no dataset. */
  errors: string[];
  dataset?: Dataset;
  report?: string;
}

interface ArticleInput {
  record: ArticleRecord;
  text: string;
  ctx: ResolveContext;
}

/** A mention as the build sees it, before it is written. */
interface Found {
  article: ArticleInput;
  ref: Reference;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function readData(dataDir: string, errors: RowError[]) {
  const file = (name: string) => join(dataDir, name);
  const rel = (name: string) => `data/${name}`;
  const docs = parseDocuments(readFileSync(file('documents.tsv'), 'utf8'), rel('documents.tsv'));
  errors.push(...docs.errors);
  const sites = parseSites(readFileSync(file('sites.tsv'), 'utf8'), rel('sites.tsv'));
  errors.push(...sites.errors);

  const seeds = parseTsv(readFileSync(file('seeds.tsv'), 'utf8'));
  for (const e of seeds.shapeErrors) errors.push({ file: rel('seeds.tsv'), line: e.line, reason: e.reason });
  for (const { line, cells } of seeds.rows) {
    const fail = (reason: string) => errors.push({ file: rel('seeds.tsv'), line, reason });
    if (!/^[\w.-]+\.txt$/.test(cells.file ?? '')) fail(`file "${cells.file}" is not a .txt name`);
    if (cells.date && !isValidDate(cells.date)) fail(`date "${cells.date}" is not YYYY or YYYY-MM-DD`);
    if (cells.context_date && !isValidDate(cells.context_date)) fail(`context_date "${cells.context_date}" is not a date`);
    if (cells.site && siteKey(cells.site) !== cells.site) fail(`site "${cells.site}" is not a bare host name`);
    if (!cells.title) fail('empty title');
  }
  const bounds = parseTsv(readFileSync(file('corpus-dates.tsv'), 'utf8'));
  for (const e of bounds.shapeErrors) errors.push({ file: rel('corpus-dates.tsv'), line: e.line, reason: e.reason });
  for (const { line, cells } of bounds.rows) {
    if (!isValidDate(cells.not_after ?? '') || (cells.not_after ?? '').length !== 10)
      errors.push({ file: rel('corpus-dates.tsv'), line, reason: `not_after "${cells.not_after}" is not YYYY-MM-DD` });
    if (!cells.sources) errors.push({ file: rel('corpus-dates.tsv'), line, reason: 'no source' });
  }
  return { documents: docs.documents, sites: sites.sites, seeds: seeds.rows, bounds: bounds.rows };
}

function readCorpus(corpusDir: string, table: SiteTable, siteIds: string[], bounds: Map<string, { date: string; label: string }>, errors: RowError[]): ArticleInput[] {
  const indexPath = join(corpusDir, 'index.tsv');
  if (!existsSync(indexPath)) { errors.push({ file: indexPath, line: 0, reason: 'corpus index.tsv not found' }); return []; }
  const index = parseTsv(readFileSync(indexPath, 'utf8'));
  const where = `${basename(corpusDir)}/index.tsv`;
  for (const e of index.shapeErrors) errors.push({ file: where, line: e.line, reason: e.reason });
  const out: ArticleInput[] = [];
  const seen = new Set<string>();
  for (const { line, cells: c } of index.rows) {
    const fileRel = c.file ?? '';
    const id = basename(fileRel).replace(/\.txt$/, '');
    if (!/^articles\/[\w.-]+\.txt$/.test(fileRel)) { errors.push({ file: where, line, reason: `file "${fileRel}" is not articles/<name>.txt` }); continue; }
    if (seen.has(id)) { errors.push({ file: where, line, reason: `duplicate article ${id}` }); continue; }
    if (c.date && !isValidDate(c.date)) { errors.push({ file: where, line, reason: `date "${c.date}" is not a date` }); continue; }
    const path = join(corpusDir, fileRel);
    if (!existsSync(path)) { errors.push({ file: where, line, reason: `${fileRel} not found` }); continue; }
    seen.add(id);
    const url = c.article_url ?? '';
    const outlet = c.outlet ?? '';
    const site = url ? siteKey(url) : siteIds.find((s) => s.split('.')[0] === outlet);
    const record: ArticleRecord = { id, url, outlet, title: c.title ?? '' };
    if (site) record.site = site;
    if (c.date) record.date = c.date;
    if (c.license) record.license = c.license;
    if (c.source_repo) record.origin = `${c.source_repo}@${(c.source_commit ?? '').slice(0, 12)}:${c.source_path ?? ''}`;
    const source = id.split('-')[0] as string;
    const bound = bounds.get(source);
    const ctx: ResolveContext = { site, sites: table };
    if (record.title) ctx.headline = record.title;
    if (record.date) ctx.pageDate = record.date;
    else if (bound) { ctx.pageDate = bound.date; ctx.pageDateLabel = bound.label; }
    out.push({ record, text: readFileSync(path, 'utf8'), ctx });
  }
  return out;
}

function readSeeds(seedsDir: string, rows: { line: number; cells: Record<string, string> }[], table: SiteTable, errors: RowError[]): ArticleInput[] {
  const out: ArticleInput[] = [];
  for (const { line, cells: c } of rows) {
    const path = join(seedsDir, c.file ?? '');
    if (!existsSync(path)) { errors.push({ file: 'data/seeds.tsv', line, reason: `seed ${c.file} not found in ${seedsDir}` }); continue; }
    const id = `seed-${(c.file ?? '').split('_')[0]}`;
    const record: ArticleRecord = { id, url: c.url ?? '', outlet: c.outlet ?? '', title: c.title ?? '' };
    if (c.site) record.site = c.site;
    if (c.date) record.date = c.date;
    record.origin = `seed:${c.file}`;
    const ctx: ResolveContext = { site: c.site || undefined, sites: table };
    if (record.title) ctx.headline = record.title;
    if (c.context_date) { ctx.pageDate = c.context_date; if (c.context_label) ctx.pageDateLabel = c.context_label; }
    else if (c.date) ctx.pageDate = c.date;
    out.push({ record, text: readFileSync(path, 'utf8'), ctx });
  }
  return out;
}

/** The place a reference is read in: its sentence's issuing body, else the page's site. */
/** The place a local reference is read in (the resolver's rule); undefined for other references. */
function localPlace(ref: Reference, ctx: ResolveContext): string | undefined {
  return isLocalReference(ref) ? placeOf(ref, ctx)?.name : undefined;
}

function toMention(f: Found, res: Resolution): MentionRecord {
  const { ref } = f;
  const m: MentionRecord = { articleId: f.article.record.id, raw: ref.raw, start: ref.start, end: ref.end, status: res.status };
  if (ref.code && !ref.inferred) m.code = ref.code;
  else if (ref.code) m.pageCode = ref.code;
  if (ref.date) m.date = ref.date;
  if (ref.issuerName) m.issuerName = ref.issuerName;
  if (ref.term) m.term = ref.term;
  if (res.place) m.place = res.place.name;
  const best = res.candidates[0];
  if (res.status === 'resolved' && best) { m.documentId = best.id; m.reasons = best.reasons; }
  if (res.status === 'ambiguous') m.candidates = res.candidates.map((c) => c.id);
  return m;
}

export function buildDataset(opts: BuildOptions): BuildResult {
  const errors: RowError[] = [];
  const data = readData(opts.dataDir, errors);
  const table = siteTable(data.sites);
  const bounds = new Map(data.bounds.map((b) => [b.cells.source as string, { date: b.cells.not_after as string, label: b.cells.label || `${b.cells.not_after}` }]));
  const articles = [
    ...readCorpus(opts.corpusDir, table, data.sites.map((s) => s.site), bounds, errors),
    ...readSeeds(opts.seedsDir, data.seeds, table, errors),
  ].sort((a, b) => cmp(a.record.id, b.record.id));
  if (errors.length) return { errors: errors.map(formatRowError) };

  const found: Found[] = [];
  for (const article of articles) {
    // The page read as a whole: other mentions of the same document complete each mention (page-mentions.ts).
    const refs = readPageMentions(detect(article.text));
    const codes = [...new Set(refs.filter((r) => r.code && !r.inferred).map((r) => r.code as string))].sort();
    if (codes.length) article.ctx.pageCodes = codes;
    for (const ref of refs) found.push({ article, ref });
  }

  // Pass 1: against the sourced documents. Codes no document fits become "known from news" records.
  const sourced = createDocumentIndex(data.documents);
  const citations: Citation[] = [];
  for (const f of found) {
    if (!f.ref.code || f.ref.inferred) continue;
    const res = sourced.resolve(f.ref, f.article.ctx);
    if (res.status !== 'unresolved') continue;
    const place = localPlace(f.ref, f.article.ctx);
    citations.push({ ref: f.ref, articleId: f.article.record.id, source: f.article.record.url || `article:${f.article.record.id}`, place, text: f.article.text });
  }
  const fromNews = knownFromNewsDetailed(citations, new Set(), data.documents);
  const news = fromNews.records.sort((a, b) => cmp(a.id, b.id));
  const documents: DocumentRecord[] = [...data.documents, ...news];

  // Pass 2: every mention against documents and news records.
  const index = createDocumentIndex(documents);
  const mentions = found.map((f) => toMention(f, index.resolve(f.ref, f.article.ctx)))
    .sort((a, b) => cmp(a.articleId, b.articleId) || a.start - b.start || a.end - b.end);

  const body: Dataset = {
    schema: DATASET_SCHEMA, version: '', documents, articles: articles.map((a) => a.record), mentions,
    sites: data.sites, coCitations: coCitations(mentions),
  };
  body.version = createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 16);
  return { errors: [], dataset: body, report: buildReport(body, news.length, fromNews.misprints) };
}

function pct(n: number, d: number): string {
  return d === 0 ? '0.0' : ((100 * n) / d).toFixed(1);
}

function buildReport(ds: Dataset, newsCount: number, misprints: readonly LikelyMisprint[]): string {
  const sourcedCount = ds.documents.length - newsCount;
  const byConfidence = (c: string) => ds.documents.filter((d) => !d.knownFromNews && d.confidence === c).length;
  const count = (s: string) => ds.mentions.filter((m) => m.status === s).length;
  const resolved = ds.mentions.filter((m) => m.status === 'resolved');
  const news = new Set(ds.documents.filter((d) => d.knownFromNews).map((d) => d.id));
  const newsOnlyRows = new Set(ds.documents.filter((d) => !d.knownFromNews && d.confidence === 'news-only').map((d) => d.id));
  const toNewsRecords = resolved.filter((m) => news.has(m.documentId as string)).length;
  const toNewsRows = resolved.filter((m) => newsOnlyRows.has(m.documentId as string)).length;
  const toNews = toNewsRecords + toNewsRows;
  const byPageDate = resolved.filter((m) => m.reasons?.some((r) => r.kind === 'onlyBeforePageDate' || r.kind === 'latestBeforePageDate')).length;
  const withCode = ds.mentions.filter((m) => m.code).length;
  const seeds = ds.articles.filter((a) => a.id.startsWith('seed-')).length;
  const citing = new Set(ds.mentions.map((m) => m.articleId)).size;
  const line = (m: MentionRecord) =>
    `- ${m.articleId} @${m.start} "${m.raw}"${m.code && m.code !== m.raw ? ` (${m.code})` : ''}` +
    `${m.date ? `, date ${m.date}` : ''}${m.term ? `, khóa ${m.term}` : ''}${m.issuerName ? `, ${m.issuerName}` : ''}` +
    `${m.place ? `, place ${m.place}` : ''}${m.candidates ? ` → ${m.candidates.join(' | ')}` : ''}`;
  const list = (s: string) => ds.mentions.filter((m) => m.status === s).map(line);
  const checkedRows = ds.documents.filter((d) => !d.knownFromNews && d.sources.some((s) => s.note?.startsWith('checked:'))).length;
  const withOfficialUrl = ds.documents.filter((d) => !d.knownFromNews && d.officialUrl).length;
  const mentionsOf = new Map<string, number>();
  for (const m of resolved) mentionsOf.set(m.documentId as string, (mentionsOf.get(m.documentId as string) ?? 0) + 1);
  const centralNews = ds.documents
    .filter((d) => (d.knownFromNews || (newsOnlyRows.has(d.id) && mentionsOf.has(d.id))) && !d.place && centralPartyParts(d.code))
    .map((d) => ({ d, n: mentionsOf.get(d.id) ?? 0 }))
    .sort((a, b) => b.n - a.n || cmp(a.d.id, b.d.id))
    .map(({ d, n }) => `- ${d.id}${newsOnlyRows.has(d.id) ? ' (row marked news-only)' : ''}: ${n} resolved mention${n === 1 ? '' : 's'}${d.date ? `, date ${d.date}` : ''}${d.term ? `, khóa ${d.term}` : ''}${d.issuer ? `, ${d.issuer}` : ''}`);
  const seedLines = ds.mentions.filter((m) => m.articleId.startsWith('seed-')).map((m) =>
    `${line(m)} → **${m.status}**${m.documentId ? ` ${m.documentId} (${(m.reasons ?? []).map(reasonText).join('; ')})` : ''}`);
  return `# Dataset build report

Written by \`npm run dataset\` (scripts/build-dataset.ts). Rebuilding from the same sources gives the same bytes.

- Version (content hash): \`${ds.version}\`; schema ${ds.schema}
- Documents: **${ds.documents.length}** — ${sourcedCount} from data/documents.tsv (official ${byConfidence('official')}, secondary ${byConfidence('secondary')}, news-only ${byConfidence('news-only')}) and ${newsCount} "known from news" records (facts only from citing sentences)
- Articles: **${ds.articles.length}** (${ds.articles.length - seeds} corpus, ${seeds} seeds); ${citing} with at least one detected reference
- Mentions: **${ds.mentions.length}** (${withCode} with a written code, ${ds.mentions.length - withCode} inferred: bare numbers, plenum names)
- Resolved: **${resolved.length} (${pct(resolved.length, ds.mentions.length)} %)** — ${resolved.length - toNews} to sourced documents, ${toNews} to documents known only from news (${toNewsRecords} records made from citing sentences, ${toNewsRows} rows of data/documents.tsv marked news-only); ${byPageDate} of them decided by the page date
- Ambiguous: **${count('ambiguous')}**; needs a place: ${count('needs-place')}; unresolved: ${count('unresolved')}
- Co-citation pairs: ${ds.coCitations.length}; sites: ${ds.sites.length}
- Sourced rows with a source checked to name the row's code (and date) when the row was made: ${checkedRows}; with the address of the official text (official_url): ${withOfficialUrl}

## Central Party register: coverage by term and type

Held: distinct numbers of the term and type with a sourced row in data/documents.tsv. Highest number known: the
highest number of any record of that term and type, sourced or "(news)" when only a known-from-news record has it.
Numbers missing: 1…highest without a sourced row (numbers restart each term; some may never have been issued or
published).

${coverageMarkdown(coverageTable(ds.documents))}

## Central Party codes cited in the corpus and known only from news

${centralNews.join('\n') || '(none)'}

## Seed articles: every reference and its resolution

${seedLines.join('\n')}

## Ambiguous mentions (candidates best first)

${list('ambiguous').join('\n') || '(none)'}

## Mentions needing a place (local codes on pages with no known province)

${list('needs-place').join('\n') || '(none)'}

## Unresolved mentions

${list('unresolved').join('\n') || '(none)'}

## Likely misprints (no record made: the sentence's subject contradicts the sourced record of that code)

${misprints.map((m) => `- ${m.articleId} "${m.code}" ${m.subject} ≠ ${m.records.join(' | ')}`).join('\n') || '(none)'}
`;
}
